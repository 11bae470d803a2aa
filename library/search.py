"""Finding exercises as a therapist types: ranked, forgiving of typos, narrowed by filters.

A match in the name ranks above one in the other names (aka), which ranks above tags (and the
region and kind words), which rank above the rest of the text. Typos are forgiven with
RapidFuzz's edit-distance ratio against the library's vocabulary, which is a few thousand words:
matching the query against that, rather than against every exercise, keeps a keystroke cheap
even for a library of thousands of exercises.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from library.model import Exercise

NAME, AKA, TAGS, TEXT = 4, 3, 2, 1
WORD = re.compile(r"[^\W_]+")
# Fuzzy matching short words finds nonsense ("hip" ~ "hop"); they must match a word's start.
FUZZY_MIN_LENGTH = 4
FUZZY_CUTOFF = 75.0
# Small: it orders matches of the same tier and quality, never lifts a tag match over a name.
STARTS_BONUS = 0.05


def words_of(text: str) -> list[str]:
    """Lower-case words, apostrophes dropped so "child's" and "childs" are one word."""
    return WORD.findall(text.lower().replace("'", "").replace("’", ""))


def fields_by_tier(exercise: Exercise) -> Iterable[tuple[int, str]]:
    yield NAME, exercise.name
    yield NAME, exercise.id
    for text in exercise.aka:
        yield AKA, text
    for text in (*exercise.tags, *exercise.regions, exercise.kind, exercise.position or ""):
        yield TAGS, text
    for text in (exercise.summary or "", *exercise.steps, *exercise.cues, *exercise.equipment):
        yield TEXT, text


@dataclass(frozen=True)
class Filters:
    region: str | None = None
    kind: str | None = None
    position: str | None = None
    equipment: str | None = None

    def allow(self, exercise: Exercise) -> bool:
        if self.region and self.region not in exercise.regions:
            return False
        if self.kind and exercise.kind != self.kind:
            return False
        if self.position and exercise.position != self.position:
            return False
        if self.equipment:
            wanted = self.equipment.lower()
            have = [e.lower() for e in exercise.equipment] or ["none"]
            if not any(wanted == e or wanted in words_of(e) for e in have):
                return False
        return True


class SearchIndex:
    """Built once per library; `search` is then cheap enough to run on every keystroke."""

    def __init__(self, exercises: Iterable[Exercise]) -> None:
        self.exercises = sorted(exercises, key=lambda e: (e.name.lower(), e.id))
        # word -> {exercise position: the best tier the word appears in for that exercise}
        self.vocabulary: dict[str, dict[int, int]] = {}
        for position, exercise in enumerate(self.exercises):
            for tier, text in fields_by_tier(exercise):
                for word in words_of(text):
                    found = self.vocabulary.setdefault(word, {})
                    if found.get(position, 0) < tier:
                        found[position] = tier
        self.words = list(self.vocabulary)
        self.first_words = [(words_of(e.name) or [""])[0] for e in self.exercises]

    def matches(self, token: str) -> dict[int, float]:
        """For one query word: each exercise it matches, valued by tier plus match quality."""
        quality: dict[str, float] = {}
        for word in self.words:
            if word == token:
                quality[word] = 1.0
            elif word.startswith(token):
                quality[word] = 0.9
        # Typos are forgiven only for a word that is in no exercise as typed: otherwise a right
        # word would drag in near neighbours ("band" would find every "and", "hand" and "bend").
        if not quality and len(token) >= FUZZY_MIN_LENGTH:
            from rapidfuzz import fuzz, process

            for word, score, _ in process.extract(
                token, self.words, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=None
            ):
                quality.setdefault(word, 0.8 * score / 100)
        values: dict[int, float] = {}
        for word, goodness in quality.items():
            for position, tier in self.vocabulary[word].items():
                value = tier + goodness
                if values.get(position, 0.0) < value:
                    values[position] = value
        return values

    def search(self, text: str = "", filters: Filters | None = None) -> list[Exercise]:
        """Exercises matching every word of `text` and the filters, best first."""
        filters = filters or Filters()
        tokens = words_of(text)
        if not tokens:
            return [e for e in self.exercises if filters.allow(e)]
        scores: dict[int, float] | None = None
        for token in tokens:
            values = self.matches(token)
            if scores is None:
                scores = values
            else:
                scores = {p: s + values[p] for p, s in scores.items() if p in values}
        assert scores is not None
        # Among equals, a name that starts with what was typed first: "knee" puts the "Knee …"
        # exercises before "Both knees to chest".
        first = tokens[0]
        for position in scores:
            if self.first_words[position].startswith(first):
                scores[position] += STARTS_BONUS
        ranked = sorted(scores, key=lambda p: (-scores[p], p))
        return [self.exercises[p] for p in ranked if filters.allow(self.exercises[p])]
