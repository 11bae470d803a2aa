"""A crash mid-edit (`kill -9` of the real app in a terminal): the next start offers the work
back, and the recovered program still finds the pictures that sit beside its file."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest
from PIL import Image
from test_terminal import HEPSTER, TMUX, Terminal
from tui_helpers import running, until

from exports.handout import export_program, handout_warnings
from library.autosave import autosave_dir
from tui.screens.dialogs import ChoiceScreen

pytestmark = [
    pytest.mark.skipif(TMUX is None, reason="tmux is not installed"),
    pytest.mark.skipif(not Path(HEPSTER).exists(), reason="hepster is not installed"),
]

PROGRAM = """format = "hepster-program"
version = 1
title = "Shoulder"
patient = "Jane Doe"
contact = "555-0100"

[[item]]
exercise = "wall-push"

[[exercise]]
id = "wall-push"
name = "Wall push-up"
regions = ["shoulder"]
kind = "strength"
image = "images/wall-push.png"
steps = ["Stand facing a wall.", "Bend your elbows and push back."]
"""


async def test_a_killed_app_is_recovered_with_its_pictures(tmp_path: Path) -> None:
    share = tmp_path / "share"
    (share / "images").mkdir(parents=True)
    Image.new("RGB", (120, 90), (40, 120, 200)).save(share / "images" / "wall-push.png")
    program = share / "jane.toml"
    program.write_text(PROGRAM, encoding="utf-8")

    terminal = Terminal(f"hepster-crash-{os.getpid()}")
    keep = ("HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME", "PATH")
    exports = " ".join(f"{key}='{os.environ[key]}'" for key in keep if key in os.environ)
    # The shell stays after the app, to say how it ended.
    command = f"cd '{share}' && env {exports} TERM=xterm-256color '{HEPSTER}' jane.toml; sleep 30"
    terminal.tmux(
        "-f", "/dev/null", "new-session", "-d", "-s", "app", "-x", "80", "-y", "24", command
    )
    try:
        terminal.wait_text("1 exercise")
        terminal.keys("F5")
        terminal.type("bridge")
        terminal.wait_for(lambda screen: "Bridge" in screen, "the search")
        terminal.keys("Enter")
        terminal.wait_text("2 exercises")
        deadline = time.monotonic() + 10
        while not list(autosave_dir().glob("*.toml")) and time.monotonic() < deadline:
            time.sleep(0.1)
        [autosave] = autosave_dir().glob("*.toml")
        pid = int(autosave.stem)  # the autosave is named by its process id
        os.kill(pid, signal.SIGKILL)
        terminal.wait_text("Killed", 10)
    finally:
        subprocess.run([TMUX or "tmux", "-L", terminal.socket, "kill-server"], capture_output=True)
    assert "Bridge" not in program.read_text(encoding="utf-8"), "the edit was never saved"

    async with running(program) as (app, pilot):
        await until(pilot, lambda: isinstance(app.screen, ChoiceScreen))
        await pilot.press("enter")  # Recover
        await until(pilot, lambda: len(app.session.program.items) == 2)
        recovered = app.session.program
        assert app.session.path == program and app.session.dirty
        picture = recovered.exercise("wall-push")
        assert picture is not None and picture.image_path() == share / "images" / "wall-push.png"
        assert not any("picture" in warning for warning in handout_warnings(recovered))
        handout = export_program(recovered, tmp_path / "jane.pdf")
        assert b"/Subtype /Image" in handout.read_bytes(), "the photo is printed, not dropped"
