"""One pain rule: the handout's pain guide (exports/guidance.py) says how much pain is okay, up to
the program's `pain_limit` or `PAIN_LIMIT` when it sets none, and no bundled exercise or template
states a different limit ("no more than 3 out of 10")."""

from __future__ import annotations

import re

import pytest
from test_content_sides import Texts, exercise_texts, item_texts, program_texts

from exports.guidance import pain_levels
from library.layers import Folder, Library, load_library
from library.locations import bundled_library
from library.model import PAIN_LIMIT
from library.program_files import load_program

# "6 out of 10", "3/10", "3 / 10": the number a text gives on the 0 to 10 scale.
SCORE = re.compile(r"\b(\d+)\s*(?:out of 10\b|/\s*10\b)", re.IGNORECASE)


def disagreements(where: str, text: str, limit: int = PAIN_LIMIT) -> list[str]:
    return [
        f"{where}: says {match.group(0)}; the pain guide's limit is {limit} out of 10: {text}"
        for match in SCORE.finditer(text)
        if int(match.group(1)) != limit
    ]


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library([Folder("bundled", bundled_library())])


def test_the_guide_allows_up_to_five_unless_the_program_says() -> None:
    assert PAIN_LIMIT == 5
    *_, okay, _too_much = pain_levels(PAIN_LIMIT)
    assert okay[0] == "4 or 5 out of 10", "the guide's okay row ends at the default limit"


def bundled_texts(library: Library) -> list[tuple[str, str, int]]:
    """Every text of every bundled exercise and template, each with where it is and the pain
    limit it must agree with: a template's own, or the default."""
    texts = [
        (f"{e.id}: {place}", text, PAIN_LIMIT)
        for e in library.exercises.values()
        for place, text in exercise_texts(e)
    ]
    for template_id, template in library.templates.items():
        program = load_program(template.path, library.get)
        limit = program.pain_limit_or_default()
        found: Texts = program_texts(program)
        found += [(f"warning_signs[{n}]", text) for n, text in enumerate(program.warning_signs, 1)]
        for number, item in enumerate(program.items, 1):
            found += item_texts(item, number)
        texts += [(f"{template_id}: {place}", text, limit) for place, text in found]
    return texts


def test_no_bundled_text_states_another_pain_limit(library: Library) -> None:
    texts = bundled_texts(library)
    assert any("5 out of 10" in text for _, text, _ in texts), "the search finds nothing at all"
    problems = [
        problem for where, text, limit in texts for problem in disagreements(where, text, limit)
    ]
    assert problems == []


def test_a_program_s_own_limit_is_the_one_its_texts_must_state() -> None:
    assert disagreements("here", "Pain no more than 3 out of 10", limit=3) == []
    assert disagreements("here", "Pain no more than 5 out of 10", limit=3) != []


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
