"""Settings, recent files, autosave and custom exercises: the files in the user's folders."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from library.autosave import (
    autosave_dir,
    autosave_file,
    clear_autosave,
    left_behind,
    process_started,
    write_autosave,
)
from library.exercise_files import (
    ExerciseFileError,
    check_custom_exercise,
    exercise_fields,
    exercise_raw,
    save_custom_exercise,
)
from library.field_text import dose_fields
from library.layers import load_library
from library.locations import personal_library
from library.model import Dose, Exercise, Program
from library.recent import KEEP, read_recent, recent_files, remember
from library.settings import Settings, load_settings, save_settings, settings_path


def test_settings_round_trip_and_defaults() -> None:
    assert load_settings() == (Settings(), [])
    settings = Settings(
        clinician="Sam Rivera, PT",
        clinic="Riverside",
        contact="555-0100",
        paper="a4",
        large_print=True,
    )
    path = save_settings(settings)
    assert path == settings_path() and path.read_text().startswith("# hepster settings")
    assert load_settings() == (settings, [])


def test_bad_settings_are_reported_and_defaults_kept() -> None:
    path = settings_path()
    path.parent.mkdir(parents=True)
    path.write_text('paper = "a3"\nclinican = "typo"\nlarge_print = "yes"\n')
    settings, problems = load_settings()
    assert settings == Settings()
    places = {p.place for p in problems}
    assert places == {"paper", "clinican", "large_print"}
    path.write_text("paper = [")
    assert load_settings()[0] == Settings() and load_settings()[1]


def test_recent_files_newest_first_without_duplicates(tmp_path: Path) -> None:
    files = [tmp_path / f"p{n}.toml" for n in range(KEEP + 3)]
    for file in files:
        file.write_text("")
        remember(file)
    remember(files[0])
    recent = read_recent()
    assert recent[0] == files[0].resolve() and len(recent) == KEEP
    assert len(set(recent)) == KEEP
    files[0].unlink()
    assert files[0].resolve() not in recent_files()


def test_broken_recent_list_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "recent.json"
    path.write_text("{not json")
    assert read_recent(path) == []


def test_autosave_round_trip_and_what_was_left_behind(tmp_path: Path) -> None:
    program = Program(title="Jane's knees", created=dt.date(2026, 11, 24))
    mine = write_autosave(program, tmp_path / "jane.toml")
    assert mine == autosave_file()
    assert mine.stat().st_mode & 0o777 == 0o600, "a copy of patient data only the user can read"
    assert left_behind() == [], "this process is running: its file is not left behind"
    gone = autosave_dir() / "999999999.toml"
    write_autosave(program, None, gone)
    found = left_behind()
    assert [a.file for a in found] == [gone] and found[0].original is None
    assert found[0].load(lambda _: None) == program
    clear_autosave()
    clear_autosave()  # twice is fine
    assert not mine.exists()


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux's /proc")
def test_an_autosave_whose_process_id_was_reused_is_left_behind(tmp_path: Path) -> None:
    """After a crash and a reboot, another program may have the crashed hepster's id."""
    write_autosave(Program(title="Jane's knees"), None, tmp_path / "mine.toml")
    text = (tmp_path / "mine.toml").read_text(encoding="utf-8")
    ours = process_started(os.getpid())
    assert ours is not None and f'"started": "{ours}"' in text
    running = tmp_path / f"{os.getppid()}.toml"  # a process that is running: this test's parent
    parent = process_started(os.getppid())
    assert parent is not None and parent != "1"
    (tmp_path / "mine.toml").unlink()
    mark = f'"started": "{ours}"'
    running.write_text(text.replace(mark, f'"started": "{parent}"'), encoding="utf-8")
    assert left_behind(tmp_path) == [], "its hepster is still editing it"
    running.write_text(text.replace(mark, '"started": "1"'), encoding="utf-8")
    assert [a.file for a in left_behind(tmp_path)] == [running], "the id is someone else's now"
    running.write_text(text.replace(f", {mark}", ""), encoding="utf-8")
    assert left_behind(tmp_path) == [], "a file from before start times: trust the id"


def test_autosave_comment_line_does_not_break_the_program(tmp_path: Path) -> None:
    file = tmp_path / "a.toml"
    write_autosave(Program(title="x"), Path('/some where/odd "name".toml'), file)
    [found] = left_behind(tmp_path)
    assert found.original == Path('/some where/odd "name".toml')
    assert found.saved.startswith(str(dt.date.today().year))


def test_autosave_of_an_unwritable_folder_raises_oserror(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root can write anywhere")
    folder = tmp_path / "locked"
    folder.mkdir(mode=0o500)
    with pytest.raises(OSError):
        write_autosave(Program(), None, folder / "x" / "1.toml")


def custom_fields() -> dict[str, str]:
    return {
        "id": "wall-sit-short",
        "name": "Short wall sit",
        "kind": "strength",
        "steps": "Lean on a wall.\nSlide down.",
        "equipment": "wall, chair",
    }


def test_custom_exercise_is_checked_saved_and_loaded_back() -> None:
    raw = exercise_raw(custom_fields(), ["knee"], False, dose_fields(Dose(sets=2, reps=10)))
    exercise, problems = check_custom_exercise(raw)
    assert problems == [] and exercise is not None
    assert exercise.equipment == ("wall", "chair")
    saved = save_custom_exercise(exercise, None)
    assert saved.source == personal_library() / "wall-sit-short.toml"
    loaded = load_library().get("wall-sit-short")
    assert loaded == exercise and loaded is not None and loaded.layer == "personal"
    assert exercise_fields(loaded)["steps"] == "Lean on a wall.\nSlide down."


def test_custom_exercise_problems_are_the_library_rules() -> None:
    raw = exercise_raw(
        custom_fields() | {"id": "Bad Id", "video": "ftp://x"},
        [],
        True,
        dose_fields(None) | {"hold_s": "0"},
    )
    exercise, problems = check_custom_exercise(raw)
    assert exercise is None
    assert {p.place for p in problems} >= {"id", "regions", "video", "dose.hold_s"}


def test_a_hand_written_personal_definition_is_not_duplicated(tmp_path: Path) -> None:
    other = personal_library() / "mine.toml"
    existing = Exercise(
        "wall-sit-short", "Mine", ("knee",), "strength", ("Do.",), layer="personal", source=other
    )
    with pytest.raises(ExerciseFileError, match=r"mine\.toml"):
        save_custom_exercise(existing, existing)
