"""A dose at a glance: the few large figures a patient reads with the paper on the floor, and the
smaller labelled lines under them.

    Hold 30 seconds | 3 rounds | Each leg | 2 times a day (morning and evening) | Every day
    Do 10 times | 3 rounds | Left arm | 3 days a week
    Use: yellow band   How hard: the last few feel hard

Each figure is a short phrase with its label ("Do", "Hold", "Do it for") and its value, the part
printed in bold ("10 times"). Units are words ("seconds", "minutes"); sets are "rounds" and reps
"times", which the handout explains once (`rounds_explained`). The side names the limb when the
exercise's regions tell it (`limb`): "Left leg", "Each arm", else "Left side".

Pure functions of a `Dose` (and its exercise): the handout lays them out
(exports/exercise_blocks.py). The one-line `dose_text` (library/dose_text.py) stays the app's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from library.dose_text import amount_text, days_a_week, seconds_text
from library.model import Amount, Dose, Exercise, high
from library.side_text import fill_all
from library.speech import N_, _, n_, p_


@dataclass(frozen=True)
class Part:
    """One large figure: `label` (plain, may be empty) then `value` (bold), and an optional
    `detail` in body type beside it ("morning and evening")."""

    label: str
    value: str
    detail: str = ""

    @property
    def text(self) -> str:
        """The phrase as it reads: "Hold 30 seconds"."""
        return f"{self.label} {self.value}" if self.label else self.value


@dataclass(frozen=True)
class Line:
    """A smaller labelled line: `label` in bold, then free text from the dose."""

    label: str
    text: str


@dataclass(frozen=True)
class Glance:
    """What the handout prints for one dose, in reading order."""

    parts: tuple[Part, ...]
    lines: tuple[Line, ...]
    notes: tuple[str, ...]

    def is_empty(self) -> bool:
        return not (self.parts or self.lines or self.notes)


# Which word names a side: a leg program says "Left leg", an arm program "Left arm". The neck,
# the jaw and the trunk are turned or bent to a side: "Left side".
LOWER_LIMB = frozenset({"hip", "knee", "ankle-foot"})
UPPER_LIMB = frozenset({"shoulder", "elbow", "wrist-hand"})
NOT_A_LIMB = frozenset({"neck", "jaw"})
STANDING_ON = frozenset({"whole-body"})  # balance on one leg, a step up: still the leg


def limb(exercise: Exercise | None) -> str:
    """ "leg", "arm" or "side": the word that goes with "Left" for this exercise.

    The first region says what the exercise is for, and a limb is named only when it is that
    one limb's (a side plank works the hip, but lies on a side) and the exercise has no limb
    region of the other kind and nothing of the neck (a trapezius stretch pulls the arm down
    but stretches the side of the neck)."""
    if exercise is None or not exercise.regions:
        return "side"
    regions = set(exercise.regions)
    first = exercise.regions[0]
    if regions & NOT_A_LIMB:
        return "side"
    if first in LOWER_LIMB | STANDING_ON and regions & LOWER_LIMB and not regions & UPPER_LIMB:
        return "leg"
    if first in UPPER_LIMB and not regions & LOWER_LIMB:
        return "arm"
    return "side"


# Whole phrases, not "Left" + the limb: other languages change the side word with the limb's
# gender ("Pierna izquierda", "Brazo izquierdo").
SIDE_VALUES = {
    ("left", "leg"): N_("Left leg"),
    ("right", "leg"): N_("Right leg"),
    ("each", "leg"): N_("Each leg"),
    ("alternating", "leg"): N_("Legs in turn"),
    ("left", "arm"): N_("Left arm"),
    ("right", "arm"): N_("Right arm"),
    ("each", "arm"): N_("Each arm"),
    ("alternating", "arm"): N_("Arms in turn"),
    ("left", "side"): N_("Left side"),
    ("right", "side"): N_("Right side"),
    ("each", "side"): N_("Each side"),
    ("alternating", "side"): N_("Sides in turn"),
}


def side_value(side: str, limb_word: str) -> str:
    """ "Left leg", "Each arm", "Legs in turn", "Right side"."""
    return _(SIDE_VALUES[(side, limb_word)])


def first_upper(text: str) -> str:
    """The text with its first letter a capital, and the rest as it was (not `capitalize`,
    which would lower a German noun)."""
    return text[:1].upper() + text[1:]


def rounds(amount: Amount) -> str:
    """ "1 round", "3 rounds", "2–3 rounds": a range is always plural."""
    return n_("{count} round", "{count} rounds", high(amount)).format(count=amount_text(amount))


def times(amount: Amount) -> str:
    """ "10 times", "8–12 times", "once"."""
    return n_("once", "{count} times", high(amount)).format(count=amount_text(amount))


def a_day(per_day: int) -> str:
    return n_("Once a day", "{count} times a day", per_day).format(count=per_day)


WEEKDAY = re.compile(
    r"\b(mon|tues|wednes|thurs|fri|satur|sun)days?\b|\bweek(day|end)s?\b", re.IGNORECASE
)


def names_days(text: str | None) -> bool:
    """Whether the dose's `when` names days of the week ("Monday, Wednesday and Friday")."""
    return bool(text and WEEKDAY.search(text))


