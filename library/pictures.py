"""Which picture an exercise gets, and what to tell the therapist when its picture file is gone.

A picture file named by the exercise wins over its drawn figure. A program from someone else
often names a file that is not on this machine: the figure is drawn instead, and the therapist
is told, rather than the picture silently vanishing from the handout.
"""

from __future__ import annotations

from pathlib import Path

from library.model import Exercise, Program


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


def picture_warnings(program: Program) -> list[str]:
    """One line for each exercise whose picture file is missing, saying what prints instead."""
    warnings = []
    seen: set[str] = set()
    for number, item in enumerate(program.items, 1):
        exercise = program.exercise(item.exercise)
        if exercise is None or exercise.id in seen:
            continue
        missing = missing_image(exercise)
        if missing is None:
            continue
        seen.add(exercise.id)
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
