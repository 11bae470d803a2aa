"""Reading the library on the machine's other core while the app's own modules load.

On a start with no cache (the first start after installing, or after the library changed),
reading and checking the bundled library's files is the largest part of the wait before the
first screen: some 60 ms, against some 150 ms of importing Textual and the app. Those imports use
one core. So `hepster`, before it imports them, forks a child that reads the library the first
screen needs and writes its cache, then exits; when the app starts loading, it waits for the
child (by then done) and reads that cache in a few milliseconds (tui/loading.py).

Only where it is safe and helps: Linux (fork, with no thread started yet in this process), two
or more cores, and a cache that is not already fresh. If the child fails, or is not done, the
app reads the library itself as it always did: the cache is only ever written whole, atomically.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from library.layers import Folder

# The child started by `read_ahead`, if one was: waited for once (`finish`).
child: int | None = None


def first_screen_library(folders: Sequence[Folder]) -> tuple[Sequence[Folder], Path]:
    """The folders the first screen is read from, and the cache they are kept in: all of
    them, or without a clinic library (which streams in after the first screen)."""
    from library.library_cache import cache_file

    local = [folder for folder in folders if folder.layer != "clinic"]
    if len(local) == len(folders):
        return folders, cache_file()
    return local, cache_file("library-without-clinic")


def read_ahead(folders: Sequence[Folder] | None = None) -> None:
    """Start a child that writes the first screen's library cache, if it is stale."""
    global child
    if sys.platform != "linux" or len(os.sched_getaffinity(0)) < 2:
        return
    from library.layers import library_folders
    from library.library_cache import cached_library, fresh

    wanted, file = first_screen_library(library_folders() if folders is None else folders)
    if fresh(wanted, file):
        return
    try:
        pid = os.fork()
    except OSError:
        return
    if pid:
        child = pid
        return
    # The child: write the cache and leave without running anything of the parent's at exit
    # (its buffers, its atexit handlers). Whatever goes wrong, the parent reads afresh.
    code = 1
    with contextlib.suppress(BaseException):
        cached_library(wanted, file)
        code = 0
    os._exit(code)


def finish() -> None:
    """Wait for the child, if there is one: once it has exited, its cache is there or not."""
    global child
    if child is None:
        return
    with contextlib.suppress(ChildProcessError, OSError):
        os.waitpid(child, 0)
    child = None
