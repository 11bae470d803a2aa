"""The one family of errors hepster reports to a person.

Everything a therapist may be told ("Could not save …", "That template has problems", "the
handout could not be laid out") is a `HepsterError`; its text is the whole message, ready to
show. `OSError` and the like are turned into one at the edge where a file is read or written, so
an `except HepsterError` never hides a bug as a message about a file.
"""

from __future__ import annotations

from pathlib import Path


class HepsterError(Exception):
    """Something a person is told; `str(error)` is the message."""


class EditError(HepsterError, ValueError):
    """An edit that makes no sense for this program, e.g. an item number that is not there."""


class WriteError(HepsterError):
    """A file could not be written (a full disk, a read-only folder, no permission)."""

    def __init__(self, path: Path, error: OSError) -> None:
        super().__init__(f"Could not save {path}: {error.strerror or error}")
        self.path = path
        self.error = error
