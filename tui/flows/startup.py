"""Start-up once the library is read: fill the screen, open the program named on the command
line, offer what a crash left behind; and, for a large clinic library that follows in a thread,
show how far it is and take it in when it is there (tui/loading.py)."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from typing import TYPE_CHECKING

from library.errors import HepsterError
from tui.flows import files, recovery
from tui.loading import Loaded, read_program
from tui.problem_lines import problems_text
from tui.widgets.browser import LibraryBrowser

if TYPE_CHECKING:
    from tui.app import HepsterApp

# How often the count above the list says how far the clinic library is.
PROGRESS_EVERY_S = 0.2


def arrived(app: HepsterApp, loaded: Loaded) -> None:
    """The library (or its first part) is read: the app is ready to use."""
    app.session.settings = loaded.settings
    app.use_library(loaded.library, loaded.index)
    tell_problems(app, loaded)
    if loaded.more is not None:
        app.run_worker(rest_of_library(app, loaded), group="library", exit_on_error=False)
        if waits_for_library(app, loaded):
            return  # opened when the whole library is there (rest_of_library)
    begin(app, loaded)


def begin(app: HepsterApp, loaded: Loaded) -> None:
    files.start_with(app, app.program_path, loaded)
    app.ready = True
    app.session.autosave = app.autosave_enabled
    app.changed()
    if loaded.autosaves and not app.exit_when_ready:
        app.dialog(recovery.offer_recovery(app, loaded.autosaves[0]))
    if app.exit_when_ready and app.painted:
        app.call_after_refresh(app.exit, 0)


def waits_for_library(app: HepsterApp, loaded: Loaded) -> bool:
    """A program that names an exercise of the clinic library it does not define itself (a
    hand-written one) opens only when that library is read: not as a blank program that its
    contents would then replace."""
    return app.program_path is not None and loaded.program is None and bool(loaded.program_problems)


def tell_problems(app: HepsterApp, loaded: Loaded, said: frozenset[str] = frozenset()) -> None:
    for title, problems in loaded.problems():
        new = [problem for problem in problems if str(problem) not in said]
        if new:
            app.notify(problems_text(new), title=title, severity="warning", timeout=12)


async def rest_of_library(app: HepsterApp, first: Loaded) -> None:
    """Say how far the clinic library is, then browse the whole library."""
    assert first.more is not None and first.progress is not None
    browser = app.main.query_one(LibraryBrowser)
    progress = first.progress
    timer = app.set_interval(PROGRESS_EVERY_S, lambda: browser.show_progress(progress.text()))
    browser.show_progress(progress.text())
    waiting = waits_for_library(app, first)
    while not app.painted:  # the first screen first: the thread would slow it down
        await asyncio.sleep(0.01)
    progress.go.set()
    try:
        library, index = await asyncio.wrap_future(first.more)
    except (HepsterError, OSError) as error:
        app.notify(f"Could not read the clinic library: {error}", severity="error", timeout=20)
        if waiting:
            begin(app, first)
        return
    finally:
        timer.stop()
        browser.show_progress("")
    import gc

    gc.freeze()  # as at start-up: lives as long as the app, out of the collector's sight
    highlighted = browser.highlighted()
    app.use_library(library, index, show=highlighted.id if highlighted else None)
    whole = replace(first, library=library, index=index, more=None, settings_problems=[])
    tell_problems(app, whole, said=frozenset(str(p) for p in first.library.problems))
    if waiting:
        program, problems = read_program(app.program_path, library.get, library.exercises)
        begin(app, replace(whole, program=program, program_problems=problems))
