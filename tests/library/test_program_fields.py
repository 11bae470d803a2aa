"""A program's own warning signs and pain limit: what the file takes and refuses, what the writer
writes (only what is set, so older files keep their bytes), and the info the app edits."""

from __future__ import annotations

import tomllib
from dataclasses import replace
from pathlib import Path

import pytest

from library.editing import INFO_FIELDS, ProgramInfo, SetInfo, info_of
from library.history import History
from library.model import PAIN_LIMIT, PAIN_LIMIT_RANGE, Program
from library.problems import InvalidFile
from library.program_files import load_program, program_text, save_program
from library.schema import PROGRAM_KEYS, WARNING_SIGNS_LIMITS

EXAMPLE = Path(__file__).parents[2] / "examples" / "low-back-hips.toml"
HEAD = 'format = "hepster-program"\nversion = 1\ntitle = "Knee"\n'


def written(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "program.toml"
    path.write_text(HEAD + text, encoding="utf-8")
    return path


def problems_of(path: Path) -> list[str]:
    with pytest.raises(InvalidFile) as raised:
        load_program(path)
    return [f"{problem.place}: {problem.message}" for problem in raised.value.problems]


def test_both_fields_load(tmp_path: Path) -> None:
    path = written(
        tmp_path,
        'warning_signs = ["A hot, swollen knee", "A knee that gives way"]\npain_limit = 3\n',
    )
    program = load_program(path)
    assert program.warning_signs == ("A hot, swollen knee", "A knee that gives way")
    assert program.pain_limit == 3
    assert program.pain_limit_or_default() == 3


def test_a_program_without_them_has_none_and_the_default_limit(tmp_path: Path) -> None:
    program = load_program(written(tmp_path, ""))
    assert program.warning_signs == () and program.pain_limit is None
    assert program.pain_limit_or_default() == PAIN_LIMIT == 5


@pytest.mark.parametrize("limit", range(PAIN_LIMIT_RANGE[0], PAIN_LIMIT_RANGE[1] + 1))
def test_every_limit_on_the_scale_is_taken(tmp_path: Path, limit: int) -> None:
    assert load_program(written(tmp_path, f"pain_limit = {limit}\n")).pain_limit == limit


@pytest.mark.parametrize(
    ("value", "got"),
    [
        ("11", "11"),
        ("-1", "-1"),
        ('"5"', "'5'"),
        ("4.5", "4.5"),
        ("true", "true"),
        ("[3, 5]", "a list"),
    ],
)
def test_a_limit_off_the_scale_is_an_error(tmp_path: Path, value: str, got: str) -> None:
    found = problems_of(written(tmp_path, f"pain_limit = {value}\n"))
    assert found == [f"pain_limit: must be a whole number from 0 to 10 (got {got})"]


def test_bad_warning_signs_are_errors_that_name_the_place(tmp_path: Path) -> None:
    many, longest = WARNING_SIGNS_LIMITS
    assert problems_of(written(tmp_path, 'warning_signs = "A hot knee"\n')) == [
        'warning_signs: must be a list of texts, like ["…", "…"] (got \'A hot knee\')'
    ]
    found = problems_of(written(tmp_path, 'warning_signs = ["A hot knee", "", 3]\n'))
    assert found == [
        "warning_signs[2]: must not be empty",
        "warning_signs[3]: must be text in quotes (got 3)",
    ]
    found = problems_of(written(tmp_path, f'warning_signs = ["{"x" * (longest + 1)}"]\n'))
    assert found == [
        f"warning_signs[1]: is {longest + 1} characters long; at most {longest} are allowed"
    ]
    signs = ", ".join(['"A hot knee"'] * (many + 1))
    found = problems_of(written(tmp_path, f"warning_signs = [{signs}]\n"))
    assert found == [f"warning_signs: has {many + 1} entries; at most {many} are allowed"]


def test_a_typo_is_pointed_at_the_field(tmp_path: Path) -> None:
    found = problems_of(written(tmp_path, "pain_limits = 3\n"))
    assert len(found) == 1 and "did you mean 'pain_limit'?" in found[0]
    assert "warning_signs" in PROGRAM_KEYS and "pain_limit" in PROGRAM_KEYS


def test_the_writer_puts_them_after_the_precautions_and_round_trips(tmp_path: Path) -> None:
    program = replace(load_program(EXAMPLE), warning_signs=("A hot, swollen knee",), pain_limit=3)
    text = program_text(program)
    keys = [line.split(" =")[0] for line in text.splitlines() if " = " in line][:14]
    at = keys.index("precautions")
    assert keys[at : at + 4] == ["precautions", "warning_signs", "pain_limit", "notes"]
    path = tmp_path / "jane.toml"
    save_program(program, path)
    assert load_program(path) == program
    first = path.read_bytes()
    save_program(load_program(path), path)
    assert path.read_bytes() == first


def test_a_limit_of_zero_is_set_and_written(tmp_path: Path) -> None:
    """No pain at all is a limit, not the absence of one."""
    text = program_text(Program(title="Knee", pain_limit=0))
    assert tomllib.loads(text)["pain_limit"] == 0


def test_nothing_is_written_when_they_are_not_set(tmp_path: Path) -> None:
    """A file written before these fields existed keeps its bytes when saved again."""
    before = EXAMPLE.read_text(encoding="utf-8").replace(
        'warning_signs = ["A fever, or weight loss you cannot explain"]\n', ""
    )
    assert "warning_signs" not in before and "pain_limit" not in before
    path = tmp_path / "old.toml"
    path.write_text(before, encoding="utf-8")
    save_program(load_program(path), path)
    assert path.read_text(encoding="utf-8") == before
    assert "pain_limit" not in program_text(Program(title="Knee"))
    assert "warning_signs" not in program_text(Program(title="Knee"))


def test_the_example_sets_its_own_warning_sign() -> None:
    program = load_program(EXAMPLE)
    assert program.warning_signs == ("A fever, or weight loss you cannot explain",)
    assert program.pain_limit is None


def test_the_info_the_app_edits_carries_both() -> None:
    assert {"warning_signs", "pain_limit"} <= set(INFO_FIELDS)
    program = load_program(EXAMPLE)
    history = History(program)
    info = replace(info_of(program), warning_signs=("A hot knee",), pain_limit=2)
    history = history.do(SetInfo(info))
    assert history.present.warning_signs == ("A hot knee",)
    assert history.present.pain_limit == 2
    assert info_of(history.present) == info
    assert history.undo().present == program
    assert ProgramInfo().pain_limit is None, "the form's empty field is the default limit"
