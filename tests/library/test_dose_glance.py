"""A dose at a glance: the large labelled figures a patient reads from the floor."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
import textstat
from hypothesis import given
from hypothesis import strategies as st

from library.dose_glance import (
    Glance,
    glance,
    limb,
    names_days,
    rounds_explained,
    side_value,
)
from library.layers import load_library
from library.model import Dose, Exercise, high, low
from tests.strategies import doses


def exercise(*regions: str, sided: bool = True) -> Exercise:
    return Exercise(
        id="x", name="X", regions=regions, kind="strength", steps=("Do it.",), sided=sided
    )


LEG = exercise("hip", "knee", "low-back")
ARM = exercise("shoulder")
NECK = exercise("neck", "shoulder")


def texts(found: Glance) -> list[str]:
    return [part.text for part in found.parts]


def test_the_issue_s_examples() -> None:
    stretch = Dose(sets=3, hold_s=30, side="each", per_day=2, when="morning and evening")
    found = glance(stretch, LEG)
    assert texts(found) == ["Hold 30 seconds", "3 rounds", "Each leg", "2 times a day", "Every day"]
    assert found.parts[3].detail == "morning and evening"
    strength = Dose(sets=3, reps=10, side="left", days_per_week=3, load="yellow band")
    found = glance(strength, ARM)
    assert texts(found) == ["Do 10 times", "3 rounds", "Left arm", "3 days a week"]
    assert [(line.label, line.text) for line in found.lines] == [("Use", "yellow band")]
    assert texts(glance(Dose(duration_s=(60, 120), per_day=1))) == [
        "Do it for 1–2 minutes",
        "Once a day",
        "Every day",
    ]


def test_the_figure_is_the_value_and_the_label_reads_before_it() -> None:
    [reps, hold, *_] = glance(Dose(reps=(8, 12), hold_s=5)).parts
    assert (reps.label, reps.value) == ("Do", "8–12 times")
    assert (hold.label, hold.value) == ("Hold", "5 seconds")


def test_the_side_names_the_limb_where_the_regions_tell_it() -> None:
    assert glance(Dose(side="right"), LEG).parts[0].value == "Right leg"
    assert glance(Dose(side="each"), ARM).parts[0].value == "Each arm"
    assert glance(Dose(side="left"), NECK).parts[0].value == "Left side"
    assert glance(Dose(side="alternating"), LEG).parts[0].value == "Legs in turn"
    assert glance(Dose(side="left")).parts[0].value == "Left side", "no exercise: no limb"


@pytest.mark.parametrize(
    ("exercise_id", "word"),
    [
        ("hamstring-stretch-strap", "leg"),
        ("clamshell", "leg"),
        ("single-leg-stance", "leg"),
        ("band-external-rotation", "arm"),
        ("wrist-curl-weight", "arm"),
        ("serratus-punch-lying", "arm"),
        ("upper-trapezius-stretch", "side"),
        ("side-plank", "side"),
        ("open-book", "side"),
    ],
)
def test_bundled_exercises_get_their_limb(exercise_id: str, word: str) -> None:
    assert limb(load_library().exercises[exercise_id]) == word


def test_which_days() -> None:
    assert texts(glance(Dose(reps=10)))[-1] == "Every day"
    assert texts(glance(Dose(reps=10, days_per_week=7)))[-1] == "Every day"
    assert texts(glance(Dose(reps=10, days_per_week=1)))[-1] == "1 day a week"
    named = glance(Dose(reps=10, per_day=1, when="Monday, Wednesday and Friday", days_per_week=3))
    assert texts(named)[-2:] == ["Once a day", "Monday, Wednesday and Friday"]
    assert named.parts[-2].detail == "", "the days are not said twice"
    assert names_days("weekdays before work") and not names_days("morning and evening")


def test_when_without_times_a_day_is_a_line() -> None:
    found = glance(Dose(reps=10, when="before bed"))
    assert texts(found) == ["Do 10 times", "Every day"]
    assert [(line.label, line.text) for line in found.lines] == [("When", "before bed")]


def test_rest_speed_and_effort_are_labelled_lines_with_units_spelled_out() -> None:
    dose = Dose(sets=2, reps=10, rest_s=90, tempo="3 s down", effort="Pain no more than 3/10")
    assert [(line.label, line.text) for line in glance(dose).lines] == [
        ("Speed", "3 s down"),  # the therapist's own words, as typed
        ("Rest", "90 seconds between rounds"),
        ("How hard", "Pain no more than 3/10"),
    ]


def test_one_round_goes_without_saying_unless_it_is_all() -> None:
    assert texts(glance(Dose(sets=1, reps=10))) == ["Do 10 times", "Every day"]
    assert texts(glance(Dose(sets=1))) == ["1 round", "Every day"]
    assert texts(glance(Dose(sets=(1, 2), hold_s=20)))[:2] == ["Hold 20 seconds", "1–2 rounds"]
    assert texts(glance(Dose(reps=1))) == ["Do once", "Every day"]


def test_the_dose_s_note_is_kept_and_read_for_its_side() -> None:
    dose = Dose(
        sets=2, side="left", notes="Hold your {side} knee.\n\nOne hold on each leg is one set."
    )
    assert glance(dose, LEG).notes == ("Hold your left knee.", "One hold on each leg is one set.")


def test_no_dose_and_an_empty_dose_show_nothing() -> None:
    assert glance(None).is_empty()
    assert glance(Dose()).is_empty()
    only_effort = glance(Dose(effort="Moderately hard"))
    assert only_effort.parts == () and only_effort.lines[0].label == "How hard"


def test_rounds_and_times_are_explained_only_when_a_dose_counts_them() -> None:
    assert rounds_explained([Dose(duration_s=60), None]) is None
    both = rounds_explained([Dose(sets=3, reps=10), Dose(sets=3, hold_s=30)])
    assert both is not None
    assert "round (set)" in both and "repetition (rep)" in both and "one hold" in both
    reps_only = rounds_explained([Dose(reps=10)])
    assert reps_only is not None and "round" not in reps_only and "(rep)" in reps_only


def test_the_explanation_reads_at_grade_six_or_below() -> None:
    text = rounds_explained([Dose(sets=3, reps=10), Dose(sets=3, hold_s=30)])
    assert text is not None
    for sentence in re.split(r"(?<=\.) ", text):
        assert textstat.flesch_kincaid_grade(sentence) <= 6, sentence


PLAIN = st.sampled_from(["red band", "morning and evening", "slowly", "Pain no more than 3/10"])
EXERCISES = st.sampled_from([LEG, ARM, NECK, exercise("core"), exercise("whole-body", "hip")])
ABBREVIATED = re.compile(r"\d\s*(s|sec|secs|min|mins|h|hr|reps?)\b|×")


def amount_words(amount: object) -> list[str]:
    return [str(low(amount)), str(high(amount))]  # type: ignore[arg-type]


@given(doses(PLAIN), EXERCISES)
def test_any_dose_reads_as_labelled_figures_in_words(dose: Dose, exercise: Exercise) -> None:
    found = glance(dose, exercise)
    for part in found.parts:
        assert part.value and part.value == part.value.strip()
        assert part.text == f"{part.label} {part.value}".strip()
        assert not ABBREVIATED.search(part.value), part.value
    figures = " ".join(texts(found))
    if dose.reps is not None:
        assert any(part.label == "Do" for part in found.parts)
        if dose.reps == 1:
            assert "Do once" in texts(found)
        else:
            assert all(number in figures for number in amount_words(dose.reps))
    if dose.hold_s is not None:
        [hold] = [part for part in found.parts if part.label == "Hold"]
        assert re.search(r"\b(seconds?|minutes?|hours?)\b", hold.value), hold.value
    if dose.sets is not None and high(dose.sets) > 1:
        assert "rounds" in figures
    if dose.per_day is not None:
        assert "a day" in figures
    if dose.side is not None:
        assert side_value(dose.side, limb(exercise)) in texts(found)
    if dose.rest_s:
        assert any(line.label == "Rest" and "between rounds" in line.text for line in found.lines)
    lines = {line.label: line.text for line in found.lines}
    assert lines.get("Use") == dose.load
    assert lines.get("How hard") == dose.effort


@given(doses(PLAIN), EXERCISES)
def test_a_left_and_a_right_dose_differ_only_in_the_side(dose: Dose, exercise: Exercise) -> None:
    left = glance(replace(dose, side="left"), exercise)
    right = glance(replace(dose, side="right"), exercise)
    swapped = [text.replace("Right", "Left") for text in texts(right)]
    assert swapped == texts(left)
    assert left.lines == right.lines


@given(doses(PLAIN))
def test_a_dose_with_any_count_or_frequency_says_which_days(dose: Dose) -> None:
    found = glance(dose)
    counted = any(
        value is not None
        for value in (dose.sets, dose.reps, dose.hold_s, dose.duration_s, dose.side, dose.per_day)
    )
    if counted or dose.days_per_week is not None:
        last = found.parts[-1].value
        assert last == "Every day" or "a week" in last or names_days(last)
