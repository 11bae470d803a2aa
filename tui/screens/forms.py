"""The smaller forms: an item's notes, the program's info, and the therapist's settings.

Each converts to and from its domain object (`load_model` / `to_model`) and is checked by the
same rules as the files it ends up in.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Checkbox, Input, Label, Select, Static, TextArea

from library.editing import ProgramInfo, info_of
from library.field_text import (
    check_info_fields,
    info_fields,
    lines_value,
    number_value,
    problem_key,
    without_none,
)
from library.model import PAIN_LIMIT, PAIN_LIMIT_RANGE, Item, Program
from library.problems import Collector, Problem
from library.schema import (
    ITEM_NOTES_LEN,
    PROGRESSION_LEN,
    WARNING_SIGNS_LIMITS,
    Table,
    check_pain_limit,
)
from library.settings import PAPERS, SETTINGS_TEXT_LIMITS, Settings, cleaned
from tui.screens.dialogs import Dialog, T
from tui.screens.dose import problem_lines
from tui.widgets.tick_box import TickBox


def area(text: str, id: str) -> TextArea:
    return TextArea(text, id=id, soft_wrap=True, show_line_numbers=False, compact=True)


class FormDialog(Dialog[T]):
    """Ctrl+S saves (when valid), Esc cancels; subclasses define `check` and `result`."""

    ASK_BEFORE_DISCARDING = True
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save"),
        Binding("escape", "cancel", "Cancel"),
    ]

    problems: list[Problem]

    def buttons(self) -> ComposeResult:
        yield Static("", id="problems", classes="problems", markup=False)
        with Horizontal(classes="buttons"):
            yield Button("Save", id="save", variant="primary", compact=True)
            yield Button("Cancel", id="cancel", compact=True)

    def check(self) -> None:
        self.problems = []

    def show_problems(self, labels: dict[str, str] | None = None) -> None:
        self.query_one("#problems", Static).update(problem_lines(self.problems, labels))
        self.query_one("#save", Button).disabled = bool(self.problems)
        bad = {problem_key(problem) for problem in self.problems}
        for widget in self.query("Input, TextArea, Select"):
            widget.set_class(widget.id in bad, "-invalid")

    def result(self) -> T | None:
        return None

    @on(Input.Changed)
    @on(TextArea.Changed)
    @on(Select.Changed)
    @on(Checkbox.Changed)
    def changed(self) -> None:
        self.check()

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        self.check()
        if self.problems:
            self.notify(
                problem_lines(self.problems), title="Not saved yet", severity="error", timeout=5
            )
            return
        self.dismiss(self.result())

    @on(Button.Pressed, "#cancel")
    def cancel_pressed(self) -> None:
        self.dismiss(None)


class NotesForm(FormDialog[tuple[str | None, str | None]]):
    """The item's notes for the patient and its progression rule."""

    def __init__(self, name: str, item: Item) -> None:
        super().__init__()
        self.exercise_name = name
        self.item = item

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog form"):
            yield Label(f"Notes: {self.exercise_name}", classes="dialog-title", markup=False)
            yield Label("Notes for the patient (printed under the exercise)", markup=False)
            yield area(self.item.notes or "", "notes")
            yield Label("Progression: when and how to make it harder", markup=False)
            yield area(self.item.progression or "", "progression")
            yield from self.buttons()

    def on_mount(self) -> None:
        self.set_focus(self.query_one("#notes", TextArea))
        self.check()

    def to_model(self) -> tuple[str | None, str | None]:
        notes = self.query_one("#notes", TextArea).text.strip()
        progression = self.query_one("#progression", TextArea).text.strip()
        return notes or None, progression or None

    def check(self) -> None:
        notes, progression = self.to_model()
        collector = Collector("item")
        table = Table(
            collector,
            {"notes": notes or "", "progression": progression or ""},
            "",
            ("notes", "progression"),
        )
        table.text("notes", ITEM_NOTES_LEN, multiline=True)
        table.text("progression", PROGRESSION_LEN, multiline=True)
        self.problems = collector.problems
        self.show_problems()

    def result(self) -> tuple[str | None, str | None] | None:
        return self.to_model()


