"""The library browser: a search box that filters as you type, a line showing the filters
(region, kind, position, equipment; F9 or a click sets them), and the list.

The search box keeps the focus while the therapist moves the list's cursor with ↑/↓, so
"type a few letters, arrow down, Enter" adds an exercise without ever leaving the box. The
filters are one line rather than four drop-downs: a line costs nothing at start-up and leaves
the list room at 80×24.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.geometry import Size
from textual.reactive import Reactive
from textual.widgets import Input, Static

from library.dose_text import dose_text
from library.model import Exercise
from library.search import Filters, SearchIndex
from tui.commands import bindings, key_hint, keymap_of
from tui.messages import AddRequested, ExerciseHighlighted
from tui.widgets.results import ResultList

FILTERS = ("region", "kind", "position", "equipment")


def word_options(words: list[str] | tuple[str, ...]) -> list[tuple[str, str]]:
    return [(word.replace("-", " "), word) for word in words]


def filter_line(filters: Filters, keymap: Mapping[str, str]) -> Content:
    """`Filters: hip · stretch (F9)`, clickable; says how to set them when there are none."""
    chosen = [
        value.replace("-", " ")
        for value in (filters.region, filters.kind, filters.position, filters.equipment)
        if value
    ]
    text = " · ".join(chosen) if chosen else "none"
    markup = "[@click=screen.set_filters]Filters: $text [dim]($key)[/][/]"
    return Content.from_markup(markup, text=text, key=key_hint("set_filters", keymap))


class SearchBox(Input):
    """The search box; Enter adds the highlighted result (and the footer says so)."""

    # Its own copy of the browser's keys: an Input's Enter would otherwise be "submit".
    BINDINGS: ClassVar[list[BindingType]] = bindings("browser")

    # An Input's virtual width follows its text, and Textual lays the whole screen out again
    # when it changes: a few milliseconds a keystroke. The box's own size never changes.
    virtual_size = Reactive(Size(0, 0), layout=False)

    async def _on_key(self, event: events.Key) -> None:
        # "?" in an empty search box opens the help, as it does everywhere else: no exercise
        # name starts with a question mark, and the search box has the focus at start.
        if event.character == "?" and not self.value:
            event.stop()
            event.prevent_default()
            await self.app.run_action("help")
            return
        await super()._on_key(event)


class LibraryBrowser(Vertical):
    """Search, filters, results and (on a narrow screen) a short blurb of the highlighted one.

    | Key | Action |
    | --- | --- |
    | ↑ ↓ PgUp PgDn | Move the cursor in the results, also from the search box |
    | Enter | Add the highlighted exercise to the program |
    | Esc | Clear the search and the filters |
    """

    DEFAULT_CSS = """
    LibraryBrowser {
        width: 1fr;
        min-width: 30;
        max-width: 48;
        padding: 0 1;
        border-right: vkey $foreground 20%;
    }
    #search {
        margin: 1 0 0 0;
        border: none;
        background: $boost;
    }
    #filters {
        height: 1;
        margin: 1 0 0 0;
        color: $text-muted;
    }
    #result-count {
        color: $text-muted;
        height: 1;
        margin: 1 0 0 0;
    }
    /* A stable gutter for the scrollbar: when it appears, the list is not laid out again for
       the narrower width, and a wrapped name would lose its end under the bar. */
    #results {
        height: 1fr;
        border: none;
        padding: 0;
        scrollbar-gutter: stable;
        scrollbar-size-vertical: 1;
    }
    /* Shown on a narrow screen only, where the detail pane is a tab away. */
    #blurb {
        height: auto;
        max-height: 6;
        color: $text-muted;
        display: none;
        border-top: solid $foreground 20%;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        *bindings("browser"),
        ("up", "cursor('up')"),
        ("down", "cursor('down')"),
        ("pageup", "cursor('page_up')"),
        ("pagedown", "cursor('page_down')"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.index: SearchIndex | None = None
        self.active = Filters()
        self.found: Sequence[Exercise] = ()
        self.in_program: set[str] = set()
        self.progress = ""  # how far a clinic library still being read is
        self.blurb_text = ""

    def compose(self) -> ComposeResult:
        yield SearchBox(placeholder="Search exercises…", id="search", compact=True)
        yield Static(filter_line(Filters(), keymap_of(self)), id="filters", markup=False)
        yield Static("Loading the library…", id="result-count", markup=False)
        yield ResultList(id="results")
        yield Static("", id="blurb", markup=False)

    # The model: which exercises there are, which are in the program.

    def load_library(self, index: SearchIndex) -> None:
        self.index = index
        self.refresh_results()

    def equipment_words(self) -> list[str]:
        if self.index is None:
            return []
        return sorted({word.lower() for e in self.index.exercises for word in e.equipment})

    def mark_in_program(self, exercise_ids: set[str]) -> None:
        """Tick the exercises the program uses; only the entries that changed are redrawn."""
        if exercise_ids != self.in_program:
            self.in_program = exercise_ids
            self.query_one(ResultList).retick(exercise_ids)

    def filters(self) -> Filters:
        return self.active

    def set_filters(self, filters: Filters) -> None:
        self.active = filters
        self.query_one("#filters", Static).update(filter_line(filters, keymap_of(self)))
        self.refresh_results()

    def highlighted(self) -> Exercise | None:
        row = self.query_one(ResultList).highlighted
        if row is None or not 0 <= row < len(self.found):
            return None
        return self.found[row]

    def show(self, exercise_id: str) -> None:
        """Put the cursor on an exercise, clearing the search if it is not among the results."""
        if all(e.id != exercise_id for e in self.found):
            self.clear_search()
        for position, exercise in enumerate(self.found):
            if exercise.id == exercise_id:
                self.query_one(ResultList).move_to(position)

    def refresh_results(self, *, typing: bool = False) -> None:
        """The matches of the search and filters; `typing`: because a key was typed."""
        if self.index is None:
            return
        search = self.query_one("#search", Input).value
        self.found = self.index.find(search, self.filters())
        self.query_one(ResultList).show_rows(self.found, self.in_program)
        self.show_count()
        self.announce(typing=typing)

    def show_progress(self, text: str) -> None:
        """How far a clinic library still being read is, after the count of those here."""
        self.progress = text
        self.show_count()

    def show_count(self) -> None:
        if self.index is None:
            return
        count, total = len(self.found), len(self.index.exercises)
        noun = "exercise" if total == 1 else "exercises"
        shown = f"{total:,} {noun}" if count == total else f"{count:,} of {total:,} {noun}"
        if not count:
            shown = "No match. Fewer words? Esc clears"
        if self.progress:
            shown += f" · {self.progress}"
        # One line, always: no need to lay the screen out again, which would cost a keystroke
        # some milliseconds.
        self.query_one("#result-count", Static).update(shown, layout=False)

    def announce(self, *, typing: bool = False) -> None:
        exercise = self.highlighted()
        self.update_blurb()
        self.post_message(ExerciseHighlighted(exercise, typing=typing))

    def update_blurb(self) -> None:
        """The short blurb under the list, shown on a narrow screen only: a hidden one is not
        changed (that would lay the screen out again for nothing) until it shows."""
        blurb = self.query_one("#blurb", Static)
        exercise = self.highlighted()
        text = ""
        if exercise is not None:
            text = exercise.summary or ""
            if exercise.dose:
                text += f"\nDefault: {dose_text(exercise.dose)}"
        if blurb.display and text != self.blurb_text:
            self.blurb_text = text
            blurb.update(text)

    def on_resize(self) -> None:
        # The screen may have become narrow, and the blurb shown.
        self.call_after_refresh(self.update_blurb)

    def clear_search(self) -> None:
        with self.prevent(Input.Changed):
            self.query_one("#search", Input).value = ""
        self.set_filters(Filters())

    # Events.

    def on_descendant_focus(self) -> None:
        # Back from the program: the exercise pane shows the library's highlighted exercise.
        self.announce()

    @on(Input.Changed, "#search")
    def search_changed(self, event: Input.Changed) -> None:
        # Keys typed in a burst reach the search box before their searches reach here: a
        # search for text the box no longer holds is dropped, the next keystroke's replaces it.
        if event.value == event.input.value:
            self.refresh_results(typing=True)

    @on(Input.Submitted, "#search")
    def submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.request_add()

    @on(ResultList.Chosen)
    def chosen(self, event: ResultList.Chosen) -> None:
        event.stop()
        self.request_add()

    @on(ResultList.Highlighted)
    def highlight_moved(self, event: ResultList.Highlighted) -> None:
        event.stop()
        self.announce()

    def request_add(self) -> None:
        exercise = self.highlighted()
        if exercise is not None:
            self.post_message(AddRequested(exercise))
        elif self.index is not None:
            self.notify("No exercise highlighted: type a few letters of its name", timeout=3)

    def action_cursor(self, direction: str) -> None:
        """The arrows and page keys move the list's cursor, also from the search box."""
        results = self.query_one(ResultList)
        moves = {
            "up": results.action_cursor_up,
            "down": results.action_cursor_down,
            "page_up": results.action_page_up,
            "page_down": results.action_page_down,
        }
        moves[direction]()
