"""Every command of the app, declared once: its key, its footer label, its help text and its
palette entry all come from here, so the footer, the help screen and the palette cannot disagree.

A command's `action` is a method `action_NAME` on the app or on the main screen (`on`). Its
`context` says where its key works: `main` everywhere on the main screen, `browser` in the
library browser, `program` in the program list. A therapist may move any command to other keys
in `keymap.toml` (tui/keymap.py); the footer, the palette and the help screen all follow it.

A `priority` binding acts the moment its key arrives, ahead of keys that came before it and are
still queued for a widget; a plain one waits its turn. So the keys that move the focus are
priority (the keys typed right after them, one burst over SSH, must go where the focus went),
and Ctrl+E is (the search box would take it as "end of line"); Ctrl+S and the rest are plain,
so that a fast typist's last letters are in the program before it is saved.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from textual.binding import Binding, BindingType

CONTEXTS = {
    "browser": "Library browser (search box and list)",
    "program": "Program list",
    "main": "Anywhere",
}


@dataclass(frozen=True, kw_only=True)
class Command:
    action: str  # the method action_<action> on the app or the main screen (`on`)
    title: str  # the palette entry and the help screen's text
    help: str  # one line more, shown under the palette entry
    keys: str = ""  # Textual key names, comma-separated; "" for palette-only commands
    footer: str | None = None  # short label in the footer; None keeps it out of the footer
    context: str = "main"
    # Where the action lives: the app (files, export, settings) or the main screen, which shows
    # the program and the library (moving around, and changes to the program's items).
    on: Literal["app", "screen"] = "app"
    item: bool = False  # needs a highlighted program item: greyed out while there is none
    priority: bool = False

    @property
    def first_key(self) -> str:
        return self.keys.split(",")[0] if self.keys else ""

    def keys_with(self, keymap: Mapping[str, str]) -> str:
        """The keys after the therapist's keymap (keymap.toml) has had its say."""
        return keymap.get(self.action, self.keys)


COMMANDS: tuple[Command, ...] = (
    # The browser: find an exercise, read it, add it.
    Command(
        action="add_exercise",
        title="Add exercise",
        help="Add the highlighted exercise to the program, with its default dose",
        keys="enter",
        footer="Add",
        context="browser",
        on="screen",
    ),
    Command(
        action="set_filters",
        title="Filter the library…",
        help="Show only one region, kind, position or equipment",
        keys="f9",
        on="screen",
        priority=True,
    ),
    Command(
        action="clear_search",
        title="Clear search",
        help="Empty the search box and reset the filters",
        keys="escape",
        context="browser",
        on="screen",
    ),
    Command(
        action="focus_search",
        title="Search the library",
        help="Put the cursor in the search box",
        keys="f5",
        on="screen",
        priority=True,
    ),
    Command(
        action="show_picture",
        title="Show the picture large",
        help="The exercise's figure as large as the terminal allows",
        keys="f10",
        on="screen",
        priority=True,
    ),
    Command(
        action="toggle_detail",
        title="Show exercise or program",
        help="Switch the right-hand pane between the exercise's details and the program "
        "(on a narrow screen)",
        keys="f7",
        on="screen",
        priority=True,
    ),
    # The program list: dose, arrange, annotate.
    Command(
        action="focus_program",
        title="Go to the program",
        help="Put the cursor in the program list",
        keys="f6",
        footer="Program",
        on="screen",
        priority=True,
    ),
    Command(
        action="edit_dose",
        title="Edit dose",
        help="Edit the highlighted item's dose (sets, reps, hold, …)",
        keys="enter,e",
        footer="Dose",
        context="program",
        on="screen",
        item=True,
    ),
    Command(
        action="remove_item",
        title="Remove item",
        help="Remove the highlighted item from the program",
        keys="delete,x",
        footer="Remove",
        context="program",
        on="screen",
        item=True,
    ),
    Command(
        action="move_up",
        title="Move item up",
        help="Move the highlighted item up",
        keys="shift+up,minus",
        footer="Move",
        context="program",
        on="screen",
        item=True,
    ),
    Command(
        action="move_down",
        title="Move item down",
        help="Move the highlighted item down",
        keys="shift+down,plus",
        context="program",
        on="screen",
        item=True,
    ),
    Command(
        action="duplicate_item",
        title="Duplicate item",
        help="Copy the highlighted item (an 'each side' dose becomes left and right)",
        keys="d",
        context="program",
        on="screen",
        item=True,
    ),
    Command(
        action="set_section",
        title="Set section",
        help="Set the heading the highlighted item is grouped under",
        keys="s",
        footer="Section",
        context="program",
        on="screen",
        item=True,
    ),
    Command(
        action="edit_notes",
        title="Edit notes",
        help="Edit the highlighted item's notes and progression",
        keys="n",
        footer="Notes",
        context="program",
        on="screen",
        item=True,
    ),
    # Everywhere.
    Command(
        action="undo",
        title="Undo",
        help="Undo the last change to the program",
        keys="ctrl+z",
        footer="Undo",
        on="screen",
    ),
    Command(
        action="redo",
        title="Redo",
        help="Redo the change just undone",
        keys="ctrl+y",
        on="screen",
    ),
    Command(
        action="save",
        title="Save",
        help="Save the program to its file",
        keys="ctrl+s",
        footer="Save",
    ),
    Command(
        action="help",
        title="Help",
        help="Every key, and how the app works",
        keys="f1,question_mark",
        footer="Help",
    ),
    Command(
        action="save_as",
        title="Save as…",
        help="Save the program to a new file",
        keys="f12",
    ),
    # Open and New are kept out of the footer: at 80 columns it cannot hold them and Info too,
    # and they are one Ctrl+P or F1 away.
    Command(
        action="open_program",
        title="Open…",
        help="Open a program file (recent files, or browse)",
        keys="ctrl+o",
    ),
    Command(
        action="new_program",
        title="New program…",
        help="Start a blank program or one from a template",
        keys="ctrl+n",
    ),
    Command(
        action="export_pdf",
        title="Export PDF…",
        help="Write the patient handout as a PDF",
        keys="ctrl+e",
        footer="PDF",
        priority=True,
    ),
    Command(
        action="program_info",
        title="Program info…",
        help="Title, patient, clinician, goals and notes",
        keys="f2",
        footer="Info",
    ),
    Command(
        action="new_exercise",
        title="New custom exercise…",
        help="Write an exercise of your own into your personal library",
        keys="f3",
    ),
    Command(
        action="clone_exercise",
        title="Clone exercise…",
        help="Copy the highlighted exercise into your personal library and change it",
        keys="f4",
    ),
    Command(
        action="edit_settings",
        title="Settings…",
        help="Your name, clinic and contact for new programs; paper size",
        keys="f8",
    ),
    Command(
        action="quit",
        title="Quit",
        help="Quit hepster (asks to save changes first)",
        keys="ctrl+q",
    ),
)


