"""One voice on safety and one pain rule: the single "Stop and call us" box (which signs a program
gets, how its precautions and own signs merge with them, emergencies first), the reading grade
of every sentence the box can print, and the pain guide built on the program's pain limit."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
import textstat
from pdf_helpers import (
    ALL_OPTIONS,
    EXAMPLE,
    example_program,
    export,
    in_order,
    option_id,
    page_texts,
    pdf_text,
    words,
)

from exports.guidance import (
    CALL_INTRO,
    CARE_INTRO,
    EMERGENCY_INTRO,
    NEXT_MORNING,
    NO_CONTACT,
    OWN_LIMIT,
    PAIN_SCALE,
    STOP_HEADING,
    WHILE_EXERCISING,
    chosen_signs,
    every_sign,
    pain_levels,
    safety_words,
    says_the_same,
    worked_on,
)
from exports.handout import HandoutOptions
from library.layers import Library, load_library
from library.model import PAIN_LIMIT, PAIN_LIMIT_RANGE, Exercise, Item, Program
from library.program_files import load_program
from library.side_text import fixed_sides

MAX_GRADE = 6  # Flesch-Kincaid, every sentence (DOMAIN: aim at 6th grade)
TEMPLATES = sorted((Path(__file__).parents[2] / "library" / "data" / "templates").glob("*.toml"))
# The example's precautions before this issue: all three repeat the back program's signs.
OLD_BACK_PRECAUTIONS = (
    "Any change in bladder or bowel control, or numb skin between your legs: "
    "get medical help at once.",
    "New numbness, tingling or weakness in a leg: call us the same day.",
    "Sharp pain, or pain that gets worse or spreads down your leg: stop and call us.",
)


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


@pytest.fixture(scope="module")
def programs(library: Library) -> dict[str, Program]:
    """Every bundled template, and the example as "example"."""
    found = {path.stem: load_program(path, library.get) for path in TEMPLATES}
    found["example"] = load_program(EXAMPLE, library.get)
    return found


def made_of(library: Library, *exercise_ids: str, **fields: object) -> Program:
    exercises = [library.get(exercise_id) for exercise_id in exercise_ids]
    assert all(exercises), exercise_ids
    used = tuple(e for e in exercises if isinstance(e, Exercise))
    items = tuple(Item(e.id, dose=e.dose) for e in used)
    return replace(Program(title="Test"), items=items, exercises=used, **fields)  # type: ignore[arg-type]


def sentences(text: str) -> list[str]:
    return [part for part in re.split(r"(?<=[.?!])\s+", text.strip()) if part]


def box_sentences(programs: dict[str, Program]) -> list[tuple[str, str]]:
    """Every sentence the box can print: hepster's own words, whatever the program, and the
    precautions and warning signs of the bundled templates and the example. A clinic's name in
    the call line is the clinic's, not ours: the line is measured with a phone number only."""
    own = [
        STOP_HEADING,
        EMERGENCY_INTRO,
        CALL_INTRO,
        CARE_INTRO,
        NO_CONTACT,
        "Call us: 555-0100",
        *(sign.text for sign in every_sign()),
    ]
    found = [("hepster", sentence) for text in own for sentence in sentences(text)]
    for name, program in programs.items():
        for text in (*program.precautions, *program.warning_signs):
            found += [(name, sentence) for sentence in sentences(text)]
    return found


def test_every_sentence_the_box_can_print_reads_at_grade_six_or_below(
    programs: dict[str, Program],
) -> None:
    found = box_sentences(programs)
    assert len(found) > 25
    grades = [(textstat.flesch_kincaid_grade(text), where, text) for where, text in found]
    too_hard = [f"{g:.1f} {where}: {text}" for g, where, text in grades if g > MAX_GRADE]
    assert too_hard == []


def test_every_sentence_of_the_pain_guide_reads_at_grade_six_or_below() -> None:
    texts = [PAIN_SCALE, WHILE_EXERCISING, OWN_LIMIT, "".join(NEXT_MORNING)]
    texts += [text for limit in range(11) for row in pain_levels(limit) for text in row]
    too_hard = [
        text
        for text in texts
        for text in sentences(text)
        if textstat.flesch_kincaid_grade(text) > MAX_GRADE
    ]
    assert too_hard == []


