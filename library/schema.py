"""Checks parsed TOML tables against the file format (README.md, Files; docs/figures.md) and
turns them into domain objects.

Every check reports to a Collector and carries on, so one run names every problem in a file.
A function returns None for a table that had problems; the caller still sees all of them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import re
import sys
import urllib.parse
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from library.dose_fields import DOSE_FIELDS, DOSE_KEYS, DoseField
from library.figure_model import Figure
from library.model import PAIN_LIMIT_RANGE, Amount, Dose, Exercise, ExerciseText, Item, Program
from library.problems import Collector, Problem
from library.safe_text import shown
from library.side_text import placeholder_problems
from library.words import KINDS, POSITIONS, PROGRAM_LAYER, REGIONS

PROGRAM_FORMAT = "hepster-program"
FORMAT_VERSION = 1

# Any real program falls well inside these; outside them date arithmetic (a tracking sheet's
# fourteen days) would overflow.
EARLIEST_DATE = dt.date(1900, 1, 1)
LATEST_DATE = dt.date(2199, 12, 31)
# Limits the forms apply too (tui/screens/forms.py), before anything reaches a file.
ITEM_NOTES_LEN = 1000
PROGRESSION_LEN = 500
SECTION_LEN = 80  # a heading the items are grouped under
PERSON_LEN = 120  # a patient's, clinician's or clinic's name
CONTACT_LEN = 200
TITLE_LEN = 120  # a program's title, in any language
# An exercise's words, in English and in each language it is written in
# (library/translation_schema.py): the same limits, so no translation is cut short.
NAME_LEN = 80
AKA_LIMITS = (20, 80)  # at most this many other names, each at most this many characters
SUMMARY_LEN = 300
STEPS_LIMITS = (12, 400)
CUES_LIMITS = (12, 300)
CAUTIONS_LIMITS = (12, 300)
# A program's lists for the patient: goals, precautions and its own warning signs.
GOALS_LIMITS = (20, 200)  # at most this many entries, each at most this many characters
PRECAUTIONS_LIMITS = (20, 300)
WARNING_SIGNS_LIMITS = (20, 300)
ID_PATTERN = re.compile(r"[a-z0-9-]{3,64}")
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg")
# Control characters have no business in a handout (newlines only where a text may span lines),
# and neither have the invisible marks that turn text around: "evil\u202etxt.exe" shows as
# "evilexe.txt". C0 and C1 controls, the bidi embeddings, overrides and isolates, the direction
# marks, the line and paragraph separators, a stray byte-order mark.
CONTROL = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff]"
)
# Bounds that keep loading and printing quick whatever a file holds; no real program or
# library file comes near them.
MAX_ITEMS = 100  # items in one program: a home program has 3 to 10
MAX_EXERCISES_PER_FILE = 5000  # [[exercise]] tables in one file (a whole clinic's import)

EXERCISE_KEYS = (
    "id",
    "name",
    "aka",
    "regions",
    "kind",
    "position",
    "equipment",
    "sided",
    "summary",
    "steps",
    "cues",
    "cautions",
    "image",
    "video",
    "tags",
    "dose",
    "figure",
    "translations",
)
ITEM_KEYS = ("exercise", "section", "notes", "progression", "dose")
PROGRAM_KEYS = (
    "format",
    "version",
    "title",
    "patient",
    "clinician",
    "clinic",
    "contact",
    "created",
    "start",
    "goals",
    "precautions",
    "warning_signs",
    "pain_limit",
    "notes",
    "language",
    "translations",
    "item",
    "exercise",
)
COLLECTION_KEYS = ("name", "license", "author", "url", "notes")
LIBRARY_KEYS = ("collection", "exercise")


def join(place: str, key: str) -> str:
    return f"{place}.{key}" if place else key


def indexed(key: str, index: int) -> str:
    """Places count from 1, as a person counts the tables in the file."""
    return f"{key}[{index + 1}]"


def describe(value: Any) -> str:
    """A short account of a wrong value, for `(got …)`."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def quoted(words: Iterable[str]) -> str:
    return ", ".join(words)


