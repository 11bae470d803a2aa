"""The `hepster` command line. The headless commands import only `library` (and `exports` for
`export`); Textual is imported only when the app is opened."""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from library.dose_text import dose_text
from library.layers import Library, load_library
from library.model import Exercise
from library.problems import InvalidFile, Problem
from library.program_files import dose_pairs, load_program, present, save_program
from library.schema import EXERCISE_KEYS
from library.search import Filters, SearchIndex
from library.words import KINDS, POSITIONS, REGIONS

if TYPE_CHECKING:
    from library.figure_scene import Picture

COMMANDS = ("export", "validate", "library", "show", "new", "figure")
OK, INVALID, USAGE = 0, 1, 2


def version() -> str:
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed

    try:
        return installed("hepster")
    except PackageNotFoundError:
        return "unknown"


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="hepster",
        description="Build home exercise programs from a library of exercises kept as TOML files.",
        epilog="Run 'hepster COMMAND --help' for the options of one command.",
    )
    top.add_argument("--version", action="version", version=f"hepster {version()}")
    commands = top.add_subparsers(dest="command", metavar="COMMAND")

    export = commands.add_parser("export", help="write the program as a PDF handout")
    export.add_argument("program", metavar="PROGRAM.toml", type=Path)
    export.add_argument("-o", "--output", metavar="OUT.pdf", type=Path, help="default: beside it")
    export.add_argument("--paper", choices=("letter", "a4"), default="letter")
    export.add_argument("--large-print", action="store_true", help="16 pt text and larger")

    check = commands.add_parser("validate", help="check program files, library files or folders")
    check.add_argument("paths", nargs="+", metavar="PATH", type=Path)

    find = commands.add_parser("library", help="search or list the exercises in the library")
    find.add_argument("text", nargs="*", metavar="TEXT", help="words to search for; typos are fine")
    find.add_argument("--region", choices=REGIONS, metavar="REGION", help=", ".join(REGIONS))
    find.add_argument("--kind", choices=KINDS, metavar="KIND", help=", ".join(KINDS))
    find.add_argument(
        "--position", choices=POSITIONS, metavar="POSITION", help=", ".join(POSITIONS)
    )
    find.add_argument("--equipment", metavar="WORD", help='e.g. strap, band, or "none"')
    find.add_argument("--json", action="store_true", help="print a JSON array, one object each")

    show = commands.add_parser("show", help="one exercise in full")
    show.add_argument("id", metavar="ID")

    new = commands.add_parser("new", help="start a program file without opening the app")
    new.add_argument("program", metavar="PROGRAM.toml", type=Path)
    new.add_argument("--template", metavar="ID", help="start from this template")

    figure = commands.add_parser(
        "figure",
        help="draw one exercise's figure (.pdf, .svg or .png), or a contact sheet of many",
        description="Draw an exercise's figure, or with --sheet a PDF of every figure (about "
        "a dozen to a page, each with its name and id) for review.",
    )
    figure.add_argument("id", nargs="?", metavar="ID", help="the exercise (not with --sheet)")
    figure.add_argument("--side", choices=("left", "right"), help="the side it is drawn for")
    figure.add_argument("--sheet", action="store_true", help="a contact sheet of figures")
    figure.add_argument("--region", choices=REGIONS, metavar="REGION", help="sheet: one region")
    figure.add_argument("--paper", choices=("letter", "a4"), default="letter")
    figure.add_argument("--width", type=int, default=800, metavar="PIXELS", help="PNG width")
    figure.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        type=Path,
        required=True,
        help="OUT.pdf, OUT.svg or OUT.png (a sheet is always PDF)",
    )
    return top


def complain(message: str) -> None:
    print(f"hepster: {message}", file=sys.stderr)


def report(problems: Sequence[Problem]) -> None:
    for problem in problems:
        print(problem, file=sys.stderr)


def library_with_warnings() -> Library:
    """The merged library; problems in it are shown but do not stop the command."""
    library = load_library()
    report(library.problems)
    return library


def run_validate(paths: Sequence[Path]) -> int:
    from library.validation import validate_path

    cache: list[Library] = []

    def full_library() -> Library:
        if not cache:
            cache.append(load_library())
        return cache[0]

    failed = False
    for path in paths:
        problems, checked = validate_path(path, full_library)
        if problems:
            failed = True
            report(problems)
        else:
            print(f"{path}: ok, {checked.summary}")
        for note in checked.notes:
            complain(f"{path}: note: {note}")
    return INVALID if failed else OK


def exercise_json(exercise: Exercise) -> dict[str, object]:
    from library.figure_text import figure_data
    from library.pictures import picture_kind

    data: dict[str, object] = dict(present(exercise, EXERCISE_KEYS))
    data["sided"] = exercise.sided
    if exercise.dose is not None:
        data["dose"] = dict(dose_pairs(exercise.dose))
    if exercise.figure is not None:
        data["figure"] = figure_data(exercise.figure)
    data["picture"] = picture_kind(exercise)
    data["layer"] = exercise.layer
    data["path"] = str(exercise.source) if exercise.source else None
    return data


