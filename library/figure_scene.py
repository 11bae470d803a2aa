"""A figure as flat shapes: the body posed in each frame, its props, seen from the figure's view,
mirrored for the left side, frames side by side with the movement's arrows and hold marks.

Every renderer (the handout's PDF, SVG, PNG, the terminal) draws the same `Picture`, in order,
so the pictures agree everywhere. Sizes are centimetres of the drawn person, y up.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from library.figure_body import (
    FOREARM_R,
    HEAD_R,
    TRUNK_R,
    Body,
    Limb,
    Vec,
    add,
    along,
    pose_body,
    rotate,
)
from library.figure_model import Figure, Prop
from library.figure_words import PLACES
from library.model import Exercise

Point = tuple[float, float]

# Style names → colours, shared by every renderer. The near side is darker than the far side,
# props are a lighter grey, the arrow stands out; all still read in black-and-white print.
PALETTE = {
    "outline": "#1c1c1c",
    "near": "#3f5f86",
    "mid": "#7b95b5",
    "far": "#c3d0df",
    "prop": "#e3e3e3",
    "prop-outline": "#8a8a8a",
    "line-prop": "#6f6f6f",
    "arrow": "#c0392b",
    "between": "#9a9a9a",
    "paper": "#ffffff",
    "ground": "#8a8a8a",
}
OUTLINE = 1.3  # the dark edge around each body part, cm
PROP_OUTLINE = 0.8
FRAME_GAP = 34.0  # room between frames for the arrow
MARGIN = 6.0


@dataclass(frozen=True)
class Shape:
    """One thing to draw.

    kind: "capsule" (a thick line with round ends from points[0] to points[1]), "disc" (a
    circle around points[0]), "blob" (the polygon through points, grown by `radius`, round
    corners), "polygon" (filled, sharp corners), "line" (an open line `radius` * 2 wide, no
    outline, round ends). "clip" (the rectangle from points[0] to points[1]) starts a run of
    shapes drawn only inside it, and "unclip" ends it: a close-up is cut from the whole body.
    """

    kind: str
    points: tuple[Point, ...]
    radius: float
    fill: str
    outline: str | None = None
    outline_width: float = 0.0

    def coats(self) -> list[tuple[str, float]]:
        """Each coat of paint, the dark edge first: its colour and how far it reaches past the
        shape's points (a disc's or a line's radius; how far a polygon's edge is grown)."""
        base = 0.0 if self.kind == "polygon" else self.radius
        edge = [(PALETTE[self.outline], base + self.outline_width)] if self.outline else []
        return [*edge, (PALETTE[self.fill], base)]

    def moved(self, points: tuple[Point, ...]) -> Shape:
        return replace(self, points=points)


@dataclass(frozen=True)
class Picture:
    shapes: tuple[Shape, ...]
    width: float
    height: float

    def mirrored(self) -> Picture:
        def flip(shape: Shape) -> Shape:
            points = tuple((self.width - x, y) for x, y in shape.points)
            if shape.kind == "clip":  # still from its lower left to its upper right corner
                (x0, y0), (x1, y1) = points
                points = ((x1, y0), (x0, y1))
            return shape.moved(points)

        return Picture(tuple(flip(s) for s in self.shapes), self.width, self.height)


@dataclass
class Solid:
    """A shape still in three dimensions, before the camera flattens it."""

    kind: str
    points: list[Vec]
    radius: float
    fill: str
    outline: str | None
    outline_width: float
    bias: float = 0.0  # drawn in front of what lies at the same depth

    def depth(self, camera: Camera) -> float:
        return sum(camera.depth(p) for p in self.points) / len(self.points) + self.bias


@dataclass(frozen=True)
class Camera:
    turn: float
    tilt: float

    @classmethod
    def of(cls, figure: Figure) -> Camera:
        turn, tilt = {"side": (0.0, 0.0), "front": (-90.0, 0.0), "top": (0.0, 90.0)}[figure.view]
        return cls(turn + figure.turn, tilt + figure.tilt)

    def seen(self, p: Vec) -> Vec:
        p = rotate(p, (0.0, 1.0, 0.0), self.turn)
        return rotate(p, (1.0, 0.0, 0.0), self.tilt)

    def flat(self, p: Vec) -> Point:
        x, y, _ = self.seen(p)
        return (x, y)

    def depth(self, p: Vec) -> float:
        return self.seen(p)[2]


def body_solids(body: Body) -> list[Solid]:
    solids: list[Solid] = []
    for outline in body.trunk:
        solids.append(Solid("blob", list(outline), TRUNK_R, "mid", "outline", OUTLINE))
    for limb in body.limbs:
        # Limbs sit on the surface of the trunk, not inside it: a front view draws arms that
        # hang beside the trunk in front of it.
        solids.append(
            Solid(
                "capsule",
                [limb.start, limb.end],
                limb.radius,
                limb.side,
                "outline",
                # A finger's edge is thinner than an arm's, or the finger would be all edge.
                min(OUTLINE, 0.45 * limb.radius + 0.3),
                bias=2.0 if limb.side != "mid" else 0.0,
            )
        )
    # A nose, drawn just behind the head, so that the way the face points shows.
    nose = along(body.head, body.face, HEAD_R * 0.95)
    solids.append(Solid("disc", [nose], 2.6, "mid", "outline", OUTLINE, bias=-0.5))
    solids.append(Solid("disc", [body.head], HEAD_R, "mid", "outline", OUTLINE, bias=1.0))
    return solids


def lowest(solids: Iterable[Solid]) -> float:
    return min(p[1] - s.radius for s in solids for p in s.points)


def extent(solids: Iterable[Solid], axis: int) -> tuple[float, float]:
    values = [(p[axis] - s.radius, p[axis] + s.radius) for s in solids for p in s.points]
    return min(v[0] for v in values), max(v[1] for v in values)


def shifted(solids: list[Solid], dy: float) -> None:
    for solid in solids:
        solid.points = [(p[0], p[1] + dy, p[2]) for p in solid.points]


BED_HEIGHT = 55.0
TABLE_HEIGHT = 75.0
MAT = 2.5
STEP = 18.0


def body_point(body: Body, name: str) -> list[Vec]:
    """The points a prop's `at` or `to` names: one, or two for `hands`, `feet`, `knees`."""
    pairs = {"hands": "hand", "feet": "foot", "knees": "knee"}
    if name in pairs:
        return [body.points[f"near-{pairs[name]}"], body.points[f"far-{pairs[name]}"]]
    return [body.points[name]]


