"""Helpers for the app's tests: start the app and wait for its library, type text."""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input

from tui.app import HepsterApp

TODAY = dt.date(2026, 11, 24)
WIDE = (120, 40)
NARROW = (80, 24)


async def until(pilot: Pilot[int], condition: Callable[[], bool], seconds: float = 10) -> None:
    waited = 0.0
    while not condition():
        await pilot.pause(0.02)
        waited += 0.02
        if waited > seconds:
            raise AssertionError("timed out waiting for the app")
    await pilot.pause()


async def started(pilot: Pilot[int]) -> None:
    app = pilot.app
    assert isinstance(app, HepsterApp)
    await until(pilot, lambda: app.ready)


def key_names(text: str) -> list[str]:
    names = {" ": "space", "-": "minus", ".": "full_stop", "/": "slash", ",": "comma"}
    return [names.get(char, char) for char in text]


async def type_text(pilot: Pilot[int], text: str) -> None:
    await pilot.press(*key_names(text))


@asynccontextmanager
async def running(
    program: Path | None = None, size: tuple[int, int] = WIDE, *, autosave: bool = True
) -> AsyncIterator[tuple[HepsterApp, Pilot[int]]]:
    app = HepsterApp(program, today=TODAY, autosave=autosave)
    async with app.run_test(size=size, notifications=True) as pilot:
        await started(pilot)
        yield app, pilot


async def search(pilot: Pilot[int], text: str) -> None:
    """Put `text` in the search box at once (typing it key by key is tested elsewhere)."""
    app = pilot.app
    assert isinstance(app, HepsterApp)
    app.main.query_one("#search").focus()
    app.main.query_one("#search", Input).value = text
    await pilot.pause()


async def add(pilot: Pilot[int], text: str) -> None:
    """Search for `text` and press Enter: adds the best match."""
    await search(pilot, text)
    await pilot.press("enter")


def notices(app: HepsterApp) -> list[str]:
    """The notifications on screen now, title and message, as the therapist reads them."""
    return [" ".join(str(toast.render()).split()) for toast in app.screen.query("Toast")]


async def shown_notice(pilot: Pilot[int], text: str, seconds: float = 10) -> str:
    """Wait until a notification holding `text` is on screen; all of its text."""
    app = pilot.app
    assert isinstance(app, HepsterApp)
    await until(pilot, lambda: any(text in notice for notice in notices(app)), seconds)
    return next(notice for notice in notices(app) if text in notice)


def screen_text(app: HepsterApp) -> str:
    """What the terminal shows, as text (the screenshot's SVG without its markup)."""
    svg = app.export_screenshot()
    return html.unescape(re.sub(r"<[^>]+>", "", svg)).replace("\xa0", " ")


async def whole_screen_text(pilot: Pilot[int]) -> str:
    """Everything a scrolling screen (the help) shows, read page by page to its end."""
    app = pilot.app
    assert isinstance(app, HepsterApp)
    await pilot.pause(0.1)
    seen = [screen_text(app)]
    while True:
        await pilot.press("pagedown")
        await pilot.pause(0.05)
        shown = screen_text(app)
        if shown == seen[-1]:
            break
        seen.append(shown)
    return " ".join(" ".join(page.split()) for page in seen)
