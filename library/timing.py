"""How long one session of a program takes, estimated from its doses.

"How long will this take me?" is the patient's first question, and long programs are the ones not
done. The estimate is deliberately simple and its assumptions are the constants below:

- a repetition without a hold takes REP_S seconds (a controlled move out and back);
- a repetition with a hold takes the hold plus MOVE_S seconds to move in and out of it;
- a hold with no repetitions is one hold per set, plus MOVE_S;
- a timed bout (`duration_s`) is its duration per set;
- between sets the patient rests `rest_s`, or DEFAULT_REST_S when the dose does not say;
- "each side" doubles everything; a sided exercise with no side given counts as each side;
- every exercise costs SETUP_S seconds to read, set up and get into position;
- a range counts as its middle; a dose with no amount of work counts as DEFAULT_WORK_S.
"""

from __future__ import annotations

from library.model import Dose, Exercise, Program, middle
from library.speech import _, n_

REP_S = 4
MOVE_S = 3
DEFAULT_REST_S = 10
SETUP_S = 30
DEFAULT_WORK_S = 60


def set_seconds(dose: Dose) -> float:
    """One set's work, without rest."""
    reps = middle(dose.reps) if dose.reps is not None else None
    hold = middle(dose.hold_s) if dose.hold_s is not None else None
    duration = middle(dose.duration_s) if dose.duration_s is not None else 0.0
    if reps is not None:
        per_rep = hold + MOVE_S if hold is not None else REP_S
        return reps * per_rep + duration
    if hold is not None:
        return hold + MOVE_S + duration
    return duration


def item_seconds(dose: Dose | None, exercise: Exercise | None = None) -> float:
    """One exercise's share of a session, in seconds, set-up included."""
    dose = dose or Dose()
    sets = middle(dose.sets) if dose.sets is not None else 1.0
    work = set_seconds(dose)
    if work == 0:
        return SETUP_S + DEFAULT_WORK_S
    rest = dose.rest_s if dose.rest_s is not None else DEFAULT_REST_S
    one_side = sets * work + max(sets - 1, 0) * rest
    sided = exercise is not None and exercise.sided
    sides = 2 if dose.side == "each" or (dose.side is None and sided) else 1
    return SETUP_S + sides * one_side


def session_seconds(program: Program, session: int = 1) -> int:
    """The `session`-th session of a day: the items done at least that many times a day.

    The first session holds every item; an item done once a day is not in the second.
    """
    total = sum(
        item_seconds(item.dose, program.exercise(item.exercise))
        for item in program.items
        if session == 1 or (item.dose is not None and (item.dose.per_day or 1) >= session)
    )
    return round(total)


def sessions_per_day(program: Program) -> int | None:
    """How many times a day the program is done at most, if its items say so."""
    counts = [item.dose.per_day for item in program.items if item.dose and item.dose.per_day]
    return max(counts) if counts else None


def minutes_text(minutes: int) -> str:
    """`15 minutes`, `1 hour 10 minutes`."""
    if minutes < 60:
        return n_("{count} minute", "{count} minutes", minutes).format(count=minutes)
    hours, rest = divmod(minutes, 60)
    text = n_("{count} hour", "{count} hours", hours).format(count=hours)
    if rest:
        text = _("{hours} {minutes}").format(
            hours=text, minutes=n_("{count} minute", "{count} minutes", rest).format(count=rest)
        )
    return text


def rounded_minutes(seconds: int) -> int:
    return max(1, round(seconds / 60))


def duration_text(seconds: int) -> str:
    """`About 15 minutes`, `About 1 hour 10 minutes`: rounded to the minute, never zero."""
    return _("About {time}").format(time=minutes_text(rounded_minutes(seconds)))


def session_text(program: Program) -> str:
    """The answer to "how long will this take me?": `About 15 minutes, 2 times a day`.

    When some items are done more often than others, the later sessions are shorter, and the
    text says so and why, so that a patient does not redo every exercise each time:
    `About 21 minutes the first time each day. The second time takes about 16 minutes: only
    the exercises done 2 times a day.`

    Each is one whole sentence for the catalogs, the times filled in after.
    """
    if not program.items:
        return ""
    per_day = sessions_per_day(program) or 1
    lengths = [
        minutes_text(rounded_minutes(session_seconds(program, n))) for n in range(1, per_day + 1)
    ]
    first, later = lengths[0], set(lengths[1:])
    if sessions_per_day(program) is None:
        return _("About {time}").format(time=first)
    if not later or later == {first}:
        return n_("About {time}, once a day", "About {time}, {count} times a day", per_day).format(
            time=first, count=per_day
        )
    opening = _("About {time} the first time each day.").format(time=first)
    if per_day == 2:
        rest = _(
            "The second time takes about {time}: only the exercises done 2 times a day."
        ).format(time=later.pop())
    elif len(later) == 1:
        rest = _(
            "The other {count} times take about {time} each: only the exercises done more "
            "than once a day."
        ).format(count=per_day - 1, time=later.pop())
    else:
        rest = _("Later times are shorter: only the exercises done more than once a day.")
    return f"{opening} {rest}"
