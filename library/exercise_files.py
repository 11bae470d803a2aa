"""Custom exercises: a therapist's own, or a bundled one cloned and changed, saved into the
personal library (one file per exercise, named by its id) and checked by the library's rules.

Form text becomes a raw `[[exercise]]` table here and is checked by `schema.check_exercise`, so
an exercise saved from the app always loads again; the file is written by
`program_files.exercise_text`, in the same layout as the bundled library.
"""

from __future__ import annotations

from collections.abc import Container, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from library.atomic import atomic_write
from library.errors import HepsterError
from library.field_text import dose_raw, lines_value, slug, text_value, words_value
from library.locations import personal_library
from library.model import Exercise
from library.problems import Collector, Problem
from library.program_files import exercise_text
from library.schema import ID_PATTERN, check_exercise

TEXT_KEYS = ("id", "name", "kind", "position", "summary", "image", "video")
WORDS_KEYS = ("aka", "equipment", "tags")  # comma-separated in a form
LINES_KEYS = ("steps", "cues", "cautions")  # one a line in a form


class ExerciseFileError(HepsterError):
    """The exercise cannot be saved where it should go; the message is one line for a person."""


def exercise_raw(
    values: Mapping[str, str], regions: list[str], sided: bool, dose: Mapping[str, str]
) -> dict[str, Any]:
    """The `[[exercise]]` table a file would hold for the form's fields."""
    raw: dict[str, Any] = {}
    for key in TEXT_KEYS:
        raw[key] = text_value(values.get(key, "").strip())
    for key in WORDS_KEYS:
        raw[key] = words_value(values.get(key, ""))
    for key in LINES_KEYS:
        raw[key] = lines_value(values.get(key, ""))
    raw["regions"] = list(regions)
    raw["sided"] = sided or None
    dose_table = dose_raw(dose)
    raw["dose"] = dose_table or None
    return {key: value for key, value in raw.items() if value is not None and value != []}


def exercise_fields(exercise: Exercise) -> dict[str, str]:
    values = {key: getattr(exercise, key) or "" for key in TEXT_KEYS}
    for key in WORDS_KEYS:
        values[key] = ", ".join(getattr(exercise, key))
    for key in LINES_KEYS:
        values[key] = "\n".join(getattr(exercise, key))
    return values


def id_from_name(name: str) -> str:
    """The id a new exercise called `name` gets unless the therapist types another."""
    found = slug(name, 64)
    return found if len(found) >= 3 else ""


def free_id(exercise_id: str, taken: Container[str]) -> str:
    """`exercise_id` if no exercise has it, else the first of `…-2`, `…-3`, … that is free."""
    if exercise_id not in taken:
        return exercise_id
    number = 2
    while f"{exercise_id[:60]}-{number}" in taken:
        number += 1
    return f"{exercise_id[:60]}-{number}"


def custom_file(exercise_id: str, folder: Path | None = None) -> Path:
    folder = personal_library() if folder is None else folder
    name = exercise_id if ID_PATTERN.fullmatch(exercise_id) else "new-exercise"
    return folder / f"{name}.toml"


def check_custom_exercise(
    raw: dict[str, Any], folder: Path | None = None
) -> tuple[Exercise | None, list[Problem]]:
    """The exercise these fields make in the personal library, or None and what is wrong."""
    folder = personal_library() if folder is None else folder
    source = custom_file(str(raw.get("id", "")), folder)
    collector = Collector(source.name)
    exercise = check_exercise(
        collector,
        raw,
        "",
        root=folder,
        source=source,
        layer="personal",
        image_must_exist=True,
    )
    return exercise, collector.problems


def save_custom_exercise(
    exercise: Exercise, existing: Exercise | None, folder: Path | None = None
) -> Exercise:
    """Write `exercise` to the personal library and return it as the library will load it.

    `existing` is the library's current definition of that id, if any: a personal one defined
    in some other file (written by hand, with other exercises) is left for its owner to edit,
    since a second personal definition of one id would make both unusable.
    """
    folder = personal_library() if folder is None else folder
    target = custom_file(exercise.id, folder)
    if (
        existing is not None
        and existing.layer == "personal"
        and existing.source is not None
        and existing.source.resolve() != target.resolve()
    ):
        raise ExerciseFileError(
            f"'{exercise.id}' is already defined in {existing.source}; edit that file, "
            "or give this exercise another id"
        )
    text = "# A custom exercise, made in hepster. Edit it here or in the app.\n\n" + exercise_text(
        exercise
    )
    try:
        folder.mkdir(parents=True, exist_ok=True)
        atomic_write(target, text.encode("utf-8"), backup=True)
    except OSError as error:
        raise ExerciseFileError(f"cannot write {target}: {error.strerror or error}") from None
    return replace(exercise, layer="personal", source=target)
