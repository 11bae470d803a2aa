"""Text is text: markup in any field of a program prints as typed, and names in any script the
font covers come back out of the PDF as they went in."""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pdf_helpers import ROOT, example_program, export, images, pdf_text, words
from reportlab.pdfbase.ttfonts import TTFontFile

from library.model import Dose, Item, Program

HOSTILE = '<b>bold</b> <img src="/etc/passwd"/> &amp; <a href="x">link</a> <br/>'

# Every text a program can carry, as (where, field). A field of an item or its dose is set on the
# first item; of an exercise, on the first item's exercise.
PROGRAM_FIELDS = ["title", "patient", "clinician", "clinic", "contact", "notes"]
PROGRAM_LISTS = ["goals", "precautions"]
ITEM_FIELDS = ["section", "notes", "progression"]
EXERCISE_FIELDS = ["name", "summary", "video"]
EXERCISE_LISTS = ["steps", "cues", "cautions"]
DOSE_FIELDS = ["load", "tempo", "effort", "when"]
FIELDS = (
    [("program", f) for f in PROGRAM_FIELDS + PROGRAM_LISTS]
    + [("item", f) for f in ITEM_FIELDS]
    + [("exercise", f) for f in EXERCISE_FIELDS + EXERCISE_LISTS]
    + [("dose", f) for f in DOSE_FIELDS]
)
LISTS = set(PROGRAM_LISTS + EXERCISE_LISTS)


def with_text(program: Program, where: str, field: str, text: str) -> Program:
    value: Any = (text,) if field in LISTS else text
    if where == "program":
        return replace(program, **{field: value})
    item = program.items[0]
    if where == "exercise":
        exercise = program.exercise(item.exercise)
        assert exercise is not None
        changed = replace(exercise, **{field: value})
        exercises = tuple(changed if e is exercise else e for e in program.exercises)
        return replace(program, exercises=exercises)
    if where == "item":
        item = replace(item, **{field: value})
    else:
        item = replace(item, dose=replace(item.dose or Dose(), **{field: value}))
    return replace(program, items=(item, *program.items[1:]))


def one_item_program() -> Program:
    program = example_program()
    return replace(program, items=program.items[:1])


@pytest.mark.parametrize(("where", "field"), FIELDS, ids=[f"{w}.{f}" for w, f in FIELDS])
def test_markup_in_any_field_prints_literally(tmp_path: Path, where: str, field: str) -> None:
    program = with_text(one_item_program(), where, field, HOSTILE)
    handout = export(program, tmp_path)
    text = pdf_text(handout)
    assert words(HOSTILE) in words(text)
    assert "root:" not in text
    assert images(handout) == [], "an <img> tag was followed"


NAMES = [
    "Zoë Łukasiewicz-Ñúñez",
    "Αικατερίνη Παπαδοπούλου",
    "Анастасия Кузнецова-Щербакова",
    "Nguyễn Thị Hương Trần Đặng Văn Lâm",
    "Åsa Øberg Çelik Şahin Ğ ß",
]


@pytest.mark.parametrize("name", NAMES)
def test_names_in_any_script_round_trip(tmp_path: Path, name: str) -> None:
    program = one_item_program()
    for where, field in [
        ("program", "patient"),
        ("program", "clinic"),
        ("exercise", "name"),
        ("exercise", "steps"),
    ]:
        program = with_text(program, where, field, name)
    pages = pdf_text(export(program, tmp_path)).split("\f")
    assert f"For: {name}" in pages[0]
    assert f"Exercise 1: {name}" in words(pdf_text(tmp_path / "h.pdf"))
    assert f"1. {name}" in words(pages[2] + pages[1])
    assert all(name in words(page) for page in pages if page.strip())  # the footer


def test_decomposed_accents_print_composed(tmp_path: Path) -> None:
    """Text typed with combining accents (as macOS file names are) prints as one glyph each."""
    name = "Nguyễn Zoë"
    decomposed = unicodedata.normalize("NFD", name)
    assert decomposed != name
    program = with_text(one_item_program(), "program", "patient", decomposed)
    assert f"For: {name}" in pdf_text(export(program, tmp_path))


def font_characters() -> list[str]:
    """Letters, digits, punctuation and symbols of Latin, Greek, Cyrillic and Vietnamese that
    both the regular and the bold DejaVu Sans draw."""
    covered = None
    for face in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
        characters = set(TTFontFile(str(ROOT / "exports" / "fonts" / face)).charToGlyph)
        covered = characters if covered is None else covered & characters
    assert covered is not None
    ranges = [(0x21, 0x7E), (0xC0, 0x24F), (0x370, 0x3FF), (0x400, 0x4FF), (0x1EA0, 0x1EF9)]
    return [
        chr(code)
        for low, high in ranges
        for code in range(low, high + 1)
        if code in covered and unicodedata.category(chr(code))[0] in "LNPS"
    ]


# Random characters seldom make well-formed markup, and ReportLab passes malformed markup through
# as text; so whole tags and entities are drawn as words of their own.
TAGS = ["<b>", "</b>", "<i>x</i>", "&amp;", "&lt;", "&#65;", "<br/>", '<img src="a.png"/>', "<u>"]
MARKUP = '<>&;#"/='
WORD = st.one_of(
    st.text(
        alphabet=st.one_of(st.sampled_from(font_characters()), st.sampled_from(MARKUP)),
        min_size=1,
        max_size=10,
    ),
    st.sampled_from(TAGS),
)


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(patient=st.lists(WORD, min_size=1, max_size=3), note=st.lists(WORD, min_size=1, max_size=8))
def test_any_text_the_font_covers_comes_back_out(
    tmp_path: Path, patient: list[str], note: list[str]
) -> None:
    program = Program(
        title="Round trip",
        patient=" ".join(patient),
        notes=" ".join(note),
        items=(Item("x-1", notes=" ".join(note)),),
        exercises=example_program().exercises[:1],
    )
    program = replace(program, items=(replace(program.items[0], exercise=program.exercises[0].id),))
    text = words(pdf_text(export(program, tmp_path)))
    assert words(unicodedata.normalize("NFC", " ".join(patient))) in text
    assert words(unicodedata.normalize("NFC", " ".join(note))) in text
