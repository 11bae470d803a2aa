"""What the example handout says, read back from the PDF: every exercise whole and in order,
the header, the footer on every page, the pain guide, the warning signs and the log."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from pdf_helpers import (
    ALL_OPTIONS,
    EXAMPLE,
    example_program,
    export,
    fonts,
    in_order,
    need,
    option_id,
    page_texts,
    pdf_text,
    run,
    words,
)

from exports.exercise_blocks import NO_DOSE
from exports.handout import HandoutOptions
from exports.tracking import log_exercises
from library.dose_glance import glance
from library.layers import load_library
from library.model import Dose, Item, Program
from library.program_files import load_program
from library.side_text import reading
from library.timing import session_text


def dose_lines(program: Program, item: Item) -> list[str]:
    """The dose as its box prints it: its large figures ("Hold 30 seconds", "3 rounds"), then
    its labelled lines ("How hard: …"); "How much: as your therapist showed you" for none."""
    said = glance(item.dose, program.exercise(item.exercise))
    found = [part.text for part in said.parts]
    found += [f"{line.label}: {line.text}" for line in said.lines]
    return found or [f"How much: {NO_DOSE}"]


def steps_read(program: Program, item: Item) -> list[str]:
    """The numbered steps as the item's patient reads them, for its side."""
    exercise = program.exercise(item.exercise)
    assert exercise is not None
    side = item.dose.side if item.dose is not None else None
    return [f"{n}. {step}" for n, step in enumerate(reading(exercise, side).steps, 1)]


def with_first_dose(program: Program, **changes: object) -> Program:
    """The program with its first item's dose changed, e.g. `days_per_week=3`."""
    first = program.items[0]
    assert first.dose is not None
    changed = replace(first, dose=replace(first.dose, **changes))  # type: ignore[arg-type]
    return replace(program, items=(changed, *program.items[1:]))


def expected_reading_order(program: Program) -> list[str]:
    expected = []
    for number, item in enumerate(program.items, 1):
        exercise = program.exercise(item.exercise)
        assert exercise is not None
        expected.append(f"Exercise {number}: {exercise.name}")
        # The first figure: the others are in rows that pdftotext may read down, not along.
        expected += dose_lines(program, item)[:1]
        expected += steps_read(program, item)
    return expected


