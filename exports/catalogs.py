"""The handout's words in each language: gettext catalogs, read from the `.po` files in
exports/locale/ (one per language, the format translators' tools read and write).

A `.po` file is read with Babel and turned into Python's own `GNUTranslations` in memory (Babel
writes the compiled form to a buffer), so no compiled `.mo` file is kept in the repository or
can go stale beside its source. Only an export imports this module: the app starts without
Babel, and an English handout never reads a catalog.
"""

from __future__ import annotations

import functools
import gettext
import io
from pathlib import Path

from library.languages import ENGLISH, language_of

LOCALE = Path(__file__).parent / "locale"
DOMAIN = "handout"


def po_file(language: str) -> Path:
    return LOCALE / f"{language}.po"


@functools.cache
def catalog(language: str) -> gettext.GNUTranslations | None:
    """The catalog for a supported tag ("es", "pt-BR"), or None for English (the phrases as
    the code writes them)."""
    base = language_of(language) or ENGLISH
    if base == ENGLISH:
        return None
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po_file(base).open("rb") as stream:
        messages = read_po(stream, locale=base, domain=DOMAIN)
    compiled = io.BytesIO()
    # Fuzzy entries (a translator's guess, not yet checked) are left out: English is printed
    # instead, and tests/exports/test_catalogs.py says none may be fuzzy anyway.
    write_mo(compiled, messages, use_fuzzy=False)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)
