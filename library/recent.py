"""The program files opened or saved lately, newest first, so the next visit's program is one
key away. Kept as JSON in the user state dir; a missing or broken list is simply empty."""

from __future__ import annotations

import json
from pathlib import Path

from library.atomic import atomic_write
from library.locations import state_dir

KEEP = 10


def recent_path() -> Path:
    return state_dir() / "recent.json"


def read_recent(path: Path | None = None) -> list[Path]:
    """Every remembered file, newest first, including ones since moved or deleted."""
    path = recent_path() if path is None else path
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    if not isinstance(data, list):
        return []
    return [Path(entry) for entry in data if isinstance(entry, str)]


def recent_files(path: Path | None = None) -> list[Path]:
    """The remembered files that are still there, newest first."""
    return [file for file in read_recent(path) if file.is_file()]


def remember(file: Path, path: Path | None = None) -> list[Path]:
    """Put `file` first in the list; never fails, since forgetting is harmless."""
    path = recent_path() if path is None else path
    file = file.expanduser().resolve()
    files = [file, *(entry for entry in read_recent(path) if entry != file)][:KEEP]
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps([str(entry) for entry in files], indent=1, ensure_ascii=False)
        atomic_write(path, text.encode("utf-8"))
    except OSError:
        pass
    return files
