"""The fields of a dose, in one table: what a file may hold for each (the schema's check), what
the dose form shows and takes, and what the patient reads (the README's dose table).

`schema.check_dose`, the dose form (`field_text.dose_raw`, `tui/widgets/dose_fields.py`) and
the writer (`program_files.dose_pairs`) all go through `DOSE_FIELDS`, so a new dose field is a
row here plus its attribute on `model.Dose`, in the same place in the order.

The schema imports this at start-up: it stays a table, with nothing to import but the words.
"""

from typing import Literal, NamedTuple

from library.words import SIDES

# amount: a whole number or a range [low, high] within lo..hi; whole: a whole number within
# lo..hi; word: one of `words`; text: at most `max_len` characters.
Kind = Literal["amount", "whole", "word", "text"]


class DoseField(NamedTuple):
    """One key of a dose table, and everything that depends on it.

    A named tuple, with its annotations evaluated (no `from __future__ import annotations`):
    the schema imports it at start-up, and so it costs a tenth of a frozen dataclass.
    """

    key: str  # in a file's dose table, and the attribute of `model.Dose`
    kind: Kind
    name: str  # what the form calls it
    example: int | tuple[int, int] | str  # a value, as `model.Dose` holds it
    reads: str | None  # what the patient reads for `example`; None: not in the dose line
    lo: int = 0
    hi: int = 0
    unit: str | None = None  # "s": seconds, and the form takes "45s" or "1-2 min" too
    max_len: int = 0
    multiline: bool = False
    words: tuple[str, ...] = ()
    options: tuple[tuple[str, str], ...] = ()  # a word field's choices in the form: (shown, word)
    sided_only: bool = False  # only for exercises done one side at a time
    placeholder: str = ""

    @property
    def label(self) -> str:
        """The form's label: its name, and the unit it is typed in."""
        return f"{self.name} ({self.unit})" if self.unit else self.name


DOSE_FIELDS = (
    # key, kind, the form's name, an example and what the patient reads for it; the limits.
    DoseField("sets", "amount", "Sets", 3, "3 sets",
              lo=1, hi=20, placeholder="e.g. 3 or 2-3"),
    DoseField("reps", "amount", "Reps", (10, 15), "10–15 reps",
              lo=1, hi=500, placeholder="e.g. 10 or 8-12"),
    DoseField("hold_s", "amount", "Hold", 30, "30 s hold",
              lo=1, hi=3600, unit="s", placeholder="e.g. 30"),
    DoseField("duration_s", "amount", "Time", (60, 120), "1–2 min",
              lo=1, hi=14400, unit="s", placeholder="e.g. 60-120, or 1-2 min"),
    DoseField("rest_s", "whole", "Rest", 60, "rest 1 min between sets",
              lo=0, hi=3600, unit="s", placeholder="e.g. 30"),
    DoseField("per_day", "whole", "Times a day", 2, "2 times a day",
              lo=1, hi=12, placeholder="e.g. 2"),
    DoseField("days_per_week", "whole", "Days a week", 4, "4 days a week",
              lo=1, hi=7, placeholder="empty: every day"),
    DoseField("side", "word", "Side", "each", "each side",
              words=SIDES, sided_only=True, placeholder="—",
              options=(("each side", "each"), ("left only", "left"),
                       ("right only", "right"), ("alternating", "alternating"))),
    DoseField("load", "text", "Load", "yellow band", "yellow band",
              max_len=80, placeholder="e.g. red band, 2 kg, body weight"),
    DoseField("tempo", "text", "Tempo", "3 s down", "3 s down",
              max_len=40, placeholder="e.g. 3 s down, 1 s up"),
    DoseField("effort", "text", "Effort", "pain 3/10 at most", "pain 3/10 at most",
              max_len=120, placeholder="e.g. pain no more than 3/10"),
    DoseField("when", "text", "When", "morning and evening", "morning and evening",
              max_len=80, placeholder="e.g. morning and evening"),
    # Sentences for the patient: printed on their own, under the dose line.
    DoseField("notes", "text", "Notes", "Slowly.", None,
              max_len=500, multiline=True),
)  # fmt: skip

DOSE_KEYS = tuple(field.key for field in DOSE_FIELDS)
