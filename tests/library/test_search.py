"""Finding exercises: ranked, typo-tolerant, filtered."""

from __future__ import annotations

import pytest

from library.layers import load_library
from library.model import Exercise
from library.search import Filters, SearchIndex


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
