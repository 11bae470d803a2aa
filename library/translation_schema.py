"""The checks of an exercise's words in other languages: `[exercise.translations.es]`.

Each language's table holds what the patient reads, with the same limits as the English
fields; and it may not leave out a kind of text the English has (a caution above all), so a
patient reading Spanish is told everything a patient reading English is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from library.dose_fields import DOSE_FIELDS
from library.languages import SUPPORTED, TRANSLATED
from library.model import DOSE_WORDS, Dose, Exercise, ExerciseText
from library.side_text import placeholder_problems

if TYPE_CHECKING:
    from library.schema import Table

TEXT_KEYS = ("name", "aka", "summary", "steps", "cues", "cautions", "dose")


def check_translations(table: Table, exercise: Exercise) -> tuple[tuple[str, ExerciseText], ...]:
    """The `translations` table of an exercise table, checked against `exercise` (its
    English)."""
    from library.schema import Table

    raw = table.table("translations")
    if raw is None:
        return ()
    found: list[tuple[str, ExerciseText]] = []
    for tag, words in raw.items():
        place = f"{table.at('translations')}.{tag}"
        if tag not in TRANSLATED:
            english = " (English is the exercise's own text)" if tag == "en" else ""
            allowed = ", ".join(f"{t} ({SUPPORTED[t]})" for t in TRANSLATED)
            table.problems.add(place, f"unknown language{english}; allowed here: {allowed}")
            continue
        if not isinstance(words, dict):
            table.problems.add(place, f"must be a table, written [{place}]")
            continue
        text = check_text(Table(table.problems, words, place, TEXT_KEYS), exercise, tag)
        if text is not None:
            found.append((tag, text))
    return tuple(found)


def check_text(table: Table, exercise: Exercise, language: str) -> ExerciseText | None:
    before = len(table.problems.problems)
    text = ExerciseText(
        name=table.text("name", 80, required=True) or "",
        aka=table.texts("aka", 20, 80),
        summary=table.text("summary", 300, required=exercise.summary is not None),
        steps=table.texts("steps", 12, 400, required=True),
        cues=table.texts("cues", 12, 300, required=bool(exercise.cues)),
        cautions=table.texts("cautions", 12, 300, required=bool(exercise.cautions)),
        dose=check_dose_words(table, exercise),
    )
    fields: dict[str, tuple[str, ...]] = {
        "summary": (text.summary,) if text.summary else (),
        "steps": text.steps,
        "cues": text.cues,
        "cautions": text.cautions,
    }
    for key, texts in fields.items():
        for index, one in enumerate(texts):
            for message in placeholder_problems(one, exercise.sided, language):
                table.fail(key if key == "summary" else f"{key}[{index + 1}]", message)
    return text if len(table.problems.problems) == before else None


def check_dose_words(table: Table, exercise: Exercise) -> Dose | None:
    """The default dose's words in this language: only words, and only those the English
    dose has (a translation gives no numbers of its own)."""
    from library.schema import Table

    raw = table.table("dose")
    if raw is None:
        return None
    english = exercise.dose or Dose()
    has = [key for key in DOSE_WORDS if getattr(english, key) is not None]
    words = Table(table.problems, raw, table.at("dose"), has or ("(none: the dose has no words)",))
    values: dict[str, Any] = {}
    for field in DOSE_FIELDS:
        if field.key in has:
            values[field.key] = words.text(field.key, field.max_len, multiline=field.multiline)
    return Dose(**values)
