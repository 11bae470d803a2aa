"""How fast search is, per keystroke, on the bundled library and on 873 real exercises.

    python benchmarks/search_speed.py

Prints the time to build the index and the median time of a query, typed letter by letter.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.datasets import free_exercise_db
from library.layers import load_library
from library.search import SearchIndex

QUERIES = ["hamstrng stretch", "shoulder", "calf raise", "band rotation", "chlid pose"]


def measure(label: str, exercises: list) -> None:  # type: ignore[type-arg]
    started = time.perf_counter()
    index = SearchIndex(exercises)
    built = time.perf_counter() - started
    timings = []
    for query in QUERIES:
        for end in range(1, len(query) + 1):  # as typed, one keystroke at a time
            started = time.perf_counter()
            index.search(query[:end])
            timings.append(time.perf_counter() - started)
    print(
        f"{label}: {len(exercises)} exercises, {len(index.words)} words; index built in "
        f"{built * 1000:.1f} ms; per keystroke median {statistics.median(timings) * 1000:.2f} ms, "
        f"worst {max(timings) * 1000:.2f} ms"
    )


def main() -> None:
    started = time.perf_counter()
    library = load_library()
    print(f"bundled library loaded in {(time.perf_counter() - started) * 1000:.1f} ms")
    measure("bundled", list(library.exercises.values()))
    large = free_exercise_db()
    if large:
        measure("free-exercise-db", large)
    else:
        print("free-exercise-db: ../shared/data not found, skipped")


if __name__ == "__main__":
    main()