def mean(points: list[Vec]) -> Vec:
    n = len(points)
    return (
        sum(p[0] for p in points) / n,
        sum(p[1] for p in points) / n,
        sum(p[2] for p in points) / n,
    )


def prop_solid(kind: str, points: list[Vec], radius: float) -> Solid:
    return Solid(kind, points, radius, "prop", "prop-outline", PROP_OUTLINE)


def line_solid(a: Vec, b: Vec, radius: float = 1.1) -> Solid:
    return Solid("capsule", [a, b], radius, "line-prop", None, 0.0, bias=3.0)


def box(x0: float, x1: float, y0: float, y1: float, z0: float, z1: float) -> Solid:
    corners = [(x, y, z) for x in (x0, x1) for y in (y0, y1) for z in (z0, z1)]
    return Solid("polygon", corners, 0.0, "prop", "prop-outline", PROP_OUTLINE)


def under(body: Body, prop: Prop, default: str) -> list[Vec]:
    at = prop.at or default
    return body_point(body, at) if at not in PLACES else [body.points["pelvis"]]


def place_point(body: Body, solids: list[Solid], place: str, beyond: float) -> Vec:
    """A point out in `place` (front, back, near, far, above, below) past the whole body."""
    xs, ys, zs = extent(solids, 0), extent(solids, 1), extent(solids, 2)
    middle = mean([body.points["pelvis"], body.points["neck"]])
    return {
        "front": (xs[1] + beyond, middle[1], middle[2]),
        "back": (xs[0] - beyond, middle[1], middle[2]),
        "near": (middle[0], middle[1], zs[1] + beyond),
        "far": (middle[0], middle[1], zs[0] - beyond),
        "above": (middle[0], ys[1] + beyond, middle[2]),
        "below": (middle[0], ys[0] - beyond, middle[2]),
    }[place]


def end_point(body: Body, solids: list[Solid], name: str, other: Vec, beyond: float) -> Vec:
    if name in PLACES:
        out = place_point(body, solids, name, beyond)
        # An anchor in front stays at the height of what pulls on it (a band tied to a door).
        if name in ("front", "back"):
            return (out[0], other[1], other[2])
        if name in ("near", "far"):
            return (other[0], other[1], out[2])
        return (other[0], out[1], other[2])
    return mean(body_point(body, name))


@dataclass
class Staging:
    """The props of one frame, and how high the body must sit to rest on them."""

    body: Body
    figure: Figure
    position: str
    solids: list[Solid]
    lift: float = 0.0
    props: list[Solid] = field(default_factory=list)


