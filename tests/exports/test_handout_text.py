"""What the example handout says, read back from the PDF: every exercise whole and in order,
the header, the footer on every page, the pain guide, the warning signs and the log."""

from __future__ import annotations

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
from library.dose_text import dose_parts
from library.layers import load_library
from library.model import Dose, Item, Program
from library.program_files import load_program
from library.timing import session_text


def dose_lines(dose: Dose | None) -> list[str]:
    """The dose as the box prints it: one part a line, the first after "How much:"."""
    parts = dose_parts(dose, spelled=True)
    return [f"How much: {parts[0]}", *parts[1:]] if parts else [f"How much: {NO_DOSE}"]


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
        expected += dose_lines(item.dose)
        expected += [f"{n}. {step}" for n, step in enumerate(exercise.steps, 1)]
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
        last_step = f"{len(exercise.steps)}. {exercise.steps[-1]}"
        block = [heading, *dose_lines(item.dose), last_step, *exercise.cues, *exercise.cautions]
        assert in_order(page, block) == [], f"exercise {number} is split"
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
        "Your goals",
        *program.goals,
        "Important: please take care",
        *program.precautions,
    ]
    assert in_order(first, expected) == []
    # The warning signs come before any exercise, on the first page when there is room.
    assert "Stop and call us" in words(pages[0] + pages[1])
    assert in_order(words("".join(pages)), ["Stop and call us", "Exercise 1:"]) == []


def test_every_page_has_the_footer(tmp_path: Path) -> None:
    pages = page_texts(export(example_program(), tmp_path, HandoutOptions(large_print=True)))
    assert len(pages) > 3
    for number, page in enumerate(pages, 1):
        text = words(page)
        assert "Jane Doe · Riverside Physical Therapy" in text
        assert f"Page {number} of {len(pages)}" in text


def test_pain_guide_and_warning_signs_in_plain_words(tmp_path: Path) -> None:
    text = words(pdf_text(export(example_program(), tmp_path)))
    expected = [
        "Stop and call us",
        "Sharp pain, or pain that keeps getting worse",
        "Numbness, tingling or weakness down a leg",
        "Trouble controlling your bladder or bowels, or numbness between your legs.",
        "Call us: 555-0100 (Riverside Physical Therapy)",
        "Notes from your therapist",
        "How much pain is okay?",
        "0 to 3 out of 10 Fine.",
        "4 or 5 out of 10 Okay",
        "6 to 10 out of 10 Too much.",
        "The next morning: if your pain or stiffness is worse than usual, do less",
    ]
    assert in_order(text, expected) == []


def test_bladder_and_bowel_only_for_back_programs(tmp_path: Path) -> None:
    library = load_library()
    knee = next(e for e in library.sorted() if "low-back" not in e.regions and "knee" in e.regions)
    program = Program(title="Knee", items=(Item(knee.id, dose=knee.dose),), exercises=(knee,))
    text = words(pdf_text(export(program, tmp_path)))
    assert "Stop and call us" in text
    assert "Pain that spreads down a leg" in text, "a leg program names the leg only"
    assert "Numbness, tingling or weakness in a leg" in text
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
    assert "Pain that spreads down an arm" in text
    assert "Numbness, tingling or weakness in an arm" in text
    assert " leg" not in text
    back = words(pdf_text(export(example_program(), tmp_path)))
    assert "This is an emergency: go to a hospital emergency department now." in back


def test_an_exercise_s_own_pain_limit_comes_first(tmp_path: Path) -> None:
    """The general guide allows 4 or 5 out of 10; an exercise dosed "no more than 3" wins."""
    program = example_program()
    assert "Some exercises give their own limit" not in words(pdf_text(export(program, tmp_path)))
    program = with_first_dose(program, effort="Pain no more than 3 out of 10")
    text = words(pdf_text(export(program, tmp_path)))
    assert in_order(text, ["6 to 10 out of 10", "Some exercises give their own limit"]) == []


def test_units_are_words_in_the_dose_box(tmp_path: Path) -> None:
    text = words(pdf_text(export(example_program(), tmp_path)))
    assert "How much: 3 sets × 30 seconds hold, each side" in text
    assert "How much: 1–2 minutes, each side" in text
    assert " 30 s " not in text and " min " not in text


