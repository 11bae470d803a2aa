"""The command line and other languages: search by a Spanish name, `show` naming the languages
an exercise is written in, a program's language checked by `validate`."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.cli import main

ROOT = Path(__file__).parents[1]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_library_finds_the_stretches_by_their_spanish_name(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, "library", "estiramiento")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert len(lines) >= 30
    assert all("(es) " in line for line in lines)  # each found by its Spanish names
    assert sum("(es) Estiramiento" in line for line in lines) >= len(lines) - 2
    assert any(line.startswith("calf-stretch-wall ") for line in lines)


def test_library_finds_a_spanish_name_typed_without_accents(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "library", "isquiotibiales")
    assert code == 0 and "hamstring-stretch-strap" in out
    _, typed_plain, _ = run(capsys, "library", "pantorrilla", "pared")
    assert typed_plain.splitlines()[0].startswith("calf-stretch-wall ")


def test_show_names_the_exercise_in_each_language(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "show", "calf-stretch-wall")
    assert code == 0
    assert "In Spanish: Estiramiento de pantorrilla en la pared" in out


def test_validate_reads_a_spanish_program(capsys: pytest.CaptureFixture[str]) -> None:
    example = ROOT / "examples" / "lumbar-caderas-es.toml"
    code, out, err = run(capsys, "validate", str(example))
    assert (code, err) == (0, "")
    assert 'program "Dolor de espalda baja: primero las caderas", 6 exercises' in out


def test_validate_names_an_unsupported_language(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "p.toml"
    text = (ROOT / "examples" / "low-back-hips.toml").read_text(encoding="utf-8")
    path.write_text(text.replace('notes = """', 'language = "sp"\nnotes = """', 1))
    code, _, err = run(capsys, "validate", str(path))
    assert code == 1
    assert err.strip() == (
        f"{path}: language: 'sp' supported languages: en (English), es (Español), "
        "fr (Français), de (Deutsch), pt (Português)"
    )
