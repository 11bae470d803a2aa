"""Every change a therapist makes to a program.

The app never builds a new Program itself: it hands an edit to `History.do` (library/history.py),
so undo and redo cover every edit by construction, and the rules (where a new item goes, which
section it takes, which exercise definitions a program carries) live here, where they are tested
without a screen.

The app imports this module at the first edit, not at start-up: building its dataclasses takes
some 5 ms, which the first screen does not need.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields, replace

from library.errors import EditError
from library.model import Dose, Exercise, Item, Program


@dataclass(frozen=True)
class Applied:
    """The result of one edit: the new program and the item the app should put its cursor on."""

    program: Program
    focus: int | None


def checked_index(program: Program, index: int) -> int:
    if not 0 <= index < len(program.items):
        raise EditError(f"there is no item {index + 1}; the program has {len(program.items)}")
    return index


def with_definition(program: Program, exercise: Exercise) -> tuple[Exercise, ...]:
    """The program's definitions plus `exercise`'s; a definition the program already carries wins,
    because a program's own `[[exercise]]` tables win over the library (README.md, Files)."""
    if program.exercise(exercise.id) is not None:
        return program.exercises
    return (*program.exercises, exercise)


def without_unused(program: Program) -> Program:
    """Drop definitions no item uses any more, so a removed exercise is not carried along."""
    used = {item.exercise for item in program.items}
    kept = tuple(exercise for exercise in program.exercises if exercise.id in used)
    return program if kept == program.exercises else replace(program, exercises=kept)


def replace_item(program: Program, index: int, item: Item) -> Program:
    items = list(program.items)
    items[index] = item
    return replace(program, items=tuple(items))


def blank(text: str | None) -> str | None:
    """Text from a form: surrounding space dropped, nothing at all stored as absent."""
    if text is None:
        return None
    text = text.strip()
    return text or None


@dataclass(frozen=True)
class AddItem:
    """Add an exercise with its default dose, at the end unless `at` says where, on `side` if
    the therapist chose one.

    A new item joins the section of the item before it, so a therapist who names the first
    stretch's section does not have to name it again for the next three.
    """

    exercise: Exercise
    at: int | None = None
    side: str | None = None  # the side the therapist chose, over the default dose's

    label = "add"

    def apply(self, program: Program) -> Applied:
        at = len(program.items) if self.at is None else self.at
        if not 0 <= at <= len(program.items):
            raise EditError(f"cannot add at position {at + 1}")
        section = program.items[at - 1].section if at > 0 else None
        dose = self.exercise.dose
        if self.side is not None:
            dose = replace(dose or Dose(), side=self.side)
        item = Item(exercise=self.exercise.id, section=section, dose=dose)
        items = (*program.items[:at], item, *program.items[at:])
        exercises = with_definition(program, self.exercise)
        return Applied(replace(program, items=items, exercises=exercises), at)


@dataclass(frozen=True)
class RemoveItem:
    index: int

    label = "remove"

    def apply(self, program: Program) -> Applied:
        index = checked_index(program, self.index)
        items = program.items[:index] + program.items[index + 1 :]
        result = without_unused(replace(program, items=items))
        focus = min(index, len(items) - 1) if items else None
        return Applied(result, focus)


@dataclass(frozen=True)
class MoveItem:
    """Move an item up (`offset` -1) or down (+1); at either end it stays where it is."""

    index: int
    offset: int

    label = "move"

    def apply(self, program: Program) -> Applied:
        index = checked_index(program, self.index)
        target = index + self.offset
        if not 0 <= target < len(program.items):
            return Applied(program, index)
        items = list(program.items)
        items[index], items[target] = items[target], items[index]
        return Applied(replace(program, items=tuple(items)), target)


@dataclass(frozen=True)
class DuplicateItem:
    """A copy right after the original: the same stretch once for the left and once for the right.

    A copy of an item done on each side is split in two: the original for the left side, the
    copy for the right, which is what duplicating a sided exercise is for.
    """

    index: int

    label = "duplicate"

    def apply(self, program: Program) -> Applied:
        index = checked_index(program, self.index)
        original = program.items[index]
        first, copy = original, original
        if original.dose is not None and original.dose.side == "each":
            first = replace(original, dose=replace(original.dose, side="left"))
            copy = replace(original, dose=replace(original.dose, side="right"))
        items = (*program.items[:index], first, copy, *program.items[index + 1 :])
        return Applied(replace(program, items=items), index + 1)


@dataclass(frozen=True)
class SetSection:
    index: int
    section: str | None

    label = "section"

    def apply(self, program: Program) -> Applied:
        index = checked_index(program, self.index)
        item = replace(program.items[index], section=blank(self.section))
        return Applied(replace_item(program, index, item), index)


@dataclass(frozen=True)
class SetNotes:
    """The item's notes for the patient and its progression rule ("when this is easy, …")."""

    index: int
    notes: str | None
    progression: str | None = None

    label = "notes"

    def apply(self, program: Program) -> Applied:
        index = checked_index(program, self.index)
        item = replace(
            program.items[index], notes=blank(self.notes), progression=blank(self.progression)
        )
        return Applied(replace_item(program, index, item), index)


@dataclass(frozen=True)
class SetDose:
    index: int
    dose: Dose | None

    label = "dose"

    def apply(self, program: Program) -> Applied:
        index = checked_index(program, self.index)
        dose = None if self.dose is None or self.dose.is_empty() else self.dose
        item = replace(program.items[index], dose=dose)
        return Applied(replace_item(program, index, item), index)


@dataclass(frozen=True)
class ProgramInfo:
    """Everything about a program except its items: what the info form edits."""

    title: str = ""
    patient: str | None = None
    clinician: str | None = None
    clinic: str | None = None
    contact: str | None = None
    created: dt.date | None = None
    start: dt.date | None = None
    goals: tuple[str, ...] = ()
    precautions: tuple[str, ...] = ()
    warning_signs: tuple[str, ...] = ()
    pain_limit: int | None = None
    notes: str | None = None
    language: str | None = None  # the handout's; None: English, and not written to the file


INFO_FIELDS = tuple(f.name for f in fields(ProgramInfo))


def info_of(program: Program) -> ProgramInfo:
    return ProgramInfo(**{name: getattr(program, name) for name in INFO_FIELDS})


@dataclass(frozen=True)
class SetInfo:
    info: ProgramInfo

    label = "program info"

    def apply(self, program: Program) -> Applied:
        values = {name: getattr(self.info, name) for name in INFO_FIELDS}
        return Applied(replace(program, **values), None)


@dataclass(frozen=True)
class UpdateDefinition:
    """Use a newer definition of an exercise the program carries (e.g. an edited custom one)."""

    exercise: Exercise

    label = "update exercise"

    def apply(self, program: Program) -> Applied:
        exercises = tuple(
            self.exercise if exercise.id == self.exercise.id else exercise
            for exercise in program.exercises
        )
        return Applied(replace(program, exercises=exercises), None)


Edit = (
    AddItem
    | RemoveItem
    | MoveItem
    | DuplicateItem
    | SetSection
    | SetNotes
    | SetDose
    | SetInfo
    | UpdateDefinition
)
