"""The exercise library as the app sees it: bundled, clinic and personal layers merged.

On an id clash the later layer wins (personal over clinic over bundled) and the losers are kept,
so the app can say which definition won. Two definitions of one id in the same layer are an error.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from library.locations import LIBRARY_ENV, bundled_library, personal_library
from library.model import Exercise
from library.problems import Collector, InvalidFile, Problem


@dataclass(frozen=True)
class Folder:
    layer: str
    path: Path


@dataclass(frozen=True)
class Template:
    """A program file inside a library folder, offered as a starting point."""

    id: str
    path: Path
    layer: str
    title: str = ""  # the program's title, what a therapist picks it by ("" if it has none)


@dataclass(frozen=True)
class Library:
    """The merged layers. Never changed in place: `with_exercise` makes a new one, so a screen
    or thread holding the old one never sees it change under it."""

    exercises: dict[str, Exercise] = field(default_factory=dict)
    overridden: dict[str, list[Exercise]] = field(default_factory=dict)
    templates: dict[str, Template] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def get(self, exercise_id: str) -> Exercise | None:
        return self.exercises.get(exercise_id)

    def __len__(self) -> int:
        return len(self.exercises)

    def sorted(self) -> list[Exercise]:
        return sorted(self.exercises.values(), key=lambda e: (e.name.lower(), e.id))

    def with_exercise(self, exercise: Exercise) -> Library:
        """This library with a just-saved exercise in it, exactly as reading the folders again
        would give it: the definition it replaces from a lower layer joins the end of the
        overridden list, as `load_library` appends them."""
        earlier = self.exercises.get(exercise.id)
        overridden = dict(self.overridden)
        if earlier is not None and earlier.layer != exercise.layer:
            overridden[exercise.id] = [*overridden.get(exercise.id, []), earlier]
        exercises = {**self.exercises, exercise.id: exercise}
        return replace(self, exercises=exercises, overridden=overridden)


def library_folders(environ: Mapping[str, str] | None = None) -> list[Folder]:
    """The folders to read, lowest priority first."""
    environ = os.environ if environ is None else environ
    folders = [Folder("bundled", bundled_library())]
    for entry in environ.get(LIBRARY_ENV, "").split(os.pathsep):
        if entry.strip():
            folders.append(Folder("clinic", Path(entry).expanduser()))
    folders.append(Folder("personal", personal_library()))
    return folders


def toml_files(folder: Path) -> list[Path]:
    """Every .toml file below `folder`, in a stable order, skipping hidden folders like .git."""
    found: list[Path] = []
    for directory, subdirs, names in os.walk(folder):
        subdirs[:] = sorted(d for d in subdirs if not d.startswith("."))
        found += [Path(directory) / n for n in sorted(names) if n.endswith(".toml")]
    return found


def read_folder(
    folder: Folder, files: list[Path] | None = None, read_one: Callable[[], None] | None = None
) -> tuple[list[Exercise], list[Template], list[Problem]]:
    """The exercises and templates of one library folder, and the problems of its bad files
    (`files`: its library files, if already listed; `read_one` is called after each).

    A bad file costs only its own exercises: the rest of the library stays usable.
    """
    # Imported here: a start-up from the cache never reads a file, and need not load the
    # TOML reader and the checks.
    from library.schema import check_library_file
    from library.toml_files import format_problem, is_program, read_document

    exercises: list[Exercise] = []
    templates: list[Template] = []
    problems: list[Problem] = []
    for path in toml_files(folder.path) if files is None else files:
        if read_one is not None:
            read_one()
        try:
            document = read_document(path)
        except InvalidFile as error:
            problems += error.problems
            continue
        wrong = format_problem(document, str(path))
        if wrong is not None:
            problems.append(wrong)
        elif is_program(document):
            title = document.get("title")
            # Only to show in a list: one line, and not a whole paragraph. The template is
            # checked in full when it is used.
            shown = " ".join(title.split())[:80] if isinstance(title, str) else ""
            templates.append(Template(path.stem, path, folder.layer, shown))
        else:
            collector = Collector(str(path))
            found = check_library_file(
                collector, document, root=folder.path, source=path, layer=folder.layer
            )
            problems += collector.problems
            if not collector.problems:
                exercises += found
    return exercises, templates, problems


def load_library(
    folders: Sequence[Folder] | None = None, *, progress: Callable[[int, int], None] | None = None
) -> Library:
    """Merge the layers; a missing personal folder is normal, a missing clinic folder is not.
    `progress(files read, files)` is told as the files are read."""
    folders = library_folders() if folders is None else folders
    listed = {folder: toml_files(folder.path) for folder in folders if folder.path.is_dir()}
    total, done = sum(len(files) for files in listed.values()), 0

    def read_one() -> None:
        nonlocal done
        if progress is not None:
            progress(done, total)
        done += 1

    exercises: dict[str, Exercise] = {}
    overridden: dict[str, list[Exercise]] = {}
    templates: dict[str, Template] = {}
    problems: list[Problem] = []
    seen_in_layer: dict[tuple[str, str], Exercise] = {}
    for folder in folders:
        if folder not in listed:
            if folder.layer == "clinic":
                message = f"{LIBRARY_ENV} names a folder that does not exist"
                problems.append(Problem(str(folder.path), "", message))
            continue
        found, found_templates, found_problems = read_folder(folder, listed[folder], read_one)
        problems += found_problems
        for exercise in found:
            key = (folder.layer, exercise.id)
            if key in seen_in_layer:
                first = seen_in_layer[key]
                message = (
                    f"'{exercise.id}' is defined twice in the {folder.layer} library "
                    f"(also in {first.source}); ids must be unique"
                )
                place = f"exercise {exercise.id!r}"
                problems.append(Problem(str(exercise.source), place, message))
                continue
            seen_in_layer[key] = exercise
            earlier = exercises.get(exercise.id)
            if earlier is not None:
                overridden.setdefault(exercise.id, []).append(earlier)
            exercises[exercise.id] = exercise
        for template in found_templates:
            earlier_template = templates.get(template.id)
            if earlier_template is not None and earlier_template.layer == folder.layer:
                # Two files of one name in one library (say, in two subfolders): the list of
                # templates could offer only one of them, so neither is hidden silently.
                message = (
                    f"a template named '{template.id}' is also in {earlier_template.path}; "
                    "template file names must be unique in a library: rename one"
                )
                problems.append(Problem(str(template.path), "", message))
                continue
            templates[template.id] = template
    return Library(exercises, overridden, templates, problems)
