"""A program made ready for a new patient, the same way in the app (Ctrl+N) and on the command
line (`hepster new`): today as the day it is given and the day it starts, and the therapist's
name, clinic and phone number from the settings wherever the template leaves them out, so the
handout always says whom to call."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import TYPE_CHECKING

from library.languages import language_of
from library.model import Program

if TYPE_CHECKING:
    from library.settings import Settings

NEW_TITLE = "Home exercise program"


def blank_program(settings: Settings | None, today: dt.date) -> Program:
    language = settings.language if settings else None
    return Program(
        # Until the therapist writes one, the handout prints this title in its own language
        # (exports/first_page.py, `title_of`).
        title=NEW_TITLE,
        language=language,
        clinician=settings.clinician if settings else None,
        clinic=settings.clinic if settings else None,
        contact=settings.contact if settings else None,
        created=today,
        # The log is dated from `start`: a patient finds today's column by its date, not by
        # counting "day 1, day 2". Today unless the therapist sets another day (F2).
        start=today,
    )


def from_template(template: Program, settings: Settings | None, today: dt.date) -> Program:
    """The template's exercises and words; its own clinician, clinic or contact win."""
    blank = blank_program(settings, today)
    language = template.language or blank.language
    titles = dict(template.titles)
    base = language_of(language) if language else None
    return replace(
        template,
        # In the settings' language, with the template's title in it where it has one.
        language=language,
        title=titles.get(base or "", template.title),
        titles=(),  # a template's offer of titles; the program has its one
        created=today,
        start=template.start or today,
        clinician=template.clinician or blank.clinician,
        clinic=template.clinic or blank.clinic,
        contact=template.contact or blank.contact,
    )