def test_an_item_without_a_dose_still_says_how_much(tmp_path: Path) -> None:
    program = example_program()
    program = replace(program, items=(replace(program.items[0], dose=None), *program.items[1:]))
    text = words(pdf_text(export(program, tmp_path)))
    expected = ["Exercise 1: Hamstring stretch with a strap", f"How much: {NO_DOSE}"]
    assert in_order(text, expected) == []


def test_the_dose_box_says_what_it_answers_and_prints_the_dose_note(tmp_path: Path) -> None:
    program = example_program()
    first, second, third, *rest = program.items
    assert first.dose is not None
    noted = replace(first, dose=replace(first.dose, notes="One hold on each leg is one set."))
    effort_only = replace(second, dose=Dose(effort="Moderately hard"))
    daily_only = replace(third, dose=Dose(per_day=3))
    program = replace(program, items=(noted, effort_only, daily_only, *rest))
    text = words(pdf_text(export(program, tmp_path)))
    expected = [
        "How much: 3 sets × 30 seconds hold, each side",
        "One hold on each leg is one set.",
        "How hard: Moderately hard",
        "How often: 3 times a day",
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


def test_the_log_has_two_weeks_of_real_dates(tmp_path: Path) -> None:
    pages = [words(page) for page in page_texts(export(example_program(), tmp_path))]
    week_1, week_2 = pages[-2], pages[-1]
    assert in_order(week_1, ["Your exercise log: week 1", "November 25 to December 1"]) == []
    assert in_order(week_2, ["Your exercise log: week 2", "December 2 to December 8"]) == []
    assert "Wed 25 Thu 26 Fri 27 Sat 28 Sun 29 Mon 30 Tue 1" in week_1
    assert "Wed 2 Thu 3 Fri 4 Sat 5 Sun 6 Mon 7 Tue 8" in week_2
    for page in (week_1, week_2):
        assert "Morning pain (0 to 10)" in page
        assert "1. Hamstring stretch with a strap" in page


def test_the_log_counts_days_without_a_start(tmp_path: Path) -> None:
    program = replace(example_program(), start=None)
    pages = [words(page) for page in page_texts(export(program, tmp_path))]
    assert "Day 1 Day 2 Day 3 Day 4 Day 5 Day 6 Day 7" in pages[-2]
    assert "Day 8 Day 9 Day 10 Day 11 Day 12 Day 13 Day 14" in pages[-1]
    assert "Start on" not in pages[0]


def test_days_a_week_are_named_in_the_log(tmp_path: Path) -> None:
    pages = page_texts(export(with_first_dose(example_program(), days_per_week=3), tmp_path))
    assert "1. Hamstring stretch with a strap 3 days a week" in words(pages[-1])


def test_the_log_explains_its_boxes_and_takes_a_number_when_ticks_would_be_too_many(
    tmp_path: Path,
) -> None:
    pages = page_texts(export(with_first_dose(example_program(), per_day=12), tmp_path))
    log = words(pages[-1])
    assert "An exercise done 2 times a day has 2 boxes for each day" in log
    assert "1. Hamstring stretch with a strap 12 times a day: write how many" in log


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
    log = words(pages[-1])
    assert "1. Hamstring stretch with a strap (left side)" in log
    assert "2. Hamstring stretch with a strap (right side)" in log


def test_a_log_week_that_runs_on_says_which_week_it_is(tmp_path: Path) -> None:
    template = next(path for path in TEMPLATES if path.stem == "shoulder-rotator-cuff")
    program = load_program(template, load_library().get)
    pages = page_texts(export(program, tmp_path, HandoutOptions(large_print=True)))
    runs_on = [words(page) for page in pages if "week 1 (continued)" in page]
    assert runs_on, "seven exercises in large print need a second page for the week"
    assert runs_on[0].startswith("Your exercise log: week 1 (continued) Exercise Day 1")


def test_a_video_link_gets_a_code_and_its_words(tmp_path: Path) -> None:
    program = example_program()
    link = "https://example.org/videos/hamstring"
    exercises = (replace(program.exercises[0], video=link), *program.exercises[1:])
    text = words(pdf_text(export(replace(program, exercises=exercises), tmp_path)))
    expected = ["Watch a video of this exercise", "Point your phone's camera", link]
    assert in_order(text, expected) == []
