"""The app and the handout's language: F2 sets it, the settings give new programs theirs, the
export dialog names the exercises that will print in English. The interface stays English."""

from __future__ import annotations

import subprocess
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, Select, Static
from tui_helpers import add, running, shown_notice

from library.program_files import load_program
from library.settings import Settings, load_settings, save_settings
from tui.app import HepsterApp
from tui.screens.files import ExportScreen
from tui.screens.forms import InfoForm, SettingsForm


async def choose_language(app: HepsterApp, pilot: Pilot[int], tag: str) -> None:
    """F2, the language chosen, Ctrl+S: as a therapist sets the handout's language."""
    await pilot.press("f2")
    assert isinstance(app.screen, InfoForm)
    app.screen.query_one("#language", Select).value = tag
    await pilot.pause()
    await pilot.press("ctrl+s")


async def test_program_info_sets_the_handout_language(in_tmp_folder: Path) -> None:
    async with running() as (app, pilot):
        await add(pilot, "calf stretch wall")
        await pilot.press("f2")
        form = app.screen
        assert isinstance(form, InfoForm)
        choice = form.query_one("#language", Select)
        assert choice.value == "en"
        choice.value = "es"
        await pilot.pause()
        await pilot.press("ctrl+s")
        assert app.session.program.language == "es"
        target = in_tmp_folder / "maria.toml"
        app.session.save(target)
        text = target.read_text(encoding="utf-8")
        assert 'language = "es"' in text
        assert "[exercise.translations.es]" in text
        assert load_program(target).language == "es"
        await pilot.press("ctrl+z")
        assert app.session.program.language is None


async def test_the_export_dialog_names_what_will_print_in_english(in_tmp_folder: Path) -> None:
    async with running() as (app, pilot):
        await add(pilot, "childs pose")
        await choose_language(app, pilot, "fr")
        await pilot.press("ctrl+e")
        assert isinstance(app.screen, ExportScreen)
        note = str(app.screen.query_one("#note", Static).render())
        assert "No French text: these print in English:" in note
        assert "• Child's pose" in note
        target = in_tmp_folder / "handout.pdf"
        app.screen.query_one("#path", Input).value = str(target)
        await pilot.press("enter")
        await shown_notice(pilot, "Wrote")
        text = subprocess.run(
            ["pdftotext", str(target), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "Page 1 of" not in text and "Child's pose" in text


async def test_a_spanish_program_has_nothing_to_name_before_export() -> None:
    async with running() as (app, pilot):
        await add(pilot, "childs pose")
        await choose_language(app, pilot, "es")
        await pilot.press("ctrl+e")
        assert isinstance(app.screen, ExportScreen)
        assert not app.screen.query("#note")


async def test_new_programs_take_the_settings_language() -> None:
    async with running() as (app, pilot):
        await pilot.press("f8")
        form = app.screen
        assert isinstance(form, SettingsForm)
        form.query_one("#language", Select).value = "es"
        await pilot.pause()
        await pilot.press("ctrl+s")
        settings, problems = load_settings()
        assert not problems and settings.language == "es"
        await pilot.press("ctrl+n", "enter")
        program = app.session.program
        assert program.language == "es"
        assert program.title == "Home exercise program"  # printed as the handout's own


async def test_a_template_starts_with_its_title_in_the_settings_language() -> None:
    save_settings(Settings(language="es"))
    async with running() as (app, _pilot):
        app.session.start_from_template(
            next(t.path for t in app.library.templates.values() if t.path.stem == "ankle-sprain"),
            app.library.get,
        )
        program = app.session.program
        assert program.language == "es"
        assert program.title.startswith("Después de un esguince de tobillo")
