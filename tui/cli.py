"""The `hepster` command line: its arguments and which command runs. The commands themselves are
in `cli_programs` (program files) and `cli_exercises` (the library). The headless commands import
only `library` (and `exports` for `export`); Textual is imported only when the app is opened."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from library.words import KINDS, POSITIONS, REGIONS
from tui.cli_output import OK, USAGE, complain

if TYPE_CHECKING:
    import argparse

COMMANDS = ("export", "validate", "library", "show", "new", "figure")


def version() -> str:
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed

    try:
        return installed("hepster")
    except PackageNotFoundError:
        return "unknown"


def language_tag(text: str) -> str:
    """`--language`: a supported tag, or argparse's one-line usage error saying which are."""
    import argparse

    from library.languages import normal_tag, tag_problem

    problem = tag_problem(text)
    if problem is not None:
        raise argparse.ArgumentTypeError(f"{text!r} {problem}")
    return normal_tag(text)


def parser() -> argparse.ArgumentParser:
    import argparse  # for a command only: opening the app needs none of it (some 2 ms)

    top = argparse.ArgumentParser(
        prog="hepster",
        description="Build home exercise programs from a library of exercises kept as TOML files.",
        epilog="Run 'hepster COMMAND --help' for the options of one command.",
    )
    top.add_argument("--version", action="version", version=f"hepster {version()}")
    commands = top.add_subparsers(dest="command", metavar="COMMAND")

    export = commands.add_parser(
        "export",
        help="write programs as PDF handouts",
        description="Write each program as a PDF handout. Several programs are exported at "
        "once, on every core; one that fails is named on stderr and the others are still written.",
    )
    export.add_argument(
        "programs", nargs="+", metavar="PROGRAM.toml", type=Path, help="one program or many"
    )
    export.add_argument(
        "-o",
        "--output",
        metavar="OUT.pdf|FOLDER",
        type=Path,
        help="the PDF, or an existing folder to write the PDFs into (default: beside each program)",
    )
    export.add_argument("--paper", choices=("letter", "a4"), default="letter")
    export.add_argument("--large-print", action="store_true", help="16 pt text and larger")
    export.add_argument(
        "--language",
        metavar="TAG",
        type=language_tag,
        help="print the handout in this language instead of the program's own: "
        "en, es, fr, de or pt (a region such as es-MX prints as es)",
    )

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


def opens_app(argv: Sequence[str]) -> bool:
    """`hepster` and `hepster PROGRAM.toml` open the app; anything else is a command."""
    return not argv or (len(argv) == 1 and not argv[0].startswith("-") and argv[0] not in COMMANDS)


def run_app(program: Path | None, *, exit_when_ready: bool = False, headless: bool = False) -> int:
    """`hepster [PROGRAM.toml]`. (`exit_when_ready`, `headless`: as the benchmarks start it.)"""
    if program is not None and program.suffix != ".toml":
        complain(f"{program}: not a command, and a program file's name ends in .toml")
        parser().print_usage(sys.stderr)
        return USAGE
    from tui.read_ahead import read_ahead

    # No cycle collection until the first screen is painted (HepsterApp.on_ready): importing
    # and building the app makes some 40,000 objects and nearly no garbage (some 450 objects
    # in cycles), yet the collector would stop some 130 times to look at them: 10 to 15 ms.
    gc.disable()
    read_ahead()  # the library, on the other core, while Textual and the app load
    from tui.app import HepsterApp

    app = HepsterApp(program, exit_when_ready=exit_when_ready, autosave=not exit_when_ready)
    result = app.run(headless=headless)
    if isinstance(result, int):
        return result
    # No result: it quit normally (0), or it crashed and Textual has set a code to say so.
    return app.return_code or 0


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return dispatch(list(sys.argv[1:] if argv is None else argv))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `hepster library | head`: the reader has gone; say nothing more, as other tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return OK
    except Exception as error:
        # Not a problem with a file (those are HepsterErrors, said where they happen): a bug.
        # One line that says so, rather than a traceback; HEPSTER_DEBUG=1 shows the traceback.
        if os.environ.get("HEPSTER_DEBUG"):
            raise
        complain(f"this is a bug in hepster, please report it: {type(error).__name__}: {error}")
        return BUG


BUG = 70  # EX_SOFTWARE: an internal error


def dispatch(argv: list[str]) -> int:
    if opens_app(argv):
        return run_app(Path(argv[0]) if argv else None)
    args = parser().parse_args(argv)
    # The commands' modules only for a command: opening the app needs none of them.
    from tui.cli_exercises import run_figure, run_library, run_show
    from tui.cli_programs import run_export, run_new, run_validate

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
