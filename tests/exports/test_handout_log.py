"""The exercise log at the end of the handout: both weeks on one page, in regular and large
print, for every bundled template and programs up to eight exercises twice a day; boxes big
enough to tick, a row for each time of day, the days to do an exercise marked and the others
shaded, and each exercise named, dosed and drawn so the page can go on the fridge. Read back
from the PDF, and from the flowables where a size is the question."""

from __future__ import annotations

import re
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
    uncompressed,
    word_boxes,
    words,
)
from reportlab.lib.units import mm
from reportlab.platypus import Table

from exports import tracking
from exports.document import text_width
from exports.handout import HandoutOptions
from exports.styles import PAPER, make_styles, margins
from exports.tracking import (
    LogExercise,
    TickBox,
    height_of,
    laid_out,
    log_exercises,
    log_story,
    looks,
)
from library.layers import load_library
from library.model import Dose, Item, Program
from library.program_files import load_program

LOG = tracking.TITLE
EIGHT_MM = 8 * mm  # 22.68 points
WEEKDAYS = ["Wed", "Thu", "Fri", "Sat", "Sun", "Mon", "Tue"]  # the example starts on a Wednesday
REGULAR = HandoutOptions()
DATES = [str(day) for day in (25, 26, 27, 28, 29, 30, 1, 2, 3, 4, 5, 6, 7, 8)]


def log_pages(path: Path) -> list[str]:
    return [words(page) for page in page_texts(path) if LOG in page]


def with_items(program: Program, *doses: Dose | None) -> Program:
    """The example's first exercises, in order, with these doses."""
    items = tuple(
        replace(item, dose=dose) for item, dose in zip(program.items, doses, strict=False)
    )
    return replace(program, items=items)


TEMPLATES = sorted((ROOT / "library" / "data" / "templates").glob("*.toml"))


def frame(options: HandoutOptions) -> tuple[float, float]:
    """The width and height of the text on a page: the paper less its margins."""
    page = PAPER[options.paper]
    page_margins = margins(options.large_print)
    return text_width(page, page_margins), page[1] - page_margins[2] - page_margins[3]


def story(program: Program, options: HandoutOptions = REGULAR) -> list[object]:
    """The log's flowables as its page lays them out: title, introduction, table."""
    width, height = frame(options)
    styles = make_styles(options.large_print)
    return list(log_story(program, styles, width, height, options.paper))


def eight_twice_a_day() -> Program:
    """The example's six exercises and two more, each twice a day."""
    program = example_program()
    library = load_library()
    extra = [library.get("bridge"), library.get("clamshell")]
    assert None not in extra
    items = [replace(item, dose=Dose(sets=3, hold_s=30, per_day=2)) for item in program.items]
    items += [Item(exercise.id, dose=Dose(sets=3, reps=10, per_day=2)) for exercise in extra]
    exercises = (*program.exercises, *extra)
    return replace(program, items=tuple(items), exercises=exercises)


def tick_boxes(flowables: list[object]) -> list[TickBox]:
    found = []
    for flowable in flowables:
        if isinstance(flowable, Table):
            for row in flowable._cellvalues:
                found += [cell for cell in row if isinstance(cell, TickBox)]
    return found


def squares(handout: Path, folder: Path) -> list[float]:
    """The side of every square drawn in the PDF at least 8 mm across: the tick boxes."""
    found = re.findall(r"\b0 0 ([\d.]+) ([\d.]+) re S", uncompressed(handout, folder))
    return [float(w) for w, h in found if w == h and float(w) >= EIGHT_MM]


@pytest.mark.parametrize("paper", ["letter", "a4"])
def test_both_weeks_are_on_one_page(tmp_path: Path, paper: str) -> None:
    [log] = log_pages(export(example_program(), tmp_path, HandoutOptions(paper)))
    assert in_order(log, ["Week 1", "Week 2"]) == []
    assert in_order(log, WEEKDAYS * 2) == []
    assert in_order(log, DATES) == []
    start = "November 25" if paper == "letter" else "25 November"
    assert f"Week 1: from {start}" in log


