"""A dose in the words a patient reads: one line, plain, singular and plural right, en-dash ranges.

3 sets × 30 s hold, each side · 2 times a day (morning and evening)
1–2 min · once a day
3 × 10–15 reps · yellow band · 4 days a week
"""

from __future__ import annotations

from library.model import Amount, Dose, high, low

SEPARATOR = " · "
EN_DASH = "–"


def amount_text(amount: Amount) -> str:
    if isinstance(amount, tuple):
        return f"{amount[0]}{EN_DASH}{amount[1]}"
    return str(amount)


def counted(amount: Amount, one: str, many: str) -> str:
    """`3 sets`, `1 set`, `8–12 reps`: a range is always plural, as people say it."""
    word = one if amount == 1 else many
    return f"{amount_text(amount)} {word}"


def seconds_text(amount: Amount) -> str:
    """Seconds as a person says them: 30 s, 2 min, 1–2 min, 90 s, 1 min 30 s, 1 h."""
    lo, hi = low(amount), high(amount)
    for unit, size in (("h", 3600), ("min", 60)):
        if lo % size == 0 and hi % size == 0:
            if lo == hi:
                return f"{lo // size} {unit}"
            return f"{lo // size}{EN_DASH}{hi // size} {unit}"
    if hi < 120:
        return f"{amount_text(amount)} s"
    if lo == hi:
        minutes, seconds = divmod(lo, 60)
        return f"{minutes} min {seconds} s"
    # A range of odd seconds past two minutes reads best rounded to whole minutes.
    return f"{round(lo / 60)}{EN_DASH}{round(hi / 60)} min"


def times_a_day(per_day: int) -> str:
    return {1: "once a day", 2: "2 times a day"}.get(per_day, f"{per_day} times a day")


def days_a_week(days: int) -> str:
    if days == 7:
        return "every day"
    return "1 day a week" if days == 1 else f"{days} days a week"


SIDE_TEXT = {
    "each": "each side",
    "left": "left side only",
    "right": "right side only",
    "alternating": "alternating sides",
}


def work_text(dose: Dose) -> str:
    """The amount of work in one session: sets, reps, holds and times."""
    sets = dose.sets if dose.sets is not None and dose.sets != 1 else None
    parts: list[str] = []
    if dose.reps is not None:
        reps = counted(dose.reps, "rep", "reps")
        parts.append(f"{amount_text(sets)} × {reps}" if sets is not None else reps)
        if dose.hold_s is not None:
            parts.append(f"{seconds_text(dose.hold_s)} hold")
        if dose.duration_s is not None:
            parts.append(seconds_text(dose.duration_s))
    elif dose.hold_s is not None:
        hold = f"{seconds_text(dose.hold_s)} hold"
        parts.append(f"{counted(sets, 'set', 'sets')} × {hold}" if sets is not None else hold)
        if dose.duration_s is not None:
            parts.append(seconds_text(dose.duration_s))
    elif dose.duration_s is not None:
        time = seconds_text(dose.duration_s)
        parts.append(f"{amount_text(sets)} × {time}" if sets is not None else time)
    elif dose.sets is not None:
        parts.append(counted(dose.sets, "set", "sets"))
    if dose.side is not None:
        parts.append(SIDE_TEXT[dose.side])
    return ", ".join(parts)


def frequency_text(dose: Dose) -> str:
    """How often: `2 times a day (morning and evening)`, `once a day · 4 days a week`."""
    parts: list[str] = []
    if dose.per_day is not None:
        daily = times_a_day(dose.per_day)
        parts.append(f"{daily} ({dose.when})" if dose.when else daily)
    elif dose.when:
        parts.append(dose.when)
    if dose.days_per_week is not None:
        parts.append(days_a_week(dose.days_per_week))
    return SEPARATOR.join(parts)


def dose_text(dose: Dose | None) -> str:
    """The one line a patient reads for a dose; empty when there is no dose at all.

    Notes are left out on purpose: they are sentences for the patient and print on their own.
    """
    if dose is None:
        return ""
    parts = [work_text(dose)]
    parts += [dose.load or "", dose.tempo or ""]
    if dose.rest_s:
        parts.append(f"rest {seconds_text(dose.rest_s)} between sets")
    parts += [frequency_text(dose), dose.effort or ""]
    return SEPARATOR.join(part for part in parts if part)
