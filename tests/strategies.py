"""Hypothesis strategies for valid domain values, shared by the property tests."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from library.dose_fields import DOSE_FIELDS, DoseField
from library.model import Amount, Dose
from library.schema import CONTROL

# Text a file may hold in any field: no control characters or marks that turn text around
# (what library/schema.py's CONTROL refuses), not blank.
texts = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cs")).filter(
        lambda char: not CONTROL.match(char)
    ),
    min_size=1,
    max_size=40,
).filter(str.strip)


def amounts(lo: int, hi: int) -> st.SearchStrategy[Amount]:
    """A number in lo..hi, or a range (low, high) with low < high, as the format allows."""
    ranges = st.tuples(st.integers(lo, hi - 1), st.integers(lo + 1, hi)).filter(
        lambda pair: pair[0] < pair[1]
    )
    return st.one_of(st.integers(lo, hi), ranges)


def doses(words: st.SearchStrategy[str] = texts) -> st.SearchStrategy[Dose]:
    """Any valid dose, by the rules of the dose table; `words` fills its free-text fields."""
    return st.fixed_dictionaries(
        {field.key: st.none() | values_of(field, words) for field in DOSE_FIELDS}
    ).map(lambda values: Dose(**values))


def values_of(field: DoseField, words: st.SearchStrategy[str] = texts) -> st.SearchStrategy[Any]:
    """Any value one row of the dose table allows, as the model holds it."""
    if field.kind == "amount":
        return amounts(field.lo, field.hi)
    if field.kind == "whole":
        return st.integers(field.lo, field.hi)
    if field.kind == "word":
        return st.sampled_from(field.words)
    return words.map(str.strip).filter(lambda text: 0 < len(text) <= field.max_len)
