"""`hepster validate`: check program files, library files and library folders, collecting every
problem rather than stopping at the first."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from library.layers import Folder, Library, load_library, toml_files
from library.model import Exercise
from library.pictures import PictureProblem, picture_warnings, read_picture, unreadable_pictures
from library.problems import Collector, InvalidFile, Problem
from library.program_files import load_program
from library.schema import check_library_file
from library.toml_files import format_problem, is_program, read_document


@dataclass(frozen=True)
class Checked:
    """What a valid path held, for the one-line summary a person reads."""

    path: Path
    summary: str
    notes: tuple[str, ...] = ()  # worth knowing, not wrong (a picture file that is missing)


def validate_path(path: Path, full_library: Callable[[], Library]) -> tuple[list[Problem], Checked]:
    """Problems in `path` (a file or a library folder); programs may use `full_library()`."""
    if path.is_dir():
        return validate_folder(path, full_library)
    try:
        document = read_document(path)
    except InvalidFile as error:
        return error.problems, Checked(path, "")
    wrong = format_problem(document, str(path))
    if wrong is not None:
        return [wrong], Checked(path, "")
    if is_program(document):
        try:
            program = load_program(
                path,
                lambda id: full_library().get(id),
                known_ids=lambda: full_library().exercises,
            )
        except InvalidFile as error:
            return error.problems, Checked(path, "")
        # A picture that is there but cannot be printed is an error, as it is for `export`.
        unprintable = [Problem(str(path), "", line) for line in unreadable_pictures(program)]
        if unprintable:
            return unprintable, Checked(path, "")
        count = len(program.items)
        noun = "exercise" if count == 1 else "exercises"
        summary = f'program "{program.title}", {count} {noun}'
        return [], Checked(path, summary, tuple(picture_warnings(program)))
    collector = Collector(str(path))
    exercises = check_library_file(
        collector, document, root=path.parent, source=path, layer="clinic"
    )
    for number, exercise in enumerate(exercises, 1):
        picture = exercise.image_path()
        if picture is not None:
            try:
                read_picture(picture, path.parent)
            except PictureProblem as error:
                collector.add(f"exercise[{number}].image", str(error))
    noun = "exercise" if len(exercises) == 1 else "exercises"
    return collector.problems, Checked(path, f"library file, {len(exercises)} {noun}")


def validate_folder(
    folder: Path, full_library: Callable[[], Library]
) -> tuple[list[Problem], Checked]:
    """A library folder: every file, ids unique across files, templates resolved against it."""
    if not toml_files(folder):
        return [Problem(str(folder), "", "holds no .toml files")], Checked(folder, "")
    library = load_library([Folder("clinic", folder)])
    problems = list(library.problems)

    def lookup(exercise_id: str) -> Exercise | None:
        return library.get(exercise_id) or full_library().get(exercise_id)

    for template in library.templates.values():
        try:
            load_program(template.path, lookup)
        except InvalidFile as error:
            problems += error.problems
    templates = len(library.templates)
    summary = f"library folder, {len(library)} exercises, {templates} template" + (
        "" if templates == 1 else "s"
    )
    return problems, Checked(folder, summary)
