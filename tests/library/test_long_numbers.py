"""A number past MAX_DIGITS digits is refused however the file writes it: the quick look at the
text that spares most files a walk through every value must never miss one."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from library.problems import InvalidFile
from library.toml_files import MAX_DIGITS, read_document

PREFIX = {"dec": "", "hex": "0x", "oct": "0o", "bin": "0b"}
SPEC = {"dec": "d", "hex": "x", "oct": "o", "bin": "b"}


def written(value: int, base: str, underscores: bool) -> str:
    text = format(value, SPEC[base])
    if underscores:
        text = "_".join(text)
    return PREFIX[base] + text


@given(
    value=st.integers(10**MAX_DIGITS, 10**40),
    base=st.sampled_from(["dec", "hex", "oct", "bin"]),
    underscores=st.booleans(),
)
def test_a_long_number_in_any_base_is_refused(
    tmp_path_factory: pytest.TempPathFactory, value: int, base: str, underscores: bool
) -> None:
    path = tmp_path_factory.mktemp("n") / "program.toml"
    number = written(value, base, underscores)
    path.write_text(f'format = "hepster-program"\nversion = 1\npain_limit = {number}\n')
    with pytest.raises(InvalidFile) as error:
        read_document(path)
    assert "pain_limit" in str(error.value.problems[0])


def test_a_short_number_is_read(tmp_path: Path) -> None:
    path = tmp_path / "program.toml"
    path.write_text(f"a = {10**MAX_DIGITS - 1}\nb = 0x{10**MAX_DIGITS - 1:x}\n")
    assert read_document(path)["a"] == 10**MAX_DIGITS - 1