class Table:
    """One TOML table under check: typed reads that report problems instead of raising."""

    def __init__(
        self, problems: Collector, raw: dict[str, Any], place: str, allowed: Sequence[str]
    ):
        self.problems = problems
        self.raw = raw
        self.place = place
        for key in raw:
            if key not in allowed:
                hint = difflib.get_close_matches(key, allowed, n=1)
                guess = f"did you mean '{hint[0]}'? " if hint else ""
                problems.add(
                    join(place, key), f"unknown key; {guess}allowed here: {quoted(allowed)}"
                )

    def at(self, key: str) -> str:
        return join(self.place, key)

    def fail(self, key: str, message: str) -> None:
        self.problems.add(self.at(key), message)

    def missing(self, key: str, required: bool) -> bool:
        if key in self.raw:
            return False
        if required:
            self.fail(key, "is required")
        return True

    def text(
        self, key: str, max_len: int, *, required: bool = False, multiline: bool = False
    ) -> str | None:
        if self.missing(key, required):
            return None
        value = self.raw[key]
        if not isinstance(value, str):
            self.fail(key, f"must be text in quotes (got {describe(value)})")
            return None
        return self.check_text(key, value, max_len, required=required, multiline=multiline)

    def check_text(
        self, place: str, value: str, max_len: int, *, required: bool, multiline: bool
    ) -> str | None:
        if not value.strip():
            if required:
                self.fail(place, "must not be empty")
            return None
        if len(value) > max_len:
            self.fail(place, f"is {len(value)} characters long; at most {max_len} are allowed")
            return None
        found = CONTROL.search(value)
        if found is not None:
            at = found.start() + 1
            self.fail(
                place,
                f"must not contain control characters or marks that turn text around "
                f"(found {shown(found.group(0))} at character {at})",
            )
            return None
        if not multiline and ("\n" in value or "\r" in value):
            self.fail(place, "must not contain line breaks")
            return None
        return value

    def texts(
        self,
        key: str,
        max_items: int,
        max_len: int,
        *,
        required: bool = False,
        shared: bool = False,
    ) -> tuple[str, ...]:
        """`shared`: words many exercises repeat (tags, equipment), kept once in memory."""
        if self.missing(key, required):
            return ()
        value = self.raw[key]
        if not isinstance(value, list):
            self.fail(key, f'must be a list of texts, like ["…", "…"] (got {describe(value)})')
            return ()
        if required and not value:
            self.fail(key, "must not be an empty list")
        if len(value) > max_items:
            self.fail(key, f"has {len(value)} entries; at most {max_items} are allowed")
            return ()
        result: list[str] = []
        for index, entry in enumerate(value):
            place = indexed(key, index)
            if not isinstance(entry, str):
                self.fail(place, f"must be text in quotes (got {describe(entry)})")
                continue
            checked = self.check_text(place, entry, max_len, required=True, multiline=False)
            if checked is not None:
                result.append(sys.intern(checked) if shared else checked)
        return tuple(result)

    def word(self, key: str, words: Sequence[str], *, required: bool = False) -> str | None:
        if self.missing(key, required):
            return None
        value = self.raw[key]
        if value in words:
            # The vocabulary's own string, shared by every exercise that uses the word.
            return words[words.index(value)]
        self.fail(key, f"must be one of {quoted(words)} (got {describe(value)})")
        return None

    def words(self, key: str, words: Sequence[str], *, required: bool = False) -> tuple[str, ...]:
        if self.missing(key, required):
            return ()
        value = self.raw[key]
        if not isinstance(value, list) or (required and not value):
            self.fail(key, f'must be a list of one or more of {quoted(words)}, like ["{words[0]}"]')
            return ()
        result: list[str] = []
        for index, entry in enumerate(value):
            if entry not in words:
                hint = difflib.get_close_matches(str(entry), words, n=1)
                guess = f"; did you mean '{hint[0]}'?" if hint else ""
                self.fail(
                    indexed(key, index),
                    f"must be one of {quoted(words)} (got {describe(entry)}){guess}",
                )
            elif entry not in result:
                result.append(words[words.index(entry)])  # shared, as in `word`
        return tuple(result)

    def integer(self, key: str, lo: int, hi: int) -> int | None:
        if self.missing(key, False):
            return None
        value = self.raw[key]
        if isinstance(value, int) and not isinstance(value, bool) and lo <= value <= hi:
            return value
        self.fail(key, f"must be a whole number from {lo} to {hi} (got {describe(value)})")
        return None

    def amount(self, key: str, lo: int, hi: int) -> Amount | None:
        """A whole number, or a range `[low, high]` with low < high, both within lo..hi."""
        if self.missing(key, False):
            return None
        value = self.raw[key]

        def whole(number: Any) -> bool:
            return isinstance(number, int) and not isinstance(number, bool) and lo <= number <= hi

        if whole(value):
            return int(value)
        if isinstance(value, list) and len(value) == 2 and all(whole(n) for n in value):
            if value[0] < value[1]:
                return (int(value[0]), int(value[1]))
            self.fail(key, f"a range must go from low to high, like [{lo}, {lo + 1}]")
            return None
        self.fail(
            key,
            f"must be a whole number from {lo} to {hi}, or a range [low, high] "
            f"(got {describe(value)})",
        )
        return None

    def boolean(self, key: str) -> bool | None:
        if self.missing(key, False):
            return None
        value = self.raw[key]
        if isinstance(value, bool):
            return value
        self.fail(key, f"must be true or false (got {describe(value)})")
        return None

    def date(self, key: str) -> dt.date | None:
        if self.missing(key, False):
            return None
        value = self.raw[key]
        if type(value) is dt.date and EARLIEST_DATE <= value <= LATEST_DATE:
            return value
        if type(value) is dt.date:
            self.fail(key, f"must be a date from {EARLIEST_DATE} to {LATEST_DATE} (got {value})")
            return None
        self.fail(key, f"must be a date like 2026-11-24, without quotes (got {describe(value)})")
        return None

    def table(self, key: str) -> dict[str, Any] | None:
        if self.missing(key, False):
            return None
        value = self.raw[key]
        if isinstance(value, dict):
            return value
        self.fail(key, f"must be a table, written [{self.at(key)}] (got {describe(value)})")
        return None

    def tables(self, key: str, most: int | None = None) -> list[dict[str, Any]]:
        """An array of tables, `[[key]]`; entries that are not tables are reported and skipped.
        More than `most` of them: reported, and none checked (the file is not what it says)."""
        if self.missing(key, False):
            return []
        value = self.raw[key]
        if not isinstance(value, list):
            self.fail(key, f"must be written as [[{key}]] tables (got {describe(value)})")
            return []
        if most is not None and len(value) > most:
            self.fail(key, f"has {len(value)} [[{key}]] tables; at most {most} are allowed")
            return []
        for index, entry in enumerate(value):
            if not isinstance(entry, dict):
                self.fail(indexed(key, index), f"must be a [[{key}]] table")
        return [entry if isinstance(entry, dict) else {} for entry in value]


