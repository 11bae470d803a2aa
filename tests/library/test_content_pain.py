"""One pain rule: the handout's pain guide (exports/guidance.py) says how much pain is okay, and
no bundled exercise or template states a different limit ("no more than 3 out of 10")."""

from __future__ import annotations

import re

import pytest
from test_content_sides import Texts, exercise_texts, item_texts, program_texts

from exports.guidance import PAIN_LEVELS
from library.layers import Folder, Library, load_library
from library.locations import bundled_library
from library.program_files import load_program

# "6 out of 10", "3/10", "3 / 10": the number a text gives on the 0 to 10 scale.
SCORE = re.compile(r"\b(\d+)\s*(?:out of 10\b|/\s*10\b)", re.IGNORECASE)


def okay_limit() -> int:
    """The highest pain the guide calls okay: the top of its last level but one ("4 or 5 out of
    10: Okay"), read from the guide itself so that the two can never disagree. The guide keeps
    it in its table's words, not in a constant of its own."""
    *_, okay, _too_much = PAIN_LEVELS
    found = SCORE.search(okay[0])
    assert found is not None, okay
    return int(found.group(1))


PAIN_LIMIT = okay_limit()


def disagreements(where: str, text: str) -> list[str]:
    return [
        f"{where}: says {match.group(0)}; the pain guide's limit is {PAIN_LIMIT} out of 10: {text}"
        for match in SCORE.finditer(text)
        if int(match.group(1)) != PAIN_LIMIT
    ]


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library([Folder("bundled", bundled_library())])


def test_the_guide_allows_up_to_five() -> None:
    assert PAIN_LIMIT == 5


def bundled_texts(library: Library) -> Texts:
    """Every text of every bundled exercise and template, each with where it is."""
    texts = [
        (f"{e.id}: {place}", text)
        for e in library.exercises.values()
        for place, text in exercise_texts(e)
    ]
    for template_id, template in library.templates.items():
        program = load_program(template.path, library.get)
        texts += [(f"{template_id}: {place}", text) for place, text in program_texts(program)]
        for number, item in enumerate(program.items, 1):
            texts += [(f"{template_id}: {place}", text) for place, text in item_texts(item, number)]
    return texts


def test_no_bundled_text_states_another_pain_limit(library: Library) -> None:
    texts = bundled_texts(library)
    assert any("5 out of 10" in text for _, text in texts), "the search finds nothing at all"
    assert [problem for where, text in texts for problem in disagreements(where, text)] == []


@pytest.mark.parametrize(
    "text",
    [
        "Pain no more than 3 out of 10",
        "Mild stretch, pain no more than 3 out of 10",
        "Keep pain under 2/10.",
        "Stop above 7 / 10.",
        "Pain no more than 3 Out Of 10",
    ],
)
def test_another_limit_is_found(text: str) -> None:
    assert disagreements("here", text) != []


@pytest.mark.parametrize(
    "text",
    ["Pain no more than 5 out of 10", "Stop if the pain is more than 5/10.", "Count to 10."],
)
def test_the_guide_limit_and_plain_numbers_are_fine(text: str) -> None:
    assert disagreements("here", text) == []
