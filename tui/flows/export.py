"""Ctrl+E: the handout as a PDF. ReportLab is imported here, on the first export, never before:
the app starts as fast as if it could not print."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from tui.flows.files import suggested_path

if TYPE_CHECKING:
    from tui.app import HepsterApp
    from tui.screens.files import ExportChoice


async def export_pdf(app: HepsterApp) -> None:
    from tui.screens.files import ExportScreen

    if not app.session.program.items:
        app.notify("Add an exercise first: the handout would be empty.", severity="warning")
        return
    settings = app.session.settings
    paper = settings.paper if settings else "letter"
    large = settings.large_print if settings else False
    # Told before the export, not only after: the therapist may add the missing words, or
    # print as it is and explain those exercises in person.
    screen = ExportScreen(suggested_path(app, ".pdf"), paper, large, english_note(app))
    choice = await app.push_screen_wait(screen)
    if choice is None:
        return
    try:
        await export_to(app, choice)
    finally:
        # The dialog closed while this worker went on to the export (importing ReportLab the
        # first time, which holds up the loop): the footer was drawn before the focus came
        # back and would stay empty. Ask for the keys again once all has settled.
        app.refresh_bindings()


def english_note(app: HepsterApp) -> str:
    """The exercises that will print in English in a handout in another language, named."""
    from library.languages import english_name, untranslated

    program = app.session.program
    missing = untranslated(program, program.language)
    if not missing:
        return ""
    lines = [f"No {english_name(program.language)} text: these print in English:"]
    return "\n".join(lines + [f"• {exercise.name}" for exercise in missing])


async def export_to(app: HepsterApp, choice: ExportChoice) -> None:
    try:
        from exports.handout import HandoutOptions, export_program, handout_warnings
    except ImportError:
        app.notify("PDF export is not available in this installation.", severity="error")
        return
    from library.errors import HepsterError

    program = app.session.program
    options = HandoutOptions(paper=choice.paper, large_print=choice.large_print)
    app.notify(f"Writing {choice.path.name}…", timeout=2)
    try:
        written = await asyncio.to_thread(export_program, program, choice.path, options)
    except HepsterError as error:
        app.notify(f"Could not export: {error}", severity="error", timeout=12)
        return
    except OSError as error:
        app.notify(f"Could not write {choice.path}: {error}", severity="error", timeout=12)
        return
    app.notify(f"Wrote {written}", title="Handout ready", timeout=10)
    warnings = handout_warnings(program)
    if warnings:
        first = warnings[0][:1].upper() + warnings[0][1:]
        more = f" (and {len(warnings) - 1} more)" if len(warnings) > 1 else ""
        app.notify(first + more, title="Check before printing", severity="warning", timeout=12)
