"""Problems found in a file, reported as `PATH: PLACE: message`, every one, never just the first."""

from __future__ import annotations

from dataclasses import dataclass

from library.errors import HepsterError


@dataclass(frozen=True)
class Problem:
    path: str
    place: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.within_file()}"

    def within_file(self) -> str:
        """The problem without its file's name, for where the file is named already."""
        return f"{self.place}: {self.message}" if self.place else self.message


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
