"""A figure written back as TOML (as a therapist would write it by hand) or as plain data.

Saving a program embeds its exercises' figures, so the same picture prints on any machine; the
text is stable, so saving an unchanged program writes the same bytes.
"""

from __future__ import annotations

from typing import Any

from library.figure_model import Angles, Figure, Frame, Prop
from library.toml_text import pair_text, value_text


def degrees(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def pose_data(angles: Angles) -> dict[str, Any]:
    """`{"near-hip": 90}` for a joint's first movement alone, else `{"near-hip": {...}}`."""
    grouped: dict[str, dict[str, int | float]] = {}
    for (key, move), value in angles:
        grouped.setdefault(key, {})[move] = degrees(value)
    from library.figure_words import movements

    data: dict[str, Any] = {}
    for key, moves in grouped.items():
        first = next(iter(movements(key)))
        data[key] = moves[first] if key != "body" and list(moves) == [first] else moves
    return data


def prop_data(prop: Prop) -> str | dict[str, str]:
    data = {"prop": prop.kind}
    data.update({key: value for key in ("at", "to", "size") if (value := getattr(prop, key))})
    return prop.kind if len(data) == 1 else data


def frame_data(frame: Frame) -> dict[str, Any]:
    data: dict[str, Any] = {"pose": pose_data(frame.pose)} if frame.pose else {}
    if frame.hold:
        data["hold"] = True
    if frame.squeeze:
        data["squeeze"] = frame.squeeze
    return data


def figure_data(figure: Figure) -> dict[str, Any]:
    """The figure as the TOML table holds it (also what `hepster library --json` prints)."""
    data: dict[str, Any] = {}
    if figure.position:
        data["position"] = figure.position
    if figure.view != "side":
        data["view"] = figure.view
    if figure.turn:
        data["turn"] = degrees(figure.turn)
    if figure.tilt:
        data["tilt"] = degrees(figure.tilt)
    if figure.props:
        data["props"] = [prop_data(prop) for prop in figure.props]
    if figure.pose:
        data["pose"] = pose_data(figure.pose)
    if figure.track:
        data["track"] = figure.track
    if figure.focus:
        data["focus"] = figure.focus
    if figure.props_stay:
        data["props_stay"] = True
    if not figure.arrows:
        data["arrows"] = False
    if figure.frames:
        data["frame"] = [frame_data(frame) for frame in figure.frames]
    return data


def inline(value: Any) -> str:
    if isinstance(value, dict):
        if not value:
            return "{}"
        return "{ " + ", ".join(f"{key} = {inline(item)}" for key, item in value.items()) + " }"
    if isinstance(value, list):
        return "[" + ", ".join(inline(item) for item in value) + "]"
    return value_text(value)


def figure_text(figure: Figure, prefix: str = "exercise.figure") -> str:
    data = figure_data(figure)
    frames = data.pop("frame", [])
    lines = [f"[{prefix}]"]
    for key, value in data.items():
        if key in ("pose", "props"):
            lines.append(f"{key} = {inline(value)}")
        else:
            lines.append(pair_text(key, value))
    for frame in frames:
        lines.append(f"[[{prefix}.frame]]")
        lines += [f"{key} = {inline(value)}" for key, value in frame.items()]
    return "\n".join(lines) + "\n"
