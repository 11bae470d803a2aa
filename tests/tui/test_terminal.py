"""The installed `hepster` in a real terminal (tmux, 80×24): build the seed's low back program
from keystrokes alone, save it, export it, and check the saved TOML and the PDF's text."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from library.program_files import load_program

TMUX = shutil.which("tmux")
# The hepster installed beside the Python running the tests, else the one on PATH.
_SIBLING = Path(sys.executable).with_name("hepster")
HEPSTER = str(_SIBLING) if _SIBLING.exists() else (shutil.which("hepster") or str(_SIBLING))
LOW_BACK = (
    ("hamstring strap", "Hamstring stretch with a strap", "hamstring-stretch-strap"),
    ("hip flexor kneeling", "Hip flexor stretch, kneeling", "hip-flexor-stretch-half-kneeling"),
    ("knee to opposite shoulder", "Buttock stretch, knee to", "gluteal-stretch"),
    ("childs pose", "Child's pose", "childs-pose"),
    ("foam rolling spine", "Foam rolling beside the", "foam-roll-back-muscles"),
    ("foam rolling buttock", "Foam rolling the buttock", "foam-roll-gluteals"),
)

pytestmark = [
    pytest.mark.skipif(TMUX is None, reason="tmux is not installed"),
    pytest.mark.skipif(not Path(HEPSTER).exists(), reason="hepster is not installed"),
]


class Terminal:
    """One tmux server of our own (its own socket), so the user's tmux is never touched."""

    def __init__(self, socket: str) -> None:
        self.socket = socket

    def tmux(self, *args: str) -> str:
        assert TMUX is not None
        result = subprocess.run(
            [TMUX, "-L", self.socket, *args], capture_output=True, text=True, check=True
        )
        return result.stdout

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "app")

    def keys(self, *keys: str) -> None:
        """Keys at a brisk typist's pace; the app is also safe against faster bursts."""
        for key in keys:
            self.tmux("send-keys", "-t", "app", key)
            time.sleep(0.1)

    def type(self, text: str) -> None:
        self.tmux("send-keys", "-t", "app", "-l", text)

    def wait_for(self, condition: Callable[[str], bool], what: str, seconds: float = 20) -> str:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            screen = self.screen()
            if condition(screen):
                return screen
            time.sleep(0.1)
        raise AssertionError(f"waited {seconds} s for {what}; the screen:\n{self.screen()}")

    def wait_text(self, text: str, seconds: float = 20) -> str:
        screen = self.wait_for(lambda screen: text in screen, repr(text), seconds)
        time.sleep(0.2)  # a dialog is drawn a moment before its first field has the focus
        return screen

    def running(self) -> bool:
        try:
            return "app" in self.tmux("list-sessions", "-F", "#{session_name}")
        except subprocess.CalledProcessError:
            return False


@pytest.fixture
def terminal(tmp_path: Path, isolated_user_folders: Path) -> Iterator[Terminal]:
    term = Terminal(f"hepster-test-{os.getpid()}")
    environment = {
        key: os.environ[key]
        for key in (
            "HOME",
            "XDG_DATA_HOME",
            "XDG_CONFIG_HOME",
            "XDG_STATE_HOME",
            "XDG_CACHE_HOME",
            "PATH",
        )
        if key in os.environ
    }
    exports = " ".join(f"{key}='{value}'" for key, value in environment.items())
    command = f"cd '{tmp_path}' && env {exports} TERM=xterm-256color '{HEPSTER}'"
    term.tmux("-f", "/dev/null", "new-session", "-d", "-s", "app", "-x", "80", "-y", "24", command)
    term.tmux("set-option", "-s", "escape-time", "10")
    try:
        yield term
    finally:
        subprocess.run([TMUX or "tmux", "-L", term.socket, "kill-server"], capture_output=True)


def test_build_save_and_export_the_low_back_program(terminal: Terminal, tmp_path: Path) -> None:
    t = terminal
    t.wait_for(lambda s: "exercises" in s and "Search" in s, "the library")
    for number, (query, shown, _) in enumerate(LOW_BACK, 1):
        t.keys("F5")
        t.type(query)
        t.wait_for(lambda s, shown=shown: f"✓ {shown}" not in s and shown in s, shown)
        t.keys("Enter")
        count = f"{number} exercise" + ("" if number == 1 else "s")
        t.wait_text(count)
        t.keys("Escape")
        if number in (1, 4, 5):
            section = {1: "Hip stretches", 4: "Back", 5: "Rolling"}[number]
            t.keys("F6", "End", "s")
            t.wait_text("Section for")
            t.keys("C-u")
            t.type(section)
            t.keys("Enter")
            t.wait_for(lambda s: "Section for" not in s, "the section dialog to close")
        if number == 2:
            t.keys("F6", "End", "n")
            t.wait_text("Notes for the patient")
            t.type("If kneeling is hard, do the stretch off the edge of your bed instead.")
            t.keys("C-s")
            t.wait_for(lambda s: "Notes for the patient" not in s, "the notes form to close")
    # A dose through the dose editor: the child's pose twice a day, 3 × 30 s.
    t.keys("F6", "Home", "Down", "Down", "Down", "Enter")
    t.wait_text("Dose: Child")
    t.keys("C-s")
    t.wait_for(lambda s: "Dose: Child" not in s, "the dose editor to close")
    t.keys("F2")
    t.wait_text("Program info")
    t.keys("C-u")
    t.type("Low back pain: hips first")
    t.keys("Tab")
    t.type("Jane Doe")
    t.keys("C-s")
    t.wait_text("For Jane Doe")
    target = tmp_path / "jane-low-back.toml"
    t.keys("C-s")
    t.wait_text("Save program as")
    t.keys("C-u")
    t.type(str(target))
    t.keys("Enter")
    t.wait_for(lambda s: target.exists() and "modified" not in s, "the save")
    t.keys("C-e")
    t.wait_text("Export the handout")
    t.keys("Enter")
    pdf = target.with_suffix(".pdf")
    t.wait_for(lambda s: pdf.exists() and "Wrote" in s, "the export", seconds=60)
    t.keys("C-q")
    deadline = time.monotonic() + 10
    while t.running() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not t.running(), "a saved program quits without asking"

    program = load_program(target)
    assert [item.exercise for item in program.items] == [ids for _, _, ids in LOW_BACK]
    assert [item.section for item in program.items] == [
        "Hip stretches",
        "Hip stretches",
        "Hip stretches",
        "Back",
        "Rolling",
        "Rolling",
    ]
    assert program.items[1].notes is not None and "edge of your bed" in program.items[1].notes
    assert program.title == "Low back pain: hips first" and program.patient == "Jane Doe"
    first = program.items[0].dose
    assert first is not None and (first.sets, first.hold_s, first.per_day) == (3, 30, 2)
    assert program.items[4].dose is not None and program.items[4].dose.duration_s == (60, 120)
    assert pdf.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed; the PDF's text was not checked")
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = " ".join(text.split())
    for name in ("Hamstring stretch with a strap", "Child's pose", "Foam rolling the buttock"):
        assert name in flat or name.replace("'", "’") in flat, name
    assert "Jane Doe" in flat
