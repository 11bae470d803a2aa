"""After a dialog closes, the keys go somewhere useful: never to nothing at all."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, TextArea
from tui_helpers import add, running, shown_notice, type_text

from tui.screens.exercise import ExerciseForm
from tui.screens.files import ExportScreen


async def test_after_an_export_the_keys_still_work(in_tmp_folder: Path) -> None:
    async with running() as (app, pilot):
        await add(pilot, "childs pose")
        await pilot.press("ctrl+e")
        assert isinstance(app.screen, ExportScreen)
        app.screen.query_one("#path", Input).value = str(in_tmp_folder / "h.pdf")
        await pilot.press("enter")
        await shown_notice(pilot, "Wrote")
        assert app.focused is not None
        await pilot.pause(0.2)
        keys = app.screen.query("FooterKey")
        assert len(keys) > 3, "the footer still shows the main keys"


async def test_a_saved_custom_exercise_is_ready_to_add_with_enter() -> None:
    async with running() as (app, pilot):
        await pilot.press("f3")
        form = app.screen
        assert isinstance(form, ExerciseForm)
        await type_text(pilot, "wall-sit-short")
        form.query_one("#name", Input).value = "Short wall sit"
        form.query_one("#kind").value = "strength"  # type: ignore[attr-defined]
        form.query_one("#regions").select("knee")  # type: ignore[attr-defined]
        form.query_one("#steps", TextArea).text = "Lean on a wall.\nSlide down a little.\n"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.focused is not None and app.focused.id == "search"
        await pilot.press("enter")
        assert [item.exercise for item in app.session.program.items] == ["wall-sit-short"]
