"""Every command of the app, declared once: its key, its footer label, its help text and its
palette entry all come from here, so the footer, the help screen and the palette cannot disagree.

A command's `action` is a method `action_NAME` on the app. Its `context` says where its key
works: `main` everywhere on the main screen, `browser` in the library browser, `program` in the
program list.

A `priority` binding acts the moment its key arrives, ahead of keys that came before it and are
still queued for a widget; a plain one waits its turn. So the keys that move the focus are
priority (the keys typed right after them, one burst over SSH, must go where the focus went),
and Ctrl+E is (the search box would take it as "end of line"); Ctrl+S and the rest are plain,
so that a fast typist's last letters are in the program before it is saved.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding, BindingType

CONTEXTS = {
    "browser": "Library browser (search box and list)",
    "program": "Program list",
    "main": "Anywhere",
}


@dataclass(frozen=True)
class Command:
    action: str  # the app's action_<action>
    title: str  # the palette entry and the help screen's text
    help: str  # one line more, shown under the palette entry
    keys: str = ""  # Textual key names, comma-separated; "" for palette-only commands
    footer: str | None = None  # short label in the footer; None keeps it out of the footer
    context: str = "main"
    priority: bool = False

    @property
    def first_key(self) -> str:
        return self.keys.split(",")[0] if self.keys else ""


COMMANDS: tuple[Command, ...] = (
    # The browser: find an exercise, read it, add it.
    Command("add_exercise", "Add exercise", "Add the highlighted exercise to the program, with "
            "its default dose", "enter", "Add", "browser"),
    Command("set_filters", "Filter the library…", "Show only one region, kind, position or "
            "equipment", "f9", None, priority=True),
    Command("clear_search", "Clear search", "Empty the search box and reset the filters",
            "escape", None, "browser"),
    Command("focus_search", "Search the library", "Put the cursor in the search box",
            "f5", None, "main",
            priority=True),
    Command("show_picture", "Show the picture large", "The exercise's figure as large as the "
            "terminal allows", "f10", None, priority=True),
    Command("toggle_detail", "Show exercise or program", "Switch the right-hand pane between "
            "the exercise's details and the program (on a narrow screen)", "f7", None,
            priority=True),
    # The program list: dose, arrange, annotate.
    Command("focus_program", "Go to the program", "Put the cursor in the program list",
            "f6", "Program", priority=True),
    Command("edit_dose", "Edit dose", "Edit the highlighted item's dose (sets, reps, hold, …)",
            "enter,e", "Dose", "program"),
    Command("remove_item", "Remove item", "Remove the highlighted item from the program",
            "delete,x", "Remove", "program"),
    Command("move_up", "Move item up", "Move the highlighted item up", "shift+up,minus",
            "Move", "program"),
    Command("move_down", "Move item down", "Move the highlighted item down",
            "shift+down,plus", None, "program"),
    Command("duplicate_item", "Duplicate item", "Copy the highlighted item (an 'each side' dose "
            "becomes left and right)", "d", None, "program"),
    Command("set_section", "Set section", "Set the heading the highlighted item is grouped "
            "under", "s", "Section", "program"),
    Command("edit_notes", "Edit notes", "Edit the highlighted item's notes and progression",
            "n", "Notes", "program"),
    # Everywhere.
    Command("undo", "Undo", "Undo the last change to the program", "ctrl+z", "Undo"),
    Command("redo", "Redo", "Redo the change just undone", "ctrl+y", None),
    Command("save", "Save", "Save the program to its file", "ctrl+s", "Save"),
    Command("help", "Help", "Every key, and how the app works", "f1,question_mark", "Help"),
    Command("save_as", "Save as…", "Save the program to a new file", "f12", None),
    # Open and New are kept out of the footer: at 80 columns it cannot hold them and Info too,
    # and they are one Ctrl+P or F1 away.
    Command("open_program", "Open…", "Open a program file (recent files, or browse)", "ctrl+o",
            None),
    Command("new_program", "New program…", "Start a blank program or one from a template",
            "ctrl+n", None),
    Command("export_pdf", "Export PDF…", "Write the patient handout as a PDF", "ctrl+e",
            "PDF", priority=True),
    Command("program_info", "Program info…", "Title, patient, clinician, goals and notes",
            "f2", "Info"),
    Command("new_exercise", "New custom exercise…", "Write an exercise of your own into your "
            "personal library", "f3", None),
    Command("clone_exercise", "Clone exercise…", "Copy the highlighted exercise into your "
            "personal library and change it", "f4", None),
    Command("edit_settings", "Settings…", "Your name, clinic and contact for new programs; "
            "paper size", "f8", None),
    Command("quit", "Quit", "Quit hepster (asks to save changes first)", "ctrl+q", None),
)  # fmt: skip


def commands_in(context: str) -> list[Command]:
    return [command for command in COMMANDS if command.context == context]


def bindings(context: str) -> list[BindingType]:
    """The Textual bindings of one context, with stable ids so a keymap can remap them."""
    return [
        Binding(
            command.keys,
            f"app.{command.action}",
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


def key_text(key: str) -> str:
    """A key as a person reads it: `ctrl+s` → `Ctrl+S`, `f1` → `F1`, `question_mark` → `?`."""
    if key in KEY_NAMES:
        return KEY_NAMES[key]
    if len(key) == 1:
        return key  # a plain letter key, as typed: `d`, not `D` (which reads as Shift+D)
    parts = key.split("+")
    return "+".join(part.upper() if len(part) == 1 else part.capitalize() for part in parts)


def keys_text(command: Command) -> str:
    return ", ".join(key_text(key) for key in command.keys.split(",")) if command.keys else ""
