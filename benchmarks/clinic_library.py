"""A clinic's shared library of any size, generated the same every time, for the scale
benchmark and the scale tests.

    python -m benchmarks.clinic_library 10000 /tmp/clinic

A real clinic library is the bundled exercises' variants (a therapist's own wording, another
position, a band instead of a weight) and imported collections. So is this one: each exercise is
a bundled or a free-exercise-db exercise (../shared/data, when it is beside the repo) under a new
id, with a variant's words in its name and steps, in files of FILE_SIZE exercises, as a clinic
keeps them (one file per region, split when it grows). Bundled exercises keep their figures.
"""

from __future__ import annotations

import random
import sys
from dataclasses import replace
from pathlib import Path

from library.layers import load_library
from library.model import Exercise
from library.program_files import exercise_text

FILE_SIZE = 25
SEED = 13

VARIANTS = (
    "with a band",
    "with a light weight",
    "on a step",
    "slow lowering",
    "in standing",
    "in sitting",
    "at the wall",
    "on a soft surface",
    "with a ball",
    "eyes closed",
    "end range",
    "assisted",
    "against resistance",
    "with a pause",
    "from a low chair",
    "partial range",
)
CLINICS = ("riverside", "northgate", "lakeview", "harbour", "hillcrest", "meadow")


def base_exercises() -> list[Exercise]:
    """What the variants are made from: the bundled library, and free-exercise-db if present."""
    from benchmarks.datasets import free_exercise_db

    bundled = load_library().sorted()
    return [*bundled, *free_exercise_db()]


def variant(base: Exercise, number: int, rng: random.Random) -> Exercise:
    words = rng.choice(VARIANTS)
    clinic = CLINICS[number % len(CLINICS)]
    name = f"{base.name} {words}"[:72] + f" {number}"
    steps = (*base.steps[:-1], f"{base.steps[-1]} Do it {words}.") if base.steps else ("Do it.",)
    return replace(
        base,
        id=f"{base.id[:44].strip('-')}-{clinic}-{number}",
        name=name,
        aka=(*base.aka[:3], f"{clinic} {words}"),
        steps=tuple(step[:400] for step in steps),
        tags=(*base.tags[:4], clinic),
        layer="clinic",
        source=None,
        image=None,
        video=None,
    )


def generate(count: int, folder: Path) -> Path:
    """Write `count` exercises into `folder` (made if need be) and return it."""
    rng = random.Random(SEED)
    bases = base_exercises()
    folder.mkdir(parents=True, exist_ok=True)
    exercises = [variant(bases[n % len(bases)], n, rng) for n in range(count)]
    for start in range(0, count, FILE_SIZE):
        chunk = exercises[start : start + FILE_SIZE]
        region = chunk[0].regions[0]
        text = f'[collection]\nname = "Clinic {region} {start // FILE_SIZE}"\n\n'
        text += "\n".join(exercise_text(exercise) for exercise in chunk)
        sub = folder / region
        sub.mkdir(exist_ok=True)
        (sub / f"clinic-{start // FILE_SIZE:05d}.toml").write_text(text, encoding="utf-8")
    return folder


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python -m benchmarks.clinic_library COUNT FOLDER")
    generate(int(sys.argv[1]), Path(sys.argv[2]))
