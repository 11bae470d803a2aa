"""Messages the widgets send up to the app: they say what the therapist asked for, and the app,
which holds the program, decides what happens."""

from __future__ import annotations

from textual.message import Message

from library.model import Exercise


class ExerciseHighlighted(Message):
    """The cursor in the library browser is on another exercise (or on none). `typing`: it
    moved because the search changed, and more keystrokes may follow."""

    def __init__(self, exercise: Exercise | None, *, typing: bool = False) -> None:
        super().__init__()
        self.exercise = exercise
        self.typing = typing


class AddRequested(Message):
    """Add this exercise to the program (Enter in the search box or the list, or a click)."""

    def __init__(self, exercise: Exercise) -> None:
        super().__init__()
        self.exercise = exercise


class DoseRequested(Message):
    """Edit the dose of the program item at `index` (Enter or a click on it)."""

    def __init__(self, index: int) -> None:
        super().__init__()
        self.index = index


class MainScreenMounted(Message):
    """The main screen's widgets exist and can be filled with the library and the program."""
