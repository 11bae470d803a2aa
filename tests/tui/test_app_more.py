"""Pilot tests of custom exercises, crash recovery, export, help and the command palette."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from textual.widgets import Checkbox, Input, SelectionList, TextArea
from tui_helpers import add, running, search, shown_notice, type_text, whole_screen_text

from library.autosave import autosave_dir, write_autosave
from library.layers import load_library
from library.locations import personal_library
from library.model import Program
from library.program_files import load_program
from tui.app import HepsterApp
from tui.commands import COMMANDS, key_text
from tui.screens.dialogs import ChoiceScreen
from tui.screens.exercise import ExerciseForm
from tui.screens.files import ExportScreen
from tui.screens.help import HelpScreen
from tui.widgets.browser import LibraryBrowser
from tui.widgets.detail import ExerciseDetail, layer_line

HAS_EXPORT = importlib.util.find_spec("exports.handout") is not None


async def test_new_custom_exercise_is_saved_validated_and_usable_at_once() -> None:
    async with running() as (app, pilot):
        await pilot.press("f3")
        form = app.screen
        assert isinstance(form, ExerciseForm)
        await type_text(pilot, "wall-sit-short")
        assert form.problems, "name, regions, kind and steps are still missing"
        assert form.query_one("#save").disabled
        form.query_one("#name", Input).value = "Short wall sit"
        form.query_one("#kind").value = "strength"  # type: ignore[attr-defined]
        regions = form.query_one("#regions", SelectionList)
        assert [s.text for s in regions.render_line(0)][:3] == ["▐", " ", "▌"], "neck: not ticked"
        regions.select("neck")
        assert [s.text for s in regions.render_line(0)][:3] == ["▐", "X", "▌"]
        regions.deselect("neck")
        regions.select("knee")
        form.query_one("#steps", TextArea).text = "Lean on a wall.\nSlide down a little.\n"
        form.query_one("#hold_s", Input).value = "20-30"
        await pilot.pause()
        assert not form.problems, form.problems
        form.query_one("#video", Input).value = "http://example.com"
        await pilot.pause()
        assert form.problems and form.problems[0].place == "video"
        form.query_one("#video", Input).value = ""
        await pilot.pause()
        await pilot.press("ctrl+s")
        assert not isinstance(app.screen, ExerciseForm)
        saved = personal_library() / "wall-sit-short.toml"
        assert saved.exists()
        reloaded = load_library().get("wall-sit-short")
        assert reloaded is not None and reloaded.layer == "personal"
        assert reloaded.steps == ("Lean on a wall.", "Slide down a little.")
        assert reloaded.dose is not None and reloaded.dose.hold_s == (20, 30)
        # Usable at once: it is in the browser, highlighted; Enter in the list adds it.
        browser = app.main.query_one(LibraryBrowser)
        highlighted = browser.highlighted()
        assert highlighted is not None and highlighted.id == "wall-sit-short"
        await add(pilot, "short wall sit")
        assert app.session.program.items[-1].exercise == "wall-sit-short"


async def test_cloned_exercise_overrides_the_bundled_one_and_says_so() -> None:
    async with running() as (app, pilot):
        await add(pilot, "childs pose")
        await search(pilot, "childs pose")
        await pilot.press("f4")
        form = app.screen
        assert isinstance(form, ExerciseForm)
        assert form.query_one("#id", Input).value == "childs-pose"
        assert "override" in str(form.query_one("#layer-note").render())
        form.query_one("#name", Input).value = "Child's pose, with a pillow"
        await pilot.pause()
        await pilot.press("ctrl+s")
        # Replacing a bundled exercise is never silent: it asks, and "Keep both" comes first.
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.click("#choice-replace")
        await pilot.pause()
        assert app.library is not None
        mine = app.library.get("childs-pose")
        assert mine is not None and mine.layer == "personal"
        assert [e.layer for e in app.library.overridden["childs-pose"]] == ["bundled"]
        detail = app.main.query_one(ExerciseDetail)
        assert detail.exercise == mine
        line = layer_line(mine, detail.overridden).plain
        assert line == "From your personal library; overrides the one in the bundled library"
        # The program that uses it now carries the new definition; undo goes back.
        carried = app.session.program.exercise("childs-pose")
        assert carried is not None and carried.name == "Child's pose, with a pillow"
        fresh = load_library()
        assert fresh.get("childs-pose").layer == "personal"  # type: ignore[union-attr]


async def test_a_clone_can_keep_both_under_a_new_id() -> None:
    async with running() as (app, pilot):
        await search(pilot, "childs pose")
        await pilot.press("f4")
        form = app.screen
        assert isinstance(form, ExerciseForm)
        form.query_one("#name", Input).value = "Child's pose, with a pillow"
        await pilot.pause()
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("enter")  # Keep both
        await pilot.pause()
        assert app.library is not None
        assert app.library.get("childs-pose").layer == "bundled"  # type: ignore[union-attr]
        mine = app.library.get("childs-pose-2")
        assert mine is not None and mine.name == "Child's pose, with a pillow"


async def test_a_new_exercise_gets_its_id_from_its_name() -> None:
    async with running() as (app, pilot):
        await pilot.press("f3")
        form = app.screen
        assert isinstance(form, ExerciseForm)
        assert str(form.query_one("#problems").render()) == "", "nothing typed, nothing missing"
        form.query_one("#name").focus()
        await type_text(pilot, "Step up, low")
        assert form.query_one("#id", Input).value == "step-up-low"
        assert "is required" in str(form.query_one("#problems").render())


async def test_every_change_is_autosaved_and_a_clean_quit_removes_it() -> None:
    async with running() as (app, pilot):
        await add(pilot, "childs pose")
        files = list(autosave_dir().glob("*.toml"))
        assert len(files) == 1
        assert load_program(files[0], load_library().get) == app.session.program
        await pilot.press("ctrl+z")
        assert not list(autosave_dir().glob("*.toml")), "nothing unsaved, nothing kept"
        await add(pilot, "childs pose")
        await pilot.press("ctrl+q")
        await pilot.click("#choice-discard")
        await pilot.pause()
    assert not list(autosave_dir().glob("*.toml"))


def dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


async def test_work_left_by_a_crash_is_offered_back(in_tmp_folder: Path) -> None:
    library = load_library()
    exercise = library.get("childs-pose")
    assert exercise is not None
    from library.editing import AddItem
    from library.history import History

    lost = History(Program(title="Lost work", patient="Jane")).do(AddItem(exercise)).present
    original = in_tmp_folder / "jane.toml"
    write_autosave(lost, original, autosave_dir() / f"{dead_pid()}.toml")
    async with running() as (app, pilot):
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.click("#choice-recover")
        await pilot.pause()
        assert app.session.program == lost
        assert app.session.path == original and app.session.dirty
        await pilot.press("ctrl+s")
        assert load_program(original, load_library().get) == lost
    assert not list(autosave_dir().glob("*.toml"))


async def test_recovery_can_be_declined() -> None:
    write_autosave(Program(title="Old"), None, autosave_dir() / f"{dead_pid()}.toml")
    async with running() as (app, pilot):
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.click("#choice-discard")
        assert app.session.program.title != "Old"
    assert not list(autosave_dir().glob("*.toml"))


@pytest.mark.skipif(not HAS_EXPORT, reason="the handout module is not there")
async def test_export_writes_the_pdf_where_asked(in_tmp_folder: Path) -> None:
    async with running() as (app, pilot):
        await add(pilot, "childs pose")
        await pilot.press("ctrl+e")
        assert isinstance(app.screen, ExportScreen)
        target = in_tmp_folder / "handout.pdf"
        app.screen.query_one("#path", Input).value = str(target)
        await pilot.press("enter")
        wrote = await shown_notice(pilot, "Wrote")
        assert target.read_bytes().startswith(b"%PDF")
        assert str(target) in wrote
        if shutil.which("pdftotext"):
            text = subprocess.run(
                ["pdftotext", str(target), "-"], capture_output=True, text=True, check=True
            ).stdout
            assert "Child" in text


async def test_export_warns_when_an_exercise_has_no_dose(in_tmp_folder: Path) -> None:
    async with running() as (app, pilot):
        await add(pilot, "childs pose")
        await pilot.press("f6", "enter")  # the dose editor
        for field in app.screen.query(Input):
            field.value = ""
        effort = app.screen.query_one("#effort", Input)
        effort.value = ""
        await pilot.press("ctrl+s")
        assert app.session.program.items[0].dose is None
        await pilot.press("ctrl+e")
        target = in_tmp_folder / "handout.pdf"
        app.screen.query_one("#path", Input).value = str(target)
        await pilot.press("enter")
        warning = await shown_notice(pilot, "Check before printing")
        assert warning.startswith("Check before printing Exercise 1 (Child's pose) has no dose")


async def test_a_box_that_is_not_ticked_is_empty_not_a_grey_x() -> None:
    """Told apart by the mark, not by colour alone (a monochrome terminal shows no colour)."""
    async with running() as (app, pilot):
        await add(pilot, "childs pose")
        await pilot.press("ctrl+e")
        box = app.screen.query_one("#large_print", Checkbox)
        assert box.value is False
        assert str(box.render()).startswith("▐ ▌")
        box.value = True
        await pilot.pause()
        assert str(box.render()).startswith("▐X▌")


async def test_export_of_an_empty_program_is_refused_politely() -> None:
    async with running() as (app, pilot):
        await pilot.press("ctrl+e")
        assert not isinstance(app.screen, ExportScreen)
        await shown_notice(pilot, "the handout would be empty")


async def test_help_lists_every_key() -> None:
    """Read off the screen, scrolling the help down to its end: every command's key and what it
    does are there."""
    async with running() as (app, pilot):
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        text = await whole_screen_text(pilot)
        for command in COMMANDS:
            if command.keys:
                assert key_text(command.first_key) in text, command
                assert " ".join(command.title.split()) in text, command
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)
        # "?" in the empty search box (where the focus starts) is help too; in a search, text.
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await type_text(pilot, "ab")
        await pilot.press("question_mark")
        assert app.main.query_one("#search", Input).value == "ab?"


async def test_palette_offers_the_commands_that_can_run_now() -> None:
    async with running() as (app, pilot):
        titles = [command.title for command in app.get_system_commands(app.main)]
        assert "Save" in titles and "Export PDF…" in titles
        assert "Undo" not in titles, "nothing to undo yet"
        assert "Remove item" not in titles, "no item to remove"
        await add(pilot, "childs pose")
        await pilot.press("f6")
        titles = [command.title for command in app.get_system_commands(app.main)]
        assert "Undo" in titles and "Remove item" in titles
        await pilot.press("ctrl+p")
        await type_text(pilot, "remove item")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.2)
        assert app.session.program.items == ()


async def test_palette_adds_an_exercise_by_name() -> None:
    async with running() as (app, pilot):
        await pilot.press("ctrl+p")
        await type_text(pilot, "add childs pose")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.2)
        assert [item.exercise for item in app.session.program.items] == ["childs-pose"]


def test_importing_the_app_does_not_import_reportlab_or_the_file_picker() -> None:
    code = (
        "import sys, tui.app; "
        "bad = [m for m in ('reportlab', 'textual_fspicker', 'exports.handout') "
        "if m in sys.modules]; print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_making_the_app_writes_nothing_in_the_users_folders(
    isolated_user_folders: Path,
) -> None:
    """Constructing the app (as a test or a script does, without a terminal) reads the library
    but leaves no settings, autosave or personal library behind."""
    before = sorted(isolated_user_folders.rglob("*"))
    HepsterApp(autosave=False)
    created = [p for p in sorted(isolated_user_folders.rglob("*")) if p not in before]
    assert [p for p in created if "cache" not in p.parts] == []