def support_lift(stage: Staging) -> float:
    """How far up the body goes so that it rests on what is under it and not in the floor."""
    body_low = lowest(stage.solids)
    ground = 0.0
    lifts: list[float] = []
    kinds = {prop.kind for prop in stage.figure.props}
    if "mat" in kinds:
        ground = MAT
    for prop in stage.figure.props:
        if prop.kind in ("bed", "table") and prop.at is None:
            top = BED_HEIGHT if prop.kind == "bed" else TABLE_HEIGHT
            trunk = [s for s in stage.solids if s.kind == "blob"]
            lifts.append(top - lowest(trunk))
            ground = 0.0 if stage.position not in LYING else top
        elif prop.kind == "step":
            # The feet the step is under: each is drawn from its heel to its toes.
            at = prop.at or "feet"
            sides = ("near", "far") if at == "feet" else (at.split("-")[0],)
            heels = [stage.body.points[f"{side}-heel"] for side in sides if side in SIDES]
            feet = [s for s in stage.solids if s.kind == "capsule" and s.points[0] in heels]
            low = lowest(feet) if feet else body_low
            lifts.append(STEP - low)
        elif prop.kind in ("roller", "ball", "cushion", "towel") and prop.to is None:
            if prop.kind == "ball" and (prop.at in ("knees", "hands", "feet") or prop.at in PLACES):
                continue
            point = mean(under(stage.body, prop, "pelvis"))
            height = {
                "roller": 15.0,
                "ball": 60.0 if prop.size == "large" else 9.0,
                "cushion": 10.0,
                "towel": 8.0,
            }[prop.kind]
            lifts.append(ground + height - (point[1] - part_radius(stage.body, point)))
    return max([ground - body_low, *lifts])


SIDES = ("near", "far")
LYING = ("lying-on-back", "lying-on-front", "side-lying")


def part_radius(body: Body, point: Vec) -> float:
    """How far the body's surface is below a point on it: the trunk is thicker than a calf."""
    nearest = min(body.limbs, key=lambda limb: distance_to_segment(point, limb.start, limb.end))
    d = distance_to_segment(point, nearest.start, nearest.end)
    surface = [body.points[n] for n in ("upper-back", "lower-back", "chest", "belly")]
    if any(math.dist(point, p) < 1e-6 for p in surface):
        return 0.0  # already on the skin
    if math.dist(point, body.points["pelvis"]) < 1e-6 or d > 12:
        return TRUNK_R
    return nearest.radius


def distance_to_segment(p: Vec, a: Vec, b: Vec) -> float:
    ab = (b[0] - a[0], b[1] - a[1], b[2] - a[2])
    ap = (p[0] - a[0], p[1] - a[1], p[2] - a[2])
    length = ab[0] ** 2 + ab[1] ** 2 + ab[2] ** 2
    t = (
        0.0
        if length == 0
        else max(0.0, min(1.0, sum(x * y for x, y in zip(ap, ab, strict=True)) / length))
    )
    return math.dist(p, (a[0] + ab[0] * t, a[1] + ab[1] * t, a[2] + ab[2] * t))


HELD = ("strap", "band", "stick", "weight")


def held_prop(prop: Prop) -> bool:
    """Whether the prop moves with the body (in the hands, around a foot)."""
    return prop.kind in HELD or (prop.kind == "towel" and prop.to is not None)