def dose_value(table: Table, field: DoseField) -> Any:
    """One field of a dose table, checked by its row of `DOSE_FIELDS`."""
    if field.kind == "amount":
        return table.amount(field.key, field.lo, field.hi)
    if field.kind == "whole":
        return table.integer(field.key, field.lo, field.hi)
    if field.kind == "word":
        return table.word(field.key, field.words)
    return table.text(field.key, field.max_len, multiline=field.multiline)


def check_dose(
    problems: Collector, raw: dict[str, Any], place: str, sided: bool | None
) -> Dose | None:
    """A dose table; `sided` is whether its exercise is done one side at a time, if known."""
    before = len(problems.problems)
    table = Table(problems, raw, place, DOSE_KEYS)
    values: dict[str, Any] = {}
    for field in DOSE_FIELDS:
        values[field.key] = dose_value(table, field)
        if field.sided_only and values[field.key] is not None and sided is False:
            table.fail(field.key, "is only for exercises done one side at a time (sided = true)")
    dose = Dose(**values)
    return dose if len(problems.problems) == before else None


def check_image(table: Table, base_dir: Path, root: Path, must_exist: bool) -> str | None:
    """An illustration path: relative, PNG or JPEG, and inside `root` once links are followed."""
    image = table.text("image", 300)
    if image is None:
        return None
    if not image.lower().endswith(IMAGE_SUFFIXES):
        table.fail("image", "must be a .png, .jpg or .jpeg file")
        return None
    relative = Path(image)
    if relative.is_absolute() or "\\" in image or image.startswith("~"):
        table.fail("image", "must be a path relative to this file, like images/name.png")
        return None
    try:
        target = (base_dir / relative).resolve()
        inside = target.is_relative_to(root.resolve())
        exists = inside and target.is_file()
    except (OSError, RuntimeError) as error:  # a link loop, a name too long, a locked folder
        reason = getattr(error, "strerror", None) or str(error)
        table.fail("image", f"cannot be used: {reason}")
        return None
    if not inside:
        table.fail("image", f"must stay inside the folder {root}; it points outside it")
        return None
    if must_exist and not exists:
        table.fail("image", f"no such file: {base_dir / relative}")
        return None
    return image


