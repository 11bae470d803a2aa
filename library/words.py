"""The controlled vocabularies of the file format (README.md, Files): words may be added,
never removed."""

REGIONS = (
    "neck",
    "upper-back",
    "low-back",
    "chest",
    "shoulder",
    "elbow",
    "wrist-hand",
    "hip",
    "knee",
    "ankle-foot",
    "core",
    "whole-body",
    "pelvic-floor",
    "jaw",
)

KINDS = (
    "stretch",
    "strength",
    "mobility",
    "soft-tissue",
    "balance",
    "motor-control",
    "aerobic",
    "breathing",
    "functional",
    "education",
)

POSITIONS = (
    "lying-on-back",
    "lying-on-front",
    "side-lying",
    "sitting",
    "standing",
    "kneeling",
    "half-kneeling",
    "hands-and-knees",
    "any",
)

SIDES = ("left", "right", "each", "alternating")

# The layer of an exercise that a program file defines itself (the library's own layers are
# bundled, clinic and personal: see library/layers.py).
PROGRAM_LAYER = "program"
