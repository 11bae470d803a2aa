"""Which picture an exercise gets, and what to tell the therapist when its picture file is gone.

A picture file named by the exercise wins over its drawn figure. A program from someone else
often names a file that is not on this machine: the figure is drawn instead, and the therapist
is told, rather than the picture silently vanishing from the handout.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from pathlib import Path

from library.errors import HepsterError
from library.model import Exercise, Program

# Far larger than a photo on a handout needs; a guard against being handed a disk image.
MAX_PICTURE_BYTES = 20 * 2**20


class PictureProblem(HepsterError):
    """A picture file that cannot be printed; the message says why, in a few words."""


def picture_kind(exercise: Exercise) -> str | None:
    """ "image" (a picture file that is there), "figure" (drawn from data) or None."""
    if exercise.image_path() is not None:
        return "image"
    return "figure" if exercise.figure is not None else None


def missing_image(exercise: Exercise) -> Path | str | None:
    """The picture file the exercise names but that cannot be found here, if any."""
    if exercise.image is None or exercise.image_path() is not None:
        return None
    if exercise.source is None:
        return exercise.image
    return exercise.source.parent / exercise.image


def first_uses(program: Program) -> Iterator[tuple[int, Exercise]]:
    """Each exercise of the program once, with the number of the first item that uses it."""
    seen: set[str] = set()
    for number, item in enumerate(program.items, 1):
        exercise = program.exercise(item.exercise)
        if exercise is not None and exercise.id not in seen:
            seen.add(exercise.id)
            yield number, exercise


def picture_warnings(program: Program) -> list[str]:
    """One line for each exercise whose picture file is missing, saying what prints instead."""
    warnings = []
    for number, exercise in first_uses(program):
        missing = missing_image(exercise)
        if missing is None:
            continue
        instead = (
            "its drawn figure is printed instead"
            if exercise.figure is not None
            else "the handout has no picture for it"
        )
        warnings.append(
            f"exercise {number} ({exercise.name}): the picture file {missing} is not there; "
            f"{instead}"
        )
    return warnings


def read_picture(path: Path, root: Path) -> bytes:
    """The bytes of the picture at `path`, read once and checked as they are read: an ordinary
    file inside `root` (once links are followed, looked at through the very file that was
    opened, so it cannot be swapped for a link in between), not too large, and a whole PNG or
    JPEG. What `validate` checks and what `export` prints are these same bytes.

    Raises PictureProblem naming the file.
    """
    try:
        # Non-blocking: a pipe named like a picture must not hang the export.
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as error:
        raise PictureProblem(f"cannot read the picture {path}: {reason(error)}") from None
    try:
        found = os.fstat(descriptor)
        if not stat.S_ISREG(found.st_mode):
            raise PictureProblem(f"the picture {path} is not an ordinary file")
        opened = opened_path(descriptor, path)
        if not opened.is_relative_to(root.resolve()):
            raise PictureProblem(f"the picture {path} points outside the folder {root}")
        if found.st_size > MAX_PICTURE_BYTES:
            raise PictureProblem(f"the picture {path} is larger than 20 MB")
        with os.fdopen(os.dup(descriptor), "rb") as stream:
            data = stream.read(MAX_PICTURE_BYTES + 1)
    except OSError as error:
        raise PictureProblem(f"cannot read the picture {path}: {reason(error)}") from None
    finally:
        os.close(descriptor)
    wrong = picture_problem(data)
    if wrong is not None:
        raise PictureProblem(f"the picture {path} {wrong}")
    return data


def opened_path(descriptor: int, path: Path) -> Path:
    """Where the open file really is: Linux names it in /proc; elsewhere the path, resolved."""
    try:
        return Path(os.readlink(f"/proc/self/fd/{descriptor}"))
    except OSError:
        return path.resolve()


def reason(error: OSError) -> str:
    if error.errno == errno.ELOOP:
        return "a link that loops"
    return error.strerror or str(error)


def picture_problem(data: bytes) -> str | None:
    """What is wrong with a picture's bytes, or None for a whole PNG or JPEG. Only the outline
    is checked (the signature and the end marker): enough to tell a renamed text file, a GIF or
    a file cut short from a picture, without decoding it."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return None if data[-8:-4] == b"IEND" else "is cut short (a PNG without its end)"
    if data.startswith(b"\xff\xd8\xff"):
        return None if b"\xff\xd9" in data[-1024:] else "is cut short (a JPEG without its end)"
    kind = next((name for start, name in OTHER_KINDS if data.startswith(start)), None)
    if kind is not None:
        return f"is a {kind}, not a PNG or JPEG picture"
    return "is not a PNG or JPEG picture" if data else "is empty"


OTHER_KINDS = (
    (b"GIF8", "GIF"),
    (b"RIFF", "WebP or other RIFF file"),
    (b"BM", "BMP"),
    (b"%PDF", "PDF"),
    (b"<svg", "SVG"),
    (b"<?xml", "XML or SVG file"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
)


def picture_root(exercise: Exercise) -> Path | None:
    """The folder an exercise's picture must stay inside: a program's own folder, or the
    library folder (layer) its file is in."""
    if exercise.source is None:
        return None
    if exercise.layer == "program":
        return exercise.source.parent
    from library.layers import library_folders

    for folder in library_folders():
        if exercise.source.resolve().is_relative_to(folder.path.resolve()):
            return folder.path
    return exercise.source.parent


def unreadable_pictures(program: Program) -> list[str]:
    """One line for each exercise whose picture file is there but cannot be printed."""
    said = []
    for number, exercise in first_uses(program):
        path, root = exercise.image_path(), picture_root(exercise)
        if path is None or root is None:
            continue
        try:
            read_picture(path, root)
        except PictureProblem as error:
            said.append(f"exercise {number} ({exercise.name}): {error}")
    return said
