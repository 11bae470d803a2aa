"""Problems found in a file, reported as `PATH: PLACE: message`, every one, never just the first."""

from __future__ import annotations

from dataclasses import dataclass

from library.errors import HepsterError
from library.safe_text import shown


@dataclass(frozen=True)
class Problem:
    path: str
    place: str
    message: str

    def __str__(self) -> str:
        return f"{shown(self.path)}: {self.within_file()}"

    def within_file(self) -> str:
        """The problem without its file's name, for where the file is named already. Safe to
        print: a key or a file name from the file cannot reach the terminal as a control."""
        place, message = shown(self.place), shown(self.message)
        return f"{place}: {message}" if self.place else message


class InvalidFile(HepsterError):
    """A file that could not be used; carries every problem found in it."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(problem) for problem in problems))
        self.problems = problems


class Collector:
    """Gathers the problems of one file while its tables are checked."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []

    def add(self, place: str, message: str) -> None:
        self.problems.append(Problem(self.path, place, message))

    def __bool__(self) -> bool:
        return bool(self.problems)
