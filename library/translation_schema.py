"""The checks of an exercise's words in other languages: `[exercise.translations.es]`.

Each language's table holds what the patient reads, with the same limits as the English
fields; and it may not leave out a kind of text the English has (a caution above all), so a
patient reading Spanish is told everything a patient reading English is.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from library.dose_fields import DOSE_FIELDS
from library.languages import ENGLISH, SUPPORTED, TRANSLATED
from library.model import DOSE_WORDS, Dose, Exercise, ExerciseText

if TYPE_CHECKING:
    from library.schema import Table

TEXT_KEYS = ("name", "aka", "summary", "steps", "cues", "cautions", "dose")


def language_tables(table: Table, what: Sequence[str]) -> Iterator[tuple[str, Table]]:
    """Each language's table of the `translations` table in `table` (an exercise's or a
    program's), checked to hold only `what` keys; an unknown language or a value that is not a
    table is reported and skipped."""
    from library.schema import Table, join

    raw = table.table("translations")
    for tag, words in (raw or {}).items():
        place = join(table.at("translations"), tag)
        if tag not in TRANSLATED:
            english = " (English is the main text)" if tag == ENGLISH else ""
            allowed = ", ".join(f"{t} ({SUPPORTED[t]})" for t in TRANSLATED)
            table.problems.add(place, f"unknown language{english}; allowed here: {allowed}")
        elif not isinstance(words, dict):
            table.problems.add(place, f"must be a table, written [{place}]")
        else:
            yield tag, Table(table.problems, words, place, what)


def check_translations(table: Table, exercise: Exercise) -> tuple[tuple[str, ExerciseText], ...]:
    """The `translations` table of an exercise table, checked against `exercise` (its
    English)."""
    found: list[tuple[str, ExerciseText]] = []
    for tag, words in language_tables(table, TEXT_KEYS):
        text = check_text(words, exercise, tag)
        if text is not None:
            found.append((tag, text))
    return tuple(found)


def check_titles(table: Table) -> tuple[tuple[str, str], ...]:
    """A template's title in other languages: `[translations.es]` with `title` alone."""
    from library.schema import TITLE_LEN

    titles: list[tuple[str, str]] = []
    for tag, words in language_tables(table, ("title",)):
        title = words.text("title", TITLE_LEN, required=True)
        if title is not None:
            titles.append((tag, title))
    return tuple(titles)


def check_text(table: Table, exercise: Exercise, language: str) -> ExerciseText | None:
    from library import schema

    before = len(table.problems.problems)
    text = ExerciseText(
        name=table.text("name", schema.NAME_LEN, required=True) or "",
        aka=table.texts("aka", *schema.AKA_LIMITS),
        summary=table.text("summary", schema.SUMMARY_LEN, required=exercise.summary is not None),
        steps=table.texts("steps", *schema.STEPS_LIMITS, required=True),
        cues=table.texts("cues", *schema.CUES_LIMITS, required=bool(exercise.cues)),
        cautions=table.texts("cautions", *schema.CAUTIONS_LIMITS, required=bool(exercise.cautions)),
        dose=check_dose_words(table, exercise),
    )
    schema.check_placeholders(table, text, exercise.sided, language)
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
    if not has:
        kinds = ", ".join(DOSE_WORDS)
        table.fail("dose", f"the exercise's dose has no words to give ({kinds}); leave it out")
        return None
    words = Table(table.problems, raw, table.at("dose"), has)
    values: dict[str, Any] = {}
    for field in DOSE_FIELDS:
        if field.key in has:
            values[field.key] = words.text(field.key, field.max_len, multiline=field.multiline)
    return Dose(**values)
