"""An exercise's figure as large as the terminal allows: the exercise pane's picture is small,
and a therapist checking a drawing (or showing it to a patient) wants it big."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Label, Static

from library.model import Exercise
from tui.screens.dialogs import Dialog
from tui.widgets.figure_cells import FigureCells


class PictureScreen(Dialog[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("f10,q,enter", "cancel", "Close")]
    DEFAULT_CSS = """
    #picture {
        width: 100%;
        height: 100%;
    }
    """

    def __init__(self, exercise: Exercise) -> None:
        super().__init__()
        self.exercise = exercise

    def compose(self) -> ComposeResult:
        drawn = FigureCells.of(self.exercise, max(6, self.app.size.height - 6))
        with Vertical(classes="dialog tall", id="picture"):
            yield Label(self.exercise.name, classes="dialog-title", markup=False)
            if drawn is None:
                yield Static("No picture for this exercise yet.", markup=False)
            else:
                yield Static(drawn, id="picture-cells")
            yield Static("Esc, F10 or q closes this.", classes="hint", markup=False)
