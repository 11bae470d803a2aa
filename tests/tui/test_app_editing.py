"""Pilot tests of browsing and editing: every action asserts on the program object itself."""

from __future__ import annotations

import io

from rich.console import Console
from textual.pilot import Pilot
from textual.widgets import Input, Select
from tui_helpers import NARROW, add, running, screen_text, search, type_text, until

from library.model import Dose
from library.search import Filters
from tui.screens.dialogs import AskText, ChoiceScreen
from tui.screens.dose import DoseEditor
from tui.screens.filters import FilterScreen
from tui.screens.forms import NotesForm
from tui.widgets.browser import LibraryBrowser
from tui.widgets.program import ProgramList

LOW_BACK = (
    "hamstring-stretch-strap",
    "hip-flexor-stretch-half-kneeling",
    "gluteal-stretch",
    "childs-pose",
    "foam-roll-back-muscles",
    "foam-roll-gluteals",
)


async def test_search_box_is_focused_and_filters_as_you_type() -> None:
    async with running() as (app, pilot):
        assert app.focused is not None and app.focused.id == "search"
        browser = app.main.query_one(LibraryBrowser)
        everything = len(browser.found)
        assert everything == len(app.library.exercises) if app.library else False
        await type_text(pilot, "hamstring strap")
        assert browser.found[0].id == "hamstring-stretch-strap"
        assert len(browser.found) < everything
        await pilot.press("escape")
        assert len(browser.found) == everything


async def test_filters_narrow_the_list_and_esc_clears_them() -> None:
    async with running() as (app, pilot):
        browser = app.main.query_one(LibraryBrowser)
        everything = len(browser.found)
        await pilot.press("f9")
        dialog = app.screen
        assert isinstance(dialog, FilterScreen)
        dialog.query_one("#kind", Select).value = "soft-tissue"
        await pilot.pause()
        assert browser.found and len(browser.found) < everything
        assert all(exercise.kind == "soft-tissue" for exercise in browser.found)
        dialog.query_one("#region", Select).value = "hip"
        await pilot.pause()
        await pilot.press("escape")
        assert not isinstance(app.screen, FilterScreen)
        assert browser.filters() == Filters(region="hip", kind="soft-tissue")
        assert all("hip" in exercise.regions for exercise in browser.found)
        assert "hip · soft tissue" in str(browser.query_one("#filters").render())
        await pilot.press("escape")  # in the search box: clears search and filters
        assert len(browser.found) == everything and browser.filters() == Filters()


async def test_enter_adds_the_highlighted_exercise_with_its_default_dose() -> None:
    async with running() as (app, pilot):
        await type_text(pilot, "childs pose")
        await pilot.press("enter")
        assert [item.exercise for item in app.session.program.items] == ["childs-pose"]
        library_dose = app.library.get("childs-pose").dose if app.library else None
        assert app.session.program.items[0].dose == library_dose
        assert app.session.program.exercise("childs-pose") is not None
        # Arrow down from the search box moves the list's cursor; Enter adds that one.
        await pilot.press("escape")
        browser = app.main.query_one(LibraryBrowser)
        await pilot.press("down", "down")
        second = browser.found[2]
        await pilot.press("enter")
        assert app.session.program.items[-1].exercise == second.id


async def build_low_back(pilot: Pilot[int]) -> None:
    for exercise_id in LOW_BACK:
        await add(pilot, exercise_id.replace("-", " "))


async def test_building_the_low_back_program() -> None:
    async with running() as (app, pilot):
        await build_low_back(pilot)
        assert tuple(item.exercise for item in app.session.program.items) == LOW_BACK
        assert app.session.dirty


