"""File dialogs: new (blank or a template), open (recent files, a typed path, or a file picker),
save as, and export. A typed path is always possible, so everything works from the keyboard and
over SSH; the file picker (textual-fspicker) is there for browsing."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Checkbox, Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from library.field_text import slug
from library.layers import Template
from library.model import Program
from library.recent import recent_files
from library.safe_text import shown
from library.settings import PAPERS
from tui.screens.dialogs import Dialog
from tui.widgets.tick_box import TickBox


def file_name(program: Program) -> str:
    """A file name from the patient and title: `maria-garcia-knee-program`, never empty."""
    words = " ".join(part for part in (program.patient, program.title) if part)
    return slug(words) or "program"


def resolved(text: str, base: Path | None = None) -> Path | str:
    """What is typed, as an absolute path (a bare name is in `base`, else the current folder),
    or a one-line reason it is no path at all."""
    text = text.strip()
    if not text:
        return "Type a file name"
    try:
        path = Path(text).expanduser()
    except RuntimeError:  # "~name/..." for a user that does not exist (yet: still typing)
        return f"No user's home folder is called {text.split('/')[0]}"
    return path if path.is_absolute() else (base or Path.cwd()) / path


def typed_path(text: str, suffix: str, base: Path | None = None) -> Path | str:
    """The file typed into a dialog, or a one-line reason it will not do."""
    path = resolved(text, base)
    if isinstance(path, str):
        return path
    if not path.suffix and not path.is_dir():  # "jane-v2" means jane-v2.toml
        path = path.with_name(path.name + suffix)
    if path.suffix.lower() != suffix:
        return f"The file name must end in {suffix}"
    if path.is_dir():
        return f"{path} is a folder"
    if not path.parent.is_dir():
        return f"There is no folder {path.parent}"
    return path


def pick_file(dialog: Dialog[Path | None], start: Path, *, save: bool) -> None:
    """Open textual-fspicker's dialog; a missing picker is reported, not a crash."""
    try:
        from textual_fspicker import FileOpen, FileSave, Filters
    except ImportError:
        dialog.notify(
            "The file browser is not installed: type the path instead.", severity="warning"
        )
        return
    filters = Filters(
        ("Programs", lambda p: p.suffix.lower() == ".toml"), ("Everything", lambda _: True)
    )
    picker = FileSave(start, filters=filters) if save else FileOpen(start, filters=filters)

    def chosen(path: Path | None) -> None:
        if path is not None:
            dialog.query_one("#path", Input).value = str(path)
            dialog.query_one("#path", Input).focus()

    dialog.app.push_screen(picker, chosen)


def recent_prompt(path: Path) -> Text:
    """A recent file: its name, then its folder dimmed; file names are text, never markup."""
    text = Text(shown(path.name))
    text.append(f"  {shown(str(path.parent))}", style="dim")
    return text


class PathDialog(Dialog[Path | None]):
    """A path to type (prefilled), a Browse button, and a line saying what is wrong."""

    suffix = ".toml"
    title_text = ""
    confirm_overwrite = False

    def __init__(self, start: Path) -> None:
        super().__init__()
        self.start = start
        self.overwrite_ok: Path | None = None

    def path_widgets(self) -> ComposeResult:
        yield Input(str(self.start), id="path", select_on_focus=False)
        yield Static("", id="problems", classes="problems", markup=False)

    def focus_path(self) -> None:
        field = self.query_one("#path", Input)
        self.set_focus(field)
        # All selected: typing a name replaces the suggestion, and the name goes in the folder
        # suggested (see `folder`); typing a whole path works too, and so does Ctrl+U.
        field.select_all()

    @property
    def folder(self) -> Path:
        return self.start if self.start.is_dir() else self.start.parent

    @on(Input.Changed, "#path")
    def path_changed(self) -> None:
        text = self.query_one("#path", Input).value
        result = typed_path(text, self.suffix, self.folder)
        # A folder is where one starts typing a name: nothing to complain about yet.
        place = resolved(text, self.folder)
        if isinstance(place, Path) and place.is_dir():
            result = ""
        self.query_one("#problems", Static).update(result if isinstance(result, str) else "")

    @on(Button.Pressed, "#browse")
    def browse(self) -> None:
        typed = typed_path(self.query_one("#path", Input).value, self.suffix, self.folder)
        folder = typed.parent if isinstance(typed, Path) else Path.cwd()
        pick_file(self, folder, save=self.confirm_overwrite)

    @on(Button.Pressed, "#cancel")
    def cancel(self) -> None:
        self.dismiss(None)

    @on(Input.Submitted, "#path")
    @on(Button.Pressed, "#ok")
    def accept(self) -> None:
        result = typed_path(self.query_one("#path", Input).value, self.suffix, self.folder)
        if isinstance(result, str):
            self.notify(result, severity="error", timeout=4)
            return
        self.finish(result)

    def finish(self, path: Path) -> None:
        if self.confirm_overwrite and path.exists() and self.overwrite_ok != path:
            self.overwrite_ok = path
            self.query_one("#problems", Static).update(
                f"{path.name} exists. Enter again to replace it (a .bak copy is kept)."
            )
            return
        self.dismiss(path)