def props_solids(stage: Staging, which: str = "all") -> list[Solid]:
    """The figure's props around a body already lifted onto its supports: "all", or only the
    "held" ones, or only the "placed" ones (furniture, walls, things lain on)."""
    body, solids = stage.body, stage.solids
    found: list[Solid] = []
    x0, x1 = extent(solids, 0)
    ground = 0.0
    for prop in stage.figure.props:
        kind = prop.kind
        if which != "all" and held_prop(prop) != (which == "held"):
            continue
        if kind == "mat":
            found.append(box(x0 - 10, x1 + 10, 0, MAT, -35, 35))
            ground = MAT
        elif kind in ("bed", "table") and prop.at is not None:
            # Something rests on it (a forearm, a hand): its top just under that point.
            point = mean(body_point(body, prop.at))
            top = point[1] - part_radius(body, point)
            found.append(box(point[0] - 30, point[0] + 45, top - 5, top, -45, 45))
            for x in (point[0] - 26, point[0] + 41):
                found.append(box(x - 2.5, x + 2.5, 0, top - 5, 35, 40))
        elif kind in ("bed", "table"):
            top = BED_HEIGHT if kind == "bed" else TABLE_HEIGHT
            if stage.position in LYING:
                left, right = x0 - 8, x1 + 8
            else:  # sitting on its edge: the bed goes back from under the thighs
                pelvis = body.points["pelvis"]
                left, right = pelvis[0] - 90, max(body.points["near-knee"][0] - 8, pelvis[0] + 15)
            found.append(box(left, right, top - 12, top, -45, 45))
            for x in (left + 6, right - 6):
                found.append(box(x - 2.5, x + 2.5, 0, top - 12, 35, 40))
                found.append(box(x - 2.5, x + 2.5, 0, top - 12, -40, -35))
        elif kind == "chair" and stage.position in ("sitting", "any") and prop.at is None:
            found += chair_under(body, solids)
        elif kind == "chair":
            found += chair_beside(
                end_point(body, solids, prop.at or "near-hand", body.points["near-hand"], 12)
            )
        elif kind == "counter":
            hand = end_point(body, solids, prop.at or "near-hand", body.points["near-hand"], 10)
            found.append(box(hand[0] - 6, hand[0] + 50, 0, hand[1] - FOREARM_R, -60, 60))
        elif kind in ("wall", "doorway"):
            found += wall(body, solids, prop, doorway=kind == "doorway")
        elif kind == "step":
            found += step(body, prop)
        elif kind in ("strap", "band", "towel", "stick") and (kind != "towel" or prop.to):
            found += held(body, solids, prop)
        elif kind in ("roller", "ball", "cushion", "towel"):
            found += resting(body, solids, prop, ground)
        elif kind == "weight":
            found += weight(body, prop)
    return found


def chair_under(body: Body, solids: list[Solid]) -> list[Solid]:
    pelvis = body.points["pelvis"]
    trunk = [s for s in solids if s.kind == "blob"]
    seat = lowest(trunk)
    front = min(max(pelvis[0] + 22, body.points["near-thigh"][0]), pelvis[0] + 30)
    back = pelvis[0] - 22
    parts = [box(back, front, seat - 5, seat, -22, 22)]
    parts.append(box(back - 5, back, seat, seat + 48, -22, 22))
    for x in (back, front - 4):
        parts.append(box(x, x + 4, 0, seat - 5, 18, 22))
    return parts


def chair_beside(hand: Vec) -> list[Solid]:
    """A chair to hold on to: the top of its back under the hand, its seat away from the body."""
    top = hand[1] - FOREARM_R
    seat = top - 42
    x = hand[0]
    return [
        box(x - 3, x + 2, max(seat, 20), top, -22, 22),
        box(x - 3, x + 40, seat - 5, seat, -22, 22),
        box(x - 3, x + 1, 0, seat - 5, 18, 22),
        box(x + 36, x + 40, 0, seat - 5, 18, 22),
    ]


def wall(body: Body, solids: list[Solid], prop: Prop, *, doorway: bool) -> list[Solid]:
    at = prop.at or "front"
    if at in PLACES:
        point = place_point(body, solids, at, 0.5)
        toward = at
    else:
        point = mean(body_point(body, at))
        toward = "front"
    height = 200.0
    x0, x1 = extent(solids, 0)
    if toward in ("front", "back"):
        x = point[0] + (FOREARM_R if toward == "front" else -FOREARM_R)
        if doorway:
            return [
                box(x - 2, x + 2, 0, height, 38, 46),
                box(x - 2, x + 2, 0, height, -46, -38),
                box(x - 2, x + 2, height, height + 6, -46, 46),
            ]
        return [box(x - 2, x + 2, 0, height, -60, 60)]
    if toward in ("near", "far"):
        z = point[2]
        return [box(x0 - 20, x1 + 20, 0, height, z - 2, z + 2)]
    y = point[1]
    return (
        [box(x0 - 20, x0 + 2, 0, max(y, 10), -60, 60)]
        if toward == "below"
        else [box(x0 - 20, x1 + 20, y - 2, y + 2, -60, 60)]
    )


def step(body: Body, prop: Prop) -> list[Solid]:
    at = prop.at or "feet"
    feet = ["near", "far"] if at == "feet" else [at.split("-")[0]]
    heels = [body.points[f"{s}-heel"][0] for s in feet]
    toes = [body.points[f"{s}-toes"][0] for s in feet]
    back, front = min(heels + toes) - 14, max(heels + toes) + 2
    return [box(back, front, 0, STEP, -25, 25)]


