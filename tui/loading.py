"""Start-up reading: the library, the settings, the program named on the command line and any
work a crashed hepster left behind, read while the first screen is drawn.

A clinic's library may hold tens of thousands of exercises, which take a while to read even
from the cache (and seconds afresh). The app does not wait for it: it starts on the bundled and
personal exercises, and the whole library follows from a thread (`Loaded.more`), its progress
in `Loaded.progress`, the screen running all along.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from library.model import Exercise, Program
from library.problems import InvalidFile, Problem

if TYPE_CHECKING:
    from library.autosave import Autosave
    from library.layers import Folder, Library
    from library.search import SearchIndex
    from library.settings import Settings


class Progress:
    """How far the thread reading the whole library is: written by it, read by the screen."""

    def __init__(self) -> None:
        self.done, self.total = 0, 0
        # Set once the first screen is painted: reading before would slow the paint down.
        self.go = threading.Event()

    def __call__(self, done: int, total: int) -> None:
        self.done, self.total = done, total

    def text(self) -> str:
        # Short: it follows the count on a line 34 characters wide at 80×24.
        if not self.total:
            return "clinic…"
        return f"clinic {self.done * 100 // self.total}%…"


@dataclass(frozen=True)
class Loaded:
    """What the start-up thread found: the library, settings, a program, leftover autosaves."""

    library: Library
    index: SearchIndex
    settings: Settings
    settings_problems: list[Problem]
    program: Program | None
    program_problems: list[Problem]
    autosaves: list[Autosave]
    # The whole library, while a clinic library is still being read; None when this is it.
    more: Future[tuple[Library, SearchIndex]] | None = None
    progress: Progress | None = None

    def problems(self) -> list[tuple[str, list[Problem]]]:
        """What to tell the therapist about the library and the settings, under which title."""
        said = []
        if self.library.problems:
            said.append(
                ("Some library files have problems and were skipped", self.library.problems)
            )
        if self.settings_problems:
            said.append(("Settings file has problems; defaults used", self.settings_problems))
        return said


def read_everything(
    program_path: Path | None,
    autosave: bool,
    folders: Sequence[Folder] | None = None,
    *,
    file: Path | None = None,
    found: tuple[Library, SearchIndex] | None = None,
) -> Loaded:
    """The library (`found` if it is read already), the settings, the program named on the
    command line, leftover autosaves."""
    from library.library_cache import cached_library
    from library.settings import load_settings

    library, index = cached_library(folders, file) if found is None else found
    settings, settings_problems = load_settings()
    program, program_problems = read_program(program_path, library.get, library.exercises)
    autosaves = []
    if autosave:
        from library.autosave import left_behind

        autosaves = left_behind()
    return Loaded(library, index, settings, settings_problems, program, program_problems, autosaves)


def read_program(
    path: Path | None,
    lookup: Callable[[str], Exercise | None],
    known_ids: Iterable[str] = (),
) -> tuple[Program | None, list[Problem]]:
    """The program named on the command line, or its problems; (None, []) for a new file."""
    if path is None or not path.exists():
        return None, []
    from library.program_files import load_program

    try:
        return load_program(path, lookup, known_ids=lambda: known_ids), []
    except InvalidFile as error:
        return None, error.problems


def start_loading(
    program_path: Path | None, autosave: bool, folders: Sequence[Folder] | None
) -> Future[Loaded]:
    """Read what the first screen shows now (`first_stage`).

    With a clinic library that is large, or not in the cache, the app starts without it: the
    bundled and personal exercises first, the whole library from a thread in `Loaded.more`,
    which starts once the first screen is painted (`Progress.go`).
    """
    from library.layers import library_folders
    from library.library_cache import cache_file
    from tui import read_ahead

    read_ahead.finish()  # the cache `hepster` started writing on the other core, if it did
    folders = library_folders() if folders is None else list(folders)
    local, file = read_ahead.first_screen_library(folders)
    if len(local) == len(folders):
        return first_stage(program_path, autosave, folders, file=file)
    found = small_library(cache_file(), folders)
    if found is not None:
        return first_stage(program_path, autosave, folders, found=found)
    progress = Progress()
    more: Future[tuple[Library, SearchIndex]] = Future()

    def read_all() -> None:
        from library.library_cache import cached_library

        progress.go.wait()
        try:
            more.set_result(cached_library(folders, progress=progress, pause=True))
        except BaseException as error:
            more.set_exception(error)

    first = first_stage(program_path, autosave, local, file=file)
    if first.exception() is not None:
        return first
    threading.Thread(target=read_all, name="hepster-library", daemon=True).start()
    whole: Future[Loaded] = Future()
    whole.set_result(replace(first.result(), more=more, progress=progress))
    return whole


# A whole library whose cache is at most this big is read before the first screen (about a
# thousand exercises, a few milliseconds); a larger one streams in after it.
SMALL_CACHE = 1_000_000


def small_library(file: Path, folders: Sequence[Folder]) -> tuple[Library, SearchIndex] | None:
    """The whole library, if its cache is small and up to date."""
    from library.library_cache import from_cache

    try:
        return from_cache(folders, file) if file.stat().st_size <= SMALL_CACHE else None
    except OSError:
        return None


def first_stage(
    program_path: Path | None,
    autosave: bool,
    folders: Sequence[Folder],
    *,
    file: Path | None = None,
    found: tuple[Library, SearchIndex] | None = None,
) -> Future[Loaded]:
    """What the first screen shows, read now: from the cache in a few milliseconds, or afresh
    (the bundled library: some 150 ms, which a thread would only stretch, taking turns at the
    interpreter with Textual drawing the screen)."""
    future: Future[Loaded] = Future()
    try:
        future.set_result(read_everything(program_path, autosave, folders, file=file, found=found))
    except Exception as error:  # said by the app, which then starts without a library
        future.set_exception(error)
    return future


def without_library(program_path: Path | None) -> Loaded:
    """What to start with when the library could not be read at all. The program named on the
    command line is still opened (from its own definitions): treating an existing file as new
    would let Ctrl+S overwrite it with a blank one."""
    from library.layers import Library
    from library.search import SearchIndex
    from library.settings import Settings

    program, problems = read_program(program_path, lambda _: None)
    return Loaded(Library(), SearchIndex([]), Settings(), [], program, problems, [])
