"""A handout that fits: the example and every bundled template, on Letter and A4, in regular and
large print, within its page budget, every exercise whole on one page, the clinic's phone on
every page, each dose in large labelled figures, and large print that is large."""

from __future__ import annotations

import functools
import math
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
import textstat
from pdf_helpers import (
    ALL_OPTIONS,
    EXAMPLE,
    ROOT,
    example_program,
    export,
    in_order,
    option_id,
    page_texts,
    word_boxes,
    words,
)
from reportlab.lib.units import inch

from exports.handout import HandoutOptions
from exports.styles import make_styles, margins
from library.dose_glance import glance, rounds_explained
from library.layers import load_library
from library.model import Program
from library.program_files import load_program
from library.side_text import reading

TEMPLATES = sorted((ROOT / "library" / "data" / "templates").glob("*.toml"))
PROGRAMS = [EXAMPLE, *TEMPLATES]
CASES = [(path, options) for path in PROGRAMS for options in ALL_OPTIONS]
CASE_IDS = [f"{path.parent.name}/{path.stem}-{option_id(options)}" for path, options in CASES]
CONTINUES = "continues on the next page"
Pages = Callable[[Path, HandoutOptions], list[str]]


def budget(exercises: int, large_print: bool) -> int:
    """The most pages a handout may take, its cover and its log included: two or three
    exercises to a page in regular print, one in large print."""
    return 3 + exercises if large_print else 2 + math.ceil(exercises / 2)


@functools.cache
def program_at(path: Path) -> Program:
    return load_program(path, load_library().get)


@pytest.fixture(scope="module")
def pages_of(tmp_path_factory: pytest.TempPathFactory) -> Pages:
    """The page texts of one program's handout, each exported once for the whole module."""
    folder = tmp_path_factory.mktemp("fit")

    @functools.cache
    def pages(path: Path, options: HandoutOptions) -> list[str]:
        name = f"{path.parent.name}-{path.stem}-{option_id(options)}.pdf"
        return [words(page) for page in page_texts(export(program_at(path), folder, options, name))]

    return pages


@pytest.mark.parametrize(("path", "options"), CASES, ids=CASE_IDS)
def test_the_handout_keeps_to_its_page_budget(
    pages_of: Pages, path: Path, options: HandoutOptions
) -> None:
    pages = pages_of(path, options)
    exercises = len(program_at(path).items)
    allowed = budget(exercises, options.large_print)
    assert len(pages) <= allowed, f"{len(pages)} pages for {exercises} exercises"


@pytest.mark.parametrize(("path", "options"), CASES, ids=CASE_IDS)
def test_the_cover_and_the_exercises_leave_one_page_for_the_log(
    pages_of: Pages, path: Path, options: HandoutOptions
) -> None:
    """The budget with the log counted as the one page it is to be, whatever it takes now:
    the part of the budget that the exercise blocks answer for."""
    pages = pages_of(path, options)
    before_log = next(n for n, page in enumerate(pages) if "Your exercise log" in page)
    allowed = budget(len(program_at(path).items), options.large_print)
    assert before_log + 1 <= allowed, f"{before_log} pages before the log"


@pytest.mark.parametrize(("path", "options"), CASES, ids=CASE_IDS)
def test_every_exercise_is_whole_on_one_page(
    pages_of: Pages, path: Path, options: HandoutOptions
) -> None:
    pages = pages_of(path, options)
    assert not any(CONTINUES in page for page in pages)
    program = program_at(path)
    for number, item in enumerate(program.items, 1):
        exercise = program.exercise(item.exercise)
        assert exercise is not None
        heading = f"Exercise {number}: "
        found = [page for page in pages if heading in page]
        assert len(found) == 1, f"exercise {number} is on {len(found)} pages"
        page = found[0][found[0].index(heading) :]
        said = reading(exercise, item.dose.side if item.dose else None)
        last = [*said.cues, *said.cautions][-1:] or [said.steps[-1]]
        assert in_order(page, [heading, *(words(text)[:30] for text in last)]) == [], (
            f"exercise {number} is split"
        )


@pytest.mark.parametrize(("path", "options"), CASES, ids=CASE_IDS)
def test_the_exercises_start_on_the_first_or_second_page(
    pages_of: Pages, path: Path, options: HandoutOptions
) -> None:
    """On the cover if it leaves room, else the page after it; large print's budget (3 + n)
    leaves its cover two pages."""
    pages = pages_of(path, options)
    first = next(number for number, page in enumerate(pages, 1) if "Exercise 1: " in page)
    assert first <= (3 if options.large_print else 2)


@pytest.mark.parametrize("options", ALL_OPTIONS, ids=option_id)
def test_the_clinic_s_phone_is_on_every_page(pages_of: Pages, options: HandoutOptions) -> None:
    pages = pages_of(EXAMPLE, options)
    assert len(pages) >= 3
    for number, page in enumerate(pages, 1):
        assert "Call us: 555-0100" in page, f"page {number}"
        assert f"Page {number} of {len(pages)}" in page


