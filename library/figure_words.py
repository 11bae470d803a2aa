"""The words a figure may use: joints and how far each can move, props, body points, views.

The ranges are what an adult body can do (a little beyond a textbook's normal range, so that a
flexible patient can be drawn), not what a given exercise asks for.
"""

from __future__ import annotations

# Joint → {movement: (lowest, highest)} in degrees. The first movement is the one a bare number
# means: `knee = 90` is `knee = { flex = 90 }`.
#   flex: bending forward (hip, shoulder, trunk, neck), bending the knee, elbow or wrist, and
#         for the ankle pulling the toes up (pointing them is negative)
#   abd: moving the limb out to the side, away from the body
#   rot: turning the limb outward about its length (inward is negative)
#   across: swinging a raised arm across the front of the body
#   side: bending the trunk or neck toward the near side; turn: twisting toward it
#   fingers: flex curls all four at each knuckle; tips bends their end halves more (a hook
#   fist); index, middle, ring and little curl that one finger more
JOINTS: dict[str, dict[str, tuple[float, float]]] = {
    "neck": {"flex": (-70, 80), "side": (-45, 45), "turn": (-80, 80)},
    "upper-trunk": {"flex": (-40, 70), "side": (-40, 40), "turn": (-50, 50)},
    "lower-trunk": {"flex": (-40, 90), "side": (-40, 40), "turn": (-40, 40)},
    "shoulder": {"flex": (-70, 185), "abd": (-40, 185), "rot": (-95, 100), "across": (-60, 140)},
    "elbow": {"flex": (0, 155), "turn": (-10, 190)},
    "wrist": {"flex": (-85, 85), "side": (-40, 30)},
    "fingers": {
        "flex": (-30, 100),
        "spread": (0, 30),
        "tips": (-100, 100),
        "index": (-30, 100),
        "middle": (-30, 100),
        "ring": (-30, 100),
        "little": (-30, 100),
    },
    "thumb": {"flex": (-20, 70), "abd": (-20, 70)},
    "hip": {"flex": (-35, 145), "abd": (-35, 70), "rot": (-55, 60)},
    "knee": {"flex": (-5, 160)},
    "ankle": {"flex": (-85, 40), "turn": (-40, 40)},
    "toes": {"flex": (-50, 70)},
    # Centimetres, not degrees: how far the shoulder is lifted (a shrug) and pulled back
    # toward the spine (a squeeze; rounded forward is negative).
    "shoulder-blade": {"lift": (-2, 6), "back": (-6, 6)},
}
SIDED_JOINTS = (
    "shoulder-blade",
    "shoulder",
    "elbow",
    "wrist",
    "fingers",
    "thumb",
    "hip",
    "knee",
    "ankle",
    "toes",
)
# The whole body turned from its base position: tilt pitches it forward (head down), roll
# rolls it toward the near side, turn spins it about the vertical.
BODY = {
    "tilt": (-180.0, 180.0),
    "roll": (-180.0, 180.0),
    "turn": (-180.0, 180.0),
    "forward": (-150.0, 150.0),  # centimetres, not degrees: the body moved along the floor
}


def joint_keys() -> list[str]:
    """Every key a pose may use: `hip` (both sides), `near-hip`, `far-hip`, `neck`, `body`."""
    keys = [*JOINTS]
    for joint in SIDED_JOINTS:
        keys += [f"near-{joint}", f"far-{joint}"]
    return [*keys, "body"]


def movements(key: str) -> dict[str, tuple[float, float]]:
    if key == "body":
        return BODY
    return JOINTS[key.removeprefix("near-").removeprefix("far-")]


# Points on the body a prop can be placed at or tied to. "near" is the side being worked.
MIDLINE_POINTS = ("head", "neck", "upper-back", "lower-back", "pelvis", "chest", "belly")
SIDE_POINTS = (
    "shoulder",
    "upper-arm",
    "elbow",
    "forearm",
    "hand",
    "hip",
    "thigh",
    "knee",
    "calf",
    "ankle",
    "foot",
    "heel",
    "thumb",
)
BODY_POINTS = (
    *MIDLINE_POINTS,
    *(f"{side}-{point}" for side in ("near", "far") for point in SIDE_POINTS),
    "hands",
    "feet",
    "knees",
)
PLACES = ("front", "back", "above", "below", "near", "far")

# Prop → the keys it takes besides `prop`, and what each needs.
#   at: a body point (what it sits under or is held by) or, for walls and anchors, a place
#   to: the other end (a body point or a place)
PROPS: dict[str, tuple[str, ...]] = {
    "mat": (),
    "chair": ("at",),
    "bed": ("at",),
    "table": ("at",),
    "wall": ("at",),
    "doorway": ("at",),
    "step": ("at",),
    "strap": ("at", "to"),
    "band": ("at", "to"),
    "roller": ("at",),
    "ball": ("at", "size"),
    "weight": ("at", "size"),
    "cushion": ("at",),
    "towel": ("at", "to"),
    "stick": ("at", "to"),
    "counter": ("at",),
}
SIZES = ("small", "large")
VIEWS = ("side", "front", "top")
