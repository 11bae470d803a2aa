"""The program being edited and its undo/redo history: whole programs, before and after each
edit (library/editing.py)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from library.model import Program

if TYPE_CHECKING:
    from library.editing import Edit

# Enough to undo a whole session's work; the history holds whole programs, which are small.
HISTORY_LIMIT = 200


@dataclass(frozen=True)
class Step:
    """One undoable step: the program before it, what it was, and where the cursor was."""

    before: Program
    label: str
    focus: int | None


@dataclass(frozen=True)
class History:
    """The program being edited, with what came before (undo) and after (redo) it.

    An edit that changes nothing is not recorded, so undo never seems to do nothing.
    """

    present: Program
    past: tuple[Step, ...] = ()
    future: tuple[Step, ...] = ()
    focus: int | None = None

    def do(self, edit: Edit) -> History:
        """Raises EditError when the edit does not fit the program."""
        applied = edit.apply(self.present)
        if applied.program == self.present:
            return replace(self, focus=applied.focus)
        step = Step(self.present, edit.label, applied.focus)
        past = (*self.past, step)[-HISTORY_LIMIT:]
        return History(applied.program, past, (), applied.focus)

    @property
    def can_undo(self) -> bool:
        return bool(self.past)

    @property
    def can_redo(self) -> bool:
        return bool(self.future)

    def undo(self) -> History:
        if not self.past:
            return self
        step = self.past[-1]
        redo = Step(self.present, step.label, step.focus)
        return History(step.before, self.past[:-1], (redo, *self.future), step.focus)

    def redo(self) -> History:
        if not self.future:
            return self
        step = self.future[0]
        undo = Step(self.present, step.label, step.focus)
        return History(step.before, (*self.past, undo), self.future[1:], step.focus)

    def undo_label(self) -> str | None:
        return self.past[-1].label if self.past else None

    def redo_label(self) -> str | None:
        return self.future[0].label if self.future else None
