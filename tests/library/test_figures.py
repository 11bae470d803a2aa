"""Figures as data: what a therapist writes in [exercise.figure], what hepster says about a
mistake in it, and that a figure survives a save and travels inside a program."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from library.figure_body import pose_body
from library.figure_model import Figure
from library.figure_scene import exercise_picture, picture
from library.figure_schema import check_figure
from library.figure_text import figure_text
from library.figure_words import JOINTS, SIDED_JOINTS
from library.problems import Collector, InvalidFile
from library.program_files import load_program, program_text

ROOT = Path(__file__).parents[2]

FIGURE = """
[exercise.figure]
position = "lying-on-back"
props = ["mat", { prop = "strap", at = "near-hand", to = "near-foot" }]
pose = { far-knee = 60, near-shoulder = { flex = 60, abd = 10 } }
[[exercise.figure.frame]]
[[exercise.figure.frame]]
pose = { near-hip = 80, body = { tilt = -5 } }
hold = true
"""


def checked(text: str) -> tuple[Figure | None, list[str]]:
    raw = tomllib.loads(text)["exercise"]["figure"]
    problems = Collector("hip.toml")
    figure = check_figure(problems, raw, "exercise[4].figure")
    return figure, [str(problem) for problem in problems.problems]


def test_a_figure_reads_as_written() -> None:
    figure, problems = checked(FIGURE)
    assert problems == []
    assert figure is not None
    assert figure.position == "lying-on-back"
    assert [prop.kind for prop in figure.props] == ["mat", "strap"]
    assert figure.props[1].to == "near-foot"
    poses = figure.frame_poses()
    assert len(poses) == 2
    assert poses[0] == (
        {("far-knee", "flex"): 60, ("near-shoulder", "flex"): 60, ("near-shoulder", "abd"): 10},
        False,
    )
    assert poses[1][0][("near-hip", "flex")] == 80
    assert poses[1][1] is True


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "pose = { near-knee = 200 }",
            "hip.toml: exercise[4].figure.pose.near-knee.flex: knee flex must be from -5 to "
            "160 degrees (got 200); a body cannot bend that far",
        ),
        (
            "pose = { near-kne = 20 }",
            "hip.toml: exercise[4].figure.pose.near-kne: unknown joint; did you mean 'near-knee'?",
        ),
        (
            "pose = { elbow = { abd = 20 } }",
            "hip.toml: exercise[4].figure.pose.elbow.abd: elbow cannot move that way; "
            "allowed: flex",
        ),
        (
            'props = ["chiar"]',
            "hip.toml: exercise[4].figure.props[1].prop: unknown prop; did you mean 'chair'?",
        ),
        (
            'props = [{ prop = "strap", at = "near-hnd" }]',
            "hip.toml: exercise[4].figure.props[1].at: must be a body point or a place; "
            "did you mean 'near-hand'?",
        ),
        ('view = "back"', "hip.toml: exercise[4].figure.view: must be one of side, front, top"),
        ("turn = 400", "hip.toml: exercise[4].figure.turn: must be a number of degrees from -90"),
    ],
)
def test_a_mistake_is_one_line_naming_the_place_and_what_is_allowed(
    text: str, expected: str
) -> None:
    figure, problems = checked(f"[exercise.figure]\n{text}\n")
    assert figure is None
    assert len(problems) == 1
    assert problems[0].startswith(expected)


def test_too_many_frames() -> None:
    frames = "[[exercise.figure.frame]]\n" * 4
    _, problems = checked(f"[exercise.figure]\n{frames}")
    assert problems == ["hip.toml: exercise[4].figure.frame: has 4 frames; at most 3 are allowed"]


def test_a_figure_is_written_back_as_it_reads() -> None:
    figure, _ = checked(FIGURE)
    assert figure is not None
    again, problems = checked(figure_text(figure))
    assert problems == []
    assert again == figure


angles = st.sampled_from(sorted(JOINTS)).flatmap(
    lambda joint: st.tuples(
        st.sampled_from(
            [joint, *([f"near-{joint}", f"far-{joint}"] if joint in SIDED_JOINTS else [])]
        ),
        st.sampled_from(sorted(JOINTS[joint])).flatmap(
            lambda move: st.tuples(
                st.just(move),
                st.integers(int(JOINTS[joint][move][0]), int(JOINTS[joint][move][1])),
            )
        ),
    )
)


@settings(max_examples=60, deadline=None)
@given(st.lists(angles, max_size=6), st.sampled_from(["standing", "sitting", "side-lying"]))
def test_any_pose_in_range_survives_a_save_and_is_drawn(
    pose: list[tuple[str, tuple[str, int]]], position: str
) -> None:
    table = ", ".join(
        f"{key} = {{ {move} = {value} }}" for key, (move, value) in dict(pose).items()
    )
    text = f'[exercise.figure]\nposition = "{position}"\npose = {{ {table} }}\n'
    figure, problems = checked(text)
    assert problems == []
    assert figure is not None
    again, _ = checked(figure_text(figure))
    assert again == figure
    drawn = picture(figure)
    assert drawn.width > 0 and drawn.height > 0
    assert drawn.shapes


def test_a_bent_knee_moves_the_ankle_back() -> None:
    straight = pose_body("standing", {})
    bent = pose_body("standing", {("near-knee", "flex"): 90})
    assert bent.points["near-ankle"][0] < straight.points["near-ankle"][0] - 30
    assert bent.points["far-ankle"] == straight.points["far-ankle"]


def test_the_left_side_is_the_right_side_mirrored() -> None:
    figure, _ = checked(FIGURE)
    assert figure is not None
    right = picture(figure)
    left = picture(figure, mirrored=True)
    assert left.width == right.width
    assert [s.points for s in left.shapes] == [
        tuple((right.width - x, y) for x, y in s.points) for s in right.shapes
    ]


PROGRAM = """
format = "hepster-program"
version = 1
title = "Figure test"

