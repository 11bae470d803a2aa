"""Make a blind recognition kit for the figures review (docs/figures-review.md).

    python docs/review_kit.py OUT_FOLDER SEED [--lookalike] ID...

For each exercise: its figure as a PNG with a neutral name (q01.png, …) and five exercise names,
one of them right. The other four come from the same body region at random, or with
`--lookalike` the four exercises most like it (same position, kind, regions, equipment, words
in the name). `questions.md` is what a reviewer reads; `OUT_FOLDER-key.json`, written beside
the folder, holds the answers and is never shown to a reviewer.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

from exports.figure_png import png_bytes
from library.figure_scene import exercise_picture
from library.layers import load_library
from library.model import Exercise

COMMON = {"a", "the", "with", "your", "on", "of", "and", "to", "in", "for", "up", "down", "one"}


def words(exercise: Exercise) -> set[str]:
    return set(re.findall(r"[a-z]+", exercise.name.lower())) - COMMON - {"stretch"}


def likeness(one: Exercise, other: Exercise, rng: random.Random) -> float:
    score = 3.0 * (one.position == other.position) + 2.0 * (one.kind == other.kind)
    score += 2 * len(set(one.regions) & set(other.regions)) + 2 * (
        one.regions[0] == other.regions[0]
    )
    score += len(set(one.equipment) & set(other.equipment) - {"none"})
    return score + 1.5 * len(words(one) & words(other)) + rng.random() * 0.5


def main() -> None:
    arguments = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    arguments.add_argument("folder", type=Path)
    arguments.add_argument("seed", type=int)
    arguments.add_argument("ids", nargs="+")
    arguments.add_argument("--lookalike", action="store_true")
    options = arguments.parse_args()
    library = load_library()
    everyone = list(library.exercises.values())
    rng = random.Random(options.seed)
    options.folder.mkdir(parents=True, exist_ok=True)
    order = list(options.ids)
    rng.shuffle(order)
    key: dict[str, dict[str, object]] = {}
    lines = ["# Which exercise does each picture show?", ""]
    for number, exercise_id in enumerate(order, 1):
        exercise = library.get(exercise_id)
        drawn = exercise_picture(exercise) if exercise else None
        if exercise is None or drawn is None:
            raise SystemExit(f"{exercise_id}: no such exercise, or it has no figure")
        others = [o for o in everyone if o.id != exercise.id and o.name != exercise.name]
        if options.lookalike:
            chosen = sorted(others, key=lambda o: -likeness(exercise, o, rng))[:4]
        else:
            region = [o for o in others if exercise.regions[0] in o.regions]
            chosen = rng.sample(region if len(region) >= 4 else others, 4)
        names = [*chosen, exercise]
        rng.shuffle(names)
        question = f"q{number:02d}"
        (options.folder / f"{question}.png").write_bytes(png_bytes(drawn, 700))
        letters = "ABCDE"
        key[question] = {
            "id": exercise.id,
            "region": exercise.regions[0],
            "answer": letters[names.index(exercise)],
            "options": {letters[i]: o.id for i, o in enumerate(names)},
        }
        lines += [f"{question}.png", *(f"  {letters[i]}. {o.name}" for i, o in enumerate(names))]
        lines.append("")
    (options.folder / "questions.md").write_text("\n".join(lines), encoding="utf-8")
    # Beside the folder, not in it: a reviewer is given the folder alone.
    answers = options.folder.with_name(options.folder.name + "-key.json")
    answers.write_text(json.dumps(key, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
