"""Large, real exercise data for benchmarks and scale tests, read from ../shared/data (never
copied into the repo): free-exercise-db, 873 public-domain gym exercises."""

from __future__ import annotations

import json
import re
from pathlib import Path

from library.model import Exercise

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
FREE_EXERCISE_DB = SHARED / "free-exercise-db" / "exercises.json"

# free-exercise-db's muscles and categories, mapped onto our region and kind words.
REGION_OF_MUSCLE = {
    "abdominals": "core",
    "abductors": "hip",
    "adductors": "hip",
    "biceps": "elbow",
    "calves": "ankle-foot",
    "chest": "chest",
    "forearms": "wrist-hand",
    "glutes": "hip",
    "hamstrings": "knee",
    "lats": "upper-back",
    "lower back": "low-back",
    "middle back": "upper-back",
    "neck": "neck",
    "quadriceps": "knee",
    "shoulders": "shoulder",
    "traps": "upper-back",
    "triceps": "elbow",
}
KIND_OF_CATEGORY = {"stretching": "stretch", "cardio": "aerobic"}


def clean_steps(steps: list[str]) -> list[str]:
    """The source has a few empty steps and stray line breaks; a library file allows neither."""
    cleaned = [" ".join(step.split())[:400] for step in steps]
    return [step for step in cleaned if step][:12]


def free_exercise_db() -> list[Exercise]:
    """The 873 exercises as hepster exercises, or [] when ../shared is not beside the repo."""
    if not FREE_EXERCISE_DB.is_file():
        return []
    exercises = []
    for record in json.loads(FREE_EXERCISE_DB.read_text(encoding="utf-8")):
        muscles = record["primaryMuscles"] + record["secondaryMuscles"]
        regions = tuple(dict.fromkeys(REGION_OF_MUSCLE[m] for m in muscles)) or ("whole-body",)
        exercise_id = re.sub(r"[^a-z0-9]+", "-", record["id"].lower()).strip("-")[:64]
        exercises.append(
            Exercise(
                id=exercise_id,
                name=record["name"][:80],
                regions=regions,
                kind=KIND_OF_CATEGORY.get(record["category"], "strength"),
                steps=tuple(clean_steps(record["instructions"])) or ("Do it.",),
                equipment=(record["equipment"],) if record["equipment"] else (),
                tags=tuple(muscles),
            )
        )
    return exercises
