"""The standard adult: proportions, base positions and the joint angles that move them.

Everything is in centimetres in a world where x points the way a standing figure faces, y up,
and z toward the viewer of a side view. The near side (the side an exercise works, the one an
item's `side` names) is the body's right in this world, so the plain picture shows the right
side and a left item is drawn mirrored.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

Vec = tuple[float, float, float]

# Lengths, from one joint centre to the next.
LOWER_TRUNK = 22.0  # pelvis to waist
UPPER_TRUNK = 28.0  # waist to the base of the neck
NECK_TO_HEAD = 17.0  # base of the neck to the centre of the head
UPPER_ARM = 30.0
FOREARM = 26.0
HAND = 9.0
THIGH = 44.0
SHIN = 42.0
FOOT = 16.0  # ankle to toes
HEEL = 5.0
TOES = 5.5  # the ball of the foot to the tips of the toes
HIP_OUT = 9.0  # a hip joint from the middle of the pelvis
HIP_DOWN = 4.0
SHOULDER_OUT = 17.0
SHOULDER_DOWN = 3.0
# How thick each part is drawn (radius).
HEAD_R = 11.0
NECK_R = 5.0
TRUNK_R = 10.0
TRUNK_HALF = (8.0, 10.0, 12.0)  # half widths at pelvis, waist and shoulders
UPPER_ARM_R = 4.6
FOREARM_R = 3.9
HAND_R = 3.0
THIGH_R = 7.0
SHIN_R = 5.2
FOOT_R = 3.4


def add(a: Vec, b: Vec) -> Vec:
    return (a[0] + b[0], a[1] + b[1], a[2] + b[2])


def scale(a: Vec, k: float) -> Vec:
    return (a[0] * k, a[1] * k, a[2] * k)


def along(origin: Vec, direction: Vec, length: float) -> Vec:
    return add(origin, scale(direction, length))


def rotate(v: Vec, axis: Vec, degrees: float) -> Vec:
    """`v` turned about the unit vector `axis` by the right-hand rule (Rodrigues)."""
    angle = math.radians(degrees)
    c, s = math.cos(angle), math.sin(angle)
    ax, ay, az = axis
    dot = v[0] * ax + v[1] * ay + v[2] * az
    cross = (ay * v[2] - az * v[1], az * v[0] - ax * v[2], ax * v[1] - ay * v[0])
    return (
        v[0] * c + cross[0] * s + ax * dot * (1 - c),
        v[1] * c + cross[1] * s + ay * dot * (1 - c),
        v[2] * c + cross[2] * s + az * dot * (1 - c),
    )


@dataclass(frozen=True)
class Axes:
    """A part's own directions: a (to its front), s (up along it), r (to the body's right)."""

    a: Vec
    s: Vec
    r: Vec

    def turned(self, axis: str, degrees: float) -> Axes:
        if not degrees:
            return self
        about = getattr(self, axis)
        return Axes(
            rotate(self.a, about, degrees),
            rotate(self.s, about, degrees),
            rotate(self.r, about, degrees),
        )


UPRIGHT = Axes(a=(1.0, 0.0, 0.0), s=(0.0, 1.0, 0.0), r=(0.0, 0.0, 1.0))

# Each position: how the pelvis lies in the world, and the angles it starts from.
BASES: dict[str, tuple[Axes, dict[tuple[str, str], float]]] = {
    "standing": (UPRIGHT, {}),
    "sitting": (UPRIGHT, {("hip", "flex"): 90, ("knee", "flex"): 90}),
    # On the back, head to the left; on the front, head to the right: both keep the near side
    # toward the viewer.
    "lying-on-back": (Axes(a=(0, 1, 0), s=(-1, 0, 0), r=(0, 0, 1)), {("ankle", "flex"): -20}),
    "lying-on-front": (Axes(a=(0, -1, 0), s=(1, 0, 0), r=(0, 0, 1)), {("ankle", "flex"): -60}),
    # On the far side, near side up, facing the viewer, head to the right.
    "side-lying": (
        Axes(a=(0, 0, 1), s=(1, 0, 0), r=(0, 1, 0)),
        {
            ("hip", "flex"): 20,
            ("knee", "flex"): 30,
            ("shoulder", "flex"): 90,
            ("elbow", "flex"): 90,
        },
    ),
    "kneeling": (UPRIGHT, {("knee", "flex"): 90, ("ankle", "flex"): -75}),
    "half-kneeling": (
        UPRIGHT,
        {
            ("near-knee", "flex"): 90,
            ("near-ankle", "flex"): -75,
            ("far-hip", "flex"): 90,
            ("far-knee", "flex"): 90,
        },
    ),
    "hands-and-knees": (
        Axes(a=(0, -1, 0), s=(1, 0, 0), r=(0, 0, 1)),
        {
            ("hip", "flex"): 90,
            ("knee", "flex"): 90,
            ("ankle", "flex"): -75,
            ("shoulder", "flex"): 90,
            ("wrist", "flex"): 80,
        },
    ),
}
BASES["any"] = BASES["standing"]


def base_angles(position: str) -> dict[tuple[str, str], float]:
    return dict(BASES.get(position, BASES["standing"])[1])


def angle(angles: dict[tuple[str, str], float], side: str, joint: str, move: str) -> float:
    """A side's angle: its own (`near-knee`) wins over both sides' (`knee`)."""
    own = angles.get((f"{side}-{joint}", move))
    return own if own is not None else angles.get((joint, move), 0.0)


@dataclass(frozen=True)
class Limb:
    """One drawn part: from `start` to `end`, this thick, on this side ("near", "far" or
    "mid" for the trunk and head)."""

    start: Vec
    end: Vec
    radius: float
    side: str


@dataclass(frozen=True)
class Body:
    points: dict[str, Vec]
    limbs: tuple[Limb, ...]
    trunk: tuple[tuple[Vec, ...], tuple[Vec, ...]]  # outlines of the lower and upper trunk
    head: Vec
    face: Vec  # the way the face points


def spine(axes: Axes, angles: dict[tuple[str, str], float], joint: str) -> Axes:
    flex = angles.get((joint, "flex"), 0.0)
    side = angles.get((joint, "side"), 0.0)
    turn = angles.get((joint, "turn"), 0.0)
    # Bending forward takes up (s) toward the front (a), which is a turn about r backwards.
    return axes.turned("r", -flex).turned("a", side).turned("s", -turn)


def pose_body(
    position: str, angles: dict[tuple[str, str], float], *, detailed_hands: bool = False
) -> Body:
    """The figure in `position`, its base angles replaced by those given, pelvis at the origin
    (or moved forward by the body's `forward`). `detailed_hands` draws fingers and thumbs."""
    pelvis_axes = BASES.get(position, BASES["standing"])[0]
    merged = {**base_angles(position), **angles}
    body_angles = {move: merged.get(("body", move), 0.0) for move in ("tilt", "roll", "turn")}
    pelvis_axes = (
        pelvis_axes.turned("s", -body_angles["turn"])
        .turned("r", -body_angles["tilt"])
        .turned("a", body_angles["roll"])
    )
    # The body's turn/tilt/roll are about its own axes; expressed in world terms they keep
    # meaning the same thing whatever the base position.
    pelvis: Vec = (merged.get(("body", "forward"), 0.0), 0.0, 0.0)
    lower = spine(pelvis_axes, merged, "lower-trunk")
    waist = along(pelvis, lower.s, LOWER_TRUNK)
    upper = spine(lower, merged, "upper-trunk")
    neck_base = along(waist, upper.s, UPPER_TRUNK)
    neck = spine(upper, merged, "neck")
    head = along(neck_base, neck.s, NECK_TO_HEAD)
    points: dict[str, Vec] = {
        "pelvis": pelvis,
        "lower-back": along(along(pelvis, lower.s, LOWER_TRUNK / 2), lower.a, -TRUNK_R),
        "belly": along(along(pelvis, lower.s, LOWER_TRUNK / 2), lower.a, TRUNK_R),
        "upper-back": along(along(waist, upper.s, UPPER_TRUNK / 2), upper.a, -TRUNK_R),
        "chest": along(along(waist, upper.s, UPPER_TRUNK / 2), upper.a, TRUNK_R),
        "neck": neck_base,
        "head": head,
    }
    limbs: list[Limb] = [Limb(neck_base, head, NECK_R, "mid")]
    # The trunk seen from the front is wider than it is deep: its outline runs through points
    # out to each side, which a side view sees end on and a front view sees spread.
    lower_outline: list[Vec] = []
    upper_outline: list[Vec] = []
    for side, sign in (("near", 1.0), ("far", -1.0)):
        lower_outline += [
            along(pelvis, lower.r, sign * TRUNK_HALF[0]),
            along(waist, lower.r, sign * TRUNK_HALF[1]),
        ]
        upper_outline += [
            along(waist, upper.r, sign * TRUNK_HALF[1]),
            along(along(neck_base, upper.s, -SHOULDER_DOWN), upper.r, sign * TRUNK_HALF[2]),
        ]
        limbs += arm(side, sign, neck_base, upper, merged, points, detailed_hands)
        limbs += leg(side, sign, pelvis, pelvis_axes, merged, points)
    return Body(points, tuple(limbs), (tuple(lower_outline), tuple(upper_outline)), head, neck.a)


def limb_axes(
    base: Axes, sign: float, angles: dict[tuple[str, str], float], side: str, joint: str
) -> Axes:
    """A limb's axes at a ball joint: flexed forward, taken out to the side, turned outward."""
    axes = base.turned("s", sign * angle(angles, side, joint, "across"))
    axes = axes.turned("r", angle(angles, side, joint, "flex"))
    axes = axes.turned("a", -sign * angle(angles, side, joint, "abd"))
    return axes.turned("s", -sign * angle(angles, side, joint, "rot"))


def arm(
    side: str,
    sign: float,
    neck_base: Vec,
    upper: Axes,
    angles: dict[tuple[str, str], float],
    points: dict[str, Vec],
    detailed: bool,
) -> list[Limb]:
    # The shoulder blade carries the shoulder: lifted (a shrug) or pulled back (a squeeze).
    lift = angle(angles, side, "shoulder-blade", "lift")
    back = angle(angles, side, "shoulder-blade", "back")
    shoulder = along(along(neck_base, upper.s, lift - SHOULDER_DOWN), upper.r, sign * SHOULDER_OUT)
    shoulder = along(shoulder, upper.a, -back)
    upper_arm = limb_axes(upper, sign, angles, side, "shoulder")
    elbow = along(shoulder, upper_arm.s, -UPPER_ARM)
    forearm = upper_arm.turned("r", angle(angles, side, "elbow", "flex"))
    # Turning the palm down (pronation) turns the forearm about its length.
    forearm = forearm.turned("s", sign * angle(angles, side, "elbow", "turn"))
    wrist = along(elbow, forearm.s, -FOREARM)
    hand_axes = forearm.turned("r", angle(angles, side, "wrist", "flex"))
    hand_axes = hand_axes.turned("a", -sign * angle(angles, side, "wrist", "side"))
    hand = along(wrist, hand_axes.s, -HAND)
    points.update(
        {
            f"{side}-shoulder": shoulder,
            f"{side}-upper-arm": along(shoulder, upper_arm.s, -UPPER_ARM / 2),
            f"{side}-elbow": elbow,
            f"{side}-forearm": along(elbow, forearm.s, -FOREARM / 2),
            f"{side}-hand": along(wrist, hand_axes.s, -HAND / 2),
            f"{side}-thumb": along(wrist, hand_axes.s, -HAND / 2),
        }
    )
    limbs = [Limb(shoulder, elbow, UPPER_ARM_R, side), Limb(elbow, wrist, FOREARM_R, side)]
    if not detailed:
        return [*limbs, Limb(wrist, hand, HAND_R, side)]
    return limbs + hand_parts(side, sign, wrist, hand_axes, angles, points)


PALM = 5.5  # wrist to knuckles
FINGER = (4.5, 3.5)  # the two parts of a finger drawn
FINGER_R = 1.0
THUMB = (3.2, 3.0)
THUMB_R = 1.25


def hand_parts(
    side: str,
    sign: float,
    wrist: Vec,
    hand: Axes,
    angles: dict[tuple[str, str], float],
    points: dict[str, Vec],
) -> list[Limb]:
    """A hand with a palm, four fingers and a thumb, for close-ups of hand exercises.

    The palm faces the hand's front (a); the thumb is on the side of the body's outside (r)
    as in standing with the palms forward; bending the fingers curls them toward the palm."""
    knuckles = along(wrist, hand.s, -PALM)
    parts = [Limb(along(wrist, hand.s, -1.0), knuckles, 2.6, side)]
    curl = angle(angles, side, "fingers", "flex")
    spread = angle(angles, side, "fingers", "spread")
    tips = angle(angles, side, "fingers", "tips")
    names = ("index", "middle", "ring", "little")
    for index, across in enumerate((2.4, 0.8, -0.8, -2.4)):
        fan = spread * (1.5 - index) / 1.5
        finger = hand.turned("a", -sign * fan)
        start = along(knuckles, hand.r, sign * across)
        # The middle fingers are a little longer than the outer ones.
        scale = 1.0 if index in (1, 2) else 0.85
        own = curl + angle(angles, side, "fingers", names[index])
        first = finger.turned("r", own)
        middle = along(start, first.s, -FINGER[0] * scale)
        second = first.turned("r", own + tips)
        tip = along(middle, second.s, -FINGER[1] * scale)
        parts += [Limb(start, middle, FINGER_R, side), Limb(middle, tip, FINGER_R * 0.9, side)]
    thumb_base = along(along(wrist, hand.s, -1.8), hand.r, sign * 2.4)
    thumb = hand.turned("a", -sign * 35).turned("r", 20)
    thumb = thumb.turned("a", sign * angle(angles, side, "thumb", "flex"))
    thumb = thumb.turned("r", angle(angles, side, "thumb", "abd"))
    joint = along(thumb_base, thumb.s, -THUMB[0])
    bent = thumb.turned("a", sign * angle(angles, side, "thumb", "flex") * 0.6)
    thumb_tip = along(joint, bent.s, -THUMB[1])
    parts += [Limb(thumb_base, joint, THUMB_R, side), Limb(joint, thumb_tip, THUMB_R, side)]
    points[f"{side}-thumb"] = thumb_tip
    return parts


def leg(
    side: str,
    sign: float,
    pelvis: Vec,
    pelvis_axes: Axes,
    angles: dict[tuple[str, str], float],
    points: dict[str, Vec],
) -> list[Limb]:
    hip = along(along(pelvis, pelvis_axes.s, -HIP_DOWN), pelvis_axes.r, sign * HIP_OUT)
    thigh = limb_axes(pelvis_axes, sign, angles, side, "hip")
    knee = along(hip, thigh.s, -THIGH)
    shin = thigh.turned("r", -angle(angles, side, "knee", "flex"))
    ankle = along(knee, shin.s, -SHIN)
    foot = shin.turned("r", angle(angles, side, "ankle", "flex"))
    # Toes turned in (out is negative): the foot turns about the shin.
    foot = foot.turned("s", sign * angle(angles, side, "ankle", "turn"))
    toes = along(along(ankle, foot.a, FOOT), foot.s, -5.0)
    heel = along(along(ankle, foot.a, -HEEL), foot.s, -5.0)
    curl = angles.get((f"{side}-toes", "flex"), angles.get(("toes", "flex")))
    limbs = [Limb(hip, knee, THIGH_R, side), Limb(knee, ankle, SHIN_R, side)]
    if curl is None:
        limbs.append(Limb(heel, toes, FOOT_R, side))
    else:
        # Toes drawn apart from the foot only when a pose moves them (curling a towel).
        ball = along(along(ankle, foot.a, FOOT - TOES), foot.s, -5.0)
        toes = along(ball, foot.turned("r", -curl).a, TOES)
        limbs += [Limb(heel, ball, FOOT_R, side), Limb(ball, toes, FOOT_R * 0.8, side)]
    points.update(
        {
            f"{side}-hip": hip,
            f"{side}-thigh": along(hip, thigh.s, -THIGH / 2),
            f"{side}-knee": knee,
            f"{side}-calf": along(knee, shin.s, -SHIN / 2),
            f"{side}-ankle": ankle,
            f"{side}-foot": along(ankle, foot.a, FOOT / 2),
            f"{side}-heel": heel,
            f"{side}-toes": toes,
        }
    )
    return limbs
