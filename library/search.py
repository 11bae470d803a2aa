"""Finding exercises as a therapist types: ranked, forgiving of typos, narrowed by filters.

A match in the name ranks above one in the other names (aka), which ranks above tags (and the
region and kind words), which rank above the rest of the text. Typos are forgiven with
RapidFuzz's edit-distance ratio against the library's vocabulary, which is a few thousand words:
matching the query against that, rather than against every exercise, keeps a keystroke cheap
even for a library of thousands of exercises.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import chain
from typing import Any, overload

from library.model import Exercise

NAME, AKA, TAGS, TEXT = 4, 3, 2, 1
WORD = re.compile(r"[^\W_]+")
# Fuzzy matching short words finds nonsense ("hip" ~ "hop"); they must match a word's start.
FUZZY_MIN_LENGTH = 4
FUZZY_CUTOFF = 75.0
# Small: it orders matches of the same tier and quality, never lifts a tag match over a name.
STARTS_BONUS = 0.05
# Sorts after any letter a word can hold: token + this ends the slice of words that start token.
PAST_EVERY_WORD = "\U0010ffff"
# Query words whose matches are kept: typing "ham", deleting, typing "hip" meets them again.
REMEMBERED = 64


def words_of(text: str) -> list[str]:
    """Lower-case words, apostrophes dropped so "child's" and "childs" are one word, accents
    dropped so "musculo" finds "músculo" (typed on an English keyboard)."""
    text = text.lower().replace("'", "").replace("’", "")
    if not text.isascii():
        text = "".join(
            c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)
        )
    return WORD.findall(text)


def fields_by_tier(exercise: Exercise) -> Iterable[tuple[int, str]]:
    yield NAME, exercise.name
    yield NAME, exercise.id
    # Its name in every language it has: a therapist finds "Estiramiento de pantorrilla" by
    # either name, whatever language the program is in.
    for _, words in exercise.translations:
        yield NAME, words.name
    for text in exercise.aka:
        yield AKA, text
    for _, words in exercise.translations:
        for text in words.aka:
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

    def __bool__(self) -> bool:
        """Whether any filter is set."""
        return any((self.region, self.kind, self.position, self.equipment))

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


# A set of exercises: bit n stands for the exercise at position n of the index.
Mask = int


def mask_of(positions: Iterable[int]) -> Mask:
    """The bits of `positions`, set through a byte array: one shift of a growing int per
    position would cost the square of their number."""
    found = bytearray()
    for position in positions:
        byte = position >> 3
        if byte >= len(found):
            found.extend(bytes(byte + 1 - len(found)))
        found[byte] |= 1 << (position & 7)
    return int.from_bytes(found, "little")


# The bits set in each byte value: a mask is read a byte, not a bit, at a time.
BITS_OF_BYTE = [tuple(bit for bit in range(8) if value >> bit & 1) for value in range(256)]


def positions_of(mask: Mask) -> list[int]:
    """The positions whose bits are set, in order."""
    found: list[int] = []
    for number, byte in enumerate(mask.to_bytes((mask.bit_length() + 7) // 8, "little")):
        if byte:
            start = number << 3
            found += [start + bit for bit in BITS_OF_BYTE[byte]]
    return found


class Found(Sequence[Exercise]):
    """What a search found, best first, read only as far as it is looked at: a list shows a
    screenful of thousands of matches, and need not have them all put in order first.

    Held as sets of exercises (masks), best first; within one, in the index's (name) order.
    """

    def __init__(self, exercises: list[Exercise], masks: list[Mask]) -> None:
        self.exercises = exercises
        self.masks = [mask for mask in masks if mask]
        self.sizes = [mask.bit_count() for mask in self.masks]
        self.size = sum(self.sizes)
        self.read: dict[int, list[int]] = {}  # a mask's positions, once looked at

    def __len__(self) -> int:
        return self.size

    def positions(self, part: int) -> list[int]:
        found = self.read.get(part)
        if found is None:
            found = self.read[part] = positions_of(self.masks[part])
        return found

    @overload
    def __getitem__(self, index: int) -> Exercise: ...

    @overload
    def __getitem__(self, index: slice) -> list[Exercise]: ...

    def __getitem__(self, index: int | slice) -> Exercise | list[Exercise]:
        if isinstance(index, slice):
            return [self[n] for n in range(*index.indices(self.size))]
        if index < 0:
            index += self.size
        if not 0 <= index < self.size:
            raise IndexError(index)
        for part, size in enumerate(self.sizes):
            if index < size:
                return self.exercises[self.positions(part)[index]]
            index -= size
        raise IndexError(index)

    def __iter__(self) -> Iterator[Exercise]:
        for part in range(len(self.masks)):
            for position in self.positions(part):
                yield self.exercises[position]


# A word in at most one exercise in DENSE is kept as an array of positions (4 bytes each),
# a commoner one as a bitmask (a bit per exercise): each the smaller, for a clinic library's
# thousands of rare words and its few hundred common ones.
DENSE = 32


class SearchIndex:
    """Built once per library (and cached with it); `search` is then cheap enough to run on
    every keystroke of a clinic library of tens of thousands of exercises.

    For each word, the exercises it appears in, one set per tier (an exercise is in the set of
    the best tier the word has in it), as a bitmask or an array. A query word's matches are a
    few bitmasks, one per value (tier plus match quality), and a query's are their
    intersections: a handful of operations on big integers, which Python does in C, rather
    than a loop over every matching exercise.
    """

    postings: dict[str, tuple[tuple[int, Mask | array[int]], ...]]
    words: list[str]
    first_words: list[tuple[str, int]]

    def __init__(self, exercises: Iterable[Exercise]) -> None:
        self.exercises = sorted(exercises, key=lambda e: (e.name.lower(), e.id))
        self.remembered: dict[str, list[tuple[float, Mask]]] = {}
        self.filtered: dict[Filters, Mask] = {}

    # The word lists are made when the first query needs them (`__getattr__`), not with the
    # index: a cold start shows the whole library, in name order, before anyone types, and
    # 15 ms of indexing the bundled library would hold back its first screen.
    INDEXED = frozenset({"postings", "words", "first_words"})

    def __getattr__(self, name: str) -> Any:
        # Called only for an attribute not yet set: once built, lookups cost nothing extra.
        if name not in SearchIndex.INDEXED:
            raise AttributeError(name)
        self.build()
        return self.__dict__[name]

    @property
    def built(self) -> bool:
        return "postings" in self.__dict__

    def build(self) -> None:
        # word -> tier -> the exercises with the word at best in that tier, gathered one
        # exercise at a time into arrays: 4 bytes an entry, where a dict of every word's
        # exercises would hold the cold start of a large library at twice its final memory.
        gathered: dict[str, dict[int, array[int]]] = {}
        for position, exercise in enumerate(self.exercises):
            best: dict[str, int] = {}
            for tier, text in fields_by_tier(exercise):
                for word in words_of(text):
                    if best.get(word, 0) < tier:
                        best[word] = tier
            for word, tier in best.items():
                tiers = gathered.get(word)
                if tiers is None:
                    tiers = gathered[word] = {}
                positions = tiers.get(tier)
                if positions is None:
                    positions = tiers[tier] = array("I")
                positions.append(position)
        dense = max(1, len(self.exercises) // DENSE)
        # word -> (tier, the exercises with the word at best in that tier), best tier first
        self.postings = {
            word: tuple(
                (tier, mask_of(tiers[tier]) if len(tiers[tier]) > dense else tiers[tier])
                for tier in sorted(tiers, reverse=True)
            )
            for word, tiers in gathered.items()
        }
        # Sorted, so that the words a prefix starts are one slice (found by bisection).
        self.words = sorted(self.postings)
        # (first word of the name, position), sorted: the names a query word starts, by slice.
        self.first_words = sorted(
            ((words_of(e.name) or [""])[0], position) for position, e in enumerate(self.exercises)
        )

    def __len__(self) -> int:
        return len(self.exercises)

    def __getstate__(self) -> dict[str, object]:
        return {**self.__dict__, "remembered": {}, "filtered": {}}

    def stored(self, exercises: list[Exercise]) -> dict[str, object]:
        """What to store beside `exercises` (stored apart): this index, its exercises as their
        places in that list."""
        place = {id(exercise): n for n, exercise in enumerate(exercises)}
        order = array("I", [place[id(exercise)] for exercise in self.exercises])
        return {**self.__dict__, "exercises": order, "remembered": {}, "filtered": {}}

    @classmethod
    def restored(cls, state: dict[str, Any], exercises: list[Exercise]) -> SearchIndex:
        """The index `stored` kept, with the exercises read back."""
        index = cls.__new__(cls)
        index.__dict__.update(state)
        index.exercises = [exercises[n] for n in state["exercises"]]
        return index

    def prefixed(self, token: str) -> list[str]:
        """The vocabulary's words that start with `token`."""
        start = bisect_left(self.words, token)
        end = bisect_left(self.words, token + PAST_EVERY_WORD, start)
        return self.words[start:end]

    def matches(self, token: str) -> list[tuple[float, Mask]]:
        """For one query word: the exercises it matches, as (value, exercises) pairs, best
        value first, each exercise in one of them. A value is a tier plus the match quality."""
        found = self.remembered.get(token)
        if found is None:
            found = self.remembered[token] = self.match(token)
            if len(self.remembered) > REMEMBERED:
                del self.remembered[next(iter(self.remembered))]
        return found

    def match(self, token: str) -> list[tuple[float, Mask]]:
        quality: dict[str, float] = {word: 0.9 for word in self.prefixed(token)}
        if token in quality:
            quality[token] = 1.0
        # Typos are forgiven only for a word that is in no exercise as typed: otherwise a right
        # word would drag in near neighbours ("band" would find every "and", "hand" and "bend").
        if not quality and len(token) >= FUZZY_MIN_LENGTH:
            from rapidfuzz import fuzz, process

            for word, score, _ in process.extract(
                token, self.words, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=None
            ):
                quality.setdefault(word, round(0.8 * score / 100, 3))
        # Pooled by value first: a prefix such as "st" starts hundreds of words.
        masks: dict[float, Mask] = {}
        arrays: dict[float, list[array[int]]] = {}
        for word, goodness in quality.items():
            for tier, positions in self.postings[word]:
                value = tier + goodness
                if isinstance(positions, int):
                    masks[value] = masks.get(value, 0) | positions
                else:
                    arrays.setdefault(value, []).append(positions)
        for value, lists in arrays.items():
            masks[value] = masks.get(value, 0) | mask_of(chain.from_iterable(lists))
        # An exercise counts at its best value only.
        levels, seen = [], 0
        for value in sorted(masks, reverse=True):
            fresh = masks[value] & ~seen
            if fresh:
                levels.append((value, fresh))
                seen |= fresh
        return levels

    def search(self, text: str = "", filters: Filters | None = None) -> list[Exercise]:
        """Exercises matching every word of `text` and the filters, best first."""
        return list(self.find(text, filters))

    def find(self, text: str = "", filters: Filters | None = None) -> Found:
        """What `search` finds, read as far as it is looked at."""
        allowed = self.allowed(filters or Filters())
        tokens = words_of(text)
        if not tokens:
            return Found(self.exercises, [allowed])
        # Every word must match: the exercises at each sum of values are an intersection.
        levels: dict[float, Mask] = {0.0: allowed}
        for token in tokens:
            combined: dict[float, Mask] = {}
            for value, mask in levels.items():
                for more, other in self.matches(token):
                    both = mask & other
                    if both:
                        total = round(value + more, 3)
                        combined[total] = combined.get(total, 0) | both
            levels = combined
        # Among equals, a name that starts with what was typed first: "knee" puts the "Knee …"
        # exercises before "Both knees to chest".
        starting = self.starting(tokens[0])
        ranked: dict[float, Mask] = {}
        for value, mask in levels.items():
            for total, part in ((value + STARTS_BONUS, mask & starting), (value, mask & ~starting)):
                if part:
                    total = round(total, 3)
                    ranked[total] = ranked.get(total, 0) | part
        # Best value first; among equals, the library's (name) order, which is bit order.
        return Found(self.exercises, [ranked[value] for value in sorted(ranked, reverse=True)])

    def allowed(self, filters: Filters) -> Mask:
        """The exercises the filters let through (each set of filters worked out once)."""
        if not filters:
            return (1 << len(self.exercises)) - 1
        found = self.filtered.get(filters)
        if found is None:
            found = mask_of(n for n, e in enumerate(self.exercises) if filters.allow(e))
            self.filtered[filters] = found
        return found

    def starting(self, token: str) -> Mask:
        """The exercises whose name's first word starts with `token`."""
        start = bisect_left(self.first_words, (token,))
        end = bisect_left(self.first_words, (token + PAST_EVERY_WORD,), start)
        return mask_of(position for _, position in self.first_words[start:end])