def held(body: Body, solids: list[Solid], prop: Prop) -> list[Solid]:
    kind = prop.kind
    start_name = prop.at or "near-hand"
    start = (
        mean(body_point(body, start_name))
        if start_name not in PLACES
        else place_point(body, solids, start_name, 30)
    )
    default_to = {"strap": "near-foot", "band": "front", "towel": "far-hand", "stick": "far-hand"}[
        kind
    ]
    end = end_point(body, solids, prop.to or default_to, start, 35)
    if kind == "stick":
        direction = (end[0] - start[0], end[1] - start[1], end[2] - start[2])
        length = math.dist(start, end) or 1.0
        unit = (direction[0] / length, direction[1] / length, direction[2] / length)
        return [
            Solid(
                "capsule",
                [along(start, unit, -12), along(end, unit, 25)],
                1.6,
                "prop",
                "prop-outline",
                PROP_OUTLINE,
                bias=3.0,
            )
        ]
    if kind == "towel":
        return [Solid("capsule", [start, end], 2.4, "prop", "prop-outline", PROP_OUTLINE, bias=3.0)]
    found = [line_solid(start, end, 1.0 if kind == "band" else 1.2)]
    if kind == "band" and (prop.to or default_to) in PLACES:
        # The band's anchor: the edge of a door, the band tied at the hand's height.
        found.append(box(end[0] - 1.5, end[0] + 1.5, 0, 200, end[2] - 20, end[2] + 20))
        found.append(Solid("disc", [end], 2.6, "line-prop", None, 0.0, bias=3.0))
    return found


def resting(body: Body, solids: list[Solid], prop: Prop, ground: float) -> list[Solid]:
    at = prop.at or "pelvis"
    if prop.kind == "ball" and (at in ("knees", "hands", "feet") or at in PLACES):
        # Squeezed between two parts, or pressed between the body and a wall.
        radius = 30.0 if prop.size == "large" else 9.0
        centre = (
            mean(body_point(body, at))
            if at not in PLACES
            else place_point(body, solids, at, radius - 2)
        )
        return [prop_solid("disc", [centre], radius)]
    point = mean(body_point(body, at))
    surface = point[1] - part_radius(body, point)
    if prop.kind == "roller":
        centre = (point[0], surface - 7.5, point[2])
        return [
            prop_solid("capsule", [(centre[0], centre[1], -22), (centre[0], centre[1], 22)], 7.5)
        ]
    if prop.kind == "ball":
        radius = 30.0 if prop.size == "large" else 4.5
        return [prop_solid("disc", [(point[0], surface - radius, point[2])], radius)]
    if prop.kind == "towel":
        return [
            prop_solid("capsule", [(point[0], surface - 4, -15), (point[0], surface - 4, 15)], 4.0)
        ]
    # A cushion: a soft block under the part.
    return [
        Solid(
            "blob",
            [
                (point[0] + dx, surface - 5 + dy, dz)
                for dx in (-13, 13)
                for dy in (-2, 2)
                for dz in (-18, 18)
            ],
            3.0,
            "prop",
            "prop-outline",
            PROP_OUTLINE,
        )
    ]


def weight(body: Body, prop: Prop) -> list[Solid]:
    at = prop.at or "near-hand"
    points = body_point(body, at)
    found: list[Solid] = []
    for point in points:
        if at.endswith("ankle") or at.endswith("foot"):
            found.append(Solid("disc", [point], 6.0, "line-prop", "outline", OUTLINE / 2, bias=4.0))
            continue
        axis = (math.sin(math.radians(30)), 0.0, math.cos(math.radians(30)))
        a, b = along(point, axis, -8), along(point, axis, 8)
        found.append(Solid("capsule", [a, b], 1.6, "line-prop", "outline", OUTLINE / 2, bias=4.0))
        for end in (a, b):
            found.append(Solid("disc", [end], 4.5, "line-prop", "outline", OUTLINE / 2, bias=4.1))
    return found


TRACKED = (
    "near-hand",
    "far-hand",
    "near-toes",
    "far-toes",
    "near-knee",
    "far-knee",
    "near-elbow",
    "far-elbow",
    "head",
    "pelvis",
)


HAND_POINTS = (
    "near-hand",
    "far-hand",
    "hands",
    "near-thumb",
    "far-thumb",
    "near-forearm",
    "far-forearm",
)


def detailed_hands(figure: Figure) -> bool:
    """Fingers and thumbs are drawn in a close-up of a hand, or when the pose moves them; at
    the size of a whole body they would only be clutter."""
    if figure.focus in HAND_POINTS:
        return True
    poses = [figure.pose, *(frame.pose for frame in figure.frames)]
    return any(key.endswith(("fingers", "thumb")) for pose in poses for (key, _), _ in pose)


