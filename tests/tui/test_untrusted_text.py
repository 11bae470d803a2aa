"""Text from a colleague's file is shown as text: square brackets are not Textual markup, so
a name like "Hip [/] stretch" can neither crash the app nor turn into a clickable action."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Static
from tui_helpers import running

from library.safe_text import UNSAFE_BUT_NEWLINE as UNSAFE
from tui.screens.dialogs import ChoiceScreen
from tui.screens.dose import DoseEditor
from tui.screens.forms import InfoForm

HOSTILE = """format = "hepster-program"
version = 1
title = "Knee [/] plan [@click=app.quit]quit[/]"
patient = "Jo [bold]Smith"

[[item]]
exercise = "odd-one"
section = "Warm [/] up"
notes = "Hold [red]tight[/red]."
[item.dose]
sets = 2
load = "band [/]"

[[exercise]]
id = "odd-one"
name = "Hip [/] stretch"
regions = ["hip"]
kind = "stretch"
steps = ["Lie [/] down."]
"""


async def test_markup_in_a_program_is_shown_literally(tmp_path: Path) -> None:
    path = tmp_path / "odd.toml"
    path.write_text(HOSTILE, encoding="utf-8")
    async with running(path) as (app, pilot):
        assert app.session.program.title.startswith("Knee [/] plan")
        await pilot.press("f6")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DoseEditor)
        assert "Dose: Hip [/] stretch" in str(app.screen.query_one(".dialog-title").render())
        await pilot.press("escape")
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, InfoForm)
        assert app.screen.query_one("#title", Input).value.startswith("Knee [/] plan")
        await pilot.press("escape")
        await pilot.pause()
        assert app.is_running


async def test_markup_in_a_broken_file_s_problems_is_shown_literally(tmp_path: Path) -> None:
    path = tmp_path / "broken.toml"
    path.write_text(HOSTILE.replace('load = "band [/]"', 'side = "[/]"'), encoding="utf-8")
    async with running(path) as (app, pilot):
        await pilot.pause()
        assert app.is_running
        assert isinstance(app.screen, ChoiceScreen)
        shown = str(app.screen.query_one(".question").render())
        assert "(got '[/]')" in shown


async def test_a_hostile_key_name_is_shown_escaped_in_the_could_not_open_box(
    in_tmp_folder: Path,
) -> None:
    """A key holding an escape sequence (clear the screen, retitle the window) is named in
    the box as text the therapist can read, never sent to the terminal."""
    corpus = Path(__file__).parents[1] / "corpus"
    copy = in_tmp_folder / "evil\x1b[2J.toml"
    copy.write_bytes((corpus / "hostile-escape-in-key.toml").read_bytes())
    async with running(copy) as (app, pilot):
        await pilot.pause(0.1)
        assert isinstance(app.screen, ChoiceScreen)
        said = "\n".join(str(static.render()) for static in app.screen.query(Static))
        assert "\\x1b[2J\\x1b]0;pwned\\x07: unknown key" in said
        assert "Could not open evil\\x1b[2J.toml" in said
        assert not UNSAFE.search(said)
        assert not UNSAFE.search(app.sub_title)
