"""The list of matching exercises, drawn a screenful at a time.

A clinic library holds thousands of exercises, and a keystroke may match most of them. A list
widget that lays out every entry (Textual's OptionList measures each one) costs what matched;
this one costs what is on screen: it keeps the matches as a plain list and draws only the rows
the screen shows, each when it is drawn (Textual's line API).

Every row is one line, a long name cut with "…"; the highlighted row shows its whole name,
wrapped, so the therapist reads in full the one the cursor is on. Moving the cursor changes that
one row's height, so a row's place is arithmetic, not a table of every row's height.

A first click on a row highlights it; a click on the highlighted row of the focused list
chooses it (adds the exercise): a stray click never changes the program.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from library.model import Exercise
from tui.commands import bindings
from tui.widgets.clicks import ClickToChoose

# The highlighted row's name wraps to at most this many lines (names are at most 80 characters).
MOST_LINES = 4
BOLD, ITALIC = Style(bold=True), Style(italic=True)
MOST_REMEMBERED = 2000  # drawn rows kept (a few screenfuls of several widths)


class ResultList(ClickToChoose, ScrollView, can_focus=True):
    """The exercises that match, best first; Enter, or a click on the chosen one, adds it."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"result-list--highlighted"}

    DEFAULT_CSS = """
    ResultList {
        background: $surface;
        color: $foreground;
        overflow-x: hidden;
        & > .result-list--highlighted {
            color: $foreground;
            background: $block-cursor-blurred-background;
        }
        &:focus {
            background-tint: $foreground 5%;
            & > .result-list--highlighted {
                color: $block-cursor-foreground;
                background: $block-cursor-background;
                text-style: $block-cursor-text-style;
            }
        }
    }
    """

    # The browser's keys (Enter adds) and the list's own movements.
    BINDINGS: ClassVar[list[BindingType]] = [
        *bindings("browser"),
        Binding("up", "cursor_up", show=False),
        Binding("down", "cursor_down", show=False),
        Binding("pageup", "page_up", show=False),
        Binding("pagedown", "page_down", show=False),
        Binding("home", "first", show=False),
        Binding("end", "last", show=False),
    ]

    class Highlighted(Message):
        """The cursor moved to another row (or the rows changed)."""

    class Chosen(Message):
        """A click on the highlighted row: add its exercise."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: Sequence[Exercise] = ()
        self.ticked: set[str] = set()
        self.highlighted: int | None = None
        # Drawn rows, by what they show: a keystroke's matches are mostly the last one's.
        self.cache: dict[tuple[str, str, str, bool, bool, int], list[Strip]] = {}
        self.known_width = 0
        self.known_styles: tuple[Style, Style] | None = None

    # What it shows.

    def show_rows(self, rows: Sequence[Exercise], ticked: set[str]) -> None:
        """Show `rows` (the list is kept, not copied), the cursor on the first, at the top.
        (No Highlighted message: whoever gave the rows knows.)"""
        self.rows, self.ticked = rows, ticked
        self.highlighted = 0 if rows else None
        self.update_size()
        if self.scroll_offset.y:
            self.scroll_to(0, 0, animate=False, immediate=True)
        self.refresh()

    def retick(self, ticked: set[str]) -> None:
        """Other exercises are in the program now: redraw the rows on screen with their ticks."""
        self.ticked = ticked
        self.refresh()

    def move_to(self, row: int | None) -> None:
        if row is not None and self.rows:
            row = max(0, min(row, len(self.rows) - 1))
        if row == self.highlighted:
            return
        self.highlighted = row
        self.update_size()
        self.scroll_to_highlighted()
        self.refresh()
        self.post_message(self.Highlighted())

    # Layout: every row one line, but the highlighted one, which is `extra` lines longer.

    def width(self) -> int:
        if not self.known_width:  # known once laid out (a stable scrollbar gutter keeps it)
            self.known_width = self.scrollable_content_region.width
        return max(1, self.known_width)

    def row_styles(self) -> tuple[Style, Style]:
        """The rows' style and the highlighted row's, worked out once: from the CSS, which
        takes a walk up the DOM each time it is asked."""
        if self.known_styles is None:
            style = self.rich_style
            self.known_styles = (
                style,
                style + self.get_component_rich_style("result-list--highlighted"),
            )
        return self.known_styles

    def notify_style_update(self) -> None:
        # The focus changed (or the theme): the highlighted row's colours with it.
        self.known_styles = None
        self.cache.clear()
        super().notify_style_update()

    def extra(self) -> int:
        if self.highlighted is None:
            return 0
        return len(self.strips(self.highlighted, True)) - 1

    def update_size(self) -> None:
        size = Size(self.width(), len(self.rows) + self.extra())
        if size != self.virtual_size:
            # Set without a layout of the whole screen (what setting it would ask for): the
            # list's own size does not change, only its scrollbar, which this updates.
            self.set_reactive(ResultList.virtual_size, size)
            self._scroll_update(size)
            self.refresh()

    def line_of(self, row: int) -> int:
        """The first line of `row`."""
        if self.highlighted is not None and row > self.highlighted:
            return row + self.extra()
        return row

    def row_at(self, line: int) -> tuple[int, int] | None:
        """The row at a line of the list, and which of its lines that is."""
        highlighted, extra = self.highlighted, self.extra()
        if highlighted is not None and highlighted <= line <= highlighted + extra:
            return highlighted, line - highlighted
        row = line - extra if highlighted is not None and line > highlighted else line
        return (row, 0) if 0 <= row < len(self.rows) else None

    def scroll_to_highlighted(self) -> None:
        if self.highlighted is None or not self.is_mounted:
            return
        height = 1 + self.extra()
        self.scroll_to_region(
            Region(0, self.line_of(self.highlighted), self.width(), height),
            animate=False,
            force=True,
            immediate=True,
        )

    def on_resize(self) -> None:
        self.known_width = 0
        self.cache.clear()
        self.update_size()
        self.scroll_to_highlighted()

    # Drawing: only the rows on screen, each once until something changes.

    def strips(self, row: int, highlighted: bool) -> list[Strip]:
        width = self.width()
        exercise = self.rows[row]
        ticked = exercise.id in self.ticked
        key = (exercise.id, exercise.name, exercise.layer, ticked, highlighted, width)
        found = self.cache.get(key)
        if found is None:
            if len(self.cache) > MOST_REMEMBERED:
                self.cache.clear()
            found = self.cache[key] = self.draw(exercise, highlighted, width)
        return found

    def draw(self, exercise: Exercise, highlighted: bool, width: int) -> list[Strip]:
        style, highlighted_style = self.row_styles()
        if highlighted:
            return self.draw_wrapped(exercise, highlighted_style, width)
        # A row a screen holds dozens of, drawn on every keystroke: segments, not a Text laid
        # out by Rich, which costs some ten times as much.
        tick = Segment("✓ " if exercise.id in self.ticked else "  ", style + BOLD)
        name = exercise.name
        layer = f" [{exercise.layer}]" if exercise.layer != "bundled" else ""
        room = width - 2
        if cell_len(name) + cell_len(layer) > room:
            name, layer = set_cell_size(name + layer, room - 1).rstrip() + "…", ""
        segments = [tick, Segment(name, style)]
        if layer:
            segments.append(Segment(layer, style + ITALIC))
        return [Strip(segments).adjust_cell_length(width, style)]

    def draw_wrapped(self, exercise: Exercise, style: Style, width: int) -> list[Strip]:
        """The highlighted row: the whole name, wrapped under itself (not under the tick)."""
        name = Text(exercise.name, style=style, end="")
        if exercise.layer != "bundled":
            name.append(f" [{exercise.layer}]", style="italic")
        tick = Text("✓ " if exercise.id in self.ticked else "  ", style="bold")
        console = self.app.console
        lines = list(name.wrap(console, max(1, width - 2))[:MOST_LINES])
        strips = []
        for number, line in enumerate(lines):
            text = Text.assemble(tick if number == 0 else "  ", line, style=style, end="")
            text.truncate(width, pad=True)
            segments = list(text.render(console))
            strips.append(Strip(Segment.apply_style(segments, style), width))
        return strips

    def render_line(self, y: int) -> Strip:
        found = self.row_at(self.scroll_offset.y + y)
        if found is None:
            return Strip.blank(self.width(), self.row_styles()[0])
        row, line = found
        return self.strips(row, row == self.highlighted)[line]

    # Keys.

    def action_cursor_up(self) -> None:
        if self.rows:
            current = self.highlighted if self.highlighted is not None else 0
            self.move_to((current - 1) % len(self.rows))

    def action_cursor_down(self) -> None:
        if self.rows:
            current = self.highlighted if self.highlighted is not None else -1
            self.move_to((current + 1) % len(self.rows))

    def page(self) -> int:
        return max(1, self.scrollable_content_region.height - 1)

    def action_page_up(self) -> None:
        if self.rows:
            self.move_to((self.highlighted or 0) - self.page())

    def action_page_down(self) -> None:
        if self.rows:
            self.move_to((self.highlighted or 0) + self.page())

    def action_first(self) -> None:
        if self.rows:
            self.move_to(0)

    def action_last(self) -> None:
        if self.rows:
            self.move_to(len(self.rows) - 1)

    # The mouse.

    def on_click(self, event: events.Click) -> None:
        event.stop()
        offset = event.get_content_offset(self)
        found = None if offset is None else self.row_at(self.scroll_offset.y + offset.y)
        row = None if found is None else found[0]
        chosen_before = self.pressed_on(row)  # asked on every click, so no press is left over
        if row is None:
            return
        if row == self.highlighted and chosen_before:
            self.post_message(self.Chosen())
        else:
            self.move_to(row)