def staged(
    figure: Figure,
    position: str,
    angles: dict[tuple[str, str], float],
    *,
    with_props: bool = True,
) -> Staging:
    body = pose_body(position, angles, detailed_hands=detailed_hands(figure))
    stage = Staging(body, figure, position, body_solids(body))
    stage.lift = support_lift(stage)
    shifted(stage.solids, stage.lift)
    up = (0.0, stage.lift, 0.0)
    # Everything of the body goes up together: props placed against a limb measure from it.
    stage.body = Body(
        {name: add(p, up) for name, p in body.points.items()},
        tuple(
            Limb(add(limb.start, up), add(limb.end, up), limb.radius, limb.side)
            for limb in body.limbs
        ),
        body.trunk,
        add(body.head, up),
        body.face,
    )
    if with_props:
        stage.props = props_solids(stage)
    return stage


def flatten(solids: list[Solid], camera: Camera) -> list[Shape]:
    ordered = sorted(solids, key=lambda s: s.depth(camera))
    shapes = []
    for solid in ordered:
        points = [camera.flat(p) for p in solid.points]
        if solid.kind == "polygon" or solid.kind == "blob":
            points = hull(points)
        shapes.append(
            Shape(
                solid.kind,
                tuple(points),
                solid.radius,
                solid.fill,
                solid.outline,
                solid.outline_width,
            )
        )
    return shapes


def hull(points: list[Point]) -> list[Point]:
    """The convex hull, counter-clockwise (Andrew's monotone chain)."""
    unique = sorted(set(points))
    if len(unique) <= 2:
        return unique

    def cross(o: Point, a: Point, b: Point) -> float:
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower: list[Point] = []
    for p in unique:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    upper: list[Point] = []
    for p in reversed(unique):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    return lower[:-1] + upper[:-1]


def bounds(shapes: Iterable[Shape]) -> tuple[float, float, float, float]:
    xs: list[float] = []
    ys: list[float] = []
    for shape in shapes:
        grow = shape.radius + shape.outline_width
        for x, y in shape.points:
            xs += [x - grow, x + grow]
            ys += [y - grow, y + grow]
    return min(xs), min(ys), max(xs), max(ys)


def moved(shapes: Iterable[Shape], dx: float, dy: float) -> list[Shape]:
    return [s.moved(tuple((x + dx, y + dy) for x, y in s.points)) for s in shapes]


def figure_position(figure: Figure, exercise_position: str | None) -> str:
    position = figure.position or exercise_position or "standing"
    return "standing" if position == "any" else position


def picture(
    figure: Figure,
    exercise_position: str | None = None,
    *,
    mirrored: bool = False,
    stacked: bool = False,
) -> Picture:
    """The whole picture: each frame drawn, laid out left to right (or top to bottom when
    `stacked`), with arrows between."""
    laid = laid_out(drawn_frames(figure, figure_position(figure, exercise_position)), stacked)
    return laid.mirrored() if mirrored else laid


@dataclass(frozen=True)
class Frames:
    """Each frame drawn on its own, before they are laid out side by side or stacked."""

    panels: tuple[tuple[Shape, ...], ...]
    boxes: tuple[tuple[float, float, float, float], ...]
    holds: tuple[bool, ...]
    floor: float
    grounded: bool
    clipped: bool


@functools.lru_cache(maxsize=512)
def drawn_frames(figure: Figure, position: str) -> Frames:
    """The frames of a figure (cached: the handout tries two layouts, the app redraws)."""
    camera = Camera.of(figure)
    poses = figure.frame_poses()
    # With props_stay, the chair stays where it was when the figure stands up from it and the
    # wall where it was while the hand walks up it; what is held moves with the hands.
    stages = [
        staged(figure, position, angles, with_props=index == 0 or not figure.props_stay)
        for index, (angles, _) in enumerate(poses)
    ]
    if figure.props_stay:
        fixed = props_solids(stages[0], "placed")
        for stage in stages[1:]:
            stage.props = [*fixed, *props_solids(stage, "held")]
    panels: list[list[Shape]] = []
    for index, stage in enumerate(stages):
        panel = flatten([*stage.props, *stage.solids], camera)
        if index and figure.arrows:
            panel += motion_arrow(figure, position, camera, poses[index - 1][0], poses[index][0])
        squeeze = figure.frames[index].squeeze if figure.frames else None
        if squeeze is not None:
            point = mean(body_point(stage.body, squeeze))
            panel += squeeze_mark(camera.flat(point), part_radius(stage.body, point))
        panels.append(panel)
    # One floor for every frame: each frame's floor is at y = 0 before the camera, so in a
    # level view the frames already share it.
    floor = camera.flat((0.0, 0.0, 0.0))[1]
    boxes = [bounds(panel) for panel in panels]
    windows = focus_windows(figure, stages, camera) if figure.focus else None
    if windows is not None:
        boxes = windows
    # A ground line only in a level view: seen from above at a slant, the floor is a plane, and a
    # level line would cut through the mat.
    grounded = abs(camera.tilt) < 1 and (windows is None or windows[0][1] <= floor)
    return Frames(
        tuple(tuple(panel) for panel in panels),
        tuple(boxes),
        tuple(hold for _, hold in poses),
        floor,
        grounded,
        windows is not None,
    )


