"""The program being edited, without a screen: its undo history, its file, the copy on disk,
whether it changed, its autosave, and how a new one starts.

The app holds one `Session` and shows it; `hepster new` makes its file through one too, so a
program started on the command line gets the same clinician, clinic and phone number as one
started with Ctrl+N. Every change goes through `edit`, `undo`, `redo` or `start`, so "has it
changed" and the autosave can never miss one.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from library.errors import HepsterError, WriteError
from library.history import History
from library.model import Program
from library.new_program import NEW_TITLE, blank_program, from_template

# What a file on disk was when this session last read or wrote it: size, time and content.
Stamp = tuple[int, int, str]


class ChangedOnDisk(HepsterError):
    """The program's file changed since it was opened or saved: by a colleague, a sync tool or
    another hepster. Saving now would overwrite their work."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"{path.name} was changed on disk since you opened it (by someone else, a sync tool "
            "or another hepster window)"
        )
        self.path = path


def stamp(path: Path) -> Stamp | None:
    """What is at `path` now; None if nothing is (or it cannot be read)."""
    try:
        found = path.stat()
        digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else ""
    except OSError:
        return None
    return (found.st_size, found.st_mtime_ns, digest)


if TYPE_CHECKING:
    from library.autosave import Autosave
    from library.editing import Edit
    from library.program_files import Lookup
    from library.settings import Settings


def no_library(_: str) -> None:
    return None


