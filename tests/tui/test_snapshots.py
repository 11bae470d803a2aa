"""SVG snapshots of what a therapist sees: the main screen wide (120×40) and narrow (80×24) with
the low back program, the dose editor and the help screen. Update them after a deliberate change
with `pytest tests/tui/test_snapshots.py --snapshot-update` and look at the report."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from tui_helpers import NARROW, TODAY, WIDE, started, until

from library.layers import Folder
from tui.app import HepsterApp

EXAMPLE = Path(__file__).parents[2] / "examples" / "low-back-hips.toml"
# A frozen copy of one library file: the snapshots do not change when the library grows.
LIBRARY = [Folder("bundled", Path(__file__).parent / "library")]


def app_on_example(tmp_path: Path) -> HepsterApp:
    copy = tmp_path / "low-back-hips.toml"
    copy.write_bytes(EXAMPLE.read_bytes())
    return HepsterApp(copy, today=TODAY, autosave=False, folders=LIBRARY)


async def ready_on_program(pilot: Pilot[int]) -> None:
    await started(pilot)
    app = pilot.app
    assert isinstance(app, HepsterApp)
    app.main.action_focus_program()
    await pilot.pause()
    app.clear_notifications()
    await pilot.pause()


async def ready_in_browser(pilot: Pilot[int]) -> None:
    await started(pilot)
    app = pilot.app
    assert isinstance(app, HepsterApp)
    app.clear_notifications()
    await pilot.pause()


def test_main_screen_wide(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(app_on_example(tmp_path), terminal_size=WIDE, run_before=ready_on_program)


def test_main_screen_narrow(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(app_on_example(tmp_path), terminal_size=NARROW, run_before=ready_on_program)


def test_browser_narrow(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(
        app_on_example(tmp_path),
        terminal_size=NARROW,
        press=["h", "a", "m", "s", "t"],
        run_before=ready_in_browser,
    )


def test_dose_editor(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    async def open_editor(pilot: Pilot[int]) -> None:
        await ready_on_program(pilot)
        await pilot.press("enter")
        await until(pilot, lambda: pilot.app.focused is not None and pilot.app.focused.id == "sets")
        await pilot.pause(0.1)

    assert snap_compare(app_on_example(tmp_path), terminal_size=NARROW, run_before=open_editor)


def test_help_screen(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    async def open_help(pilot: Pilot[int]) -> None:
        await ready_in_browser(pilot)
        await pilot.press("f1")
        await until(
            pilot, lambda: pilot.app.focused is not None and pilot.app.focused.id == "help-body"
        )
        await pilot.pause(0.1)

    assert snap_compare(app_on_example(tmp_path), terminal_size=NARROW, run_before=open_help)


def test_exercise_pane_narrow(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """At 80x24 the right-hand pane shows the exercise, its figure above the steps."""

    async def show_exercise(pilot: Pilot[int]) -> None:
        await ready_in_browser(pilot)
        await pilot.press("f7")
        await until(pilot, lambda: "-show-detail" in pilot.app.screen.query_one("#panes").classes)
        await pilot.pause(0.2)

    assert snap_compare(
        app_on_example(tmp_path),
        terminal_size=NARROW,
        press=["s", "t", "r", "a", "p"],
        run_before=show_exercise,
    )


def test_picture_large_narrow(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """F10 shows the highlighted exercise's figure as large as an 80x24 terminal allows."""

    async def open_picture(pilot: Pilot[int]) -> None:
        await ready_in_browser(pilot)
        await pilot.press("f10")
        await until(pilot, lambda: bool(pilot.app.screen.query("#picture-cells")))
        await pilot.pause(0.2)

    assert snap_compare(app_on_example(tmp_path), terminal_size=NARROW, run_before=open_picture)
