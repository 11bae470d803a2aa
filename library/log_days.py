"""Which days and which times of day a dose is done, as the handout's log lays them out.

Days: a dose done fewer than 7 days a week is planned on days spread as evenly as whole days
allow, the first on the program's start (3 days a week from a Monday: Monday, Wednesday,
Friday), unless its `when` or notes name the weekdays ("Mondays and Thursdays", "Mon–Fri",
"every day except Sunday"), which then win. Times: a dose done 2 or more times a day gets a
row per time, named as its `when` names them ("morning and evening") or else Morning and Evening;
Morning, Midday and Evening; numbered past three.
"""

from __future__ import annotations

import datetime as dt
import re

from library.model import Dose
from library.speech import N_, _

WEEK = 7
# More times a day than this are too many rows to tick: the patient writes how many instead
# ("every hour" ankle pumps after a knee replacement).
MOST_TICKS = 4

WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# Short forms only when capitalised: "sat" and "wed" are also words ("after you sat down").
SHORT_WEEKDAYS = {
    "Mon": 0,
    "Tue": 1,
    "Tues": 1,
    "Wed": 2,
    "Thu": 3,
    "Thur": 3,
    "Thurs": 3,
    "Fri": 4,
    "Sat": 5,
    "Sun": 6,
}


def day_pattern(prefix: str) -> str:
    """One weekday, by its name (any case, "Mondays" too) or its capitalised short form."""
    long = "|".join(WEEKDAY_NAMES)
    short = "|".join(sorted(SHORT_WEEKDAYS, key=len, reverse=True))
    return rf"(?:(?i:(?P<{prefix}_long>{long}))s?\b|(?P<{prefix}_short>{short})\b)"


RANGE_WORD = r"\s*(?:-|–|—|(?i:to|through|thru|until|till))\s*"
DAY_WORDS = re.compile(
    rf"\b(?:{day_pattern('first')}(?:{RANGE_WORD}{day_pattern('last')})?"
    r"|(?i:(?P<weekdays>weekdays?)|(?P<weekends>weekends?))\b)"
)
# Weekdays named right after one of these are the days off: "every day except Sunday",
# "not on Sundays", "every day but Sunday".
NEGATED = re.compile(r"\b(?:except|but|not)\b(?:\s+(?:on|for))?\s*$", re.IGNORECASE)

# The times of day a `when` may name, in the words the log's rows use. The patterns read the
# therapist's English `when`; the names are printed, in the patient's language (`times_of_day`).
TIME_WORDS = (
    # Translators: this and the other times of day (Breakfast, Midday, Evening, Bedtime...) are
    # row labels of the exercise log, in a narrow column (at most two short lines).
    (r"mornings?", N_("Morning")),
    (r"breakfast", N_("Breakfast")),
    (r"midday|noon", N_("Midday")),
    (r"lunch(?:time)?", N_("Lunch")),
    (r"afternoons?", N_("Afternoon")),
    (r"evenings?", N_("Evening")),
    (r"dinner", N_("Dinner")),
    (r"supper", N_("Supper")),
    (r"bedtime|before bed", N_("Bedtime")),
    (r"night", N_("Night")),
)
TIMES = re.compile(
    "|".join(
        f"(?P<t{index}>\\b(?:{pattern})\\b)" for index, (pattern, _name) in enumerate(TIME_WORDS)
    ),
    re.IGNORECASE,
)
DEFAULT_TIMES = {
    2: (N_("Morning"), N_("Evening")),
    3: (N_("Morning"), N_("Midday"), N_("Evening")),
}