@pytest.mark.parametrize("paper", ["letter", "a4"])
def test_in_large_print_too_both_weeks_are_on_one_page(tmp_path: Path, paper: str) -> None:
    [log] = log_pages(export(example_program(), tmp_path, HandoutOptions(paper, True)))
    assert in_order(log, ["Week 1", "Week 2"]) == []
    assert in_order(log, DATES) == []
    assert "(continued)" not in log


@pytest.mark.parametrize("options", ALL_OPTIONS, ids=option_id)
@pytest.mark.parametrize("path", [EXAMPLE, *TEMPLATES], ids=lambda path: path.stem)
def test_the_log_of_every_template_fits_its_page(path: Path, options: HandoutOptions) -> None:
    """Laid out for its page, the log stands no taller than the page's frame: one page
    (tests/exports/test_handout_fit.py counts the pages of the same handouts)."""
    program = load_program(path, load_library().get)
    width, height = frame(options)
    assert height_of(story(program, options), width) <= height


@pytest.mark.parametrize("options", ALL_OPTIONS, ids=option_id)
def test_eight_exercises_twice_a_day_fit_one_page(tmp_path: Path, options: HandoutOptions) -> None:
    program = eight_twice_a_day()
    [log] = log_pages(export(program, tmp_path, options))
    assert in_order(log, DATES) == []
    for number, item in enumerate(program.items, 1):
        exercise = program.exercise(item.exercise)
        assert exercise is not None
        assert in_order(log, [f"{number}. {exercise.name}", "Morning", "Evening"]) == []


def test_a_large_print_grid_is_never_below_12_pt(tmp_path: Path) -> None:
    """Smaller than the 16 pt body (fourteen columns of 16 pt weekdays do not fit across the
    page), never below 12 pt, even in the tightest look: a log too long for any, which takes
    the tightest and runs on."""
    program = example_program()
    items = tuple(replace(item, dose=Dose(reps=10, per_day=3)) for item in program.items * 2)
    program = replace(program, items=items)
    handout = export(program, tmp_path, HandoutOptions("letter", True))
    pages = [number for number, text in enumerate(page_texts(handout), 1) if LOG in text]
    assert len(pages) == 2
    sizes = [word.size for word in word_boxes(handout) if word.page in pages]
    assert min(sizes) >= 12 - 0.01
    assert len(squares(handout, tmp_path)) == len(items) * 3 * 14


@pytest.mark.parametrize("large_print", [False, True], ids=["regular", "large"])
def test_every_look_has_8_mm_boxes_and_a_picture_for_each_exercise(large_print: bool) -> None:
    styles = make_styles(large_print)
    width, _ = frame(HandoutOptions(large_print=large_print))
    program = eight_twice_a_day()
    for look in looks(styles):
        laid = laid_out(program, styles, look, width, "letter")
        assert laid is not None, look
        boxes = tick_boxes(list(laid))
        assert len(boxes) == 16 * 14, look
        assert min(box.wrap(100, 100)[0] for box in boxes) >= EIGHT_MM, look
        [table] = [flowable for flowable in laid if isinstance(flowable, Table)]
        drawn = [row[0] for row in table._cellvalues if type(row[0]).__name__ == "FigureFlowable"]
        assert len(drawn) == len(program.items), look


def test_a_long_log_runs_on_with_its_headings(tmp_path: Path) -> None:
    """Twelve exercises 3 times a day cannot fit one page: the rest follows, named, under the
    same headings, and no exercise is parted from its boxes."""
    program = example_program()
    items = tuple(replace(item, dose=Dose(reps=10, per_day=3)) for item in program.items * 2)
    program = replace(program, items=items)
    pages = log_pages(export(program, tmp_path))
    assert len(pages) == 2
    assert pages[1].startswith(f"{LOG} (continued) Week 1: from November 25 Week 2")
    for number, item in enumerate(program.items, 1):
        exercise = program.exercise(item.exercise)
        assert exercise is not None
        name = f"{number}. {exercise.name}"
        [page] = [page for page in pages if name in page]
        assert in_order(page, [name, "Morning", "Midday", "Evening"]) == []