class Session:
    """One program being edited.

    `autosave` starts off: the app turns it on once it has shown the program, so that opening a
    file never writes a copy of something nobody has changed yet.
    """

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        today: dt.date | None = None,
        autosave_file: Path | None = None,
    ) -> None:
        self.settings = settings
        self.today = today
        self.autosave_file = autosave_file  # None: the usual per-process file
        self.autosave = False
        self.autosave_failed = False
        self.history = History(Program(title=NEW_TITLE))
        self.saved = self.history.present  # the program as its file holds it
        self.path: Path | None = None
        self.on_disk: Stamp | None = None  # the file as this session last read or wrote it
        self.opened_beside: int | None = None  # another hepster that had the file open then

    # What is being edited.

    @property
    def program(self) -> Program:
        return self.history.present

    @property
    def focus(self) -> int | None:
        """The item the last change was about, for a screen's cursor."""
        return self.history.focus

    @property
    def dirty(self) -> bool:
        """Whether closing now would lose something: the program differs from its file."""
        return self.program != self.saved

    @property
    def name(self) -> str:
        return self.path.name if self.path else "not saved yet"

    def date(self) -> dt.date:
        return self.today or dt.date.today()

    # Changes.

    def edit(self, edit: Edit) -> None:
        """Raises EditError when the edit does not fit the program; nothing changes then."""
        self.history = self.history.do(edit)

    def undo(self) -> str | None:
        """Undo the last change; what it was ("add", "dose"), or None when there was none."""
        label = self.history.undo_label()
        self.history = self.history.undo()
        return label

    def redo(self) -> str | None:
        label = self.history.redo_label()
        self.history = self.history.redo()
        return label

    def start(self, program: Program, path: Path | None, *, saved: Program | None = None) -> None:
        """Edit another program from now on, with a fresh history; `saved` is what its file
        holds, if that is not `program` itself (a recovered autosave differs from its file)."""
        self.history = History(program)
        self.saved = program if saved is None else saved
        self.move_to(path)
        self.on_disk = stamp(path) if path is not None else None

    def move_to(self, path: Path | None) -> None:
        """The program's file is `path` from now on: other hepsters can see it is open here."""
        if path is None and self.path is None:
            return  # a new program, still without a file (every start without one)
        from library.open_files import mark_closed, mark_open, other_editor

        if self.path is not None and self.path != path:
            mark_closed(self.path)
        if path is not None and path != self.path:
            self.opened_beside = other_editor(path)  # before this session's mark replaces theirs
        if path is not None:
            mark_open(path)
        self.path = path

    def other_editor(self) -> int | None:
        """The process id of another running hepster that has this program's file open: one
        that opened it since, or the one that had it open when this session did."""
        from library.autosave import process_alive
        from library.open_files import other_editor

        if self.path is None:
            return None
        found = other_editor(self.path)
        if found is None and self.opened_beside is not None and process_alive(self.opened_beside):
            found = self.opened_beside
        return found

    # New programs.

    def blank(self) -> Program:
        """A new program: today's date and the therapist's details from the settings."""
        return blank_program(self.settings, self.date())

    def from_template(self, template: Program) -> Program:
        """A template made ready for a patient: today's date, the therapist's own details."""
        return from_template(template, self.settings, self.date())

    def start_blank(self, path: Path | None = None) -> None:
        self.start(self.blank(), path)

    def start_from_template(self, template: Path, lookup: Lookup = no_library) -> None:
        """Raises InvalidFile when the template is broken.

        An untouched template is nothing to lose: it starts out "saved", so there is no "save
        changes?" until the therapist changes something.
        """
        from library.program_files import load_program

        self.start(self.from_template(load_program(template, lookup)), None)

    # Files.

    def open(self, path: Path, lookup: Lookup = no_library, known_ids: Iterable[str] = ()) -> None:
        """Raises InvalidFile with every problem found; the session is unchanged then."""
        from library.program_files import load_program

        self.start(load_program(path, lookup, known_ids=lambda: known_ids), path)

    def save(self, path: Path | None = None, *, overwrite: bool = False) -> Path:
        """Write the program to `path` (or its own file) atomically; raises WriteError.

        Its own file, changed on disk since this session read or wrote it, raises ChangedOnDisk
        unless `overwrite` says to keep this version anyway. (A file saved under a new name is
        the file dialog's to ask about.)
        """
        path = path or self.path
        if path is None:
            raise HepsterError("This program has no file yet: choose where to save it")
        if path == self.path and not overwrite and self.changed_on_disk():
            raise ChangedOnDisk(path)
        from library.program_files import save_program

        try:
            save_program(self.program, path)
        except OSError as error:
            raise WriteError(path, error) from error
        self.saved = self.program
        self.move_to(path)
        self.on_disk = stamp(path)
        return path

    def changed_on_disk(self) -> bool:
        """Whether the program's file is not what this session last read or wrote: edited,
        replaced or created meanwhile. A file deleted meanwhile has nothing to lose."""
        if self.path is None:
            return False
        now = stamp(self.path)
        return now is not None and now != self.on_disk

    # Crash safety.

    def keep_safe(self) -> str | None:
        """Write the autosave (or clear it when nothing is unsaved). A warning the first time
        it fails, so the therapist hears once, not after every keystroke; otherwise None."""
        if not self.autosave:
            return None
        from library.autosave import clear_autosave, write_autosave

        try:
            if self.dirty:
                write_autosave(self.program, self.path, self.autosave_file)
            else:
                clear_autosave(self.autosave_file)
        except OSError as error:
            if not self.autosave_failed:
                self.autosave_failed = True
                return f"Autosave is not working: {error.strerror or error}"
        return None

    def recover(self, autosave: Autosave, lookup: Lookup = no_library) -> None:
        """Edit what a crashed hepster left behind, against its file as it is on disk now, so
        it shows as changed until saved. Raises InvalidFile when the autosave is damaged."""
        from library.problems import InvalidFile
        from library.program_files import load_program

        program = autosave.load(lookup)
        saved = Program()
        if autosave.original is not None and autosave.original.exists():
            # A file broken since then: the recovered program is all there is.
            with contextlib.suppress(InvalidFile):
                saved = load_program(autosave.original, lookup)
        self.start(program, autosave.original, saved=saved)

    def close(self) -> None:
        """The program is safe or given up: the autosave is no longer needed."""
        if self.autosave:
            from library.autosave import clear_autosave

            # A read-only state folder: the next start offers it back, and no harm done.
            with contextlib.suppress(OSError):
                clear_autosave(self.autosave_file)
        if self.path is not None:
            from library.open_files import mark_closed

            mark_closed(self.path)
