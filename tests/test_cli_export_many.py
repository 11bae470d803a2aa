"""`hepster export A.toml B.toml …` as a clinic uses it: a day's handouts in one call, and
`export` reading the library only when a program needs it."""

from __future__ import annotations

import os
import pty
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tui.cli import main

ROOT = Path(__file__).parents[1]
EXAMPLE = ROOT / "examples" / "low-back-hips.toml"
BROKEN_LIBRARY_FILE = '[[exercise]]\nid = "Bad Id"\nname = "x"\n'


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    code = main([str(arg) for arg in args])
    out, err = capsys.readouterr()
    return code, out, err


def pdf_text(path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("needs pdftotext (poppler-utils)")
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def program_for(path: Path, patient: str) -> Path:
    """A copy of the example for another patient."""
    text = EXAMPLE.read_text(encoding="utf-8").replace('"Jane Doe"', f'"{patient}"')
    path.write_text(text, encoding="utf-8")
    return path


def broken_program(path: Path) -> Path:
    text = EXAMPLE.read_text(encoding="utf-8")
    path.write_text(text.replace('title = "Low back pain: hips first"', "title = 42"), "utf-8")
    return path


@pytest.fixture(params=[1, 2], ids=["one-core", "two-cores"])
def cores(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> int:
    """With one core the programs are exported one after another, with more in a pool of
    workers: both must say and write the same."""
    count: int = request.param
    monkeypatch.setattr(os, "cpu_count", lambda: count)
    return count


def test_several_programs_in_one_call(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, cores: int
) -> None:
    ann = program_for(tmp_path / "ann.toml", "Ann Example")
    bob = program_for(tmp_path / "bob.toml", "Bob Sample")
    broken = broken_program(tmp_path / "broken.toml")
    cy = program_for(tmp_path / "cy.toml", "Cy Person")
    code, out, err = run(capsys, "export", ann, bob, broken, cy)
    assert code == 1, "one program failed"
    assert out.splitlines() == [
        f"{tmp_path / 'ann.pdf'}: written",
        f"{tmp_path / 'bob.pdf'}: written",
        f"{tmp_path / 'cy.pdf'}: written",
    ]
    assert err == f"{broken}: title: must be text in quotes (got 42)\n"
    assert not (tmp_path / "broken.pdf").exists()
    for name, patient in (("ann", "Ann Example"), ("bob", "Bob Sample"), ("cy", "Cy Person")):
        assert patient in pdf_text(tmp_path / f"{name}.pdf")


def test_all_good_is_exit_0(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    programs = [program_for(tmp_path / f"p{n}.toml", f"Patient {n}") for n in range(3)]
    code, out, err = run(capsys, "export", "--paper", "a4", *programs)
    assert (code, err) == (0, "")
    assert len(out.splitlines()) == 3
    assert all((tmp_path / f"p{n}.pdf").is_file() for n in range(3))


def test_into_a_folder(capsys: pytest.CaptureFixture[str], tmp_path: Path, cores: int) -> None:
    folder = tmp_path / "handouts"
    folder.mkdir()
    ann = program_for(tmp_path / "ann.toml", "Ann Example")
    bob = program_for(tmp_path / "bob.toml", "Bob Sample")
    code, out, err = run(capsys, "export", ann, bob, "-o", folder)
    assert (code, err) == (0, "")
    assert out == f"{folder / 'ann.pdf'}: written\n{folder / 'bob.pdf'}: written\n"
    assert "Bob Sample" in pdf_text(folder / "bob.pdf")
    assert not list(tmp_path.glob("*.pdf")), "nothing beside the programs"


def test_one_program_into_a_folder(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """The same -o works for a shell pattern that happens to match one program."""
    folder = tmp_path / "handouts"
    folder.mkdir()
    ann = program_for(tmp_path / "ann.toml", "Ann Example")
    code, out, _ = run(capsys, "export", ann, "-o", folder)
    assert (code, out) == (0, f"{folder / 'ann.pdf'}: written\n")


@pytest.mark.parametrize("output", ["both.pdf", "no-such-folder"])
def test_a_file_name_with_several_programs_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, output: str
) -> None:
    ann = program_for(tmp_path / "ann.toml", "Ann Example")
    bob = program_for(tmp_path / "bob.toml", "Bob Sample")
    code, out, err = run(capsys, "export", ann, bob, "-o", tmp_path / output)
    assert (code, out) == (2, "")
    assert len(err.splitlines()) == 1
    assert "with several programs, -o names an existing folder" in err
    assert not list(tmp_path.rglob("*.pdf")), "nothing written"


def test_two_programs_that_would_write_one_pdf_are_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "june").mkdir()
    (tmp_path / "handouts").mkdir()
    first = program_for(tmp_path / "jane.toml", "Jane Doe")
    second = program_for(tmp_path / "june" / "jane.toml", "Jane Roe")
    code, out, err = run(capsys, "export", first, second, "-o", tmp_path / "handouts")
    assert (code, out) == (2, "")
    assert err == (
        f"hepster: {first} and {second} would both be written to "
        f"{tmp_path / 'handouts' / 'jane.pdf'}; export one of them on its own, with -o\n"
    )
    code, _, err = run(capsys, "export", first, first)
    assert code == 2 and err == f"hepster: {first}: named twice; name each program once\n"
    assert not list(tmp_path.rglob("*.pdf")), "nothing written"


def broken_clinic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A clinic library (HEPSTER_LIBRARY) with a file in it that every reading complains of."""
    clinic = tmp_path / "clinic"
    clinic.mkdir()
    (clinic / "broken.toml").write_text(BROKEN_LIBRARY_FILE, encoding="utf-8")
    monkeypatch.setenv("HEPSTER_LIBRARY", str(clinic))
    return clinic / "broken.toml"


def test_a_self_contained_program_never_reads_the_library(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = broken_clinic(tmp_path, monkeypatch)
    assert str(broken) in run(capsys, "library")[2], "reading the library says what is wrong"
    jane = program_for(tmp_path / "jane.toml", "Jane Doe")
    code, out, err = run(capsys, "export", jane)
    assert (code, out, err) == (0, f"{tmp_path / 'jane.pdf'}: written\n", "")
    code, _, err = run(capsys, "export", jane, program_for(tmp_path / "ann.toml", "Ann"))
    assert (code, err) == (0, "")


def program_using_the_library(path: Path) -> Path:
    """A program that names a library exercise without carrying its definition."""
    path.write_text(
        'format = "hepster-program"\nversion = 1\ntitle = "Hamstrings"\npatient = "Ann"\n\n'
        '[[item]]\nexercise = "hamstring-stretch-strap"\n'
        '[item.dose]\nsets = 3\nhold_s = 30\nside = "each"\n',
        encoding="utf-8",
    )
    return path


def test_a_program_that_needs_the_library_reads_it(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    cores: int,
) -> None:
    broken = broken_clinic(tmp_path, monkeypatch)
    short = program_using_the_library(tmp_path / "short.toml")
    code, out, err = run(capsys, "export", short)
    assert (code, out) == (0, f"{tmp_path / 'short.pdf'}: written\n")
    assert err.startswith(f"{broken}: ")
    assert "Hamstring stretch with a strap" in pdf_text(tmp_path / "short.pdf")
    other = program_using_the_library(tmp_path / "other.toml")
    code, out, err = run(capsys, "export", short, other)
    assert code == 0 and len(out.splitlines()) == 2
    problems = [line for line in err.splitlines() if line.startswith(f"{broken}: ")]
    assert len(problems) == len(set(problems)), "the library's problems are said once"


def test_a_progress_line_on_a_terminal_only(tmp_path: Path) -> None:
    programs = [str(program_for(tmp_path / f"p{n}.toml", f"P{n}")) for n in range(3)]
    leader, follower = pty.openpty()
    with subprocess.Popen(
        [sys.executable, "-m", "tui", "export", *programs],
        stdout=subprocess.PIPE,
        stderr=follower,
    ) as process:
        os.close(follower)
        seen = b""
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:  # the terminal is closed once the command ends
                break
            if not chunk:
                break
            seen += chunk
        os.close(leader)
        assert process.wait() == 0
    assert "Exporting 1 of 3…".encode() in seen
    assert seen.endswith(b"\r\x1b[K"), "cleared at the end"
    redirected = subprocess.run(
        [sys.executable, "-m", "tui", "export", *programs], capture_output=True, check=False
    )
    assert (redirected.returncode, redirected.stderr) == (0, b"")


def test_ctrl_c_stops_cleanly(tmp_path: Path) -> None:
    """Ctrl+C reaches every process on the terminal: exit 130, no traceback, nothing half
    written, no worker left behind. (Many programs: a loaded machine may read the first line
    late, and all must not be written by then.)"""
    programs = [str(program_for(tmp_path / f"p{n:02}.toml", f"P{n}")) for n in range(200)]
    with subprocess.Popen(
        [sys.executable, "-m", "tui", "export", *programs],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group, as a terminal's foreground job
    ) as process:
        assert process.stdout is not None and process.stderr is not None
        assert process.stdout.readline().endswith(b": written\n")
        os.killpg(process.pid, signal.SIGINT)
        error = process.stderr.read().decode()
        assert process.wait(timeout=30) == 130
    assert "Traceback" not in error and error == ""
    assert not [p for p in tmp_path.iterdir() if p.suffix == ".tmp"], "no temporary files left"
    written = len(list(tmp_path.glob("*.pdf")))
    assert 1 <= written < len(programs)
    with pytest.raises(ProcessLookupError):
        os.killpg(process.pid, 0)  # the group is gone: no worker outlived the command
