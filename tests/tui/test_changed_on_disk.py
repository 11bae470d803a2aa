"""Two people, two windows, one program file: nobody's work is overwritten without a word."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tui_helpers import add, running, screen_text, shown_notice, until

from library.program_files import load_program
from tui.screens.dialogs import ChoiceScreen

EXAMPLE = Path(__file__).parents[2] / "examples" / "low-back-hips.toml"


async def test_a_file_changed_on_disk_is_not_overwritten_without_asking(
    in_tmp_folder: Path,
) -> None:
    path = in_tmp_folder / "jane.toml"
    path.write_bytes(EXAMPLE.read_bytes())
    async with running(path) as (app, pilot):
        # A colleague (or a sync tool) changes the file while it is open here.
        theirs = path.read_text(encoding="utf-8").replace("Jane Doe", "Jane Q. Doe")
        path.write_text(theirs, encoding="utf-8")
        await add(pilot, "childs pose")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, ChoiceScreen))
        assert "was changed on disk since you opened it" in screen_text(app)
        assert path.read_text(encoding="utf-8") == theirs, "nothing written before the answer"

        await pilot.press("escape")  # Cancel: still theirs on disk, mine still here
        await pilot.pause(0.1)
        assert path.read_text(encoding="utf-8") == theirs and app.session.dirty

        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, ChoiceScreen))
        await pilot.press("enter")  # "Keep mine", the first button
        await shown_notice(pilot, "the other version is in jane.toml.bak")
        assert load_program(path).patient == "Jane Doe"
        assert len(load_program(path).items) == 7
        assert "Jane Q. Doe" in path.with_name("jane.toml.bak").read_text(encoding="utf-8")


async def test_load_theirs_drops_mine_and_shows_theirs(in_tmp_folder: Path) -> None:
    path = in_tmp_folder / "jane.toml"
    path.write_bytes(EXAMPLE.read_bytes())
    async with running(path) as (app, pilot):
        theirs = path.read_text(encoding="utf-8").replace("Jane Doe", "Jane Q. Doe")
        path.write_text(theirs, encoding="utf-8")
        await add(pilot, "childs pose")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, ChoiceScreen))
        await pilot.press("right", "enter")  # "Load theirs"
        await until(pilot, lambda: not isinstance(app.screen, ChoiceScreen))
        assert app.session.program.patient == "Jane Q. Doe" and not app.session.dirty
        assert path.read_text(encoding="utf-8") == theirs


async def test_a_second_hepster_on_the_same_file_is_warned(in_tmp_folder: Path) -> None:
    path = in_tmp_folder / "jane.toml"
    path.write_bytes(EXAMPLE.read_bytes())
    first = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from pathlib import Path; from library.session import Session; "
            "s = Session(); s.open(Path(sys.argv[1])); print('open', flush=True); time.sleep(30)",
            str(path),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert first.stdout is not None and first.stdout.readline() == "open\n"
        async with running(path) as (_app, pilot):
            said = await shown_notice(pilot, "Open twice")
            assert f"also open in another hepster (process {first.pid})" in said
    finally:
        first.kill()
        first.wait()
