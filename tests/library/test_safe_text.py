"""Text from a file, shown in a terminal: nothing in it can act on the terminal."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from library.problems import Problem
from library.safe_text import UNSAFE, shown


def test_controls_and_bidi_overrides_are_written_as_escapes() -> None:
    assert shown("\x1b[2J\x1b]0;pwned\x07") == "\\x1b[2J\\x1b]0;pwned\\x07"
    assert shown("\rok, program fake") == "\\rok, program fake"
    assert shown("hip\u202eevil") == "hip\\u202eevil"
    assert shown("C1 \x9b31m") == "C1 \\x9b31m"
    assert shown("two\nlines") == "two\\nlines"
    assert shown("two\nlines", lines=True) == "two\nlines"
    assert shown("Ça va — “fine” ✓ 日本") == "Ça va — “fine” ✓ 日本", "ordinary text untouched"


@given(st.text())
def test_nothing_unsafe_is_left_and_safe_text_is_kept(text: str) -> None:
    result = shown(text)
    assert not UNSAFE.search(result)
    if not UNSAFE.search(text):
        assert result == text


def test_a_problem_is_one_safe_line_whatever_its_file_is_called() -> None:
    problem = Problem("/tmp/evil\nname\x1b.toml", 'item[1].\x1b[31m"x"', "unknown key\u202e")
    said = str(problem)
    assert "\n" not in said and not UNSAFE.search(said)
    assert said == '/tmp/evil\\nname\\x1b.toml: item[1].\\x1b[31m"x": unknown key\\u202e'
