"""The table of dose fields drives everything about a dose: what a file may hold, what the form
shows and takes, what the writer writes and what the README promises. Each test goes over every
row, so a new row is checked without a new test."""

from __future__ import annotations

import asyncio
import tomllib
from dataclasses import fields, replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from textual.app import App
from textual.widgets import Input, Label, Select, TextArea

from library.dose_fields import DOSE_FIELDS, DOSE_KEYS, DoseField
from library.dose_text import dose_text
from library.field_text import check_dose_fields, dose_fields, form_message
from library.model import Dose, Exercise, Item, Program
from library.problems import Collector
from library.program_files import dose_pairs, plain, program_text
from library.schema import check_dose, check_program
from tests.strategies import doses

README = Path(__file__).parents[2] / "README.md"
ROWS = pytest.mark.parametrize("field", DOSE_FIELDS, ids=lambda field: field.key)


def test_the_table_has_the_model_s_fields_in_order() -> None:
    assert tuple(f.name for f in fields(Dose)) == DOSE_KEYS


def dose_with(**values: Any) -> Dose:
    return Dose(**values)


def example_dose(field: DoseField) -> Dose:
    return dose_with(**{field.key: field.example})


def checked(raw: dict[str, Any], sided: bool | None = True) -> tuple[Dose | None, list[str]]:
    collector = Collector("p.toml")
    dose = check_dose(collector, raw, "dose", sided)
    return dose, [f"{p.place}: {p.message}" for p in collector.problems]


def too_much(field: DoseField) -> tuple[list[Any], str]:
    """Values just outside what the row allows, and the words of the rule every one breaks."""
    if field.kind in ("amount", "whole"):
        return [field.lo - 1, field.hi + 1], f"must be a whole number from {field.lo} to {field.hi}"
    if field.kind == "word":
        return ["sometimes"], f"must be one of {', '.join(field.words)}"
    too_long = field.max_len + 1
    return ["x" * too_long], f"is {too_long} characters long; at most {field.max_len} are allowed"


def just_right(field: DoseField) -> list[Any]:
    if field.kind in ("amount", "whole"):
        return [field.lo, field.hi]
    if field.kind == "word":
        return list(field.words)
    return ["x" * field.max_len]


@ROWS
def test_the_schema_takes_the_row_s_limits_and_names_them(field: DoseField) -> None:
    for value in just_right(field):
        dose, problems = checked({field.key: value})
        assert problems == [] and dose is not None and getattr(dose, field.key) == value
    wrong, rule = too_much(field)
    for value in wrong:
        dose, problems = checked({field.key: value})
        assert dose is None and len(problems) == 1
        assert problems[0].startswith(f"dose.{field.key}: {rule}"), problems
    if field.kind == "amount":
        assert checked({field.key: [field.lo, field.hi]})[0] == dose_with(
            **{field.key: (field.lo, field.hi)}
        )
        _, problems = checked({field.key: [field.hi, field.lo]})
        rule = f"a range must go from low to high, like [{field.lo}, {field.lo + 1}]"
        assert problems == [f"dose.{field.key}: {rule}"]


@ROWS
def test_a_field_only_for_one_side_is_refused_for_both_sides(field: DoseField) -> None:
    _, problems = checked(dict(dose_pairs(example_dose(field))), sided=False)
    if field.sided_only:
        assert problems == [
            f"dose.{field.key}: is only for exercises done one side at a time (sided = true)"
        ]
    else:
        assert problems == []


def test_a_word_field_offers_its_words_in_the_form() -> None:
    for field in DOSE_FIELDS:
        assert sorted(word for _, word in field.options) == sorted(field.words)


@ROWS
def test_the_patient_reads_what_the_row_says(field: DoseField) -> None:
    line = dose_text(example_dose(field))
    if field.reads is None:
        assert line == ""  # printed on its own, not in the dose line
    else:
        assert field.reads in line.split(" · ")


