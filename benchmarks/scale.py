"""Every figure of issue 13, hepster with a clinic library of tens of thousands of exercises, in
one command: at each size each figure's median beside its floor measured in the same run, and
their ratio; how each grows from 10,000 to 50,000 exercises; verdicts against the targets; and
all of it again as a Markdown table.

    python -m benchmarks.scale [--sizes bundled,1000,10000,50000] [--runs N] [--quick]

A size is a clinic library of that many exercises (benchmarks/clinic_library.py) beside the
bundled one, or "bundled" for none. Every measured thing runs in processes of its own, with XDG
folders of its own (no settings, autosaves or cache from this machine, none shared with its
floor or with another figure), its runs taking turns with its floor's. The exit status is 1 when
a target is missed, or could not be measured, at 10,000 exercises.

The figures, and the floor each is measured against:
- app ready, with a warm cache and with the cache emptied before each run: a new process that
  starts the app as `hepster` does (`run_app(exit_when_ready=True)`); a bare Textual app
  (Header, Label, Footer) that exits as soon as it is ready.
- keystroke to settled screen (median and 95th percentile; all queries, and the typos alone):
  queries typed letter by letter into the search box through Pilot, once the whole library is
  in the browser; an Input and an OptionList of the same exercise names, filtered by substring
  on every change, timed the same way. (Pilot's waits for an idle app are made finer in both:
  see IDLE_STEP_S.) And a key that does nothing, timed the same way: what the timing costs.
- `hepster export` of the example program with the clinic library; the same export without it.
  And 100 programs in one call (no floor).
- `hepster library --json`; reading every library file with tomllib and printing it as JSON.
- the app's peak memory with the whole library loaded; the bare Textual app.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import platform
import re
import shutil
import sys
import tempfile
import time
import tomllib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING, Any

from benchmarks.measure import (
    BARE_APP,
    HEPSTER_READY,
    REPO,
    RunFailed,
    empty_cache,
    interleaved,
    isolated_environment,
    median,
    p95,
    run,
    seconds,
)

if TYPE_CHECKING:
    from textual.app import App
    from textual.pilot import Pilot

TARGET_SIZE = 10_000
GROWTH = (10_000, 50_000)
QUERIES = ("hamstring stretch", "shoulder", "calf raise", "band rotation")
TYPOS = ("hamstrng strech", "chlid pose", "sholder")
# A key no app here binds: what any keystroke costs, measured this way.
UNBOUND_KEY = "f24"
UNBOUND_PRESSES = 20
SCREEN = (120, 40)
BUNDLED = REPO / "library" / "data"
EXAMPLE = REPO / "examples" / "low-back-hips.toml"
PROGRAMS = 100
# Beyond this a figure at one size takes no more runs (it keeps the ones it has): a
# slow build still gets through every figure in a sitting.
BUDGET_S = 150.0
LOAD_TIMEOUT_S = 300.0
# Pilot waits for the app to be idle in steps of 20 ms (textual/_wait.py), three or more to a
# key press: about 100 ms a key whatever the app does, more than the targets themselves. The
# children wait in steps of 1 ms, a step idle when the process used under a fifth of it (under
# Textual's twentieth, a 1 ms step is never idle: the event loop's own timers use more). What
# remains is in both hepster's figures and their floor's, and is the "unbound key" figure: 6 to
# 10 ms of these waits, the key's way to the focused widget, and a repaint.
IDLE_STEP_S = 0.001
IDLE_CPU_S = 0.0002
# After the library is in: long enough for the app's start-up timers (the rest of a long list
# drawn after the first paint) to have fired before the first keystroke is timed.
SETTLE_S = 0.5

PYTHON = sys.executable
CHILD = (PYTHON, "-m", "benchmarks.scale", "--child")
CONSOLE_SCRIPT = Path(PYTHON).with_name("hepster")  # what `pip install` put beside python
HEPSTER = (str(CONSOLE_SCRIPT),) if CONSOLE_SCRIPT.is_file() else (PYTHON, "-m", "tui")

# The floor of `hepster library --json`: every library file read and printed as JSON.
READ_ALL_TOML = """
import json, os, sys, tomllib

