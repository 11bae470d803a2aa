"""The library browser: a search box that filters as you type, a line showing the filters
(region, kind, position, equipment; F9 or a click sets them), and the list.

The search box keeps the focus while the therapist moves the list's cursor with ↑/↓, so
"type a few letters, arrow down, Enter" adds an exercise without ever leaving the box. The
filters are one line rather than four drop-downs: a line costs nothing at start-up and leaves
the list room at 80×24.
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from typing import ClassVar

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option, OptionDoesNotExist

from library.dose_text import dose_text
from library.model import Exercise
from library.search import Filters, SearchIndex
from tui.commands import bindings, key_hint, keymap_of
from tui.messages import AddRequested, ExerciseHighlighted
from tui.widgets.clicks import ClickToChooseList

FILTERS = ("region", "kind", "position", "equipment")
FIRST_BATCH = 40
REST_AT_START = 0.1  # seconds


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

    async def _on_key(self, event: events.Key) -> None:
        # "?" in an empty search box opens the help, as it does everywhere else: no exercise
        # name starts with a question mark, and the search box has the focus at start.
        if event.character == "?" and not self.value:
            event.stop()
            event.prevent_default()
            await self.app.run_action("help")
            return
        await super()._on_key(event)


class ResultList(ClickToChooseList):
    """The exercises that match; Enter, or a click on the chosen one, adds it."""

    # Its own copy of the browser's keys: an OptionList's Enter would otherwise be "select".
    BINDINGS: ClassVar[list[BindingType]] = bindings("browser")


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
        self.rest: list[Option] = []  # results not in the list yet (see refresh_results)
        self.found: list[Exercise] = []
        self.in_program: set[str] = set()
        self.filled_once = False

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
        changed = exercise_ids ^ self.in_program
        self.in_program = exercise_ids
        if not changed or self.index is None:
            return
        results = self.query_one(ResultList)
        for exercise in self.found:
            if exercise.id in changed:
                with contextlib.suppress(OptionDoesNotExist):  # not in the list yet
                    results.replace_option_prompt(exercise.id, self.prompt(exercise))

    def filters(self) -> Filters:
        return self.active

    def set_filters(self, filters: Filters) -> None:
        self.active = filters
        self.query_one("#filters", Static).update(filter_line(filters, keymap_of(self)))
        self.refresh_results()

    def highlighted(self) -> Exercise | None:
        results = self.query_one(ResultList)
        if results.highlighted is None or not 0 <= results.highlighted < len(self.found):
            return None
        return self.found[results.highlighted]

    def show(self, exercise_id: str) -> None:
        """Put the cursor on an exercise, clearing the search if it is not among the results."""
        if all(e.id != exercise_id for e in self.found):
            self.clear_search()
        self.add_rest()
        for position, exercise in enumerate(self.found):
            if exercise.id == exercise_id:
                self.query_one(ResultList).highlighted = position

    def prompt(self, exercise: Exercise) -> Text:
        # Plain text, not a two-column grid that would wrap a long name under itself: a grid
        # costs ten times as much to lay out, and this list is laid out at start-up.
        text = Text(no_wrap=False)
        text.append("✓ " if exercise.id in self.in_program else "  ", style="bold")
        text.append(exercise.name)
        if exercise.layer != "bundled":
            text.append(f" [{exercise.layer}]", style="italic")
        return text

    def refresh_results(self) -> None:
        if self.index is None:
            return
        results = self.query_one(ResultList)
        search = self.query_one("#search", Input).value
        self.found = self.index.search(search, self.filters())
        options = [Option(self.prompt(e), id=e.id) for e in self.found]
        # A screenful now and the rest just after the next paint: a long list costs its
        # layout once, after the therapist already sees the top of it.
        results.set_options(options[:FIRST_BATCH])
        self.rest = options[FIRST_BATCH:]
        if self.rest and not self.filled_once:
            # At start-up the rest waits until the app is on screen: the first batch more than
            # fills the list, and the count above it already says how many there are.
            self.set_timer(REST_AT_START, self.add_rest)
        elif self.rest:
            self.call_after_refresh(self.add_rest)
        self.filled_once = True
        count = len(self.found)
        total = len(self.index.exercises)
        noun = "exercise" if total == 1 else "exercises"
        shown = f"{total} {noun}" if count == total else f"{count} of {total} {noun}"
        if not count:
            shown = "No match. Fewer words? Esc clears"
        self.query_one("#result-count", Static).update(shown)
        results.highlighted = 0 if self.found else None
        self.announce()

    def add_rest(self) -> None:
        """The results held back by `refresh_results`, if a newer search has not replaced them."""
        rest, self.rest = self.rest, []
        if rest:
            self.query_one(ResultList).add_options(rest)

    def announce(self) -> None:
        exercise = self.highlighted()
        blurb = ""
        if exercise is not None:
            blurb = exercise.summary or ""
            if exercise.dose:
                blurb += f"\nDefault: {dose_text(exercise.dose)}"
        self.query_one("#blurb", Static).update(blurb)
        self.post_message(ExerciseHighlighted(exercise))

    def clear_search(self) -> None:
        with self.prevent(Input.Changed):
            self.query_one("#search", Input).value = ""
        self.set_filters(Filters())

    # Events.

    def on_descendant_focus(self) -> None:
        # Back from the program: the exercise pane shows the library's highlighted exercise.
        self.announce()

    @on(Input.Changed, "#search")
    def search_changed(self) -> None:
        self.refresh_results()

    @on(Input.Submitted, "#search")
    def submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.request_add()

    @on(OptionList.OptionSelected, "#results")
    def selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if self.query_one(ResultList).acts_on(event):
            self.request_add()

    @on(OptionList.OptionHighlighted, "#results")
    def highlight_moved(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self.announce()

    def request_add(self) -> None:
        exercise = self.highlighted()
        if exercise is not None:
            self.post_message(AddRequested(exercise))
        elif self.index is not None:
            self.notify("No exercise highlighted: type a few letters of its name", timeout=3)

    def action_cursor(self, direction: str) -> None:
        results = self.query_one(ResultList)
        getattr(results, f"action_cursor_{direction}")()