async def test_remove_move_duplicate_and_undo_redo() -> None:
    async with running() as (app, pilot):
        await build_low_back(pilot)
        built = app.session.program
        await pilot.press("f6")
        items = app.main.query_one(ProgramList)
        assert app.focused is items
        items.highlight_item(0)
        await pilot.press("shift+down")
        assert [i.exercise for i in app.session.program.items[:2]] == [LOW_BACK[1], LOW_BACK[0]]
        await pilot.press("shift+up")
        assert app.session.program == built
        await pilot.press("delete")
        assert [i.exercise for i in app.session.program.items] == list(LOW_BACK[1:])
        assert app.session.program.exercise(LOW_BACK[0]) is None
        await pilot.press("ctrl+z")
        assert app.session.program == built
        await pilot.press("ctrl+y")
        assert len(app.session.program.items) == 5
        await pilot.press("ctrl+z")
        items.highlight_item(0)
        await pilot.press("d")
        first, copy = app.session.program.items[0], app.session.program.items[1]
        assert first.exercise == copy.exercise == LOW_BACK[0]
        assert first.dose is not None and first.dose.side == "left"
        assert copy.dose is not None and copy.dose.side == "right"
        console = Console(width=100, record=True, file=io.StringIO())
        for index in range(items.option_count):
            console.print(items.get_option_at_index(index).prompt)
        shown = console.export_text()
        assert "Hamstring stretch with a strap (left side)" in shown
        assert "Hamstring stretch with a strap (right side)" in shown
        for _ in range(10):
            await pilot.press("ctrl+z")
        assert app.session.program.items == ()
        assert not app.session.history.can_undo


async def test_section_is_set_and_inherited_by_the_next_items() -> None:
    async with running() as (app, pilot):
        await add(pilot, "hamstring strap")
        await pilot.press("f6", "s")
        assert isinstance(app.screen, AskText)
        await type_text(pilot, "Hip stretches")
        await pilot.press("enter")
        assert app.session.program.items[0].section == "Hip stretches"
        await pilot.press("f5")
        await add(pilot, "gluteal stretch")
        assert app.session.program.items[1].section == "Hip stretches"
        await pilot.press("f5")
        await add(pilot, "childs pose")
        await pilot.press("f6")
        app.main.query_one(ProgramList).highlight_item(2)
        await pilot.press("s", "ctrl+u")
        await type_text(pilot, "hip")  # "Hip stretches" is offered; Enter takes it
        await pilot.press("enter")
        assert app.session.program.items[2].section == "Hip stretches"
        await pilot.press("ctrl+z")
        await pilot.press("f6")
        app.main.query_one(ProgramList).highlight_item(1)
        await pilot.press("s", "ctrl+u")
        await pilot.press("enter")
        assert app.session.program.items[1].section is None
        # It is not shown under the heading above it.
        listed = app.main.query_one(ProgramList)
        prompts = [str(listed.get_option_at_index(i).prompt) for i in range(listed.option_count)]
        assert prompts[0] == "Hip stretches" and prompts[2] == "More exercises"


async def test_notes_and_progression() -> None:
    async with running() as (app, pilot):
        await add(pilot, "childs pose")
        await pilot.press("f6", "n")
        assert isinstance(app.screen, NotesForm)
        await type_text(pilot, "Use a pillow")
        await pilot.press("tab")
        await type_text(pilot, "Hold 45 s when easy")
        await pilot.press("ctrl+s")
        item = app.session.program.items[0]
        assert item.notes == "Use a pillow"
        assert item.progression == "Hold 45 s when easy"


async def test_dose_editor_validates_as_you_type_and_saves_ranges() -> None:
    async with running() as (app, pilot):
        await add(pilot, "bridge")
        await pilot.press("f6", "enter")
        editor = app.screen
        assert isinstance(editor, DoseEditor)
        sets = editor.query_one("#sets", Input)
        sets.value = ""
        await type_text(pilot, "25")  # sets are 1..20
        await pilot.pause()
        assert editor.problems and "sets" in editor.problems[0].place
        assert sets.has_class("-invalid")
        # Said in the form's terms: its label, and ranges typed as the form takes them.
        shown = str(editor.query_one("#problems").render())
        assert shown.startswith("Sets: must be a whole number from 1 to 20, or a range like 8-12")
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, DoseEditor), "an invalid dose must not save"
        await pilot.press("backspace", "backspace", "3", "tab")
        assert not editor.problems
        editor.query_one("#reps", Input).value = ""
        editor.query_one("#reps", Input).focus()
        await type_text(pilot, "8-12")
        await pilot.pause()
        line = str(editor.query_one("#dose-line").render())
        assert "3 × 8–12 reps" in line
        await pilot.press("ctrl+s")
        assert not isinstance(app.screen, DoseEditor)
        dose = app.session.program.items[0].dose
        assert dose is not None and dose.sets == 3 and dose.reps == (8, 12)
        await pilot.press("ctrl+z")
        assert app.session.program.items[0].dose != dose


