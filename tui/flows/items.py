"""The dialogs about one program item: its dose, its notes and its section.

Each imports what it shows, and the edit it makes (library/editing.py), when it is used: none of
them is needed before the first screen."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from library.model import Exercise, Program
    from tui.app import HepsterApp


def item_name(program: Program, index: int) -> str:
    item = program.items[index]
    exercise = program.exercise(item.exercise)
    return exercise.name if exercise else item.exercise


async def add_on_a_side(app: HepsterApp, exercise: Exercise) -> None:
    """Add an exercise that treats one limb, on the side the therapist names."""
    from library.editing import AddItem
    from tui.screens.dialogs import Choice, ChoiceScreen

    choices = [
        Choice("left", "Left (l)", "primary", key="l"),
        Choice("right", "Right (r)", "primary", key="r"),
        Choice("each", "Each side (e)", key="e"),
        Choice("cancel", "Cancel"),
    ]
    question = f"{exercise.name} is done on one side. Which side is it for?"
    answer = await app.push_screen_wait(ChoiceScreen("Which side?", question, choices))
    if answer in ("left", "right", "each"):
        app.main.added(AddItem(exercise, side=answer))


async def edit_dose(app: HepsterApp, index: int) -> None:
    from library.editing import SetDose
    from tui.screens.dose import DoseEditor

    program = app.session.program
    if not 0 <= index < len(program.items):
        return
    item = program.items[index]
    exercise = program.exercise(item.exercise)
    sided = exercise.sided if exercise else None
    default = exercise.dose if exercise else None
    editor = DoseEditor(item_name(program, index), item.dose, sided=sided, default=default)
    result = await app.push_screen_wait(editor)
    if result is not None:
        app.edit(SetDose(index, result.dose))


async def edit_notes(app: HepsterApp, index: int) -> None:
    from library.editing import SetNotes
    from tui.screens.forms import NotesForm

    program = app.session.program
    item = program.items[index]
    answer = await app.push_screen_wait(NotesForm(item_name(program, index), item))
    if answer is not None:
        app.edit(SetNotes(index, answer[0], answer[1]))


async def set_section(app: HepsterApp, index: int) -> None:
    from library.editing import SetSection
    from library.schema import SECTION_LEN
    from tui.screens.dialogs import AskText

    program = app.session.program
    item = program.items[index]
    sections = list(dict.fromkeys(i.section for i in program.items if i.section))
    hint = "Heading for this item, e.g. Stretches. Empty for none."
    if sections:
        hint += " In use: " + ", ".join(sections)
    ask = AskText(
        f"Section for {item_name(program, index)}",
        hint,
        item.section or "",
        max_length=SECTION_LEN,
        suggestions=sections,
    )
    answer = await app.push_screen_wait(ask)
    if answer is not None:
        app.edit(SetSection(index, answer))
