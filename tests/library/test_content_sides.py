"""The bundled library names no fixed side: a sided exercise writes `{side}` and `{other side}`
(library/side_text.py) and leaves "do the other side" to the handout, so that a program dosed for
the left hip never tells the patient to cross the right ankle. Also the content a reviewing
therapist asked for: one-side rehab exercises wait for a side, strength 2 to 3 days a week, the
foam roller on the upper back only, bracing rather than hollowing."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from library.layers import Folder, Library, load_library
from library.locations import bundled_library
from library.model import Dose, Exercise, Item, Program
from library.program_files import load_program
from library.side_text import fixed_sides, placeholder_problems, switching

Texts = list[tuple[str, str]]  # (where in the file, the text)

DOSE_TEXTS = ("load", "tempo", "effort", "when", "notes")


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library([Folder("bundled", bundled_library())])


@pytest.fixture(scope="module")
def exercises(library: Library) -> list[Exercise]:
    return list(library.exercises.values())


@pytest.fixture(scope="module")
def templates(library: Library) -> dict[str, Program]:
    return {tid: load_program(t.path, library.get) for tid, t in library.templates.items()}


def dose_texts(dose: Dose | None, where: str) -> Texts:
    if dose is None:
        return []
    return [(f"{where}.{key}", getattr(dose, key)) for key in DOSE_TEXTS if getattr(dose, key)]


def exercise_texts(exercise: Exercise) -> Texts:
    texts: Texts = [("name", exercise.name)]
    texts += [("summary", exercise.summary)] if exercise.summary else []
    for key in ("steps", "cues", "cautions"):
        texts += [(f"{key}[{n}]", text) for n, text in enumerate(getattr(exercise, key), 1)]
    return texts + dose_texts(exercise.dose, "dose")


def item_texts(item: Item, number: int) -> Texts:
    where = f"item[{number}]"
    texts = [(f"{where}.{key}", getattr(item, key)) for key in ("section", "notes", "progression")]
    return [(place, text) for place, text in texts if text] + dose_texts(item.dose, f"{where}.dose")


def program_texts(program: Program) -> Texts:
    texts: Texts = [("title", program.title)] if program.title else []
    texts += [(f"goals[{n}]", goal) for n, goal in enumerate(program.goals, 1)]
    texts += [(f"precautions[{n}]", text) for n, text in enumerate(program.precautions, 1)]
    return texts + ([("notes", program.notes)] if program.notes else [])


def side_problems(where: str, texts: Texts, sided: bool) -> list[str]:
    """What is wrong with the side words of some texts: a fixed side anywhere, changing sides in
    a sided exercise's text (the handout says that, once), and any placeholder problem."""
    problems = []
    for place, text in texts:
        problems += [
            f"{where}: {place}: names the {word} side: {text}" for word in fixed_sides(text)
        ]
        if sided:
            problems += [
                f"{where}: {place}: says to change sides ('{phrase}'); the handout says it: {text}"
                for phrase in switching(text)
            ]
        problems += [
            f"{where}: {place}: {problem}" for problem in placeholder_problems(text, sided)
        ]
    return problems


def exercise_problems(exercise: Exercise) -> list[str]:
    return side_problems(exercise.id, exercise_texts(exercise), exercise.sided)


def template_problems(template_id: str, program: Program) -> list[str]:
    problems = side_problems(template_id, program_texts(program), sided=False)
    for number, item in enumerate(program.items, 1):
        exercise = program.exercise(item.exercise)
        sided = exercise is not None and exercise.sided
        problems += side_problems(template_id, item_texts(item, number), sided)
    return problems


def test_no_bundled_exercise_names_a_fixed_side_or_changes_sides(
    exercises: list[Exercise],
) -> None:
    assert [problem for e in exercises for problem in exercise_problems(e)] == []


def test_no_bundled_template_names_a_fixed_side_or_changes_sides(
    templates: dict[str, Program],
) -> None:
    assert [p for tid, program in templates.items() for p in template_problems(tid, program)] == []