async def test_side_cannot_be_set_for_an_exercise_done_with_both_sides() -> None:
    async with running() as (app, pilot):
        await add(pilot, "childs pose")
        await pilot.press("f6", "enter")
        editor = app.screen
        assert isinstance(editor, DoseEditor)
        assert editor.query_one("#side", Select).disabled
        await pilot.press("escape")
        assert app.session.program.items[0].dose == (
            app.library.get("childs-pose").dose if app.library else None
        )


async def test_a_dose_can_be_cleared_and_reset_to_the_default() -> None:
    async with running() as (app, pilot):
        await add(pilot, "childs pose")
        await pilot.press("f6", "enter")
        editor = app.screen
        assert isinstance(editor, DoseEditor)
        editor.load_model(Dose())
        await pilot.pause()
        await pilot.press("ctrl+s")
        assert app.session.program.items[0].dose is None
        await pilot.press("enter", "ctrl+r", "ctrl+s")
        assert app.session.program.items[0].dose == (
            app.library.get("childs-pose").dose if app.library else None
        )


async def test_a_long_program_gets_a_gentle_notice() -> None:
    async with running() as (app, pilot):
        for _ in range(9):
            await add(pilot, "childs pose")
        assert len(app.session.program.items) == 9
        notice = app.main.query_one("#notice")
        assert not notice.display, "one exercise nine times is one exercise to learn"
        for name in ("bridge", "clamshell", "bird dog", "heel raise", "wall sit", "plank"):
            await add(pilot, name)
        assert not notice.display
        for name in ("calf stretch", "side plank", "step ups"):
            await add(pilot, name)
        assert app.session.program.distinct_exercises() == 10
        assert notice.display
        assert "long programs get skipped" in str(notice.render()).lower()


async def test_narrow_screen_switches_between_detail_and_program() -> None:
    async with running(size=NARROW) as (app, pilot):
        assert app.main.narrow
        detail, program = app.main.query_one("#detail"), app.main.query_one("#program")
        assert program.region.width > 0 and detail.region.width == 0
        await pilot.press("f7")
        assert detail.region.width > 0 and program.region.width == 0
        await add(pilot, "childs pose")
        assert program.region.width > 0, "adding shows the program"


async def test_mouse_first_click_chooses_second_click_adds_and_opens_the_dose() -> None:
    async with running() as (app, pilot):
        await search(pilot, "hamstring")
        results = app.main.query_one("#results")
        await pilot.click(results, offset=(4, 1))  # the second result
        await pilot.pause(0.3)
        assert app.session.program.items == ()
        browser = app.main.query_one(LibraryBrowser)
        chosen = browser.highlighted()
        assert chosen is not None and chosen == browser.found[1]
        await pilot.click(results, offset=(4, 1))
        assert [item.exercise for item in app.session.program.items] == [chosen.id]
        await pilot.click("#items", offset=(4, 0))
        await pilot.pause(0.3)
        assert not isinstance(app.screen, DoseEditor), "the first click only chooses"
        await pilot.click("#items", offset=(4, 0))
        await pilot.pause()
        assert isinstance(app.screen, DoseEditor)


async def test_f5_then_typing_replaces_the_last_search() -> None:
    async with running() as (app, pilot):
        await type_text(pilot, "hamstring")
        await pilot.press("f6", "f5")
        await type_text(pilot, "bridge")
        assert app.main.query_one("#search", Input).value == "bridge"


async def test_an_exercise_for_one_limb_asks_which_side() -> None:
    """Pendulum treats one shoulder: no default side is right, so adding it asks; a key answers,
    Cancel adds nothing."""
    async with running() as (app, pilot):
        await add(pilot, "pendulum")
        await until(pilot, lambda: isinstance(app.screen, ChoiceScreen))
        assert "Which side?" in screen_text(app)
        await pilot.press("l")
        await until(pilot, lambda: bool(app.session.program.items))
        [item] = app.session.program.items
        assert item.exercise == "pendulum" and item.dose is not None and item.dose.side == "left"
        await add(pilot, "pendulum")
        await until(pilot, lambda: isinstance(app.screen, ChoiceScreen))
        await pilot.press("escape")
        await pilot.pause(0.1)
        assert len(app.session.program.items) == 1
        await add(pilot, "bridge single leg")
        await pilot.pause(0.1)
        assert not isinstance(app.screen, ChoiceScreen), "a side by default: no question"
        assert app.session.program.items[-1].dose.side == "each"  # type: ignore[union-attr]