documents = []
for folder in sys.argv[1:]:
    for directory, subdirs, names in os.walk(folder):
        subdirs[:] = sorted(d for d in subdirs if not d.startswith("."))
        for name in sorted(names):
            if name.endswith(".toml"):
                with open(os.path.join(directory, name), "rb") as stream:
                    documents.append(tomllib.load(stream))
print(json.dumps(documents, default=str))
"""


# What is measured.


@dataclass(frozen=True)
class Target:
    """What a figure must be at 10,000 exercises: at most `limit` times its floor, or at most
    `limit` in the figure's own unit."""

    limit: float
    of_floor: bool


@dataclass(frozen=True)
class Figure:
    name: str
    unit: str  # "s" or "MiB"
    target: Target | None


READY_WARM = Figure("app ready, warm cache", "s", Target(1.5, of_floor=True))
READY_COLD = Figure("app ready, cache empty", "s", Target(1.5, of_floor=True))
KEY_MEDIAN = Figure("keystroke, median", "s", Target(0.016, of_floor=False))
KEY_P95 = Figure("keystroke, p95", "s", Target(0.033, of_floor=False))
TYPO_MEDIAN = Figure("keystroke, typos, median", "s", Target(0.016, of_floor=False))
TYPO_P95 = Figure("keystroke, typos, p95", "s", Target(0.033, of_floor=False))
KEY_NOTHING = Figure("keystroke, unbound key, median", "s", None)
EXPORT_ONE = Figure("export one program", "s", Target(1.2, of_floor=True))
EXPORT_MANY = Figure(f"export {PROGRAMS} programs, one call", "s", Target(4.0, of_floor=False))
LIBRARY_JSON = Figure("library --json", "s", None)
MEMORY = Figure("app peak memory", "MiB", Target(90.0, of_floor=False))


@dataclass(frozen=True)
class Size:
    """One library size, and where its measurements keep their files."""

    clinic_exercises: int | None  # None: the bundled library alone
    clinic: Path | None
    exercises: int  # in the merged library, as the app should show it
    names: Path  # a JSON list of their names, for the keystroke floor
    runs: int
    scratch: Path
    bytecode: Path

    @property
    def label(self) -> str:
        return "bundled" if self.clinic_exercises is None else f"{self.clinic_exercises:,}"

    def environment(self, home: str, *, clinic: bool = True) -> dict[str, str]:
        """An environment with hepster's folders in a home of its own, named `home`."""
        library = self.clinic if clinic else None
        return isolated_environment(self.scratch / "homes" / home, self.bytecode, library)


@dataclass(frozen=True)
class Result:
    """One figure at one size: hepster's median and its floor's, or why there are none."""

    figure: Figure
    size: Size
    value: float | None = None
    floor: float | None = None
    note: str = ""  # why it was not measured, or that it took fewer runs

    @property
    def ratio(self) -> float | None:
        if self.value is None or not self.floor:
            return None
        return self.value / self.floor

    @property
    def met(self) -> bool | None:
        """Whether it meets its target; None if it has none, or no figure to compare."""
        target = self.figure.target
        compared = self.ratio if target is not None and target.of_floor else self.value
        if target is None or compared is None:
            return None
        return compared <= target.limit


# The measurements: each gives the results of one or more figures at one size.


def app_ready(size: Size, *, cache_empty: bool) -> list[Result]:
    figure = READY_COLD if cache_empty else READY_WARM
    hepster_environment = size.environment(f"ready-{'cold' if cache_empty else 'warm'}")
    bare_environment = size.environment("ready-bare", clinic=False)

    def hepster() -> float:
        if cache_empty:
            empty_cache(hepster_environment)
        return seconds((PYTHON, "-c", HEPSTER_READY), hepster_environment)

    def bare() -> float:
        return seconds((PYTHON, "-c", BARE_APP), bare_environment)

    # A cold start needs no warm-up of its own: the warm figure, just before, compiled the
    # bytecode and read the files into the system's cache.
    (values, floors), note = interleaved(
        (hepster, bare), size.runs, budget_s=BUDGET_S, warm_up=not cache_empty
    )
    return [Result(figure, size, median(values), median(floors), note)]


