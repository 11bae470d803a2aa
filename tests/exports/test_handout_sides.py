"""The handout reads for the side the therapist prescribed, read back from the PDF: a left
program is the right program with the sides traded, neither tells the patient to change sides,
"each side" says once to do the other side, and the export warns about a sided item with no
side."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from pdf_helpers import export, page_texts, pdf_text, words

from exports.handout import handout_warnings
from library.layers import load_library
from library.model import Dose, Exercise, Item, Program
from library.side_text import NOT_A_SIDE, REPEAT_STEPS, switching

LOG = "Your exercise log"
FOOTER = re.compile(r"^.*Page \d+ of \d+\s*$", re.MULTILINE)


def sided_exercises() -> list[Exercise]:
    return sorted((e for e in load_library().exercises.values() if e.sided), key=lambda e: e.id)


def dosed(exercise: Exercise, side: str | None) -> Item:
    """The exercise with its default dose, for `side`."""
    return Item(exercise.id, dose=replace(exercise.dose or Dose(), side=side))


def program_for(exercises: list[Exercise], side: str | None) -> Program:
    items = tuple(dosed(exercise, side) for exercise in exercises)
    return Program(title="Home exercises", items=items, exercises=tuple(exercises))


def exercise_pages(path: Path) -> str:
    """The text of the exercise blocks, as one run of words: the pages' footers taken out (a
    longer word can move a page break) and the log left off (its table heads repeat per page)."""
    text = "\n".join(FOOTER.sub("", page) for page in page_texts(path))
    start = text.index("Exercise 1:")
    return words(text[start : text.index(LOG, start)])


TRADE = {"left": "right", "right": "left", "Left": "Right", "Right": "Left"}


def traded(text: str) -> str:
    """Left and right traded wherever they name a side: "a doctor right away" stays."""
    kept: list[str] = []

    def keep(match: re.Match[str]) -> str:
        kept.append(match.group(0))
        return f"\0{len(kept) - 1}\0"

    masked = NOT_A_SIDE.sub(keep, text)
    swapped = re.sub(r"\b(left|right|Left|Right)\b", lambda m: TRADE[m.group(0)], masked)
    return re.sub(r"\0(\d+)\0", lambda m: kept[int(m.group(1))], swapped)


@pytest.fixture(scope="module")
def by_side(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Every sided bundled exercise with its default dose, once for the left, once for the right."""
    folder = tmp_path_factory.mktemp("sides")
    exercises = sided_exercises()
    assert len(exercises) >= 50
    return {
        side: exercise_pages(export(program_for(exercises, side), folder, name=f"{side}.pdf"))
        for side in ("left", "right")
    }


def test_the_left_handout_is_the_right_one_with_the_sides_traded(by_side: dict[str, str]) -> None:
    left, right = by_side["left"], by_side["right"]
    assert "Cross your left ankle over your right knee" in left
    assert "Cross your right ankle over your left knee" in right
    assert traded(left) == right


def test_neither_side_is_told_to_change_sides(by_side: dict[str, str]) -> None:
    for side, text in by_side.items():
        assert switching(text) == [], side
        assert REPEAT_STEPS["each"] not in text


def test_no_placeholder_reaches_the_paper(by_side: dict[str, str]) -> None:
    for text in by_side.values():
        assert "{" not in text and "}" not in text


def test_each_side_says_once_to_do_the_other_side(tmp_path: Path) -> None:
    library = load_library()
    figure_4 = library.exercises["piriformis-stretch-figure-4"]
    clamshell = library.exercises["clamshell"]
    bridge = library.exercises["bridge"]  # not sided: nothing about sides
    program = Program(
        title="Home exercises",
        items=(dosed(figure_4, "each"), dosed(clamshell, "left"), Item("bridge", dose=bridge.dose)),
        exercises=(figure_4, clamshell, bridge),
    )
    text = words(pdf_text(export(program, tmp_path)))
    assert text.count(REPEAT_STEPS["each"]) == 1
    assert f"{len(figure_4.steps) + 1}. {REPEAT_STEPS['each']}" in text, "the last step"
    # The steps read for the right side first, the side the plain picture shows.
    assert "Cross your right ankle over your left knee" in text
    assert len(switching(text)) == len(switching(REPEAT_STEPS["each"]))


def test_alternating_sides_say_so_once(tmp_path: Path) -> None:
    step_up = load_library().exercises["step-up"]
    program = Program(items=(dosed(step_up, "alternating"),), exercises=(step_up,))
    text = words(pdf_text(export(program, tmp_path)))
    assert text.count(REPEAT_STEPS["alternating"]) == 1
    assert REPEAT_STEPS["each"] not in text


def test_no_side_names_no_side_and_adds_nothing(tmp_path: Path) -> None:
    """A template for "the knee that had surgery" leaves the side to the therapist."""
    figure_4 = load_library().exercises["piriformis-stretch-figure-4"]
    program = Program(items=(dosed(figure_4, None),), exercises=(figure_4,))
    text = exercise_pages(export(program, tmp_path))
    assert "Cross one ankle over your other knee" in text
    assert not re.search(r"\b(left|right)\b", text)
    assert all(step not in text for step in REPEAT_STEPS.values())


SIDE_WARNING = "is done on one side: choose left, right or each side"


def test_a_sided_item_without_a_side_is_warned_about() -> None:
    library = load_library()
    heel_slide = library.exercises["heel-slide"]
    bridge = library.exercises["bridge"]
    program = Program(
        items=(
            dosed(heel_slide, None),
            dosed(heel_slide, "left"),
            Item("bridge", dose=bridge.dose),
            Item("heel-slide"),
        ),
        exercises=(heel_slide, bridge),
    )
    warnings = handout_warnings(program)
    assert f"exercise 1 (Heel slides) {SIDE_WARNING}" in warnings
    # No dose at all is one warning, not two: the dose to be written names the side.
    assert [w for w in warnings if SIDE_WARNING in w] == [
        f"exercise 1 (Heel slides) {SIDE_WARNING}"
    ]
    assert any("exercise 4 (Heel slides) has no dose" in warning for warning in warnings)


def test_a_program_with_every_side_chosen_has_no_side_warning() -> None:
    exercises = sided_exercises()
    warnings = handout_warnings(program_for(exercises, "each"))
    assert [w for w in warnings if SIDE_WARNING in w] == []
    without = handout_warnings(program_for(exercises, None))
    assert len([w for w in without if SIDE_WARNING in w]) == len(exercises)
