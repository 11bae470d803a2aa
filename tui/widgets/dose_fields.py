"""The fields of a dose (the README's dose table), as a form: used by the dose editor and by the
custom exercise form for its default dose. Numbers take a range as `8-12`."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Grid
from textual.message import Message
from textual.widgets import Input, Label, Select, TextArea

from library.field_text import dose_fields
from library.model import Dose

# key, label, placeholder; a number field takes a range.
NUMBERS = (
    ("sets", "Sets", "e.g. 3 or 2-3"),
    ("reps", "Reps", "e.g. 10 or 8-12"),
    ("hold_s", "Hold (s)", "e.g. 30"),
    ("duration_s", "Time (s)", "e.g. 60-120, or 1-2 min"),
    ("rest_s", "Rest (s)", "e.g. 30"),
    ("per_day", "Times a day", "e.g. 2"),
    ("days_per_week", "Days a week", "empty: every day"),
)
TEXTS = (
    ("load", "Load", "e.g. red band, 2 kg, body weight"),
    ("tempo", "Tempo", "e.g. 3 s down, 1 s up"),
    ("effort", "Effort", "e.g. pain no more than 3/10"),
    ("when", "When", "e.g. morning and evening"),
)
SIDE_OPTIONS = [
    ("each side", "each"),
    ("left only", "left"),
    ("right only", "right"),
    ("alternating", "alternating"),
]


class DoseFields(Grid):
    """`load_model(dose)` fills it; `values()` is what was typed, for `check_dose_fields`."""

    class Changed(Message):
        """Something was typed or chosen."""

    def __init__(self, dose: Dose | None, *, sided: bool | None, id: str | None = None) -> None:
        super().__init__(id=id, classes="dose-fields")
        self.dose = dose
        self.sided = sided

    def compose(self) -> ComposeResult:
        for key, label, placeholder in NUMBERS:
            yield Label(label, classes="field-label", markup=False)
            yield Input(placeholder=placeholder, id=key, compact=True, classes="number")
        yield Label("Side", classes="field-label", markup=False)
        side = Select(SIDE_OPTIONS, prompt="—", id="side", compact=True)
        if self.sided is False:
            side.disabled = True
            side.tooltip = "Only for exercises done one side at a time"
        yield side
        for key, label, placeholder in TEXTS:
            yield Label(label, classes="field-label", markup=False)
            yield Input(placeholder=placeholder, id=key, compact=True, classes="wide")
        yield Label("Notes", classes="field-label", markup=False)
        yield TextArea(
            id="notes", classes="wide", soft_wrap=True, show_line_numbers=False, compact=True
        )

    def on_mount(self) -> None:
        self.load_model(self.dose)

    def load_model(self, dose: Dose | None) -> None:
        values = dose_fields(dose)
        with self.prevent(Input.Changed, Select.Changed, TextArea.Changed):
            for key, _, _ in (*NUMBERS, *TEXTS):
                self.query_one(f"#{key}", Input).value = values[key]
            side = self.query_one("#side", Select)
            if values["side"]:
                side.value = values["side"]
            else:
                side.clear()
            self.query_one("#notes", TextArea).text = values["notes"]
        self.post_message(self.Changed())

    def values(self) -> dict[str, str]:
        values = {key: self.query_one(f"#{key}", Input).value for key, _, _ in (*NUMBERS, *TEXTS)}
        side = self.query_one("#side", Select).value
        values["side"] = side if isinstance(side, str) else ""
        values["notes"] = self.query_one("#notes", TextArea).text
        return values

    def mark(self, key_of: dict[str, str]) -> None:
        """Outline the fields that have a problem; `key_of` maps a problem's place to a field."""
        bad = set(key_of.values())
        for widget in self.query("Input, Select, TextArea"):
            widget.set_class(widget.id in bad, "-invalid")

    @on(Input.Changed)
    @on(Select.Changed)
    @on(TextArea.Changed)
    def something_changed(self, event: Message) -> None:
        event.stop()
        self.post_message(self.Changed())
