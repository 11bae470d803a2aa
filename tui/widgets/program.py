"""The program pane: title, patient, how many exercises and how long a session takes, then the
items grouped by section, each with the dose line the patient will read."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from library.dose_text import dose_text, item_name
from library.model import NO_SECTION, Item, Program
from library.timing import duration_text, session_seconds
from tui.commands import bindings, key_hint, keymap_of
from tui.messages import DoseRequested, ExerciseHighlighted
from tui.widgets.clicks import ClickToChooseList

# Adherence falls as programs grow (patients skip long programs); past this many the pane
# says so, gently.
LONG_PROGRAM = 8


def item_prompt(number: int, item: Item, program: Program) -> Table:
    """The item as two columns, so a name or dose line that wraps stays under its own text and
    the numbers stand clear on the left."""
    exercise = program.exercise(item.exercise)
    name = exercise.name if exercise is not None else f"{item.exercise} (not in the library)"
    text = Text(item_name(name, item.dose), style="bold")
    line = dose_text(item.dose)
    text.append("\n" + (line or "no dose yet: press Enter to set one"), style="not bold")
    if item.notes:
        first = item.notes.strip().splitlines()[0]
        text.append(f"\n✎ {first}", style="italic")
    if item.progression:
        text.append("\n↗ progression set", style="italic")
    grid = Table.grid(padding=(0, 1, 0, 0))
    grid.add_column(justify="right", no_wrap=True, min_width=3)
    grid.add_column(ratio=1)
    grid.add_row(Text(f"{number}.", style="bold"), text)
    return grid


def head_text(program: Program, keymap: Mapping[str, str]) -> Text:
    text = Text(program.title or "Untitled program", style="bold")
    info = key_hint("program_info", keymap)
    text.append(
        "\n" + (f"For {program.patient}" if program.patient else f"No patient yet ({info})")
    )
    count = len(program.items)
    summary = f"{count} exercise" + ("" if count == 1 else "s")
    if count:
        # The pane is narrow: the handout gives the whole answer, per time of day.
        summary += f" · {duration_text(session_seconds(program)).lower()} a session"
    text.append(f"\n{summary}", style="dim")
    return text


def notice_text(program: Program) -> str:
    count = program.distinct_exercises()
    if count <= LONG_PROGRAM:
        return ""
    return f"{count} exercises: long programs get skipped. Could some wait?"


class ProgramList(ClickToChooseList):
    """The items; section headings are shown but the cursor skips them.

    | Key | Action |
    | --- | --- |
    | Enter, e | Edit the dose |
    | Del, x | Remove |
    | Shift+↑/↓, -/+ | Move up or down |
    | d | Duplicate |
    | s | Set the section |
    | n | Notes and progression |
    """

    BINDINGS: ClassVar[list[BindingType]] = bindings("program")

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.item_at: list[int | None] = []  # option position -> item index; None for a heading
        self.program = Program()

    def show(self, program: Program, focus: int | None) -> None:
        self.program = program
        options: list[Option] = []
        self.item_at = []
        section: str | None = None
        for index, item in enumerate(program.items):
            if item.section != section:
                heading = Text(item.section or NO_SECTION, style="bold underline")
                options.append(Option(heading, disabled=True))
                self.item_at.append(None)
            section = item.section
            options.append(Option(item_prompt(index + 1, item, program), id=f"item-{index}"))
            self.item_at.append(index)
        old = self.highlighted_item()
        self.set_options(options)
        if not program.items:
            self.add_option(
                Option(
                    Text(
                        "No exercises yet. Search on the left and press Enter to add one.",
                        style="dim",
                    ),
                    disabled=True,
                )
            )
            self.item_at.append(None)
        target = focus if focus is not None else old
        if target is None and program.items:
            target = 0
        if target is not None and program.items:
            self.highlight_item(min(target, len(program.items) - 1))

    def highlight_item(self, index: int) -> None:
        for position, at in enumerate(self.item_at):
            if at == index:
                self.highlighted = position
                if index == 0:
                    self.scroll_home(animate=False)  # the first section's heading too
                return

    def highlighted_item(self) -> int | None:
        if self.highlighted is None or self.highlighted >= len(self.item_at):
            return None
        return self.item_at[self.highlighted]

    # The exercise pane shows the exercise under the cursor of the list in use: moving through
    # the program, a therapist reads the steps of the item they are on.
    @on(OptionList.OptionHighlighted)
    def on_item(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if self.has_focus:
            self.announce()

    def on_focus(self, event: events.Focus) -> None:
        # Textual calls ClickToChooseList.on_focus too: handlers run for every class.
        self.announce()

    def announce(self) -> None:
        index = self.highlighted_item()
        if index is not None and index < len(self.program.items):
            exercise = self.program.exercise(self.program.items[index].exercise)
            if exercise is not None:
                self.post_message(ExerciseHighlighted(exercise))

    @on(OptionList.OptionSelected)
    def selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        index = self.highlighted_item()
        if index is not None and self.acts_on(event):
            self.post_message(DoseRequested(index))


class ProgramPane(Vertical):
    """The program's title and patient, a notice when something needs the therapist's eye,
    and its items."""

    # The program gets the larger share of the right side (4 to the detail's 3): its dose
    # lines are what a therapist checks most.
    DEFAULT_CSS = """
    ProgramPane {
        width: 4fr;
        padding: 0 1;
    }
    #program-head {
        height: auto;
        margin: 1 0 0 0;
        padding-bottom: 1;
        border-bottom: solid $foreground 20%;
    }
    #notice {
        height: auto;
        color: $warning;
        text-style: italic;
    }
    #items {
        height: 1fr;
        border: none;
        padding: 0;
        scrollbar-gutter: stable;
        scrollbar-size-vertical: 1;
    }
    """

    def compose(self) -> ComposeResult:
        yield Static("", id="program-head", markup=False)
        yield Static("", id="notice", markup=False)
        yield ProgramList(id="items")

    def show(self, program: Program, focus: int | None) -> None:
        self.query_one("#program-head", Static).update(head_text(program, keymap_of(self)))
        notice = self.query_one("#notice", Static)
        notice.update(notice_text(program))
        notice.display = bool(notice_text(program))
        self.query_one(ProgramList).show(program, focus)
