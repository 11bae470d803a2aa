"""The hepster app: it holds the program being edited and runs the commands of `tui.commands`.

The truth is the `History` (library/editing.py): every edit goes through `self.edit`, which
records it for undo, redraws the panes and autosaves. Screens and widgets only show things and
say what was asked for. Forms, file dialogs and the PDF export are imported when first used, so
the app is on screen as fast as a bare Textual app; the library loads in a thread meanwhile.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import gc
import threading
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import on, work
from textual.app import App, SystemCommand
from textual.css.query import NoMatches
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.widgets import Input
from textual.worker import WorkerState

from library.editing import (
    AddItem,
    DuplicateItem,
    Edit,
    EditError,
    History,
    MoveItem,
    RemoveItem,
    SetDose,
    SetInfo,
    SetNotes,
    SetSection,
    UpdateDefinition,
)
from library.model import Exercise, Program
from library.new_program import NEW_TITLE, blank_program, from_template
from library.problems import InvalidFile, Problem
from tui.commands import COMMANDS, key_text
from tui.messages import AddRequested, DoseRequested, ExerciseHighlighted, MainScreenMounted
from tui.providers import ExerciseProvider
from tui.screens.main import MainScreen
from tui.widgets.browser import LibraryBrowser
from tui.widgets.detail import ExerciseDetail
from tui.widgets.program import LONG_PROGRAM, ProgramList, ProgramPane

if TYPE_CHECKING:
    from library.autosave import Autosave
    from library.layers import Folder, Library
    from library.search import SearchIndex
    from library.settings import Settings
    from tui.screens.files import ExportChoice

# How many problems one notification lists; the rest are counted.
SHOWN_PROBLEMS = 6


def problems_text(problems: list[Problem], *, name_file: bool = True) -> str:
    lines = [
        str(problem) if name_file else problem.within_file()
        for problem in problems[:SHOWN_PROBLEMS]
    ]
    if len(problems) > SHOWN_PROBLEMS:
        lines.append(f"… and {len(problems) - SHOWN_PROBLEMS} more")
    return "\n".join(lines)


@dataclass(frozen=True)
class Loaded:
    """What the start-up thread found: the library, settings, a program, leftover autosaves."""

    library: Library
    index: SearchIndex
    settings: Settings
    settings_problems: list[Problem]
    program: Program | None
    program_problems: list[Problem]
    autosaves: list[Autosave]


def read_everything(
    program_path: Path | None,
    autosave: bool,
    folders: Sequence[Folder] | None = None,
    *,
    cache_only: bool = False,
) -> Loaded | None:
    """The library, the settings, the program named on the command line, leftover autosaves.

    With `cache_only`, None unless the library's cache is up to date (the fast path).
    """
    from library.library_cache import cached_library, from_cache
    from library.settings import load_settings

    found = from_cache(folders) if cache_only else cached_library(folders)
    if found is None:
        return None
    library, index = found
    settings, settings_problems = load_settings()
    program, program_problems = read_program(program_path, library.get, library.exercises)
    autosaves = []
    if autosave:
        from library.autosave import left_behind

        autosaves = left_behind()
    return Loaded(library, index, settings, settings_problems, program, program_problems, autosaves)


def read_program(
    path: Path | None,
    lookup: Callable[[str], Exercise | None],
    known_ids: Iterable[str] = (),
) -> tuple[Program | None, list[Problem]]:
    """The program named on the command line, or its problems; (None, []) for a new file."""
    if path is None or not path.exists():
        return None, []
    from library.program_files import load_program

    try:
        return load_program(path, lookup, known_ids=lambda: known_ids), []
    except InvalidFile as error:
        return None, error.problems


def start_loading(
    program_path: Path | None, autosave: bool, folders: Sequence[Folder] | None
) -> Future[Loaded]:
    """Read everything now if the library's cache is fresh (a few milliseconds, and faster than
    any thread while Textual holds the interpreter), in a thread otherwise."""
    future: Future[Loaded] = Future()

    def load() -> None:
        try:
            loaded = read_everything(program_path, autosave, folders)
            assert loaded is not None
            future.set_result(loaded)
        except BaseException as error:
            future.set_exception(error)

    try:
        quick = read_everything(program_path, autosave, folders, cache_only=True)
    except Exception:
        quick = None
    if quick is not None:
        future.set_result(quick)
    else:
        threading.Thread(target=load, name="hepster-load", daemon=True).start()
    return future


class HepsterApp(App[int]):
    CSS_PATH = "app.tcss"
    TITLE = "hepster"
    COMMANDS = App.COMMANDS | {ExerciseProvider}
    NOTIFICATION_TIMEOUT = 6

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Notifications quote files and what was typed in them: always plain text, never
        markup, or a name like "Hip [/] stretch" in a colleague's file would crash the app."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

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
        self.loading = start_loading(program_path, autosave, folders)
        # What exists now (modules, the library, its index) lives as long as the app: taking it
        # out of the collector's sight saves its walks during the session and at exit.
        gc.freeze()
        super().__init__()
        self.program_path = program_path
        self.exit_when_ready = exit_when_ready
        self.today = today
        self.autosave_enabled = autosave
        self.library: Library | None = None
        self.index: SearchIndex | None = None
        self.settings: Settings | None = None
        self.history = History(Program(title=NEW_TITLE))
        self.saved = self.history.present  # the program as last saved or opened
        self.path: Path | None = None
        self.ready = False
        self.autosave_failed = False
        self.main = MainScreen()
        self.shown_count = 0
        self.painted = False
        self.bindings_state: tuple[bool, ...] = ()

    # Start-up.

    def get_default_screen(self) -> Screen[Any]:
        return self.main

    @on(MainScreenMounted)
    def main_screen_mounted(self) -> None:
        """The main screen's widgets exist: fill them now if the library is read (the cached
        case), so the first paint already shows it; otherwise as soon as it is."""
        if self.loading.done() and self.loading.exception() is None:
            self.loaded(self.loading.result())
        else:
            self.wait_for_loading()

    def on_ready(self) -> None:
        self.painted = True
        if self.exit_when_ready and self.ready:
            self.exit(0)

    @work(exit_on_error=False)
    async def wait_for_loading(self) -> None:
        try:
            loaded = await asyncio.wrap_future(self.loading)
        except Exception as error:  # an unreadable folder must not stop the app
            from library.layers import Library
            from library.search import SearchIndex
            from library.settings import Settings

            self.notify(f"Could not read the library: {error}", severity="error", timeout=20)
            # The program named on the command line is still opened (from its own definitions):
            # treating an existing file as new would let Ctrl+S overwrite it with a blank one.
            program, problems = read_program(self.program_path, lambda _: None)
            loaded = Loaded(Library(), SearchIndex([]), Settings(), [], program, problems, [])
        self.loaded(loaded)

    def loaded(self, loaded: Loaded) -> None:
        self.library, self.index, self.settings = loaded.library, loaded.index, loaded.settings
        self.main.query_one(LibraryBrowser).load_library(loaded.index)
        if loaded.library.problems:
            self.notify(
                problems_text(loaded.library.problems),
                title="Some library files have problems and were skipped",
                severity="warning",
                timeout=12,
            )
        if loaded.settings_problems:
            self.notify(
                problems_text(loaded.settings_problems),
                title="Settings file has problems; defaults used",
                severity="warning",
            )
        if self.program_path is not None:
            self.start_with_file(self.program_path, loaded)
        else:
            self.replace_program(self.blank_program(), None)
        self.ready = True
        if loaded.autosaves and not self.exit_when_ready:
            self.offer_recovery(loaded.autosaves[0])
        if self.exit_when_ready and self.painted:
            self.call_after_refresh(self.exit, 0)

    def show_file_problems(self, path: Path, problems: list[Problem]) -> None:
        """What is wrong with a file that would not open, in a box that stays until read (a
        notification would be gone before the therapist has found the line in their editor)."""
        from tui.screens.dialogs import Choice, ChoiceScreen

        said = problems_text(problems, name_file=False)
        said += f"\n\nFix it in a text editor; `hepster validate {path.name}` checks it again."
        self.push_screen(
            ChoiceScreen(f"Could not open {path.name}", said, [Choice("ok", "OK", "primary")])
        )

    def start_with_file(self, path: Path, loaded: Loaded) -> None:
        if loaded.program is not None:
            self.replace_program(loaded.program, path)
            self.remember(path)
        elif loaded.program_problems:
            self.replace_program(self.blank_program(), None)
            self.show_file_problems(path, loaded.program_problems)
        else:
            # `hepster NEW.toml`: the file is created on the first save.
            self.replace_program(self.blank_program(), path)
            self.notify(f"{path.name} will be created when you save (Ctrl+S)", timeout=4)

    # The program: every change goes through `edit` or `replace_program`.

    @property
    def program(self) -> Program:
        return self.history.present

    @property
    def dirty(self) -> bool:
        return self.program != self.saved

    def edit(self, edit: Edit) -> bool:
        try:
            self.history = self.history.do(edit)
        except EditError as error:
            self.notify(str(error), severity="error")
            return False
        self.changed()
        return True

    def set_history(self, history: History) -> None:
        self.history = history
        self.changed()

    def replace_program(
        self, program: Program, path: Path | None, *, saved: Program | None = None
    ) -> None:
        """Start editing another program: a fresh history; `saved` is what its file holds."""
        self.history = History(program)
        self.saved = program if saved is None else saved
        self.path = path
        self.changed()

    def changed(self) -> None:
        before = self.shown_count
        self.show_program()
        count = self.program.distinct_exercises()
        if count > LONG_PROGRAM >= before:
            self.notify(
                f"{count} exercises. Long programs are the ones patients skip: "
                "could some wait for the next visit?",
                title="A long program",
                timeout=8,
            )
        self.shown_count = count
        state = (self.history.can_undo, self.history.can_redo, bool(count))
        if state != self.bindings_state:
            # Undo, redo or the item commands came or went: the footer shows them.
            self.bindings_state = state
            self.refresh_bindings()
        self.autosave()

    def show_program(self) -> None:
        if not self.main.is_mounted:
            return
        self.main.query_one(ProgramPane).show(self.program, self.history.focus)
        self.main.query_one(LibraryBrowser).mark_in_program(
            {i.exercise for i in self.program.items}
        )
        name = self.path.name if self.path else "not saved yet"
        self.sub_title = f"{name} · modified" if self.dirty else name

    def blank_program(self) -> Program:
        """A new program with today's date and the therapist's defaults from the settings."""
        return blank_program(self.settings, self.today or dt.date.today())

    def with_defaults(self, program: Program) -> Program:
        """A template made ready for a patient: today's date, the therapist's own details."""
        return from_template(program, self.settings, self.today or dt.date.today())

    # Autosave and recovery.

    def autosave(self) -> None:
        if not self.autosave_enabled or not self.ready:
            return
        from library.autosave import clear_autosave, write_autosave

        try:
            if self.dirty:
                write_autosave(self.program, self.path)
            else:
                clear_autosave()
        except OSError as error:
            if not self.autosave_failed:
                self.autosave_failed = True
                self.notify(f"Autosave is not working: {error}", severity="warning")

    @work(group="dialog")
    async def offer_recovery(self, autosave: Autosave) -> None:
        from tui.screens.dialogs import Choice, ChoiceScreen

        where = str(autosave.original) if autosave.original else "a program not saved yet"
        when = autosave.saved.replace("T", " at ") or "earlier"
        question = (
            f"hepster did not close cleanly. Unsaved work on {where} was kept ({when}).\n"
            "Recover it?"
        )
        choices = [Choice("recover", "Recover", "primary"), Choice("discard", "Discard", "error")]
        answer = await self.push_screen_wait(
            ChoiceScreen("Recover unsaved work?", question, choices)
        )
        if answer == "recover":
            assert self.library is not None
            try:
                program = autosave.load(self.library.get)
            except InvalidFile as error:
                self.notify(
                    problems_text(error.problems), title="The autosave is damaged", severity="error"
                )
                return
            saved = Program()
            if autosave.original is not None and autosave.original.exists():
                from library.program_files import load_program

                with contextlib.suppress(InvalidFile):
                    saved = load_program(autosave.original, self.library.get)
            self.replace_program(program, autosave.original, saved=saved)
            self.notify("Recovered. Save it (Ctrl+S) to keep it.", timeout=5)
        if answer in ("recover", "discard"):
            from library.autosave import clear_autosave

            clear_autosave(autosave.file)

    # Messages from the widgets.

    @on(ExerciseHighlighted)
    def exercise_highlighted(self, message: ExerciseHighlighted) -> None:
        overridden = []
        if message.exercise is not None and self.library is not None:
            overridden = self.library.overridden.get(message.exercise.id, [])
        with contextlib.suppress(NoMatches):  # the screen may be closing
            self.main.query_one(ExerciseDetail).show(message.exercise, overridden)

    @on(AddRequested)
    def add_requested(self, message: AddRequested) -> None:
        self.add(message.exercise)

    @on(DoseRequested)
    def dose_requested(self, message: DoseRequested) -> None:
        self.open_dose_editor(message.index)

    # Helpers for actions.

    def highlighted_exercise(self) -> Exercise | None:
        return self.main.query_one(LibraryBrowser).highlighted()

    def highlighted_item(self) -> int | None:
        return self.main.query_one(ProgramList).highlighted_item()

    def add(self, exercise: Exercise) -> None:
        # No toast: the tick in the list and the program pane already show it.
        if self.edit(AddItem(exercise)):
            self.main.show_pane("program")
            # The query stays (for ↓ Enter to add a neighbour) but the next letters replace it.
            search = self.main.query_one("#search", Input)
            if search.has_focus:
                search.select_all()

    @property
    def dialog_busy(self) -> bool:
        """A dialog is being opened or is open. Keys typed in the same burst as the key that
        opens it reach the main screen before the dialog does: they must not act there."""
        return any(
            worker.group == "dialog" and worker.state in (WorkerState.PENDING, WorkerState.RUNNING)
            for worker in self.workers
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Commands that cannot run now are greyed out in the footer and left out of the palette."""
        if action in MAIN_ACTIONS and self.dialog_busy:
            return False
        if action in ITEM_ACTIONS:
            return self.highlighted_item() is not None
        if action == "undo":
            return self.history.can_undo
        if action == "redo":
            return self.history.can_redo
        if action == "focus_program":
            # Not offered where it would do nothing: in the program list itself.
            return not isinstance(self.main.focused, ProgramList)
        if action in ("add_exercise", "clone_exercise"):
            return self.ready and self.highlighted_exercise() is not None
        return True

    # Actions on the program list.

    def action_add_exercise(self) -> None:
        exercise = self.highlighted_exercise()
        if exercise is not None:
            self.add(exercise)

    def action_remove_item(self) -> None:
        index = self.highlighted_item()
        if index is None:
            return
        name = self.item_name(index)
        if self.edit(RemoveItem(index)):
            self.notify(f"Removed {name}. Ctrl+Z puts it back.", timeout=3)

    def action_move_up(self) -> None:
        index = self.highlighted_item()
        if index is not None:
            self.edit(MoveItem(index, -1))

    def action_move_down(self) -> None:
        index = self.highlighted_item()
        if index is not None:
            self.edit(MoveItem(index, 1))

    def action_duplicate_item(self) -> None:
        index = self.highlighted_item()
        if index is not None:
            self.edit(DuplicateItem(index))

    def item_name(self, index: int) -> str:
        item = self.program.items[index]
        exercise = self.program.exercise(item.exercise)
        return exercise.name if exercise else item.exercise

    @work(group="dialog")
    async def action_set_section(self) -> None:
        from tui.screens.dialogs import AskText

        index = self.highlighted_item()
        if index is None:
            return
        item = self.program.items[index]
        sections = list(dict.fromkeys(i.section for i in self.program.items if i.section))
        hint = "Heading for this item, e.g. Stretches. Empty for none."
        if sections:
            hint += " In use: " + ", ".join(sections)
        answer = await self.push_screen_wait(
            AskText(
                f"Section for {self.item_name(index)}",
                hint,
                item.section or "",
                max_length=80,
                suggestions=sections,
            )
        )
        if answer is not None:
            self.edit(SetSection(index, answer))

    @work(group="dialog")
    async def action_edit_notes(self) -> None:
        from tui.screens.forms import NotesForm

        index = self.highlighted_item()
        if index is None:
            return
        item = self.program.items[index]
        answer = await self.push_screen_wait(NotesForm(self.item_name(index), item))
        if answer is not None:
            self.edit(SetNotes(index, answer[0], answer[1]))

    def action_edit_dose(self) -> None:
        index = self.highlighted_item()
        if index is not None:
            self.open_dose_editor(index)

    @work(group="dialog")
    async def open_dose_editor(self, index: int) -> None:
        from tui.screens.dose import DoseEditor

        if not 0 <= index < len(self.program.items):
            return
        item = self.program.items[index]
        exercise = self.program.exercise(item.exercise)
        name = self.item_name(index)
        sided = exercise.sided if exercise else None
        default = exercise.dose if exercise else None
        editor = DoseEditor(name, item.dose, sided=sided, default=default)
        result = await self.push_screen_wait(editor)
        if result is not None:
            self.edit(SetDose(index, result.dose))

    def action_undo(self) -> None:
        label = self.history.undo_label()
        if label is None:
            self.notify("Nothing to undo", timeout=2)
            return
        self.set_history(self.history.undo())
        self.notify(f"Undid {label}", timeout=2)

    def action_redo(self) -> None:
        label = self.history.redo_label()
        if label is None:
            self.notify("Nothing to redo", timeout=2)
            return
        self.set_history(self.history.redo())
        self.notify(f"Redid {label}", timeout=2)

    # Moving around.

    # Focus moves at once (`set_focus`), not after the queued keys (`focus()`): over SSH the
    # next keys arrive in the same burst, and must not land in the list the cursor just left.

    def action_focus_search(self) -> None:
        search = self.main.query_one("#search", Input)
        self.main.set_focus(search)
        # Typing replaces the last search rather than adding to it; an arrow key keeps it.
        search.select_all()

    def action_focus_program(self) -> None:
        screen = self.main
        screen.show_pane("program")
        screen.set_focus(screen.query_one(ProgramList))

    def action_show_pane(self, pane: str) -> None:
        self.main.show_pane(pane)

    def action_toggle_detail(self) -> None:
        screen = self.main
        if screen.narrow:
            showing_detail = screen.query_one("#panes").has_class("-show-detail")
            screen.show_pane("program" if showing_detail else "detail")
        else:
            screen.set_focus(screen.query_one(ExerciseDetail))

    def action_set_filters(self) -> None:
        from tui.screens.filters import FilterScreen

        browser = self.main.query_one(LibraryBrowser)
        if not isinstance(self.screen, FilterScreen):
            screen = FilterScreen(browser.filters(), browser.equipment_words(), browser.set_filters)
            self.push_screen(screen)

    def action_clear_search(self) -> None:
        self.main.query_one(LibraryBrowser).clear_search()

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    # Program info and settings.

    @work(group="dialog")
    async def action_program_info(self) -> None:
        from tui.screens.forms import InfoForm

        info = await self.push_screen_wait(InfoForm(self.program, self.settings))
        if info is not None:
            self.edit(SetInfo(info))

    @work(group="dialog")
    async def action_edit_settings(self) -> None:
        from library.settings import Settings, save_settings
        from tui.screens.forms import SettingsForm

        settings = await self.push_screen_wait(SettingsForm(self.settings or Settings()))
        if settings is None:
            return
        try:
            path = save_settings(settings)
        except OSError as error:
            self.notify(f"Could not save the settings: {error}", severity="error")
            return
        self.settings = settings
        self.notify(f"Settings saved to {path}", timeout=4)

    # Files.

    async def save_first_if_wanted(self, doing: str) -> bool:
        """The unsaved-changes guard: True when it is fine to go on and drop the program."""
        if not self.dirty:
            return True
        from tui.screens.dialogs import Choice, ChoiceScreen

        name = self.path.name if self.path else "this program"
        choices = [
            Choice("save", "Save", "primary"),
            Choice("discard", "Don't save", "error"),
            Choice("cancel", "Cancel", "default"),
        ]
        answer = await self.push_screen_wait(
            ChoiceScreen("Unsaved changes", f"Save the changes to {name} before {doing}?", choices)
        )
        if answer == "save":
            return await self.save_program(ask=self.path is None)
        return answer == "discard"

    async def save_program(self, *, ask: bool) -> bool:
        """Save to the program's file (asking for one if `ask`); True when it was saved."""
        path = self.path
        if ask or path is None:
            from tui.screens.files import SaveAsScreen

            path = await self.push_screen_wait(SaveAsScreen(self.suggested_path(".toml")))
            if path is None:
                return False
        from library.program_files import save_program

        try:
            save_program(self.program, path)
        except OSError as error:
            self.notify(
                f"Could not save {path}: {error.strerror or error}", severity="error", timeout=10
            )
            return False
        self.saved = self.program
        self.path = path
        self.remember(path)
        self.changed()
        self.notify(f"Saved {path}", timeout=3)
        return True

    def suggested_path(self, suffix: str) -> Path:
        if self.path is not None:
            return self.path.with_suffix(suffix)
        from tui.screens.files import file_name

        return Path.cwd() / (file_name(self.program) + suffix)

    def remember(self, path: Path) -> None:
        from library.recent import remember

        remember(path)

    @work(group="dialog")
    async def action_save(self) -> None:
        await self.save_program(ask=self.path is None)

    @work(group="dialog")
    async def action_save_as(self) -> None:
        await self.save_program(ask=True)

    @work(group="dialog")
    async def action_new_program(self) -> None:
        from tui.screens.files import NewProgramScreen

        if not await self.save_first_if_wanted("starting a new program"):
            return
        templates = self.library.templates if self.library else {}
        choice = await self.push_screen_wait(NewProgramScreen(templates))
        if choice is None:
            return
        if choice == "":
            self.replace_program(self.blank_program(), None)
            self.notify("New blank program", timeout=2)
            return
        assert self.library is not None
        template = self.library.templates[choice]
        from library.program_files import load_program

        try:
            program = load_program(template.path, self.library.get)
        except InvalidFile as error:
            self.notify(
                problems_text(error.problems),
                title="That template has problems",
                severity="error",
                timeout=12,
            )
            return
        program = self.with_defaults(program)
        # Untouched, it is nothing to lose: no "save changes?" until the therapist changes it.
        self.replace_program(program, None)
        self.notify(f"New program from the template “{template.title or choice}”", timeout=3)

    @work(group="dialog")
    async def action_open_program(self) -> None:
        from tui.screens.files import OpenScreen

        if not await self.save_first_if_wanted("opening another"):
            return
        path = await self.push_screen_wait(OpenScreen(self.path.parent if self.path else None))
        if path is not None:
            self.open_file(path)

    def open_file(self, path: Path) -> bool:
        from library.program_files import load_program

        lookup = self.library.get if self.library else (lambda _: None)
        known = self.library.exercises if self.library else {}
        try:
            program = load_program(path, lookup, known_ids=lambda: known)
        except InvalidFile as error:
            self.show_file_problems(path, error.problems)
            return False
        self.replace_program(program, path)
        self.remember(path)
        self.notify(f"Opened {path}", timeout=3)
        return True

    @work(group="dialog")
    async def action_export_pdf(self) -> None:
        from tui.screens.files import ExportScreen

        if not self.program.items:
            self.notify("Add an exercise first: the handout would be empty.", severity="warning")
            return
        settings = self.settings
        paper = settings.paper if settings else "letter"
        large = settings.large_print if settings else False
        choice = await self.push_screen_wait(
            ExportScreen(self.suggested_path(".pdf"), paper, large)
        )
        if choice is None:
            return
        try:
            await self.export_to(choice)
        finally:
            # The dialog closed while this worker went on to the export (importing ReportLab
            # the first time, which holds up the loop): the footer was drawn before the focus
            # came back and would stay empty. Ask for the keys again once all has settled.
            self.refresh_bindings()

    async def export_to(self, choice: ExportChoice) -> None:
        try:
            from exports.handout import (
                ExportError,
                HandoutOptions,
                export_program,
                handout_warnings,
            )
        except ImportError:
            self.notify("PDF export is not available in this installation.", severity="error")
            return
        options = HandoutOptions(paper=choice.paper, large_print=choice.large_print)
        self.notify(f"Writing {choice.path.name}…", timeout=2)
        try:
            written = await self.run_in_thread(export_program, self.program, choice.path, options)
        except ExportError as error:
            self.notify(f"Could not export: {error}", severity="error", timeout=12)
            return
        except OSError as error:
            self.notify(f"Could not write {choice.path}: {error}", severity="error", timeout=12)
            return
        self.notify(f"Wrote {written}", title="Handout ready", timeout=10)
        warnings = handout_warnings(self.program)
        if warnings:
            first = warnings[0][:1].upper() + warnings[0][1:]
            more = f" (and {len(warnings) - 1} more without a dose)" if len(warnings) > 1 else ""
            self.notify(first + more, title="Check before printing", severity="warning", timeout=12)

    async def run_in_thread(self, function: Any, *args: Any) -> Any:
        return await asyncio.to_thread(function, *args)

    # Custom exercises.

    def action_new_exercise(self) -> None:
        self.edit_exercise(None)

    def action_show_picture(self) -> None:
        from tui.screens.picture import PictureScreen
        from tui.widgets.detail import ExerciseDetail

        shown = self.screen.query(ExerciseDetail)
        exercise = shown.first().exercise if shown else None
        if exercise is None:
            self.notify("Highlight an exercise to see its picture", severity="warning")
            return
        self.push_screen(PictureScreen(exercise))

    def action_clone_exercise(self) -> None:
        exercise = self.highlighted_exercise()
        if exercise is None:
            self.notify("Highlight an exercise in the library to clone it", severity="warning")
            return
        self.edit_exercise(exercise)

    @work(group="dialog")
    async def edit_exercise(self, start: Exercise | None) -> None:
        from library.exercise_files import ExerciseFileError, free_id, save_custom_exercise
        from tui.screens.dialogs import Choice, ChoiceScreen
        from tui.screens.exercise import ExerciseForm

        if self.library is None:
            return
        exercise = await self.push_screen_wait(ExerciseForm(start, self.library))
        if exercise is None:
            return
        existing = self.library.get(exercise.id)
        if existing is not None and existing.layer != "personal":
            # Replacing a bundled or clinic exercise changes what every new program gets:
            # never without a clear yes.
            answer = await self.push_screen_wait(
                ChoiceScreen(
                    "Use yours instead?",
                    f"Your exercise has the id of the {existing.layer} exercise "
                    f"\u201c{existing.name}\u201d. Use yours instead of it from now on, or keep "
                    "both (yours gets a new id)?",
                    [
                        Choice("keep", "Keep both", "primary"),
                        Choice("replace", "Use mine instead"),
                        Choice("cancel", "Cancel"),
                    ],
                )
            )
            if answer not in ("keep", "replace"):
                return
            if answer == "keep":
                exercise = replace(exercise, id=free_id(exercise.id, self.library.exercises))
                existing = None
        try:
            saved = save_custom_exercise(exercise, existing)
        except ExerciseFileError as error:
            self.notify(str(error), severity="error", timeout=12)
            return
        self.library_add(saved)
        if self.program.exercise(saved.id) is not None:
            self.edit(UpdateDefinition(saved))
        self.notify(f"Saved to {saved.source}", title=f"{saved.name} is in your library", timeout=6)

    def library_add(self, exercise: Exercise) -> None:
        """Make a just-saved personal exercise usable at once, as a reload would."""
        from library.search import SearchIndex

        assert self.library is not None
        earlier = self.library.exercises.get(exercise.id)
        if earlier is not None and earlier.layer != "personal":
            self.library.overridden.setdefault(exercise.id, []).insert(0, earlier)
        self.library.exercises[exercise.id] = exercise
        self.index = SearchIndex(self.library.exercises.values())
        browser = self.main.query_one(LibraryBrowser)
        browser.load_library(self.index)
        browser.show(exercise.id)

    # Quitting.

    async def action_quit(self) -> None:
        self.quit_after_asking()

    @work(group="dialog")
    async def quit_after_asking(self) -> None:
        if not await self.save_first_if_wanted("quitting"):
            return
        if self.autosave_enabled:
            from library.autosave import clear_autosave

            clear_autosave()
        self.exit(0)

    # The palette: every command of the registry that can run now.

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        if not isinstance(screen, MainScreen):
            return
        for command in COMMANDS:
            if command.action == "quit" or self.check_action(command.action, ()) is False:
                continue
            # The key is in the help line, so the palette also teaches the keys.
            key = f" ({key_text(command.first_key)})" if command.first_key else ""
            yield SystemCommand(command.title, command.help + key, self.runner(command.action))

    def runner(self, action: str) -> Any:
        async def run() -> None:
            await self.run_action(action)

        return run


MAIN_ACTIONS = {command.action for command in COMMANDS} - {"quit"}
ITEM_ACTIONS = {
    "edit_dose",
    "remove_item",
    "move_up",
    "move_down",
    "duplicate_item",
    "set_section",
    "edit_notes",
}


def run(program: Path | None) -> int:
    """`hepster` and `hepster PROGRAM.toml`: run the app; the exit code for the shell."""
    app = HepsterApp(program)
    result = app.run()
    if isinstance(result, int):
        return result
    # No result: it quit normally (0), or it crashed and Textual has set a code to say so.
    return app.return_code or 0
