"""Program files: loading them (untrusted, from anyone) and saving them (atomic, stable bytes).

A saved program carries the definition of every exercise it uses, so it opens, validates and
exports the same on a machine whose library lacks them.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Iterable, Iterator
from dataclasses import fields
from pathlib import Path
from typing import Any

from library.atomic import atomic_write
from library.dose_fields import DOSE_KEYS
from library.figure_model import Figure
from library.figure_text import figure_text
from library.languages import language_of
from library.model import Dose, Exercise, Program
from library.problems import Collector, InvalidFile, Problem
from library.schema import EXERCISE_KEYS, FORMAT_VERSION, PROGRAM_FORMAT, check_program
from library.toml_files import format_problem, is_program, read_document
from library.toml_text import table_text
from library.translation_schema import TEXT_KEYS

Lookup = Callable[[str], Exercise | None]


KnownIds = Callable[[], Iterable[str]]


def no_library(exercise_id: str) -> Exercise | None:
    return None


def no_ids() -> Iterable[str]:
    return ()


def load_program(
    path: Path,
    lookup: Lookup = no_library,
    *,
    known_ids: KnownIds = no_ids,
    folder: Path | None = None,
    lookup_embedded: bool = True,
    language: str | None = None,
) -> Program:
    """The program in `path`; exercises not defined in the file come from `lookup` (the library).
    `known_ids` lists the library's ids, for a "did you mean" when an item names none of them.
    `folder`: where the program's own pictures are, when `path` is a copy kept elsewhere (an
    autosave, in the state folder, of a program that lives beside its pictures).
    `lookup_embedded=False`: ask `lookup` only about what the file's own definitions cannot
    settle (`check_program`), so a lazy `lookup` reads the library only if the program needs it.
    `language`: the handout's, when the command line chooses it (`check_program`).

    Raises InvalidFile with every problem found.
    """
    document = read_document(path)
    wrong = format_problem(document, str(path))
    if wrong is not None:
        raise InvalidFile([wrong])
    if not is_program(document):
        message = f'is a library file, not a program (a program has format = "{PROGRAM_FORMAT}")'
        raise InvalidFile([Problem(str(path), "", message)])
    collector = Collector(str(path))
    source = path if folder is None else folder / path.name
    program = check_program(
        collector,
        document,
        source=source,
        lookup=lookup,
        known_ids=known_ids,
        lookup_embedded=lookup_embedded,
        language=language,
    )
    if program is None or collector:
        raise InvalidFile(collector.problems)
    return program


def plain(value: Any) -> Any:
    """Domain values as TOML values: tuples (ranges, lists) become lists."""
    if isinstance(value, tuple):
        return [plain(item) for item in value]
    return value


def present(obj: object, keys: tuple[str, ...]) -> Iterator[tuple[str, Any]]:
    """The (key, value) pairs of `obj` that are set, in the order of `keys`."""
    for key in keys:
        value = getattr(obj, key)
        if value is None or value == () or value == "" or isinstance(value, Dose | Figure):
            continue
        if key == "sided" and value is False:
            continue
        if key in ("translations", "titles"):  # tables of their own, after this one's keys
            continue
        yield key, plain(value)


def dose_pairs(dose: Dose | None) -> list[tuple[str, Any]]:
    """A dose's table as written: the fields it sets, in the order of `DOSE_FIELDS`."""
    return [] if dose is None else list(present(dose, DOSE_KEYS))


# The head's keys in the order of `Program`'s fields. Optional ones (`warning_signs`,
# `pain_limit`, …) are written only when set (`present`), so a file without them keeps its bytes.
PROGRAM_HEAD = tuple(f.name for f in fields(Program) if f.name not in ("items", "exercises"))
ITEM_KEYS = ("exercise", "section", "notes", "progression")


def exercise_text(
    exercise: Exercise, header: str = "[[exercise]]", languages: Container[str] | None = None
) -> str:
    """One exercise definition, as in a library file or a program's embedded tables; with its
    words in each of `languages` it has (all of them if None)."""
    text = f"{header}\n" + table_text(present(exercise, EXERCISE_KEYS))
    if exercise.dose is not None:
        text += "[exercise.dose]\n" + table_text(dose_pairs(exercise.dose))
    if exercise.figure is not None:
        text += figure_text(exercise.figure)
    for language, words in exercise.translations:
        if languages is not None and language not in languages:
            continue
        text += f"[exercise.translations.{language}]\n" + table_text(present(words, TEXT_KEYS))
        if words.dose is not None:
            dose = dose_pairs(words.dose)
            text += f"[exercise.translations.{language}.dose]\n" + table_text(dose)
    return text


def program_text(program: Program) -> str:
    """The whole program file: head, items in order, then every used exercise's definition."""
    head = [("format", PROGRAM_FORMAT), ("version", FORMAT_VERSION)]
    blocks = [table_text(head + list(present(program, PROGRAM_HEAD)))]
    blocks += [
        f"[translations.{language}]\n" + table_text([("title", title)])
        for language, title in program.titles
    ]
    for item in program.items:
        text = "[[item]]\n" + table_text(present(item, ITEM_KEYS))
        # An empty dose is still written, so that it loads back as the same (empty) dose.
        if item.dose is not None:
            text += "[item.dose]\n" + table_text(dose_pairs(item.dose))
        blocks.append(text)
    # Each exercise with its words in the program's language only: the handout's, which a
    # colleague's machine then prints the same; an English program carries none.
    language = language_of(program.language) if program.language else None
    languages = () if language is None else (language,)
    blocks += [exercise_text(e, languages=languages) for e in program.used_exercises()]
    return "\n".join(blocks)


def save_program(program: Program, path: Path) -> None:
    """Write `program` to `path` atomically, keeping the previous version as `NAME.toml.bak`."""
    atomic_write(path, program_text(program).encode("utf-8"), backup=True)