def run_library(args: argparse.Namespace) -> int:
    library = library_with_warnings()
    filters = Filters(args.region, args.kind, args.position, args.equipment)
    found = SearchIndex(library.exercises.values()).search(" ".join(args.text), filters)
    if args.json:
        json.dump([exercise_json(e) for e in found], sys.stdout, ensure_ascii=False, indent=2)
        print()
        return OK
    if not found:
        complain("no exercise matches; try fewer words or other filters")
        return OK
    id_width = max(len(e.id) for e in found)
    name_width = min(max(len(e.name) for e in found), 48)
    for exercise in found:
        layer = "" if exercise.layer == "bundled" else f"  [{exercise.layer}]"
        name = exercise.name if len(exercise.name) <= 48 else exercise.name[:47] + "…"
        print(
            f"{exercise.id:<{id_width}}  {name:<{name_width}}  "
            f"{exercise.kind:<13} {', '.join(exercise.regions)}{layer}"
        )
    return OK


def exercise_lines(exercise: Exercise, library: Library) -> list[str]:
    """`hepster show`: everything about one exercise, and where it came from."""
    lines = [
        f"{exercise.name}  ({exercise.id})",
        f"From the {exercise.layer} library: {exercise.source}",
    ]
    for hidden in library.overridden.get(exercise.id, []):
        lines.append(f"Overrides the {hidden.layer} definition in {hidden.source}")
    if exercise.aka:
        lines.append("Also known as: " + ", ".join(exercise.aka))
    facts = [f"Regions: {', '.join(exercise.regions)}", f"Kind: {exercise.kind}"]
    if exercise.position:
        facts.append(f"Position: {exercise.position.replace('-', ' ')}")
    if exercise.equipment:
        facts.append(f"Equipment: {', '.join(exercise.equipment)}")
    facts.append("one side at a time" if exercise.sided else "both sides together")
    lines.append(" · ".join(facts))
    if exercise.summary:
        lines += ["", exercise.summary]
    lines += ["", "Steps"] + [f"  {n}. {step}" for n, step in enumerate(exercise.steps, 1)]
    if exercise.cues:
        lines += ["", "Tips"] + [f"  - {cue}" for cue in exercise.cues]
    if exercise.cautions:
        lines += ["", "Cautions"] + [f"  ! {caution}" for caution in exercise.cautions]
    lines += ["", f"Default dose: {dose_text(exercise.dose) or 'none given'}"]
    if exercise.dose and exercise.dose.notes:
        lines.append(f"  {exercise.dose.notes}")
    if exercise.tags:
        lines.append("Tags: " + ", ".join(exercise.tags))
    if exercise.image:
        lines.append(f"Image: {exercise.image}")
    if exercise.figure is not None:
        lines.append(f"Picture: drawn figure (hepster figure {exercise.id} -o {exercise.id}.png)")
    if exercise.video:
        lines.append(f"Video: {exercise.video}")
    return lines


def nearest_id(wanted: str, library: Library) -> str | None:
    """The id a mistyped or partial one most likely meant, or None rather than a wild guess."""
    close = difflib.get_close_matches(wanted, library.exercises, n=1, cutoff=0.7)
    if close:
        return close[0]
    # A part of an id ("hamstring"): the best search hit, if it holds a word that was typed.
    words = set(wanted.split("-"))
    for exercise in SearchIndex(library.exercises.values()).search(" ".join(words))[:1]:
        if words & set(exercise.id.split("-")):
            return exercise.id
    return None


def find_exercise(exercise_id: str, library: Library) -> Exercise | None:
    """The exercise, or None after one line naming the nearest real id."""
    exercise = library.get(exercise_id)
    if exercise is None:
        guess = nearest_id(exercise_id, library)
        hint = f"; did you mean '{guess}'?" if guess else ""
        complain(f"no exercise '{exercise_id}' in the library{hint}")
    return exercise


def run_show(exercise_id: str) -> int:
    library = library_with_warnings()
    exercise = find_exercise(exercise_id, library)
    if exercise is None:
        return INVALID
    print("\n".join(exercise_lines(exercise, library)))
    return OK


def run_export(args: argparse.Namespace) -> int:
    from exports.handout import ExportError, HandoutOptions, export_program, handout_warnings

    source: Path = args.program
    library = library_with_warnings()
    try:
        program = load_program(source, library.get, known_ids=lambda: library.exercises)
    except InvalidFile as error:
        report(error.problems)
        return INVALID
    target: Path = args.output or source.with_suffix(".pdf")
    if target.suffix.lower() != ".pdf":
        complain(f"{target}: the handout's file name must end in .pdf")
        return USAGE
    if target.resolve() == source.resolve():
        complain(f"{target}: that is the program itself; choose another name for the PDF")
        return USAGE
    options = HandoutOptions(paper=args.paper, large_print=args.large_print)
    try:
        written = export_program(program, target, options)
    except ExportError as error:
        complain(f"{target}: {error}")
        return INVALID
    print(f"{written}: written")
    for warning in handout_warnings(program):
        complain(f"{source}: note: {warning}")
    return OK


