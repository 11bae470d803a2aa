"""Text from a colleague's file is shown as text: square brackets are not Textual markup, so
a name like "Hip [/] stretch" can neither crash the app nor turn into a clickable action."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Static
from tui_helpers import running, shown_notice

from library.safe_text import UNSAFE_BUT_NEWLINE as UNSAFE
from tui.app import HepsterApp
from tui.flows.files import open_file
from tui.screens.dialogs import ChoiceScreen
from tui.screens.dose import DoseEditor
from tui.screens.forms import InfoForm

CORPUS = Path(__file__).parents[1] / "corpus"

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


async def test_the_app_refuses_each_one_in_a_box_and_stays_usable() -> None:
    """The whole corpus opened in one app session: each file gives a 'Could not open' box of
    plain lines, Esc closes it, and the program being edited is untouched."""
    app = HepsterApp(autosave=False)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        while not app.ready:
            await pilot.pause(0.02)
        before = app.session.program
        for path in sorted(CORPUS.glob("*.toml")):
            if open_file(app, path):
                # Sound but for its picture: opened, with a word about the picture at once.
                said = await shown_notice(pilot, "Check the pictures")
                assert "is a GIF, not a PNG or JPEG picture" in said, path.name
                app.session.start(before, None)
                continue
            await pilot.pause()
            assert isinstance(app.screen, ChoiceScreen), path.name
            said = "\n".join(str(static.render()) for static in app.screen.query(Static))
            assert said.startswith("Could not open"), said
            assert not UNSAFE.search(said), path.name
            await pilot.press("escape")
            await pilot.pause()
            assert not isinstance(app.screen, ChoiceScreen)
        assert app.session.program is before and app.session.path is None
