"""A drawn figure as data: the `[exercise.figure]` table of an exercise, checked and immutable.

A figure is one standard adult in a base position, turned by joint angles, with props around it,
in one to three frames (start, … end). It says nothing about how it is drawn: `figure_scene`
turns it into shapes, and the handout, the terminal and `hepster figure` draw those shapes.
"""

from __future__ import annotations

from dataclasses import dataclass

from library.pickling import by_init

# (joint key, movement) → degrees, e.g. (("near-hip", "flex"), 90). A tuple of pairs rather
# than a dict so that a figure is hashable and compares equal after a save and a load.
Angles = tuple[tuple[tuple[str, str], float], ...]


@by_init
@dataclass(frozen=True, slots=True)
class Prop:
    """A thing beside, under or in the hands of the figure: a chair, a strap, a wall…

    `at` names a body point (`near-hand`) or a place (`front`, `back`); `to` the other end of
    a strap, band or towel; `size` is small or large where a prop comes in both (a ball)."""

    kind: str
    at: str | None = None
    to: str | None = None
    size: str | None = None


@by_init
@dataclass(frozen=True, slots=True)
class Frame:
    """One picture of the movement: the joint angles that differ from the figure's pose."""

    pose: Angles = ()
    hold: bool = False
    squeeze: str | None = None  # a body point whose muscles tighten: drawn as a burst


@by_init
@dataclass(frozen=True, slots=True)
class Figure:
    position: str | None = None  # a position word; the exercise's own when absent
    view: str = "side"
    turn: float = 0.0  # the camera turned around the figure, degrees
    tilt: float = 0.0  # the camera raised above it, degrees
    props: tuple[Prop, ...] = ()
    pose: Angles = ()
    frames: tuple[Frame, ...] = ()
    track: str | None = None  # the body point whose path the movement arrow follows
    focus: str | None = None  # a body point shown close up (a hand, a foot)
    props_stay: bool = False  # placed props stay where the first frame put them
    arrows: bool = True

    def frame_poses(self) -> list[tuple[dict[tuple[str, str], float], bool]]:
        """Each frame's whole set of angles (the figure's pose, then the frame's changes)."""
        base = dict(self.pose)
        if not self.frames:
            return [(base, False)]
        return [({**base, **dict(frame.pose)}, frame.hold) for frame in self.frames]
