"""After a crash: the work a hepster left behind, offered back once at the next start."""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from library.problems import InvalidFile
from tui.commands import key_hint
from tui.problem_lines import problems_text

if TYPE_CHECKING:
    from library.autosave import Autosave
    from tui.app import HepsterApp


async def offer_recovery(app: HepsterApp, autosave: Autosave) -> None:
    from library.autosave import clear_autosave
    from tui.screens.dialogs import Choice, ChoiceScreen

    where = str(autosave.original) if autosave.original else "a program not saved yet"
    when = autosave.saved.replace("T", " at ") or "earlier"
    question = (
        f"hepster did not close cleanly. Unsaved work on {where} was kept ({when}).\nRecover it?"
    )
    choices = [Choice("recover", "Recover", "primary"), Choice("discard", "Discard", "error")]
    answer = await app.push_screen_wait(ChoiceScreen("Recover unsaved work?", question, choices))
    if answer == "recover":
        lookup = app.library.get if app.library else (lambda _: None)
        try:
            app.session.recover(autosave, lookup)
        except InvalidFile as error:
            app.notify(
                problems_text(error.problems), title="The autosave is damaged", severity="error"
            )
            return
        app.changed()
        save = key_hint("save", app.keymap)
        app.notify(f"Recovered. Save it ({save}) to keep it.", timeout=5)
    if answer in ("recover", "discard"):
        # A read-only state folder: it is offered again next time, which is no harm.
        with contextlib.suppress(OSError):
            clear_autosave(autosave.file)
