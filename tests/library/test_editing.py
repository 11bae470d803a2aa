"""Program edits and their undo/redo history: the rules, and invariants over random edits."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from library.editing import (
    AddItem,
    DuplicateItem,
    Edit,
    EditError,
    MoveItem,
    RemoveItem,
    SetDose,
    SetInfo,
    SetNotes,
    SetSection,
    UpdateDefinition,
    info_of,
)
from library.history import HISTORY_LIMIT, History
from library.model import Dose, Exercise, Program


def exercise(exercise_id: str, *, sided: bool = False, dose: Dose | None = None) -> Exercise:
    return Exercise(
        exercise_id, exercise_id.title(), ("hip",), "stretch", ("Do it.",), sided=sided, dose=dose
    )


STRETCH = exercise("stretch-one", sided=True, dose=Dose(sets=3, hold_s=30, side="each"))
ROLL = exercise("roll-one", dose=Dose(duration_s=(60, 120)))
BRIDGE = exercise("bridge-one")


def built(*exercises: Exercise) -> History:
    history = History(Program(title="Test"))
    for one in exercises:
        history = history.do(AddItem(one))
    return history


def ids(program: Program) -> list[str]:
    return [item.exercise for item in program.items]


def test_add_uses_the_default_dose_and_carries_the_definition() -> None:
    history = built(STRETCH)
    assert history.present.items[0].dose == STRETCH.dose
    assert history.present.exercises == (STRETCH,)
    assert history.focus == 0


def test_a_definition_the_program_carries_wins_over_the_library() -> None:
    own = replace(STRETCH, name="The program's own")
    history = History(Program(exercises=(own,)))
    history = history.do(AddItem(STRETCH))
    assert history.present.exercises == (own,)


def test_a_new_item_joins_the_section_before_it() -> None:
    history = built(STRETCH).do(SetSection(0, "  Stretches "))
    assert history.present.items[0].section == "Stretches"
    history = history.do(AddItem(ROLL))
    assert history.present.items[1].section == "Stretches"
    history = history.do(AddItem(BRIDGE, at=0))
    assert history.present.items[0].section is None


def test_remove_drops_definitions_no_longer_used() -> None:
    history = built(STRETCH, ROLL, STRETCH).do(RemoveItem(1))
    assert ids(history.present) == ["stretch-one", "stretch-one"]
    assert history.present.exercises == (STRETCH,)
    history = history.do(RemoveItem(1)).do(RemoveItem(0))
    assert history.present.items == () and history.present.exercises == ()
    assert history.focus is None


def test_move_stays_put_at_the_ends() -> None:
    history = built(STRETCH, ROLL)
    assert history.do(MoveItem(0, -1)).past == history.past
    moved = history.do(MoveItem(0, 1))
    assert ids(moved.present) == ["roll-one", "stretch-one"] and moved.focus == 1


def test_duplicate_of_an_each_side_item_becomes_left_and_right() -> None:
    history = built(STRETCH, ROLL).do(DuplicateItem(0))
    sides = [item.dose.side if item.dose else None for item in history.present.items]
    assert sides == ["left", "right", None]
    plain = built(ROLL).do(DuplicateItem(0))
    assert plain.present.items[0] == plain.present.items[1]


def test_notes_dose_and_info() -> None:
    history = built(STRETCH).do(SetNotes(0, " Use a belt ", "\n"))
    item = history.present.items[0]
    assert item.notes == "Use a belt" and item.progression is None
    history = history.do(SetDose(0, Dose()))
    assert history.present.items[0].dose is None
    info = replace(info_of(history.present), patient="Jane", goals=("Walk",))
    history = history.do(SetInfo(info))
    assert history.present.patient == "Jane" and history.present.goals == ("Walk",)
    # The info read back from the edited program is what was set: the form's round trip.
    assert info_of(history.present) == info


def test_update_definition() -> None:
    newer = replace(STRETCH, name="Newer")
    history = built(STRETCH).do(UpdateDefinition(newer))
    assert history.present.exercise("stretch-one") == newer


def test_bad_index_is_an_edit_error_and_changes_nothing() -> None:
    history = built(STRETCH)
    for edit in (RemoveItem(3), MoveItem(-1, 1), SetSection(1, "x"), SetDose(5, None)):
        with pytest.raises(EditError):
            history.do(edit)
    with pytest.raises(EditError):
        history.do(AddItem(ROLL, at=7))


def test_no_change_is_not_recorded() -> None:
    history = built(STRETCH)
    assert history.do(SetSection(0, None)).past == history.past


def test_history_is_bounded() -> None:
    history = History(Program())
    for _ in range(HISTORY_LIMIT + 20):
        history = history.do(AddItem(ROLL))
    assert len(history.past) == HISTORY_LIMIT


def edits(size: int) -> st.SearchStrategy[Edit]:
    index = st.integers(0, max(size - 1, 0))
    return st.one_of(
        st.sampled_from([AddItem(STRETCH), AddItem(ROLL), AddItem(BRIDGE)]),
        index.map(RemoveItem),
        st.tuples(index, st.sampled_from([-1, 1])).map(lambda pair: MoveItem(*pair)),
        index.map(DuplicateItem),
        st.tuples(index, st.sampled_from([None, "A", "B"])).map(lambda p: SetSection(*p)),
        st.tuples(index, st.sampled_from([None, "note"])).map(lambda p: SetNotes(p[0], p[1])),
        st.tuples(index, st.sampled_from([None, Dose(sets=2)])).map(lambda p: SetDose(*p)),
    )


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_undo_all_returns_to_the_start_and_redo_all_to_the_end(data: st.DataObject) -> None:
    start = Program(title="Start")
    history = History(start)
    programs = [start]
    for _ in range(data.draw(st.integers(0, 25))):
        edit = data.draw(edits(len(history.present.items)))
        try:
            history = history.do(edit)
        except EditError:
            assert not history.present.items
            continue
        if history.present != programs[-1]:
            programs.append(history.present)
        # Every definition carried is used, and every item's exercise is carried.
        used = {item.exercise for item in history.present.items}
        assert {e.id for e in history.present.exercises} == used
    assert len(history.past) == len(programs) - 1
    end = history.present
    for expected in reversed(programs[:-1]):
        history = history.undo()
        assert history.present == expected
    assert not history.can_undo and history.undo() == history
    for expected in programs[1:]:
        history = history.redo()
        assert history.present == expected
    assert history.present == end and not history.can_redo


@settings(max_examples=100, deadline=None)
@given(st.data())
def test_a_new_edit_after_undo_drops_the_redo_future(data: st.DataObject) -> None:
    history = built(STRETCH, ROLL, BRIDGE).undo()
    assert history.can_redo
    edit = data.draw(edits(len(history.present.items)))
    after = history.do(edit)
    if after.present != history.present:
        assert not after.can_redo
