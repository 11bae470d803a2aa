"""Checks an `[exercise.figure]` table (docs/figures.md) and turns it into a Figure.

Like every other check it reports each problem with its place (`exercise[3].figure.frame[2].pose
.near-knee`) and what is allowed, and carries on, so one run names every problem in the file.
"""

from __future__ import annotations

import difflib
from typing import Any

from library.figure_model import Angles, Figure, Frame, Prop
from library.figure_words import (
    BODY_POINTS,
    PLACES,
    PROPS,
    SIDED_JOINTS,
    SIZES,
    VIEWS,
    joint_keys,
    movements,
)
from library.problems import Collector
from library.schema import Table, describe, indexed, join, quoted
from library.words import POSITIONS

FIGURE_KEYS = (
    "position",
    "view",
    "turn",
    "tilt",
    "props",
    "pose",
    "frame",
    "track",
    "arrows",
    "focus",
    "props_stay",
)
FRAME_KEYS = ("pose", "hold", "squeeze")
MAX_FRAMES = 3
MAX_PROPS = 8
JOINT_KEYS = joint_keys()
JOINTS_SAID = (
    "neck, upper-trunk, lower-trunk, body, and (alone for both sides, or with near- or far-) "
    + ", ".join(SIDED_JOINTS)
)


def number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def shown(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def bare(key: str) -> str:
    return key.removeprefix("near-").removeprefix("far-")


def check_angle(problems: Collector, place: str, key: str, move: str, value: Any) -> bool:
    lowest, highest = movements(key)[move]
    if not number(value):
        problems.add(place, f"must be a number (got {describe(value)})")
        return False
    if not lowest <= value <= highest:
        unit = "centimetres" if move in ("forward", "lift", "back") else "degrees"
        why = "" if key == "body" or unit == "centimetres" else "; a body cannot bend that far"
        problems.add(
            place,
            f"{bare(key)} {move} must be from {shown(lowest)} to {shown(highest)} {unit} "
            f"(got {shown(value)}){why}",
        )
        return False
    return True


def check_pose(problems: Collector, raw: Any, place: str) -> Angles:
    """`{ hip = 90, near-knee = { flex = 30 }, body = { tilt = 20 } }`."""
    if not isinstance(raw, dict):
        problems.add(
            place, f"must be a table of joint angles, like {{ knee = 90 }} (got {describe(raw)})"
        )
        return ()
    angles: list[tuple[tuple[str, str], float]] = []
    for key, value in raw.items():
        at = join(place, key)
        if key not in JOINT_KEYS:
            hint = difflib.get_close_matches(key, JOINT_KEYS, n=1)
            guess = f"did you mean '{hint[0]}'? " if hint else ""
            problems.add(at, f"unknown joint; {guess}allowed: {JOINTS_SAID}")
            continue
        allowed = movements(key)
        if not isinstance(value, dict):
            if key == "body":
                problems.add(at, "must be a table, like { tilt = 20 }")
                continue
            value = {next(iter(allowed)): value}
        for move, degrees in value.items():
            if move not in allowed:
                problems.add(
                    join(at, move), f"{bare(key)} cannot move that way; allowed: {quoted(allowed)}"
                )
            elif check_angle(problems, join(at, move), key, move, degrees):
                angles.append(((key, move), float(degrees)))
    return tuple(angles)


def check_point(table: Table, key: str, places: bool) -> str | None:
    value = table.raw.get(key)
    if value is None:
        return None
    words = (*BODY_POINTS, *PLACES) if places else BODY_POINTS
    if value in words:
        return str(value)
    hint = difflib.get_close_matches(str(value), words, n=1)
    guess = f"did you mean '{hint[0]}'? " if hint else ""
    table.fail(key, f"must be a body point or a place; {guess}allowed: {quoted(words)}")
    return None


def check_prop(problems: Collector, raw: Any, place: str) -> Prop | None:
    if isinstance(raw, str):
        raw = {"prop": raw}
    if not isinstance(raw, dict):
        problems.add(
            place, f'must be a prop word or a table like {{ prop = "strap" }} (got {describe(raw)})'
        )
        return None
    kind = raw.get("prop")
    if kind not in PROPS:
        hint = difflib.get_close_matches(str(kind), PROPS, n=1)
        guess = f"did you mean '{hint[0]}'? " if hint else ""
        problems.add(join(place, "prop"), f"unknown prop; {guess}allowed: {quoted(PROPS)}")
        return None
    before = len(problems.problems)
    table = Table(problems, raw, place, ("prop", *PROPS[kind]))
    prop = Prop(
        kind=kind,
        at=check_point(table, "at", places=True),
        to=check_point(table, "to", places=True),
        size=table.word("size", SIZES),
    )
    return prop if len(problems.problems) == before else None


def check_figure(problems: Collector, raw: dict[str, Any], place: str) -> Figure | None:
    before = len(problems.problems)
    table = Table(problems, raw, place, FIGURE_KEYS)
    props: list[Prop] = []
    raw_props = raw.get("props", [])
    if not isinstance(raw_props, list) or len(raw_props) > MAX_PROPS:
        table.fail("props", f'must be a list of at most {MAX_PROPS} props, like ["mat"]')
    else:
        for index, entry in enumerate(raw_props):
            prop = check_prop(problems, entry, join(place, indexed("props", index)))
            if prop is not None:
                props.append(prop)
    frames: list[Frame] = []
    raw_frames = table.tables("frame")
    if len(raw_frames) > MAX_FRAMES:
        table.fail("frame", f"has {len(raw_frames)} frames; at most {MAX_FRAMES} are allowed")
    for index, entry in enumerate(raw_frames[:MAX_FRAMES]):
        at = join(place, indexed("frame", index))
        frame_table = Table(problems, entry, at, FRAME_KEYS)
        pose = check_pose(problems, entry["pose"], join(at, "pose")) if "pose" in entry else ()
        frames.append(
            Frame(
                pose=pose,
                hold=bool(frame_table.boolean("hold")),
                squeeze=check_point(frame_table, "squeeze", places=False),
            )
        )

    def degrees(key: str, lowest: float, highest: float) -> float:
        value = raw.get(key, 0)
        if number(value) and lowest <= value <= highest:
            return float(value)
        table.fail(key, f"must be a number of degrees from {shown(lowest)} to {shown(highest)}")
        return 0.0

    track = check_point(table, "track", places=False)
    figure = Figure(
        position=table.word("position", POSITIONS),
        view=table.word("view", VIEWS) or "side",
        turn=degrees("turn", -90, 90),
        tilt=degrees("tilt", -90, 90),
        props=tuple(props),
        pose=check_pose(problems, raw["pose"], table.at("pose")) if "pose" in raw else (),
        frames=tuple(frames),
        track=track,
        focus=check_point(table, "focus", places=False),
        props_stay=table.boolean("props_stay") is True,
        arrows=table.boolean("arrows") is not False,
    )
    return figure if len(problems.problems) == before else None
