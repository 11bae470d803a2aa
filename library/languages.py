"""The languages a handout can be printed in, and the tags that name them.

A program's `language` is a BCP 47 tag: a language ("es"), optionally with a region ("es-MX",
"pt-BR"), which prints as its language. The handout's frame (hepster's own words) exists in every
language here (exports/locale/); an exercise may carry its own words in any of them but English,
which is its main text (`[exercise.translations.es]`, docs/languages.md).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from library.model import Exercise, Program

ENGLISH = "en"
# Tag -> the language's name in itself, as the app's form and the error messages show it.
SUPPORTED = {
    "en": "English",
    "es": "Español",
    "fr": "Français",
    "de": "Deutsch",
    "pt": "Português",
}
# Their names in English, for the therapist (the app's interface and warnings are English).
ENGLISH_NAMES = {
    "en": "English",
    "es": "Spanish",
    "fr": "French",
    "de": "German",
    "pt": "Portuguese",
}
# The languages an exercise's translations may be written in.
TRANSLATED = tuple(tag for tag in SUPPORTED if tag != ENGLISH)

TAG = re.compile(r"([A-Za-z]{2,3})(?:[-_]([A-Za-z]{2}|[0-9]{3}))?")


def supported_text() -> str:
    return ", ".join(f"{tag} ({name})" for tag, name in SUPPORTED.items())


def language_of(tag: str) -> str | None:
    """The supported language a tag names ("es-MX" -> "es"), or None if it names none."""
    found = TAG.fullmatch(tag.strip())
    if found is None:
        return None
    language = found.group(1).lower()
    return language if language in SUPPORTED else None


def english_name(tag: str | None) -> str:
    """The language a tag names, in English for the therapist: "Spanish" for "es-MX"."""
    return ENGLISH_NAMES[language_of(tag or ENGLISH) or ENGLISH]


def tag_problem(tag: str) -> str | None:
    """Why `tag` is not a language a handout can be printed in; None when it is."""
    if language_of(tag) is not None:
        return None
    shape = "" if TAG.fullmatch(tag.strip()) else "is not a language tag; "
    return f"{shape}supported languages: {supported_text()}"


def normal_tag(tag: str) -> str:
    """A supported tag as it is saved: "es", "es-MX" (language lowercase, region uppercase)."""
    found = TAG.fullmatch(tag.strip())
    assert found is not None
    language, region = found.group(1).lower(), found.group(2)
    return f"{language}-{region.upper()}" if region else language


def untranslated(program: Program, language: str | None) -> list[Exercise]:
    """The program's exercises without words in `language`, which print in English: the
    therapist is told of each, before and after exporting."""
    base = language_of(language or ENGLISH) or ENGLISH
    if base == ENGLISH:
        return []
    return [e for e in program.used_exercises() if e.text_in(base) is None]


def untranslated_warnings(program: Program, language: str | None = None) -> list[str]:
    """One line for each exercise `untranslated` finds, in the handout's `language` (the
    program's own if None)."""
    language = language or program.language
    called = english_name(language)
    return [
        f"{e.name} ({e.id}) has no {called} text; it prints in English"
        for e in untranslated(program, language)
    ]