def test_the_sided_exercises_use_the_side_words(exercises: list[Exercise]) -> None:
    """Not a rule for every exercise, but the ones that cross or name a limb do."""
    uses = {e.id for e in exercises if any("{side}" in text for _, text in exercise_texts(e))}
    assert {
        "piriformis-stretch-figure-4",
        "piriformis-stretch-sitting",
        "foam-roll-gluteals",
    } <= uses
    assert all(e.sided for e in exercises if e.id in uses)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"steps": ("Cross your right ankle over your left knee.",)}, "names the right side"),
        ({"cues": ("Keep your LEFT hip down.",)}, "names the LEFT side"),
        ({"summary": "Stretch, then switch legs."}, "says to change sides ('switch')"),
        ({"steps": ("Hold.", "Turn over and do the other side.")}, "says to change sides"),
        ({"cautions": ("Repeat with the other leg.",)}, "says to change sides"),
        ({"steps": ("Cross your {sde} ankle over your {other side} knee.",)}, "'{sde}'"),
        ({"steps": ("Cross your {side} ankle over your {other side}.",)}, "must come after 'your'"),
    ],
)
def test_the_check_fails_on_a_fixed_side_a_switch_or_an_unknown_placeholder(
    library: Library, change: dict[str, object], expected: str
) -> None:
    exercise = library.exercises["piriformis-stretch-figure-4"]
    assert exercise_problems(exercise) == []
    broken = replace(exercise, **change)  # type: ignore[arg-type]
    problems = exercise_problems(broken)
    assert problems and any(expected in problem for problem in problems), problems


@pytest.mark.parametrize(
    "text",
    ["Needs a doctor right away.", "All right: rest now.", "Use your other hand to help."],
)
def test_the_check_lets_plain_words_be(library: Library, text: str) -> None:
    exercise = library.exercises["piriformis-stretch-figure-4"]
    assert exercise_problems(replace(exercise, cues=(text,))) == []


def test_a_template_note_is_checked_too(library: Library, templates: dict[str, Program]) -> None:
    program = templates["low-back-hips"]
    first = replace(program.items[0], notes="Start with your right leg.")
    broken = replace(program, items=(first, *program.items[1:]))
    assert template_problems("low-back-hips", broken) == [
        "low-back-hips: item[1].notes: names the right side: Start with your right leg."
    ]


ONE_SIDE_REHAB = (
    "pendulum", "table-slide-flexion", "wall-walk-flexion", "cane-external-rotation",
    "eccentric-wrist-extension", "eccentric-wrist-flexion", "towel-twist-eccentric", "quad-set",
    "short-arc-quad", "heel-slide", "knee-extension-stretch-heel-prop",
)  # fmt: skip


@pytest.mark.parametrize("exercise_id", ONE_SIDE_REHAB)
def test_one_side_rehab_exercises_wait_for_the_therapist_to_choose_a_side(
    library: Library, exercise_id: str
) -> None:
    exercise = library.exercises[exercise_id]
    assert exercise.sided and exercise.dose is not None
    assert exercise.dose.side is None


def dose_comment(exercise: Exercise) -> str:
    """The comment lines right above the exercise's [exercise.dose] table in its file."""
    assert exercise.source is not None
    text = exercise.source.read_text(encoding="utf-8")
    start = text.index(f'id = "{exercise.id}"\n')
    above = text[: text.index("[exercise.dose]", start)].rstrip("\n").splitlines()
    comment: list[str] = []
    while above and above[-1].startswith("#"):
        comment.insert(0, above.pop())
    return "\n".join(comment)


def test_strength_defaults_are_two_to_three_days_a_week(exercises: list[Exercise]) -> None:
    """ACSM: strength 2 to 3 days a week. A daily protocol stays daily and says why."""
    too_often = [
        e.id
        for e in exercises
        if e.kind == "strength"
        and e.dose is not None
        and (e.dose.days_per_week or 7) > 3
        and not dose_comment(e)
    ]
    assert too_often == []
    assert all(
        e.dose.days_per_week in (None, 2, 3)
        for e in exercises
        if e.kind == "strength" and e.dose is not None
    )


def test_the_foam_roller_stays_on_the_upper_back(library: Library) -> None:
    exercise = library.exercises["foam-roll-back-muscles"]
    assert exercise.regions == ("upper-back",)
    steps = " ".join(exercise.steps)
    assert "upper back" in steps and "between your shoulder blades" in steps
    assert "low back" not in steps
    assert any("never on your low back" in caution for caution in exercise.cautions)
    assert exercise.figure is not None
    assert "upper-back" in repr(exercise.figure.props)


def test_slow_heel_lowering_warns_about_pain_at_the_heel_bone(library: Library) -> None:
    cautions = " ".join(library.exercises["heel-raise-eccentric-step"].cautions)
    assert "Achilles tendon meets your heel bone" in cautions
    assert "flat floor" in cautions and "therapist" in cautions


def test_belly_tightening_teaches_bracing_not_hollowing(library: Library) -> None:
    exercise = library.exercises["abdominal-bracing"]
    steps = " ".join(exercise.steps).lower()
    assert "stiffen" in steps and "all around" in steps and "poke" in steps
    assert not re.search(r"\b(draw|hollow|suck)\w*\b", steps)
    assert not any(re.search(r"drawing in|hollowing", aka) for aka in exercise.aka)
