"""The public entry point: a program in, a PDF handout on disk out, or one line saying why not.

    export_program(program, Path("jane.pdf"), HandoutOptions(paper="a4", large_print=True))

The PDF is made in memory and written to a temporary file beside `dest`, then renamed into
place, so a failure never leaves a partial handout behind.
"""

from __future__ import annotations

import errno
from dataclasses import dataclass, replace
from pathlib import Path

from reportlab.platypus.doctemplate import LayoutError

from exports.document import Metadata, build_pdf, text_width
from exports.exercise_blocks import NO_DOSE, MissingExercise, exercise_story
from exports.first_page import first_page, title_of
from exports.flowables import PictureError
from exports.styles import PAPER, make_styles, margins
from exports.tracking import tracking_page
from library.atomic import NotAFile, atomic_write
from library.dose_text import dose_parts
from library.errors import HepsterError
from library.languages import ENGLISH, language_of, untranslated_warnings
from library.model import Program
from library.pictures import picture_warnings
from library.speech import _, speaking


@dataclass(frozen=True)
class HandoutOptions:
    paper: str = "letter"  # "letter" or "a4"
    large_print: bool = False
    # The handout's language, a supported tag ("es"), chosen for this export (`hepster export
    # --language`); None: the program's own, or English.
    language: str | None = None


def handout_language(program: Program, options: HandoutOptions) -> str:
    """The supported language ("es") the handout for `program` is printed in."""
    return language_of(options.language or program.language or ENGLISH) or ENGLISH


def in_language(program: Program, language: str) -> Program:
    """The program with each exercise's words in `language` where it has them."""
    if language == ENGLISH:
        return program
    return replace(program, exercises=tuple(e.in_language(language) for e in program.exercises))


class ExportError(HepsterError):
    """The handout could not be made or written; the message is one line, for a person."""


def handout_warnings(program: Program, language: str | None = None) -> list[str]:
    """What the therapist should know before handing the printout over; the export still works.
    `language`: the handout's, if not the program's own."""
    warnings = picture_warnings(program)
    warnings += untranslated_warnings(program, language)
    for number, item in enumerate(program.items, 1):
        exercise = program.exercise(item.exercise)
        name = exercise.name if exercise is not None else item.exercise
        if item.dose is None or not dose_parts(item.dose):
            warnings.append(
                f'exercise {number} ({name}) has no dose; the handout says "How much: {NO_DOSE}"'
            )
        elif exercise is not None and exercise.sided and item.dose.side is None:
            # Its steps then name no side and say nothing of the other side (library/side_text).
            # An item with no dose at all is warned about above: a dose comes with its side.
            warnings.append(
                f"exercise {number} ({name}) is done on one side: choose left, right or each side"
            )
    return warnings


def footer_text(program: Program) -> str:
    return " · ".join(part for part in (program.patient, program.clinic) if part)


def render(program: Program, options: HandoutOptions) -> bytes:
    """The handout's bytes: the same program and options always give the same bytes."""
    if options.paper not in PAPER:
        raise ExportError(f"unknown paper size '{options.paper}'; use letter or a4")
    if not program.items:
        raise ExportError("the program has no exercises yet; add one before printing")
    language = handout_language(program, options)
    if language == ENGLISH:
        return build(program, options, language)
    from exports.catalogs import catalog

    with speaking(language, catalog(language)):
        return build(in_language(program, language), options, language)


def build(program: Program, options: HandoutOptions, language: str) -> bytes:
    page_size = PAPER[options.paper]
    page_margins = margins(options.large_print)
    width = text_width(page_size, page_margins)
    styles = make_styles(options.large_print)
    story = first_page(program, styles, options.paper, width)
    story += exercise_story(program, styles, width)
    story += tracking_page(program, styles, width, options.paper)
    title = title_of(program)
    metadata = Metadata(
        title=title,
        author=program.clinician or program.clinic or "",
        subject=_("Home exercise program: {title}").format(title=title),
        created=program.created,
        language=language,
    )
    return build_pdf(
        story,
        page_size=page_size,
        margins=page_margins,
        footer_text=footer_text(program),
        footer_size=styles.footer_size,
        metadata=metadata,
        footer_phone=(program.contact or "").strip(),
    )


def write_problem(error: OSError, dest: Path) -> str:
    """What went wrong writing `dest`, in words a clinician can act on."""
    folder = dest.parent
    if isinstance(error, NotAFile):
        return f"{dest} {error.strerror}"
    if error.errno == errno.ENOENT:
        return f"the folder {folder} does not exist"
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"no permission to write in {folder}"
    if error.errno == errno.EISDIR:
        return f"{dest} is a folder"
    if error.errno == errno.ENOSPC:
        return "the disk is full"
    return f"cannot write the file: {error.strerror or error}"


def export_program(
    program: Program, dest: Path, options: HandoutOptions = HandoutOptions()
) -> Path:
    """Write the handout for `program` to `dest` and return the path written.

    Raises ExportError with a one-line reason; nothing is left at `dest` or beside it on failure.
    """
    try:
        data = render(program, options)
    except ExportError:
        raise
    except (MissingExercise, PictureError) as error:
        raise ExportError(str(error)) from error
    except LayoutError as error:
        raise ExportError(
            "something in the program is too long to fit on one page; shorten the longest text"
        ) from error
    try:
        atomic_write(dest, data)
    except OSError as error:
        raise ExportError(write_problem(error, dest)) from error
    return dest