def keystrokes(size: Size) -> list[Result]:
    environments = {
        "hepster": size.environment("keys-hepster"),
        "floor": size.environment("keys-floor"),
    }

    def session(app: str) -> dict[str, list[float]]:
        output = run(
            (*CHILD, "keys", app, str(size.exercises), str(size.names)),
            environments[app],
            keep_output=True,
        )
        timings: dict[str, list[float]] = json.loads(output.splitlines()[-1])
        return timings

    # A session types every query: too long to spend one on warming up. Loading the library
    # once is enough to write hepster's cache.
    run((*CHILD, "load", "hepster", str(size.exercises), str(size.names)), environments["hepster"])
    (hepster, floor), note = interleaved(
        (lambda: session("hepster"), lambda: session("floor")),
        size.runs,
        budget_s=BUDGET_S,
        warm_up=False,
    )
    results = []
    for figure, kind, statistic in (
        (KEY_MEDIAN, "all", median),
        (KEY_P95, "all", p95),
        (TYPO_MEDIAN, "typos", median),
        (TYPO_P95, "typos", p95),
        (KEY_NOTHING, "nothing", median),
    ):
        value = statistic([t for timings in hepster for t in timings[kind]])
        floor_value = statistic([t for timings in floor for t in timings[kind]])
        results.append(Result(figure, size, value, floor_value, note))
    return results


def export_one(size: Size) -> list[Result]:
    out = size.scratch / "export-one"
    out.mkdir(exist_ok=True)
    with_clinic = size.environment("export-clinic")
    bundled_only = size.environment("export-bundled", clinic=False)

    def hepster() -> float:
        return seconds(
            (*HEPSTER, "export", str(EXAMPLE), "-o", str(out / "clinic.pdf")), with_clinic
        )

    def floor() -> float:
        return seconds(
            (*HEPSTER, "export", str(EXAMPLE), "-o", str(out / "bundled.pdf")), bundled_only
        )

    (values, floors), note = interleaved((hepster, floor), size.runs, budget_s=BUDGET_S)
    return [Result(EXPORT_ONE, size, median(values), median(floors), note)]


def export_many(size: Size) -> list[Result]:
    folder = size.scratch / "programs"
    folder.mkdir(exist_ok=True)
    example = EXAMPLE.read_text(encoding="utf-8")
    for number in range(1, PROGRAMS + 1):
        # One patient each, as a clinic's day of handouts would be.
        text = re.sub(r'^patient = ".*"$', f'patient = "Patient {number:03d}"', example, flags=re.M)
        (folder / f"program-{number:03d}.toml").write_text(text, encoding="utf-8")
    environment = size.environment("export-many")
    programs = sorted(str(path) for path in folder.glob("*.toml"))

    def hepster(count: int = PROGRAMS) -> float:
        for pdf in folder.glob("*.pdf"):
            pdf.unlink()
        return seconds((*HEPSTER, "export", *programs[:count]), environment)

    try:
        hepster(2)  # the warm-up, and the check that this hepster takes several programs
    except RunFailed as error:
        if error.status == 2:  # argparse's usage error: one PROGRAM.toml only
            return [Result(EXPORT_MANY, size, note="not supported yet (a usage error)")]
        raise
    (values,), note = interleaved((hepster,), size.runs, budget_s=BUDGET_S, warm_up=False)
    return [Result(EXPORT_MANY, size, median(values), None, note)]


