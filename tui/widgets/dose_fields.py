"""The fields of a dose (`library/dose_fields.py`), as a form: used by the dose editor and by
the custom exercise form for its default dose. Numbers take a range as `8-12`."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Grid
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input, Label, Select, TextArea

from library.dose_fields import DOSE_FIELDS, DoseField
from library.field_text import dose_fields
from library.model import Dose


class DoseFields(Grid):
    """`load_model(dose)` fills it; `values()` is what was typed, for `check_dose_fields`.

    One labelled field for each row of `DOSE_FIELDS`, in its order, with its id the row's key.
    """

    class Changed(Message):
        """Something was typed or chosen."""

    def __init__(self, dose: Dose | None, *, sided: bool | None, id: str | None = None) -> None:
        super().__init__(id=id, classes="dose-fields")
        self.dose = dose
        self.sided = sided

    def compose(self) -> ComposeResult:
        for field in DOSE_FIELDS:
            yield Label(field.label, classes="field-label", markup=False)
            yield self.field_widget(field)

    def field_widget(self, field: DoseField) -> Widget:
        if field.kind == "word":
            select = Select(field.options, prompt=field.placeholder, id=field.key, compact=True)
            if field.sided_only and self.sided is False:
                select.disabled = True
                select.tooltip = "Only for exercises done one side at a time"
            return select
        if field.multiline:
            return TextArea(
                id=field.key, classes="wide", soft_wrap=True, show_line_numbers=False, compact=True
            )
        size = "wide" if field.kind == "text" else "number"
        return Input(placeholder=field.placeholder, id=field.key, compact=True, classes=size)

    def on_mount(self) -> None:
        self.load_model(self.dose)

    def load_model(self, dose: Dose | None) -> None:
        values = dose_fields(dose)
        with self.prevent(Input.Changed, Select.Changed, TextArea.Changed):
            for field in DOSE_FIELDS:
                widget = self.query_one(f"#{field.key}")
                value = values[field.key]
                if isinstance(widget, Select):
                    if value:
                        widget.value = value
                    else:
                        widget.clear()
                elif isinstance(widget, TextArea):
                    widget.text = value
                elif isinstance(widget, Input):
                    widget.value = value
        self.post_message(self.Changed())

    def values(self) -> dict[str, str]:
        values: dict[str, str] = {}
        for field in DOSE_FIELDS:
            widget = self.query_one(f"#{field.key}")
            if isinstance(widget, Select):
                values[field.key] = widget.value if isinstance(widget.value, str) else ""
            elif isinstance(widget, TextArea):
                values[field.key] = widget.text
            elif isinstance(widget, Input):
                values[field.key] = widget.value
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
