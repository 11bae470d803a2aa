"""The handout's own words in the patient's language: the gettext calls every patient-facing
phrase of the frame goes through (dose lines, headings, the pain guide, the log, page numbers).

    _("Warning signs")                                   a phrase
    n_("{count} time a day", "{count} times a day", n)   a phrase with a number: the language's
                                                         plural rule picks the form
    p_("dose label", "Hold")                             a phrase that one English word is not
                                                         enough to translate (its context first)
    N_("Morning")                                        marks a phrase kept in a constant; the
                                                         code looks it up with _() where it is used

Every phrase is English until an export says otherwise (`speaking`): the app's interface
stays English, and so does everything that runs outside an export. The catalogs themselves
(gettext `.po` files, one per language) are read by exports/catalogs.py, which is imported only
when exporting; here is only what a lookup needs, so that library code can mark its phrases
without importing anything. Placeholders are Python's braces (`{count}`), filled with `format`
after the lookup, so a translation may move them.

`pybabel extract` finds the phrases by these four names (see docs/languages.md).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Protocol


class Catalog(Protocol):
    """What `gettext.GNUTranslations` offers, and all the lookups here need."""

    def gettext(self, message: str) -> str: ...
    def ngettext(self, singular: str, plural: str, n: int) -> str: ...
    def pgettext(self, context: str, message: str) -> str: ...


# The catalog of the export running in this thread (or task): None is English. A context
# variable, not a global, so that an export in the app's worker thread never changes the words
# of anything else running meanwhile.
SPOKEN: ContextVar[tuple[str, Catalog] | None] = ContextVar("hepster_spoken", default=None)


def _(message: str) -> str:
    spoken = SPOKEN.get()
    return message if spoken is None else spoken[1].gettext(message)


def n_(singular: str, plural: str, n: int) -> str:
    """The form for `n`: English's rule (1 is singular) unless a catalog says otherwise."""
    spoken = SPOKEN.get()
    if spoken is None:
        return singular if n == 1 else plural
    return spoken[1].ngettext(singular, plural, n)


def p_(context: str, message: str) -> str:
    spoken = SPOKEN.get()
    return message if spoken is None else spoken[1].pgettext(context, message)


def N_(message: str) -> str:
    """Marks `message` for the catalogs without looking it up (a module constant, read at
    import time, before any export has said which language)."""
    return message


def language() -> str:
    """The language being spoken: a supported tag such as "es", or "en"."""
    spoken = SPOKEN.get()
    return "en" if spoken is None else spoken[0]


@contextmanager
def speaking(language: str, catalog: Catalog | None) -> Iterator[None]:
    """Speak `language` (with `catalog`; None for English) until the block ends."""
    token = SPOKEN.set(None if catalog is None else (language, catalog))
    try:
        yield
    finally:
        SPOKEN.reset(token)