def library_json(size: Size) -> list[Result]:
    hepster_environment = size.environment("json-hepster")
    floor_environment = size.environment("json-floor")
    folders = [str(BUNDLED)] + ([str(size.clinic)] if size.clinic is not None else [])

    def hepster() -> float:
        return seconds((*HEPSTER, "library", "--json"), hepster_environment)

    def floor() -> float:
        return seconds((PYTHON, "-c", READ_ALL_TOML, *folders), floor_environment)

    # Only hepster warms up (its cache); the files were just read, and a run of the floor at
    # 50,000 takes seconds.
    hepster()
    (values, floors), note = interleaved(
        (hepster, floor), size.runs, budget_s=BUDGET_S, warm_up=False
    )
    return [Result(LIBRARY_JSON, size, median(values), median(floors), note)]


def peak_memory(size: Size) -> list[Result]:
    def peak(app: str, environment: dict[str, str]) -> float:
        command = (*CHILD, "load", app, str(size.exercises), str(size.names))
        mib: float = json.loads(run(command, environment, keep_output=True).splitlines()[-1])[
            "peak_mib"
        ]
        return mib

    hepster_environment = size.environment("memory-hepster")
    bare_environment = size.environment("memory-bare", clinic=False)
    (values, floors), note = interleaved(
        (lambda: peak("hepster", hepster_environment), lambda: peak("bare", bare_environment)),
        size.runs,
        budget_s=BUDGET_S,
    )
    return [Result(MEMORY, size, median(values), median(floors), note)]


MEASUREMENTS: tuple[tuple[tuple[Figure, ...], Callable[[Size], list[Result]]], ...] = (
    ((READY_WARM,), lambda size: app_ready(size, cache_empty=False)),
    ((READY_COLD,), lambda size: app_ready(size, cache_empty=True)),
    ((KEY_MEDIAN, KEY_P95, TYPO_MEDIAN, TYPO_P95, KEY_NOTHING), keystrokes),
    ((EXPORT_ONE,), export_one),
    ((EXPORT_MANY,), export_many),
    ((LIBRARY_JSON,), library_json),
    ((MEMORY,), peak_memory),
)
FIGURES = [figure for figures, _ in MEASUREMENTS for figure in figures]


def measured(
    figures: Sequence[Figure], measure: Callable[[Size], list[Result]], size: Size
) -> list[Result]:
    """The measurement's results; if it fails, a result for each of its figures saying why,
    and the other measurements still run."""
    try:
        return measure(size)
    except Exception as error:
        why = f"not measured: {type(error).__name__}: {error}"
        return [Result(figure, size, note=why) for figure in figures]


# Inside a child process: one app, in Pilot, until its whole library is in.


def child(argv: Sequence[str]) -> int:
    """`--child load|keys hepster|floor|bare EXERCISES NAMES.json`: prints one line of JSON,
    the app's peak memory and, for `keys`, every keystroke's time."""
    import textual._wait

    action, app, exercises, names = argv
    textual._wait.SLEEP_GRANULARITY = IDLE_STEP_S
    textual._wait.SLEEP_IDLE = IDLE_CPU_S
    print(json.dumps(asyncio.run(session(action, app, int(exercises), Path(names)))))
    return 0


async def session(action: str, app_name: str, exercises: int, names: Path) -> dict[str, object]:
    app, loaded = child_app(app_name, exercises, names)
    result: dict[str, object] = {}
    async with app.run_test(size=SCREEN) as pilot:
        give_up = time.perf_counter() + LOAD_TIMEOUT_S
        while not loaded():
            if app.return_code is not None:
                raise RuntimeError(
                    f"the app stopped (status {app.return_code}) before it was ready"
                )
            if time.perf_counter() > give_up:
                raise TimeoutError(f"not all {exercises} exercises in after {LOAD_TIMEOUT_S:.0f} s")
            await asyncio.sleep(0.05)
        await app.workers.wait_for_complete()
        await pilot.pause()
        await asyncio.sleep(SETTLE_S)
        await pilot.pause()
        if action == "keys":
            result = dict(await type_queries(app, pilot))
    result["peak_mib"] = peak_mib()
    return result


