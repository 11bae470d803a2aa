"""`hepster validate`, `hepster export` and `hepster new`: the commands about program files.
Exporting several programs at once is `cli_export_many`; each one is `export_one`, here."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from library.errors import HepsterError
from library.layers import Library
from library.problems import InvalidFile
from library.program_files import load_program
from tui.cli_output import (
    INVALID,
    OK,
    USAGE,
    LibraryOnDemand,
    complain,
    complaint,
    library_with_warnings,
    report,
    said,
    say,
)

if TYPE_CHECKING:
    from exports.handout import HandoutOptions


def run_validate(paths: Sequence[Path]) -> int:
    from library.library_cache import cached_library
    from library.validation import validate_path

    # Only the full library, for the programs' lookups, comes from the cache: the paths asked
    # about are always read and checked.
    cache: list[Library] = []

    def full_library() -> Library:
        if not cache:
            cache.append(cached_library()[0])
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


@dataclass
class Outcome:
    """What exporting one program has to say, kept until it is shown: a worker process of
    `hepster export A.toml B.toml …` hands it back to the one process that prints."""

    code: int = OK
    lines: list[tuple[bool, str]] = field(default_factory=list)  # (on stderr, the line)

    def failed(self, code: int, *lines: str) -> Outcome:
        self.code = code
        self.lines += [(True, line) for line in lines]
        return self

    def show(self) -> None:
        for on_stderr, line in self.lines:
            print(line, file=sys.stderr if on_stderr else sys.stdout)


def pdf_target(source: Path, output: Path | None) -> Path:
    """Where the handout of `source` goes: beside it, into the folder `-o` names, or `-o`."""
    if output is None:
        return source.with_suffix(".pdf")
    if output.is_dir():
        return output / source.with_suffix(".pdf").name
    return output


def target_refusal(source: Path, target: Path) -> str | None:
    """Why `target` cannot be the handout of `source` (a usage error), or None."""
    if target.suffix.lower() != ".pdf":
        return f"{target}: the handout's file name must end in .pdf"
    if target.resolve() == source.resolve():
        return f"{target}: that is the program itself; choose another name for the PDF"
    return None


def export_one(
    source: Path, target: Path, options: HandoutOptions, library: LibraryOnDemand
) -> Outcome:
    """Export one program: the lines `hepster export PROGRAM.toml` prints, and its exit code."""
    from exports.handout import ExportError, export_program, handout_warnings

    outcome = Outcome()
    try:
        # The program's own exercises first: the library is read only if it needs one.
        program = load_program(
            source,
            library.get,
            known_ids=library.ids,
            lookup_embedded=False,
            language=options.language,
        )
    except InvalidFile as error:
        return outcome.failed(INVALID, *(str(problem) for problem in error.problems))
    refusal = target_refusal(source, target)
    if refusal is not None:
        return outcome.failed(USAGE, complaint(refusal))
    try:
        written = export_program(program, target, options)
    except ExportError as error:
        return outcome.failed(INVALID, complaint(f"{target}: {error}"))
    outcome.lines.append((False, said(f"{written}: written")))
    for warning in handout_warnings(program, options.language):
        outcome.lines.append((True, complaint(f"{source}: note: {warning}")))
    return outcome


def run_export(args: argparse.Namespace) -> int:
    from exports.handout import HandoutOptions

    sources: list[Path] = args.programs
    options = HandoutOptions(paper=args.paper, large_print=args.large_print, language=args.language)
    if len(sources) > 1:
        from tui.cli_export_many import export_many

        return export_many(sources, args.output, options)
    source = sources[0]
    outcome = export_one(source, pdf_target(source, args.output), options, LibraryOnDemand())
    outcome.show()
    return outcome.code


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
