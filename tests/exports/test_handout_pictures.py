"""The pictures in the handout: one beside every exercise, mirrored for a left item."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from pdf_helpers import example_program

from exports.exercise_blocks import exercise_story
from exports.figure_pdf import FigureFlowable
from exports.flowables import WholeBlock
from exports.styles import make_styles
from library.figure_scene import Picture
from library.model import Dose


def pictures_in(flowable: Any) -> list[Picture]:
    """Every drawn figure inside a flowable: blocks hold lists, tables hold cells."""
    if isinstance(flowable, FigureFlowable):
        return [flowable.picture]
    found: list[Picture] = []
    for inner in getattr(flowable, "_content", []) or []:
        found += pictures_in(inner)
    for row in getattr(flowable, "_cellvalues", []) or []:
        for cell in row:
            for inner in cell if isinstance(cell, list | tuple) else [cell]:
                found += pictures_in(inner)
    return found


def story_pictures(program: Any, large_print: bool = False) -> list[list[Picture]]:
    """The pictures of each exercise's block (the story also holds a note before them)."""
    styles = make_styles(large_print)
    story = exercise_story(program, styles, 450)
    return [pictures_in(block) for block in story if isinstance(block, WholeBlock)]


def test_every_exercise_of_the_example_has_its_picture_beside_it() -> None:
    program = example_program()
    for large_print in (False, True):
        blocks = story_pictures(program, large_print)
        assert len(blocks) == len(program.items)
        assert [len(pictures) for pictures in blocks] == [1] * len(program.items)


def test_a_left_item_gets_the_mirrored_picture() -> None:
    program = example_program()
    first = program.items[0]
    assert program.exercise(first.exercise).sided  # type: ignore[union-attr]
    base = first.dose or Dose()
    sides = {}
    for side in ("left", "right"):
        item = replace(first, dose=replace(base, side=side))
        sides[side] = story_pictures(replace(program, items=(item,)))[0][0]
    left, right = sides["left"], sides["right"]
    assert left != right
    assert left == right.mirrored()
