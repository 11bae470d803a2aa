"""The one way text becomes a ReportLab Paragraph: every string is escaped, so text is never markup.

A program file comes from someone else. ReportLab's paragraph parser understands tags such as
`<img src="...">` (which reads a file from disk) and `<a href>`; a name or note holding them must
print as the characters typed, not act. `para` is the only place a Paragraph is made, and it
builds its markup only from escaped text and the bold and size tags it writes itself.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph


@dataclass(frozen=True)
class Strong:
    """A run printed in bold: labels like "Caution:" that carry meaning without colour."""

    text: str


@dataclass(frozen=True)
class Sized:
    """A run in another type size than its paragraph's, in points: a dose's large figure and
    the smaller words beside it ("2 times a day (morning and evening)") share one line."""

    text: str
    size: float


Run = str | Strong | Sized


def clean(text: str) -> str:
    """Text as it should print: composed (so Vietnamese tone marks sit on one glyph, the way the
    font draws them), without control characters or lone surrogates, tabs as spaces."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\t", " "))
    return "".join(
        char for char in text if char == "\n" or unicodedata.category(char) not in ("Cc", "Cs")
    )


def escaped(text: str) -> str:
    """Markup that prints `text` literally; line breaks in it are kept."""
    return escape(clean(text)).replace("\n", "<br/>")


def markup(runs: Run | Sequence[Run]) -> str:
    if isinstance(runs, str | Strong | Sized):
        runs = [runs]
    parts = []
    for run in runs:
        if isinstance(run, Strong):
            parts.append(f"<b>{escaped(run.text)}</b>")
        elif isinstance(run, Sized):
            parts.append(f'<font size="{float(run.size):g}">{escaped(run.text)}</font>')
        else:
            parts.append(escaped(run))
    return "".join(parts)


def para(
    runs: Run | Sequence[Run], style: ParagraphStyle, *, bullet: str | None = None
) -> Paragraph:
    """A paragraph of plain text (or plain and bold runs); `bullet` is a number or mark before it.

    ReportLab draws a bullet given as a string literally, without parsing it, so it is only cleaned.
    """
    bullet_text = clean(bullet) if bullet is not None else None
    return Paragraph(markup(runs), style, bulletText=bullet_text)
