"""Command palette providers beyond the registry's commands (which come through
`HepsterApp.get_system_commands`): every exercise in the library, to add by name."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider

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
                    partial(app.add, exercise),
                    text=text,
                    help=exercise.summary,
                )

    async def discover(self) -> Hits:
        # Listing all exercises before anything is typed would bury the commands.
        return
        yield DiscoveryHit("", lambda: None)  # pragma: no cover (makes this a generator)
