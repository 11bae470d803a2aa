"""What every headless command shares: exit codes, one-line complaints on stderr, the library
(from its cache) with its problems reported, and a write that says in one line why it failed."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from library.problems import Problem
from library.safe_text import shown

if TYPE_CHECKING:
    from library.layers import Library
    from library.model import Exercise
    from library.search import SearchIndex

OK, INVALID, USAGE = 0, 1, 2


def said(text: str) -> str:
    """`text` as `say` prints it, every line of it safe for a terminal (library/safe_text.py)."""
    return shown(text, lines=True)


def say(text: str) -> None:
    print(said(text))


def complaint(message: str) -> str:
    """`message` as `complain` prints it: one line, after the program's name."""
    return f"hepster: {shown(message)}"


def complain(message: str) -> None:
    print(complaint(message), file=sys.stderr)


def report(problems: Sequence[Problem]) -> None:
    for problem in problems:
        print(problem, file=sys.stderr)


def searchable_library(
    show_problems: Callable[[Sequence[Problem]], None] = report,
) -> tuple[Library, SearchIndex]:
    """The merged library and its search index, from the cache the app keeps (read afresh when
    any library file changed); its problems are shown each time but do not stop the command."""
    import gc

    from library.library_cache import cached_library

    library, index = cached_library()
    # It lasts as long as the command: out of the collector's sight, which would otherwise walk
    # all of it each time the command's own work (JSON for 50,000 exercises, say) set it off.
    gc.freeze()
    show_problems(library.problems)
    return library, index


def library_with_warnings() -> Library:
    """The merged library; problems in it are shown but do not stop the command."""
    return searchable_library()[0]


class LibraryOnDemand:
    """The library, read the first time a program asks for one of its exercises. A program file
    carries the exercises it uses, so exporting one mostly never reads the library (with a
    clinic's 10,000 exercises that is seconds), nor reports the library's problems."""

    def __init__(self, show_problems: Callable[[Sequence[Problem]], None] = report) -> None:
        self.show_problems = show_problems
        self.library: Library | None = None

    def loaded(self) -> Library:
        if self.library is None:
            self.library = searchable_library(self.show_problems)[0]
        return self.library

    def get(self, exercise_id: str) -> Exercise | None:
        return self.loaded().get(exercise_id)

    def ids(self) -> Iterable[str]:
        return self.loaded().exercises


def wrote(path: Path, write: Callable[[], None]) -> bool:
    """Whether `write` wrote `path`; if it could not, one line says why."""
    try:
        write()
    except OSError as error:
        complain(f"{path}: cannot write: {error.strerror}")
        return False
    return True
