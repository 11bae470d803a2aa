"""`hepster figure` and the pictures' place in the other commands, as a therapist uses them."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image, ImageChops

from library.layers import Folder, load_library
from library.program_files import load_program, save_program
from tui.cli import main

ROOT = Path(__file__).parents[1]
SIDED = "hamstring-stretch-strap"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_left_is_right_mirrored_in_pixels(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    left, right = tmp_path / "left.png", tmp_path / "right.png"
    assert run(capsys, "figure", SIDED, "--side", "left", "-o", str(left))[0] == 0
    assert run(capsys, "figure", SIDED, "--side", "right", "-o", str(right))[0] == 0
    with Image.open(left) as a, Image.open(right) as b:
        left_pixels, right_pixels = a.convert("RGB"), b.convert("RGB")
    assert left_pixels.size == right_pixels.size
    mirrored = right_pixels.transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    # Smoothing may round an edge a pixel the other way; the drawing itself must match.
    assert mismatch(left_pixels, mirrored) < 0.005
    assert mismatch(left_pixels, right_pixels) > 0.05


def mismatch(a: Image.Image, b: Image.Image) -> float:
    """The share of pixels that differ clearly (not by a smoothed edge)."""
    difference = ImageChops.difference(a, b).convert("L").tobytes()
    return sum(1 for value in difference if value > 100) / len(difference)


def test_every_format_is_written(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    for name in ("x.png", "x.svg", "x.pdf"):
        code, out, err = run(capsys, "figure", SIDED, "-o", str(tmp_path / name))
        assert (code, err) == (0, "")
        assert out == f"{tmp_path / name}: written, Hamstring stretch with a strap\n"
    with Image.open(tmp_path / "x.png") as image:
        assert image.format == "PNG" and image.width == 800
    svg = (tmp_path / "x.svg").read_text(encoding="utf-8")
    assert svg.startswith("<svg") and "<text" not in svg  # no words inside a picture
    assert (tmp_path / "x.pdf").read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (
            ["hamstrng-stretch-strap"],
            1,
            "no exercise 'hamstrng-stretch-strap' in the library; "
            "did you mean 'hamstring-stretch-strap'?",
        ),
        (["bridge", "--side", "left"], 2, "bridge is done with both sides together"),
        ([SIDED, "-o", "x.gif"], 2, "the file name must end in .pdf, .svg or .png"),
        (["--sheet", "-o", "x.png"], 2, "a contact sheet is a PDF"),
        ([], 2, "name the exercise to draw"),
    ],
)
def test_mistakes_get_one_line(
    args: list[str],
    code: int,
    message: str,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    if "-o" not in args:
        args = [*args, "-o", "out.png"]
    got, out, err = run(capsys, "figure", *args)
    assert got == code
    assert out == ""
    assert len(err.splitlines()) == 1 and message in err
    assert not list(tmp_path.iterdir())


def test_an_exercise_without_a_figure(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clinic = tmp_path / "clinic"
    clinic.mkdir()
    (clinic / "mine.toml").write_text(
        '[[exercise]]\nid = "plain-one"\nname = "Plain one"\nregions = ["hip"]\n'
        'kind = "stretch"\nsteps = ["Do it."]\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("HEPSTER_LIBRARY", str(clinic))
    code, _, err = run(capsys, "figure", "plain-one", "-o", str(tmp_path / "x.png"))
    assert code == 1
    assert err.startswith("hepster: plain-one has no figure yet ([exercise.figure] in ")
    code, out, _ = run(capsys, "library", "plain", "one", "--json")
    found = [e for e in json.loads(out) if e["id"] == "plain-one"]
    assert found[0]["picture"] is None


def test_every_bundled_exercise_has_a_picture(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "library", "--json")
    assert code == 0
    exercises = json.loads(out)
    assert len(exercises) >= 179
    missing = [e["id"] for e in exercises if e["picture"] is None]
    assert missing == []
    assert {e["picture"] for e in exercises} <= {"figure", "image"}


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext (poppler-utils)")
def test_the_contact_sheet_names_every_exercise(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    sheet = tmp_path / "sheet.pdf"
    code, out, _ = run(capsys, "figure", "--sheet", "-o", str(sheet))
    assert code == 0
    text = subprocess.run(
        ["pdftotext", "-layout", str(sheet), "-"], capture_output=True, text=True, check=True
    ).stdout
    _, listing, _ = run(capsys, "library", "--json")
    ids = [e["id"] for e in json.loads(listing)]
    assert [i for i in ids if i not in text] == []
    assert out.endswith(f"{len(ids)} figures\n")
    code, out, _ = run(capsys, "figure", "--sheet", "--region", "knee", "-o", str(sheet))
    assert code == 0
    text = subprocess.run(
        ["pdftotext", str(sheet), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "quad-set" in text and "pendulum" not in text


COLLEAGUE = """[[exercise]]
id = "towel-wring-own"
name = "Wring a towel"
regions = ["wrist-hand"]
kind = "strength"
sided = true
steps = ["Hold a rolled towel with both hands.", "Twist it as if wringing it out."]

