"""Fuzzing the loader and the export with many broken and hostile inputs, deterministically.

    python -m tests.fuzz_inputs --count 100000 --jobs 2

Each input is a mutation of a real file (the example program, every bundled template, a
library file, every case of tests/corpus): bytes flipped, cut, repeated or inserted, lines
swapped, control characters and direction marks, huge numbers, deep nesting, links and pipes
in place of pictures. Every input is written to a file and read the way `validate` and the app
read it; a program that loads is also exported to PDF bytes (every one, not a sample). An input
may load or be refused with problems; anything else (an exception that is not a `HepsterError`,
a problem message with a raw control character or more than one line) is a failure, printed with
the seed that makes it again. `tests/test_fuzz_inputs.py` runs a short chunk in the suite; the
README's reliability section gives the count and the result of the long run.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Sound files, and the corpus of broken ones; each input starts from one of either, half and half.
SOUND = [
    ROOT / "examples" / "low-back-hips.toml",
    *sorted((ROOT / "library" / "data" / "templates").glob("*.toml")),
    ROOT / "library" / "data" / "exercises" / "knee.toml",
]
BROKEN = sorted((ROOT / "tests" / "corpus").glob("*.toml"))
NASTY = [
    "\x1b[2J",
    "\x1b]0;pwned\x07",
    "\u202e",
    "\x9b",
    "\x00",
    "\r",
    "\u2028",
    '"',
    "'''",
    "[",
    "]]",
    "{",
    "=",
    "\n[[item]]\n",
    "\n[[exercise]]\n",
    "\n[item.dose]\n",
    "9" * 30,
    "9" * 5000,
    "-0",
    "1e400",
    "nan",
    "2026-13-45",
    "../../../../etc/passwd",
    "/dev/zero",
    "{side}",
    "{sde}",
    "[" * 200,
    "a" * 5000,
    "é",
    "\ud800".encode("utf-8", "surrogatepass").decode("utf-8", "replace"),
]


def mild(data: bytes, rng: random.Random) -> bytes:
    """An edit a person might make, which often leaves a file hepster loads: a line gone, a
    number changed, an item repeated, a text with a nasty character written as a TOML escape."""
    lines = data.split(b"\n")
    kind = rng.randrange(4)
    i = rng.randrange(len(lines))
    if kind == 0:
        del lines[i]
    elif kind == 1:
        lines[i] = re.sub(rb"= \d+", b"= %d" % rng.randint(0, 30), lines[i], count=1)
    elif kind == 2:
        starts = [n for n, line in enumerate(lines) if line.startswith(b"[[item]]")]
        if starts:
            start = rng.choice(starts)
            end = next(
                (n for n in range(start + 1, len(lines)) if lines[n].startswith(b"[[")), len(lines)
            )
            lines[end:end] = lines[start:end] * rng.randint(1, 5)
    else:
        escape = rng.choice(
            [b"\\u001b[2J", b"\\u202e", b"\\u0085", b"\\u0007", b"\\t", b"[/]", b"<b>"]
        )
        quote = lines[i].find(b'"')
        if quote != -1:
            lines[i] = lines[i][: quote + 1] + escape + lines[i][quote + 1 :]
    return b"\n".join(lines)


def mutate(data: bytes, rng: random.Random) -> bytes:
    """One to four random edits of `data`: mild ones half the time, wild ones otherwise."""
    if rng.random() < 0.5:
        for _ in range(rng.randint(1, 3)):
            data = mild(data, rng)
        return data
    for _ in range(rng.randint(1, 4)):
        kind = rng.randrange(7)
        at = rng.randrange(len(data) + 1)
        if kind == 0 and data:  # flip a byte
            data = data[:at] + bytes([rng.randrange(256)]) + data[at + 1 :]
        elif kind == 1:  # cut the rest off
            data = data[:at]
        elif kind == 2:  # insert something nasty
            data = data[:at] + rng.choice(NASTY).encode("utf-8") + data[at:]
        elif kind == 3 and data:  # repeat a slice
            end = min(len(data), at + rng.randint(1, 200))
            data = data[:end] + data[at:end] * rng.randint(1, 50) + data[end:]
        elif kind == 4:  # swap two lines
            lines = data.split(b"\n")
            if len(lines) > 1:
                i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
                lines[i], lines[j] = lines[j], lines[i]
                data = b"\n".join(lines)
        elif kind == 5:  # replace a value after an "="
            start = data.find(b"=", at)
            if start != -1:
                end = data.find(b"\n", start)
                end = len(data) if end == -1 else end
                value = rng.choice(NASTY).encode("utf-8")
                data = data[: start + 1] + b" " + value + data[end:]
        else:  # delete a slice
            data = data[:at] + data[at + rng.randint(1, 40) :]
    return data


def run_chunk(first: int, count: int) -> tuple[Counter[str], list[str]]:
    """Inputs `first` .. `first + count - 1`; each one's seed is its number."""
    scratch = Path(tempfile.mkdtemp(prefix="hepster-fuzz-"))
    try:
        return run_inputs(first, count, scratch)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def run_inputs(first: int, count: int, scratch: Path) -> tuple[Counter[str], list[str]]:
    import os

    # No user folders, no clinic library: the run reads only what it made.
    for variable in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        os.environ[variable] = str(scratch / variable.lower())
    os.environ.pop("HEPSTER_LIBRARY", None)

    from exports.handout import HandoutOptions, render
    from library.errors import HepsterError
    from library.layers import load_library
    from library.program_files import load_program
    from library.safe_text import UNSAFE_BUT_NEWLINE
    from library.validation import validate_path

    library = load_library()
    sound = [path.read_bytes() for path in SOUND]
    broken = [path.read_bytes() for path in BROKEN]
    outcomes: Counter[str] = Counter()
    failures: list[str] = []
    folder = scratch / "files"
    (folder / "images").mkdir(parents=True)
    (folder / "images" / "zero.png").symlink_to("/dev/zero")
    for number in range(first, first + count):
        rng = random.Random(number)
        path = folder / "input.toml"
        path.write_bytes(mutate(rng.choice(sound if rng.random() < 0.5 else broken), rng))
        try:
            problems, _ = validate_path(path, lambda: library)
            for problem in problems:
                said = str(problem)
                if "\n" in said or UNSAFE_BUT_NEWLINE.search(said):
                    failures.append(f"input {number}: an unsafe problem line: {said[:200]!r}")
            try:
                program = load_program(path, library.get, known_ids=lambda: library.exercises)
            except HepsterError:
                outcomes["refused"] += 1
                continue
            outcomes["loaded"] += 1
            if not program.items:
                continue
            options = HandoutOptions(large_print=rng.random() < 0.2)
            try:
                render(program, options)
                outcomes["exported"] += 1
            except HepsterError:
                outcomes["export refused"] += 1
        except Exception as error:  # the point of the exercise: any other error is a failure
            failures.append(f"input {number}: {type(error).__name__}: {str(error)[:200]}")
    return outcomes, failures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--first", type=int, default=0, help="the first input's number")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--chunk", type=int, default=500)
    args = parser.parse_args(argv)
    started = time.monotonic()
    chunks = [
        (start, min(args.chunk, args.first + args.count - start))
        for start in range(args.first, args.first + args.count, args.chunk)
    ]
    total: Counter[str] = Counter()
    failures: list[str] = []
    with ProcessPoolExecutor(args.jobs) as pool:
        for outcomes, failed in pool.map(run_chunk, *zip(*chunks, strict=True)):
            total += outcomes
            failures += failed
    seconds = time.monotonic() - started
    print(
        f"{args.count} inputs ({args.first} to {args.first + args.count - 1}) in {seconds:.0f} s: "
        + ", ".join(f"{count} {name}" for name, count in sorted(total.items()))
        + f"; {len(failures)} failures"
    )
    for failure in failures[:50]:
        print(failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
