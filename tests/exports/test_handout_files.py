"""The handout as a file: the same bytes every time, written whole or not at all, with its
metadata, its pictures, and print a patient can read (no small text, nothing grey)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from pdf_helpers import (
    EXAMPLE,
    example_program,
    export,
    font_sizes,
    images,
    need,
    page_texts,
    pdf_info,
    pdf_text,
    uncompressed,
    word_boxes,
    words,
)
from PIL import Image

from exports.handout import ExportError, HandoutOptions, export_program
from library.figure_scene import PALETTE
from library.model import Dose, Item, Program


def test_two_exports_are_the_same_bytes(tmp_path: Path) -> None:
    program = example_program()
    first = export(program, tmp_path, name="first.pdf").read_bytes()
    second = export(program, tmp_path, name="second.pdf").read_bytes()
    assert first == second


def test_another_process_writes_the_same_bytes(tmp_path: Path) -> None:
    """Another interpreter: a different hash seed, fonts loaded afresh, another day's clock."""
    mine = export(example_program(), tmp_path, HandoutOptions(large_print=True), "mine.pdf")
    theirs = tmp_path / "theirs.pdf"
    result = subprocess.run(
        [sys.executable, "-m", "tui", "export", str(EXAMPLE), "-o", str(theirs), "--large-print"],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONHASHSEED": "12345", "TZ": "Pacific/Auckland"},
    )
    assert result.returncode == 0, result.stderr
    assert theirs.read_bytes() == mine.read_bytes()