@pytest.mark.parametrize("options", ALL_OPTIONS, ids=option_id)
def test_tick_boxes_are_at_least_8_mm(options: HandoutOptions) -> None:
    boxes = tick_boxes(story(example_program(), options))
    assert len(boxes) == 10 * 14  # 4 exercises 2 times a day, 2 once a day
    assert min(box.wrap(100, 100)[0] for box in boxes) >= EIGHT_MM
    assert min(box.wrap(100, 100)[1] for box in boxes) >= EIGHT_MM


def test_the_pdf_draws_every_box_8_mm_or_more(tmp_path: Path) -> None:
    """3 times a day for the first exercise, once for the second (which has no dose)."""
    program = with_items(example_program(), Dose(sets=3, per_day=3), None)
    assert len(squares(export(program, tmp_path), tmp_path)) == 14 * (3 + 1)


def test_two_a_day_has_a_morning_and_an_evening_row(tmp_path: Path) -> None:
    [log] = log_pages(export(example_program(), tmp_path))
    expected = ["1. Hamstring stretch", "Morning", "Evening", "2. Hip flexor stretch"]
    assert in_order(log, expected) == []


def test_the_rows_take_the_times_the_dose_names(tmp_path: Path) -> None:
    program = with_items(
        example_program(),
        Dose(reps=10, per_day=2, when="after breakfast and at bedtime"),
        Dose(reps=10, per_day=3),
        Dose(reps=10, per_day=4),
    )
    [log] = log_pages(export(program, tmp_path))
    expected = ["1.", "Breakfast", "Bedtime", "2.", "Morning", "Midday", "Evening", "3."]
    assert in_order(log, [*expected, "Time 1", "Time 2", "Time 3", "Time 4"]) == []


def test_three_and_five_days_a_week_are_marked(tmp_path: Path) -> None:
    """From Wednesday, November 25: 3 days are Wednesday, Friday and Sunday; 5 days leave out
    Saturday and Tuesday. The days are named, boxed, and only they."""
    program = with_items(example_program(), Dose(reps=10, days_per_week=3))
    first = log_exercises(program)[0].rows[0].days
    marked = [date for date, done in zip(DATES, first, strict=True) if done]
    assert marked == ["25", "27", "29", "2", "4", "6"]
    handout = export(program, tmp_path, name="three.pdf")
    [log] = log_pages(handout)
    assert "1. Hamstring stretch with a strap Do 10 times · Wednesday, Friday and Sunday" in log
    assert len(squares(handout, tmp_path)) == 6
    assert tracking.OFF_DAYS in log

    program = with_items(example_program(), Dose(reps=10, days_per_week=5))
    first = log_exercises(program)[0].rows[0].days
    assert [date for date, done in zip(DATES, first, strict=True) if not done] == [
        "28",
        "1",
        "5",
        "8",
    ]
    handout = export(program, tmp_path, name="five.pdf")
    [log] = log_pages(handout)
    assert "Do 10 times · Every day but Saturday and Tuesday" in log
    assert len(squares(handout, tmp_path)) == 10


def test_days_off_are_shaded_and_have_no_box() -> None:
    program = with_items(example_program(), Dose(reps=10, days_per_week=3))
    [table] = [f for f in story(program) if isinstance(f, Table)]
    shaded = {
        (command[1][0], command[1][1])
        for command in table._bkgrndcmds
        if command[0] == "BACKGROUND" and command[3] == tracking.OFF_DAY
    }
    assert len(shaded) == 8  # 4 days off in each week
    for column, row in shaded:
        assert table._cellvalues[row][column] == ""
    boxes = tick_boxes([table])
    assert len(boxes) == 6