[[item]]
exercise = "my-own-stretch"
[item.dose]
side = "left"

[[exercise]]
id = "my-own-stretch"
name = "My own stretch"
regions = ["hip"]
kind = "stretch"
sided = true
steps = ["Do it."]
image = "images/gone.png"
"""


def test_a_program_carries_its_figures(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    path.write_text(PROGRAM + FIGURE, encoding="utf-8")
    program = load_program(path)
    exercise = program.exercise("my-own-stretch")
    assert exercise is not None and exercise.figure is not None
    saved = tmp_path / "saved.toml"
    saved.write_text(program_text(program), encoding="utf-8")
    assert "[exercise.figure]" in saved.read_text(encoding="utf-8")
    again = load_program(saved)
    assert again.exercise("my-own-stretch") == exercise
    assert program_text(again) == program_text(program)


def test_a_bad_figure_in_a_program_names_the_exercise_table(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    path.write_text(PROGRAM + FIGURE.replace("far-knee = 60", "far-knee = 260"), "utf-8")
    with pytest.raises(InvalidFile) as error:
        load_program(path)
    assert [str(p) for p in error.value.problems] == [
        f"{path}: exercise[1].figure.pose.far-knee.flex: knee flex must be from -5 to 160 "
        "degrees (got 260); a body cannot bend that far (in the figure of my-own-stretch)"
    ]


def test_a_missing_picture_file_falls_back_to_the_figure(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    path.write_text(PROGRAM + FIGURE, encoding="utf-8")
    program = load_program(path)
    exercise = program.exercise("my-own-stretch")
    assert exercise is not None
    assert exercise.image_path() is None
    assert exercise_picture(exercise) is not None


def test_every_bundled_figure_draws() -> None:
    from library.layers import load_library

    library = load_library()
    drawn = [e for e in library.exercises.values() if exercise_picture(e) is not None]
    assert drawn, "no bundled exercise has a figure"
    for exercise in drawn:
        for side in (None, "left"):
            shown = exercise_picture(exercise, side)
            assert shown is not None
            # Nothing of the figure is lost off its own edges (a close-up is cut on purpose).
            clipped = False
            for shape in shown.shapes:
                clipped = shape.kind == "clip" or (clipped and shape.kind != "unclip")
                if clipped:
                    continue
                for x, y in shape.points:
                    assert -1 <= x <= shown.width + 1, exercise.id
                    assert -1 <= y <= shown.height + 1, exercise.id


def test_a_shrug_lifts_the_shoulder_and_a_squeeze_pulls_it_back() -> None:
    still = pose_body("standing", {})
    moved = pose_body(
        "standing", {("near-shoulder-blade", "lift"): 5, ("near-shoulder-blade", "back"): 4}
    )
    before, after = still.points["near-shoulder"], moved.points["near-shoulder"]
    assert after[1] == pytest.approx(before[1] + 5)
    assert after[0] == pytest.approx(before[0] - 4)
    assert moved.points["far-shoulder"] == still.points["far-shoulder"]


def test_toes_are_their_own_part_only_when_a_pose_moves_them() -> None:
    plain = pose_body("sitting", {})
    curled = pose_body("sitting", {("near-toes", "flex"): 50})
    assert len(curled.limbs) == len(plain.limbs) + 1
    # Curled down: the tips of the toes go lower than the ball of the foot.
    assert curled.points["near-toes"][1] < plain.points["near-toes"][1]


def test_a_squeeze_is_marked_in_red_around_the_part() -> None:
    text = (
        '[exercise.figure]\nposition = "lying-on-back"\n[[exercise.figure.frame]]\n'
        '[[exercise.figure.frame]]\nsqueeze = "near-thigh"\nhold = true\n'
    )
    figure, problems = checked(text)
    assert problems == [] and figure is not None
    drawn = picture(figure)
    assert sum(1 for shape in drawn.shapes if shape.fill == "arrow") >= 8
    again, _ = checked(figure_text(figure))
    assert again == figure


def test_centimetres_are_named_as_such() -> None:
    _, problems = checked("[exercise.figure]\npose = { near-shoulder-blade = { lift = 9 } }\n")
    assert problems == [
        "hip.toml: exercise[4].figure.pose.near-shoulder-blade.lift: shoulder-blade lift must "
        "be from -2 to 6 centimetres (got 9)"
    ]
