"""The filter dialog: region, kind, position and equipment. Each choice applies at once, so the
list behind the dialog shows what it does; Esc or Enter on Done closes it."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Horizontal, Vertical
from textual.widgets import Button, Label, Select

from library.search import Filters
from library.words import KINDS, POSITIONS, REGIONS
from tui.screens.dialogs import Dialog
from tui.widgets.browser import FILTERS, word_options


class FilterScreen(Dialog[Filters | None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "done", "Done"),
        Binding("ctrl+r", "clear", "Clear all"),
    ]

    def __init__(
        self, filters: Filters, equipment: list[str], apply: Callable[[Filters], None]
    ) -> None:
        super().__init__()
        self.filters = filters
        self.equipment = equipment
        self.apply = apply

    def compose(self) -> ComposeResult:
        choices = {
            "region": word_options(REGIONS),
            "kind": word_options(KINDS),
            "position": word_options(POSITIONS),
            "equipment": word_options(self.equipment),
        }
        with Vertical(classes="dialog small", id="filter-dialog"):
            yield Label("Filter the library", classes="dialog-title", markup=False)
            with Grid(classes="info-grid"):
                for name in FILTERS:
                    value = getattr(self.filters, name)
                    yield Label(name.capitalize(), classes="field-label", markup=False)
                    yield Select(
                        choices[name],
                        prompt="any",
                        value=value if value in dict(choices[name]).values() else Select.NULL,
                        id=name,
                        compact=True,
                    )
            with Horizontal(classes="buttons"):
                yield Button("Done", id="done", variant="primary", compact=True)
                yield Button("Clear all", id="clear", compact=True)

    def on_mount(self) -> None:
        self.set_focus(self.query_one("#region", Select))

    def to_model(self) -> Filters:
        values: list[str | None] = []
        for name in FILTERS:
            value = self.query_one(f"#{name}", Select).value
            values.append(value if isinstance(value, str) else None)
        return Filters(*values)

    @on(Select.Changed)
    def changed(self) -> None:
        self.apply(self.to_model())

    @on(Button.Pressed, "#done")
    def action_done(self) -> None:
        self.dismiss(self.to_model())

    @on(Button.Pressed, "#clear")
    def action_clear(self) -> None:
        for name in FILTERS:
            self.query_one(f"#{name}", Select).clear()
