"""The therapist's own keys: `keymap.toml` in the config folder, beside `settings.toml`.

    # hepster keymap: a command's name = the key (or keys, comma-separated)
    save = "ctrl+w"
    export_pdf = "f11"

The names are the commands' actions in tui/commands.py (the help screen lists the commands). A
file that cannot be used is reported in one line and the usual keys are kept, every one of
them: half a keymap would leave the therapist guessing which keys moved.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

from library.locations import config_dir
from tui.commands import COMMANDS, Command

KEYMAP_FILE = "keymap.toml"
# A Textual key name: `f11`, `ctrl+w`, `shift+up`, `question_mark`; or one printable character.
KEY = re.compile(r"[a-z0-9_]+(\+[a-z0-9_]+)*|[!-~]")
# Keys that must keep their meaning: typing in boxes, moving in lists, closing dialogs.
CONTEXTS = ("main", "browser", "program")
RESERVED = {"tab", "shift+tab", "up", "down", "left", "right", "home", "end", "pageup", "pagedown"}


# Key names that are a character typed into a box.
TYPED_NAMES = {"space", "minus", "plus", "slash", "question_mark", "full_stop", "comma"}
DEFAULT_KEYS = {key for command in COMMANDS for key in command.keys.split(",")}


def text_keys() -> set[str]:
    """The keys the search box uses to edit its text (Ctrl+W deletes a word, …): bound to a
    command, they would do that instead while the cursor is in the box."""
    from textual.widgets import Input

    return {key for binding in Input.BINDINGS for key in binding_keys(binding)}


def binding_keys(binding: object) -> list[str]:
    keys = getattr(binding, "key", None) or (binding[0] if isinstance(binding, tuple) else "")
    return [key.strip() for key in str(keys).split(",")]


def keymap_path() -> Path:
    return config_dir() / KEYMAP_FILE


def read_keymap(path: Path | None = None) -> tuple[dict[str, str], str | None]:
    """The keymap in the file, and None; or no keymap and the one line that says why.
    No file is no keymap, and nothing to say."""
    path = keymap_path() if path is None else path
    if not path.exists():
        return {}, None
    from library.problems import InvalidFile
    from library.toml_files import read_document

    try:
        document = read_document(path)
    except InvalidFile as error:
        return {}, f"{error.problems[0]}; using the usual keys"
    problem = keymap_problem(document)
    if problem is not None:
        return {}, f"{path}: {problem}; using the usual keys"
    return {action: keys_of(str(keys)) for action, keys in document.items()}, None


def keys_of(keys: str) -> str:
    """`"f11, ctrl+t"` as Textual reads keys: `"f11,ctrl+t"`."""
    return ",".join(key.strip() for key in keys.split(","))


def keymap_problem(document: Mapping[str, object]) -> str | None:
    """What is wrong with a keymap, in a few words naming the entry; None when it can be used."""
    commands = {command.action: command for command in COMMANDS}
    for action, keys in document.items():
        if action not in commands:
            close = ", ".join(sorted(commands))
            return f"'{action}' is not a command; the commands are: {close}"
        if not isinstance(keys, str) or not keys.strip():
            return f'{action}: give the key as text, e.g. {action} = "f11"'
        for key in (key.strip() for key in keys.split(",")):
            if not KEY.fullmatch(key):
                return (
                    f"{action}: '{key}' is not a key name; write keys like "
                    '"f11", "ctrl+w", "shift+up" or "x"'
                )
            if key in RESERVED:
                return f"{action}: '{key}' moves around the screen and cannot be a command's key"
            typed = len(key) == 1 or key in TYPED_NAMES
            if typed and commands[action].context != "program":
                return (
                    f"{action}: '{key}' would be typed into the search box; "
                    "use an F key or a ctrl+ key"
                )
            if key in text_keys() and key not in DEFAULT_KEYS:
                return f"{action}: '{key}' edits the text in the search box; choose another key"
    return clash({action: keys_of(str(keys)) for action, keys in document.items()})


def clash(keymap: Mapping[str, str]) -> str | None:
    """Two commands on one key where both could act (the same context, or one of them `main`,
    which acts everywhere)."""
    taken: dict[str, Command] = {}
    for command in COMMANDS:
        for key in command.keys_with(keymap).split(","):
            if not key:
                continue
            others = CONTEXTS if command.context == "main" else (command.context, "main")
            for context in others:
                other = taken.get(f"{context}:{key}")
                if other is not None and other.action != command.action:
                    return f"'{key}' is the key of both {other.action} and {command.action}"
            taken[f"{command.context}:{key}"] = command
    return None