INFO_INPUTS = (
    ("title", "Title"),
    ("patient", "Patient"),
    ("clinician", "Clinician"),
    ("clinic", "Clinic"),
    ("contact", "Contact"),
    ("created", "Created"),
    ("start", "First day"),
    ("pain_limit", "Pain limit"),
)
INFO_AREAS = (
    ("goals", "Goals, one a line"),
    ("precautions", "Precautions, one a line (printed in the \u201cStop and call us\u201d box)"),
    ("warning_signs", "Your own warning signs: stop and call us if\u2026, one a line"),
    ("notes", "Notes for the patient"),
)
INFO_PLACEHOLDERS = {
    "created": "YYYY-MM-DD",
    "start": "YYYY-MM-DD",
    "pain_limit": f"the most pain that is okay, {PAIN_LIMIT_RANGE[0]} to {PAIN_LIMIT_RANGE[1]}; "
    f"empty means {PAIN_LIMIT}",
}
# The fields the program file has and `field_text`'s info fields do not (yet): checked here by
# the schema's own rules (`check_pain_limit`, the limits of `warning_signs`).
OWN_KEYS = ("warning_signs", "pain_limit")


def own_fields(program: Program) -> dict[str, str]:
    limit = program.pain_limit
    return {
        "warning_signs": "\n".join(program.warning_signs),
        "pain_limit": "" if limit is None else str(limit),
    }


def check_own_fields(values: dict[str, str]) -> tuple[dict[str, Any], list[Problem]]:
    """The warning signs and pain limit typed in the form, checked as a program file's are."""
    raw = without_none(
        {
            "warning_signs": lines_value(values.get("warning_signs", "")),
            "pain_limit": number_value(values.get("pain_limit", "")),
        }
    )
    collector = Collector("program")
    table = Table(collector, raw, "", OWN_KEYS)
    checked = {
        "warning_signs": table.texts("warning_signs", *WARNING_SIGNS_LIMITS),
        "pain_limit": check_pain_limit(table),
    }
    return checked, collector.problems


def language_choice(current: str | None, label: str) -> ComposeResult:
    """A label and a list of the languages a handout can be printed in, on `current`."""
    from library.languages import SUPPORTED, english_name

    options = [(f"{SUPPORTED[tag]} ({english_name(tag)})", tag) for tag in SUPPORTED]
    options[0] = (SUPPORTED["en"], "en")
    if current is not None and current not in SUPPORTED:  # a region of its own: "es-MX"
        options.append((f"{current} ({english_name(current)})", current))
    yield Label(label, classes="field-label", markup=False)
    yield Select(options, value=current or "en", allow_blank=False, id="language", compact=True)


def chosen_language(select: Select[str], before: str | None) -> str | None:
    """The tag chosen; None for English when it was not set before (the file stays as it was)."""
    value = select.value
    if not isinstance(value, str) or (value == "en" and before is None):
        return None
    return value


