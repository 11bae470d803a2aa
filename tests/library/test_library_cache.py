"""The library cache: used when nothing changed, refreshed when any library file changes."""

from __future__ import annotations

import os
from pathlib import Path

from library.layers import Folder, load_library
from library.library_cache import cached_library, from_cache

EXERCISE = """
[[exercise]]
id = "{id}"
name = "{name}"
regions = ["knee"]
kind = "strength"
steps = ["Do it."]
"""


def write(folder: Path, exercise_id: str, name: str) -> Path:
    path = folder / f"{exercise_id}.toml"
    path.write_text(EXERCISE.format(id=exercise_id, name=name))
    return path


def test_cache_is_used_then_refreshed_when_a_file_changes(tmp_path: Path) -> None:
    folder = tmp_path / "clinic"
    folder.mkdir()
    file = tmp_path / "cache.pickle"
    folders = [Folder("clinic", folder)]
    path = write(folder, "knee-one", "Knee one")
    assert from_cache(folders, file) is None
    library, index = cached_library(folders, file)
    assert library.exercises == load_library(folders).exercises
    assert [e.id for e in index.search("knee")] == ["knee-one"]
    assert from_cache(folders, file) is not None
    write(folder, "knee-one", "Knee one, changed")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert from_cache(folders, file) is None
    library, _ = cached_library(folders, file)
    assert library.exercises["knee-one"].name == "Knee one, changed"
    write(folder, "knee-two", "Knee two")
    assert from_cache(folders, file) is None
    assert set(cached_library(folders, file)[0].exercises) == {"knee-one", "knee-two"}


def test_a_damaged_cache_is_ignored(tmp_path: Path) -> None:
    folder = tmp_path / "clinic"
    folder.mkdir()
    write(folder, "knee-one", "Knee one")
    file = tmp_path / "cache.pickle"
    file.write_bytes(b"not a pickle")
    library, _ = cached_library([Folder("clinic", folder)], file)
    assert "knee-one" in library.exercises


def test_a_picture_added_in_a_subfolder_refreshes_the_cache(tmp_path: Path) -> None:
    """An exercise whose picture was missing was skipped; adding the picture brings it back."""
    folder = tmp_path / "clinic"
    (folder / "images").mkdir(parents=True)
    (folder / "knee.toml").write_text(
        EXERCISE.format(id="knee-one", name="Knee one") + 'image = "images/knee.png"\n'
    )
    file = tmp_path / "cache.pickle"
    folders = [Folder("clinic", folder)]
    library, _ = cached_library(folders, file)
    assert "knee-one" not in library.exercises and library.problems
    (folder / "images" / "knee.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    stat = (folder / "images").stat()
    os.utime(folder / "images", ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert from_cache(folders, file) is None
    assert "knee-one" in cached_library(folders, file)[0].exercises


def test_a_library_of_many_chunks_comes_back_whole_and_in_order(tmp_path: Path) -> None:
    """The cache stores exercises in chunks (so a thread reading it lets the screen run); a
    library of several chunks reads back the same, its search the same, with or without
    pauses between chunks."""
    from library.library_cache import CHUNK

    folder = tmp_path / "clinic"
    folder.mkdir()
    count = CHUNK * 2 + 7
    text = "".join(
        EXERCISE.format(id=f"knee-{n:04}", name=f"Knee bend number {n}") for n in range(count)
    )
    (folder / "many.toml").write_text(text)
    file = tmp_path / "cache.pickle"
    folders = [Folder("clinic", folder)]
    told: list[tuple[int, int]] = []
    library, index = cached_library(folders, file, progress=lambda *p: told.append(p))
    assert told and told[-1] == (0, 1)  # one file, told before it is read
    for pause in (False, True):
        found = from_cache(folders, file, pause=pause)
        assert found is not None
        again, again_index = found
        assert list(again.exercises) == list(library.exercises)
        assert again.exercises == library.exercises
        assert [e.id for e in again_index.search("knee 1000")] == [
            e.id for e in index.search("knee 1000")
        ]
        assert again_index.search("bend number 1003")[0].id == "knee-1003"


def test_the_bundled_library_comes_back_from_the_cache_whole(tmp_path: Path) -> None:
    """Every field of every exercise, its figure and its translations, and where it came from
    (which equality leaves out): what the app shows and saves is what a fresh read gives."""
    from library.locations import bundled_library

    folders = [Folder("bundled", bundled_library())]
    file = tmp_path / "cache.pickle"
    read, _ = cached_library(folders, file)
    found = from_cache(folders, file)
    assert found is not None
    cached = found[0].exercises
    assert cached == read.exercises
    for exercise_id, exercise in read.exercises.items():
        again = cached[exercise_id]
        assert (again.layer, again.source, again.written_in) == (
            exercise.layer,
            exercise.source,
            exercise.written_in,
        )
        assert again.figure == exercise.figure and again.translations == exercise.translations
