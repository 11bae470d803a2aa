"""Writing files so that a crash, a full disk or a power cut never leaves half a file behind."""

from __future__ import annotations

import contextlib
import functools
import os
import shutil
import tempfile
from pathlib import Path


def atomic_write(path: Path, data: bytes, *, backup: bool = False, private: bool = False) -> None:
    """Replace `path` with `data` in one step: temporary file in the same folder, fsync, rename.

    With `backup`, the previous version is kept as `NAME.bak` (e.g. `knee.toml.bak`), so one bad
    save can be undone by hand. A link is followed: the file it points to is replaced and the
    link stays a link. With `private`, only the user may read it (copies of patient
    data kept behind the scenes). Writing the bytes the file already holds changes nothing.
    """
    path = Path(os.path.realpath(path))
    try:
        if path.read_bytes() == data:
            return
        existed = True
    except FileNotFoundError:
        existed = False
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        with contextlib.suppress(OSError):
            # mkstemp makes a private (0600) file; a program is for sharing, so a new file gets
            # the usual permissions and a replaced one keeps its own.
            mode = path.stat().st_mode & 0o777 if existed else 0o666 & ~current_umask()
            mode = 0o600 if private else mode
            os.chmod(temporary, mode)
            if backup:
                keep_backup(path)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    sync_folder(path.parent)


@functools.cache
def current_umask() -> int:
    """The process's umask; reading it means setting it, so do that once."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


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