[exercise.figure]
position = "sitting"
props = ["chair", { prop = "towel", at = "near-hand", to = "far-hand" }]
pose = { shoulder = 40, elbow = 70 }
[[exercise.figure.frame]]
[[exercise.figure.frame]]
pose = { near-wrist = 40, far-wrist = -40 }
"""


def test_a_saved_program_prints_the_same_pictures_on_an_empty_machine(tmp_path: Path) -> None:
    """Saved where the exercise and its figure come from a clinic library; exported where no
    clinic or personal library exists at all: the same PDF, byte for byte."""
    clinic = tmp_path / "clinic"
    clinic.mkdir()
    (clinic / "hands.toml").write_text(COLLEAGUE, encoding="utf-8")
    program = tmp_path / "maria.toml"
    env = {k: v for k, v in os.environ.items() if k != "HEPSTER_LIBRARY"}

    def hepster(home: Path, *args: str, clinic_folder: Path | None = None) -> None:
        machine = {
            **env,
            "HOME": str(home),
            "XDG_DATA_HOME": str(home / "data"),
            "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_STATE_HOME": str(home / "s"),
            "XDG_CACHE_HOME": str(home / "cache"),
        }
        if clinic_folder is not None:
            machine["HEPSTER_LIBRARY"] = str(clinic_folder)
        subprocess.run(
            [sys.executable, "-m", "tui", *args],
            env=machine,
            check=True,
            capture_output=True,
            cwd=tmp_path,
        )

    here, there = tmp_path / "here", tmp_path / "there"
    # As the app saves it: the items, then every exercise they use, from the clinic library.
    program.write_text(
        'format = "hepster-program"\nversion = 1\ntitle = "Hands"\n\n[[item]]\n'
        'exercise = "towel-wring-own"\n[item.dose]\nside = "left"\n',
        encoding="utf-8",
    )
    library = load_library([Folder("clinic", clinic)])
    save_program(load_program(program, library.get), program)
    assert "[exercise.figure]" in program.read_text(encoding="utf-8")

    hepster(here, "export", str(program), "-o", str(tmp_path / "here.pdf"), clinic_folder=clinic)
    hepster(there, "export", str(program), "-o", str(tmp_path / "there.pdf"))
    here_pdf = (tmp_path / "here.pdf").read_bytes()
    assert here_pdf == (tmp_path / "there.pdf").read_bytes()
    # And the figure is really in it: without the figure the handout differs.
    plain = program.read_text(encoding="utf-8").split("[exercise.figure]")[0]
    program.write_text(plain, encoding="utf-8")
    hepster(there, "export", str(program), "-o", str(tmp_path / "plain.pdf"))
    assert (tmp_path / "plain.pdf").read_bytes() != here_pdf


def test_a_missing_picture_file_is_a_note_in_validate_and_export(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "p.toml"
    path.write_text(
        'format = "hepster-program"\nversion = 1\ntitle = "T"\n\n[[item]]\n'
        'exercise = "towel-wring-own"\n\n'
        + COLLEAGUE.replace("sided = true\n", 'sided = true\nimage = "images/wring.png"\n'),
        encoding="utf-8",
    )
    code, out, err = run(capsys, "validate", str(path))
    assert code == 0 and "ok" in out
    note = (
        f"hepster: {path}: note: exercise 1 (Wring a towel): the picture file "
        f"{tmp_path / 'images' / 'wring.png'} is not there; its drawn figure is printed instead"
    )
    assert note in err.splitlines()
    code, out, err = run(capsys, "export", str(path), "-o", str(tmp_path / "p.pdf"))
    assert code == 0
    assert note in err.splitlines()
    assert (tmp_path / "p.pdf").exists()


def test_png_is_what_the_pdf_shows(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """The picture is line art on white: mostly paper, some dark outline, some colour."""
    target = tmp_path / "x.png"
    run(capsys, "figure", SIDED, "-o", str(target), "--width", "400")
    with Image.open(io.BytesIO(target.read_bytes())) as image:
        pixels = image.convert("L").tobytes()
    white = sum(1 for p in pixels if p > 245) / len(pixels)
    dark = sum(1 for p in pixels if p < 60) / len(pixels)
    assert 0.4 < white < 0.95
    assert dark > 0.01