def check_video(table: Table) -> str | None:
    video = table.text("video", 500)
    if video is None:
        return None
    parts = urllib.parse.urlsplit(video)
    if parts.scheme != "https" or not parts.hostname or " " in video:
        table.fail("video", f"must be an https:// link (got {describe(video)})")
        return None
    return video


def check_figure_table(table: Table) -> Figure | None:
    raw = table.table("figure")
    if raw is None:
        return None
    # Imported here: the figure's checks build on this module's Table.
    from library.figure_schema import check_figure

    problems = table.problems
    before = len(problems.problems)
    figure = check_figure(problems, raw, table.at("figure"))
    exercise_id = table.raw.get("id")
    if isinstance(exercise_id, str) and ID_PATTERN.fullmatch(exercise_id):
        # A figure's places run long; the exercise's id says which one to look at.
        problems.problems[before:] = [
            Problem(p.path, p.place, f"{p.message} (in the figure of {exercise_id})")
            for p in problems.problems[before:]
        ]
    return figure


def check_exercise(
    problems: Collector,
    raw: dict[str, Any],
    place: str,
    *,
    root: Path,
    source: Path,
    layer: str,
    image_must_exist: bool,
) -> Exercise | None:
    """One `[[exercise]]` table from the file `source`, whose images must stay inside `root`."""
    before = len(problems.problems)
    table = Table(problems, raw, place, EXERCISE_KEYS)
    exercise_id = table.text("id", 64, required=True)
    if exercise_id is not None and not ID_PATTERN.fullmatch(exercise_id):
        table.fail("id", f"must be 3 to 64 of a-z, 0-9 and '-' (got {describe(exercise_id)})")
    sided = table.boolean("sided")
    dose_table = table.table("dose")
    dose = None
    if dose_table is not None:
        dose = check_dose(problems, dose_table, table.at("dose"), bool(sided))
    exercise = Exercise(
        id=exercise_id or "",
        name=table.text("name", NAME_LEN, required=True) or "",
        aka=table.texts("aka", *AKA_LIMITS),
        regions=table.words("regions", REGIONS, required=True),
        kind=table.word("kind", KINDS, required=True) or "",
        position=table.word("position", POSITIONS),
        equipment=table.texts("equipment", 12, 80, shared=True),
        sided=bool(sided),
        summary=table.text("summary", SUMMARY_LEN),
        steps=table.texts("steps", *STEPS_LIMITS, required=True),
        cues=table.texts("cues", *CUES_LIMITS),
        cautions=table.texts("cautions", *CAUTIONS_LIMITS),
        image=check_image(table, source.parent, root, image_must_exist),
        video=check_video(table),
        tags=table.texts("tags", 30, 80, shared=True),
        dose=dose,
        figure=check_figure_table(table),
        layer=layer,
        source=source,
    )
    check_placeholders(table, exercise, exercise.sided)
    if "translations" in raw:
        from library.translation_schema import check_translations

        exercise = dataclasses.replace(exercise, translations=check_translations(table, exercise))
    return exercise if len(problems.problems) == before else None


def check_placeholders(
    table: Table, words: Exercise | ExerciseText, sided: bool, language: str = "en"
) -> None:
    """`{side}` and `{other side}` only where the handout can fill them (library/side_text.py):
    in an exercise's words, or its words in another `language`."""
    texts = {
        "summary": (words.summary,) if words.summary else (),
        "steps": words.steps,
        "cues": words.cues,
        "cautions": words.cautions,
    }
    for key, found in texts.items():
        for index, text in enumerate(found):
            for message in placeholder_problems(text, sided, language):
                table.fail(key if key == "summary" else indexed(key, index), message)