def laid_out(frames: Frames, stacked: bool) -> Picture:
    panels, boxes, floor, grounded = frames.panels, frames.boxes, frames.floor, frames.grounded
    bottom = min(min(b[1] for b in boxes), floor) if grounded else min(b[1] for b in boxes)
    top = max(b[3] for b in boxes)
    cell_h = top - bottom
    # A held frame keeps room at its top right for the stopwatch, clear of a raised hand.
    rooms = [HOLD_ROOM if hold else 0.0 for hold in frames.holds]
    widths = [b[2] - b[0] + room for b, room in zip(boxes, rooms, strict=True)]
    count = len(panels)
    if stacked:
        width = max(widths) + 2 * MARGIN
        height = count * cell_h + (count - 1) * FRAME_GAP + 2 * MARGIN
    else:
        width = sum(widths) + (count - 1) * FRAME_GAP + 2 * MARGIN
        height = cell_h + 2 * MARGIN
    shapes: list[Shape] = []
    x = MARGIN
    for index, (panel, (left, _, right, _)) in enumerate(zip(panels, boxes, strict=True)):
        panel_w = right - left
        if stacked:
            x = MARGIN + (max(widths) - widths[index]) / 2
            y = height - MARGIN - (index + 1) * cell_h - index * FRAME_GAP
        else:
            y = MARGIN
        dx, dy = x - left, y - bottom
        placed = moved(panel, dx, dy)  # a list, for the clip marks around it
        if grounded:
            ground_y = floor + dy
            shapes.append(
                Shape("line", ((x - 3, ground_y), (x + widths[index] + 3, ground_y)), 0.5, "ground")
            )
        if frames.clipped:
            window = ((x, y), (x + panel_w, y + cell_h))
            placed = [
                Shape("clip", window, 0.0, "paper"),
                *placed,
                Shape("unclip", (), 0.0, "paper"),
            ]
        shapes += placed
        if frames.holds[index]:
            shapes += hold_mark((x + widths[index] - 7, y + cell_h - 9))
        if index < count - 1:
            if stacked:
                shapes += between_arrow((width / 2, y - FRAME_GAP / 2), down=True)
            else:
                shapes += between_arrow((x + widths[index] + FRAME_GAP / 2, height / 2))
        x += widths[index] + FRAME_GAP
    return Picture(tuple(shapes), width, height)


FOCUS_HALF = 26.0
HOLD_ROOM = 16.0
HAND_HALF = 17.0  # a hand is small: its close-up is closer


def focus_windows(
    figure: Figure, stages: list[Staging], camera: Camera
) -> list[tuple[float, float, float, float]]:
    """The same square around the focus point in every frame, wide enough for its travel."""
    assert figure.focus is not None
    seen = [camera.flat(mean(body_point(stage.body, figure.focus))) for stage in stages]
    xs, ys = [p[0] for p in seen], [p[1] for p in seen]
    least = HAND_HALF if figure.focus in HAND_POINTS else FOCUS_HALF
    half = max(least, (max(xs) - min(xs)) / 2 + 12, (max(ys) - min(ys)) / 2 + 12)
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    return [(cx - half, cy - half, cx + half, cy + half)] * len(stages)


def interpolate(
    a: dict[tuple[str, str], float], b: dict[tuple[str, str], float], t: float
) -> dict[tuple[str, str], float]:
    keys = set(a) | set(b)
    return {k: a.get(k, 0.0) + (b.get(k, 0.0) - a.get(k, 0.0)) * t for k in keys}


