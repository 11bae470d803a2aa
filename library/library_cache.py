"""A cache of the merged library and its search index, so the app starts without re-reading
and re-checking every library file (the checks are most of its start-up work).

The cache is keyed by every library file's path, size and modification time, the folders
searched, and the code that reads them: any change to a file, a new or deleted file, or a new
hepster makes a fresh read. It lives in the user cache dir, written atomically; a cache that
cannot be read or written is simply not used. It is a pickle, so it is only ever read from the
user's own cache folder, never from a library or a program file someone sent.
"""

from __future__ import annotations

import contextlib
import os
import pickle
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from library.atomic import atomic_write
from library.layers import Folder, Library, library_folders, load_library
from library.locations import cache_dir
from library.search import SearchIndex

# Bump when Library, Exercise or SearchIndex change shape.
CACHE_FORMAT = 3  # 3: exercises carry figures
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


def cache_file() -> Path:
    return cache_dir() / "library.pickle"


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
    folders: Sequence[Folder] | None = None, file: Path | None = None
) -> tuple[Library, SearchIndex] | None:
    """The library and its index if the cache is there and nothing has changed since."""
    folders = library_folders() if folders is None else folders
    file = cache_file() if file is None else file
    with contextlib.suppress(*DAMAGED):  # a damaged or foreign cache is only a slower start
        with file.open("rb") as stream:
            stored_key, library, index = pickle.load(stream)
        if (
            stored_key == fingerprint(folders)
            and isinstance(library, Library)
            and isinstance(index, SearchIndex)
        ):
            return library, index
    return None


def cached_library(
    folders: Sequence[Folder] | None = None, file: Path | None = None
) -> tuple[Library, SearchIndex]:
    """The library and its index, from the cache when nothing changed, read afresh otherwise."""
    folders = library_folders() if folders is None else folders
    file = cache_file() if file is None else file
    found = from_cache(folders, file)
    if found is not None:
        return found
    key = fingerprint(folders)
    library = load_library(folders)
    index = SearchIndex(library.exercises.values())
    with contextlib.suppress(OSError, pickle.PicklingError):
        file.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(file, pickle.dumps((key, library, index), pickle.HIGHEST_PROTOCOL))
    return library, index
