"""Writing files so that a crash, a full disk or a power cut never leaves half a file behind."""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO


class NotAFile(OSError):
    """The target is a link, a pipe, a device or a folder: hepster writes only ordinary files,
    and never through a link it did not make (a shared program may sit beside anything)."""


def atomic_write(
    path: Path,
    data: bytes | Callable[[BinaryIO], None],
    *,
    backup: bool = False,
    private: bool = False,
    durable: bool = True,
) -> None:
    """Replace `path` with `data` in one step: temporary file in the same folder, fsync, rename.

    With `backup`, the previous version is kept as `NAME.bak` (e.g. `knee.toml.bak`), so one bad
    save can be undone by hand. A new file is readable by the user only (it may hold a patient's
    name); a replaced one keeps its own permissions, unless `private` (copies of patient data
    kept behind the scenes) makes it the user's only. Raises NotAFile, an OSError, for a link,
    pipe, device or folder at `path`. Writing the bytes the file already holds changes nothing.

    `data` may be a function that writes to the stream it is given: a large file (the library's
    cache) then need not be held in memory whole. Without `durable` (what can be rebuilt, such
    as a cache), the write is not forced to the disk before the rename: still whole or absent
    after a crash of hepster, and some milliseconds quicker.
    """
    existing = ordinary_file(path)
    if (
        isinstance(data, bytes)
        and existing is not None
        and existing.st_size == len(data)
        and path.read_bytes() == data
    ):
        return
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            if isinstance(data, bytes):
                stream.write(data)
            else:
                data(stream)
            stream.flush()
            if durable:
                os.fsync(stream.fileno())
        # mkstemp makes a private (0600) file: what a new file should be.
        if existing is not None and not private:
            with contextlib.suppress(OSError):
                os.chmod(temporary, existing.st_mode & 0o777)
        if backup and existing is not None:
            with contextlib.suppress(OSError):
                keep_backup(path)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    if durable:
        sync_folder(path.parent)


def ordinary_file(path: Path) -> os.stat_result | None:
    """What is at `path` now, if it is an ordinary file; None if nothing is. Looked at without
    following a link, and before anything opens it (opening a pipe waits for a writer)."""
    try:
        found = os.lstat(path)
    except FileNotFoundError:
        return None
    if stat.S_ISLNK(found.st_mode):
        raise NotAFile(errno.EINVAL, "is a link; hepster does not write through links")
    if not stat.S_ISREG(found.st_mode):
        raise NotAFile(errno.EINVAL, "is not an ordinary file")
    return found


def keep_backup(path: Path) -> None:
    """Keep the current `path` as `path.bak` without ever leaving `path` missing."""
    backup = path.with_name(path.name + ".bak")
    with contextlib.suppress(FileNotFoundError):
        os.unlink(backup)
    try:
        os.link(path, backup)
    except OSError:  # a file system without hard links
        shutil.copy2(path, backup)


def sync_folder(folder: Path) -> None:
    """Make a rename durable; not every platform lets a folder be opened for that."""
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
