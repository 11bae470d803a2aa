"""Dates in words, never in digits only: 4/5 is April 5th in one country and 4 May in another.

In English, letter paper gets the American order (November 25, 2026), A4 the day first
(25 November 2026). In the other languages, dates are written as that language writes them, with
the month and day names from CLDR (Babel: "miércoles, 25 de noviembre de 2026"); the language is
the one the export speaks (library/speech.py). English needs no Babel: its names are below, and
an English handout never imports it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from library.speech import language

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
A_MONDAY = dt.date(2024, 1, 1)


def babel_dates() -> Any:
    import babel.dates  # only for a handout in another language than English

    return babel.dates


def date_text(day: dt.date, paper: str, *, weekday: bool = False) -> str:
    """`November 25, 2026` (letter) or `25 November 2026` (A4); with `weekday`, its name first."""
    spoken = language()
    if spoken != "en":
        return str(babel_dates().format_date(day, "full" if weekday else "long", locale=spoken))
    month = MONTHS[day.month - 1]
    text = (
        f"{month} {day.day}, {day.year}" if paper == "letter" else f"{day.day} {month} {day.year}"
    )
    return f"{WEEKDAYS[day.weekday()]}, {text}" if weekday else text


def weekday_name(day: dt.date) -> str:
    """`Wednesday`; `miércoles`."""
    spoken = language()
    if spoken != "en":
        return str(babel_dates().format_date(day, "EEEE", locale=spoken))
    return WEEKDAYS[day.weekday()]


def short_weekday(day: dt.date, letters: int = 3) -> str:
    """`Wed` (`W` with `letters=1`); in other languages their own short forms (`mié`, `X`)."""
    spoken = language()
    if spoken != "en":
        pattern = "EEEEE" if letters == 1 else "EEE"
        return str(babel_dates().format_date(day, pattern, locale=spoken)).rstrip(".")
    return WEEKDAYS[day.weekday()][:letters]


def short_weekdays() -> list[str]:
    """Every weekday's short form, Monday first: to measure the widest."""
    return [short_weekday(A_MONDAY + dt.timedelta(days=n)) for n in range(7)]


def listed(names: list[str]) -> str:
    """`Wednesday, Friday and Sunday`: names as a sentence lists them."""
    spoken = language()
    if spoken != "en":
        from babel.lists import format_list

        return str(format_list(names, locale=spoken))
    if len(names) < 2:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


def month_day(day: dt.date, paper: str) -> str:
    """`November 25` or `25 November`: a date within the program's two weeks."""
    spoken = language()
    if spoken != "en":
        return str(babel_dates().format_skeleton("MMMMd", day, locale=spoken))
    month = MONTHS[day.month - 1]
    return f"{month} {day.day}" if paper == "letter" else f"{day.day} {month}"


def pdf_date(day: dt.date) -> str:
    """The PDF's creation date: midnight of `day`, UTC, so the same program gives the same bytes."""
    return f"D:{day.year:04d}{day.month:02d}{day.day:02d}000000+00'00'"