def run_figure(args: argparse.Namespace) -> int:
    from library.atomic import atomic_write
    from library.figure_scene import exercise_picture

    target: Path = args.output
    suffix = target.suffix.lower()
    if args.sheet:
        if args.id:
            complain("give an exercise ID or --sheet, not both")
            return USAGE
        if suffix != ".pdf":
            complain(f"{target}: a contact sheet is a PDF; its name must end in .pdf")
            return USAGE
    elif not args.id:
        complain("name the exercise to draw (hepster figure ID -o OUT.png), or use --sheet")
        return USAGE
    elif suffix not in (".pdf", ".svg", ".png"):
        complain(f"{target}: the file name must end in .pdf, .svg or .png")
        return USAGE
    library = library_with_warnings()
    if args.sheet:
        from exports.figure_pdf import contact_sheet
        from exports.styles import PAPER

        found = sorted(library.exercises.values(), key=lambda e: (e.regions[0], e.name))
        entries = [
            (e.id, e.name, drawn)
            for e in found
            if (args.region is None or args.region in e.regions)
            and (drawn := exercise_picture(e)) is not None
        ]
        if not entries:
            complain("no exercise with a figure" + (f" in {args.region}" if args.region else ""))
            return INVALID
        data = contact_sheet(entries, PAPER[args.paper])
        shown = f"{len(entries)} figures"
    else:
        exercise = find_exercise(args.id, library)
        if exercise is None:
            return INVALID
        if args.side and not exercise.sided:
            complain(f"{exercise.id} is done with both sides together; leave out --side")
            return USAGE
        drawn = exercise_picture(exercise, args.side)
        if drawn is None:
            complain(f"{exercise.id} has no figure yet ([exercise.figure] in {exercise.source})")
            return INVALID
        data = figure_bytes(drawn, suffix, args.width)
        shown = exercise.name
    if not wrote(target, lambda: atomic_write(target, data)):
        return INVALID
    print(f"{target}: written, {shown}")
    return OK


def figure_bytes(drawn: Picture, suffix: str, width: int) -> bytes:
    """The picture as the file's ending asks; each writer is imported only when used."""
    if suffix == ".svg":
        from exports.figure_svg import svg_text

        return svg_text(drawn).encode("utf-8")
    if suffix == ".png":
        from exports.figure_png import png_bytes

        return png_bytes(drawn, max(64, min(width, 4000)))
    from exports.figure_pdf import figure_pdf

    return figure_pdf(drawn)


def wrote(path: Path, write: Callable[[], None]) -> bool:
    """Whether `write` wrote `path`; if it could not, one line says why."""
    try:
        write()
    except OSError as error:
        complain(f"{path}: cannot write: {error.strerror}")
        return False
    return True


def run_new(path: Path, template_id: str | None) -> int:
    if path.exists():
        complain(f"{path} already exists; choose another name or open it in the app")
        return INVALID
    if path.suffix != ".toml":
        complain(f"{path}: a program file's name must end in .toml")
        return USAGE
    if not path.parent.is_dir():
        complain(f"{path}: the folder {path.parent} does not exist")
        return INVALID
    from library.new_program import blank_program, from_template
    from library.settings import load_settings

    # The therapist's own details from the settings, as a new program in the app gets them:
    # without them the handout would not say whom to call.
    settings, settings_problems = load_settings()
    report(settings_problems)
    today = dt.date.today()
    program = blank_program(settings, today)
    if template_id is not None:
        library = library_with_warnings()
        template = library.templates.get(template_id)
        if template is None:
            known = ", ".join(sorted(library.templates)) or "none"
            complain(f"no template '{template_id}'; the templates are: {known}")
            return INVALID
        try:
            program = from_template(load_program(template.path, library.get), settings, today)
        except InvalidFile as error:
            report(error.problems)
            return INVALID
    if not wrote(path, lambda: save_program(program, path)):
        return INVALID
    print(f"{path}: written, {len(program.items)} exercises")
    return OK


def opens_app(argv: Sequence[str]) -> bool:
    """`hepster` and `hepster PROGRAM.toml` open the app; anything else is a command."""
    return not argv or (len(argv) == 1 and not argv[0].startswith("-") and argv[0] not in COMMANDS)


def run_app(program: Path | None) -> int:
    if program is not None and program.suffix != ".toml":
        complain(f"{program}: not a command, and a program file's name ends in .toml")
        parser().print_usage(sys.stderr)
        return USAGE
    from tui.app import run

    return run(program)


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return dispatch(list(sys.argv[1:] if argv is None else argv))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `hepster library | head`: the reader has gone; say nothing more, as other tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return OK


def dispatch(argv: list[str]) -> int:
    if opens_app(argv):
        return run_app(Path(argv[0]) if argv else None)
    args = parser().parse_args(argv)
    if args.command == "export":
        return run_export(args)
    if args.command == "validate":
        return run_validate(args.paths)
    if args.command == "library":
        return run_library(args)
    if args.command == "show":
        return run_show(args.id)
    if args.command == "new":
        return run_new(args.program, args.template)
    if args.command == "figure":
        return run_figure(args)
    parser().print_help()
    return OK
