"""Small dialogs: a question with buttons, and one line of text to type."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Literal, TypeVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Button, Input, Label, Static

from tui.commands import SCREEN_ACTIONS

T = TypeVar("T")
Variant = Literal["default", "primary", "success", "warning", "error"]


class Dialog(ModalScreen[T]):
    """A modal that Esc closes without an answer.

    The dialogs' styles live here, so that they are parsed when the first dialog opens, not at
    start-up.
    """

    SCOPED_CSS = False
    # A class of our own to style by: the file picker has a widget named Dialog too, and a
    # rule for "Dialog" would lay out its insides as well.
    DEFAULT_CLASSES = "hepster-dialog"
    DEFAULT_CSS = """
    .hepster-dialog {
        align: center middle;
        background: $background 60%;
    }

    /* The file picker (textual-fspicker) as big as the terminal allows, so that at 80x24 its
       file list keeps some height and its file-type choice a readable width. */
    FileSystemPickerScreen Dialog {
        width: 100%;
        height: 100%;
        max-width: 110;
        max-height: 40;
    }

    BaseFileDialog InputBar Button {
        min-width: 10;
    }

    BaseFileDialog InputBar Select {
        width: 20;
    }

    .dialog {
        width: 76;
        max-width: 100%;
        height: auto;
        max-height: 100%;
        padding: 0 1;
        border: round $accent;
        background: $surface;
    }

    .dialog.small {
        width: 70;
    }

    .dialog.tall {
        height: 100%;
        max-height: 40;
    }

    .dialog-title {
        text-style: bold;
        width: 100%;
        margin-bottom: 1;
    }

    .hint {
        color: $text-muted;
        margin-bottom: 1;
    }

    .question {
        margin-bottom: 1;
    }

    .buttons {
        height: auto;
        margin-top: 1;
    }

    .buttons Button {
        margin-right: 2;
    }

    .problems {
        color: $error;
        height: auto;
    }

    .form-body {
        height: 1fr;
    }

    .dose-fields {
        grid-size: 4;
        grid-columns: 12 1fr 12 1fr;
        grid-gutter: 0 1;
        height: auto;
    }

    .dose-fields .wide {
        column-span: 3;
    }

    .dose-fields TextArea {
        height: 3;
    }

    .info-grid {
        grid-size: 2;
        grid-columns: 12 1fr;
        grid-gutter: 0 1;
        height: auto;
    }

    .field-label {
        color: $text-muted;
    }

    .form TextArea {
        height: 4;
        margin-bottom: 1;
    }

    .form .dose-fields TextArea {
        height: 3;
        margin-bottom: 0;
    }

    .-invalid {
        background: $error 25%;
    }

    #dose-line {
        margin-top: 1;
        text-style: bold;
        height: auto;
    }

    #regions {
        height: 8;
        border: none;
        padding: 0;
    }

    #export .options {
        height: auto;
        margin-top: 1;
    }

    #export .options Select {
        width: 16;
        margin-right: 2;
    }

    #help-body {
        height: 1fr;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    # Forms set this: Esc is easy to hit by accident, and a form may hold minutes of typing
    # (goals, a whole custom exercise). With changes made, Esc asks before throwing them away.
    ASK_BEFORE_DISCARDING: ClassVar[bool] = False
    opening_values: dict[str, object] | None = None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The main screen's commands are bound as `screen.ACTION`, and Textual asks the screen
        on top whether they can run (for the footer still drawn beneath a dialog): under a
        dialog they cannot."""
        return action not in SCREEN_ACTIONS or hasattr(self, f"action_{action}")

    def on_mount(self) -> None:
        if self.ASK_BEFORE_DISCARDING:
            # After the first refresh: forms fill and tidy their fields while mounting.
            self.call_after_refresh(self.remember_opening_values)

    def remember_opening_values(self) -> None:
        self.opening_values = self.typed_values()

    def typed_values(self) -> dict[str, object]:
        """What every field holds now, by id."""
        from textual.widgets import Checkbox, Select, SelectionList, TextArea

        values: dict[str, object] = {}
        for widget in self.query("Input, TextArea, Select, Checkbox, SelectionList"):
            if isinstance(widget, Input | Select | Checkbox):
                values[str(widget.id)] = widget.value
            elif isinstance(widget, TextArea):
                values[str(widget.id)] = widget.text
            elif isinstance(widget, SelectionList):
                values[str(widget.id)] = sorted(map(str, widget.selected))
        return values

    def has_changes(self) -> bool:
        return self.opening_values is not None and self.typed_values() != self.opening_values

    def action_cancel(self) -> None:
        if not (self.ASK_BEFORE_DISCARDING and self.has_changes()):
            self.dismiss(None)
            return
        choices = [Choice("keep", "Keep editing", "primary"), Choice("discard", "Discard")]

        def answered(answer: str | None) -> None:
            if answer == "discard":
                self.dismiss(None)

        question = "You have typed changes here. Throw them away?"
        self.app.push_screen(ChoiceScreen("Discard changes?", question, choices), answered)


@dataclass(frozen=True)
class Choice:
    value: str
    label: str
    variant: Variant = "default"
    key: str | None = None  # a letter that presses it at once


class ChoiceScreen(Dialog[str | None]):
    """A question and a row of buttons; ←/→ move between them, Enter presses one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "app.focus_previous", show=False),
        Binding("right", "app.focus_next", show=False),
    ]

    def __init__(self, title: str, question: str, choices: list[Choice]) -> None:
        super().__init__()
        self.title_text = title
        self.question = question
        self.choices = choices

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog small"):
            yield Label(self.title_text, classes="dialog-title", markup=False)
            yield Static(self.question, classes="question", markup=False)
            with Horizontal(classes="buttons"):
                for choice in self.choices:
                    yield Button(
                        choice.label,
                        id=f"choice-{choice.value}",
                        variant=choice.variant,
                        compact=True,
                    )

    def on_mount(self) -> None:
        self.set_focus(self.query(Button).first())

    @on(Button.Pressed)
    def pressed(self, event: Button.Pressed) -> None:
        self.dismiss((event.button.id or "").removeprefix("choice-"))

    def on_key(self, event: events.Key) -> None:
        for choice in self.choices:
            if choice.key is not None and event.key == choice.key:
                event.stop()
                self.dismiss(choice.value)
                return


