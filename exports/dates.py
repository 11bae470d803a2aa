"""Dates in words, never in digits only: 4/5 is April 5th in one country and 4 May in another.

Letter paper gets the American order (November 25, 2026), A4 the day first (25 November 2026).
The names are English, like the rest of the handout's own words.
"""

from __future__ import annotations

import datetime as dt

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


def date_text(day: dt.date, paper: str, *, weekday: bool = False) -> str:
    """`November 25, 2026` (letter) or `25 November 2026` (A4); with `weekday`, its name first."""
    month = MONTHS[day.month - 1]
    text = (
        f"{month} {day.day}, {day.year}" if paper == "letter" else f"{day.day} {month} {day.year}"
    )
    return f"{WEEKDAYS[day.weekday()]}, {text}" if weekday else text


def short_weekday(day: dt.date) -> str:
    return WEEKDAYS[day.weekday()][:3]


def listed(names: list[str], last: str = "and") -> str:
    """`Wednesday, Friday and Sunday`: names as a sentence lists them."""
    if len(names) < 2:
        return "".join(names)
    return f"{', '.join(names[:-1])} {last} {names[-1]}"


def month_day(day: dt.date, paper: str) -> str:
    """`November 25` or `25 November`: a date within the program's two weeks."""
    month = MONTHS[day.month - 1]
    return f"{month} {day.day}" if paper == "letter" else f"{day.day} {month}"


def pdf_date(day: dt.date) -> str:
    """The PDF's creation date: midnight of `day`, UTC, so the same program gives the same bytes."""
    return f"D:{day.year:04d}{day.month:02d}{day.day:02d}000000+00'00'"