def spread(count: int) -> tuple[int, ...]:
    """`count` days of a 7-day week, counted from its first day, as evenly spaced as whole days
    allow and the first on day 0: 3 gives (0, 2, 4), 5 gives (0, 1, 2, 4, 5). The gaps between
    them, and from the last to the next week's first, differ by at most one day."""
    count = max(1, min(WEEK, count))
    return tuple(index * WEEK // count for index in range(count))


def _weekday(long: str | None, short: str | None) -> int:
    if long is not None:
        return WEEKDAY_NAMES.index(long.lower())
    assert short is not None
    return SHORT_WEEKDAYS[short]


def named_weekdays(text: str | None) -> frozenset[int]:
    """The weekdays (Monday is 0) that `text` names as days to exercise: "Mondays and
    Thursdays", "Mon/Wed/Fri", "Monday to Friday", "weekdays", "every day except Sunday".
    Empty when it names none."""
    if not text:
        return frozenset()
    named: set[int] = set()
    first_at: int | None = None
    for match in DAY_WORDS.finditer(text):
        first_at = match.start() if first_at is None else first_at
        if match["weekdays"]:
            named.update(range(5))
        elif match["weekends"]:
            named.update((5, 6))
        else:
            begin = _weekday(match["first_long"], match["first_short"])
            if match["last_long"] or match["last_short"]:
                end = _weekday(match["last_long"], match["last_short"])
                named.update((begin + step) % WEEK for step in range((end - begin) % WEEK + 1))
            else:
                named.add(begin)
    if first_at is not None and NEGATED.search(text[:first_at]):
        return frozenset(range(WEEK)) - named
    return frozenset(named)


def dose_weekdays(dose: Dose | None) -> frozenset[int]:
    """The weekdays the dose's `when` (or else its notes) names, when they agree with its days a
    week (or it gives none); empty otherwise: a note that says "call us on Monday" does not make
    a 5-days-a-week dose a Monday one."""
    if dose is None:
        return frozenset()
    for text in (dose.when, dose.notes):
        named = named_weekdays(text)
        if named and dose.days_per_week in (None, len(named)):
            return named
    return frozenset()


def planned_days(
    dose: Dose | None, start: dt.date | None, days: int = 2 * WEEK
) -> tuple[bool, ...]:
    """For each of `days` days from the start (day 0), whether the exercise is done that day.

    Named weekdays need a start date to find them; without one, as many days are spread evenly
    from the first day instead."""
    named = dose_weekdays(dose)
    if named and start is not None:
        return tuple((start + dt.timedelta(days=day)).weekday() in named for day in range(days))
    per_week = len(named) or (dose.days_per_week if dose is not None else None) or WEEK
    chosen = set(spread(per_week))
    return tuple(day % WEEK in chosen for day in range(days))


def named_times(text: str | None) -> tuple[str, ...]:
    """The times of day `text` names, in its order, each once: "morning and evening" gives
    ("Morning", "Evening")."""
    found: list[str] = []
    for match in TIMES.finditer(text or ""):
        name = TIME_WORDS[int((match.lastgroup or "t0")[1:])][1]
        if name not in found:
            found.append(name)
    return tuple(found)


def times_per_day(dose: Dose | None) -> int:
    return dose.per_day if dose is not None and dose.per_day else 1


def times_of_day(dose: Dose | None) -> tuple[str, ...]:
    """A name for each time a day the exercise is done, one per row of the log, as it prints
    (in the patient's language): the times its `when` names if it names as many, else Morning
    and Evening for two, Morning, Midday and Evening for three, numbered ("Time 1") for more.
    Once a day needs no name ("") unless the `when` gives one."""
    count = times_per_day(dose)
    named = named_times(dose.when if dose is not None else None)
    if len(named) == count:
        return tuple(_(name) for name in named)
    if count == 1:
        return ("",)
    if count in DEFAULT_TIMES:
        return tuple(_(name) for name in DEFAULT_TIMES[count])
    # Translators: a row label of the exercise log when an exercise is done more than three
    # times a day ("Time 1", "Time 2"...): {number} is which time. Narrow column: keep it short.
    numbered = _("Time {number}")
    return tuple(numbered.format(number=number) for number in range(1, count + 1))


def times_named_by_when(dose: Dose | None) -> bool:
    """Whether the rows' names come from the dose's `when`, which then need not be repeated."""
    return dose is not None and len(named_times(dose.when)) == times_per_day(dose)
