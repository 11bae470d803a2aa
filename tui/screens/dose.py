"""The dose editor: every field of a dose, checked as you type by the rules for files, with the
line the patient will read shown live. Save stays off while anything is wrong."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, Static

from library.dose_fields import DOSE_FIELDS
from library.dose_text import dose_text
from library.field_text import check_dose_fields, form_message, problem_key
from library.model import Dose
from library.problems import Problem
from tui.screens.dialogs import Dialog
from tui.widgets.dose_fields import DoseFields

LABELS = {field.key: field.label for field in DOSE_FIELDS}


@dataclass(frozen=True)
class DoseResult:
    dose: Dose | None  # None: no dose at all


def problem_lines(problems: list[Problem], labels: dict[str, str] | None = None) -> str:
    lines = []
    for problem in problems:
        key = problem_key(problem)
        name = (labels or {}).get(key, key.replace("_s", "").replace("_", " "))
        message = form_message(problem.message)
        lines.append(f"{name}: {message}" if name else message)
    return "\n".join(lines)


class DoseEditor(Dialog[DoseResult | None]):
    """| Key | Action |
    | --- | --- |
    | Tab, Shift+Tab | Next or previous field |
    | Ctrl+S, Enter in a field | Save the dose (only when it is valid) |
    | Ctrl+R | Back to the exercise's default dose |
    | Esc | Cancel |
    """

    ASK_BEFORE_DISCARDING = True
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save"),
        Binding("ctrl+r", "default", "Default dose"),
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(
        self, name: str, dose: Dose | None, *, sided: bool | None, default: Dose | None
    ) -> None:
        super().__init__()
        self.exercise_name = name
        self.dose = dose
        self.sided = sided
        self.default = default
        self.checked: Dose | None = dose
        self.problems: list[Problem] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog form", id="dose-editor"):
            yield Label(f"Dose: {self.exercise_name}", classes="dialog-title", markup=False)
            yield DoseFields(self.dose, sided=self.sided, id="fields")
            yield Static("", id="dose-line", markup=False)
            yield Static("", id="problems", classes="problems", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Save", id="save", variant="primary", compact=True)
                yield Button("Default", id="default", compact=True)
                yield Button("Cancel", id="cancel", compact=True)

    def on_mount(self) -> None:
        self.set_focus(self.query_one(f"#{DOSE_FIELDS[0].key}", Input))

    def to_model(self) -> Dose | None:
        """The dose in the form, or None when it is not valid (see `problems`)."""
        dose, self.problems = check_dose_fields(self.query_one(DoseFields).values(), self.sided)
        self.checked = dose
        return dose

    def load_model(self, dose: Dose | None) -> None:
        self.query_one(DoseFields).load_model(dose)

    @on(DoseFields.Changed)
    def check(self) -> None:
        dose = self.to_model()
        fields = self.query_one(DoseFields)
        fields.mark({p.place: problem_key(p) for p in self.problems})
        line = self.query_one("#dose-line", Static)
        if dose is None:
            line.update("")
        else:
            text = dose_text(dose)
            line.update(f"Patient reads: {text}" if text else "Patient reads: (no dose)")
        self.query_one("#problems", Static).update(problem_lines(self.problems, LABELS))
        self.query_one("#save", Button).disabled = dose is None

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        dose = self.to_model()
        if dose is None:
            message = "Fix the dose first: " + problem_lines(self.problems, LABELS)
            self.notify(message, severity="error", timeout=4)
            return
        self.dismiss(DoseResult(None if dose.is_empty() else dose))

    @on(Button.Pressed, "#default")
    def action_default(self) -> None:
        self.load_model(self.default)

    @on(Button.Pressed, "#cancel")
    def cancel_pressed(self) -> None:
        self.dismiss(None)
