"""Pilot tests of files: save, save as, open, new (blank and template), the unsaved-changes
guard, quitting, program info and settings. They check the files written, not only widgets."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest
from textual.widgets import Input, OptionList, TextArea
from tui_helpers import TODAY, add, running, shown_notice, type_text, until

from library.editing import SetInfo, info_of
from library.layers import load_library
from library.locations import config_dir
from library.model import Program
from library.program_files import load_program, program_text
from library.recent import read_recent
from library.settings import Settings, load_settings, save_settings
from tui.screens.dialogs import ChoiceScreen
from tui.screens.files import NewProgramScreen, OpenScreen, SaveAsScreen
from tui.screens.forms import InfoForm, SettingsForm


def reopened(path: Path) -> Program:
    """The program in `path` as the app opens it: with the library, which gives its exercises
    their words in other languages (a saved English program carries none)."""
    return load_program(path, load_library().get)


def set_path(app, path: Path) -> None:  # type: ignore[no-untyped-def]
    field = app.screen.query_one("#path", Input)
    field.value = str(path)


async def test_save_asks_for_a_file_the_first_time_then_saves_in_place(in_tmp_folder: Path) -> None:
    target = in_tmp_folder / "jane.toml"
    async with running() as (app, pilot):
        await add(pilot, "childs pose")
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, SaveAsScreen)
        suggested = app.screen.query_one("#path", Input).value
        assert suggested.endswith(".toml") and Path(suggested).parent == in_tmp_folder
        set_path(app, target)
        await pilot.press("enter")
        assert not isinstance(app.screen, SaveAsScreen)
        assert app.session.path == target and not app.session.dirty
        saved = reopened(target)
        assert saved == app.session.program
        assert [item.exercise for item in saved.items] == ["childs-pose"]
        assert saved.created == TODAY
        assert target in [p for p in read_recent()]
        # A second save writes in place, with no dialog, and keeps a backup.
        await add(pilot, "gluteal stretch")
        await pilot.press("ctrl+s")
        assert not isinstance(app.screen, SaveAsScreen)
        assert len(load_program(target).items) == 2
        assert target.with_name("jane.toml.bak").exists()
        assert "modified" not in app.sub_title


async def test_save_as_asks_before_replacing_a_file(in_tmp_folder: Path) -> None:
    other = in_tmp_folder / "other.toml"
    other.write_text("not a program")
    async with running() as (app, pilot):
        await add(pilot, "childs pose")
        await pilot.press("f12")
        set_path(app, other)
        await pilot.press("enter")
        assert isinstance(app.screen, SaveAsScreen), "first Enter only warns"
        await pilot.press("enter")
        assert load_program(other).items[0].exercise == "childs-pose"


async def test_save_as_refuses_a_name_without_toml(in_tmp_folder: Path) -> None:
    async with running() as (app, pilot):
        await add(pilot, "childs pose")
        await pilot.press("f12")
        set_path(app, in_tmp_folder / "notes.txt")
        await pilot.press("enter")
        assert isinstance(app.screen, SaveAsScreen)
        assert not (in_tmp_folder / "notes.txt").exists()
        await pilot.press("escape")
        assert app.session.path is None and app.session.dirty


async def test_save_as_suggests_a_plain_name_and_typing_a_name_replaces_it(
    in_tmp_folder: Path,
) -> None:
    async with running() as (app, pilot):
        await add(pilot, "childs pose")
        app.edit(SetInfo(replace(info_of(app.session.program), patient="María Łukasiewicz")))
        await pilot.press("f12")
        field = app.screen.query_one("#path", Input)
        assert field.value == str(in_tmp_folder / "maria-lukasiewicz-home-exercise-program.toml")
        await type_text(pilot, "maria-v2")  # replaces the selected suggestion
        assert field.value == "maria-v2"
        await pilot.press("enter")  # in the suggested folder, and .toml is added
        assert load_program(in_tmp_folder / "maria-v2.toml").patient == "María Łukasiewicz"


async def test_a_home_folder_that_does_not_exist_is_a_message_not_a_crash() -> None:
    async with running() as (app, pilot):
        await add(pilot, "childs pose")
        await pilot.press("f12")
        await type_text(pilot, "~zzqq")
        await pilot.press("slash")
        assert app.is_running and isinstance(app.screen, SaveAsScreen)
        said = str(app.screen.query_one("#problems").render())
        assert said == "No user's home folder is called ~zzqq"


async def test_open_from_a_typed_path_and_from_recent_files(in_tmp_folder: Path) -> None:
    example = Path(__file__).parents[2] / "examples" / "low-back-hips.toml"
    copy = in_tmp_folder / "low-back.toml"
    copy.write_bytes(example.read_bytes())
    async with running() as (app, pilot):
        await pilot.press("ctrl+o")
        assert isinstance(app.screen, OpenScreen)
        set_path(app, copy)
        await pilot.press("enter")
        assert app.session.path == copy
        assert app.session.program == reopened(copy)
        assert len(app.session.program.items) == 6 and not app.session.dirty
    async with running() as (app, pilot):
        await pilot.press("ctrl+o")
        assert isinstance(app.screen, OpenScreen)
        assert app.focused is not None and app.focused.id == "recent"
        await pilot.press("enter")
        assert app.session.path == copy.resolve()


async def test_hepster_with_a_program_opens_it_and_saving_is_byte_stable(
    in_tmp_folder: Path,
) -> None:
    example = Path(__file__).parents[2] / "examples" / "low-back-hips.toml"
    copy = in_tmp_folder / "low-back.toml"
    copy.write_bytes(example.read_bytes())
    before = copy.read_bytes()
    async with running(copy) as (app, pilot):
        assert app.session.path == copy and len(app.session.program.items) == 6
        await pilot.press("ctrl+s")
        assert copy.read_bytes() == before


async def test_hepster_with_a_new_file_creates_it_on_first_save(in_tmp_folder: Path) -> None:
    target = in_tmp_folder / "new.toml"
    async with running(target) as (app, pilot):
        assert app.session.path == target and not target.exists()
        await add(pilot, "childs pose")
        await pilot.press("ctrl+s")
        assert load_program(target).items[0].exercise == "childs-pose"


async def test_an_unreadable_library_still_opens_the_named_program(
    in_tmp_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """If the library cannot be read, the program is opened from its own definitions, never
    taken for a new file that Ctrl+S would write over."""
    import tui.loading

    def unreadable(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tui.loading, "read_everything", unreadable)
    example = Path(__file__).parents[2] / "examples" / "low-back-hips.toml"
    copy = in_tmp_folder / "low-back.toml"
    copy.write_bytes(example.read_bytes())
    async with running(copy) as (app, pilot):
        await shown_notice(pilot, "Could not read the library")
        assert app.session.path == copy and len(app.session.program.items) == 6
        await pilot.press("ctrl+s")
        assert copy.read_bytes() == example.read_bytes()


async def test_a_broken_file_is_reported_and_the_app_keeps_running(in_tmp_folder: Path) -> None:
    broken = in_tmp_folder / "broken.toml"
    broken.write_text('format = "hepster-program"\nversion = 1\ntitle = [\n')
    async with running(broken) as (app, pilot):
        assert app.session.path is None and app.session.program.items == ()
        # The problems stay on screen until read, with the place and what is wrong.
        assert isinstance(app.screen, ChoiceScreen)
        said = str(app.screen.query_one(".question").render())
        assert said.startswith("end of file: not valid TOML")
        assert "hepster validate broken.toml" in said
        await pilot.press("enter")
        assert not isinstance(app.screen, ChoiceScreen)
        await pilot.press("ctrl+o")
        set_path(app, broken)
        await pilot.press("enter")
        assert app.session.path is None and app.is_running


async def test_unsaved_changes_guard_on_new_open_and_quit(in_tmp_folder: Path) -> None:
    async with running() as (app, pilot):
        await add(pilot, "childs pose")
        changed = app.session.program
        await pilot.press("ctrl+n")
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.click("#choice-cancel")
        assert app.session.program == changed
        await pilot.press("ctrl+o")
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("escape")
        assert app.session.program == changed
        # Save from the guard: asks for a file, saves, then goes on to the new program.
        await pilot.press("ctrl+n")
        await pilot.click("#choice-save")
        assert isinstance(app.screen, SaveAsScreen)
        set_path(app, in_tmp_folder / "kept.toml")
        await pilot.press("enter")
        assert isinstance(app.screen, NewProgramScreen)
        assert reopened(in_tmp_folder / "kept.toml") == changed
        await pilot.press("escape")
        await add(pilot, "gluteal stretch")
        await pilot.press("ctrl+q")
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.click("#choice-discard")
        await pilot.pause()
        assert not app.is_running
        assert app.return_code == 0


async def test_new_program_blank_and_from_a_template() -> None:
    async with running() as (app, pilot):
        await pilot.press("ctrl+n")
        screen = app.screen
        assert isinstance(screen, NewProgramScreen)
        choices = screen.query_one(OptionList)
        ids = [choices.get_option_at_index(i).id for i in range(choices.option_count)]
        assert ids[0] == "" and "t:low-back-hips" in ids
        choices.highlighted = ids.index("t:low-back-hips")
        shown = str(choices.get_option_at_index(ids.index("t:low-back-hips")).prompt)
        assert shown.startswith("Low back pain: hips first"), "templates go by their titles"
        await pilot.press("enter")
        program = app.session.program
        assert program.title == "Low back pain: hips first"
        assert [i.exercise for i in program.items][:2] == [
            "hamstring-stretch-strap",
            "hip-flexor-stretch-half-kneeling",
        ]
        assert program.created == TODAY
        untouched = app.session.path is None and not app.session.dirty
        assert untouched, "an untouched template is nothing to lose"
        await pilot.press("ctrl+n")  # so no question before the next one
        await pilot.press("enter")  # "Blank program" is first
        assert app.session.program.items == () and app.session.program.created == TODAY


async def test_esc_in_a_form_with_typing_asks_before_throwing_it_away() -> None:
    async with running() as (app, pilot):
        await pilot.press("f2")
        await pilot.press("escape")
        assert not isinstance(app.screen, InfoForm), "nothing typed: Esc just closes"
        await pilot.press("f2")
        app.screen.query_one("#goals").focus()
        await type_text(pilot, "Walk to the shop")
        await pilot.press("escape")
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("enter")  # "Keep editing" is first
        form = app.screen
        assert isinstance(form, InfoForm)
        assert form.query_one("#goals", TextArea).text == "Walk to the shop"
        await pilot.press("ctrl+s")
        assert app.session.program.goals == ("Walk to the shop",)
        await pilot.press("f2")
        await type_text(pilot, " more")
        await pilot.press("escape")
        await pilot.click("#choice-discard")
        assert not isinstance(app.screen, InfoForm | ChoiceScreen)
        assert app.session.program.goals == ("Walk to the shop",)


async def test_program_info_form_fills_the_program() -> None:
    async with running() as (app, pilot):
        await pilot.press("f2")
        form = app.screen
        assert isinstance(form, InfoForm)
        form.query_one("#title", Input).value = ""
        await type_text(pilot, "Knee program")
        await pilot.press("tab")
        await type_text(pilot, "Jane Doe")
        form.query_one("#start", Input).value = "2026-13-01"
        await pilot.pause()
        assert form.problems, "a bad date is caught as you type"
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, InfoForm)
        form.query_one("#start", Input).value = "2026-11-25"
        form.query_one("#goals").text = "Walk to the shop\nClimb stairs"  # type: ignore[attr-defined]
        await pilot.pause()
        await pilot.press("ctrl+s")
        program = app.session.program
        assert program.title == "Knee program" and program.patient == "Jane Doe"
        assert program.start == dt.date(2026, 11, 25)
        assert program.goals == ("Walk to the shop", "Climb stairs")
        await pilot.press("ctrl+z")
        assert app.session.program.patient is None


async def test_program_info_form_sets_the_pain_limit_and_warning_signs() -> None:
    """By the file's own rules: the pain limit from 0 to 10, empty for the guide's default."""
    async with running() as (app, pilot):
        await pilot.press("f2")
        form = app.screen
        assert isinstance(form, InfoForm)
        limit = form.query_one("#pain_limit", Input)
        assert limit.value == "" and "empty means 5" in str(limit.placeholder)
        limit.value = "11"
        await pilot.pause()
        assert [problem.place for problem in form.problems] == ["pain_limit"]
        assert "from 0 to 10" in form.problems[0].message
        assert limit.has_class("-invalid")
        limit.value = "3"
        form.query_one("#warning_signs", TextArea).text = "A hot, swollen knee\n\nA knee that locks"
        await pilot.pause()
        assert not form.problems
        await pilot.press("ctrl+s")
        program = app.session.program
        assert program.pain_limit == 3
        assert program.warning_signs == ("A hot, swollen knee", "A knee that locks")
        await pilot.press("f2")
        form = app.screen
        assert isinstance(form, InfoForm)
        assert form.query_one("#pain_limit", Input).value == "3"
        form.query_one("#pain_limit", Input).value = ""
        await pilot.pause()
        await pilot.press("ctrl+s")
        assert app.session.program.pain_limit is None, "empty: the default, not written"
        await pilot.press("ctrl+z")
        assert app.session.program.pain_limit == 3


async def test_settings_are_saved_and_used_for_new_programs() -> None:
    async with running() as (app, pilot):
        await pilot.press("f8")
        form = app.screen
        assert isinstance(form, SettingsForm)
        await type_text(pilot, "Sam Rivera, PT")
        await pilot.press("tab")
        await type_text(pilot, "Riverside PT")
        await pilot.press("ctrl+s")
        settings, problems = load_settings()
        assert not problems
        assert settings.clinician == "Sam Rivera, PT" and settings.clinic == "Riverside PT"
        assert (config_dir() / "settings.toml").exists()
        await pilot.press("ctrl+n", "enter")
        assert app.session.program.clinician == "Sam Rivera, PT"
        assert app.session.program.clinic == "Riverside PT"


async def test_program_info_takes_the_defaults_from_settings() -> None:
    save_settings(Settings(clinician="Sam", clinic="Riverside", contact="555-0100"))
    async with running() as (app, pilot):
        assert app.session.program.clinician == "Sam", "a new program starts with the defaults"
        await pilot.press("f2")
        form = app.screen
        assert isinstance(form, InfoForm)
        form.query_one("#contact", Input).value = ""
        await pilot.press("ctrl+d", "ctrl+s")
        assert app.session.program.contact == "555-0100"


async def test_a_broken_settings_file_is_reported_not_fatal() -> None:
    path = config_dir() / "settings.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('paper = "a3"\nclinician = 5\n')
    async with running() as (app, pilot):
        assert app.session.settings == Settings()
        said = await shown_notice(pilot, "Settings file has problems; defaults used")
        assert "paper" in said


def test_program_text_of_a_new_program_is_valid(tmp_path: Path) -> None:
    """What a new program saves is a program file hepster reads back."""
    from tui.app import HepsterApp

    app = HepsterApp(today=TODAY)
    path = tmp_path / "blank.toml"
    path.write_text(program_text(app.session.blank()))
    assert load_program(path).created == TODAY


async def test_a_template_takes_the_therapist_from_the_settings_as_hepster_new_does() -> None:
    """Ctrl+N from a template gives the clinician, clinic and contact that `hepster new
    --template` gives (tests/test_cli.py): one rule, in library/new_program.py."""
    save_settings(Settings(clinician="Sam Rivera, PT", clinic="Riverside PT", contact="555-0100"))
    async with running() as (app, pilot):
        await pilot.press("ctrl+n")
        await until(pilot, lambda: isinstance(app.screen, NewProgramScreen))
        app.screen.dismiss("low-back-hips")  # the template chosen in the dialog
        await until(pilot, lambda: len(app.session.program.items) > 0)
        program = app.session.program
        assert (program.clinician, program.clinic, program.contact) == (
            "Sam Rivera, PT",
            "Riverside PT",
            "555-0100",
        )
        assert program.created == TODAY
