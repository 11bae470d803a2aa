"""The custom exercise form: every field of an exercise (README.md, Files), checked as you
type by the library's own rules, for a new exercise or a clone of the highlighted one."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Horizontal, Vertical, VerticalScroll
from textual.widgets import (
    Button,
    Checkbox,
    Input,
    Label,
    Select,
    SelectionList,
    Static,
    TextArea,
)

from library.exercise_files import (
    check_custom_exercise,
    exercise_fields,
    exercise_raw,
    id_from_name,
)
from library.layers import Library
from library.model import Exercise
from library.problems import Problem
from library.words import KINDS, POSITIONS, REGIONS
from tui.screens.dialogs import Dialog
from tui.screens.dose import problem_lines
from tui.widgets.browser import word_options
from tui.widgets.dose_fields import DoseFields
from tui.widgets.tick_box import TickBox, TickList

INPUTS = (
    ("id", "Id", "lowercase-words-with-dashes"),
    ("name", "Name", "what the patient reads as the title"),
    ("aka", "Other names", "comma-separated; found by search"),
    ("equipment", "Equipment", "comma-separated, or none"),
    ("summary", "Summary", "one plain sentence for the patient"),
    ("image", "Picture", "images/name.png, beside the file"),
    ("video", "Video", "https://…"),
    ("tags", "Tags", "comma-separated"),
)
AREAS = (
    ("steps", "Steps, one a line (1 to 12)"),
    ("cues", "Tips, one a line"),
    ("cautions", "Cautions, one a line"),
)
LABELS = {key: label for key, label, _ in INPUTS} | {key: label for key, label in AREAS}


class ExerciseForm(Dialog[Exercise | None]):
    """Ctrl+S saves into your personal library (only when valid); Esc cancels."""

    ASK_BEFORE_DISCARDING = True
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save"),
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(self, start: Exercise | None, library: Library) -> None:
        super().__init__()
        self.start = start
        self.library = library
        self.exercise: Exercise | None = None
        self.problems: list[Problem] = []

    def compose(self) -> ComposeResult:
        start = self.start
        values = exercise_fields(start) if start else {}
        title = f"Clone of {start.name}" if start else "New exercise"
        with Vertical(classes="dialog form tall", id="exercise-form"):
            yield Label(
                f"{title}: saved to your personal library", classes="dialog-title", markup=False
            )
            yield Static("", id="layer-note", classes="hint", markup=False)
            with VerticalScroll(classes="form-body"):
                with Grid(classes="info-grid"):
                    for key, label, placeholder in INPUTS[:3]:
                        yield Label(label, classes="field-label", markup=False)
                        yield Input(
                            values.get(key, ""), id=key, placeholder=placeholder, compact=True
                        )
                    yield Label("Kind", classes="field-label", markup=False)
                    yield Select(
                        word_options(KINDS),
                        prompt="choose one",
                        id="kind",
                        value=start.kind if start else Select.NULL,
                        compact=True,
                    )
                    yield Label("Position", classes="field-label", markup=False)
                    yield Select(
                        word_options(POSITIONS),
                        prompt="—",
                        id="position",
                        value=(start.position if start and start.position else Select.NULL),
                        compact=True,
                    )
                    for key, label, placeholder in INPUTS[3:]:
                        yield Label(label, classes="field-label", markup=False)
                        yield Input(
                            values.get(key, ""), id=key, placeholder=placeholder, compact=True
                        )
                yield TickBox(
                    "Done one side at a time (sided)",
                    start.sided if start else False,
                    id="sided",
                    compact=True,
                )
                yield Label("Regions (Space ticks one)", markup=False)
                chosen = set(start.regions) if start else set()
                yield TickList[str](
                    *((r.replace("-", " "), r, r in chosen) for r in REGIONS), id="regions"
                )
                for key, label in AREAS:
                    yield Label(label, markup=False)
                    yield TextArea(
                        values.get(key, ""),
                        id=key,
                        soft_wrap=True,
                        show_line_numbers=False,
                        compact=True,
                    )
                yield Label("Default dose", markup=False)
                yield DoseFields(start.dose if start else None, sided=None, id="dose")
            yield Static("", id="problems", classes="problems", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Save", id="save", variant="primary", compact=True)
                yield Button("Cancel", id="cancel", compact=True)

    # The id last filled in from the name: while the id still holds it, a changed name
    # changes the id too; once the therapist types an id of their own, it stays.
    filled_id = ""

    def on_mount(self) -> None:
        self.set_focus(self.query_one("#id" if self.start is None else "#name", Input))
        self.check()

    def to_model(self) -> Exercise | None:
        values = {key: self.query_one(f"#{key}", Input).value for key, _, _ in INPUTS}
        for key, _ in AREAS:
            values[key] = self.query_one(f"#{key}", TextArea).text
        for key in ("kind", "position"):
            value = self.query_one(f"#{key}", Select).value
            values[key] = value if isinstance(value, str) else ""
        regions = list(self.query_one("#regions", SelectionList).selected)
        sided = self.query_one("#sided", Checkbox).value
        dose = self.query_one(DoseFields).values()
        raw = exercise_raw(values, [str(r) for r in regions], sided, dose)
        self.exercise, self.problems = check_custom_exercise(raw)
        return self.exercise

    def check(self) -> None:
        self.to_model()
        labels = {**LABELS, "kind": "Kind", "position": "Position", "regions": "Regions"}
        shown = 2  # at 80×24 the form needs the rows more than a long list of what is missing
        more = f"\n… and {len(self.problems) - shown} more" if len(self.problems) > shown else ""
        # Until the first change, what is missing is not listed: a new form is all "missing".
        touched = self.has_changes()
        listed = problem_lines(self.problems[:shown], labels) + more if touched else ""
        self.query_one("#problems", Static).update(listed)
        self.query_one("#save", Button).disabled = bool(self.problems)
        bad = {p.place.split(".")[-1].split("[")[0] for p in self.problems}
        for widget in self.query("Input, TextArea, Select, SelectionList"):
            widget.set_class(touched and widget.id in bad, "-invalid")
        self.query_one("#layer-note", Static).update(self.layer_note())

    def layer_note(self) -> str:
        exercise_id = self.query_one("#id", Input).value.strip()
        existing = self.library.get(exercise_id)
        if not exercise_id:
            return "Its id names it in program files; typing the name fills it in."
        if existing is None:
            return "A new exercise in your library."
        if existing.layer == "personal":
            return "This id is yours already: saving updates your exercise."
        return (
            f"Same id as the {existing.layer} exercise: saving makes your version "
            "override it. Change the id to keep both."
        )

    @on(Input.Changed)
    @on(TextArea.Changed)
    @on(Select.Changed)
    @on(Checkbox.Changed)
    @on(SelectionList.SelectedChanged)
    @on(DoseFields.Changed)
    def changed(self) -> None:
        if self.is_mounted:
            self.check()

    @on(Input.Changed, "#name")
    def name_changed(self) -> None:
        if self.start is not None:
            return  # a clone keeps its id unless the therapist changes it
        field = self.query_one("#id", Input)
        if field.value.strip() in ("", self.filled_id):
            self.filled_id = id_from_name(self.query_one("#name", Input).value)
            field.value = self.filled_id

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        exercise = self.to_model()
        if exercise is None:
            self.notify(
                problem_lines(self.problems[:6]), title="Not saved yet", severity="error", timeout=6
            )
            return
        self.dismiss(exercise)

    @on(Button.Pressed, "#cancel")
    def cancel_pressed(self) -> None:
        self.dismiss(None)