def test_the_command_writes_a_sound_pdf_beside_the_program(tmp_path: Path) -> None:
    need("qpdf", "pdffonts", "pdftotext")
    program_file = tmp_path / EXAMPLE.name
    shutil.copy(EXAMPLE, program_file)
    result = subprocess.run(
        [sys.executable, "-m", "tui", "export", str(program_file)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    handout = tmp_path / "low-back-hips.pdf"
    assert result.stdout.strip() == f"{handout}: written"
    assert result.stderr == "", "every exercise has a dose: nothing to warn about"
    assert "No syntax or stream encoding errors" in run("qpdf", "--check", handout)
    found = fonts(handout)
    assert found, "no fonts at all"
    assert all(font["emb"] == "yes" for font in found), found
    assert {font["name"].split("+")[-1] for font in found} == {"DejaVuSans", "DejaVuSans-Bold"}
    text = words(pdf_text(handout))
    assert in_order(text, expected_reading_order(example_program())) == []


@pytest.mark.parametrize("options", ALL_OPTIONS, ids=option_id)
def test_every_name_step_and_dose_line_in_reading_order(
    tmp_path: Path, options: HandoutOptions
) -> None:
    program = example_program()
    text = words(pdf_text(export(program, tmp_path, options)))
    assert in_order(text, expected_reading_order(program)) == []


@pytest.mark.parametrize("options", ALL_OPTIONS, ids=option_id)
def test_each_exercise_stays_on_one_page(tmp_path: Path, options: HandoutOptions) -> None:
    program = example_program()
    pages = [words(page) for page in page_texts(export(program, tmp_path, options))]
    for number, item in enumerate(program.items, 1):
        exercise = program.exercise(item.exercise)
        assert exercise is not None
        heading = f"Exercise {number}: {exercise.name}"
        [page] = [page for page in pages if heading in page]
        said = reading(exercise, item.dose.side if item.dose is not None else None)
        block = [heading, steps_read(program, item)[-1], *said.cues, *said.cautions]
        assert in_order(page, block) == [], f"exercise {number} is split"
        assert all(line in page for line in dose_lines(program, item)), f"exercise {number}"
    assert not any("continues on the next page" in page for page in pages)


TEMPLATES = sorted((Path(__file__).parents[2] / "library" / "data" / "templates").glob("*.toml"))


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda path: path.stem)
def test_every_bundled_template_keeps_each_exercise_whole_in_large_print(
    tmp_path: Path, template: Path
) -> None:
    """Large print on Letter is the tightest page: no exercise of a bundled template breaks."""
    program = load_program(template, load_library().get)
    handout = export(program, tmp_path, HandoutOptions(large_print=True))
    assert "continues on the next page" not in words(pdf_text(handout))


def test_a_block_taller_than_a_page_says_it_continues(tmp_path: Path) -> None:
    """A caution must never look as if it belonged to the next exercise."""
    program = example_program()
    first = program.exercises[0]
    steps = tuple(f"Step {n} of a very long exercise. " * 6 for n in range(1, 13))
    long = replace(first, steps=steps)
    program = replace(program, exercises=(long, *program.exercises[1:]))
    pages = [words(page) for page in page_texts(export(program, tmp_path))]
    name = f"Exercise 1: {first.name}"
    starts = [index for index, page in enumerate(pages) if name in page]
    assert len(starts) >= 2
    assert "Exercise 1 continues on the next page." in pages[starts[0]]
    assert f"{name} (continued)" in pages[starts[1]]
    caution_page = next(i for i, page in enumerate(pages) if first.cautions[0] in page)
    assert caution_page in starts
    assert pages[caution_page].find(f"{name} (continued)") < pages[caution_page].find(
        first.cautions[0]
    )


@pytest.mark.parametrize(
    ("paper", "date", "start"),
    [
        ("letter", "November 24, 2026", "Wednesday, November 25, 2026"),
        ("a4", "24 November 2026", "Wednesday, 25 November 2026"),
    ],
)
def test_the_first_page_says_who_what_and_how_long(
    tmp_path: Path, paper: str, date: str, start: str
) -> None:
    program = example_program()
    pages = page_texts(export(program, tmp_path, HandoutOptions(paper=paper)))
    first = words(pages[0])
    expected = [
        "Riverside Physical Therapy",
        "Your therapist: Sam Rivera, PT, DPT",
        "Contact: 555-0100",
        "Low back pain: hips first",
        "For: Jane Doe",
        f"Given on: {date}",
        f"Start on: {start}",
        f"One session takes: {session_text(program)}",
        # One safety box: the warning signs, the program's own, then its precautions.
        "Stop and call us",
        *program.warning_signs,
        "Please take care:",
        *program.precautions,
        "Your goals",
        *program.goals,
    ]
    assert in_order(first, expected) == []
    assert in_order(words("".join(pages)), ["Stop and call us", "Exercise 1:"]) == []


def test_every_page_has_the_footer(tmp_path: Path) -> None:
    pages = page_texts(export(example_program(), tmp_path, HandoutOptions(large_print=True)))
    assert len(pages) > 3
    for number, page in enumerate(pages, 1):
        text = words(page)
        # In large print the clinic's name gives way, the phone number never does.
        assert "Jane Doe · Riv" in text
        assert "Call us: 555-0100" in text
        assert f"Page {number} of {len(pages)}" in text


def test_pain_guide_and_warning_signs_in_plain_words(tmp_path: Path) -> None:
    text = words(pdf_text(export(example_program(), tmp_path)))
    expected = [
        "Stop and call us",
        "Emergency: call an ambulance now if you have:",
        "New trouble with your bladder or bowels",
        "Numb skin between your legs or around your bottom",
        "Stop the exercises and call us if you have:",
        "Sharp pain, or pain that keeps getting worse",
        "Pain, numbness, tingling or weakness that spreads down a leg or into a foot",
        "Call us: 555-0100 (Riverside Physical Therapy)",
        "How much pain is okay?",
        "0 to 3 out of 10 Fine.",
        "4 or 5 out of 10 Okay",
        "6 to 10 out of 10 Too much.",
        "The next morning: if your pain or stiffness is worse than usual, do less",
        "Notes from your therapist",
    ]
    assert in_order(text, expected) == []


def test_bladder_and_bowel_only_for_back_programs(tmp_path: Path) -> None:
    library = load_library()
    knee = next(e for e in library.sorted() if "low-back" not in e.regions and "knee" in e.regions)
    program = Program(title="Knee", items=(Item(knee.id, dose=knee.dose),), exercises=(knee,))
    text = words(pdf_text(export(program, tmp_path)))
    assert "Stop and call us" in text
    assert "Pain, numbness, tingling or weakness that spreads down a leg" in text, (
        "a leg program names the leg only"
    )
    assert " arm" not in text
    assert "bladder" not in text
    assert "Call your therapist or your doctor." in text  # no contact given


def test_an_arm_program_warns_about_the_arm_and_bladder_signs_are_an_emergency(
    tmp_path: Path,
) -> None:
    library = load_library()
    elbow = library.get("wrist-extensor-stretch") or next(
        e for e in library.sorted() if e.regions == ("elbow",)
    )
    program = Program(title="Elbow", items=(Item(elbow.id, dose=elbow.dose),), exercises=(elbow,))
    text = words(pdf_text(export(program, tmp_path)))
    assert "Pain, numbness, tingling or weakness that spreads down an arm or into a hand" in text
    assert " leg" not in text
    back = words(pdf_text(export(example_program(), tmp_path)))
    expected = ["Emergency: call an ambulance now if you have:", "bladder or bowels"]
    assert in_order(back, expected) == []


def test_an_exercise_s_own_pain_limit_comes_first(tmp_path: Path) -> None:
    """The general guide allows 4 or 5 out of 10; an exercise dosed "no more than 3" wins."""
    program = example_program()
    assert "Some exercises have their own limit" not in words(pdf_text(export(program, tmp_path)))
    program = with_first_dose(program, effort="Pain no more than 3 out of 10")
    text = words(pdf_text(export(program, tmp_path)))
    assert in_order(text, ["6 to 10 out of 10", "Some exercises have their own limit"]) == []


def test_units_are_words_in_the_dose_box(tmp_path: Path) -> None:
    text = words(pdf_text(export(example_program(), tmp_path)))
    assert "Hold 30 seconds" in text
    assert "Do it for 1–2 minutes" in text
    assert " 30 s " not in text and " min " not in text


def test_an_item_without_a_dose_still_says_how_much(tmp_path: Path) -> None:
    program = example_program()
    program = replace(program, items=(replace(program.items[0], dose=None), *program.items[1:]))
    text = words(pdf_text(export(program, tmp_path)))
    expected = ["Exercise 1: Hamstring stretch with a strap", f"How much: {NO_DOSE}"]
    assert in_order(text, expected) == []


def test_the_dose_box_labels_what_it_says_and_prints_the_dose_note(tmp_path: Path) -> None:
    program = example_program()
    first, second, third, *rest = program.items
    assert first.dose is not None
    noted = replace(first, dose=replace(first.dose, notes="One hold on each leg is one set."))
    effort_only = replace(second, dose=Dose(effort="Moderately hard"))
    daily_only = replace(third, dose=Dose(per_day=3))
    program = replace(program, items=(noted, effort_only, daily_only, *rest))
    text = words(pdf_text(export(program, tmp_path)))
    expected = [
        "Exercise 1:",
        "Hold 30 seconds",
        "One hold on each leg is one set.",
        "Exercise 2:",
        "How hard: Moderately hard",
        "Exercise 3:",
        "3 times a day",
        "Exercise 4:",
    ]
    assert in_order(text, expected) == []


def test_exporting_an_exercise_without_a_dose_warns_the_therapist(tmp_path: Path) -> None:
    program_file = tmp_path / "no-dose.toml"
    text = EXAMPLE.read_text(encoding="utf-8")
    start = text.index("[item.dose]")
    end = text.index("[[item]]", start)
    program_file.write_text(text[:start] + text[end:], encoding="utf-8")  # item 1 loses it
    result = subprocess.run(
        [sys.executable, "-m", "tui", "export", str(program_file)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [
        f"hepster: {program_file}: note: exercise 1 (Hamstring stretch with a strap) has no dose;"
        ' the handout says "How much: as your therapist showed you"'
    ]


def log_page(pages: list[str]) -> str:
    """The one page of the log (both weeks, regular print), as a run of words."""
    [page] = [words(page) for page in pages if "Your exercise log" in page]
    return page


def test_the_log_has_two_weeks_of_real_dates(tmp_path: Path) -> None:
    log = log_page(page_texts(export(example_program(), tmp_path)))
    expected = ["Your exercise log", "Week 1: from November 25", "Week 2: from December 2"]
    assert in_order(log, expected) == []
    assert in_order(log, ["Wed", "Thu", "Fri", "Sat", "Sun", "Mon", "Tue"] * 2) == []
    dates = [25, 26, 27, 28, 29, 30, 1, 2, 3, 4, 5, 6, 7, 8]
    assert in_order(log, [str(date) for date in dates]) == []
    assert in_order(log, ["Pain", "1. Hamstring stretch with a strap"]) == []


def test_the_log_counts_days_without_a_start(tmp_path: Path) -> None:
    program = replace(example_program(), start=None)
    pages = page_texts(export(program, tmp_path))
    log = log_page(pages)
    assert log.count("Day") == 1  # at the start of the days' row
    assert in_order(log, ["Day", *(str(day) for day in range(1, 15))]) == []
    assert "Start on" not in pages[0]


def test_days_a_week_are_named_in_the_log(tmp_path: Path) -> None:
    program = with_first_dose(example_program(), days_per_week=3)
    log = log_page(page_texts(export(program, tmp_path)))
    # The weekdays by name when they fit on the dose's line, else how many.
    assert re.search(
        r"1\. Hamstring stretch with a strap [^.]* · "
        r"(Wednesday, Friday and Sunday|3 days a week) Morning Evening 2\.",
        log,
    ), log


def test_the_log_explains_its_boxes_and_takes_a_number_when_ticks_would_be_too_many(
    tmp_path: Path,
) -> None:
    program = with_first_dose(example_program(), per_day=12)
    log = log_page(page_texts(export(program, tmp_path)))
    assert "Tick a box each time you do an exercise." in log
    assert "write how many times you did it" in log
    dose = log_exercises(program)[0].dose_line
    assert dose.endswith(" · 12 times a day (morning and evening)")
    assert f"1. Hamstring stretch with a strap {dose} How many times?" in log


def test_an_item_without_a_section_is_not_shown_under_the_one_above(tmp_path: Path) -> None:
    program = example_program()
    items = list(program.items)
    items[3] = replace(items[3], section=None)  # Child's pose, after the "Hip stretches"
    text = words(pdf_text(export(replace(program, items=tuple(items)), tmp_path)))
    expected = ["Hip stretches", "Exercise 3:", "More exercises", "Exercise 4: Child's pose"]
    assert in_order(text, expected) == []


def test_left_and_right_copies_are_told_apart_in_the_blocks_and_the_log(
    tmp_path: Path,
) -> None:
    left = with_first_dose(example_program(), side="left")
    right = with_first_dose(example_program(), side="right")
    program = replace(left, items=(left.items[0], right.items[0]))
    pages = page_texts(export(program, tmp_path))
    text = words(" ".join(pages))
    assert "Exercise 1: Hamstring stretch with a strap (left side)" in text
    assert "Exercise 2: Hamstring stretch with a strap (right side)" in text
    log = log_page(pages)
    assert "1. Hamstring stretch with a strap (left side)" in log
    assert "2. Hamstring stretch with a strap (right side)" in log


def test_a_log_that_runs_on_says_what_it_is(tmp_path: Path) -> None:
    """Every bundled template's log is one page, in large print too; a longer program's runs
    on under a heading that names it, the days' row repeated."""
    template = next(path for path in TEMPLATES if path.stem == "shoulder-rotator-cuff")
    program = load_program(template, load_library().get)
    program = replace(program, items=program.items * 2)
    pages = page_texts(export(program, tmp_path, HandoutOptions(large_print=True)))
    runs_on = [words(page) for page in pages if "exercise log (continued)" in page]
    assert runs_on, "fourteen exercises in large print need a second page for the log"
    assert runs_on[0].startswith("Your exercise log (continued) Day 1 2")


def test_a_video_link_gets_a_code_and_its_words(tmp_path: Path) -> None:
    program = example_program()
    link = "https://example.org/videos/hamstring"
    exercises = (replace(program.exercises[0], video=link), *program.exercises[1:])
    text = words(pdf_text(export(replace(program, exercises=exercises), tmp_path)))
    expected = ["Watch a video of this exercise", "Point your phone's camera", link]
    assert in_order(text, expected) == []
