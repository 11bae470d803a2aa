"""The search's ranking written the plain way, one exercise at a time (as hepster did before
its index became bitmasks): the fast index must rank every query exactly as this does."""

from __future__ import annotations

from collections.abc import Iterable

from library.model import Exercise
from library.search import (
    FUZZY_CUTOFF,
    FUZZY_MIN_LENGTH,
    STARTS_BONUS,
    Filters,
    fields_by_tier,
    words_of,
)


class ReferenceSearch:
    def __init__(self, exercises: Iterable[Exercise]) -> None:
        self.exercises = sorted(exercises, key=lambda e: (e.name.lower(), e.id))
        self.vocabulary: dict[str, dict[int, int]] = {}
        for position, exercise in enumerate(self.exercises):
            for tier, text in fields_by_tier(exercise):
                for word in words_of(text):
                    found = self.vocabulary.setdefault(word, {})
                    found[position] = max(found.get(position, 0), tier)
        self.first_words = [(words_of(e.name) or [""])[0] for e in self.exercises]

    def matches(self, token: str) -> dict[int, float]:
        quality: dict[str, float] = {}
        for word in self.vocabulary:
            if word == token:
                quality[word] = 1.0
            elif word.startswith(token):
                quality[word] = 0.9
        if not quality and len(token) >= FUZZY_MIN_LENGTH:
            from rapidfuzz import fuzz, process

            for word, score, _ in process.extract(
                token,
                list(self.vocabulary),
                scorer=fuzz.ratio,
                score_cutoff=FUZZY_CUTOFF,
                limit=None,
            ):
                quality.setdefault(word, round(0.8 * score / 100, 3))
        values: dict[int, float] = {}
        for word, goodness in quality.items():
            for position, tier in self.vocabulary[word].items():
                values[position] = max(values.get(position, 0.0), tier + goodness)
        return values

    def search(self, text: str, filters: Filters) -> list[str]:
        tokens = words_of(text)
        if not tokens:
            return [e.id for e in self.exercises if filters.allow(e)]
        scores: dict[int, float] | None = None
        for token in tokens:
            values = self.matches(token)
            scores = (
                values
                if scores is None
                else {p: s + values[p] for p, s in scores.items() if p in values}
            )
        assert scores is not None
        for position in scores:
            if self.first_words[position].startswith(tokens[0]):
                scores[position] += STARTS_BONUS
        ranked = sorted(scores, key=lambda p: (-round(scores[p], 3), p))
        return [self.exercises[p].id for p in ranked if filters.allow(self.exercises[p])]
