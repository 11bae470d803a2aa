"""Saving and loading programs: what a therapist's file looks like and that nothing is lost."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
import tomllib
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from library.atomic import NotAFile
from library.layers import Folder, load_library
from library.model import Dose, Item, Program
from library.problems import InvalidFile
from library.program_files import load_program, save_program
from library.schema import EARLIEST_DATE, LATEST_DATE
from tests.strategies import doses, texts

EXAMPLE = Path(__file__).parents[2] / "examples" / "low-back-hips.toml"


def test_load_save_load_gives_an_equal_program(tmp_path: Path) -> None:
    program = load_program(EXAMPLE)
    copy = tmp_path / "copy.toml"
    save_program(program, copy)
    assert load_program(copy) == program


def test_saving_the_example_reproduces_it_byte_for_byte(tmp_path: Path) -> None:
    copy = tmp_path / "copy.toml"
    save_program(load_program(EXAMPLE), copy)
    assert copy.read_bytes() == EXAMPLE.read_bytes()


def test_saving_an_unchanged_program_writes_identical_bytes(tmp_path: Path) -> None:
    path = tmp_path / "jane.toml"
    save_program(load_program(EXAMPLE), path)
    first = path.read_bytes()
    save_program(load_program(path), path)
    assert path.read_bytes() == first
    assert not path.with_name("jane.toml.bak").exists(), "an unchanged save is no new version"


def test_saving_keeps_the_previous_version_as_bak(tmp_path: Path) -> None:
    path = tmp_path / "jane.toml"
    program = load_program(EXAMPLE)
    save_program(program, path)
    before = path.read_bytes()
    save_program(replace(program, patient="Jane Q. Doe"), path)
    assert path.with_name("jane.toml.bak").read_bytes() == before
    assert load_program(path).patient == "Jane Q. Doe"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_a_failed_save_leaves_the_old_file_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "jane.toml"
    program = load_program(EXAMPLE)
    save_program(program, path)
    before = path.read_bytes()

    def full_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(OSError):
        save_program(replace(program, patient="Someone else"), path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["jane.toml"]


def test_the_file_embeds_every_used_exercise_once_in_item_order(tmp_path: Path) -> None:
    program = load_program(EXAMPLE)
    doubled = replace(program, items=(*program.items, program.items[0]))
    path = tmp_path / "p.toml"
    save_program(doubled, path)
    document = tomllib.loads(path.read_text(encoding="utf-8"))
    ids = [exercise["id"] for exercise in document["exercise"]]
    assert ids == list(dict.fromkeys(item.exercise for item in program.items))


def test_the_file_is_pleasant_to_hand_edit(tmp_path: Path) -> None:
    program = load_program(EXAMPLE)
    path = tmp_path / "p.toml"
    save_program(program, path)
    text = path.read_text(encoding="utf-8")
    assert text.startswith('format = "hepster-program"\nversion = 1\ntitle = ')
    assert "duration_s = [60, 120]\n" in text, "a range stays on one line"
    assert (
        '[[item]]\nexercise = "hamstring-stretch-strap"\nsection = "Hip stretches"\n[item.dose]\n'
        in text
    )


def test_a_program_standing_alone_opens_without_the_library(tmp_path: Path) -> None:
    """A colleague's machine with an empty library: the embedded definitions are enough."""
    program = load_program(EXAMPLE)  # no library lookup at all
    assert [e.id for e in program.exercises] == [item.exercise for item in program.items]


def test_exercises_missing_from_the_file_come_from_the_library(tmp_path: Path) -> None:
    path = tmp_path / "short.toml"
    path.write_text(
        'format = "hepster-program"\nversion = 1\ntitle = "Short"\n\n'
        '[[item]]\nexercise = "childs-pose"\n',
        encoding="utf-8",
    )
    with pytest.raises(InvalidFile):
        load_program(path)
    program = load_program(path, load_library().get)
    assert program.exercises[0].name == "Child's pose"
    save_program(program, path)
    assert 'id = "childs-pose"' in path.read_text(encoding="utf-8")
    # An English program carries no other language's words; the library adds them back.
    assert load_program(path, load_library().get) == program
    assert load_program(path).exercises[0] == replace(program.exercises[0], translations=())


def test_the_file_s_own_definition_wins_over_the_library(tmp_path: Path) -> None:
    path = tmp_path / "own.toml"
    path.write_text(
        'format = "hepster-program"\nversion = 1\n\n[[item]]\nexercise = "childs-pose"\n\n'
        '[[exercise]]\nid = "childs-pose"\nname = "Our own child\'s pose"\nregions = ["low-back"]\n'
        'kind = "stretch"\nsteps = ["Kneel and sit back."]\n',
        encoding="utf-8",
    )
    program = load_program(path, load_library().get)
    assert program.exercise("childs-pose").name == "Our own child's pose"  # type: ignore[union-attr]


