"""Crash safety: the program being edited is written to the user state dir after every change,
and the next start offers it back if hepster did not close cleanly.

Each running hepster writes its own file (named by process id), so two windows never overwrite
each other's work, and a file whose process is gone is one to offer back. Where the system tells
when a process started (Linux's /proc), that is written too: after a crash and a reboot the same
id may belong to some other program, and the work must still be offered back. The file is an
ordinary program file, loaded with the ordinary checks, with one comment line in front that says
which file it was a copy of and when it was written.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from library.atomic import atomic_write
from library.locations import state_dir
from library.model import Program

if TYPE_CHECKING:
    from library.program_files import Lookup

MARK = "# hepster autosave: "


def autosave_dir() -> Path:
    return state_dir() / "autosave"


def autosave_file(pid: int | None = None) -> Path:
    return autosave_dir() / f"{os.getpid() if pid is None else pid}.toml"


def write_autosave(program: Program, original: Path | None, file: Path | None = None) -> Path:
    """Write the program now; raises OSError when the state dir cannot be written."""
    # Imported here: at start-up only `left_behind` runs, and it needs no TOML writer.
    from library.program_files import program_text

    file = autosave_file() if file is None else file
    file.parent.mkdir(parents=True, exist_ok=True)
    about = {
        # Absolute: the next start, which offers it back, may run in another folder.
        "path": str(original.absolute()) if original is not None else None,
        "saved": dt.datetime.now().isoformat(timespec="seconds"),
        "started": process_started(os.getpid()),
    }
    text = MARK + json.dumps(about, ensure_ascii=False) + "\n" + program_text(program)
    # The patient's name and program, kept where the user did not choose: for their eyes only.
    atomic_write(file, text.encode("utf-8"), private=True)
    return file


def clear_autosave(file: Path | None = None) -> None:
    with contextlib.suppress(FileNotFoundError):
        (autosave_file() if file is None else file).unlink()


@dataclass(frozen=True)
class Autosave:
    """A program left behind by a hepster that did not close cleanly."""

    file: Path
    original: Path | None  # the program file it was a copy of; None for a never-saved program
    saved: str  # when, as written, for the person deciding whether to recover it

    def load(self, lookup: Lookup) -> Program:
        """Raises InvalidFile when the autosave itself is damaged."""
        from library.program_files import load_program

        # Its pictures are beside the program it is a copy of, not in the state folder.
        folder = self.original.parent if self.original is not None else None
        return load_program(self.file, lookup, folder=folder)


def process_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # someone else's process, or a platform that cannot tell: leave it alone
    return True


def process_started(pid: int) -> str | None:
    """When process `pid` started, in the system's clock ticks since boot; None if unknown."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as stream:
            line = stream.read()
    except OSError:
        return None
    # The command name in parentheses may hold spaces: count fields after its closing one.
    fields = line[line.rfind(")") + 2 :].split()
    return fields[19] if len(fields) > 19 else None


def read_about(file: Path) -> dict[str, object]:
    try:
        with file.open(encoding="utf-8") as stream:
            first = stream.readline()
        about = json.loads(first[len(MARK) :]) if first.startswith(MARK) else {}
    except (OSError, ValueError):
        about = {}
    return about if isinstance(about, dict) else {}


def still_editing(file: Path, about: dict[str, object]) -> bool:
    """Whether the hepster that writes `file` is running now (so its work is not left behind)."""
    if not file.stem.isdigit():
        return False
    pid = int(file.stem)
    if not process_alive(pid):
        return False
    started = about.get("started")
    # Alive with another start time: the id now belongs to a different process.
    return not isinstance(started, str) or process_started(pid) in (None, started)


def left_behind(folder: Path | None = None) -> list[Autosave]:
    """Autosaves of hepsters no longer running, newest first."""
    folder = autosave_dir() if folder is None else folder
    found: list[tuple[float, Autosave]] = []
    with contextlib.suppress(OSError):
        for file in folder.glob("*.toml"):
            about = read_about(file)
            if still_editing(file, about):
                continue
            path, saved = about.get("path"), about.get("saved")
            original = Path(path) if isinstance(path, str) else None
            autosave = Autosave(file, original, saved if isinstance(saved, str) else "")
            with contextlib.suppress(OSError):
                found.append((file.stat().st_mtime, autosave))
    found.sort(key=lambda pair: pair[0], reverse=True)
    return [autosave for _, autosave in found]