def test_a_long_name_gives_way_to_the_phone_number(tmp_path: Path) -> None:
    program = replace(
        example_program(),
        patient="Anastasia Kuznetsova-Shcherbakova-Papadopoulou",
        clinic="Riverside Physical Therapy and Sports Rehabilitation Centre",
        contact="555-0100 ext. 12",
    )
    for options in (HandoutOptions(), HandoutOptions(large_print=True)):
        pages = [words(page) for page in page_texts(export(program, tmp_path, options))]
        assert all("Call us: 555-0100 ext. 12" in page for page in pages)
        assert all("Anastasia" in page for page in pages), "the patient's name starts the footer"


FIGURES = ("Hold", "30", "seconds", "3", "rounds", "Each", "leg", "2", "times", "a", "day")
FIGURES += ("(morning", "and", "evening)")


@pytest.mark.parametrize("large_print", [False, True], ids=["regular", "large"])
def test_a_dose_reads_as_labelled_large_figures(tmp_path: Path, large_print: bool) -> None:
    """The example's first dose: "Hold 30 seconds", "3 rounds", "Each leg", "2 times a day
    (morning and evening)", "Every day", each figure larger than the text around it."""
    program = example_program()
    handout = export(program, tmp_path, HandoutOptions(large_print=large_print))
    [page] = [page for page in page_texts(handout) if "Exercise 1: " in page]
    page = words(page)
    parts = ["Hold 30 seconds", "3 rounds", "Each leg", "2 times a day (morning and evening)"]
    assert all(part in page for part in [*parts, "Every day"]), page
    assert in_order(page, ["Exercise 1: Hamstring stretch with a strap", parts[0]]) == []
    body = make_styles(large_print).body_size
    boxes = word_boxes(handout)
    start = next(i for i, word in enumerate(boxes) if word.text == "Hold")
    figures = boxes[start : start + len(FIGURES)]
    assert tuple(word.text for word in figures) == FIGURES
    large = figures[:-3]
    assert all(word.size >= body * 1.25 for word in large), [(w.text, w.size) for w in large]
    # The words of the time of day beside them are the body's size.
    assert all(word.size == pytest.approx(body) for word in figures[-3:])


def test_every_figure_of_every_template_dose_is_printed(tmp_path: Path) -> None:
    """On the exercise's own page; in the order of the rows, which pdftotext may read down a
    column of figures rather than along a row."""
    for path in TEMPLATES:
        program = program_at(path)
        pages = [words(page) for page in page_texts(export(program, tmp_path))]
        for number, item in enumerate(program.items, 1):
            [page] = [page for page in pages if f"Exercise {number}: " in page]
            said = glance(item.dose, program.exercise(item.exercise))
            missing = [part.text for part in said.parts if part.text not in page]
            assert missing == [], (path.stem, number)


def test_rounds_and_times_are_explained_once_before_the_first_exercise(tmp_path: Path) -> None:
    program = example_program()
    text = words(" ".join(page_texts(export(program, tmp_path))))
    explained = rounds_explained(item.dose for item in program.items)
    assert explained is not None
    assert text.count("Rounds and times:") == 1
    assert in_order(text, ["Rounds and times:", explained, "Exercise 1:"]) == []
    assert text.count("A round (set)") == 1
    sentences = [sentence for sentence in explained.split(". ") if sentence]
    assert max(textstat.flesch_kincaid_grade(sentence) for sentence in sentences) <= 6


def test_large_print_is_large() -> None:
    """At least 16 pt, lines at least 1.4 apart, three quarters of an inch of margin; regular
    print keeps 12 to 14 pt."""
    large = make_styles(large_print=True)
    regular = make_styles(large_print=False)
    assert large.body_size >= 16
    assert 12 <= regular.body_size <= 14
    for style in (large.body, large.step, large.bullet, large.boxed, large.table):
        assert style.fontSize >= 16, style.name
        assert style.leading >= 1.4 * style.fontSize, style.name
    assert min(margins(large_print=True)) >= 0.75 * inch
    assert large.glance.fontSize > large.body_size and regular.glance.fontSize > regular.body_size


@pytest.mark.parametrize("paper", ["letter", "a4"])
def test_large_print_text_keeps_its_margins_on_the_page(tmp_path: Path, paper: str) -> None:
    boxes = word_boxes(export(example_program(), tmp_path, HandoutOptions(paper, True)))
    edge = 0.75 * inch - 0.5  # half a point for rounding
    assert min(word.left for word in boxes) >= edge
    assert max(word.right - word.page_width for word in boxes) <= -edge
    assert min(word.top for word in boxes) >= edge
