"""A program made ready for a new patient, the same way in the app (Ctrl+N) and on the command
line (`hepster new`): today's date, and the therapist's name, clinic and phone number from the
settings wherever the template leaves them out, so the handout always says whom to call."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import TYPE_CHECKING

from library.model import Program

if TYPE_CHECKING:
    from library.settings import Settings

NEW_TITLE = "Home exercise program"


def blank_program(settings: Settings | None, today: dt.date) -> Program:
    return Program(
        title=NEW_TITLE,
        clinician=settings.clinician if settings else None,
        clinic=settings.clinic if settings else None,
        contact=settings.contact if settings else None,
        created=today,
    )


def from_template(template: Program, settings: Settings | None, today: dt.date) -> Program:
    """The template's exercises and words; its own clinician, clinic or contact win."""
    blank = blank_program(settings, today)
    return replace(
        template,
        created=today,
        clinician=template.clinician or blank.clinician,
        clinic=template.clinic or blank.clinic,
        contact=template.contact or blank.contact,
    )
