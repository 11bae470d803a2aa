"""The estimate of how long one session takes."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from library.model import Dose, Exercise, Item, Program
from library.program_files import load_program
from library.timing import (
    DEFAULT_REST_S,
    MOVE_S,
    REP_S,
    SETUP_S,
    duration_text,
    item_seconds,
    session_seconds,
    session_text,
)

EXAMPLE = Path(__file__).parents[2] / "examples" / "low-back-hips.toml"
STRETCH = Exercise(id="s-1", name="S", regions=("hip",), kind="stretch", steps=("Go.",), sided=True)


def test_a_stretch_each_side() -> None:
    # 3 holds of 30 s, 2 rests between, both sides, plus set-up.
    dose = Dose(sets=3, hold_s=30, side="each")
    expected = SETUP_S + 2 * (3 * (30 + MOVE_S) + 2 * DEFAULT_REST_S)
    assert item_seconds(dose, STRETCH) == expected


def test_reps_with_given_rest() -> None:
    dose = Dose(sets=2, reps=10, rest_s=60)
    assert item_seconds(dose) == SETUP_S + 2 * 10 * REP_S + 60


def test_ranges_count_as_their_middle() -> None:
    assert item_seconds(Dose(duration_s=(60, 120))) == SETUP_S + 90


def test_the_example_program() -> None:
    program = load_program(EXAMPLE)
    # The two rolling exercises are once a day, so the evening session is shorter.
    assert session_text(program) == (
        "About 21 minutes the first time each day. The second time takes about 16 minutes: "
        "only the exercises done 2 times a day."
    )
    rolled_twice = replace(
        program,
        items=tuple(
            replace(item, dose=replace(item.dose, per_day=2)) if item.dose else item
            for item in program.items
        ),
    )
    assert session_text(rolled_twice) == "About 21 minutes, 2 times a day"
    once = replace(program, items=tuple(i for i in program.items if i.exercise.startswith("foam")))
    assert session_text(once) == "About 6 minutes, once a day"


def test_words() -> None:
    assert duration_text(20) == "About 1 minute"
    assert duration_text(60 * 45) == "About 45 minutes"
    assert duration_text(3600) == "About 1 hour"
    assert duration_text(3600 + 600) == "About 1 hour 10 minutes"
    assert session_text(Program()) == ""


@given(st.lists(st.integers(1, 60), min_size=1, max_size=5), st.integers(1, 5))
def test_more_work_never_takes_less_time(holds: list[int], sets: int) -> None:
    items = tuple(Item("s-1", dose=Dose(sets=sets, hold_s=h)) for h in holds)
    program = Program(items=items, exercises=(STRETCH,))
    longer = replace(program, items=(*items, Item("s-1", dose=Dose(sets=sets, hold_s=1))))
    assert session_seconds(longer) > session_seconds(program) > 0
