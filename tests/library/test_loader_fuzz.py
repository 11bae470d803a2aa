"""Whatever a file holds, loading it gives a program or a list of problems, never a crash."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import Any

import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from library.layers import Library
from library.problems import InvalidFile
from library.program_files import load_program, program_text
from library.schema import DOSE_KEYS, EXERCISE_KEYS, ITEM_KEYS, PROGRAM_KEYS
from library.validation import validate_path

KEYS = st.sampled_from([*DOSE_KEYS, *EXERCISE_KEYS, *ITEM_KEYS, *PROGRAM_KEYS, "bogus"])
SCALARS = st.one_of(
    st.integers(-5, 5000),
    st.booleans(),
    st.text(max_size=30),
    st.sampled_from(["hip", "stretch", "each", "hepster-program", "https://x.org/v", "../a.png"]),
    st.floats(allow_nan=False),
    st.dates(),
    st.datetimes(),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=5),
    max_leaves=20,
)


def program_like() -> st.SearchStrategy[dict[str, Any]]:
    exercise = st.fixed_dictionaries(
        {"id": st.sampled_from(["abc", "hip-1", "X"]), "name": st.text(max_size=10)},
        optional={key: VALUES for key in EXERCISE_KEYS if key not in ("id", "name")},
    )
    item = st.fixed_dictionaries(
        {"exercise": st.sampled_from(["abc", "hip-1", "nope", 3])},
        optional={"dose": st.dictionaries(st.sampled_from(DOSE_KEYS), VALUES, max_size=5)},
    )
    return st.fixed_dictionaries(
        {
            "format": st.sampled_from(["hepster-program", "other"]),
            "version": st.sampled_from([1, 2, "1"]),
        },
        optional={
            "title": VALUES,
            "goals": VALUES,
            "created": VALUES,
            "item": st.lists(item, max_size=3),
            "exercise": st.lists(exercise, max_size=3),
            "bogus": VALUES,
        },
    )


def check(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "p.toml"
        path.write_bytes(data)
        try:
            program = load_program(path)
        except InvalidFile as error:
            assert error.problems
            assert all(str(p).startswith(f"{path}: ") for p in error.problems)
        else:
            # A valid program survives saving: what it writes loads back equal.
            path.write_text(program_text(program), encoding="utf-8")
            assert load_program(path) == program
        problems, _ = validate_path(path, Library)
        assert all(str(p).startswith(f"{path}: ") for p in problems)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(program_like())
def test_generated_programs(document: dict[str, Any]) -> None:
    check(tomli_w.dumps(document).encode())


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(KEYS, VALUES, max_size=6))
def test_generated_documents(document: dict[str, Any]) -> None:
    check(tomli_w.dumps(document).encode())


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=200))
def test_random_bytes(data: bytes) -> None:
    check(data)


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet='[]=."\n #abcdefhilmnoprstvx1234567890-_', max_size=120))
def test_toml_shaped_noise(text: str) -> None:
    check(text.encode())


def test_dates_are_dates() -> None:
    check(b'format = "hepster-program"\nversion = 1\ncreated = 2026-02-30\n')
    check(
        tomli_w.dumps({"format": "hepster-program", "version": 1, "created": dt.time(1)}).encode()
    )
