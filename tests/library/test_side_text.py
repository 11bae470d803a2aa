"""Side words in library text (library/side_text.py): filled for the prescribed side, the one
"do the other side" step, the problems a file check reports, and the finders the content tests
use for text that names a fixed side or tells the patient to change sides."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from library.model import Exercise
from library.side_text import (
    ALLOWED,
    PLACEHOLDERS,
    REPEAT_STEPS,
    fill,
    fill_all,
    fixed_sides,
    placeholder_problems,
    reading,
    repeat_step,
    switching,
)

SIDES = ["left", "right", "each", "alternating", None]
WORDS = ["cross", "ankle", "over", "knee", "hold", "thigh", "hand", "gently", "the", "a", "foot"]


def swapped(text: str) -> str:
    """The text with the words left and right traded."""
    return re.sub(r"\b(left|right)\b", lambda m: "right" if m[0] == "left" else "left", text)


# A phrase is a plain word or a placeholder at work, between two words ("your {side} knee").
phrases = st.one_of(
    st.sampled_from(WORDS),
    st.builds(
        lambda placeholder, word: f"your {placeholder} {word}",
        st.sampled_from(PLACEHOLDERS),
        st.sampled_from(WORDS),
    ),
)
library_texts = st.lists(phrases, min_size=1, max_size=12).map(lambda p: "Now " + " ".join(p) + ".")


@given(library_texts)
def test_left_reads_as_right_with_the_sides_traded(text: str) -> None:
    assert fill(text, "left") == swapped(fill(text, "right"))


@given(library_texts, st.sampled_from(SIDES))
def test_a_well_written_text_has_no_problems_and_no_braces_left(
    text: str, side: str | None
) -> None:
    assert placeholder_problems(text) == []
    filled = fill(text, side)
    assert "{" not in filled and "}" not in filled
    assert "  " not in filled, "a side left out leaves no double space"


@given(library_texts)
def test_both_sides_read_as_the_right_side_first(text: str) -> None:
    assert fill(text, "each") == fill(text, "alternating") == fill(text, "right")


@given(library_texts)
def test_no_side_names_no_side(text: str) -> None:
    filled = fill(text, None)
    assert fixed_sides(filled) == []
    assert filled == fill(text, "an unknown word")


@given(st.text().filter(lambda t: "{" not in t), st.sampled_from(SIDES))
def test_text_without_placeholders_is_left_as_it_is(text: str, side: str | None) -> None:
    assert fill(text, side) == text


def test_the_readings_of_one_step() -> None:
    step = "Cross your {side} ankle over your {other side} knee."
    assert fill(step, "left") == "Cross your left ankle over your right knee."
    assert fill(step, "right") == "Cross your right ankle over your left knee."
    assert fill(step, "each") == "Cross your right ankle over your left knee."
    assert fill(step, None) == "Cross one ankle over your other knee."


def test_with_no_side_the_first_limb_named_is_one_and_the_rest_follow_it() -> None:
    steps = [
        "Lie on your back.",
        "Rest your {other side} hand flat on the table.",
        "Let your {side} arm hang down.",
        "Your {other side} hand stays flat.",
    ]
    assert fill_all(steps, None) == [
        "Lie on your back.",
        "Rest one hand flat on the table.",
        "Let your other arm hang down.",
        "Your hand stays flat.",
    ]
    assert fill_all(steps, "left")[1:3] == [
        "Rest your right hand flat on the table.",
        "Let your left arm hang down.",
    ]
    assert fill("Your {side} foot stays down.", None) == "One foot stays down."


@given(st.lists(library_texts, max_size=5), st.sampled_from(SIDES))
def test_a_whole_exercise_reads_like_its_texts_for_a_named_side(
    texts: list[str], side: str | None
) -> None:
    filled = fill_all(texts, side)
    assert len(filled) == len(texts)
    if side is not None:
        assert filled == [fill(text, side) for text in texts]
    assert not any("{" in text for text in filled)


def test_reading_an_exercise_keeps_its_parts_apart() -> None:
    exercise = Exercise(
        id="figure-4",
        name="Figure 4",
        regions=("hip",),
        kind="stretch",
        sided=True,
        summary="Stretch deep in your buttock.",
        steps=("Cross your {side} ankle over your {other side} knee.", "Hold."),
        cues=("Keep your {other side} foot flat.",),
        cautions=("Stop if your {side} leg tingles.",),
    )
    left = reading(exercise, "left")
    assert left.summary == "Stretch deep in your buttock."
    assert left.steps == ("Cross your left ankle over your right knee.", "Hold.")
    assert left.cues == ("Keep your right foot flat.",)
    assert left.cautions == ("Stop if your left leg tingles.",)
    neutral = reading(exercise, None)
    assert neutral.steps[0] == "Cross one ankle over your other knee."
    assert neutral.cues == ("Keep your other foot flat.",)
    assert neutral.cautions == ("Stop if your leg tingles.",)
    assert reading(replace(exercise, summary=None), None).summary is None


def test_only_both_sides_get_the_step_about_the_other_side() -> None:
    assert repeat_step("each") == REPEAT_STEPS["each"]
    assert "other side" in REPEAT_STEPS["each"]
    assert repeat_step("alternating") == REPEAT_STEPS["alternating"]
    assert [repeat_step(side) for side in ("left", "right", None)] == [None, None, None]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Cross your {sde} ankle over your knee.", ["'{sde}'", "did you mean '{side}'?"]),
        ("Hold your {other_side} hand.", ["'{other_side}'", "did you mean '{other side}'?"]),
        ("Hold your {SIDE} hand.", ["'{SIDE}'", "did you mean '{side}'?"]),
        ("Hold your {knee} hand.", ["unknown placeholder '{knee}'"]),
    ],
)
def test_an_unknown_placeholder_is_named_with_what_is_allowed(
    text: str, expected: list[str]
) -> None:
    [problem] = placeholder_problems(text)
    assert all(part in problem for part in expected), problem
    assert problem.endswith(f"allowed here: {ALLOWED}")


@given(library_texts, st.text(alphabet="abcdefghijklmnopqrstuvwxyz _", min_size=1, max_size=12))
def test_any_other_word_in_braces_is_a_problem(text: str, name: str) -> None:
    bad = text.replace("Now", "Now {" + name + "}", 1)
    problems = placeholder_problems(bad)
    if "{" + name + "}" in PLACEHOLDERS:
        return
    assert len(problems) == 1 and "{" + name + "}" in problems[0]


@pytest.mark.parametrize(
    "text",
    [
        "{side} ankle over the knee.",  # no word before: nothing left to read with no side
        "Cross your ankle over your {other side}.",  # no word after
        "Turn toward your {other side}, then hold.",
        "Hold the {side} hand.",
        "Hold your  {side} hand.",
    ],
)
def test_a_placeholder_must_stand_after_your_before_a_body_part(text: str) -> None:
    [problem] = placeholder_problems(text)
    assert "must come after 'your' and before a body part" in problem


def test_an_unsided_exercise_names_no_side() -> None:
    [problem] = placeholder_problems("Lift your {side} leg.", sided=False)
    assert "sided = true" in problem
    assert placeholder_problems("Lift your {side} leg.", sided=True) == []


@pytest.mark.parametrize("text", ["Lift your {side leg.", "Lift your side} leg.", "a {} b"])
def test_a_stray_brace_is_a_problem(text: str) -> None:
    problems = placeholder_problems(text)
    assert problems and ALLOWED in problems[-1]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Cross your right ankle over your left knee.", ["right", "left"]),
        ("Turn to the Left.", ["Left"]),
        ("Needs a doctor right away.", []),
        ("All right, now rest.", []),
        ("Bend your knee to a right angle.", []),
        ("Rest for the time you have left.", []),
        ("Cross your {side} ankle over your {other side} knee.", []),
    ],
)
def test_fixed_sides_are_found_and_other_lefts_and_rights_are_not(
    text: str, found: list[str]
) -> None:
    assert fixed_sides(text) == found


@pytest.mark.parametrize(
    "text",
    [
        "Hold, then switch legs.",
        "Do all your lifts on one foot, then switch.",
        "Step back, then swap which foot is in front.",
        "Turn over and do the other side.",
        "Do all your step-downs, then turn around to work the other leg.",
        "Put your foot down, then stand on the other foot.",
        "Do all your turns, then lie on your other side and repeat.",
        "Repeat with the other arm.",
        "Switch hands and do the same on the other side.",
        "Now the other leg.",
        "Change sides and hold again.",
    ],
)
def test_changing_sides_is_found(text: str) -> None:
    assert switching(text) != []


@pytest.mark.parametrize(
    "text",
    [
        "With your other hand, gently press the back of that hand toward you.",
        "Keep your other leg straight and tighten the top of that thigh.",
        "Use your other hand to lift the weight hand up.",
        "Turn your nose toward your {other side} armpit.",
        "Relax the muscle fully, then rest.",
        "Keep both hips at the same height.",
    ],
)
def test_helping_with_the_other_hand_is_not_changing_sides(text: str) -> None:
    assert switching(text) == []