class InfoForm(FormDialog[ProgramInfo]):
    """Title, patient, clinician, clinic, contact, dates, pain limit, goals, precautions, warning
    signs and notes.

    Ctrl+D fills clinician, clinic and contact from your settings.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+d", "defaults", "My defaults", priority=True)
    ]

    def __init__(self, program: Program, settings: Settings | None) -> None:
        super().__init__()
        self.program = program
        self.settings = settings or Settings()
        self.info: ProgramInfo | None = info_of(program)

    def compose(self) -> ComposeResult:
        values = info_fields(self.program) | own_fields(self.program)
        with Vertical(classes="dialog form tall"):
            yield Label("Program info", classes="dialog-title", markup=False)
            with VerticalScroll(classes="form-body"):
                with Grid(classes="info-grid"):
                    for key, label in INFO_INPUTS:
                        yield Label(label, classes="field-label", markup=False)
                        placeholder = INFO_PLACEHOLDERS.get(key, "")
                        yield Input(values[key], id=key, compact=True, placeholder=placeholder)
                    yield from language_choice(self.program.language, "Language")
                for key, label in INFO_AREAS:
                    yield Label(label, markup=False)
                    yield area(values[key], key)
            yield from self.buttons()
            yield Static(
                "Ctrl+D: your clinician, clinic and contact from the settings",
                classes="hint",
                markup=False,
            )

    def on_mount(self) -> None:
        self.set_focus(self.query_one("#title", Input))
        self.check()

    def field_values(self) -> dict[str, str]:
        values = {key: self.query_one(f"#{key}", Input).value for key, _ in INFO_INPUTS}
        for key, _ in INFO_AREAS:
            values[key] = self.query_one(f"#{key}", TextArea).text
        return values

    def load_model(self, program: Program) -> None:
        values = info_fields(program) | own_fields(program)
        for key, _ in INFO_INPUTS:
            self.query_one(f"#{key}", Input).value = values[key]
        for key, _ in INFO_AREAS:
            self.query_one(f"#{key}", TextArea).text = values[key]
        self.query_one("#language", Select).value = program.language or "en"

    def to_model(self) -> ProgramInfo | None:
        values = self.field_values()
        program, problems = check_info_fields(values)
        own, own_problems = check_own_fields(values)
        self.problems = problems + own_problems
        if program is None or own_problems:
            self.info = None
        else:
            language = chosen_language(self.query_one("#language", Select), self.program.language)
            self.info = replace(info_of(program), **own, language=language)
        return self.info

    def check(self) -> None:
        self.to_model()
        self.show_problems({key: label for key, label in INFO_INPUTS + INFO_AREAS})

    def action_defaults(self) -> None:
        for key in ("clinician", "clinic", "contact"):
            value = getattr(self.settings, key)
            if value:
                self.query_one(f"#{key}", Input).value = value
        if not (self.settings.clinician or self.settings.clinic or self.settings.contact):
            self.notify("No defaults yet: set them with F8 (Settings)", timeout=4)

    def result(self) -> ProgramInfo | None:
        return self.info


class SettingsForm(FormDialog[Settings]):
    """Your details, put on every new program, and how handouts print by default."""

    def __init__(self, settings: Settings) -> None:
        super().__init__()
        self.settings = settings

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog form"):
            yield Label("Settings", classes="dialog-title", markup=False)
            yield Static(
                "Put on every new program, so you type them once.", classes="hint", markup=False
            )
            with Grid(classes="info-grid"):
                for key, label in (
                    ("clinician", "Clinician"),
                    ("clinic", "Clinic"),
                    ("contact", "Contact"),
                ):
                    yield Label(label, classes="field-label", markup=False)
                    yield Input(getattr(self.settings, key) or "", id=key, compact=True)
                yield Label("Paper", classes="field-label", markup=False)
                yield Select(
                    [(p.upper() if p == "a4" else p.capitalize(), p) for p in PAPERS],
                    value=self.settings.paper,
                    allow_blank=False,
                    id="paper",
                    compact=True,
                )
                yield from language_choice(self.settings.language, "Language")
            yield TickBox(
                "Large print handouts", self.settings.large_print, id="large_print", compact=True
            )
            yield from self.buttons()

    def on_mount(self) -> None:
        self.set_focus(self.query_one("#clinician", Input))
        self.check()

    def to_model(self) -> Settings:
        paper = self.query_one("#paper", Select).value
        return cleaned(
            Settings(
                clinician=self.query_one("#clinician", Input).value,
                clinic=self.query_one("#clinic", Input).value,
                contact=self.query_one("#contact", Input).value,
                paper=paper if isinstance(paper, str) else "letter",
                large_print=self.query_one("#large_print", Checkbox).value,
                language=chosen_language(
                    self.query_one("#language", Select), self.settings.language
                ),
            )
        )

    def check(self) -> None:
        settings = self.to_model()
        collector = Collector("settings")
        table = Table(collector, {}, "", ())
        for key, limit in SETTINGS_TEXT_LIMITS.items():
            value = getattr(settings, key)
            if value:
                table.check_text(key, value, limit, required=False, multiline=False)
        self.problems = collector.problems
        self.show_problems()

    def result(self) -> Settings | None:
        return self.to_model()
