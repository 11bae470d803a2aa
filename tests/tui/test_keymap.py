"""A therapist's own keys (keymap.toml), and the command registry they rebind."""

from __future__ import annotations

from pathlib import Path

import pytest
from tui_helpers import add, running, screen_text, shown_notice, whole_screen_text

from library.locations import config_dir
from tui.commands import COMMANDS, ITEM_ACTIONS, Command
from tui.keymap import read_keymap
from tui.screens.files import SaveAsScreen
from tui.screens.forms import InfoForm
from tui.screens.help import HelpScreen
from tui.screens.main import MainScreen

from tui.app import HepsterApp  # isort: skip


def keymap_file(text: str) -> Path:
    path = config_dir() / "keymap.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_keymap_file_is_read() -> None:
    keymap_file('save = "ctrl+t"\nexport_pdf = "f11, ctrl+g"\nedit_notes = "m"\n')
    expected = {"save": "ctrl+t", "export_pdf": "f11,ctrl+g", "edit_notes": "m"}
    assert read_keymap() == (expected, None)


def test_no_keymap_file_is_no_keymap_and_nothing_to_say() -> None:
    assert read_keymap() == ({}, None)


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ('sav = "ctrl+w"', "'sav' is not a command; the commands are: "),
        ("save = 5", 'save: give the key as text, e.g. save = "f11"'),
        ('save = "control w"', "save: 'control w' is not a key name"),
        ('save = "ctrl+z"', "'ctrl+z' is the key of both undo and save"),
        ('edit_dose = "f5"', "'f5' is the key of both focus_search and edit_dose"),
        ('save = "down"', "save: 'down' moves around the screen"),
        ('save = "w"', "save: 'w' would be typed into the search box"),
        ('save = "ctrl+w"', "save: 'ctrl+w' edits the text in the search box"),
        ('save = "ctrl+w', "not valid TOML"),
    ],
)
def test_a_bad_keymap_is_one_line_naming_the_file(text: str, said: str) -> None:
    path = keymap_file(text)
    keymap, problem = read_keymap()
    assert keymap == {}, "all the usual keys, not half a keymap"
    assert problem is not None and said in problem, problem
    assert str(path) in problem and "\n" not in problem
    assert problem.endswith("using the usual keys")


def test_every_command_has_its_action_where_it_says() -> None:
    for command in COMMANDS:
        target = MainScreen if command.on == "screen" else HepsterApp
        assert callable(getattr(target, f"action_{command.action}", None)), command
    assert {"edit_dose", "remove_item", "set_section", "edit_notes"} <= ITEM_ACTIONS
    assert "save" not in ITEM_ACTIONS and "undo" not in ITEM_ACTIONS


def test_commands_are_declared_by_keyword() -> None:
    with pytest.raises(TypeError):
        Command("save", "Save", "Save it")  # type: ignore[misc]


async def test_item_commands_wait_for_an_item() -> None:
    async with running() as (app, pilot):
        for action in ITEM_ACTIONS:
            assert app.main.check_action(action, ()) is False, action
        await add(pilot, "childs pose")
        await pilot.press("f6")
        for action in ITEM_ACTIONS:
            assert app.main.check_action(action, ()) is True, action


async def test_rebound_keys_work_and_show_in_the_footer_palette_and_help() -> None:
    keymap_file('save = "ctrl+t"\nprogram_info = "f11"\n')
    async with running() as (app, pilot):
        footer = [line for line in screen_text(app).splitlines() if "Help" in line][-1]
        assert "^t Save" in footer and "f11 Info" in footer, footer
        assert "^s" not in footer and "f2 Info" not in footer
        palette = {c.title: c.help for c in app.get_system_commands(app.main)}
        assert palette["Save"].endswith("(Ctrl+T)")
        assert palette["Program info…"].endswith("(F11)")

        await add(pilot, "childs pose")
        await pilot.press("ctrl+s")
        await pilot.pause(0.1)
        assert isinstance(app.screen, MainScreen), "Ctrl+S is no longer Save"
        await pilot.press("ctrl+t")
        await pilot.pause(0.1)
        assert isinstance(app.screen, SaveAsScreen)
        await pilot.press("escape")
        await pilot.pause(0.1)

        assert "No patient yet (F11)" in screen_text(app), "the pane's hint follows the keymap"
        await pilot.press("f11")
        await pilot.pause(0.1)
        assert isinstance(app.screen, InfoForm)
        await pilot.press("escape")
        await pilot.pause(0.1)

        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        help_text = await whole_screen_text(pilot)
        assert "Ctrl+T Save: Save the program to its file" in help_text
        assert "F11 Program info…" in help_text


async def test_a_bad_keymap_gives_one_line_and_the_usual_keys() -> None:
    keymap_file('save = "ctrl+z"\n')
    async with running() as (app, pilot):
        said = await shown_notice(pilot, "Your keymap was not used")
        assert "'ctrl+z' is the key of both undo and save" in said
        await add(pilot, "childs pose")
        await pilot.press("ctrl+s")
        await pilot.pause(0.1)
        assert isinstance(app.screen, SaveAsScreen), "Ctrl+S still saves"
