"""Form text to TOML values: forms are checked by the same rules as files."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from library.field_text import (
    check_dose_fields,
    check_info_fields,
    dose_fields,
    dose_raw,
    form_message,
    info_fields,
    number_value,
    problem_key,
)
from library.model import Dose, Program


def test_numbers_and_ranges() -> None:
    assert number_value("") is None
    assert number_value(" 30 ") == 30
    assert number_value("8-12") == [8, 12]
    assert number_value("8 – 12") == [8, 12]
    assert number_value("8 to 12") == [8, 12]
    assert number_value("ten") == "ten"


def test_a_dose_form_round_trips() -> None:
    dose = Dose(
        sets=3,
        reps=(8, 12),
        hold_s=5,
        rest_s=30,
        per_day=2,
        days_per_week=4,
        side="each",
        load="red band",
        when="morning",
        notes="Slowly.\nBreathe.",
    )
    fields = dose_fields(dose)
    assert fields["reps"] == "8-12"
    checked, problems = check_dose_fields(fields, sided=True)
    assert problems == [] and checked == dose


def test_dose_problems_use_the_file_rules_and_name_the_field() -> None:
    fields = dose_fields(None) | {"sets": "25", "reps": "12-8", "hold_s": "ten", "side": "each"}
    dose, problems = check_dose_fields(fields, sided=False)
    assert dose is None
    assert {problem_key(p) for p in problems} == {"sets", "reps", "hold_s", "side"}
    assert any("1 to 20" in p.message for p in problems)


def test_empty_form_is_an_empty_dose() -> None:
    dose, problems = check_dose_fields(dose_fields(None), sided=None)
    assert problems == [] and dose is not None and dose.is_empty()
    assert dose_raw(dose_fields(None)) == {}


@given(st.integers(1, 500), st.integers(1, 500))
def test_any_valid_rep_range_is_accepted(a: int, b: int) -> None:
    low, high = sorted((a, b))
    dose, problems = check_dose_fields({"reps": f"{low}-{high}"}, sided=None)
    if low == high:
        assert problems
    else:
        assert dose is not None and dose.reps == (low, high)


def test_info_form_round_trips_and_checks_dates() -> None:
    program = Program(
        title="Knee",
        patient="Jane",
        created=dt.date(2026, 11, 24),
        goals=("Walk", "Climb"),
        notes="Line one\nLine two",
    )
    fields = info_fields(program)
    checked, problems = check_info_fields(fields)
    assert problems == [] and checked == program
    checked, problems = check_info_fields(fields | {"start": "2026-02-30"})
    assert checked is None and problem_key(problems[0]) == "start"


def test_form_messages_speak_of_what_the_form_takes() -> None:
    """The same rules as files, without TOML's brackets and quotes."""
    _, problems = check_dose_fields({"reps": "x", "sets": "3-2"}, sided=False)
    messages = sorted(form_message(p.message) for p in problems)
    assert messages == [
        "a range must go from low to high, like 1-2",
        "must be a whole number from 1 to 500, or a range like 8-12 (got 'x')",
    ]


def test_seconds_fields_take_a_unit_as_typed() -> None:
    """The form is in seconds, but "45s" and "1-2 min" are what a therapist writes."""
    dose, problems = check_dose_fields({"hold_s": "45s", "duration_s": "1-2 min"}, sided=False)
    assert problems == []
    assert dose is not None and dose.hold_s == 45 and dose.duration_s == (60, 120)
    _, problems = check_dose_fields({"hold_s": "a while s"}, sided=False)
    assert problems and problem_key(problems[0]) == "hold_s"