def test_a_missing_folder_is_one_line_and_leaves_nothing(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "out.pdf"
    result = subprocess.run(
        [sys.executable, "-m", "tui", "export", str(EXAMPLE), "-o", str(target)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert result.stdout == ""
    [line] = result.stderr.splitlines()
    assert line == f"hepster: {target}: the folder {target.parent} does not exist"
    assert not target.parent.exists()


def test_a_folder_in_the_way_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "h.pdf").mkdir()
    with pytest.raises(ExportError) as caught:
        export(example_program(), tmp_path)
    assert "\n" not in str(caught.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["h.pdf"]


def test_no_permission_is_one_line_and_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Refused at the rename, the last step (root ignores folder permissions, so the refusal
    is simulated)."""

    def refuse(source: str, target: str) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(ExportError, match=f"^no permission to write in {tmp_path}$"):
        export(example_program(), tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_an_invalid_program_writes_nothing(tmp_path: Path) -> None:
    program = example_program()
    broken = replace(program, items=(*program.items, Item("no-such-exercise")))
    with pytest.raises(ExportError, match=r"^item 7 uses the exercise 'no-such-exercise'"):
        export(broken, tmp_path)
    with pytest.raises(ExportError, match="no exercises"):
        export(replace(program, items=()), tmp_path)
    with pytest.raises(ExportError, match="paper"):
        export(program, tmp_path, HandoutOptions(paper="legal"))
    assert list(tmp_path.iterdir()) == []


def test_an_existing_handout_is_replaced_whole(tmp_path: Path) -> None:
    target = tmp_path / "h.pdf"
    target.write_bytes(b"an older handout")
    export_program(example_program(), target)
    assert target.read_bytes().startswith(b"%PDF-")
    assert [p.name for p in tmp_path.iterdir()] == ["h.pdf"]


def test_metadata(tmp_path: Path) -> None:
    handout = export(example_program(), tmp_path, HandoutOptions(paper="a4"))
    info = pdf_info(handout)
    assert info["Title"] == "Low back pain: hips first"
    assert info["Author"] == "Sam Rivera, PT, DPT"
    assert info["Subject"] == "Home exercise program: Low back pain: hips first"
    assert info["CreationDate"].startswith("Tue Nov 24 00:00:00 2026")
    assert info["Page size"].endswith("(A4)")
    assert "/Lang (en)" in uncompressed(handout, tmp_path)


def test_without_a_creation_date_the_date_is_fixed(tmp_path: Path) -> None:
    handout = export(replace(example_program(), created=None), tmp_path)
    assert pdf_info(handout)["CreationDate"].startswith("Sat Jan  1 00:00:00 2000")
    assert "Date:" not in pdf_text(handout)


@pytest.mark.parametrize(("large_print", "smallest"), [(False, 12), (True, 16)])
def test_no_text_is_small(tmp_path: Path, large_print: bool, smallest: float) -> None:
    """Nothing below the body's size; but for the log's grid in large print, which may be as
    small as regular print's body (tests/exports/test_handout_log.py): fourteen columns of
    16 pt weekdays do not fit across a page."""
    handout = export(example_program(), tmp_path, HandoutOptions(large_print=large_print))
    sizes = font_sizes(uncompressed(handout, tmp_path))
    assert sizes and min(sizes) >= 12, sorted(sizes)
    log = [number for number, text in enumerate(page_texts(handout), 1) if "exercise log" in text]
    outside = {round(word.size, 1) for word in word_boxes(handout) if word.page not in log}
    assert outside and min(outside) >= smallest, sorted(outside)


def colours_used(handout: Path, folder: Path) -> set[tuple[tuple[str, ...], str]]:
    content = uncompressed(handout, folder)
    operators = re.sub(r"\((?:\\.|[^\\)])*\)", "()", content)  # text strings out of the way
    colours = re.findall(r"((?:[\d.]+ )+)(rg|RG|g|G|k|K|sc|scn|SC|SCN)(?=\s)", operators)
    assert colours, "no colour set at all"
    return {(tuple(value.split()), op) for value, op in colours}


BLACK = {(("0", "0", "0"), "rg"), (("0", "0", "0"), "RG")}


def test_all_text_and_lines_are_black(tmp_path: Path) -> None:
    """Everything but the drawings: a program whose exercises have no figure."""
    program = example_program()
    plain = tuple(replace(exercise, figure=None) for exercise in program.exercises)
    handout = export(replace(program, exercises=plain), tmp_path)
    assert colours_used(handout, tmp_path) <= BLACK


def test_drawings_use_only_the_figure_palette(tmp_path: Path) -> None:
    from reportlab.lib.colors import HexColor

    def rounded(values: tuple[float, ...]) -> tuple[float, ...]:
        return tuple(round(value, 3) for value in values)

    palette = {
        rounded((colour.red, colour.green, colour.blue))
        for colour in map(HexColor, [*PALETTE.values(), "#000000"])
    }
    used = colours_used(export(example_program(), tmp_path), tmp_path)
    assert used - BLACK, "no drawing in the handout"
    assert {rounded(tuple(map(float, values))) for values, _ in used} <= palette


def test_tick_boxes_per_day(tmp_path: Path) -> None:
    """Two weeks of boxes: three a day for the first exercise, one for the second; each box at
    least 8 mm (22.68 points) across."""
    program = example_program()
    first, second = program.items[:2]
    items = (replace(first, dose=Dose(sets=3, per_day=3)), replace(second, dose=None))
    handout = export(replace(program, items=items), tmp_path)
    content = uncompressed(handout, tmp_path)
    boxes = re.findall(r"0 0 ([\d.]+) \1 re S", content)
    assert len([side for side in boxes if float(side) >= 22.68]) == 14 * (3 + 1)


def test_a_picture_is_embedded_and_a_fake_one_refused(tmp_path: Path) -> None:
    library = tmp_path / "library"
    library.mkdir()
    Image.new("RGB", (300, 200), "white").save(library / "stretch.png")
    program = example_program()
    exercise = replace(program.exercises[0], image="stretch.png", source=library / "x.toml")
    pictured = replace(program, exercises=(exercise, *program.exercises[1:]))
    rows = images(export(pictured, tmp_path))
    # Once in the exercise's block, once, small, in the log.
    assert len(rows) == 2 and all(row.split()[3:5] == ["300", "200"] for row in rows)

    (library / "stretch.png").write_text("root:x:0:0:root:/root:/bin/bash\n")
    with pytest.raises(ExportError) as caught:
        export(pictured, tmp_path, name="fake.pdf")
    message = str(caught.value)
    assert message.startswith("exercise 1, Hamstring stretch with a strap: ")
    assert "\n" not in message
    assert not (tmp_path / "fake.pdf").exists()


def test_a_program_with_nothing_but_exercises_still_prints(tmp_path: Path) -> None:
    """No clinic, no patient, no dates, no doses: the handout is thinner, never broken."""
    exercise = example_program().exercises[3]
    bare = Program(items=(Item(exercise.id),), exercises=(exercise,))
    handout = export(bare, tmp_path)
    text = words(pdf_text(handout))
    assert "Home exercise program" in text
    assert f"Exercise 1: {exercise.name}" in text
    assert "How much: as your therapist showed you" in text
    assert "Call your therapist or your doctor." in text
    need("qpdf")
    subprocess.run(["qpdf", "--check", str(handout)], check=True, capture_output=True)


def test_text_longer_than_a_page_still_prints(tmp_path: Path) -> None:
    """A caution pasted in at great length breaks across pages instead of failing the export."""
    program = example_program()
    caution = "Careful now, go slowly. " * 400
    exercise = replace(program.exercises[0], cautions=(caution,))
    long = replace(program, exercises=(exercise, *program.exercises[1:]))
    handout = export(long, tmp_path, HandoutOptions(large_print=True))
    text = words(pdf_text(handout))
    assert text.count("Careful") == 400  # a sentence may break across pages, a word not
    assert "Exercise 1 continues on the next page." in text