def test_the_bundled_warning_words_name_no_fixed_side(programs: dict[str, Program]) -> None:
    texts = [t for p in programs.values() for t in (*p.precautions, *p.warning_signs)]
    assert [text for text in texts if fixed_sides(text)] == []


@pytest.mark.parametrize(
    ("name", "parts"),
    [
        ("example", {"back", "leg"}),
        ("low-back-hips", {"back", "leg"}),
        ("core-after-back", {"back", "leg"}),
        ("neck-desk-posture", {"neck", "arm"}),  # one low-back exercise in seven: not the back
        ("frozen-shoulder-early", {"arm"}),  # one neck exercise in five: not the neck
        ("lateral-elbow-pain", {"arm"}),
        ("shoulder-rotator-cuff", {"arm"}),
        ("knee-osteoarthritis", {"leg"}),  # knee exercises tagged "knee replacement" too
        ("total-knee-replacement-early", {"leg", "replacement"}),
        ("balance-fall-prevention", {"leg", "balance"}),
        ("ankle-sprain", {"leg", "balance"}),
    ],
)
def test_what_a_program_works_on(programs: dict[str, Program], name: str, parts: set[str]) -> None:
    assert worked_on(programs[name]) == parts


@pytest.mark.parametrize(
    "words",
    [
        {"title": "After your knee replacement: the first weeks"},
        {"title": "Total hip arthroplasty, week 2"},
        {"goals": ("Walk with your new hip",)},
        {"notes": "Do these with the leg that had surgery."},
        {"notes": "After your knee surgery, go gently."},
        {"title": "Replaced knee: stage 2"},
    ],
)
def test_a_program_after_a_replacement_is_known_by_its_own_words(
    library: Library, words: dict[str, object]
) -> None:
    program = made_of(library, "quad-set", "heel-slide", **words)
    assert "replacement" in worked_on(program)
    texts = [sign.text for sign in chosen_signs(program)]
    assert any("calf" in text for text in texts) and any("Chest pain" in text for text in texts)


@pytest.mark.parametrize(
    "words",
    [
        {"title": "Knee arthritis: stronger legs"},
        {"notes": "Strong thighs now make the knee surgery later easier."},
        {"title": "Before your operation"},
    ],
)
def test_other_knee_programs_are_not_after_a_replacement(
    library: Library, words: dict[str, object]
) -> None:
    assert "replacement" not in worked_on(made_of(library, "quad-set", "heel-slide", **words))


def test_a_replacement_named_by_an_arm_program_is_not_a_leg_replacement(library: Library) -> None:
    program = made_of(library, "pendulum", "scaption", title="After your shoulder replacement")
    assert "replacement" not in worked_on(program)


@pytest.mark.parametrize(
    ("name", "emergencies", "signs"),
    [
        (
            "low-back-hips",
            ["bladder or bowels", "between your legs"],
            ["Sharp pain", "spreads down a leg"],
        ),
        (
            "total-knee-replacement-early",
            ["short of breath", "calf"],
            ["Sharp pain", "spreads down a leg", "wound"],
        ),
        (
            "neck-desk-posture",
            ["talk or swallow", "Chest pain with pain in your arm", "double sight"],
            ["Sharp pain", "spreads down an arm"],
        ),
        (
            "shoulder-rotator-cuff",
            ["Chest pain with pain in your arm"],
            ["Sharp pain", "spreads down an arm or into a hand", "loss of strength"],
        ),
        (
            "balance-fall-prevention",
            [],
            ["Sharp pain", "spreads down a leg", "A fall", "dizziness"],
        ),
    ],
)
def test_the_signs_each_program_gets(
    programs: dict[str, Program], name: str, emergencies: list[str], signs: list[str]
) -> None:
    said = safety_words(programs[name])
    assert in_order(" | ".join(said.emergencies), emergencies) == []
    assert len(said.emergencies) == len(emergencies)
    assert in_order(" | ".join(said.signs), signs) == []


def test_a_neck_program_is_not_told_about_the_bladder(programs: dict[str, Program]) -> None:
    said = safety_words(programs["neck-desk-posture"])
    assert not any("bladder" in text for text in (*said.emergencies, *said.signs))


