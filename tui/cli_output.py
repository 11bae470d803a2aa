"""What every headless command shares: exit codes, one-line complaints on stderr, the library
with its problems reported, and a write that says in one line why it failed."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from library.layers import Library, load_library
from library.problems import Problem
from library.safe_text import shown

OK, INVALID, USAGE = 0, 1, 2


def say(text: str) -> None:
    """Print `text` on stdout, every line of it safe for a terminal (library/safe_text.py)."""
    print(shown(text, lines=True))


def complain(message: str) -> None:
    print(f"hepster: {shown(message)}", file=sys.stderr)


def report(problems: Sequence[Problem]) -> None:
    for problem in problems:
        print(problem, file=sys.stderr)


def library_with_warnings() -> Library:
    """The merged library; problems in it are shown but do not stop the command."""
    library = load_library()
    report(library.problems)
    return library


def wrote(path: Path, write: Callable[[], None]) -> bool:
    """Whether `write` wrote `path`; if it could not, one line says why."""
    try:
        write()
    except OSError as error:
        complain(f"{path}: cannot write: {error.strerror}")
        return False
    return True
