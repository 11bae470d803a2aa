"""Which program files a running hepster has open, so a second one opening the same file can
say so. One small JSON file per open program in the user state dir (never beside the patient's
file), named by a hash of its path, holding the process id and when that process started."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from pathlib import Path

from library.atomic import atomic_write
from library.autosave import process_alive, process_started
from library.locations import state_dir


def marks_dir() -> Path:
    return state_dir() / "open"


def mark_file(path: Path) -> Path:
    key = hashlib.sha256(str(path.absolute()).encode("utf-8", "surrogatepass")).hexdigest()
    return marks_dir() / f"{key[:32]}.json"


def other_editor(path: Path) -> int | None:
    """The process id of another running hepster that has `path` open, or None."""
    try:
        about = json.loads(mark_file(path).read_text(encoding="utf-8"))
        pid, started = int(about["pid"]), about.get("started")
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if pid == os.getpid() or not process_alive(pid):
        return None
    # Alive with another start time: the id now belongs to some other program.
    if isinstance(started, str) and process_started(pid) not in (None, started):
        return None
    return pid


def mark_open(path: Path) -> None:
    """Say that this process has `path` open (for other hepsters); best effort."""
    about = {"pid": os.getpid(), "started": process_started(os.getpid()), "path": str(path)}
    with contextlib.suppress(OSError):
        mark_file(path).parent.mkdir(parents=True, exist_ok=True)
        atomic_write(mark_file(path), json.dumps(about).encode("utf-8"), private=True)


def mark_closed(path: Path) -> None:
    """This process no longer has `path` open; another's mark is left alone."""
    if other_editor(path) is None:
        with contextlib.suppress(OSError):
            mark_file(path).unlink()
