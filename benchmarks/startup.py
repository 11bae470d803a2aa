"""Start-up of the hepster app on the bundled library, side by side with a bare Textual app
(Header, Label, Footer): each as a whole new Python process, headless, exiting as soon as it is
ready (hepster: its library loaded and on screen). Prints both medians and their ratio.

    python benchmarks/startup.py [--runs 10]

The target is a ratio of at most 1.3 (the exercise pane now draws a figure at start-up too).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

BARE = """
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

HEPSTER = """
from tui.app import HepsterApp

HepsterApp(exit_when_ready=True, autosave=False).run(headless=True)
"""

TARGET = 1.3


def seconds(code: str, environment: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c", code], env=environment, check=True, stdout=subprocess.DEVNULL
    )
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10, help="runs of each (default 10)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        # Only the bundled library: no personal or clinic folders, no settings, no autosaves;
        # a cache of its own, which the warm-up run writes, so that a hepster run elsewhere
        # meanwhile (tests, the app) cannot make these runs read the library afresh.
        environment = {key: value for key, value in os.environ.items() if key != "HEPSTER_LIBRARY"}
        for variable in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
            environment[variable] = os.path.join(home, variable.lower())
        # Compiled bytecode kept, as on any machine where Python may write it: a shell with
        # PYTHONDONTWRITEBYTECODE set would otherwise compile hepster's modules from source on
        # every start (Textual's came compiled from pip) and measure the compiler, not the app.
        environment.pop("PYTHONDONTWRITEBYTECODE", None)
        environment["PYTHONPYCACHEPREFIX"] = os.path.join(home, "bytecode")
        # One of each first, so both start with the same warm file cache and .pyc files.
        seconds(BARE, environment)
        seconds(HEPSTER, environment)
        bare: list[float] = []
        hepster: list[float] = []
        for _ in range(args.runs):  # interleaved, so a busy moment costs both alike
            bare.append(seconds(BARE, environment))
            hepster.append(seconds(HEPSTER, environment))
    bare_median, hepster_median = statistics.median(bare), statistics.median(hepster)
    ratio = hepster_median / bare_median
    print(f"bare Textual app (Header, Label, Footer): {bare_median * 1000:6.0f} ms (median)")
    print(f"hepster on the bundled library:          {hepster_median * 1000:6.0f} ms (median)")
    verdict = "within" if ratio <= TARGET else "OVER"
    print(f"ratio: {ratio:.2f}  ({verdict} the {TARGET}x target; {args.runs} runs each)")
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
