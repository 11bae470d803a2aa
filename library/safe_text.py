"""Text from a file, made safe to show in a terminal.

A key name, an id or a file name in a colleague's program may hold control characters: an
escape sequence would clear the screen, retitle the window or print a fake "ok" line, and a
bidi override would show a name backwards. Everything hepster prints or shows that came from a
file goes through `shown`, which writes such characters as visible escapes (`\\x1b`, `\\u202e`).
"""

from __future__ import annotations

import re

# C0 and C1 controls, DEL, the bidi embeddings, overrides and isolates, the marks that flip
# direction, the line and paragraph separators, and a stray byte-order mark.
UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff]"
)
UNSAFE_BUT_NEWLINE = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff]"
)


NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def escape(match: re.Match[str]) -> str:
    if match.group(0) in NAMED:
        return NAMED[match.group(0)]
    code = ord(match.group(0))
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def shown(text: str, *, lines: bool = False) -> str:
    """`text` with every unsafe character written as an escape; with `lines`, newlines stay
    (a message of several lines), otherwise they are escaped too (one line stays one line)."""
    return (UNSAFE_BUT_NEWLINE if lines else UNSAFE).sub(escape, text)


def is_unsafe(character: str) -> bool:
    return UNSAFE.fullmatch(character) is not None
