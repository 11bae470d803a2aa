"""Which days and which times of day the log plans for a dose (library/log_days.py)."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from library.log_days import (
    WEEK,
    named_times,
    named_weekdays,
    planned_days,
    spread,
    times_of_day,
)
from library.model import Dose
from tests.strategies import doses

MONDAY = dt.date(2026, 11, 23)
WEDNESDAY = dt.date(2026, 11, 25)
starts = st.dates(dt.date(2000, 1, 1), dt.date(2100, 12, 31))


def weekdays(planned: tuple[bool, ...], start: dt.date) -> list[str]:
    return [
        (start + dt.timedelta(days=day)).strftime("%a") for day, done in enumerate(planned) if done
    ]


def gaps(planned: tuple[bool, ...]) -> list[int]:
    """Days from each planned day to the next, the last one to the first of the next week."""
    days = [day for day, done in enumerate(planned) if done]
    return [
        later - earlier for earlier, later in zip(days, [*days[1:], days[0] + WEEK], strict=True)
    ]


def test_three_days_a_week_from_a_monday_are_monday_wednesday_and_friday() -> None:
    planned = planned_days(Dose(days_per_week=3), MONDAY)
    assert weekdays(planned[:WEEK], MONDAY) == ["Mon", "Wed", "Fri"]
    assert weekdays(planned[WEEK:], MONDAY + dt.timedelta(days=WEEK)) == ["Mon", "Wed", "Fri"]


def test_the_pattern_starts_on_the_start_day() -> None:
    assert weekdays(planned_days(Dose(days_per_week=3), WEDNESDAY)[:WEEK], WEDNESDAY) == [
        "Wed",
        "Fri",
        "Sun",
    ]
    five = planned_days(Dose(days_per_week=5), WEDNESDAY)[:WEEK]
    assert weekdays(five, WEDNESDAY) == ["Wed", "Thu", "Fri", "Sun", "Mon"]


def test_every_day_without_days_a_week_or_without_a_dose() -> None:
    assert all(planned_days(Dose(per_day=2), WEDNESDAY))
    assert all(planned_days(None, None))
    assert len(planned_days(None, None, 21)) == 21


@given(st.integers(1, WEEK), starts, st.integers(1, 4))
def test_each_week_has_as_many_days_as_the_dose_spread_evenly_from_the_start(
    per_week: int, start: dt.date, weeks: int
) -> None:
    planned = planned_days(Dose(days_per_week=per_week), start, weeks * WEEK)
    assert planned[0], "the first day is the start"
    for week in range(weeks):
        assert sum(planned[week * WEEK : (week + 1) * WEEK]) == per_week
    # Evenly: the days between one and the next never differ by more than one.
    assert max(gaps(planned[:WEEK])) - min(gaps(planned[:WEEK])) <= 1
    # The same days every week: the plan can be said as weekday names.
    assert planned[WEEK:] == planned[: len(planned) - WEEK]


@given(st.integers(1, WEEK))
def test_spread_is_sorted_distinct_and_starts_at_day_0(count: int) -> None:
    days = spread(count)
    assert days[0] == 0 and len(set(days)) == count and list(days) == sorted(days)
    assert all(0 <= day < WEEK for day in days)


def test_weekdays_the_dose_names_win() -> None:
    dose = Dose(days_per_week=2, when="Tuesdays and Fridays")
    assert weekdays(planned_days(dose, WEDNESDAY)[:WEEK], WEDNESDAY) == ["Fri", "Tue"]
    notes = Dose(days_per_week=3, notes="Do these on Mon/Wed/Fri, after your walk.")
    assert weekdays(planned_days(notes, WEDNESDAY)[:WEEK], WEDNESDAY) == ["Wed", "Fri", "Mon"]


def test_named_weekdays_that_do_not_match_the_count_are_not_a_plan() -> None:
    """A note that mentions a day is not the plan: "call us on Monday" with 5 days a week."""
    dose = Dose(days_per_week=5, notes="Call us on Monday if it hurts.")
    assert planned_days(dose, WEDNESDAY) == planned_days(Dose(days_per_week=5), WEDNESDAY)


def test_named_weekdays_without_a_start_are_spread_as_many() -> None:
    dose = Dose(when="Mondays and Thursdays")
    assert planned_days(dose, None) == planned_days(Dose(days_per_week=2), None)


def test_how_weekdays_are_named() -> None:
    def names(text: str) -> list[int]:
        return sorted(named_weekdays(text))

    assert names("Mondays and Thursdays") == [0, 3]
    assert names("Mon/Wed/Fri") == [0, 2, 4]
    assert names("Tues, Thurs and Sat") == [1, 3, 5]
    assert names("Monday to Friday") == [0, 1, 2, 3, 4]
    assert names("Mon–Fri") == [0, 1, 2, 3, 4]
    assert names("Friday through Monday") == [0, 4, 5, 6]
    assert names("on weekdays") == [0, 1, 2, 3, 4]
    assert names("every day except Sunday") == [0, 1, 2, 3, 4, 5]
    assert names("not on weekends") == [0, 1, 2, 3, 4]
    # Words that only look like days, and a "not" in another sentence.
    assert names("after you sat down, wed to the chair") == []
    assert names("Do not push into pain. Mondays.") == [0]


def test_times_of_day() -> None:
    assert times_of_day(Dose(per_day=2)) == ("Morning", "Evening")
    assert times_of_day(Dose(per_day=3)) == ("Morning", "Midday", "Evening")
    assert times_of_day(Dose(per_day=4)) == ("Time 1", "Time 2", "Time 3", "Time 4")
    assert times_of_day(Dose(per_day=1)) == ("",)
    assert times_of_day(Dose()) == ("",)
    assert times_of_day(None) == ("",)


def test_times_of_day_as_the_dose_names_them() -> None:
    assert times_of_day(Dose(per_day=2, when="morning and evening")) == ("Morning", "Evening")
    assert times_of_day(Dose(per_day=2, when="after breakfast and at bedtime")) == (
        "Breakfast",
        "Bedtime",
    )
    assert times_of_day(Dose(per_day=1, when="before bed")) == ("Bedtime",)
    # Fewer names than times: the usual names, not a guess.
    first_steps = "before your first steps in the morning, and 2 more times"
    assert times_of_day(Dose(per_day=3, when=first_steps)) == ("Morning", "Midday", "Evening")
    assert named_times("each time you get in or out of bed") == ()


@given(doses())
def test_a_row_for_each_time_a_day_each_named_once(dose: Dose) -> None:
    names = times_of_day(dose)
    assert len(names) == (dose.per_day or 1)
    assert len(set(names)) == len(names)
