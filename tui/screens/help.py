"""The help screen: every key of every command, generated from the registry, so it is never out
of date, and a few words on how a program is built."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from rich.console import Group
from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Label, Static

from tui.commands import COMMANDS, CONTEXTS, key_hint, keys_text
from tui.screens.dialogs import Dialog


def intro(keymap: Mapping[str, str]) -> str:
    """How a program is built, in a few sentences, naming the keys as they are now."""
    add, program = key_hint("add_exercise", keymap), key_hint("focus_program", keymap)
    dose = key_hint("edit_dose", keymap)
    return (
        f"Type in the search box to find an exercise; ↑/↓ move through the results; {add} adds "
        f"the highlighted one with its default dose. {program} goes to the program, where "
        f"{dose} edits a dose. Ctrl+P opens the command palette, which lists every command. With "
        "a mouse: click an entry to choose it, click it again to add it or edit its dose."
    )


def keys_table(keymap: Mapping[str, str]) -> Group:
    """One small table per context, generated from the command registry and the keymap."""
    tables: list[Table] = []
    for context, heading in CONTEXTS.items():
        table = context_table(heading)
        for command in COMMANDS:
            if command.context == context and command.keys:
                table.add_row(keys_text(command, keymap), f"{command.title}: {command.help}")
        tables.append(table)
    always = context_table("Always")
    always.add_row("Ctrl+P", "Command palette: every command, and exercises to add by name")
    always.add_row("Tab, Shift+Tab", "Next or previous box, list or button")
    always.add_row("Esc", "Close a dialog without saving")
    tables.append(always)
    return Group(*tables)


def context_table(heading: str) -> Table:
    table = Table(
        box=None,
        show_header=False,
        padding=(0, 1),
        expand=True,
        title=heading,
        title_style="bold underline",
        title_justify="left",
    )
    table.add_column("Key", style="bold", no_wrap=True, width=15)
    table.add_column("What it does", ratio=1)
    return table


class HelpScreen(Dialog[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1,question_mark,q", "cancel", "Close"),
    ]

    def __init__(self, keymap: Mapping[str, str] | None = None) -> None:
        super().__init__()
        self.keymap = keymap or {}

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog tall", id="help"):
            yield Label("hepster: keys", classes="dialog-title", markup=False)
            with VerticalScroll(id="help-body"):
                yield Static(intro(self.keymap), classes="hint", markup=False)
                yield Static(keys_table(self.keymap), markup=False)
            yield Static("Esc, F1 or q closes this.", classes="hint", markup=False)

    def on_mount(self) -> None:
        self.set_focus(self.query_one("#help-body"))
