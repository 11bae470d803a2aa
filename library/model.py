"""The domain types: a dose, an exercise, a program item and a program, all immutable.

Edits make new objects (`dataclasses.replace`), which keeps undo trivial and lets tests compare
whole programs with `==`. Where a thing came from (layer, file) is kept out of equality so that a
program loaded, saved and loaded again compares equal.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

from library.figure_model import Figure
from library.pickling import by_init
from library.speech import N_

# An amount that a therapist may give as one number or as a range "8–12": (low, high), low < high.
Amount = int | tuple[int, int]


def low(amount: Amount) -> int:
    return amount[0] if isinstance(amount, tuple) else amount


def high(amount: Amount) -> int:
    return amount[1] if isinstance(amount, tuple) else amount


def middle(amount: Amount) -> float:
    return (low(amount) + high(amount)) / 2


@by_init
@dataclass(frozen=True, slots=True)
class Dose:
    """How much, how often and how hard: the dose table of the README's Files section. Every
    field is optional."""

    sets: Amount | None = None
    reps: Amount | None = None
    hold_s: Amount | None = None
    duration_s: Amount | None = None
    rest_s: int | None = None
    per_day: int | None = None
    days_per_week: int | None = None
    side: str | None = None
    load: str | None = None
    tempo: str | None = None
    effort: str | None = None
    when: str | None = None
    notes: str | None = None

    def is_empty(self) -> bool:
        return all(getattr(self, f.name) is None for f in fields(self))


@by_init
@dataclass(frozen=True, slots=True)
class ExerciseText:
    """An exercise's words in one more language than English (`[exercise.translations.es]`):
    what the patient reads, written for them in that language, not word for word. `dose` holds
    the default dose's words only (when, effort, load, tempo, notes); its numbers are the
    exercise's own."""

    name: str
    steps: tuple[str, ...]
    aka: tuple[str, ...] = ()
    summary: str | None = None
    cues: tuple[str, ...] = ()
    cautions: tuple[str, ...] = ()
    dose: Dose | None = None


# The default dose's fields that are words, which a translation may give in its language.
DOSE_WORDS = ("load", "tempo", "effort", "when", "notes")


@by_init
@dataclass(frozen=True, slots=True)
class Exercise:
    """One exercise as the library (or a program's embedded copy) defines it."""

    id: str
    name: str
    regions: tuple[str, ...]
    kind: str
    steps: tuple[str, ...]
    aka: tuple[str, ...] = ()
    position: str | None = None
    equipment: tuple[str, ...] = ()
    sided: bool = False
    summary: str | None = None
    cues: tuple[str, ...] = ()
    cautions: tuple[str, ...] = ()
    image: str | None = None
    video: str | None = None
    tags: tuple[str, ...] = ()
    dose: Dose | None = None
    figure: Figure | None = None
    # (language tag, its words), in the file's order: ("es", ExerciseText(...)), ...
    translations: tuple[tuple[str, ExerciseText], ...] = ()
    # Provenance, not content: which layer it came from and the file that defined it.
    layer: str = field(default="bundled", compare=False, repr=False)
    source: Path | None = field(default=None, compare=False, repr=False)
    # The language its words are in: "en", or the language `in_language` gave it.
    written_in: str = field(default="en", compare=False, repr=False)

    def text_in(self, language: str) -> ExerciseText | None:
        for tag, text in self.translations:
            if tag == language:
                return text
        return None

    def in_language(self, language: str) -> Exercise:
        """This exercise with its words in `language` where it has them; itself otherwise
        (English, which every exercise has)."""
        text = self.text_in(language)
        if text is None:
            return self
        dose = self.dose
        if dose is not None and text.dose is not None:
            words = {key: getattr(text.dose, key) for key in DOSE_WORDS}
            dose = replace(dose, **{key: value for key, value in words.items() if value})
        return replace(
            self,
            name=text.name,
            aka=text.aka,
            summary=text.summary,
            steps=text.steps,
            cues=text.cues,
            cautions=text.cautions,
            dose=dose,
            written_in=language,
        )

    def image_path(self) -> Path | None:
        """The illustration file on disk, if the exercise names one and it is there."""
        if self.image is None or self.source is None:
            return None
        path = self.source.parent / self.image
        try:  # where it may point was checked when the file was loaded
            return path if path.is_file() else None
        except OSError:
            return None


# The pain guide's limit when a program sets none: during exercise pain up to 5 out of 10 is okay
# (the pain-monitoring model, Silbernagel; README.md, The handout). A program may set its own
# with `pain_limit`; the schema takes 0 to 10, the scale the guide uses (`PAIN_LIMIT_RANGE`).
PAIN_LIMIT = 5
PAIN_LIMIT_RANGE = (0, 10)

# The heading over items without a section that follow items with one: the file format groups only
# consecutive items with the same section, so they must not seem to belong to the one above.
NO_SECTION = N_("More exercises")


@by_init
@dataclass(frozen=True, slots=True)
class Item:
    """One exercise in a program, dosed for this patient."""

    exercise: str
    section: str | None = None
    notes: str | None = None
    progression: str | None = None
    dose: Dose | None = None


@by_init
@dataclass(frozen=True, slots=True)
class Program:
    """A home exercise program: who it is for, who wrote it, and the dosed items in order.

    `exercises` holds the definition of every exercise the items use (the file's own
    `[[exercise]]` tables, completed from the library when loaded), so a program stands alone.
    """

    title: str = ""
    patient: str | None = None
    clinician: str | None = None
    clinic: str | None = None
    contact: str | None = None
    created: dt.date | None = None
    start: dt.date | None = None
    goals: tuple[str, ...] = ()
    precautions: tuple[str, ...] = ()
    # The therapist's own signs to stop and call for, printed with those hepster chooses.
    warning_signs: tuple[str, ...] = ()
    # None: not set in the file, the guide uses PAIN_LIMIT (and a saved file stays without it).
    pain_limit: int | None = None
    notes: str | None = None
    items: tuple[Item, ...] = ()
    exercises: tuple[Exercise, ...] = ()
    # The handout's language, a tag such as "es" (library/languages.py); None: not set in the
    # file, and the handout is printed in English (new programs take the settings' language).
    language: str | None = None
    # A template's title in other languages ([translations.es] title = ...), for a new program
    # started from it in one of them: (tag, title), in the file's order.
    titles: tuple[tuple[str, str], ...] = ()

    def pain_limit_or_default(self) -> int:
        """The most pain, out of 10, the handout calls okay during exercise."""
        return PAIN_LIMIT if self.pain_limit is None else self.pain_limit

    def exercise(self, exercise_id: str) -> Exercise | None:
        for exercise in self.exercises:
            if exercise.id == exercise_id:
                return exercise
        return None

    def distinct_exercises(self) -> int:
        """How many different exercises the patient learns: a left and a right copy are one."""
        return len({item.exercise for item in self.items})

    def used_exercises(self) -> tuple[Exercise, ...]:
        """The definitions the items use, in the order the items first use them."""
        by_id = {exercise.id: exercise for exercise in self.exercises}
        seen: dict[str, Exercise] = {}
        for item in self.items:
            if item.exercise in by_id and item.exercise not in seen:
                seen[item.exercise] = by_id[item.exercise]
        return tuple(seen.values())
