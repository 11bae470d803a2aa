"""Fixtures for the app's tests: a started app (library loaded), typing helpers, and the
autouse settings that make SVG snapshots the same on every run (no blinking cursors, a fixed
date). The user folders are already redirected to tmp_path by tests/conftest.py."""

from __future__ import annotations

import asyncio
import inspect
from pathlib import Path

import pytest
from textual.widgets import Input, TextArea


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    """Run `async def` tests on a fresh event loop: Pilot needs one, and this is all the async
    support these tests need (no plugin to install)."""
    if not inspect.iscoroutinefunction(pyfuncitem.obj):
        return None
    arguments = {name: pyfuncitem.funcargs[name] for name in pyfuncitem._fixtureinfo.argnames}
    asyncio.run(pyfuncitem.obj(**arguments))
    return True


@pytest.fixture(autouse=True)
def steady_cursors(monkeypatch: pytest.MonkeyPatch) -> None:
    """A cursor that blinks is on in one snapshot and off in the next: keep it on."""
    monkeypatch.setattr(Input, "_toggle_cursor", lambda self: None)
    monkeypatch.setattr(TextArea, "_toggle_cursor_blink_visible", lambda self: None)


@pytest.fixture(autouse=True)
def in_tmp_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Dialogs suggest files in the current folder: make that a fresh one."""
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    return work
