"""A cache of the merged library and its search index, so the app starts without re-reading
and re-checking every library file (the checks are most of its start-up work), and every
command finds an exercise without reading the library.

The cache is keyed by every library file's path, size and modification time, the folders
searched, and the code that reads them: any change to a file, a new or deleted file, or a new
hepster makes a fresh read. It lives in the user cache dir, written atomically; a cache that
cannot be read or written is simply not used. It is a pickle, so it is only ever read from the
user's own cache folder, never from a library or a program file someone sent.

The file is a series of pickles: the key, the library without its exercises, the exercises in
chunks of CHUNK, then the index without them. A reader in a thread (the app, while a clinic
library streams in) lets the screen run between chunks: one pickle of 10,000 exercises would
hold the interpreter, and freeze the screen, for as long as it takes to read.
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, BinaryIO

from library.atomic import atomic_write
from library.layers import Folder, Library, library_folders, load_library
from library.locations import cache_dir
from library.model import Exercise
from library.search import SearchIndex

# Bump when Library, Exercise or SearchIndex change shape.
CACHE_FORMAT = 6  # 3: figures; 4: in chunks, an index of bitmasks; 5: translations;
# 6: objects pickled as calls (library/pickling.py)
CHUNK = 500
CODE = (
    "model.py",
    "figure_model.py",
    "figure_schema.py",
    "figure_words.py",
    "schema.py",
    "dose_fields.py",
    "layers.py",
    "search.py",
    "words.py",
    "toml_files.py",
    "problems.py",
    "library_cache.py",
    "translation_schema.py",
    "side_text.py",
    "side_text_es.py",
    "languages.py",
)


# What unpickling a damaged, truncated or foreign file raises: it is then read afresh.
DAMAGED = (
    OSError,
    EOFError,
    pickle.UnpicklingError,
    AttributeError,
    ImportError,
    IndexError,
    KeyError,
    TypeError,
    ValueError,
)


def cache_file(name: str = "library") -> Path:
    return cache_dir() / f"{name}.pickle"


def fingerprint(folders: Sequence[Folder]) -> tuple[Any, ...]:
    """What the library was read from: changes whenever any of its files do."""
    files: list[tuple[str, str, int, int]] = []
    # The code that reads and checks the files counts too: an upgraded hepster reads afresh.
    # (Its files' times, not importlib.metadata's version, which costs more than the cache saves.)
    here = Path(__file__).parent
    for module in CODE:
        with contextlib.suppress(OSError):
            stat = (here / module).stat()
            files.append(("code", module, stat.st_size, stat.st_mtime_ns))
    for folder in folders:
        if not folder.path.is_dir():
            files.append((folder.layer, str(folder.path), -1, -1))
            continue
        for directory, subdirs, names in os.walk(folder.path):
            subdirs[:] = sorted(d for d in subdirs if not d.startswith("."))
            # A folder's own change time covers a file added, removed or renamed in it: a new
            # library file, or an image that a checked exercise needs (images/ folders too).
            with contextlib.suppress(OSError):
                files.append((folder.layer, directory, -2, os.stat(directory).st_mtime_ns))
            for name in sorted(names):
                if name.endswith(".toml"):
                    path = os.path.join(directory, name)
                    with contextlib.suppress(OSError):
                        stat = os.stat(path)
                        files.append((folder.layer, path, stat.st_size, stat.st_mtime_ns))
    return (CACHE_FORMAT, tuple(files))


def from_cache(
    folders: Sequence[Folder] | None = None,
    file: Path | None = None,
    *,
    pause: bool = False,
    key: tuple[Any, ...] | None = None,
) -> tuple[Library, SearchIndex] | None:
    """The library and its index if the cache is there and nothing has changed since.

    `pause`: read in a thread while a screen runs; let it between chunks. `key`: the folders'
    `fingerprint`, if the caller has it already.
    """
    folders = library_folders() if folders is None else folders
    file = cache_file() if file is None else file
    with contextlib.suppress(*DAMAGED), file.open("rb") as stream, collector_paused():
        if pickle.load(stream) != (fingerprint(folders) if key is None else key):
            return None
        library = pickle.load(stream)
        exercises: list[Exercise] = []
        while len(exercises) < library.size:
            exercises += pickle.load(stream)
            if pause:
                time.sleep(0)  # the screen's turn
        index = pickle.load(stream)
        if isinstance(library, Cached) and isinstance(index, dict):
            return library.whole(exercises), SearchIndex.restored(index, exercises)
    return None


def fresh(folders: Sequence[Folder], file: Path) -> bool:
    """Whether `file` holds the library of `folders` as they are now (only its key is read)."""
    with contextlib.suppress(*DAMAGED), file.open("rb") as stream:
        return bool(pickle.load(stream) == fingerprint(folders))
    return False


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """No garbage collection while a library is read: tens of thousands of new objects, none
    of them garbage, would set off collections that walk them all, again and again."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


@dataclass(frozen=True)
class Cached:
    """The library as stored: its exercises are stored apart, in chunks."""

    size: int
    library: Library

    def whole(self, exercises: list[Exercise]) -> Library:
        return replace(self.library, exercises={e.id: e for e in exercises})


def store(file: Path, key: tuple[Any, ...], library: Library, index: SearchIndex) -> None:
    exercises = list(library.exercises.values())
    parts = [key, Cached(len(exercises), replace(library, exercises={}))]
    parts += [exercises[start : start + CHUNK] for start in range(0, len(exercises), CHUNK)]
    parts.append(index.stored(exercises))

    def write(stream: BinaryIO) -> None:
        for part in parts:  # straight to the file: a large library's cache is tens of MB
            pickle.dump(part, stream, pickle.HIGHEST_PROTOCOL)

    with contextlib.suppress(OSError, pickle.PicklingError):
        file.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(file, write, durable=False)  # a cache: rebuilt if ever lost


Progress = Callable[[int, int], None]

# A library of up to this many exercises has its index built at its first query (some 15 ms
# for the bundled library): not before the first screen.
INDEX_LATER = 1_000


def cached_library(
    folders: Sequence[Folder] | None = None,
    file: Path | None = None,
    *,
    progress: Progress | None = None,
    pause: bool = False,
) -> tuple[Library, SearchIndex]:
    """The library and its index, from the cache when nothing changed, read afresh otherwise
    (`progress(files read, files)` told as it goes)."""
    folders = library_folders() if folders is None else folders
    file = cache_file() if file is None else file
    key = fingerprint(folders)  # once: a walk over every file of every folder
    found = from_cache(folders, file, pause=pause, key=key)
    if found is not None:
        return found
    with collector_paused():
        library = load_library(folders, progress=progress)
        index = SearchIndex(library.exercises.values())
        if len(index) > INDEX_LATER:
            index.build()  # stored with the library, not built again on each start's first query
    store(file, key, library, index)
    return library, index