def test_one_sign_per_topic_the_more_urgent_first(library: Library) -> None:
    """A neck and balance program: the neck's dizziness, not the balance sign's as well; after
    a knee replacement, with an arm exercise too: one chest pain, the replacement's."""
    neck_and_balance = made_of(library, "chin-tuck-sitting", "tandem-stance")
    texts = [sign.text for sign in chosen_signs(neck_and_balance)]
    assert sum("izz" in text for text in texts) == 1, texts
    knee_and_arm = made_of(
        library, "quad-set", "heel-slide", "pendulum", title="After your knee replacement"
    )
    texts = [sign.text for sign in chosen_signs(knee_and_arm)]
    assert sum("Chest pain" in text for text in texts) == 1, texts


def test_precautions_that_repeat_the_signs_are_left_out(programs: dict[str, Program]) -> None:
    old = replace(programs["example"], precautions=OLD_BACK_PRECAUTIONS, warning_signs=())
    said = safety_words(old)
    assert said.precautions == ()
    assert said == safety_words(replace(old, precautions=()))


def test_a_precaution_that_says_more_is_printed_whole(programs: dict[str, Program]) -> None:
    more = "Numbness or burning in your foot, or heel pain that wakes you at night: tell us soon."
    program = replace(programs["example"], precautions=(more,), warning_signs=())
    assert safety_words(program).precautions == (more,)


def test_a_program_s_own_sign_that_repeats_a_chosen_one_is_left_out(
    programs: dict[str, Program],
) -> None:
    knee = programs["total-knee-replacement-early"]
    repeated = ("Call your surgeon today if your calf is swollen, red or painful.", "A fever")
    own = ("A knee that will not bend past where it was last week",)
    said = safety_words(replace(knee, warning_signs=repeated + own))
    assert said.signs[-1:] == own
    assert not any(text in said.signs for text in repeated)


def test_a_line_given_twice_is_printed_once(programs: dict[str, Program]) -> None:
    line = "No lifting over 10 kg for two weeks"
    program = replace(programs["example"], precautions=(line, line + "."), warning_signs=())
    assert safety_words(program).precautions == (line,)


@pytest.mark.parametrize(
    ("text", "same"),
    [
        ("Chest pain or sudden shortness of breath: call an ambulance at once.", True),
        ("Call your surgeon today if you have a fever, or your wound is red or leaking.", True),
        ("Follow your surgeon's limits on bending.", False),  # names no sign at all
        ("Chest pain while you climb stairs: stop and rest.", False),  # says more
        ("Never rest with a pillow under your knee.", False),
    ],
)
def test_says_the_same(programs: dict[str, Program], text: str, same: bool) -> None:
    signs = chosen_signs(programs["total-knee-replacement-early"])
    assert says_the_same(text, signs) is same


def test_nothing_is_said_twice_on_a_bundled_handout(programs: dict[str, Program]) -> None:
    """No precaution or warning sign of a bundled program names a topic of a sign hepster
    prints beside it: each is said once."""
    twice = []
    for name, program in programs.items():
        signs = chosen_signs(program)
        said = safety_words(program)
        for text in (*said.precautions, *said.signs[len(signs) - len(said.emergencies) :]):
            stems = re.findall(r"[a-z]+", text.lower())
            for sign in signs:
                if any(stem.startswith(sign.keys) for stem in stems):
                    twice.append(f"{name}: {text!r} names the topic of {sign.text!r}")
    assert twice == []


def test_the_example_prints_one_safety_box_with_emergencies_first(tmp_path: Path) -> None:
    program = example_program()
    pages = page_texts(export(program, tmp_path))
    first = words(pages[0])
    assert first.count(STOP_HEADING) == 1
    assert "Important: please take care" not in first
    expected = [
        STOP_HEADING,
        EMERGENCY_INTRO,
        "New trouble with your bladder or bowels",
        "Numb skin between your legs or around your bottom",
        CALL_INTRO,
        "Sharp pain, or pain that keeps getting worse",
        *program.warning_signs,
        CARE_INTRO,
        *program.precautions,
        "Call us: 555-0100 (Riverside Physical Therapy)",
        "How much pain is okay?",
    ]
    assert in_order(first, expected) == []


def test_a_knee_replacement_handout_warns_of_the_calf_and_the_chest(
    programs: dict[str, Program], tmp_path: Path
) -> None:
    text = words(pdf_text(export(programs["total-knee-replacement-early"], tmp_path)))
    expected = [
        EMERGENCY_INTRO,
        "Chest pain, or you are suddenly short of breath",
        "Pain in your calf, or a calf that is red or swollen",
        CALL_INTRO,
        "A fever, or a wound that is red, hot or leaking",
        CARE_INTRO,
        "Never rest with a pillow under your knee",
    ]
    assert in_order(text, expected) == []


