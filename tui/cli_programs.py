"""`hepster validate`, `hepster export` and `hepster new`: the commands about program files."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from library.errors import HepsterError
from library.layers import Library, load_library
from library.problems import InvalidFile
from library.program_files import load_program
from tui.cli_output import INVALID, OK, USAGE, complain, library_with_warnings, report, say


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
            say(f"{path}: ok, {checked.summary}")
        for note in checked.notes:
            complain(f"{path}: note: {note}")
    return INVALID if failed else OK


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
    say(f"{written}: written")
    for warning in handout_warnings(program):
        complain(f"{source}: note: {warning}")
    return OK


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
    from library.session import Session
    from library.settings import load_settings

    # The therapist's own details from the settings, as a new program in the app gets them:
    # without them the handout would not say whom to call.
    settings, settings_problems = load_settings()
    report(settings_problems)
    session = Session(settings)
    session.start_blank()
    if template_id is not None:
        library = library_with_warnings()
        template = library.templates.get(template_id)
        if template is None:
            known = ", ".join(sorted(library.templates)) or "none"
            complain(f"no template '{template_id}'; the templates are: {known}")
            return INVALID
        try:
            session.start_from_template(template.path, library.get)
        except InvalidFile as error:
            report(error.problems)
            return INVALID
    try:
        session.save(path)
    except HepsterError as error:
        complain(str(error))
        return INVALID
    say(f"{path}: written, {len(session.program.items)} exercises")
    return OK
