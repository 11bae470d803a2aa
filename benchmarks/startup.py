"""Start-up of the hepster app on the bundled library, side by side with a bare Textual app
(Header, Label, Footer): each as a whole new Python process, headless, exiting as soon as it is
ready (hepster: its library loaded and on screen). Prints both medians and their ratio.

    python benchmarks/startup.py [--runs 10]

The target is a ratio of at most 1.3 (the exercise pane now draws a figure at start-up too).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

# Run as a script (python benchmarks/startup.py) as well as a module.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.measure import (
    BARE_APP,
    HEPSTER_READY,
    interleaved,
    isolated_environment,
    median,
    seconds,
)

TARGET = 1.3


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10, help="runs of each (default 10)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        # Only the bundled library: no personal or clinic folders, no settings, no autosaves;
        # a cache of its own, which the warm-up run writes, so that a hepster run elsewhere
        # meanwhile (tests, the app) cannot make these runs read the library afresh.
        environment = isolated_environment(Path(home), Path(home) / "bytecode", None)
        (bare, hepster), _ = interleaved(
            [
                lambda: seconds((sys.executable, "-c", BARE_APP), environment),
                lambda: seconds((sys.executable, "-c", HEPSTER_READY), environment),
            ],
            args.runs,
            budget_s=float("inf"),
        )
    bare_median, hepster_median = median(bare), median(hepster)
    ratio = hepster_median / bare_median
    print(f"bare Textual app (Header, Label, Footer): {bare_median * 1000:6.0f} ms (median)")
    print(f"hepster on the bundled library:          {hepster_median * 1000:6.0f} ms (median)")
    verdict = "within" if ratio <= TARGET else "OVER"
    print(f"ratio: {ratio:.2f}  ({verdict} the {TARGET}x target; {args.runs} runs each)")
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
