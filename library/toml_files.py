"""Reading a TOML file that may be anything: a program, a library file, or something broken."""

from __future__ import annotations

import errno
import re
import stat
from pathlib import Path
from typing import Any

import tomli

from library.problems import InvalidFile, Problem
from library.schema import PROGRAM_FORMAT, describe

# Far larger than any real program or library file; a guard against being handed a disk image.
MAX_BYTES = 5 * 1024 * 1024
# The TOML reader says what it expected; a therapist needs to hear what they probably typed.
TOML_HINTS = {
    "Invalid value": 'text needs "quotes"; numbers, true/false, dates and [lists] do not',
    "Expected newline or end of document after a statement": (
        'one key = value per line; text needs "quotes", and numbers take no unit '
        "(hold_s = 30, not 30s)"
    ),
    "Cannot overwrite a value": "a key is given twice in one table",
    "Unterminated string": "a text is missing its closing quote",
    "Illegal character '\\n'": "a text is missing its closing quote on this line",
}
# A value that looks like a date but is not one TOML reads: month 13, one digit, two-digit year.
DATE_LIKE = re.compile(r"=\s*\d{1,4}-\d{1,2}-\d{1,2}\s*(#.*)?$")
# No field holds a number this long (a day is 86,400 seconds).
MAX_DIGITS = 15
TOO_MANY_DIGITS = f"a number may have at most {MAX_DIGITS} digits"
LONG_DIGITS = re.compile(r"\d{4000,}")
# What a number of MAX_DIGITS or more must look like in the file, in any base TOML allows (a
# run of digits, underscores, hex digits and the 0x, 0o, 0b marks); text without such a run
# holds none, and is spared a walk through every value.
MAYBE_LONG = re.compile(r"[0-9a-fA-F_xob]{13,}")
DATE_HINT = "a date is written as year-month-day with a real month and day, like 2026-11-24"
TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)$|\s*\(at end of document\)$")


def read_limited(path: Path) -> bytes:
    """A regular file's first MAX_BYTES + 1 bytes: enough to tell it is too large, without
    reading all of a huge file, or hanging on a device or pipe named like a .toml file."""
    mode = path.stat().st_mode  # before opening: opening a pipe would wait for a writer
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, "is a folder")
    if not stat.S_ISREG(mode):
        raise OSError(errno.EINVAL, "not an ordinary file")
    with path.open("rb") as stream:
        return stream.read(MAX_BYTES + 1)


def read_document(path: Path) -> dict[str, Any]:
    """The parsed TOML of `path`, or InvalidFile naming the line and column that broke it."""
    shown = str(path)
    try:
        data = read_limited(path)
    except IsADirectoryError:
        raise InvalidFile([Problem(shown, "", "is a folder, not a .toml file")]) from None
    except FileNotFoundError:
        raise InvalidFile([Problem(shown, "", "no such file")]) from None
    except OSError as error:
        raise InvalidFile([Problem(shown, "", f"cannot be read: {error.strerror}")]) from None
    if len(data) > MAX_BYTES:
        raise InvalidFile([Problem(shown, "", f"is larger than {MAX_BYTES // 2**20} MB")])
    try:
        # utf-8-sig: a byte-order mark from a Windows editor is harmless, so accept it.
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        message = (
            f"is not UTF-8 text (byte 0x{data[error.start]:02x}); save it as UTF-8 in your editor"
        )
        raise InvalidFile([Problem(shown, f"line {line}, column {column}", message)]) from None
    if not text.strip():
        message = (
            f'is empty; a program starts with format = "{PROGRAM_FORMAT}", '
            "a library file has [[exercise]] tables"
        )
        raise InvalidFile([Problem(shown, "", message)])
    try:
        document = tomli.loads(text)
    except tomli.TOMLDecodeError as error:
        raise InvalidFile([syntax_problem(shown, text, error)]) from None
    except ValueError:  # an integer past Python's 4,300-digit limit for reading numbers
        line = next((n for n, row in enumerate(text.splitlines(), 1) if LONG_DIGITS.search(row)), 0)
        place = f"line {line}" if line else ""
        raise InvalidFile([Problem(shown, place, TOO_MANY_DIGITS)]) from None
    except RecursionError:  # thousands of nested [ or { : no hand-written file does this
        message = "not valid TOML for hepster: lists or tables are nested too deeply"
        raise InvalidFile([Problem(shown, "", message)]) from None
    places = long_numbers(document) if MAYBE_LONG.search(text) else []
    too_long = [Problem(shown, place, TOO_MANY_DIGITS) for place in places]
    if too_long:
        raise InvalidFile(too_long)
    return document


def syntax_problem(shown: str, text: str, error: tomli.TOMLDecodeError) -> Problem:
    message = str(error)
    match = TOML_POSITION.search(message)
    place = "end of file"
    if match and match.group(1):
        place = f"line {match.group(1)}, column {match.group(2)}"
    if match:
        message = message[: match.start()]
    hint = next((h for start, h in TOML_HINTS.items() if message.startswith(start)), "")
    if match and match.group(1) and DATE_LIKE.search(line_of(text, int(match.group(1)))):
        hint = DATE_HINT  # "2026-13-25": TOML only says the line ends too early
    message = f"not valid TOML: {message[:1].lower()}{message[1:]}" + (f"; {hint}" if hint else "")
    return Problem(shown, place, message)


def long_numbers(value: Any, place: str = "") -> list[str]:
    """Where a number has more digits than any field allows: such a number is no dose, and
    printing it in a message would make a line of thousands of digits."""
    if isinstance(value, bool):
        return []
    if isinstance(value, int):
        return [place] if abs(value) >= 10**MAX_DIGITS else []
    if isinstance(value, dict):
        return [p for key, item in value.items() for p in long_numbers(item, join(place, key))]
    if isinstance(value, list):
        return [p for n, item in enumerate(value, 1) for p in long_numbers(item, f"{place}[{n}]")]
    return []


def join(place: str, key: str) -> str:
    return f"{place}.{key}" if place else key


def line_of(text: str, number: int) -> str:
    lines = text.splitlines()
    return lines[number - 1] if 0 < number <= len(lines) else ""


def is_program(document: dict[str, Any]) -> bool:
    return "format" in document


def format_problem(document: dict[str, Any], shown: str) -> Problem | None:
    """Whether a document is neither a program nor a library file; None when it is one of them."""
    if "format" in document:
        if document["format"] != PROGRAM_FORMAT:
            return Problem(
                shown,
                "format",
                f'must be "{PROGRAM_FORMAT}" (got {describe(document["format"])})',
            )
        return None
    if "exercise" not in document and "collection" not in document:
        return Problem(
            shown,
            "",
            f'is neither a program (format = "{PROGRAM_FORMAT}") '
            "nor a library file ([[exercise]] tables)",
        )
    return None
