"""New, open and save: every way a program comes into the app or goes to a file, and the
"unsaved changes" guard in front of the ones that would drop it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from library.errors import HepsterError
from library.problems import InvalidFile, Problem
from library.safe_text import shown
from library.session import ChangedOnDisk
from tui.commands import key_hint
from tui.problem_lines import problems_text

if TYPE_CHECKING:
    from tui.app import HepsterApp
    from tui.loading import Loaded


def show_file_problems(app: HepsterApp, path: Path, problems: list[Problem]) -> None:
    """What is wrong with a file that would not open, in a box that stays until read (a
    notification would be gone before the therapist has found the line in their editor)."""
    from tui.screens.dialogs import Choice, ChoiceScreen

    said = problems_text(problems, name_file=False)
    said += f"\n\nFix it in a text editor; `hepster validate {shown(path.name)}` checks it again."
    app.push_screen(
        ChoiceScreen(f"Could not open {shown(path.name)}", said, [Choice("ok", "OK", "primary")])
    )


def start_with(app: HepsterApp, path: Path | None, loaded: Loaded) -> None:
    """At start-up: the program named on the command line, read with the library; a new file
    for a name that does not exist yet; a blank program otherwise."""
    if path is not None and loaded.program is not None:
        app.session.start(loaded.program, path)
        remember(path)
        warn_if_open_elsewhere(app)
        warn_about_pictures(app)
    elif path is not None and not loaded.program_problems:
        # `hepster NEW.toml`: the file is created on the first save.
        app.session.start_blank(path)
        save = key_hint("save", app.keymap)
        app.notify(f"{path.name} will be created when you save ({save})", timeout=4)
    else:
        app.session.start_blank()
        if path is not None:
            show_file_problems(app, path, loaded.program_problems)


async def save_first_if_wanted(app: HepsterApp, doing: str) -> bool:
    """True when it is fine to go on and drop the program: saved, or the therapist said so."""
    if not app.session.dirty:
        return True
    from tui.screens.dialogs import Choice, ChoiceScreen

    path = app.session.path
    name = path.name if path else "this program"
    choices = [
        Choice("save", "Save", "primary"),
        Choice("discard", "Don't save", "error"),
        Choice("cancel", "Cancel", "default"),
    ]
    answer = await app.push_screen_wait(
        ChoiceScreen("Unsaved changes", f"Save the changes to {name} before {doing}?", choices)
    )
    if answer == "save":
        return await save(app, ask=path is None)
    return answer == "discard"


async def save(app: HepsterApp, *, ask: bool) -> bool:
    """Save to the program's file (asking for one if `ask`); True when it was saved."""
    path = app.session.path
    if ask or path is None:
        from tui.screens.files import SaveAsScreen

        path = await app.push_screen_wait(SaveAsScreen(suggested_path(app, ".toml")))
        if path is None:
            return False
    try:
        app.session.save(path)
    except ChangedOnDisk:
        return await changed_on_disk(app, path)
    except HepsterError as error:
        app.notify(str(error), severity="error", timeout=10)
        return False
    remember(path)
    app.changed()
    app.notify(f"Saved {path}", timeout=3)
    return True


async def changed_on_disk(app: HepsterApp, path: Path) -> bool:
    """The file changed since it was opened: never overwrite someone's work without asking."""
    from tui.screens.dialogs import Choice, ChoiceScreen

    question = (
        f"{shown(path.name)} was changed on disk since you opened it: by someone else, a sync "
        "tool or another hepster window. Keep your version (theirs is kept as a .bak copy), "
        "load theirs (your changes are dropped), or save yours under another name?"
    )
    choices = [
        Choice("mine", "Keep mine", "primary"),
        Choice("theirs", "Load theirs", "error"),
        Choice("save-as", "Save as…"),
        Choice("cancel", "Cancel"),
    ]
    answer = await app.push_screen_wait(ChoiceScreen("Changed on disk", question, choices))
    if answer == "mine":
        try:
            app.session.save(path, overwrite=True)
        except HepsterError as error:
            app.notify(str(error), severity="error", timeout=10)
            return False
        app.changed()
        app.notify(f"Saved {path}; the other version is in {path.name}.bak", timeout=6)
        return True
    if answer == "theirs":
        open_file(app, path)
        return False
    if answer == "save-as":
        return await save(app, ask=True)
    return False


def warn_if_open_elsewhere(app: HepsterApp) -> None:
    pid = app.session.other_editor()
    if pid is not None and app.session.path is not None:
        app.notify(
            f"{app.session.path.name} is also open in another hepster (process {pid}). If you "
            "both save, the second one is asked which version to keep.",
            title="Open twice",
            severity="warning",
            timeout=12,
        )


def suggested_path(app: HepsterApp, suffix: str) -> Path:
    """Beside the program's file, or a name made from its title in the current folder."""
    if app.session.path is not None:
        return app.session.path.with_suffix(suffix)
    from tui.screens.files import file_name

    return Path.cwd() / (file_name(app.session.program) + suffix)


def remember(path: Path) -> None:
    from library.recent import remember

    remember(path)


async def new_program(app: HepsterApp) -> None:
    from tui.screens.files import NewProgramScreen

    if not await save_first_if_wanted(app, "starting a new program"):
        return
    templates = app.library.templates if app.library else {}
    choice = await app.push_screen_wait(NewProgramScreen(templates))
    if choice is None:
        return
    if choice == "" or app.library is None:
        app.session.start_blank()
        app.changed()
        app.notify("New blank program", timeout=2)
        return
    template = app.library.templates[choice]
    try:
        app.session.start_from_template(template.path, app.library.get)
    except InvalidFile as error:
        app.notify(
            problems_text(error.problems),
            title="That template has problems",
            severity="error",
            timeout=12,
        )
        return
    app.changed()
    app.notify(f"New program from the template “{template.title or choice}”", timeout=3)


async def open_program(app: HepsterApp) -> None:
    from tui.screens.files import OpenScreen

    if not await save_first_if_wanted(app, "opening another"):
        return
    path = app.session.path
    chosen = await app.push_screen_wait(OpenScreen(path.parent if path else None))
    if chosen is not None:
        open_file(app, chosen)


def open_file(app: HepsterApp, path: Path, *, quietly: bool = False) -> bool:
    """Open `path` for editing; its problems in a box if it will not open."""
    library = app.library
    try:
        if library is None:
            app.session.open(path)
        else:
            app.session.open(path, library.get, library.exercises)
    except InvalidFile as error:
        show_file_problems(app, path, error.problems)
        return False
    remember(path)
    app.changed()
    if not quietly:
        app.notify(f"Opened {path}", timeout=3)
    warn_if_open_elsewhere(app)
    warn_about_pictures(app)
    return True


def warn_about_pictures(app: HepsterApp) -> None:
    """A picture file that is missing, or there but not one the handout can print: said now,
    not first at export."""
    from library.pictures import picture_warnings, unreadable_pictures

    program = app.session.program
    said = unreadable_pictures(program) + picture_warnings(program)
    if said:
        more = f" (and {len(said) - 1} more)" if len(said) > 1 else ""
        first = said[0][:1].upper() + said[0][1:]
        app.notify(first + more, title="Check the pictures", severity="warning", timeout=12)


async def quit_after_asking(app: HepsterApp) -> None:
    if await save_first_if_wanted(app, "quitting"):
        app.session.close()
        app.exit(0)