def check_exercises(
    problems: Collector,
    document: Table,
    *,
    root: Path,
    source: Path,
    layer: str,
    image_must_exist: bool,
) -> list[Exercise]:
    """Every `[[exercise]]` of a file, with ids unique within it."""
    exercises: list[Exercise] = []
    first_place: dict[str, str] = {}
    for index, raw in enumerate(document.tables("exercise", MAX_EXERCISES_PER_FILE)):
        place = indexed("exercise", index)
        exercise = check_exercise(
            problems,
            raw,
            place,
            root=root,
            source=source,
            layer=layer,
            image_must_exist=image_must_exist,
        )
        exercise_id = raw.get("id")
        if isinstance(exercise_id, str) and exercise_id in first_place:
            problems.add(
                join(place, "id"),
                f"'{exercise_id}' is already defined at {first_place[exercise_id]}",
            )
            continue
        if isinstance(exercise_id, str):
            first_place[exercise_id] = place
        if exercise is not None:
            exercises.append(exercise)
    return exercises


def check_library_file(
    problems: Collector, raw: dict[str, Any], *, root: Path, source: Path, layer: str
) -> list[Exercise]:
    """A library file: an optional `[collection]` and one or more `[[exercise]]` tables."""
    document = Table(problems, raw, "", LIBRARY_KEYS)
    collection = document.table("collection")
    if collection is not None:
        described = Table(problems, collection, "collection", COLLECTION_KEYS)
        for key in COLLECTION_KEYS:
            described.text(key, 500 if key == "notes" else 200, multiline=key == "notes")
    if not raw.get("exercise"):
        problems.add("", "a library file needs at least one [[exercise]] table")
    return check_exercises(
        problems, document, root=root, source=source, layer=layer, image_must_exist=True
    )


def check_version(problems: Collector, raw: dict[str, Any]) -> bool:
    """Whether this hepster can read the file at all; a newer version is never half-read."""
    version = raw.get("version")
    if "version" not in raw:
        problems.add("version", f"is required; this hepster writes version = {FORMAT_VERSION}")
        return False
    if type(version) is int and version > FORMAT_VERSION:
        problems.add(
            "version",
            f"this file was written by a newer hepster (format version {version}); "
            f"this hepster reads version {FORMAT_VERSION} — please update hepster",
        )
        return False
    if type(version) is not int or version != FORMAT_VERSION:
        problems.add("version", f"must be {FORMAT_VERSION} (got {describe(version)})")
        return False
    return True


def same_but_figure(embedded: Exercise, library_copy: Exercise) -> bool:
    """Whether a program's copy is the library's, or the library's less a figure or other
    languages' words that it lacks (a program saved by a hepster before them)."""
    if embedded == library_copy:
        return True
    older = library_copy
    if embedded.figure is None:
        older = dataclasses.replace(older, figure=None)
    # A program carries the words of its own language only (library/program_files.py).
    kept = {language for language, _ in embedded.translations}
    if len(kept) < len(older.translations):
        older = dataclasses.replace(
            older, translations=tuple(t for t in older.translations if t[0] in kept)
        )
    return older == embedded


def library_may_change(embedded: Exercise | None, language: str | None = None) -> bool:
    """Whether the library's copy of an exercise could be used instead of a program's own: when
    the program has none, or when `same_but_figure` could pick the library's for its image file,
    its figure, or its words in the handout's `language`. Only the image is looked for beside
    its source, so with none of these the program's copy prints the same."""
    if embedded is None or embedded.image is not None or embedded.figure is None:
        return True
    return language not in (None, "en") and embedded.text_in(language) is None


def check_pain_limit(table: Table) -> int | None:
    """A program's `pain_limit`: the most pain, out of 10, its guide calls okay. The info form
    checks what is typed by this too."""
    return table.integer("pain_limit", *PAIN_LIMIT_RANGE)