@ROWS
def test_the_form_takes_the_row_s_values_and_says_its_rule(field: DoseField) -> None:
    dose = example_dose(field)
    values = dose_fields(dose)
    assert values.keys() == set(DOSE_KEYS)
    assert check_dose_fields(values, sided=True) == (dose, [])
    wrong, rule = too_much(field)
    text = str(wrong[-1])
    _, problems = check_dose_fields(values | {field.key: text}, sided=True)
    assert [p.place for p in problems] == [field.key]
    assert form_message(problems[0].message).startswith(rule)


@ROWS
def test_the_readme_s_dose_table_says_what_the_row_does(field: DoseField) -> None:
    text = README.read_text(encoding="utf-8")
    table = text[text.index("### A dose") :].split("\n\n")[1]
    rows = [line.split(" | ") for line in table.splitlines() if f"`{field.key}`" in line]
    assert len(rows) == 1, f"the README's dose table has no row for {field.key}"
    (row,) = rows
    if field.kind in ("amount", "whole"):
        assert f"{field.lo}–{field.hi}" in row[1]
    if field.kind == "word":
        assert all(f"`{word}`" in row[1] for word in field.words)
    if field.kind == "text":
        assert row[1] == "text" and row[3].rstrip(" |") == "as written"
    else:
        example = plain(field.example)
        toml = f'"{example}"' if isinstance(example, str) else str(example)
        assert row[2] == f"`{toml}`"
        assert row[3].rstrip(" |") == field.reads


table_doses = doses()

SIDED = Exercise(
    id="heel-raise",
    name="Heel raise",
    regions=("ankle-foot",),
    kind="strength",
    steps=("Rise onto your toes.",),
    sided=True,
)


@settings(max_examples=200, deadline=None)
@given(table_doses)
def test_any_dose_the_table_allows_is_written_and_read_back(dose: Dose) -> None:
    program = Program(title="Ankle", items=(Item(SIDED.id, dose=dose),), exercises=(SIDED,))
    text = program_text(program)
    document = tomllib.loads(text)
    written = document["item"][0]["dose"]
    assert list(written) == [key for key in DOSE_KEYS if getattr(dose, key) is not None]
    collector = Collector("p.toml")
    loaded = check_program(collector, document, source=Path("p.toml"), lookup=lambda _: None)
    assert collector.problems == [] and loaded == program


@settings(max_examples=200, deadline=None)
@given(table_doses)
def test_any_dose_the_table_allows_goes_through_the_form(dose: Dose) -> None:
    assert check_dose_fields(dose_fields(dose), sided=True) == (dose, [])


def test_the_dose_form_has_a_labelled_field_for_every_row() -> None:
    """The dose editor itself, mounted: each row's label, placeholder and kind of input, in
    order; what it shows for a dose is what it gives back; a value the row does not allow is
    named by the row's label and rule, and stops the save."""
    from tui.screens.dose import DoseEditor, DoseResult

    full = dose_with(**{field.key: field.example for field in DOSE_FIELDS})
    results: list[DoseResult | None] = []

    async def run() -> None:
        app: App[None] = App()
        async with app.run_test(size=(100, 50)) as pilot:
            editor = DoseEditor("Heel raise", full, sided=True, default=None)
            await app.push_screen(editor, results.append)
            await pilot.pause()
            labels = [str(label.render()) for label in editor.query(".field-label").results(Label)]
            assert labels == [field.label for field in DOSE_FIELDS]
            assert editor.to_model() == full
            for field in DOSE_FIELDS:
                widget = editor.query_one(f"#{field.key}")
                if field.kind == "word":
                    assert isinstance(widget, Select)  # offers only the row's words
                    continue
                wrong, rule = too_much(field)
                if field.multiline:
                    assert isinstance(widget, TextArea)
                    widget.text = str(wrong[-1])
                else:
                    assert isinstance(widget, Input) and widget.placeholder == field.placeholder
                    widget.value = str(wrong[-1])
                await pilot.pause()
                shown = str(editor.query_one("#problems").render())
                assert shown.startswith(f"{field.label}: {form_message(rule)}"), shown
                assert widget.has_class("-invalid")
                editor.load_model(full)
                await pilot.pause()
            editor.query_one("#sets", Input).value = "2"
            await pilot.pause()
            await pilot.press("ctrl+s")
            await pilot.pause()

    asyncio.run(run())
    assert results == [DoseResult(replace(full, sets=2))]
