"""The program session without a screen: what the app and `hepster new` both edit through."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from library.autosave import left_behind
from library.editing import AddItem, EditError, RemoveItem, SetSection
from library.errors import HepsterError, WriteError
from library.layers import load_library
from library.program_files import load_program, program_text
from library.session import ChangedOnDisk, Session
from library.settings import Settings

TODAY = dt.date(2026, 3, 2)
MINE = Settings(clinician="Sam Rivera, PT", clinic="Riverside PT", contact="555-0100")


@pytest.fixture(scope="module")
def library():  # type: ignore[no-untyped-def]
    return load_library()


def test_a_new_program_gets_the_therapists_details_and_today(library) -> None:  # type: ignore[no-untyped-def]
    session = Session(MINE, today=TODAY)
    session.start_blank()
    program = session.program
    assert (program.clinician, program.clinic, program.contact) == (
        "Sam Rivera, PT",
        "Riverside PT",
        "555-0100",
    )
    assert program.created == TODAY
    assert not session.dirty, "a blank program is nothing to lose"


def test_a_template_keeps_its_exercises_and_gets_the_therapists_details(library) -> None:  # type: ignore[no-untyped-def]
    template = library.templates["knee-osteoarthritis"]
    session = Session(MINE, today=TODAY)
    session.start_from_template(template.path, library.get)
    raw = load_program(template.path, library.get)
    assert session.program.items == raw.items
    assert session.program.contact == "555-0100"
    assert session.program.created == TODAY
    assert session.path is None and not session.dirty


def test_edits_undo_and_redo_say_what_they_were_and_track_changes(library) -> None:  # type: ignore[no-untyped-def]
    session = Session(today=TODAY)
    session.start_blank()
    session.edit(AddItem(library.get("bridge")))
    session.edit(SetSection(0, "Strength"))
    assert session.dirty
    assert session.program.items[0].section == "Strength"
    assert session.undo() == "section"
    assert session.program.items[0].section is None
    assert session.undo() == "add"
    assert not session.program.items and not session.dirty
    assert session.undo() is None, "nothing left to undo"
    assert session.redo() == "add"
    assert session.program.items[0].exercise == "bridge"


def test_an_edit_that_does_not_fit_changes_nothing(library) -> None:  # type: ignore[no-untyped-def]
    session = Session(today=TODAY)
    session.start_blank()
    before = session.program
    with pytest.raises(EditError, match="there is no item 3"):
        session.edit(RemoveItem(2))
    assert session.program is before
    assert isinstance(EditError("x"), HepsterError)


def test_saving_writes_the_file_and_marks_it_saved(tmp_path: Path, library) -> None:  # type: ignore[no-untyped-def]
    session = Session(MINE, today=TODAY)
    session.start_blank()
    session.edit(AddItem(library.get("bridge")))
    with pytest.raises(HepsterError, match="choose where to save"):
        session.save()
    path = session.save(tmp_path / "ann.toml")
    assert path.read_text(encoding="utf-8") == program_text(session.program)
    assert session.path == path and not session.dirty
    assert session.name == "ann.toml"
    reopened = Session()
    reopened.open(path, library.get, library.exercises)
    assert reopened.program == session.program and not reopened.dirty


def test_a_save_that_cannot_be_written_is_one_line_and_keeps_the_changes(
    tmp_path: Path,
    library,  # type: ignore[no-untyped-def]
) -> None:
    session = Session(today=TODAY)
    session.start_blank()
    session.edit(AddItem(library.get("bridge")))
    target = tmp_path / "missing-folder" / "ann.toml"
    with pytest.raises(WriteError) as raised:
        session.save(target)
    message = str(raised.value)
    assert message.startswith(f"Could not save {target}: ") and "\n" not in message
    assert session.dirty and session.path is None


def test_autosave_keeps_unsaved_work_and_clears_once_saved(tmp_path: Path, library) -> None:  # type: ignore[no-untyped-def]
    file = tmp_path / "state" / "autosave" / f"{os.getpid()}.toml"
    session = Session(today=TODAY, autosave_file=file)
    session.start_blank()
    session.edit(AddItem(library.get("bridge")))
    assert session.keep_safe() is None
    assert not file.exists(), "autosave is off until the app turns it on"
    session.autosave = True
    assert session.keep_safe() is None
    assert "bridge" in file.read_text(encoding="utf-8")
    session.save(tmp_path / "ann.toml")
    session.keep_safe()
    assert not file.exists(), "nothing unsaved: nothing kept"


def test_a_failing_autosave_warns_once(tmp_path: Path, library) -> None:  # type: ignore[no-untyped-def]
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    session = Session(today=TODAY, autosave_file=blocker / "1.toml")
    session.autosave = True
    session.start_blank()
    session.edit(AddItem(library.get("bridge")))
    warning = session.keep_safe()
    assert warning is not None and warning.startswith("Autosave is not working")
    session.edit(AddItem(library.get("clamshell")))
    assert session.keep_safe() is None, "said once, not after every change"


def test_recovered_work_shows_as_changed_against_its_file(tmp_path: Path, library) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "autosave"
    crashed = Session(today=TODAY, autosave_file=folder / "999999999.toml")
    crashed.autosave = True
    crashed.start_blank()
    crashed.edit(AddItem(library.get("bridge")))
    path = crashed.save(tmp_path / "ann.toml")
    crashed.edit(AddItem(library.get("clamshell")))
    crashed.keep_safe()
    [left] = left_behind(folder)
    assert left.original == path

    session = Session(today=TODAY)
    session.recover(left, library.get)
    assert [i.exercise for i in session.program.items] == ["bridge", "clamshell"]
    assert session.path == path and session.dirty, "still to be saved"
    session.save()
    assert [i.exercise for i in load_program(path, library.get).items] == ["bridge", "clamshell"]


def test_closing_removes_the_autosave(tmp_path: Path, library) -> None:  # type: ignore[no-untyped-def]
    file = tmp_path / "autosave" / "1.toml"
    session = Session(today=TODAY, autosave_file=file)
    session.autosave = True
    session.start_blank()
    session.edit(AddItem(library.get("bridge")))
    session.keep_safe()
    assert file.exists()
    session.close()
    assert not file.exists()


def test_a_save_over_a_file_changed_on_disk_is_refused_unless_told(
    tmp_path: Path,
    library,  # type: ignore[no-untyped-def]
) -> None:
    path = tmp_path / "ann.toml"
    first = Session(today=TODAY)
    first.start_blank()
    first.edit(AddItem(library.get("bridge")))
    first.save(path)
    colleague = Session(today=TODAY)
    colleague.open(path, library.get)
    colleague.edit(AddItem(library.get("clamshell")))
    colleague.save()

    first.edit(SetSection(0, "Strength"))
    assert first.changed_on_disk()
    with pytest.raises(ChangedOnDisk, match=r"ann\.toml was changed on disk since you opened it"):
        first.save()
    assert "clamshell" in path.read_text(encoding="utf-8"), "the colleague's work is untouched"
    first.save(overwrite=True)
    assert "clamshell" not in path.read_text(encoding="utf-8")
    assert "clamshell" in path.with_name("ann.toml.bak").read_text(encoding="utf-8")
    assert not first.changed_on_disk()
    first.edit(SetSection(0, "Legs"))
    first.save()  # nothing changed on disk since: no question


def test_save_as_keeps_the_history_and_a_second_hepster_is_told(
    tmp_path: Path,
    library,  # type: ignore[no-untyped-def]
) -> None:
    import subprocess
    import sys

    session = Session(today=TODAY)
    session.start_blank()
    session.edit(AddItem(library.get("bridge")))
    path = session.save(tmp_path / "ann.toml")
    assert session.undo() == "add", "saving under a name keeps what can be undone"
    assert session.other_editor() is None

    # Another hepster (a real process) opens the same file.
    other = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from pathlib import Path; from library.session import Session; "
            "s = Session(); s.open(Path(sys.argv[1])); print('open', flush=True); time.sleep(30)",
            str(path),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert other.stdout is not None and other.stdout.readline() == "open\n"
        assert session.other_editor() == other.pid
    finally:
        other.kill()
        other.wait()
    assert session.other_editor() is None, "a hepster no longer running is not warned about"


def test_closing_when_the_autosave_cannot_be_deleted_is_no_crash(
    tmp_path: Path,
    library,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A read-only state folder: quitting still quits; the next start offers the copy back."""
    from library import autosave as autosave_module

    def read_only(file: Path | None = None) -> None:
        raise PermissionError(13, "Permission denied")

    session = Session(today=TODAY, autosave_file=tmp_path / "1.toml")
    session.autosave = True
    session.start_blank()
    session.edit(AddItem(library.get("bridge")))
    session.keep_safe()
    monkeypatch.setattr(autosave_module, "clear_autosave", read_only)
    session.close()
    assert (tmp_path / "1.toml").exists()
