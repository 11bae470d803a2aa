"""A clinic library of thousands of exercises: the app is ready on the bundled exercises while
it is read, says how far it is, then browses all of it; the list draws only what it shows."""

from __future__ import annotations

import re
import threading
from pathlib import Path

import pytest
from tui_helpers import TODAY, WIDE, screen_text, type_text, until

import library.library_cache
from benchmarks.clinic_library import generate
from library.layers import Folder
from library.locations import bundled_library
from tui.app import HepsterApp
from tui.widgets.results import ResultList

CLINIC = 3000


@pytest.fixture(scope="module")
def clinic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate(CLINIC, tmp_path_factory.mktemp("clinic"))


async def test_the_app_is_ready_before_a_large_clinic_library_is_read(
    clinic: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The clinic library waits until the test lets it go: what the screen shows meanwhile is
    # then certain, however fast this machine reads.
    gate = threading.Event()
    reading = library.library_cache.cached_library

    def held(*args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        if kwargs.get("progress") is not None:
            kwargs["progress"](0, 0)  # type: ignore[operator]
            gate.wait(20)
        return reading(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(library.library_cache, "cached_library", held)
    folders = [Folder("bundled", bundled_library()), Folder("clinic", clinic)]
    app = HepsterApp(today=TODAY, autosave=False, folders=folders)
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        await until(pilot, lambda: app.ready)
        assert app.index is not None and len(app.index.exercises) < CLINIC
        await pilot.pause(0.3)
        assert "179 exercises · clinic…" in screen_text(app)
        # Usable meanwhile: a bundled exercise is found and added.
        await type_text(pilot, "ankle pumps")
        await pilot.press("enter")
        assert [item.exercise for item in app.session.program.items] == ["ankle-pumps"]

        gate.set()
        await until(pilot, lambda: app.index is not None and len(app.index) > CLINIC)
        await pilot.pause(0.3)
        shown = screen_text(app)
        assert "clinic…" not in shown and not re.search(r"clinic \d+%", shown)
        assert f"{len(app.index):,} exercises" in shown

        # The search now finds the clinic's own variants, and Enter adds one.
        await pilot.press("escape")
        await type_text(pilot, "ankle pumps riverside")
        browser = app.main.query_one("#browser")
        chosen = browser.highlighted()  # type: ignore[attr-defined]
        assert chosen is not None and chosen.layer == "clinic"
        await pilot.press("enter")
        assert app.session.program.items[-1].exercise == chosen.id
        assert app.session.program.exercise(chosen.id) == chosen

        # Thousands of matches, a screenful drawn.
        await pilot.press("escape")
        results = app.main.query_one(ResultList)
        drawn: list[str] = []
        draw = results.draw

        def counted(exercise, highlighted, width):  # type: ignore[no-untyped-def]
            drawn.append(exercise.id)
            return draw(exercise, highlighted, width)

        results.cache.clear()
        monkeypatch.setattr(results, "draw", counted)
        await type_text(pilot, "a")
        assert len(results.rows) > CLINIC / 2
        assert 0 < len(drawn) <= results.size.height + 1


async def test_the_highlighted_row_shows_its_whole_name(clinic: Path) -> None:
    folders = [Folder("bundled", bundled_library())]
    app = HepsterApp(today=TODAY, autosave=False, folders=folders)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await until(pilot, lambda: app.ready)
        name = "Ball massage between your neck and shoulder blade"
        await type_text(pilot, "ball massage neck")
        results = app.main.query_one(ResultList)
        assert results.rows[0].name == name
        lines = [results.render_line(y).text.strip() for y in range(3)]
        assert " ".join(lines[:2]) == name  # wrapped, whole
        await pilot.press("down")
        lines = [results.render_line(y).text.rstrip() for y in range(3)]
        assert lines[0].endswith("…")  # no longer highlighted: one line, cut


async def test_a_program_naming_clinic_exercises_opens_when_they_are_read(
    clinic: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A hand-written program that names a clinic exercise without defining it is not
    refused, nor opened blank, while the clinic library is still being read."""
    wanted = "ankle-pumps-lakeview-2"  # the generator's third exercise
    assert (clinic / "ankle-foot").is_dir()
    program = tmp_path / "handwritten.toml"
    program.write_text(
        f'format = "hepster-program"\nversion = 1\ntitle = "Ankles"\n\n'
        f'[[item]]\nexercise = "{wanted}"\n'
    )
    gate = threading.Event()
    reading = library.library_cache.cached_library

    def held(*args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        if kwargs.get("progress") is not None:
            gate.wait(20)
        return reading(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(library.library_cache, "cached_library", held)
    folders = [Folder("bundled", bundled_library()), Folder("clinic", clinic)]
    app = HepsterApp(program, today=TODAY, autosave=False, folders=folders)
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        await until(pilot, lambda: app.index is not None and len(app.index) > 0)
        await pilot.pause(0.3)
        assert not app.ready and "Could not open" not in screen_text(app)
        # Nothing is added meanwhile to a blank program that the file would then replace.
        await type_text(pilot, "bridge")
        await pilot.press("enter")
        assert not app.session.program.items
        gate.set()
        await until(pilot, lambda: app.ready)
        assert [item.exercise for item in app.session.program.items] == [wanted]
        assert app.session.path == program


async def test_keys_typed_in_a_burst_search_once_for_the_whole_word(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A search is cancelled by the next keystroke if that arrives before it has started."""
    from textual import events

    from library.search import SearchIndex

    searched: list[str] = []
    find = SearchIndex.find

    def counted(self: SearchIndex, text: str = "", filters: object = None):  # type: ignore[no-untyped-def]
        searched.append(text)
        return find(self, text, filters)  # type: ignore[arg-type]

    monkeypatch.setattr(SearchIndex, "find", counted)
    app = HepsterApp(today=TODAY, autosave=False, folders=[Folder("bundled", bundled_library())])
    async with app.run_test(size=WIDE) as pilot:
        await until(pilot, lambda: app.ready)
        searched.clear()
        assert app._driver is not None
        for character in "bridge":  # as a fast typist's keys arrive: all at once
            key = events.Key(character, character)
            key.set_sender(app)
            app._driver.send_message(key)
        await pilot.pause(0.2)
        assert searched[-1] == "bridge"
        assert len(searched) < len("bridge")
        browser = app.main.query_one("#browser")
        assert browser.highlighted().name == "Bridge"  # type: ignore[attr-defined]
