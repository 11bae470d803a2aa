"""Bundled, clinic and personal libraries: which definition wins, and what is reported."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest

from library.layers import load_library
from library.locations import personal_library

CHILDS_POSE = """
[[exercise]]
id = "childs-pose"
name = "{name}"
regions = ["low-back"]
kind = "stretch"
steps = ["Kneel and sit back."]
"""


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_the_bundled_library_loads_cleanly() -> None:
    library = load_library()
    assert library.problems == []
    assert "hamstring-stretch-strap" in library.exercises
    assert library.get("hamstring-stretch-strap").layer == "bundled"  # type: ignore[union-attr]
    assert "low-back-hips" in library.templates


def test_personal_overrides_clinic_overrides_bundled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clinic = tmp_path / "clinic"
    write(clinic, "ours.toml", CHILDS_POSE.format(name="Clinic child's pose"))
    monkeypatch.setenv("HEPSTER_LIBRARY", str(clinic))
    library = load_library()
    assert library.get("childs-pose").name == "Clinic child's pose"  # type: ignore[union-attr]
    assert [e.layer for e in library.overridden["childs-pose"]] == ["bundled"]

    write(personal_library(), "mine.toml", CHILDS_POSE.format(name="My child's pose"))
    library = load_library()
    winner = library.get("childs-pose")
    assert winner is not None and winner.name == "My child's pose" and winner.layer == "personal"
    assert [e.layer for e in library.overridden["childs-pose"]] == ["bundled", "clinic"]


def test_the_personal_library_honours_xdg_data_home(isolated_user_folders: Path) -> None:
    assert personal_library().is_relative_to(Path(os.environ["XDG_DATA_HOME"]))


def test_several_clinic_folders_and_a_missing_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    write(one, "a.toml", CHILDS_POSE.format(name="One").replace("childs-pose", "only-in-one"))
    write(two, "b.toml", CHILDS_POSE.format(name="Two").replace("childs-pose", "only-in-two"))
    missing = tmp_path / "gone"
    monkeypatch.setenv("HEPSTER_LIBRARY", os.pathsep.join(map(str, (one, two, missing))))
    library = load_library()
    assert {"only-in-one", "only-in-two"} <= set(library.exercises)
    assert [str(p) for p in library.problems] == [
        f"{missing}: HEPSTER_LIBRARY names a folder that does not exist"
    ]


def test_a_broken_file_costs_only_itself(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    clinic = tmp_path / "clinic"
    write(clinic, "good.toml", CHILDS_POSE.format(name="Good").replace("childs-pose", "good-one"))
    write(clinic, "bad.toml", "[[exercise]]\nid = \n")
    monkeypatch.setenv("HEPSTER_LIBRARY", str(clinic))
    library = load_library()
    assert "good-one" in library.exercises
    assert len(library.problems) == 1 and "bad.toml: line 2" in str(library.problems[0])


def test_two_definitions_in_one_layer_are_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clinic = tmp_path / "clinic"
    write(clinic, "a.toml", CHILDS_POSE.format(name="A").replace("childs-pose", "twice"))
    write(clinic, "b.toml", CHILDS_POSE.format(name="B").replace("childs-pose", "twice"))
    monkeypatch.setenv("HEPSTER_LIBRARY", str(clinic))
    library = load_library()
    assert library.get("twice").name == "A"  # type: ignore[union-attr]
    assert "'twice' is defined twice in the clinic library" in str(library.problems[0])


def test_hidden_folders_are_not_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    clinic = tmp_path / "clinic"
    write(clinic / ".git", "junk.toml", "not toml at all [")
    write(clinic, "a.toml", CHILDS_POSE.format(name="A").replace("childs-pose", "visible"))
    monkeypatch.setenv("HEPSTER_LIBRARY", str(clinic))
    assert load_library().problems == []


def test_a_saved_exercise_gives_a_new_library_as_a_restart_would(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The app's library after a custom exercise is saved (F3/F4) is the one it reads at the
    next start: the same winner, the same overridden definitions in the same order, and the
    library it had before is left as it was."""
    from library.exercise_files import save_custom_exercise

    clinic = tmp_path / "clinic"
    write(clinic, "mine.toml", CHILDS_POSE.format(name="Clinic child's pose"))
    monkeypatch.setenv("HEPSTER_LIBRARY", str(clinic))
    before = load_library()
    clinics = before.get("childs-pose")
    assert clinics is not None and clinics.layer == "clinic"
    original_overridden = list(before.overridden["childs-pose"])
    saved = save_custom_exercise(replace(clinics, name="My child's pose"), clinics)
    after = before.with_exercise(saved)
    restarted = load_library()

    assert after.get("childs-pose") == restarted.get("childs-pose") == saved
    assert [e.layer for e in after.overridden["childs-pose"]] == ["bundled", "clinic"]
    assert after.overridden == restarted.overridden
    assert list(after.exercises) == list(restarted.exercises), "the same order in the browser"
    assert before.get("childs-pose") is clinics, "the old library is unchanged"
    assert before.overridden["childs-pose"] == original_overridden
    with pytest.raises(AttributeError):
        before.exercises = {}  # type: ignore[misc]


def test_two_templates_of_one_name_in_a_library_are_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clinic = tmp_path / "clinic"
    program = 'format = "hepster-program"\nversion = 1\ntitle = "{title}"\n'
    first = write(clinic / "knees", "rehab.toml", program.format(title="Knee rehab"))
    second = write(clinic / "hips", "rehab.toml", program.format(title="Hip rehab"))
    monkeypatch.setenv("HEPSTER_LIBRARY", str(clinic))
    library = load_library()
    [problem] = [p for p in library.problems if "template" in p.message]
    kept = library.templates["rehab"].path
    assert {Path(problem.path), kept} == {first, second}, "one offered, the other reported"
    assert str(kept) in problem.message and "rename one" in problem.message