def child_app(name: str, exercises: int, names: Path) -> tuple[App[Any], Callable[[], bool]]:
    """The app to run, and how to tell that its whole library is in."""
    if name == "hepster":
        from tui.app import HepsterApp

        hepster = HepsterApp(autosave=False)

        def in_full() -> bool:
            index = hepster.index
            return hepster.ready and index is not None and len(index.exercises) == exercises

        return hepster, in_full
    if name == "floor":
        return floor_app(json.loads(names.read_text(encoding="utf-8"))), lambda: True
    return bare_app(), lambda: True


async def type_queries(app: App[Any], pilot: Pilot[Any]) -> dict[str, list[float]]:
    """Each query typed a letter at a time, each letter timed until the screen has settled;
    the search box emptied between queries (not timed). Then a key that does nothing, timed
    the same way."""
    if app.focused is None or app.focused.id != "search":
        raise RuntimeError(f"the search box does not have the focus at start: {app.focused}")

    async def seconds_to_settle(key: str) -> float:
        start = time.perf_counter()
        await pilot.press(key)
        await app.workers.wait_for_complete()
        await pilot.pause()
        return time.perf_counter() - start

    timings: dict[str, list[float]] = {"all": [], "typos": [], "nothing": []}
    for query in (*QUERIES, *TYPOS):
        for character in query:
            took = await seconds_to_settle(character)
            timings["all"].append(took)
            if query in TYPOS:
                timings["typos"].append(took)
        await pilot.press(*["backspace"] * len(query))
        await app.workers.wait_for_complete()
        await pilot.pause()
    for _ in range(UNBOUND_PRESSES):
        timings["nothing"].append(await seconds_to_settle(UNBOUND_KEY))
    return timings


def floor_app(names: list[str]) -> App[Any]:
    """The least a Textual app can do for a search as you type: an Input, and an OptionList of
    the names that hold the query, refilled on every change."""
    from textual.app import App, ComposeResult
    from textual.widgets import Input, OptionList

    lowered = [(name.lower(), name) for name in names]

    class Floor(App[None]):
        def compose(self) -> ComposeResult:
            yield Input(id="search")
            yield OptionList(*names, id="results")

        def on_input_changed(self, event: Input.Changed) -> None:
            query = event.value.lower()
            results = self.query_one(OptionList)
            results.clear_options()
            results.add_options([name for low, name in lowered if query in low])

    return Floor()


def bare_app() -> App[Any]:
    from textual.app import App, ComposeResult
    from textual.widgets import Footer, Header, Label

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield Header()
            yield Label("Hello")
            yield Footer()

    return Bare()


def peak_mib() -> float:
    """This process's peak resident memory. On Linux, VmHWM from /proc: its ru_maxrss counts
    the peak of the process that started it too (subprocess starts children with vfork), which
    made a bare app started by this benchmark as big as the benchmark with its 50,000 names."""
    with contextlib.suppress(OSError):
        status = Path("/proc/self/status").read_text(encoding="ascii")
        found = re.search(r"^VmHWM:\s*(\d+) kB", status, flags=re.M)
        if found:
            return int(found[1]) / 2**10
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 2**10  # bytes there, KiB here


# The sizes.


def prepare(clinic_exercises: int | None, runs: int, scratch: Path, bytecode: Path) -> Size:
    """Generate the clinic library of this size (none for the bundled library alone) and list
    every exercise's name, as the app should show them."""
    folder = None
    if clinic_exercises is not None:
        # Imported here: it imports hepster's library, which the child processes that import
        # this module (the keystroke and memory ones) must not have loaded for them.
        from benchmarks.clinic_library import generate

        folder = generate(clinic_exercises, scratch / "clinic")
    names = library_names([BUNDLED] if folder is None else [BUNDLED, folder])
    names_file = scratch / "names.json"
    names_file.write_text(json.dumps(list(names.values())), encoding="utf-8")
    return Size(clinic_exercises, folder, len(names), names_file, runs, scratch, bytecode)


