"""The command palette: every command of the registry that can run now (through
`HepsterApp.get_system_commands`), and every exercise in the library, to add by name."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from typing import TYPE_CHECKING, Any

from textual.app import SystemCommand
from textual.command import DiscoveryHit, Hit, Hits, Provider

from tui.commands import COMMANDS, Command, key_text

if TYPE_CHECKING:
    from tui.app import HepsterApp


class ExerciseProvider(Provider):
    """`Add Hamstring stretch with a strap`: type part of a name (or another name) in Ctrl+P."""

    def hepster(self) -> HepsterApp | None:
        from tui.app import HepsterApp

        app = self.app
        return app if isinstance(app, HepsterApp) and app.index is not None else None

    async def search(self, query: str) -> Hits:
        app = self.hepster()
        if app is None or app.index is None:
            return
        matcher = self.matcher(query)
        for exercise in app.index.exercises:
            text = f"Add {exercise.name}"
            score = max(matcher.match(text), *(matcher.match(f"Add {aka}") for aka in exercise.aka))
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(text),
                    partial(app.main.add, exercise),
                    text=text,
                    help=exercise.summary,
                )

    async def discover(self) -> Hits:
        # Listing all exercises before anything is typed would bury the commands.
        return
        yield DiscoveryHit("", lambda: None)  # pragma: no cover (makes this a generator)


def registry_commands(app: HepsterApp) -> Iterable[SystemCommand]:
    """The registry's commands that can run now; quitting is Textual's own entry."""
    for command in COMMANDS:
        target = app.main if command.on == "screen" else app
        if command.action == "quit" or target.check_action(command.action, ()) is False:
            continue
        # The key is in the help line, so the palette also teaches the keys.
        first = command.keys_with(app.keymap).split(",")[0]
        key = f" ({key_text(first)})" if first else ""
        yield SystemCommand(command.title, command.help + key, runner(app, command))


def runner(app: HepsterApp, command: Command) -> Any:
    async def run() -> None:
        await app.run_action(command.action, app.main if command.on == "screen" else app)

    return run
