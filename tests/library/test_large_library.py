"""A real, large library (free-exercise-db's 873 exercises, from ../shared/data) written as
TOML files loads cleanly and searches sensibly: the formats and search hold up at scale."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.datasets import free_exercise_db
from library.layers import Folder, load_library
from library.program_files import exercise_text
from library.search import Filters, SearchIndex

EXERCISES = free_exercise_db()
pytestmark = pytest.mark.skipif(not EXERCISES, reason="../shared/data is not beside the repo")


def test_written_as_toml_it_loads_back_equal(tmp_path: Path) -> None:
    for start in range(0, len(EXERCISES), 100):
        chunk = EXERCISES[start : start + 100]
        text = "\n".join(exercise_text(exercise) for exercise in chunk)
        (tmp_path / f"part-{start // 100:02}.toml").write_text(text, encoding="utf-8")
    library = load_library([Folder("clinic", tmp_path)])
    assert library.problems == []
    assert len(library) == len(EXERCISES)
    assert sorted(library.exercises.values(), key=lambda e: e.id) == sorted(
        EXERCISES, key=lambda e: e.id
    )


def test_search_at_scale() -> None:
    index = SearchIndex(EXERCISES)
    found = index.search("hamstrng strech")
    assert found and "hamstring" in found[0].name.lower()
    stretches = index.search("", Filters(kind="stretch", region="knee"))
    assert stretches and all(e.kind == "stretch" for e in stretches)