class AskText(Dialog[str | None]):
    """One line of text: a section name, say. Enter accepts, Esc cancels."""

    def __init__(
        self,
        title: str,
        hint: str,
        value: str,
        *,
        max_length: int = 0,
        suggestions: list[str] | None = None,
    ) -> None:
        super().__init__()
        self.title_text = title
        self.hint = hint
        self.value = value
        self.max_length = max_length
        self.suggestions = suggestions or []

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog small"):
            yield Label(self.title_text, classes="dialog-title", markup=False)
            yield Static(self.hint, classes="hint", markup=False)
            suggester = SuggestFromList(self.suggestions, case_sensitive=False)
            yield Input(self.value, max_length=self.max_length, suggester=suggester, id="answer")
            with Horizontal(classes="buttons"):
                yield Button("OK", id="ok", variant="primary", compact=True)
                yield Button("Cancel", id="cancel", compact=True)

    @on(Input.Submitted)
    @on(Button.Pressed, "#ok")
    def accept(self) -> None:
        """Enter takes the greyed-in suggestion too: "Str" with "Strength" shown means Strength
        (a half-typed new section is far less likely than wanting the one offered)."""
        value = self.query_one(Input).value
        typed = value.strip().lower()
        if typed:
            offered = [s for s in self.suggestions if s.lower().startswith(typed)]
            if offered and all(s.lower() != typed for s in self.suggestions):
                value = offered[0]
        self.dismiss(value)

    @on(Button.Pressed, "#cancel")
    def cancel(self) -> None:
        self.dismiss(None)