def library_names(folders: Sequence[Path]) -> dict[str, str]:
    """Every exercise's name by its id, a later folder's winning, as the layers merge."""
    names: dict[str, str] = {}
    for folder in folders:
        for directory, subdirs, files in os.walk(folder):
            subdirs[:] = sorted(d for d in subdirs if not d.startswith("."))
            for file in sorted(f for f in files if f.endswith(".toml")):
                with open(os.path.join(directory, file), "rb") as stream:
                    document = tomllib.load(stream)
                for exercise in document.get("exercise", []):
                    names[exercise["id"]] = exercise["name"]
    return names


def parse_sizes(text: str) -> list[int | None]:
    """`bundled,1000,10_000`: None for the bundled library alone, each once, in that order."""
    sizes: list[int | None] = []
    for word in (word.strip() for word in text.split(",")):
        if word == "bundled":
            sizes.append(None)
        elif word.replace("_", "").isdigit() and int(word) > 0:
            sizes.append(int(word))
        else:
            raise argparse.ArgumentTypeError(f"{word!r}: a size is 'bundled' or a whole number")
    return list(dict.fromkeys(sizes))


def runs_at(clinic_exercises: int | None, args: argparse.Namespace) -> int:
    if args.runs is not None:
        return int(args.runs)
    if args.quick or (clinic_exercises or 0) >= 50_000:
        return 3
    return 5


# What is printed.


