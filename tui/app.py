"""The hepster app: start-up and wiring.

The program being edited is a `Session` (library/session.py); every change goes through
`edit` (or the session, then `changed`), which redraws the panes and autosaves. The main screen
(tui/screens/main.py) holds the commands about what it shows; the longer conversations, files,
export, custom exercises, recovery, are in tui/flows/. Forms, file dialogs and the PDF export are
imported when first used, so the app is on screen as fast as a bare Textual app; the library is
read meanwhile (tui/loading.py).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import gc
from collections.abc import Coroutine, Iterable, Sequence
from concurrent.futures import Future
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import on, work
from textual.app import App, SystemCommand
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.worker import WorkerState

from library.errors import EditError, HepsterError
from library.safe_text import shown
from library.session import Session
from tui.commands import COMMANDS
from tui.flows import exercises, export, files, info, startup
from tui.loading import Loaded, start_loading, without_library
from tui.messages import MainScreenMounted
from tui.providers import ExerciseProvider, registry_commands
from tui.screens.main import MainScreen
from tui.widgets.browser import LibraryBrowser

if TYPE_CHECKING:
    from library.editing import Edit
    from library.layers import Folder, Library
    from library.search import SearchIndex


class HepsterApp(App[int]):
    TITLE = "hepster"
    COMMANDS = App.COMMANDS | {ExerciseProvider}
    NOTIFICATION_TIMEOUT = 6

    def __init__(
        self,
        program_path: Path | None = None,
        *,
        exit_when_ready: bool = False,
        today: dt.date | None = None,
        autosave: bool = True,
        folders: Sequence[Folder] | None = None,
    ) -> None:
        """`folders`: the library folders to read instead of the usual layers (for tests)."""
        super().__init__()
        self.program_path = program_path
        self.exit_when_ready = exit_when_ready
        self.autosave_enabled = autosave
        self.folders = folders
        self.session = Session(today=today)
        self.library: Library | None = None
        self.index: SearchIndex | None = None
        self.keymap: dict[str, str] = {}
        self.loading: Future[Loaded] | None = None
        self.ready = False
        self.main = MainScreen()
        self.painted = False
        self.bindings_state: tuple[bool, ...] = ()

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Notifications quote files: plain text, never markup ("Hip [/] stretch" would crash
        the app) and never a control character the terminal would act on."""
        message, title = shown(message, lines=True), shown(title)
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    # Start-up.

    def on_load(self) -> None:
        """Before the first screen: start reading the library, and take the therapist's keys."""
        from tui.keymap import read_keymap

        self.loading = start_loading(self.program_path, self.autosave_enabled, self.folders)
        # What exists now (modules, and the library when read from the cache) lives as long as
        # the app: out of the collector's sight, it is not walked during the session and at exit.
        # (The few cycles of garbage left so far, with the collector off, are kept with it.)
        gc.freeze()
        self.keymap, problem = read_keymap()
        if problem is not None:
            self.notify(problem, title="Your keymap was not used", severity="warning", timeout=12)
        self.set_keymap(self.keymap)

    def get_default_screen(self) -> Screen[Any]:
        return self.main

    @on(MainScreenMounted)
    def main_screen_mounted(self) -> None:
        """The main screen's widgets exist: fill them now if the library is read (the cached
        case), so the first paint already shows it; otherwise as soon as it is."""
        assert self.loading is not None
        if self.loading.done() and self.loading.exception() is None:
            self.loaded(self.loading.result())
        else:
            self.wait_for_loading()

    def on_ready(self) -> None:
        self.painted = True
        gc.enable()  # `hepster` turned it off while starting (tui/cli.py, run_app)
        if self.exit_when_ready and self.ready:
            self.exit(0)

    @work(exit_on_error=False)
    async def wait_for_loading(self) -> None:
        assert self.loading is not None
        try:
            loaded = await asyncio.wrap_future(self.loading)
        except (HepsterError, OSError) as error:  # an unreadable folder must not stop the app
            self.notify(f"Could not read the library: {error}", severity="error", timeout=20)
            loaded = without_library(self.program_path)
        self.loaded(loaded)

    def loaded(self, loaded: Loaded) -> None:
        startup.arrived(self, loaded)

    def use_library(
        self, library: Library, index: SearchIndex | None = None, *, show: str | None = None
    ) -> None:
        """Browse `library` from now on (with the cursor on exercise `show`)."""
        if index is None:
            from library.search import SearchIndex

            index = SearchIndex(library.exercises.values())
        self.library, self.index = library, index
        (browser := self.main.query_one(LibraryBrowser)).load_library(index)
        if show is not None:
            browser.show(show)

    # The program: every change goes through `edit`, or the session and then `changed`.

    def edit(self, edit: Edit) -> bool:
        if not self.ready:  # the program named on the command line is not open yet
            self.notify("Opening the program once the library is read…", timeout=3)
            return False
        try:
            self.session.edit(edit)
        except EditError as error:
            self.notify(str(error), severity="error")
            return False
        self.changed()
        return True

    def changed(self) -> None:
        """Show the program as it is now, and keep it safe."""
        session = self.session
        self.main.show_program(session.program, session.focus)
        self.sub_title = shown(f"{session.name} · modified" if session.dirty else session.name)
        state = (session.history.can_undo, session.history.can_redo, bool(session.program.items))
        if state != self.bindings_state:
            # Undo, redo or the item commands came or went: the footer shows them.
            self.bindings_state = state
            self.refresh_bindings()
        warning = session.keep_safe()
        if warning is not None:
            self.notify(warning, severity="warning")

    # Commands on the app; the rest are on the main screen.

    def dialog(self, flow: Coroutine[Any, Any, object]) -> None:
        """Run a conversation of dialogs; while it runs, the main screen's keys wait."""
        self.run_worker(flow, group="dialog")

    @property
    def dialog_busy(self) -> bool:
        """A dialog is being opened or is open. Keys typed in the same burst as the key that
        opens it reach the main screen before the dialog does: they must not act there."""
        return any(
            worker.group == "dialog" and worker.state in (WorkerState.PENDING, WorkerState.RUNNING)
            for worker in self.workers
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in APP_ACTIONS and action != "quit" and self.dialog_busy:
            return False
        if action == "clone_exercise":
            return self.ready and self.main.highlighted_exercise() is not None
        return True

    def action_save(self) -> None:
        self.dialog(files.save(self, ask=self.session.path is None))

    def action_save_as(self) -> None:
        self.dialog(files.save(self, ask=True))

    def action_new_program(self) -> None:
        self.dialog(files.new_program(self))

    def action_open_program(self) -> None:
        self.dialog(files.open_program(self))

    def action_export_pdf(self) -> None:
        self.dialog(export.export_pdf(self))

    def action_program_info(self) -> None:
        self.dialog(info.program_info(self))

    def action_edit_settings(self) -> None:
        self.dialog(info.edit_settings(self))

    def action_new_exercise(self) -> None:
        self.dialog(exercises.edit_exercise(self, None))

    def action_clone_exercise(self) -> None:
        self.dialog(exercises.clone_exercise(self))

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.keymap))

    async def action_quit(self) -> None:
        self.dialog(files.quit_after_asking(self))

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        if isinstance(screen, MainScreen):
            yield from registry_commands(self)


APP_ACTIONS = {command.action for command in COMMANDS if command.on == "app"}
