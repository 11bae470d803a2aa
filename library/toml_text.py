"""TOML text that a therapist is happy to hand-edit and diff: short lists on one line, keys in
a fixed order, and tomli-w for every value so quoting and escaping are never hand-rolled.

tomli-w alone writes every list across several lines (`hold_s = [` … `]`), which turns a
range into four lines; this module only decides the layout.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import tomli_w

LINE = 88
INDENT = "    "


def value_text(value: Any) -> str:
    """One scalar (text, number, true/false, date) as tomli-w writes it."""
    line = tomli_w.dumps({"v": value}, multiline_strings=True)
    return line[len("v = ") :].rstrip("\n")


def pair_text(key: str, value: Any) -> str:
    if isinstance(value, list | tuple):
        items = [value_text(item) for item in value]
        inline = f"{key} = [{', '.join(items)}]"
        if len(inline) <= LINE and not any("\n" in item for item in items):
            return inline
        body = "".join(f"{INDENT}{item},\n" for item in items)
        return f"{key} = [\n{body}]"
    return f"{key} = {value_text(value)}"


def table_text(pairs: Iterable[tuple[str, Any]]) -> str:
    return "".join(pair_text(key, value) + "\n" for key, value in pairs)
