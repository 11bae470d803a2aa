"""How long exporting a 40-exercise handout takes, pictures and all (target: under 1 second).

    python benchmarks/export_speed.py [--large-print] [--paper a4] [--language es]

Builds a program from the first 40 exercises of the bundled library, each with its default dose,
grouped by region, and exports it to a temporary folder. The first export includes loading the
font; the figure to compare with the target is that one, since it is what a user waits for.
With `--language`, the handout is in that language: the first export then also imports Babel
and reads the language's catalog.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from library.layers import load_library
from library.model import Item, Program

EXERCISES = 40
TARGET_S = 1.0


def forty_exercise_program() -> Program:
    library = load_library()
    exercises = library.sorted()[:EXERCISES]
    if len(exercises) < EXERCISES:
        sys.exit(f"the bundled library has only {len(exercises)} exercises")
    exercises.sort(key=lambda exercise: exercise.regions[0])
    items = tuple(
        Item(
            exercise.id,
            section=exercise.regions[0].replace("-", " ").capitalize(),
            dose=exercise.dose,
        )
        for exercise in exercises
    )
    return Program(
        title="Benchmark: forty exercises",
        patient="Zoë Łukasiewicz-Ñúñez",
        clinician="Sam Rivera, PT, DPT",
        clinic="Riverside Physical Therapy",
        contact="555-0100",
        created=dt.date(2026, 11, 24),
        start=dt.date(2026, 11, 25),
        goals=("Walk to the shops and back without stopping",),
        precautions=("No lifting over 10 kg for two weeks",),
        notes="A long program, to time the export.",
        items=items,
        exercises=tuple(exercises),
    )


def main() -> int:
    arguments = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    arguments.add_argument("--paper", choices=("letter", "a4"), default="letter")
    arguments.add_argument("--large-print", action="store_true")
    arguments.add_argument("--runs", type=int, default=5, help="exports after the first")
    arguments.add_argument("--language", default=None, help="the handout's language, e.g. es")
    options = arguments.parse_args()

    program = forty_exercise_program()
    started = time.perf_counter()
    from exports.handout import HandoutOptions, export_program

    handout = HandoutOptions(
        paper=options.paper, large_print=options.large_print, language=options.language
    )
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "forty.pdf"
        export_program(program, target, handout)
        first = time.perf_counter() - started
        later = []
        for run in range(options.runs):
            target = Path(folder) / f"forty-{run}.pdf"
            started = time.perf_counter()
            export_program(program, target, handout)
            later.append(time.perf_counter() - started)
        size = target.stat().st_size
        # The floor, in the same run: the same handout without its pictures. The figures'
        # caches (their frames, layout and PDF operators) are emptied before each timed export
        # with them, as for a first export.
        from exports.figure_pdf import fitted_figure, operators
        from library.figure_scene import drawn_frames

        plain = replace(
            program, exercises=tuple(replace(e, figure=None) for e in program.exercises)
        )
        pictured, floor = [], []
        for run in range(options.runs):
            for cache in (drawn_frames, fitted_figure, operators):
                cache.cache_clear()
            started = time.perf_counter()
            export_program(program, Path(folder) / f"p-{run}.pdf", handout)
            pictured.append(time.perf_counter() - started)
            started = time.perf_counter()
            export_program(plain, Path(folder) / f"f-{run}.pdf", handout)
            floor.append(time.perf_counter() - started)
    language = f", in {options.language}" if options.language else ""
    print(
        f"{EXERCISES} exercises, {options.paper}"
        f"{', large print' if options.large_print else ''}{language}"
    )
    print(f"first export (with imports and font loading): {first:.3f} s")
    if later:
        print(f"later exports, median of {len(later)}: {statistics.median(later):.3f} s")
    if pictured:
        with_pictures, without = statistics.median(pictured), statistics.median(floor)
        print(
            f"with the 40 figures drawn afresh: {with_pictures:.3f} s; without pictures "
            f"(floor): {without:.3f} s; ratio {with_pictures / without:.2f}"
        )
    print(f"PDF size: {size / 1024:.0f} KiB")
    verdict = "under" if first < TARGET_S else "OVER"
    print(f"{verdict} the {TARGET_S:.0f} s target")
    return 0 if first < TARGET_S else 1


if __name__ == "__main__":
    raise SystemExit(main())
