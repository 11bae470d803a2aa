"""Hypothesis strategies for valid domain values, shared by the property tests."""

from __future__ import annotations

from hypothesis import strategies as st

from library.model import Amount, Dose

# Text a file may hold in any field: no control characters, not blank.
texts = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=40
).filter(str.strip)


def amounts(lo: int, hi: int) -> st.SearchStrategy[Amount]:
    """A number in lo..hi, or a range (low, high) with low < high, as the format allows."""
    ranges = st.tuples(st.integers(lo, hi - 1), st.integers(lo + 1, hi)).filter(
        lambda pair: pair[0] < pair[1]
    )
    return st.one_of(st.integers(lo, hi), ranges)


def doses(words: st.SearchStrategy[str] = texts) -> st.SearchStrategy[Dose]:
    """Any valid dose; `words` fills its free-text fields."""
    return st.builds(
        Dose,
        sets=st.none() | amounts(1, 20),
        reps=st.none() | amounts(1, 500),
        hold_s=st.none() | amounts(1, 3600),
        duration_s=st.none() | amounts(1, 14400),
        rest_s=st.none() | st.integers(0, 3600),
        per_day=st.none() | st.integers(1, 12),
        days_per_week=st.none() | st.integers(1, 7),
        side=st.none() | st.sampled_from(["left", "right", "each", "alternating"]),
        load=st.none() | words,
        tempo=st.none() | words,
        effort=st.none() | words,
        when=st.none() | words,
        notes=st.none() | words,
    )
