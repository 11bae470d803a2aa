"""The main screen: the library browser on the left; the exercise detail and the program on the
right, side by side on a wide terminal and as two tabs on a narrow one (80×24 over SSH).

It holds the commands about what it shows: moving around, and changing the program's items. A
change goes to the app's `edit`, which records it in the session (library/session.py) and
redraws; the screen never builds a program itself.
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from typing import TYPE_CHECKING, ClassVar, cast

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.css.query import NoMatches
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Static

from tui.commands import ITEM_ACTIONS, bindings, key_hint, keymap_of
from tui.flows import items
from tui.messages import AddRequested, DoseRequested, ExerciseHighlighted, MainScreenMounted
from tui.widgets.browser import LibraryBrowser
from tui.widgets.detail import ExerciseDetail
from tui.widgets.program import LONG_PROGRAM, ProgramList, ProgramPane

if TYPE_CHECKING:
    from library.editing import AddItem
    from library.model import Exercise, Program
    from tui.app import HepsterApp

# Below this width the detail and the program share the right-hand side as tabs.
WIDE = 110


def pane_line(showing: str, keymap: Mapping[str, str]) -> Content:
    """The two tabs of a narrow screen, as one clickable line (F7 switches)."""
    tabs = []
    for pane, label in (("detail", "Exercise"), ("program", "Program")):
        style = "bold reverse" if pane == showing else "dim"
        tabs.append(f"[{style} @click=screen.show_pane('{pane}')] {label} [/]")
    key = key_hint("toggle_detail", keymap)
    return Content.from_markup(" ".join(tabs) + " [dim]($key)[/]", key=key)


class MainScreen(Screen[None]):
    # Narrow: the right side is two tabs, one shown at a time; the browser shows a short blurb,
    # and at 24 rows every row counts: no blank rows between the parts.
    DEFAULT_CSS = """
    MainScreen #body {
        height: 1fr;
    }
    MainScreen #right {
        width: 2fr;
    }
    MainScreen #right-tabs {
        display: none;
        height: 1;
        margin: 0 1;
    }
    MainScreen #panes {
        height: 1fr;
    }
    MainScreen.-narrow #right-tabs, MainScreen.-narrow #blurb {
        display: block;
    }
    MainScreen.-narrow #panes #detail {
        display: none;
        border-right: none;
    }
    MainScreen.-narrow #panes.-show-detail #detail {
        display: block;
    }
    MainScreen.-narrow #panes.-show-detail #program {
        display: none;
    }
    MainScreen.-narrow #browser {
        width: 36;
    }
    MainScreen.-narrow #search, MainScreen.-narrow #filters, MainScreen.-narrow #result-count {
        margin: 0;
    }
    MainScreen.-narrow #program-head {
        margin: 0;
        padding-bottom: 0;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = bindings("main")
    HORIZONTAL_BREAKPOINTS = [  # noqa: RUF012 (declared as an instance variable by Textual)
        (0, "-narrow"),
        (WIDE, "-wide"),
    ]

    shown_count = 0  # exercises in the program when it was last shown

    def compose(self) -> ComposeResult:
        # The breakpoint class is set again on every resize; setting it now spares the first
        # paint a second styling pass over every widget.
        wide = self.app.size.width >= WIDE
        self.set_class(wide, "-wide")
        self.set_class(not wide, "-narrow")
        yield Header(icon="≡")
        with Horizontal(id="body"):
            yield LibraryBrowser(id="browser")
            with Vertical(id="right"):
                yield Static(pane_line("program", keymap_of(self)), id="right-tabs", markup=False)
                with Horizontal(id="panes"):
                    yield ExerciseDetail(id="detail")
                    yield ProgramPane(id="program")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.set_focus(self.query_one("#search"))
        self.app.post_message(MainScreenMounted())

    @property
    def narrow(self) -> bool:
        return self.has_class("-narrow")

    def show_pane(self, pane: str) -> None:
        """On a narrow screen, show `detail` or `program` on the right."""
        self.query_one("#right-tabs", Static).update(pane_line(pane, keymap_of(self)))
        self.query_one("#panes").set_class(pane == "detail", "-show-detail")

    def show_program(self, program: Program, focus: int | None) -> None:
        """The program as it is now, and ticks in the library beside the exercises it has."""
        if not self.is_mounted:
            return
        self.query_one(ProgramPane).show(program, focus)
        self.query_one(LibraryBrowser).mark_in_program({item.exercise for item in program.items})
        count = program.distinct_exercises()
        if count > LONG_PROGRAM >= self.shown_count:
            self.notify(
                f"{count} exercises. Long programs are the ones patients skip: "
                "could some wait for the next visit?",
                title="A long program",
                timeout=8,
            )
        self.shown_count = count

    @property
    def hepster(self) -> HepsterApp:
        return cast("HepsterApp", self.app)

    @property
    def program(self) -> Program:
        return self.hepster.session.program

    def highlighted_exercise(self) -> Exercise | None:
        return self.query_one(LibraryBrowser).highlighted()

    def highlighted_item(self) -> int | None:
        return self.query_one(ProgramList).highlighted_item()

    def item_name(self, index: int) -> str:
        return items.item_name(self.program, index)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Commands that cannot run now are greyed out in the footer and left out of the palette."""
        if action == "show_pane":
            return True
        if self.hepster.dialog_busy:
            # Keys typed in the same burst as the key that opens a dialog reach this screen
            # before the dialog does: they must not act here.
            return False
        if action in ITEM_ACTIONS:
            return self.highlighted_item() is not None
        if action == "undo":
            return self.hepster.session.history.can_undo
        if action == "redo":
            return self.hepster.session.history.can_redo
        if action == "focus_program":
            # Not offered where it would do nothing: in the program list itself.
            return not isinstance(self.focused, ProgramList)
        if action in ("add_exercise", "clone_exercise"):
            return self.hepster.ready and self.highlighted_exercise() is not None
        return True

    # What the widgets ask for.

    @on(ExerciseHighlighted)
    def exercise_highlighted(self, message: ExerciseHighlighted) -> None:
        library = self.hepster.library
        overridden = []
        if message.exercise is not None and library is not None:
            overridden = library.overridden.get(message.exercise.id, [])
        with contextlib.suppress(NoMatches):  # the screen may be closing
            self.query_one(ExerciseDetail).show(message.exercise, overridden, soon=message.typing)

    @on(AddRequested)
    def add_requested(self, message: AddRequested) -> None:
        self.add(message.exercise)

    @on(DoseRequested)
    def dose_requested(self, message: DoseRequested) -> None:
        self.open_dose_editor(message.index)

    # Changes to the program.

    def add(self, exercise: Exercise) -> None:
        if exercise.sided and (exercise.dose is None or exercise.dose.side is None):
            # Rehab of one limb: no default side could be right, so ask.
            self.hepster.dialog(items.add_on_a_side(self.hepster, exercise))
        else:
            from library.editing import AddItem  # at the first edit (library/editing.py)

            self.added(AddItem(exercise))

    def added(self, edit: AddItem) -> None:
        # No toast: the tick in the list and the program pane already show it.
        if self.hepster.edit(edit):
            self.show_pane("program")
            # The query stays (for ↓ Enter to add a neighbour) but the next letters replace it.
            search = self.query_one("#search", Input)
            if search.has_focus:
                search.select_all()

    def action_add_exercise(self) -> None:
        exercise = self.highlighted_exercise()
        if exercise is not None:
            self.add(exercise)

    def action_remove_item(self) -> None:
        index = self.highlighted_item()
        if index is None:
            return
        from library.editing import RemoveItem

        name = self.item_name(index)
        if self.hepster.edit(RemoveItem(index)):
            undo = key_hint("undo", keymap_of(self))
            self.notify(f"Removed {name}. {undo} puts it back.", timeout=3)

    def action_move_up(self) -> None:
        index = self.highlighted_item()
        if index is not None:
            from library.editing import MoveItem

            self.hepster.edit(MoveItem(index, -1))

    def action_move_down(self) -> None:
        index = self.highlighted_item()
        if index is not None:
            from library.editing import MoveItem

            self.hepster.edit(MoveItem(index, 1))

    def action_duplicate_item(self) -> None:
        index = self.highlighted_item()
        if index is not None:
            from library.editing import DuplicateItem

            self.hepster.edit(DuplicateItem(index))

    def action_set_section(self) -> None:
        index = self.highlighted_item()
        if index is not None:
            self.hepster.dialog(items.set_section(self.hepster, index))

    def action_edit_notes(self) -> None:
        index = self.highlighted_item()
        if index is not None:
            self.hepster.dialog(items.edit_notes(self.hepster, index))

    def action_edit_dose(self) -> None:
        index = self.highlighted_item()
        if index is not None:
            self.open_dose_editor(index)

    def open_dose_editor(self, index: int) -> None:
        self.hepster.dialog(items.edit_dose(self.hepster, index))

    def action_undo(self) -> None:
        label = self.hepster.session.undo()
        if label is None:
            self.notify("Nothing to undo", timeout=2)
            return
        self.hepster.changed()
        self.notify(f"Undid {label}", timeout=2)

    def action_redo(self) -> None:
        label = self.hepster.session.redo()
        if label is None:
            self.notify("Nothing to redo", timeout=2)
            return
        self.hepster.changed()
        self.notify(f"Redid {label}", timeout=2)

    # Moving around.

    # Focus moves at once (`set_focus`), not after the queued keys (`focus()`): over SSH the
    # next keys arrive in the same burst, and must not land in the list the cursor just left.

    def action_focus_search(self) -> None:
        search = self.query_one("#search", Input)
        self.set_focus(search)
        # Typing replaces the last search rather than adding to it; an arrow key keeps it.
        search.select_all()

    def action_focus_program(self) -> None:
        self.show_pane("program")
        self.set_focus(self.query_one(ProgramList))

    def action_show_pane(self, pane: str) -> None:
        self.show_pane(pane)

    def action_toggle_detail(self) -> None:
        if self.narrow:
            showing_detail = self.query_one("#panes").has_class("-show-detail")
            self.show_pane("program" if showing_detail else "detail")
        else:
            self.set_focus(self.query_one(ExerciseDetail))

    def action_set_filters(self) -> None:
        from tui.screens.filters import FilterScreen

        browser = self.query_one(LibraryBrowser)
        screen = FilterScreen(browser.filters(), browser.equipment_words(), browser.set_filters)
        self.app.push_screen(screen)

    def action_clear_search(self) -> None:
        self.query_one(LibraryBrowser).clear_search()

    def action_show_picture(self) -> None:
        from tui.screens.picture import PictureScreen

        exercise = self.query_one(ExerciseDetail).current()
        if exercise is None:
            self.notify("Highlight an exercise to see its picture", severity="warning")
            return
        self.app.push_screen(PictureScreen(exercise))