def motion_arrow(
    figure: Figure,
    position: str,
    camera: Camera,
    start: dict[tuple[str, str], float],
    end: dict[tuple[str, str], float],
) -> list[Shape]:
    """The path the moving part takes from the last frame to this one, beside the body."""
    from library.figure_body import base_angles

    start = {**base_angles(position), **start}
    end = {**base_angles(position), **end}
    steps = [
        staged(figure, position, interpolate(start, end, i / 12), with_props=False)
        for i in range(13)
    ]
    names = [figure.track] if figure.track else [n for n in TRACKED]

    def path(name: str) -> list[Point]:
        found: list[Point] = []
        for stage in steps:
            points = (
                body_point(stage.body, name)
                if name in stage.body.points or name in ("hands", "feet", "knees")
                else [stage.body.points.get(name, (0, 0, 0))]
            )
            found.append(camera.flat(mean(points)))
        return found

    def travel(points: list[Point]) -> float:
        return math.dist(points[0], points[-1])

    best = max((path(name) for name in names), key=travel)
    if travel(best) < 8:
        return []
    # Beside the limb, not on it: pushed out from the middle of the body.
    centre = camera.flat(steps[-1].body.points["pelvis"])
    pushed: list[Point] = []
    for x, y in best:
        dx, dy = x - centre[0], y - centre[1]
        d = math.hypot(dx, dy) or 1.0
        pushed.append((x + dx / d * 11, y + dy / d * 11))
    return arrow_line(pushed[1:-1] if len(pushed) > 4 else pushed)


def arrow_line(points: list[Point]) -> list[Shape]:
    if len(points) < 2:
        return []
    tip = points[-1]
    back = points[-2]
    dx, dy = tip[0] - back[0], tip[1] - back[1]
    d = math.hypot(dx, dy) or 1.0
    ux, uy = dx / d, dy / d
    head = 7.0
    base = (tip[0] - ux * head, tip[1] - uy * head)
    # The line stops where the head begins, so that its round end does not blunt the point.
    line = [*points[:-1], base]
    wing = 4.5
    return [
        Shape("line", tuple(line), 1.1, "arrow"),
        Shape(
            "polygon",
            (
                (tip[0] + ux * 2, tip[1] + uy * 2),
                (base[0] - uy * wing, base[1] + ux * wing),
                (base[0] + uy * wing, base[1] - ux * wing),
            ),
            0.0,
            "arrow",
        ),
    ]


def between_arrow(centre: Point, *, down: bool = False) -> list[Shape]:
    """A plain arrow pointing from one frame to the next."""
    x, y = centre
    if down:
        return [
            Shape("line", ((x, y + 10), (x, y - 3)), 2.0, "between"),
            Shape("polygon", ((x, y - 11), (x + 7, y - 2), (x - 7, y - 2)), 0.0, "between"),
        ]
    return [
        Shape("line", ((x - 10, y), (x + 3, y)), 2.0, "between"),
        Shape("polygon", ((x + 11, y), (x + 2, y + 7), (x + 2, y - 7)), 0.0, "between"),
    ]


def squeeze_mark(centre: Point, radius: float) -> list[Shape]:
    """Short strokes all around a part: tighten the muscles here."""
    x, y = centre
    inner, outer = radius + 2.5, radius + 7.0
    strokes = []
    for step in range(8):
        angle = math.radians(22.5 + step * 45)
        c, s = math.cos(angle), math.sin(angle)
        strokes.append(
            Shape(
                "line",
                ((x + c * inner, y + s * inner), (x + c * outer, y + s * outer)),
                0.9,
                "arrow",
            )
        )
    return strokes


def hold_mark(centre: Point) -> list[Shape]:
    """A stopwatch: hold this position."""
    x, y = centre
    return [
        Shape("capsule", ((x, y + 6.5), (x, y + 8.5)), 1.4, "outline"),
        Shape("disc", ((x, y),), 6.0, "paper", "outline", 1.2),
        Shape("line", ((x, y), (x, y + 4)), 0.6, "outline"),
        Shape("line", ((x, y), (x + 3, y)), 0.6, "outline"),
    ]


def exercise_picture(
    exercise: Exercise, side: str | None = None, *, stacked: bool = False
) -> Picture | None:
    """The exercise's figure, drawn for `side`: the plain figure shows the right side (the near
    side), so a left item gets it mirrored. None when the exercise has no figure."""
    if exercise.figure is None:
        return None
    return picture(exercise.figure, exercise.position, mirrored=side == "left", stacked=stacked)


def fitted_picture(
    exercise: Exercise, side: str | None, width: float, height: float
) -> Picture | None:
    """The frames side by side or one above the other, whichever is drawn larger in a box of
    `width` × `height`: two frames of a figure lying down are long and low."""
    row = exercise_picture(exercise, side)
    if row is None or len(exercise.figure.frame_poses() if exercise.figure else []) < 2:
        return row
    column = exercise_picture(exercise, side, stacked=True)
    assert column is not None

    def scale(drawn: Picture) -> float:
        return min(width / drawn.width, height / drawn.height)

    return column if scale(column) > scale(row) * 1.05 else row
