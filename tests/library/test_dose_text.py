"""The dose line a patient reads."""

from __future__ import annotations

import re
from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from library.dose_text import dose_parts, dose_text, seconds_text
from library.model import Dose
from tests.strategies import doses


def test_the_issue_s_examples() -> None:
    assert (
        dose_text(Dose(sets=3, hold_s=30, side="each", per_day=2, when="morning and evening"))
        == "3 sets × 30 s hold, each side · 2 times a day (morning and evening)"
    )
    assert dose_text(Dose(duration_s=(60, 120), per_day=1)) == "1–2 min · once a day"
    assert (
        dose_text(Dose(sets=3, reps=(10, 15), load="yellow band", days_per_week=4))
        == "3 × 10–15 reps · yellow band · 4 days a week"
    )


def test_singular_and_plural() -> None:
    assert dose_text(Dose(reps=1)) == "1 rep"
    assert dose_text(Dose(sets=2)) == "2 sets"
    assert dose_text(Dose(sets=1)) == "1 set"
    assert dose_text(Dose(days_per_week=1)) == "1 day a week"
    assert dose_text(Dose(per_day=3)) == "3 times a day"
    assert dose_text(Dose(reps=(1, 2))) == "1–2 reps"


def test_one_set_is_not_said() -> None:
    assert dose_text(Dose(sets=1, reps=10)) == "10 reps"
    assert dose_text(Dose(sets=1, hold_s=30)) == "30 s hold"


def test_reps_with_holds_rest_effort_and_sides() -> None:
    text = dose_text(
        Dose(sets=2, reps=10, hold_s=5, rest_s=60, side="left", effort="Pain no more than 3/10")
    )
    assert text == (
        "2 × 10 reps, 5 s hold, left side only · rest 1 min between sets · Pain no more than 3/10"
    )


def test_times_read_as_people_say_them() -> None:
    assert seconds_text(45) == "45 s"
    assert seconds_text(90) == "90 s"
    assert seconds_text(60) == "1 min"
    assert seconds_text(150) == "2 min 30 s"
    assert seconds_text((600, 1200)) == "10–20 min"
    assert seconds_text(3600) == "1 h"
    assert seconds_text((30, 45)) == "30–45 s"


def test_when_without_per_day_and_every_day() -> None:
    assert (
        dose_text(Dose(reps=10, when="before bed", days_per_week=7))
        == "10 reps · before bed · every day"
    )


def test_no_dose_is_no_text() -> None:
    assert dose_text(None) == ""
    assert dose_text(Dose()) == ""


PLAIN_WORDS = st.sampled_from(["red band", "morning", "slowly", "Pain no more than 3/10"])


@given(doses(PLAIN_WORDS))
def test_any_dose_reads_cleanly(dose: Dose) -> None:
    text = dose_text(dose)
    assert text == text.strip()
    assert "  " not in text and " · · " not in text and not text.startswith("·")
    assert "-" not in text, "ranges use an en dash"
    assert not re.search(r"(?<![\d–])1 (reps|sets|times)", text), "singular after one"
    says_something = not replace(dose, rest_s=None, notes=None).is_empty() or bool(dose.rest_s)
    assert bool(text) == says_something


def test_spelled_out_for_the_handout() -> None:
    dose = Dose(sets=3, hold_s=30, side="each", per_day=2, when="morning and evening")
    assert dose_text(dose, spelled=True) == (
        "3 sets × 30 seconds hold, each side · 2 times a day (morning and evening)"
    )
    assert dose_text(Dose(duration_s=(60, 120)), spelled=True) == "1–2 minutes"
    assert dose_text(Dose(reps=1, hold_s=1), spelled=True) == "1 repetition, 1 second hold"
    assert dose_text(Dose(sets=2, reps=(8, 12), rest_s=90), spelled=True) == (
        "2 × 8–12 repetitions · rest 90 seconds between sets"
    )
    assert seconds_text(150, spelled=True) == "2 minutes 30 seconds"
    assert seconds_text(3600, spelled=True) == "1 hour"


def test_the_parts_of_the_line() -> None:
    dose = Dose(reps=10, load="red band · heavy", per_day=1, days_per_week=3, effort="Easy")
    assert dose_parts(dose) == [
        "10 reps",
        "red band · heavy",
        "once a day",
        "3 days a week",
        "Easy",
    ]


def test_odd_ranges_never_collapse() -> None:
    assert seconds_text((121, 130)) == "121–130 s"
    assert seconds_text((90, 150)) == "90–150 s"
    assert seconds_text((400, 500)) == "7–8 min"
    assert seconds_text((3599, 3601)) == "59–61 min"


ranges = st.integers(1, 14399).flatmap(
    lambda low: st.tuples(st.just(low), st.integers(low + 1, 14400))
)


@given(ranges)
def test_a_range_always_reads_as_a_range(bounds: tuple[int, int]) -> None:
    text = seconds_text(bounds)
    first, _, rest = text.partition("–")
    assert rest and first != rest.split()[0]