@pytest.mark.parametrize("options", ALL_OPTIONS, ids=option_id)
@pytest.mark.parametrize("name", [path.stem for path in TEMPLATES] + ["example"])
def test_the_safety_box_is_whole_on_the_first_page(
    programs: dict[str, Program], tmp_path: Path, name: str, options: HandoutOptions
) -> None:
    """What matters most for safety is on the page the patient sees first, in large print too;
    in regular print the pain guide is there as well."""
    program = programs[name]
    first = words(page_texts(export(program, tmp_path, options))[0])
    box_ends = "Call us:" if program.contact else NO_CONTACT
    expected = [STOP_HEADING, box_ends]
    if not options.large_print:
        expected += ["How much pain is okay?", NEXT_MORNING[0].strip()]
    assert in_order(first, expected) == []


FINE, OKAY, TOO = "Fine", "Okay", "Too much"


@pytest.mark.parametrize(
    ("limit", "rows"),
    [
        (0, [("0 out of 10", FINE), ("1 to 10 out of 10", TOO)]),
        (1, [("0 out of 10", FINE), ("1 out of 10", OKAY), ("2 to 10 out of 10", TOO)]),
        (2, [("0 out of 10", FINE), ("1 or 2 out of 10", OKAY), ("3 to 10 out of 10", TOO)]),
        (3, [("0 or 1 out of 10", FINE), ("2 or 3 out of 10", OKAY), ("4 to 10 out of 10", TOO)]),
        (5, [("0 to 3 out of 10", FINE), ("4 or 5 out of 10", OKAY), ("6 to 10 out of 10", TOO)]),
        (9, [("0 to 7 out of 10", FINE), ("8 or 9 out of 10", OKAY), ("10 out of 10", TOO)]),
        (10, [("0 to 8 out of 10", FINE), ("9 or 10 out of 10", OKAY)]),
    ],
)
def test_the_pain_guide_s_rows_for_each_limit(limit: int, rows: list[tuple[str, str]]) -> None:
    found = pain_levels(limit)
    assert [level for level, _ in found] == [level for level, _ in rows]
    meanings = [meaning for _, meaning in found]
    assert all(
        meaning.startswith(start) for meaning, (_, start) in zip(meanings, rows, strict=True)
    )


def test_every_limit_the_schema_takes_makes_a_guide_that_covers_the_scale() -> None:
    """From 0 to 10, each score in one row, the okay ones ending at the limit."""
    low, high = PAIN_LIMIT_RANGE
    assert (low, high) == (0, 10)
    for limit in range(low, high + 1):
        covered = []
        for level, meaning in pain_levels(limit):
            numbers = [int(n) for n in re.findall(r"\d+", level.removesuffix(" out of 10"))]
            covered += list(range(numbers[0], numbers[-1] + 1))
            if meaning.startswith("Okay") or (limit == 0 and meaning.startswith("Fine")):
                assert numbers[-1] == limit, (limit, level)
        assert covered == list(range(11)), limit


def test_the_program_s_pain_limit_changes_the_handout(tmp_path: Path) -> None:
    program = replace(example_program(), pain_limit=3)
    text = words(pdf_text(export(program, tmp_path)))
    expected = ["0 or 1 out of 10 Fine.", "2 or 3 out of 10 Okay", "4 to 10 out of 10 Too much."]
    assert in_order(text, expected) == []
    default = words(pdf_text(export(example_program(), tmp_path)))
    assert f"4 or {PAIN_LIMIT} out of 10 Okay" in default


def test_the_own_limit_example_states_no_number() -> None:
    assert not re.search(r"\d", OWN_LIMIT)


def test_the_program_s_own_warning_words_print_as_typed_never_as_markup(tmp_path: Path) -> None:
    """Untrusted text, like every other text of a program (test_handout_escaping.py)."""
    hostile = '<b>bold</b> <img src="/etc/passwd"/> &amp; <a href="x">link</a>'
    program = replace(example_program(), warning_signs=(hostile,), precautions=(hostile + " 2",))
    said = safety_words(program)
    assert said.signs[-1] == hostile and said.precautions == (hostile + " 2",)
    text = words(pdf_text(export(program, tmp_path)))
    assert in_order(text, [CALL_INTRO, hostile, CARE_INTRO, hostile + " 2"]) == []