def test_every_kind_of_value_survives_a_round_trip(tmp_path: Path) -> None:
    program = load_program(EXAMPLE)
    dose = Dose(
        sets=(2, 3),
        reps=(8, 12),
        hold_s=5,
        duration_s=(60, 90),
        rest_s=0,
        per_day=3,
        days_per_week=4,
        side="alternating",
        load='red band "medium"',
        tempo="3 s down, 1 s up",
        effort="Pain no more than 3/10",
        when="after lunch",
        notes="Line one.\nLine two — «ça va».",
    )
    changed = replace(
        program,
        notes='Quotes " and backslashes \\ and tabs\tstay.\nÜmlauts, 中文, Ελληνικά.',
        created=dt.date(2026, 1, 31),
        items=(*program.items, Item("hamstring-stretch-strap", section=None, notes="x", dose=dose)),
    )
    path = tmp_path / "all.toml"
    save_program(changed, path)
    assert load_program(path) == changed


# Any valid program, saved and loaded, comes back equal: the saver and the loader agree.
STRAP = load_program(EXAMPLE).exercises[0]
items = st.builds(
    Item,
    exercise=st.just(STRAP.id),
    section=st.none() | texts,
    notes=st.none() | texts,
    progression=st.none() | texts,
    dose=st.none() | doses(),
)
programs = st.builds(
    Program,
    title=texts,
    patient=st.none() | texts,
    created=st.none() | st.dates(EARLIEST_DATE, LATEST_DATE),
    goals=st.lists(texts, max_size=3).map(tuple),
    notes=st.none() | texts,
    items=st.lists(items, min_size=1, max_size=4).map(tuple),
    exercises=st.just((STRAP,)),
)


@settings(max_examples=100, deadline=None)
@given(programs)
def test_any_valid_program_round_trips(program: Program) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "p.toml"
        save_program(program, path)
        assert load_program(path) == program
        first = path.read_bytes()
        save_program(load_program(path), path)
        assert path.read_bytes() == first


def test_a_new_program_file_is_the_users_alone(tmp_path: Path) -> None:
    """A program names a patient: a new file is readable by the user only, whatever the umask;
    one the user has opened up (to share in a group folder) keeps the mode they gave it."""
    path = tmp_path / "shared.toml"
    old = os.umask(0o022)
    try:
        save_program(load_program(EXAMPLE), path)
    finally:
        os.umask(old)
    assert path.stat().st_mode & 0o777 == 0o600, "a patient's program: the user's eyes only"
    path.chmod(0o640)
    save_program(replace(load_program(path), patient="Someone"), path)
    assert path.stat().st_mode & 0o777 == 0o640, "a replaced file keeps its own mode"


def test_an_embedded_copy_of_a_library_exercise_still_finds_its_picture(tmp_path: Path) -> None:
    """hepster embeds what a program uses; the picture stays beside the library's file."""
    clinic = tmp_path / "clinic"
    (clinic / "images").mkdir(parents=True)
    (clinic / "images" / "wall-push.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (clinic / "arms.toml").write_text(
        '[[exercise]]\nid = "wall-push"\nname = "Wall push-up"\nregions = ["shoulder"]\n'
        'kind = "strength"\nimage = "images/wall-push.png"\n'
        'steps = ["Stand facing a wall.", "Bend your elbows."]\n',
        encoding="utf-8",
    )
    library = load_library([Folder("clinic", clinic)])
    path = tmp_path / "programs" / "ann.toml"
    path.parent.mkdir()
    path.write_text(
        'format = "hepster-program"\nversion = 1\ntitle = "Arms"\n\n'
        '[[item]]\nexercise = "wall-push"\n',
        encoding="utf-8",
    )
    save_program(load_program(path, library.get), path)
    assert 'image = "images/wall-push.png"' in path.read_text(encoding="utf-8")
    program = load_program(path, library.get)
    exercise = program.exercise("wall-push")
    assert exercise is not None
    assert exercise.image_path() == clinic / "images" / "wall-push.png"


def test_a_save_never_writes_through_a_link_pipe_or_device(tmp_path: Path) -> None:
    """A shared folder may hold a link named like the program, pointing anywhere: a save
    refuses it in one line, and what it points to is untouched."""
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_text("not a program", encoding="utf-8")
    link = tmp_path / "jane.toml"
    link.symlink_to(elsewhere)
    program = replace(load_program(EXAMPLE), patient="Jane Link")
    with pytest.raises(NotAFile, match="is a link; hepster does not write through links"):
        save_program(program, link)
    assert elsewhere.read_text(encoding="utf-8") == "not a program"
    assert link.is_symlink()
    pipe = tmp_path / "pipe.toml"
    os.mkfifo(pipe)
    with pytest.raises(NotAFile, match="is not an ordinary file"):
        save_program(program, pipe)  # without hanging on the pipe
    zero = tmp_path / "zero.toml"
    zero.symlink_to("/dev/zero")
    with pytest.raises(NotAFile):
        save_program(program, zero)  # without reading forever
