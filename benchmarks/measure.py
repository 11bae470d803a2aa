"""What the benchmarks measure with: an isolated home for each measured thing, timed child
processes, runs interleaved with their floor's, and medians and percentiles."""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from library.locations import LIBRARY_ENV

REPO = Path(__file__).resolve().parents[1]
XDG = ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME")

T = TypeVar("T")
# A child that takes longer is stopped, and its figure not measured: a hang must not stop the
# rest of a benchmark.
TIMEOUT_S = 900.0


# The floor of every start-up figure: a bare Textual app (Header, Label, Footer) that exits as
# soon as it is on screen.
BARE_APP = """
from textual.app import App
from textual.widgets import Footer, Header, Label

class Bare(App[None]):
    def compose(self):
        yield Header()
        yield Label("Hello")
        yield Footer()

    def on_ready(self) -> None:
        self.exit()

Bare().run(headless=True)
"""

# hepster, started as `hepster` starts the app (tui/cli.py, `run_app`), reading ahead included;
# it exits once the first screen shows the library, with no autosave.
HEPSTER_READY = """
import sys
from tui.cli import run_app

sys.exit(run_app(None, exit_when_ready=True, headless=True))
"""


class RunFailed(Exception):
    """A child process that failed; says why in one line, the last its stderr said."""

    def __init__(self, status: int, said: str) -> None:
        super().__init__(f"exit status {status}: {said}")
        self.status = status


def isolated_environment(home: Path, bytecode: Path, clinic: Path | None) -> dict[str, str]:
    """This process's environment, but hepster's folders all inside `home`: no personal
    exercises, settings, autosaves or cache from the machine, and none left behind. `clinic`
    is the clinic library, or None for the bundled library alone."""
    environment = {key: value for key, value in os.environ.items() if key != LIBRARY_ENV}
    for variable in XDG:
        environment[variable] = str(home / variable.lower())
    if clinic is not None:
        environment[LIBRARY_ENV] = str(clinic)
    # Compiled bytecode kept, as on any machine where Python may write it: a shell with
    # PYTHONDONTWRITEBYTECODE set would otherwise compile hepster's modules from source on
    # every start (Textual's came compiled from pip) and measure the compiler, not the app.
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    environment["PYTHONPYCACHEPREFIX"] = str(bytecode)
    # One terminal size for everything that asks. A headless app has no terminal: Rich then
    # says 80×25 and the headless driver (through shutil) 80×24, so the screen is laid out and
    # drawn whole three times, at 24 rows, 25, then 24 again, before it is ready. No terminal
    # does that (checked in tmux: one size, one full layout), and the cost grows with the
    # screen, so it weighed on hepster's figure and hardly on its floor's.
    environment["COLUMNS"], environment["LINES"] = "80", "24"
    return environment


def empty_cache(environment: dict[str, str]) -> None:
    shutil.rmtree(environment["XDG_CACHE_HOME"], ignore_errors=True)


def run(command: Sequence[str], environment: dict[str, str], *, keep_output: bool = False) -> str:
    """Run `command` in the repository; its standard output if kept. RunFailed if it fails."""
    try:
        done = subprocess.run(
            command,
            env=environment,
            cwd=REPO,
            stdout=subprocess.PIPE if keep_output else subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            timeout=TIMEOUT_S,
        )
    except subprocess.TimeoutExpired:
        raise RunFailed(-1, f"stopped after {TIMEOUT_S:.0f} s") from None
    if done.returncode != 0:
        said = [line for line in done.stderr.splitlines() if line.strip()]
        raise RunFailed(done.returncode, said[-1] if said else "nothing said")
    return done.stdout if keep_output else ""


def seconds(command: Sequence[str], environment: dict[str, str]) -> float:
    """How long `command` takes, from starting the process to its exit."""
    start = time.perf_counter()
    run(command, environment)
    return time.perf_counter() - start


def interleaved(
    steps: Sequence[Callable[[], T]],
    runs: int,
    *,
    budget_s: float,
    warm_up: bool = True,
) -> tuple[list[list[T]], str]:
    """Each step `runs` times, taking turns, so that a busy moment costs each of them alike;
    after one of each first (not kept) so they all start with warm file caches and bytecode.
    Fewer runs once `budget_s` is spent (always at least one): the results and a note saying
    so, or "" if all were taken."""
    started = time.perf_counter()
    if warm_up:
        for step in steps:
            step()
    results: list[list[T]] = [[] for _ in steps]
    for taken in range(1, runs + 1):
        for step, kept in zip(steps, results, strict=True):
            kept.append(step())
        if taken < runs and time.perf_counter() - started > budget_s:
            return results, f"{taken} of {runs} runs: the {budget_s:.0f} s time cap"
    return results, ""


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def p95(values: Sequence[float]) -> float:
    """The 95th percentile, interpolated between the two nearest values."""
    if len(values) < 2:
        return values[0]
    return statistics.quantiles(values, n=20, method="inclusive")[-1]