def check_program(
    problems: Collector,
    raw: dict[str, Any],
    *,
    source: Path,
    lookup: Callable[[str], Exercise | None],
    known_ids: Callable[[], Iterable[str]] = tuple,
    lookup_embedded: bool = True,
    language: str | None = None,
) -> Program | None:
    """A program file. Exercises its items use come from its own tables first, then `lookup`.

    With `lookup_embedded=False`, `lookup` is asked only about exercises the library may change:
    one the file does not define, or whose definition names an `image` (found beside the library
    file) or has no `figure` (an old program gains the library's). Any other embedded copy is
    used as it is, so a program that carries all its exercises never needs the library read
    (`hepster export` of a clinic's 10,000 exercises); the handout comes out the same.
    """
    before = len(problems.problems)
    if not check_version(problems, raw):
        return None
    document = Table(problems, raw, "", PROGRAM_KEYS)
    program_language = check_language(document)
    # The language the handout will be printed in, if known: the library may have the words
    # of an exercise in it that the program's own copy, saved before, lacks.
    wanted = language or program_language
    embedded = check_exercises(
        problems,
        document,
        root=source.parent,
        source=source,
        layer=PROGRAM_LAYER,
        image_must_exist=False,
    )
    own = {exercise.id: exercise for exercise in embedded}
    # Ids defined here but invalid are already reported; do not call their items dangling too.
    defined_here = (
        {
            entry["id"]
            for entry in raw["exercise"]
            if isinstance(entry, dict) and isinstance(entry.get("id"), str)
        }
        if isinstance(raw.get("exercise"), list)
        else set()
    )
    items: list[Item] = []
    used: dict[str, Exercise] = {}
    for index, item_raw in enumerate(document.tables("item", MAX_ITEMS)):
        place = indexed("item", index)
        table = Table(problems, item_raw, place, ITEM_KEYS)
        exercise_id = table.text("exercise", 64, required=True)
        exercise = None
        if exercise_id is not None:
            own_copy = own.get(exercise_id)
            library_copy = (
                lookup(exercise_id)
                if lookup_embedded or library_may_change(own_copy, wanted)
                else None
            )
            exercise = own_copy or library_copy
            if (
                exercise is not None
                and library_copy is not None
                and same_but_figure(exercise, library_copy)
            ):
                # Unchanged from the library (hepster embeds what it uses): keep the library's
                # file as its source, so its illustration is still found beside that file, and
                # its figure, which a program saved before figures existed does not carry.
                exercise = library_copy
            if exercise is None and exercise_id not in defined_here:
                # A hand-edited id is most often a typo of a real one: name the nearest.
                candidates = [*defined_here, *known_ids()]
                hint = difflib.get_close_matches(exercise_id, candidates, n=1, cutoff=0.8)
                table.fail(
                    "exercise",
                    f"no exercise '{exercise_id}' in this file's [[exercise]] tables "
                    "or in the library" + (f"; did you mean '{hint[0]}'?" if hint else ""),
                )
        dose_table = table.table("dose")
        dose = None
        if dose_table is not None:
            sided = exercise.sided if exercise is not None else None
            dose = check_dose(problems, dose_table, table.at("dose"), sided)
        item = Item(
            exercise=exercise_id or "",
            section=table.text("section", SECTION_LEN),
            notes=table.text("notes", ITEM_NOTES_LEN, multiline=True),
            progression=table.text("progression", PROGRESSION_LEN, multiline=True),
            dose=dose,
        )
        items.append(item)
        if exercise is not None:
            used.setdefault(exercise.id, exercise)
    titles: tuple[tuple[str, str], ...] = ()
    if "translations" in raw:  # a template's titles in other languages
        from library.translation_schema import check_titles

        titles = check_titles(document)
    program = Program(
        title=document.text("title", TITLE_LEN) or "",
        patient=document.text("patient", PERSON_LEN),
        clinician=document.text("clinician", PERSON_LEN),
        clinic=document.text("clinic", PERSON_LEN),
        contact=document.text("contact", CONTACT_LEN, multiline=True),
        created=document.date("created"),
        start=document.date("start"),
        goals=document.texts("goals", *GOALS_LIMITS),
        precautions=document.texts("precautions", *PRECAUTIONS_LIMITS),
        warning_signs=document.texts("warning_signs", *WARNING_SIGNS_LIMITS),
        pain_limit=check_pain_limit(document),
        notes=document.text("notes", 4000, multiline=True),
        items=tuple(items),
        exercises=tuple(used.values()),
        language=program_language,
        titles=titles,
    )
    return program if len(problems.problems) == before else None


def check_language(table: Table) -> str | None:
    """A program's `language`: a supported tag, as saved ("es", "pt-BR")."""
    tag = table.text("language", 20)
    if tag is None:
        return None
    from library.languages import normal_tag, tag_problem

    problem = tag_problem(tag)
    if problem is not None:
        table.fail("language", f"{describe(tag)} {problem}")
        return None
    return normal_tag(tag)
