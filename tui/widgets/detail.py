"""The exercise detail pane: everything the patient will read about one exercise, its default
dose, its picture, and which library layer it comes from (and whom it overrides).

The library's side words (`{side}`, `{other side}`) are shown as a patient reads them when no
side is chosen ("cross one ankle over your other knee"): the pane is about the exercise, not
one item, and never shows the braces (library/side_text.py)."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text
from textual.containers import VerticalScroll
from textual.timer import Timer
from textual.widgets import Static

from library.dose_text import dose_text
from library.model import Exercise
from library.side_text import fill, reading

LAYER_TEXT = {
    "bundled": "the bundled library",
    "clinic": "your clinic's library",
    "personal": "your personal library",
    "program": "this program's file",
}


def layer_line(exercise: Exercise, overridden: list[Exercise]) -> Text:
    text = Text(f"From {LAYER_TEXT.get(exercise.layer, exercise.layer)}", style="italic")
    for hidden in overridden:
        text.append(f"; overrides the one in {LAYER_TEXT.get(hidden.layer, hidden.layer)}")
    return text


def picture(exercise: Exercise, rows: int, drawn_yet: bool) -> RenderableType:
    """The drawn figure in braille, or a word about the picture file the handout prints. Not
    drawn yet: blank room of the figure's height (the figure code is not loaded yet)."""
    if exercise.image_path() is not None:
        return Text(f"Picture: {exercise.image} (printed on the handout)", style="dim")
    if exercise.figure is None:
        gone = f"Picture file missing: {exercise.image}" if exercise.image else None
        return Text(gone or "No picture for this exercise yet", style="dim")
    shown: RenderableType = Text("\n" * (rows - 1))
    if drawn_yet:
        from tui.widgets.figure_cells import FigureCells

        shown = FigureCells.of(exercise, rows) or shown
    if exercise.image:
        note = f"Picture file missing: {exercise.image}; the drawn figure is printed instead"
        return Group(shown, Text(note, style="dim"))
    return shown


def detail(
    exercise: Exercise, overridden: list[Exercise], rows: int = 12, *, drawn: bool = True
) -> RenderableType:
    """Everything about the exercise; `drawn` False leaves the picture's room blank, to be
    drawn a moment later (at start-up, so that the app is on screen first)."""
    parts: list[RenderableType] = []
    head = Text(exercise.name, style="bold")
    head.append(f"\n{exercise.id}", style="dim")
    parts.append(head)
    parts.append(layer_line(exercise, overridden))
    facts = [", ".join(r.replace("-", " ") for r in exercise.regions), exercise.kind]
    if exercise.position:
        facts.append(exercise.position.replace("-", " "))
    facts.append("equipment: " + (", ".join(exercise.equipment) or "none"))
    if exercise.sided:
        facts.append("one side at a time")
    parts.append(Text(" · ".join(facts), style="dim"))
    parts += [Text(""), picture(exercise, rows, drawn)]
    said = reading(exercise, None)  # no side in particular
    if said.summary:
        parts.append(Text(f"\n{said.summary}"))
    steps = Text("\nSteps", style="bold")
    for number, step in enumerate(said.steps, 1):
        steps.append(f"\n{number}. ", style="bold")
        steps.append(step, style="not bold")
    parts.append(steps)
    if said.cues:
        cues = Text("\nTips", style="bold")
        for cue in said.cues:
            cues.append(f"\n• {cue}", style="not bold")
        parts.append(cues)
    if said.cautions:
        cautions = Text("\nCautions", style="bold")
        for caution in said.cautions:
            cautions.append(f"\n! {caution}", style="not bold")
        parts.append(cautions)
    dose = Text("\nDefault dose: ", style="bold")
    dose.append(dose_text(exercise.dose) or "none given", style="not bold")
    if exercise.dose and exercise.dose.notes:
        dose.append(f"\n{fill(exercise.dose.notes, None)}", style="not bold")
    parts.append(dose)
    return Group(*parts)


FIRST_PICTURE_DELAY = 0.15  # seconds after the first screen
# While the therapist types, the pane shows the best match this long after the last keystroke.
WHILE_TYPING_S = 0.12


class ExerciseDetail(VerticalScroll, can_focus=True):
    """Scrolls with ↑/↓ when focused; shows the exercise highlighted in the browser."""

    DEFAULT_CSS = """
    ExerciseDetail {
        width: 3fr;
        padding: 0 1;
        border-right: vkey $foreground 20%;
    }
    ExerciseDetail:focus {
        background: $boost;
    }
    """

    def compose(self):  # type: ignore[no-untyped-def]
        yield Static(
            "Pick an exercise on the left to read it here.", id="detail-text", markup=False
        )

    exercise: Exercise | None = None
    overridden: list[Exercise] = []  # noqa: RUF012 (replaced, never changed in place)
    pending: Timer | None = None  # shows `waiting_for` when the typing pauses
    waiting_for: tuple[Exercise | None, list[Exercise]] | None = None
    stale = True  # what is shown must be drawn again (the picture is ready now, say)

    def show(
        self, exercise: Exercise | None, overridden: list[Exercise], *, soon: bool = False
    ) -> None:
        """Show `exercise`; `soon`: while the therapist types, once the typing pauses."""
        if self.pending is not None:
            self.pending.stop()
            self.pending, self.waiting_for = None, None
        if exercise is self.exercise and overridden == self.overridden and not self.stale:
            return
        if soon:
            # Each keystroke may change the best match: the list follows at once, the pane
            # (the costliest part of the screen to lay out) when the typing pauses.
            self.pending = self.set_timer(WHILE_TYPING_S, self.settle)
            self.waiting_for = (exercise, overridden)
            return
        self.stale = False
        self.exercise, self.overridden = exercise, overridden
        text = self.query_one("#detail-text", Static)
        if exercise is None:
            text.update("Pick an exercise on the left to read it here.")
        else:
            # A shorter picture on a short screen, so that the steps still show below it.
            rows = 14 if self.app.size.height >= 36 else 8
            text.update(detail(exercise, overridden, rows, drawn=self.drawing))
            if not self.drawing and not self.waiting:
                self.waiting = True
                self.set_timer(FIRST_PICTURE_DELAY, self.start_drawing)
        self.scroll_home(animate=False)

    def settle(self) -> None:
        """Show now what waits for the typing to pause."""
        if self.waiting_for is not None:
            self.show(*self.waiting_for)

    def current(self) -> Exercise | None:
        """The exercise the pane is about (the one the cursor is on, even mid-typing)."""
        self.settle()
        return self.exercise

    def on_focus(self) -> None:
        self.settle()

    # The first exercise is shown before its picture: drawing loads the figure code and
    # rasterises it (some 40 ms), which need not hold up the app's first screen.
    drawing = False
    waiting = False

    def start_drawing(self) -> None:
        self.drawing = True
        self.stale = True
        # What waits for the typing to pause is drawn then, with its picture; showing the
        # current one now would cancel it.
        if self.waiting_for is None:
            self.show(self.exercise, self.overridden)
