"""What a therapist types into a form, as the TOML values a file would hold, and back.

Forms are checked by the very functions that check files (`schema.check_dose`, `check_exercise`,
`check_program`), so a form can never accept what a file would refuse. This module only turns
text into raw values: anything it cannot read as a number is passed on as text, and the checker
then says what is allowed, in the words it uses for files.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from library.dose_fields import DOSE_FIELDS
from library.model import Amount, Dose, Program
from library.problems import Collector, Problem
from library.schema import FORMAT_VERSION, PROGRAM_FORMAT, check_dose, check_program

RANGE = re.compile(r"^\s*(\d+)\s*(?:-|–|—|to)\s*(\d+)\s*$")


def number_value(text: str) -> Any:
    """`30` → 30, `8-12` or `8–12` → [8, 12], empty → None; anything else stays text."""
    text = text.strip()
    if not text:
        return None
    # Only ASCII digits, and not too many: "3²" and a pasted wall of digits are left as text,
    # for the checks to turn into the usual "must be a whole number" message.
    if _plain_digits(text):
        return int(text)
    match = RANGE.match(text)
    if match and all(_plain_digits(group) for group in match.groups()):
        return [int(match.group(1)), int(match.group(2))]
    return text


# A unit typed after a number of seconds: the field is in seconds, but "45s" and "2 min" are
# what a therapist writes. Files stay strict (hold_s = 30); only the form is forgiving.
SECONDS_UNIT = re.compile(
    r"^(?P<number>.*?)\s*(?P<unit>s|sec|secs|seconds?|m|min|mins|minutes?)\.?$", re.IGNORECASE
)


def seconds_value(text: str) -> Any:
    """Like `number_value`, for a field in seconds: `45s` → 45, `1-2 min` → [60, 120]."""
    match = SECONDS_UNIT.match(text.strip())
    if not match or not match.group("number"):
        return number_value(text)
    value = number_value(match.group("number"))
    size = 60 if match.group("unit").lower().startswith("m") else 1
    if isinstance(value, int):
        return value * size
    if isinstance(value, list):
        return [number * size for number in value]
    return text  # not a number before the unit: the checks say what is wrong


def amount_field(amount: Amount | None) -> str:
    if amount is None:
        return ""
    if isinstance(amount, tuple):
        return f"{amount[0]}-{amount[1]}"
    return str(amount)


def text_value(text: str) -> str | None:
    return text if text.strip() else None


def lines_value(text: str) -> list[str]:
    """One entry a line, blank lines skipped: steps, cues, goals."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def words_value(text: str) -> list[str]:
    """Comma-separated entries: equipment, tags, other names."""
    return [word.strip() for word in text.split(",") if word.strip()]


def date_value(text: str) -> Any:
    text = text.strip()
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return text


def without_none(raw: Mapping[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in raw.items() if value is not None and value != []}


def dose_raw(values: Mapping[str, str]) -> dict[str, Any]:
    """The dose table a file would hold for these form fields (keys as in DOSE_FIELDS)."""
    raw: dict[str, Any] = {}
    for field in DOSE_FIELDS:
        text = values.get(field.key, "")
        if field.unit == "s":
            raw[field.key] = seconds_value(text)
        elif field.kind in ("amount", "whole"):
            raw[field.key] = number_value(text)
        elif field.multiline:
            raw[field.key] = text_value(text.strip("\n"))
        else:
            raw[field.key] = text_value(text.strip())
    return without_none(raw)


def dose_fields(dose: Dose | None) -> dict[str, str]:
    """The form fields showing `dose`; the inverse of `dose_raw`."""
    values: dict[str, str] = {}
    for field in DOSE_FIELDS:
        value = getattr(dose, field.key) if dose is not None else None
        if field.kind == "amount":
            values[field.key] = amount_field(value)
        else:
            values[field.key] = "" if value is None else str(value)
    return values


def problem_key(problem: Problem) -> str:
    """The form field a problem is about: `hold_s` for `dose.hold_s` or `hold_s`."""
    place = problem.place.split(".")[-1] if problem.place else ""
    return place.split("[")[0]


# The checks are written for files ("[8, 12]", "without quotes"); a form takes "8-12" and has no
# quotes, so its messages say the same rule in the form's own terms.
FORM_WORDING = (
    (re.compile(r"or a range \[low, high\]"), "or a range like 8-12"),
    (re.compile(r"like \[(\d+), (\d+)\]"), r"like \1-\2"),
    (re.compile(r", without quotes"), ""),
)


def form_message(message: str) -> str:
    """A problem's message as it reads beside a form field."""
    for pattern, wording in FORM_WORDING:
        message = pattern.sub(wording, message)
    return message


def check_dose_fields(
    values: Mapping[str, str], sided: bool | None
) -> tuple[Dose | None, list[Problem]]:
    """The dose these fields make, or None with what is wrong, by the rules for files."""
    collector = Collector("dose")
    dose = check_dose(collector, dose_raw(values), "", sided)
    return dose, collector.problems


INFO_TEXT_KEYS = ("title", "patient", "clinician", "clinic", "contact", "notes")
INFO_DATE_KEYS = ("created", "start")
INFO_LINES_KEYS = ("goals", "precautions")


def info_raw(values: Mapping[str, str]) -> dict[str, Any]:
    raw: dict[str, Any] = {}
    for key in INFO_TEXT_KEYS:
        multiline = key in ("contact", "notes")
        text = values.get(key, "")
        raw[key] = text_value(text.strip("\n") if multiline else text.strip())
    for key in INFO_DATE_KEYS:
        raw[key] = date_value(values.get(key, ""))
    for key in INFO_LINES_KEYS:
        raw[key] = lines_value(values.get(key, ""))
    return without_none(raw)


def info_fields(program: Program) -> dict[str, str]:
    values: dict[str, str] = {}
    for key in INFO_TEXT_KEYS:
        values[key] = getattr(program, key) or ""
    for key in INFO_DATE_KEYS:
        date = getattr(program, key)
        values[key] = date.isoformat() if date else ""
    for key in INFO_LINES_KEYS:
        values[key] = "\n".join(getattr(program, key))
    return values


def check_info_fields(values: Mapping[str, str]) -> tuple[Program | None, list[Problem]]:
    """A program head from the info form, checked exactly as a program file's head is."""
    raw = {"format": PROGRAM_FORMAT, "version": FORMAT_VERSION, **info_raw(values)}
    collector = Collector("program")
    program = check_program(collector, raw, source=Path("program.toml"), lookup=lambda _: None)
    return program, collector.problems


def _plain_digits(text: str) -> bool:
    return text.isascii() and text.isdigit() and len(text) <= 9


# Letters that do not come apart into a plain letter and an accent.
PLAIN_LETTERS = str.maketrans(
    {"ł": "l", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe", "ß": "ss"}
)


def slug(text: str, limit: int = 60) -> str:
    """Lowercase words joined by dashes, for file names and ids: accents are dropped rather
    than the letters ("María García" → "maria-garcia", not "mar-a-garc-a")."""
    plain = unicodedata.normalize("NFKD", text.lower().translate(PLAIN_LETTERS))
    plain = "".join(char for char in plain if not unicodedata.combining(char))
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:limit].strip("-")
