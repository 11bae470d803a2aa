"""The handout's catalogs (exports/locale/*.po): every phrase the code marks is in the template
and translated in every language, whole, with the same placeholders, none left fuzzy."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from exports.catalogs import LOCALE, catalog
from library.dose_glance import glance, rounds_explained
from library.languages import TRANSLATED
from library.model import Dose, Exercise
from library.speech import speaking

ROOT = Path(__file__).parents[2]
KEYWORDS = {"_": None, "N_": None, "n_": (1, 2), "p_": ((1, "c"), 2)}
PLACEHOLDER = re.compile(r"\{(\w*)\}")


def marked() -> set[tuple[str | None, str]]:
    """(context, phrase) of every phrase the code marks, as `pybabel extract` finds them."""
    found: set[tuple[str | None, str]] = set()
    for package in ("library", "exports"):
        for _file, _line, message, _comments, context in extract_from_dir(
            ROOT / package, keywords=KEYWORDS, comment_tags=("Translators:",)
        ):
            found.add((context, message[0] if isinstance(message, tuple) else message))
    return found


def read(path: Path, language: str | None = None) -> Catalog:
    with path.open("rb") as stream:
        return read_po(stream, locale=language)


def phrases(messages: Catalog) -> set[tuple[str | None, str]]:
    return {(m.context, m.id[0] if isinstance(m.id, tuple) else m.id) for m in messages if m.id}


def test_the_template_holds_every_marked_phrase() -> None:
    """Regenerate it with the command in docs/languages.md when this fails."""
    template = phrases(read(LOCALE / "handout.pot"))
    assert marked() == template


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_phrase_is_translated_whole(language: str) -> None:
    messages = read(LOCALE / f"{language}.po", language)
    assert phrases(messages) == marked(), "update it: pybabel update (docs/languages.md)"
    for message in messages:
        if not message.id:
            continue
        assert not message.fuzzy, f"{language}: fuzzy, not checked yet: {message.id!r}"
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        assert all(strings), f"{language}: not translated: {ids[0]!r}"
        wanted = set().union(*(PLACEHOLDER.findall(text) for text in ids))
        for text in strings:
            # A plural's forms may leave out the number ("once"); no form adds a placeholder.
            assert set(PLACEHOLDER.findall(text)) <= wanted, f"{language}: {text!r}"
            if len(ids) == 1:
                assert set(PLACEHOLDER.findall(text)) == wanted, f"{language}: {text!r}"


@pytest.mark.parametrize("language", TRANSLATED)
def test_plurals_follow_the_language(language: str) -> None:
    words = catalog(language)
    assert words is not None
    once = words.ngettext("{count} day a week", "{count} days a week", 1)
    twice = words.ngettext("{count} day a week", "{count} days a week", 2)
    assert once != twice


DOSES = [
    Dose(sets=3, reps=10, per_day=2, days_per_week=3, side="each", rest_s=30),
    Dose(sets=(2, 3), hold_s=30, per_day=1, side="left"),
    Dose(duration_s=(60, 120), per_day=1),
    Dose(hold_s=90, reps=1, side="alternating"),
    Dose(duration_s=3600, sets=1, side="right", days_per_week=1),
]


class Pseudo:
    """A catalog that marks every phrase it is asked for: what is printed unmarked was never
    looked up (pseudo-localisation)."""

    def gettext(self, message: str) -> str:
        return f"⟦{message}⟧"

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return f"⟦{singular if n == 1 else plural}⟧"

    def pgettext(self, context: str, message: str) -> str:
        return f"⟦{message}⟧"


def test_every_word_of_a_dose_is_looked_up() -> None:
    """Each word of a dose box goes through the catalog (a phrase marked one way and looked up
    another would print in English in every language)."""
    leg = Exercise(id="x-leg", name="X", regions=("knee",), kind="strength", steps=("Go.",))
    with speaking("xx", Pseudo()):
        parts = [part for dose in DOSES for part in glance(dose, leg).parts]
        pieces = [piece for part in parts for piece in (part.label, part.value) if piece]
        pieces.append(rounds_explained(DOSES) or "")
    assert [piece for piece in pieces if "⟦" not in piece] == []
