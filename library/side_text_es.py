"""Side words in Spanish exercise text: the same two placeholders as English
(library/side_text.py), written where Spanish puts a side, after the body part, which follows
"el", "la", "del" or "al" (whose gender the side word takes):

    "Cruce el tobillo {side} sobre la rodilla {other side}."

| the text says          | `right`              | `left`                 | no side given          |
| ---------------------- | -------------------- | ---------------------- | ---------------------- |
| el tobillo {side}      | el tobillo derecho   | el tobillo izquierdo   | un tobillo (*)         |
| la rodilla {other side}| la rodilla izquierda | la rodilla derecha     | la otra rodilla        |
| del pie {side}         | del pie derecho      | del pie izquierdo      | de un pie (*)          |

(*) The first one named, as in English; later the same side is just "el tobillo".
"""

from __future__ import annotations

import re

SIDE, OTHER_SIDE = "{side}", "{other side}"
IN_PLACE = re.compile(r"\b(el|la|del|al|El|La|Del|Al) (\w+) (\{side\}|\{other side\})")
WORDS = {
    "right": {"m": "derecho", "f": "derecha"},
    "left": {"m": "izquierdo", "f": "izquierda"},
}
OPPOSITE = {"left": "right", "right": "left"}
ONE = {"el": "un", "la": "una", "del": "de un", "al": "a un"}
OTHER = {"el": "el otro", "la": "la otra", "del": "del otro", "al": "al otro"}


def gender(article: str) -> str:
    return "f" if article.lower() == "la" else "m"


def capitalised(words: str, like: str) -> str:
    return words[0].upper() + words[1:] if like[0].isupper() else words


def fill_all(texts: list[str], named: str | None) -> list[str]:
    """Spanish texts filled for the side `named` (left, right, or None for no side)."""
    first: list[str] = []

    def sided(match: re.Match[str]) -> str:
        article, part, placeholder = match.groups()
        assert named is not None
        side = named if placeholder == SIDE else OPPOSITE[named]
        return f"{article} {part} {WORDS[side][gender(article)]}"

    def neutral(match: re.Match[str]) -> str:
        article, part, placeholder = match.groups()
        if not first:
            first.append(placeholder)
            return f"{capitalised(ONE[article.lower()], article)} {part}"
        if placeholder == first[0]:
            return f"{article} {part}"
        return f"{capitalised(OTHER[article.lower()], article)} {part}"

    filled = []
    for text in texts:
        if "{" in text:
            text = IN_PLACE.sub(sided if named is not None else neutral, text)
            # One out of place (the file checks report it) still never prints braces.
            text = text.replace(f" {SIDE}", "").replace(f" {OTHER_SIDE}", "")
        filled.append(text)
    return filled


PLACE_HINT = (
    "must come after 'el', 'la', 'del' or 'al' and one word for the body part, as in "
    "'la rodilla {side}' or 'del pie {other side}'"
)