ITEM_ACTIONS = frozenset(command.action for command in COMMANDS if command.item)
SCREEN_ACTIONS = frozenset(command.action for command in COMMANDS if command.on == "screen")


def commands_in(context: str) -> list[Command]:
    return [command for command in COMMANDS if command.context == context]


def bindings(context: str) -> list[BindingType]:
    """The Textual bindings of one context. Each has its command's action as its id, which is
    what a keymap file names to move it to another key."""
    return [
        Binding(
            command.keys,
            f"{command.on}.{command.action}",
            command.footer or command.title,
            show=command.footer is not None,
            key_display=FOOTER_KEYS.get(command.first_key),
            priority=command.priority,
            id=command.action,
        )
        for command in commands_in(context)
        if command.keys
    ]


# Shorter than Textual's own key names, where the footer is short of room at 80 columns.
FOOTER_KEYS = {"shift+up": "⇧↑↓", "delete": "Del", "enter": "⏎"}

KEY_NAMES = {
    "question_mark": "?",
    "slash": "/",
    "minus": "-",
    "plus": "+",
    "delete": "Del",
    "escape": "Esc",
    "enter": "Enter",
    "shift+up": "Shift+↑",
    "shift+down": "Shift+↓",
}


def key_hint(action: str, keymap: Mapping[str, str] | None = None) -> str:
    """A command's first key as a person reads it, after the therapist's keymap: the hint in
    "(F2)" or "Ctrl+Z puts it back" names the key that does it now."""
    command = next(command for command in COMMANDS if command.action == action)
    return key_text(command.keys_with(keymap or {}).split(",")[0])


def keymap_of(node: object) -> Mapping[str, str]:
    """The keymap of the app a widget is in (none in a bare app, as in some tests)."""
    return getattr(getattr(node, "app", None), "keymap", {})


def key_text(key: str) -> str:
    """A key as a person reads it: `ctrl+s` → `Ctrl+S`, `f1` → `F1`, `question_mark` → `?`."""
    if key in KEY_NAMES:
        return KEY_NAMES[key]
    if len(key) == 1:
        return key  # a plain letter key, as typed: `d`, not `D` (which reads as Shift+D)
    parts = key.split("+")
    return "+".join(part.upper() if len(part) == 1 else part.capitalize() for part in parts)


def keys_text(command: Command, keymap: Mapping[str, str] | None = None) -> str:
    """Every key of a command, as a person reads them: `Enter, e`."""
    keys = command.keys_with(keymap or {})
    return ", ".join(key_text(key) for key in keys.split(",")) if keys else ""
