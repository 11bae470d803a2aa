"""Broken files a therapist might really produce: each must fail `hepster validate` with exit 1,
every problem on its own line naming the file, and never a traceback.

Each file in tests/corpus states what it must report in `# expect:` lines at its top.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from library.safe_text import UNSAFE_BUT_NEWLINE as UNSAFE
from tui.cli import main

CORPUS = Path(__file__).parent / "corpus"
# Files that cannot carry a comment say what they expect here.
WITHOUT_COMMENTS = {
    "empty.toml": ["is empty; a program starts with format ="],
    "blank-lines.toml": ["is empty"],
}


def expectations(path: Path) -> list[str]:
    if path.name in WITHOUT_COMMENTS:
        return WITHOUT_COMMENTS[path.name]
    lines = path.read_bytes().decode("ascii", errors="replace").splitlines()
    return [line.removeprefix("# expect: ") for line in lines if line.startswith("# expect: ")]


BROKEN = sorted(CORPUS.glob("*.toml"))


def test_the_corpus_is_large_enough() -> None:
    assert len(BROKEN) >= 30


@pytest.mark.parametrize("path", BROKEN, ids=lambda p: p.name)
def test_broken_file_is_reported(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    expected = expectations(path)
    assert expected, f"{path.name} states no expectation"
    assert main(["validate", str(path)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    lines = err.splitlines()
    assert lines, "no problem reported"
    for line in lines:
        assert line.startswith(f"{path}: "), line
    assert not UNSAFE.search(err), "a control character from the file reached the terminal"
    for fragment in expected:
        assert any(fragment in line for line in lines), f"{fragment!r} not in:\n{err}"
    # Every expected problem ("place: message") is a line of its own: all problems are reported,
    # not only the first.
    problems = {e for e in expected if ": " in e}
    matched = {number for number, line in enumerate(lines) for e in problems if e in line}
    assert len(matched) >= len(problems), f"{sorted(problems)} share lines in:\n{err}"


def test_duplicate_ids_across_files_in_a_folder(capsys: pytest.CaptureFixture[str]) -> None:
    folder = CORPUS / "dup-folder"
    assert main(["validate", str(folder)]) == 1
    err = capsys.readouterr().err
    assert "'same-id' is defined twice in the clinic library" in err
    assert str(folder / "b.toml") in err


def test_whole_corpus_in_one_run_has_no_traceback() -> None:
    """As a user runs it: one process, every file, exit 1, plain lines only."""
    run = subprocess.run(
        [sys.executable, "-m", "tui", "validate", *map(str, BROKEN)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 1
    assert "Traceback" not in run.stderr
    assert run.stdout == ""
    named = {line.split(": ", 1)[0] for line in run.stderr.splitlines()}
    assert named == {str(path) for path in BROKEN}


def test_a_good_file_beside_bad_ones_still_says_ok(capsys: pytest.CaptureFixture[str]) -> None:
    example = Path(__file__).parents[1] / "examples" / "low-back-hips.toml"
    assert main(["validate", str(example), str(CORPUS / "neither.toml")]) == 1
    out, err = capsys.readouterr()
    assert out.startswith(f"{example}: ok, program")
    assert "neither.toml" in err


@pytest.mark.parametrize("path", BROKEN, ids=lambda p: p.name)
def test_export_refuses_it_in_plain_lines_and_writes_nothing(
    path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "handout.pdf"
    assert main(["export", str(path), "-o", str(target)]) == 1
    out, err = capsys.readouterr()
    assert out == "" and err, "refused with a reason"
    assert not UNSAFE.search(err)
    assert not target.exists() and list(tmp_path.iterdir()) == []