class SaveAsScreen(PathDialog):
    confirm_overwrite = True

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog small"):
            yield Label("Save program as", classes="dialog-title", markup=False)
            yield Static("The file for this program (.toml):", classes="hint", markup=False)
            yield from self.path_widgets()
            with Horizontal(classes="buttons"):
                yield Button("Save", id="ok", variant="primary", compact=True)
                yield Button("Browse…", id="browse", compact=True)
                yield Button("Cancel", id="cancel", compact=True)

    def on_mount(self) -> None:
        self.focus_path()


class OpenScreen(PathDialog):
    """Recent files first (Enter opens one), then a path to type, or Browse…"""

    def __init__(self, folder: Path | None) -> None:
        recent = recent_files()
        start = (folder or (recent[0].parent if recent else Path.cwd())) / ""
        super().__init__(start)
        self.recent = recent

    def path_widgets(self) -> ComposeResult:
        yield Input(str(self.start).rstrip("/") + "/", id="path", select_on_focus=False)
        yield Static("", id="problems", classes="problems", markup=False)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog form"):
            yield Label("Open a program", classes="dialog-title", markup=False)
            if self.recent:
                yield Label("Recent files (Enter opens one):", markup=False)
                yield OptionList(
                    *(Option(recent_prompt(p), id=str(p)) for p in self.recent),
                    id="recent",
                )
            else:
                yield Static("No recent files yet.", classes="hint", markup=False)
            yield Label("Or type a path:", markup=False)
            yield from self.path_widgets()
            with Horizontal(classes="buttons"):
                yield Button("Open", id="ok", variant="primary", compact=True)
                yield Button("Browse…", id="browse", compact=True)
                yield Button("Cancel", id="cancel", compact=True)

    def on_mount(self) -> None:
        if self.recent:
            self.set_focus(self.query_one("#recent", OptionList))
        else:
            self.focus_path()

    @on(OptionList.OptionSelected, "#recent")
    def recent_chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.dismiss(Path(event.option.id))

    def finish(self, path: Path) -> None:
        if not path.is_file():
            self.notify(f"There is no file {path}", severity="error", timeout=4)
            return
        self.dismiss(path)


class NewProgramScreen(Dialog[str | None]):
    """A blank program ("") or a template's id."""

    def __init__(self, templates: Mapping[str, Template]) -> None:
        super().__init__()
        self.templates = templates

    def compose(self) -> ComposeResult:
        options = [Option("Blank program", id="")]
        by_title = sorted(self.templates.values(), key=lambda t: (t.title or t.id).lower())
        for template in by_title:
            # Text, never markup: a template titled "[x]" must not break the list.
            prompt = Text(shown(template.title or template.id.replace("-", " ")))
            if template.layer != "bundled":
                prompt.append(f"  [{template.layer}]", style="italic")
            options.append(Option(prompt, id=f"t:{template.id}"))
        with Vertical(classes="dialog form"):
            yield Label("New program", classes="dialog-title", markup=False)
            yield Static(
                "Start blank, or from a template you then change. Enter chooses.",
                classes="hint",
                markup=False,
            )
            yield OptionList(*options, id="choices")

    def on_mount(self) -> None:
        self.set_focus(self.query_one("#choices", OptionList))

    @on(OptionList.OptionSelected, "#choices")
    def chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss((event.option.id or "").removeprefix("t:"))


@dataclass(frozen=True)
class ExportChoice:
    path: Path
    paper: str
    large_print: bool


class ExportScreen(Dialog[ExportChoice | None]):
    """Where the PDF goes, the paper and large print. Enter exports."""

    def __init__(self, start: Path, paper: str, large_print: bool, note: str = "") -> None:
        super().__init__()
        self.start = start
        self.paper = paper
        self.large_print = large_print
        self.note = note  # what the therapist should know first (exercises not translated)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog small", id="export"):
            yield Label("Export the handout as PDF", classes="dialog-title", markup=False)
            yield Input(str(self.start), id="path", select_on_focus=False)
            yield Static("", id="problems", classes="problems", markup=False)
            with Horizontal(classes="options"):
                yield Select(
                    [(p.upper() if p == "a4" else p.capitalize(), p) for p in PAPERS],
                    value=self.paper,
                    allow_blank=False,
                    id="paper",
                    compact=True,
                )
                yield TickBox("Large print", self.large_print, id="large_print", compact=True)
            if self.note:
                yield Static(shown(self.note, lines=True), id="note", classes="hint", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Export", id="ok", variant="primary", compact=True)
                yield Button("Cancel", id="cancel", compact=True)

    def on_mount(self) -> None:
        field = self.query_one("#path", Input)
        self.set_focus(field)
        field.select_all()  # as in Save as: a typed name goes beside the suggested one

    @on(Input.Changed, "#path")
    def path_changed(self) -> None:
        result = typed_path(self.query_one("#path", Input).value, ".pdf", self.start.parent)
        self.query_one("#problems", Static).update(result if isinstance(result, str) else "")

    @on(Input.Submitted, "#path")
    @on(Button.Pressed, "#ok")
    def accept(self) -> None:
        result = typed_path(self.query_one("#path", Input).value, ".pdf", self.start.parent)
        if isinstance(result, str):
            self.notify(result, severity="error", timeout=4)
            return
        paper = self.query_one("#paper", Select).value
        self.dismiss(
            ExportChoice(
                result,
                paper if isinstance(paper, str) else "letter",
                self.query_one("#large_print", Checkbox).value,
            )
        )

    @on(Button.Pressed, "#cancel")
    def cancel(self) -> None:
        self.dismiss(None)