def amount(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit == "MiB":
        return f"{value:.1f} MiB"
    if value < 0.1:
        return f"{value * 1000:.1f} ms"
    if value < 1:
        return f"{value * 1000:.0f} ms"
    return f"{value:.2f} s"


def target_text(figure: Figure) -> str:
    target = figure.target
    if target is None:
        return "no target"
    if target.of_floor:
        return f"ratio ≤ {target.limit:g}"
    if figure.unit == "s" and target.limit < 1:
        return f"≤ {target.limit * 1000:g} ms"
    return f"≤ {target.limit:g} {figure.unit}"


def verdict(result: Result) -> str:
    if result.figure.target is None:
        return ""
    if result.met is None:
        return "not measured"
    return "met" if result.met else "MISSED"


def result_line(result: Result) -> str:
    name = f"  {result.figure.name:<34}"
    if result.value is None:
        return f"{name}{result.note}"
    ratio = f"{result.ratio:5.2f}" if result.ratio is not None else "    —"
    line = (
        f"{name}{amount(result.value, result.figure.unit):>10}"
        f"   floor {amount(result.floor, result.figure.unit):>10}   ratio {ratio}"
    )
    if result.figure.target is not None:
        line += f"   {target_text(result.figure)}: {verdict(result)}"
    return line + (f"   ({result.note})" if result.note else "")


def growth(results: Sequence[Result]) -> list[str]:
    """How each figure grows from 10,000 to 50,000 exercises, against linear growth (5x)."""
    small, large = GROWTH
    expected = large / small
    lines = [
        f"Growth from {small:,} to {large:,} clinic exercises "
        f"(value at {large:,} / value at {small:,}; linear is {expected:g}):"
    ]
    by_size = {(r.figure.name, r.size.clinic_exercises): r for r in results}
    for figure in FIGURES:
        before, after = by_size.get((figure.name, small)), by_size.get((figure.name, large))
        if before is None or after is None:
            continue
        if not before.value or after.value is None:
            lines.append(f"  {figure.name:<34}not measured at both sizes")
            continue
        times = after.value / before.value
        said = "linear or better" if times <= expected else "worse than linear"
        line = f"  {figure.name:<34}{times:6.2f}x  {said}"
        if before.floor and after.floor:
            line += f"   (floor {after.floor / before.floor:.2f}x)"
        lines.append(line)
    return lines


def table(results: Sequence[Result], sizes: Sequence[Size]) -> list[str]:
    """The figures as a Markdown table: a row a figure, a column a size."""
    header = ["figure", *(f"{size.label}" for size in sizes), f"target at {TARGET_SIZE:,}"]
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    by_size = {(r.figure.name, r.size.label): r for r in results}
    for figure in FIGURES:
        cells = [figure.name]
        for size in sizes:
            result = by_size.get((figure.name, size.label))
            cells.append(table_cell(result) if result is not None else "")
        at_target = by_size.get((figure.name, f"{TARGET_SIZE:,}"))
        target = target_text(figure)
        if figure.target is not None and at_target is not None:
            target += f": {verdict(at_target)}"
        lines.append("| " + " | ".join([*cells, target]) + " |")
    return lines


def table_cell(result: Result) -> str:
    if result.value is None:
        return result.note.split(":")[0]
    cell = amount(result.value, result.figure.unit)
    if result.floor is not None and result.ratio is not None:
        cell += f" (floor {amount(result.floor, result.figure.unit)}, {result.ratio:.2f}x)"
    return cell


def heading(size: Size, made_s: float) -> str:
    runs = f"{size.runs} run{'s' if size.runs != 1 else ''} of each"
    if size.clinic_exercises is None:
        return f"Bundled library alone: {size.exercises:,} exercises; {runs}"
    return (
        f"Clinic library of {size.label} exercises: {size.exercises:,} in all; {runs} "
        f"(made in {made_s:.1f} s)"
    )


def machine() -> str:
    return (
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs; "
        f"Python {platform.python_version()}; Textual {version('textual')}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes",
        type=parse_sizes,
        help="clinic library sizes, or 'bundled' for none (default bundled,1000,10000,50000)",
    )
    parser.add_argument("--runs", type=int, help="runs of each figure (default 5, 3 at 50,000)")
    parser.add_argument("--quick", action="store_true", help="3 runs; sizes bundled,10000")
    args = parser.parse_args()
    default_sizes = "bundled,10000" if args.quick else "bundled,1000,10000,50000"
    chosen: list[int | None] = args.sizes or parse_sizes(default_sizes)
    started = time.perf_counter()
    print(f"Machine: {machine()}", flush=True)
    results: list[Result] = []
    sizes: list[Size] = []
    with tempfile.TemporaryDirectory(prefix="hepster-scale-") as scratch:
        bytecode = Path(scratch) / "bytecode"  # one for all: each module compiled once
        for number, clinic_exercises in enumerate(chosen):
            generated = time.perf_counter()
            folder = Path(scratch) / f"size-{number}"
            folder.mkdir()
            size = prepare(clinic_exercises, runs_at(clinic_exercises, args), folder, bytecode)
            sizes.append(size)
            print(f"\n{heading(size, time.perf_counter() - generated)}", flush=True)
            for figures, measure in MEASUREMENTS:
                for result in measured(figures, measure, size):
                    print(result_line(result), flush=True)
                    results.append(result)
            print(f"  ({size.label}: {time.perf_counter() - generated:.0f} s in all)", flush=True)
            shutil.rmtree(folder, ignore_errors=True)  # 50,000 exercises are 55 MB
    print()
    if all(size in chosen for size in GROWTH):
        print("\n".join(growth(results)))
        print()
    failed = verdicts(results)
    print()
    print("\n".join(table(results, sizes)))
    print(f"\nTotal benchmark time: {time.perf_counter() - started:.0f} s")
    return 1 if failed else 0


def verdicts(results: Sequence[Result]) -> bool:
    """Print each target's verdict at 10,000 exercises; whether any was missed or unmeasured."""
    at_target = [r for r in results if r.size.clinic_exercises == TARGET_SIZE]
    if not at_target:
        print(f"No verdicts: {TARGET_SIZE:,} is not among the sizes.")
        return False
    print(f"Targets at {TARGET_SIZE:,} clinic exercises:")
    failed = False
    for result in at_target:
        if result.figure.target is None:
            continue
        said = verdict(result)
        failed = failed or said != "met"
        print(f"  {result.figure.name:<34}{target_text(result.figure):<14}{said}")
    return failed


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        sys.exit(child(sys.argv[2:]))
    sys.exit(main())