def test_days_the_dose_names_are_the_days_marked(tmp_path: Path) -> None:
    program = with_items(example_program(), Dose(reps=10, when="Mondays and Thursdays"))
    [exercise] = log_exercises(program)
    assert [date for date, done in zip(DATES, exercise.rows[0].days, strict=True) if done] == [
        "26",
        "30",
        "3",
        "7",
    ]
    [log] = log_pages(export(program, tmp_path))
    assert "Do 10 times · Mondays and Thursdays" in log


@pytest.mark.parametrize("per_week", range(1, 8))
def test_no_advice_to_rest_between_days(per_week: int) -> None:
    """A 5-days-a-week patient must not read "leave a day of rest in between"."""
    program = with_items(example_program(), Dose(reps=10, days_per_week=per_week))
    text = " ".join(tracking.instructions(log_exercises(program)))
    assert not re.search(r"\brest", text, re.IGNORECASE), text


def test_five_days_a_week_printed_without_rest(tmp_path: Path) -> None:
    program = with_items(example_program(), Dose(reps=10, rest_s=60, days_per_week=5))
    [log] = log_pages(export(program, tmp_path))
    assert not re.search(r"\brest", log, re.IGNORECASE), log


def test_each_row_names_its_exercise_and_its_dose(tmp_path: Path) -> None:
    program = example_program()
    [log] = log_pages(export(program, tmp_path))
    exercises: list[LogExercise] = log_exercises(program)
    expected = []
    for exercise in exercises:
        expected += [f"{exercise.entry.number}. {exercise.entry.name}", exercise.dose_line]
    assert in_order(log, expected) == []
    # In the words of the exercise's own dose box; the rows say "Morning" and "Evening".
    assert exercises[0].dose_line == "Hold 30 seconds · 3 rounds · Each leg"
    assert exercises[4].dose_line == "Do it for 1–2 minutes · Once a day"


def test_a_side_is_in_the_name_and_the_picture_is_drawn(tmp_path: Path) -> None:
    program = example_program()
    first = program.items[0]
    assert first.dose is not None
    left = replace(first, dose=replace(first.dose, side="left"))
    program = replace(program, items=(left, Item(first.exercise, dose=Dose(sets=2, side="right"))))
    [log] = log_pages(export(program, tmp_path))
    assert "1. Hamstring stretch with a strap (left side) Hold 30 seconds · 3 rounds Morning" in log
    assert "2. Hamstring stretch with a strap (right side) 2 rounds" in log
    [table] = [f for f in story(program) if isinstance(f, Table)]
    pictures = [row[0] for row in table._cellvalues if type(row[0]).__name__ == "FigureFlowable"]
    assert len(pictures) == 2


def test_too_many_times_a_day_to_tick_takes_a_number(tmp_path: Path) -> None:
    program = with_items(example_program(), Dose(reps=15, per_day=12))
    [log] = log_pages(export(program, tmp_path))
    assert "1. Hamstring stretch with a strap Do 15 times · 12 times a day How many" in log
    assert tracking.WRITE_NUMBER in log
    assert tick_boxes(story(program)) == []


def test_without_a_start_the_days_are_counted(tmp_path: Path) -> None:
    program = replace(example_program(), start=None)
    [log] = log_pages(export(program, tmp_path))
    assert len(re.findall(r"\bDay\b", log)) == 1  # once, at the start of the days' row
    assert in_order(log, ["Day", *(str(day) for day in range(1, 15)), "Pain"]) == []
    assert in_order(log, ["Week 1", "Week 2", "Pain"]) == []


def test_every_sentence_for_the_patient_reads_at_grade_6_or_below() -> None:
    sentences = [
        tracking.TICK,
        tracking.PAIN_EACH_MORNING,
        tracking.WRITE_NUMBER,
        tracking.OFF_DAYS,
        tracking.BRING,
        tracking.WRITE,
    ]
    grades = {sentence: textstat.flesch_kincaid_grade(sentence) for sentence in sentences}
    assert max(grades.values()) <= 6, grades