def work(dose: Dose) -> list[Part]:
    """How much in one session: the times, the hold, the time, the rounds."""
    parts: list[Part] = []
    if dose.reps is not None:
        # Translators: a label before a number of times, as in "Do 10 times".
        parts.append(Part(p_("dose", "Do"), times(dose.reps)))
    if dose.hold_s is not None:
        # Translators: a label before a time, as in "Hold 30 seconds".
        parts.append(Part(p_("dose", "Hold"), seconds_text(dose.hold_s, spelled=True)))
    if dose.duration_s is not None:
        # Translators: labels before a time: "For 2 minutes" after other figures, "Do it for
        # 2 minutes" alone.
        label = p_("dose", "For") if parts else p_("dose", "Do it for")
        parts.append(Part(label, seconds_text(dose.duration_s, spelled=True)))
    # One round goes without saying, unless it is all the dose says.
    if dose.sets is not None and (high(dose.sets) > 1 or not parts):
        parts.append(Part("", rounds(dose.sets)))
    return parts


def how_often(dose: Dose, named_days: bool) -> list[Part]:
    """How many times a day, with when, and which days."""
    parts: list[Part] = []
    when = dose.when if dose.when and not named_days else ""
    if dose.per_day is not None:
        parts.append(Part("", a_day(dose.per_day), when))
    if named_days and dose.when:
        parts.append(Part("", first_upper(dose.when)))
    elif dose.days_per_week is not None:
        parts.append(Part("", first_upper(days_a_week(dose.days_per_week))))
    else:
        # No days given: every day, as the log's boxes say.
        parts.append(Part("", _("Every day")))
    return parts


def glance(dose: Dose | None, exercise: Exercise | None = None) -> Glance:
    """The dose's figures, lines and notes; empty for no dose (the handout then says the
    therapist's demonstration is the dose). Notes are read for the dose's side."""
    if dose is None:
        return Glance((), (), ())
    named_days = names_days(dose.when)
    parts = work(dose)
    if dose.side is not None:
        parts.append(Part("", side_value(dose.side, limb(exercise))))
    if parts or dose.per_day is not None or named_days or dose.days_per_week is not None:
        parts += how_often(dose, named_days)
    lines: list[Line] = []
    # Translators: the labels of short lines under a dose's figures: "Use: yellow band",
    # "Speed: 3 seconds down", "Rest: 30 seconds between rounds", "How hard: …".
    if dose.load:
        lines.append(Line(p_("dose", "Use"), dose.load))
    if dose.tempo:
        lines.append(Line(p_("dose", "Speed"), dose.tempo))
    if dose.rest_s:
        rest = seconds_text(dose.rest_s, spelled=True)
        lines.append(Line(p_("dose", "Rest"), _("{time} between rounds").format(time=rest)))
    if dose.when and dose.per_day is None and not named_days:
        lines.append(Line(p_("dose", "When"), dose.when))
    if dose.effort:
        lines.append(Line(p_("dose", "How hard"), dose.effort))
    # The notes are in the exercise's language when they came with its default dose.
    language = exercise.written_in if exercise is not None else "en"
    notes = fill_all([dose.notes], dose.side, language) if dose.notes else []
    notes = notes[0].strip().splitlines() if notes else []
    return Glance(tuple(parts), tuple(lines), tuple(line for line in notes if line.strip()))


ROUND = N_("A round (set) is doing the movement the number of times shown.")
# After ROUND "each time" is clear; on its own it needs the movement.
REPETITION = N_("Each time is one repetition (rep).")
REPETITION_ALONE = N_("Each time you do the movement is one repetition (rep).")
HOLD_ROUND = N_("For a hold, one round is one hold.")


def rounds_explained(doses: Iterable[Dose | None]) -> str | None:
    """The words "round" and "time" explained once, for the handout's first exercise page,
    in two lines at most: what a round is (a set), what each time is (a repetition), and a
    round of holds; None when no dose counts rounds or times."""
    given = [dose for dose in doses if dose is not None]
    rounds = any(dose.sets is not None and high(dose.sets) > 1 for dose in given)
    reps = any(dose.reps is not None for dose in given)
    if not rounds:
        return _(REPETITION_ALONE) if reps else None
    sentences = [ROUND]
    if reps:
        sentences.append(REPETITION)
    if any(dose.hold_s is not None and dose.reps is None for dose in given):
        sentences.append(HOLD_ROUND)
    return " ".join(_(sentence) for sentence in sentences)
