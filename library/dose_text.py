"""A dose in the words a patient reads: one line, plain, singular and plural right, en-dash ranges.

3 sets × 30 s hold, each side · 2 times a day (morning and evening)
1–2 min · once a day
3 × 10–15 reps · yellow band · 4 days a week
"""

from __future__ import annotations

from library.model import Amount, Dose, high, low
from library.speech import _, n_

SEPARATOR = " · "
EN_DASH = "–"


def amount_text(amount: Amount) -> str:
    if isinstance(amount, tuple):
        return f"{amount[0]}{EN_DASH}{amount[1]}"
    return str(amount)


def unit(amount: Amount, short: str, spelled: bool) -> str:
    """`30 s`, or with `spelled` `30 seconds`; one and only one is singular."""
    if not spelled:
        return f"{amount_text(amount)} {short}"
    # Each pair written out whole, for the catalogs (a pair in a constant is not a plural).
    n = high(amount)
    if short == "s":
        spelled_out = n_("{count} second", "{count} seconds", n)
    elif short == "min":
        spelled_out = n_("{count} minute", "{count} minutes", n)
    else:
        spelled_out = n_("{count} hour", "{count} hours", n)
    return spelled_out.format(count=amount_text(amount))


def counted(amount: Amount, one: str, many: str) -> str:
    """`3 sets`, `1 set`, `8–12 reps`: a range is always plural, as people say it."""
    word = one if amount == 1 else many
    return f"{amount_text(amount)} {word}"


def seconds_text(amount: Amount, spelled: bool = False) -> str:
    """Seconds as a person says them: 30 s, 2 min, 1–2 min, 90 s, 2 min 30 s, 1 h."""
    lo, hi = low(amount), high(amount)
    for short, size in (("h", 3600), ("min", 60)):
        if lo % size == 0 and hi % size == 0:
            scaled: Amount = lo // size if lo == hi else (lo // size, hi // size)
            return unit(scaled, short, spelled)
    if hi < 120 or (lo != hi and hi <= 300):
        return unit(amount, "s", spelled)
    if lo == hi:
        minutes, seconds = divmod(lo, 60)
        return f"{unit(minutes, 'min', spelled)} {unit(seconds, 's', spelled)}"
    # A longer range of odd seconds reads best in whole minutes; widened outwards where
    # rounding would collapse it ("59–61 min" for 3599–3601 s, never "60–60 min").
    shortest, longest = round(lo / 60), round(hi / 60)
    if shortest == longest:
        shortest, longest = lo // 60, -(-hi // 60)
    return unit((shortest, longest), "min", spelled)


def times_a_day(per_day: int) -> str:
    return {1: "once a day", 2: "2 times a day"}.get(per_day, f"{per_day} times a day")


def days_a_week(days: int) -> str:
    if days == 7:
        return _("every day")
    return n_("{count} day a week", "{count} days a week", days).format(count=days)


SIDE_TEXT = {
    "each": "each side",
    "left": "left side only",
    "right": "right side only",
    "alternating": "alternating sides",
}


def work_text(dose: Dose, spelled: bool = False) -> str:
    """The amount of work in one session: sets, reps, holds and times."""
    sets = dose.sets if dose.sets is not None and dose.sets != 1 else None
    reps_words = ("repetition", "repetitions") if spelled else ("rep", "reps")
    parts: list[str] = []
    if dose.reps is not None:
        reps = counted(dose.reps, *reps_words)
        parts.append(f"{amount_text(sets)} × {reps}" if sets is not None else reps)
        if dose.hold_s is not None:
            parts.append(f"{seconds_text(dose.hold_s, spelled)} hold")
        if dose.duration_s is not None:
            parts.append(seconds_text(dose.duration_s, spelled))
    elif dose.hold_s is not None:
        hold = f"{seconds_text(dose.hold_s, spelled)} hold"
        parts.append(f"{counted(sets, 'set', 'sets')} × {hold}" if sets is not None else hold)
        if dose.duration_s is not None:
            parts.append(seconds_text(dose.duration_s, spelled))
    elif dose.duration_s is not None:
        time = seconds_text(dose.duration_s, spelled)
        parts.append(f"{amount_text(sets)} × {time}" if sets is not None else time)
    elif dose.sets is not None:
        parts.append(counted(dose.sets, "set", "sets"))
    if dose.side is not None:
        parts.append(SIDE_TEXT[dose.side])
    return ", ".join(parts)


def dose_parts(dose: Dose | None, spelled: bool = False) -> list[str]:
    """The parts of the dose line, in order: work, load, tempo, rest, how often, effort.

    Notes are left out on purpose: they are sentences for the patient and print on their own.
    """
    if dose is None:
        return []
    parts = [work_text(dose, spelled), dose.load or "", dose.tempo or ""]
    if dose.rest_s:
        parts.append(f"rest {seconds_text(dose.rest_s, spelled)} between sets")
    if dose.per_day is not None or dose.when:
        daily = times_a_day(dose.per_day) if dose.per_day is not None else ""
        parts.append(f"{daily} ({dose.when})" if daily and dose.when else daily or dose.when or "")
    if dose.days_per_week is not None:
        parts.append(days_a_week(dose.days_per_week))
    parts.append(dose.effort or "")
    return [part for part in parts if part]


def dose_text(dose: Dose | None, spelled: bool = False) -> str:
    """The one line a patient reads for a dose; empty when there is no dose at all."""
    return SEPARATOR.join(dose_parts(dose, spelled))


def item_name(name: str, dose: Dose | None) -> str:
    """An exercise's name as one program item shows it: with the side when the item is for one
    side only, so that the left and the right copy of a stretch can be told apart on the
    handout and in the log ("Standing knee bend (left side)")."""
    if dose is not None and dose.side == "left":
        return _("{name} (left side)").format(name=name)
    if dose is not None and dose.side == "right":
        return _("{name} (right side)").format(name=name)
    return name
