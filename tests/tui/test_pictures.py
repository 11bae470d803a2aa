"""The exercise's figure in the app: in the exercise pane, and large on F10."""

from __future__ import annotations

from textual.widgets import Static
from tui_helpers import NARROW, running, search, until

from tui.screens.picture import PictureScreen
from tui.widgets.detail import ExerciseDetail


def braille(text: str) -> int:
    return sum(1 for char in text if 0x2800 < ord(char) <= 0x28FF)


def pane_text(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.main.query_one("#detail-text", Static).render())


async def test_the_pane_draws_the_highlighted_exercise() -> None:
    async with running() as (app, pilot):
        await search(pilot, "bridge")
        detail = app.main.query_one(ExerciseDetail)
        # The pane follows the search once the typing pauses.
        await until(pilot, lambda: detail.exercise is not None and detail.exercise.name == "Bridge")
        await until(pilot, lambda: detail.drawing)
        await pilot.pause(0.1)
        lines = app.main.query_one("#detail-text", Static).render_lines(
            app.main.query_one("#detail-text", Static).region.reset_offset
        )
        shown = "".join(segment.text for line in lines for segment in line)
        assert "Bridge" in shown
        assert braille(shown) > 40
        assert "No picture" not in shown


async def test_f10_shows_the_picture_large_at_80x24_and_closes() -> None:
    async with running(size=NARROW) as (app, pilot):
        await search(pilot, "clamshell")
        await pilot.press("f10")
        await until(pilot, lambda: isinstance(app.screen, PictureScreen))
        screen = app.screen
        assert isinstance(screen, PictureScreen)
        assert screen.exercise.id.startswith("clamshell")
        cells = screen.query_one("#picture-cells", Static)
        await pilot.pause(0.1)
        shown = "".join(
            segment.text
            for line in cells.render_lines(cells.region.reset_offset)
            for segment in line
        )
        assert braille(shown) > 100
        await pilot.press("escape")
        await until(pilot, lambda: not isinstance(app.screen, PictureScreen))


async def test_the_picture_arriving_mid_typing_does_not_lose_the_match() -> None:
    """The pane starts drawing pictures a moment after start-up; if that moment falls while
    the therapist types, the pane still follows the search."""
    async with running() as (app, pilot):
        detail = app.main.query_one(ExerciseDetail)
        bridge = next(e for e in app.index.exercises if e.name == "Bridge")  # type: ignore[union-attr]
        detail.show(bridge, [], soon=True)  # a keystroke's best match, shown when typing pauses
        detail.start_drawing()  # the first picture's moment, in between
        await until(pilot, lambda: detail.exercise is bridge)
        assert detail.drawing
