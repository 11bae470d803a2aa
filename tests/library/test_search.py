"""Finding exercises: ranked, typo-tolerant, filtered."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from library.layers import load_library
from library.model import Exercise
from library.search import Filters, SearchIndex, fields_by_tier, words_of
from tests.library.search_reference import ReferenceSearch


def exercise(id: str, name: str, **fields: object) -> Exercise:
    base: dict[str, object] = {"regions": ("hip",), "kind": "stretch", "steps": ("Do it.",)}
    base.update(fields)
    return Exercise(id=id, name=name, **base)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def bundled() -> SearchIndex:
    return SearchIndex(load_library().exercises.values())


def test_a_typo_still_finds_the_hamstring_stretch_first(bundled: SearchIndex) -> None:
    found = bundled.search("hamstrng")
    assert found[0].id.startswith("hamstring-stretch")
    assert {"hamstring-stretch-strap", "hamstring-stretch-doorway"} <= {e.id for e in found[:3]}


def test_name_beats_aka_beats_tags_beats_text() -> None:
    index = SearchIndex(
        [
            exercise("in-text", "Alpha", steps=("Use the wobble board.",)),
            exercise("in-tags", "Beta", tags=("wobble",)),
            exercise("in-aka", "Gamma", aka=("wobble stand",)),
            exercise("in-name", "Wobble stand"),
            exercise("nowhere", "Delta"),
        ]
    )
    assert [e.id for e in index.search("wobble")] == ["in-name", "in-aka", "in-tags", "in-text"]


def test_every_word_must_match_somewhere() -> None:
    index = SearchIndex([exercise("a-1", "Calf stretch"), exercise("b-1", "Hip stretch")])
    assert [e.id for e in index.search("calf stretch")] == ["a-1"]
    assert index.search("calf elbow") == []


def test_short_words_match_the_start_of_words_only() -> None:
    index = SearchIndex(
        [exercise("a-1", "Hop on the spot", regions=("knee",)), exercise("b-1", "Hip hinge")]
    )
    assert [e.id for e in index.search("hip")] == ["b-1"]
    assert [e.id for e in index.search("hin")] == ["b-1"]


def test_a_word_spelled_right_does_not_drag_in_its_neighbours(bundled: SearchIndex) -> None:
    """ "band" finds the band exercises, not every step that says "and", "hand" or "bend"."""
    found = bundled.search("band")
    assert found and all(
        any("band" in text.lower() for text in (e.name, *e.equipment, *e.steps, *e.cues))
        for e in found
    )
    assert [e.id for e in bundled.search("brige")][:1] == ["bridge"], "typos still forgiven"


def test_among_equals_a_name_that_starts_with_the_word_comes_first(bundled: SearchIndex) -> None:
    assert bundled.search("knee")[0].name.startswith("Knee")
    assert bundled.search("shoulder")[0].name.startswith("Shoulder")


def test_apostrophes_do_not_matter(bundled: SearchIndex) -> None:
    assert bundled.search("childs pose")[0].id == "childs-pose"
    assert bundled.search("child's")[0].id == "childs-pose"


def test_filters_narrow_the_list(bundled: SearchIndex) -> None:
    found = bundled.search("", Filters(region="hip", kind="stretch"))
    assert found
    assert all("hip" in e.regions and e.kind == "stretch" for e in found)
    assert "hip-flexor-stretch-bed-edge" in {e.id for e in found}
    assert "foam-roll-gluteals" not in {e.id for e in found}


def test_equipment_filter_and_none(bundled: SearchIndex) -> None:
    rollers = bundled.search("", Filters(equipment="foam roller"))
    assert {"foam-roll-back-muscles", "foam-roll-gluteals"} <= {e.id for e in rollers}
    assert all("foam roller" in e.equipment for e in rollers)
    nothing_needed = bundled.search("", Filters(equipment="none"))
    assert "gluteal-stretch" in {e.id for e in nothing_needed}


def test_an_empty_query_lists_everything_by_name(bundled: SearchIndex) -> None:
    names = [e.name.lower() for e in bundled.search("")]
    assert names == sorted(names)
    assert len(names) == len(load_library().exercises)


# The bitmask index against the plain reference, on random slices of the bundled library and
# random queries: whole words, prefixes, typos, several words, filters.

LIBRARY = sorted(load_library().exercises.values(), key=lambda e: e.id)
VOCABULARY = sorted(
    {word for e in LIBRARY for _, text in fields_by_tier(e) for word in words_of(text)}
)


def typo(word: str, at: int) -> str:
    at %= max(1, len(word))
    return word[:at] + word[at + 1 :] if len(word) > 4 else word


query_words = st.one_of(
    st.sampled_from(VOCABULARY),
    st.tuples(st.sampled_from(VOCABULARY), st.integers(1, 6)).map(lambda p: p[0][: p[1]]),
    st.tuples(st.sampled_from(VOCABULARY), st.integers(0, 20)).map(lambda p: typo(*p)),
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=6),
)


@settings(max_examples=150, deadline=None)
@given(
    start=st.integers(0, len(LIBRARY) - 1),
    size=st.integers(1, len(LIBRARY)),
    words=st.lists(query_words, max_size=3),
    region=st.sampled_from([None, "knee", "hip", "shoulder"]),
    kind=st.sampled_from([None, "stretch", "strength"]),
)
def test_the_index_ranks_exactly_as_the_plain_reference(
    start: int, size: int, words: list[str], region: str | None, kind: str | None
) -> None:
    exercises = (LIBRARY[start:] + LIBRARY[:start])[:size]
    filters = Filters(region=region, kind=kind)
    query = " ".join(words)
    expected = ReferenceSearch(exercises).search(query, filters)
    index = SearchIndex(exercises)
    assert [e.id for e in index.search(query, filters)] == expected
    found = index.find(query, filters)
    assert len(found) == len(expected)
    if expected:  # read from the middle first, as a list scrolled there would
        middle = len(expected) // 2
        assert found[middle].id == expected[middle]
        assert found[-1].id == expected[-1]
        assert [e.id for e in found[:3]] == expected[:3]
