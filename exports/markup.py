"""The one way text becomes a ReportLab Paragraph: every string is escaped, so text is never markup.

A program file comes from someone else. ReportLab's paragraph parser understands tags such as
`<img src="...">` (which reads a file from disk) and `<a href>`; a name or note holding them must
print as the characters typed, not act. `para` is the only place a Paragraph is made, and it
builds its markup only from escaped text and the bold and size tags it writes itself.

Most of a handout's text is the same from one handout to the next (the pain guide, the safety
box, the log's instructions, an exercise's steps), and exporting many programs in one call makes
many handouts in one process. So a paragraph's parse and its line breaks at each width are
remembered, bounded, keyed by what decides them: the markup, the bullet and every setting of the
style (`Text`). Each remembered value is computed from its key alone, never from the paragraph
that first asked, so one patient's words cannot turn up in another's handout.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph
from reportlab.platypus.paragraph import _FUZZ


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


# How many texts escaped, paragraphs parsed and broken into lines, and styles are remembered:
# the text of a few different handouts, the last used kept. Full, they hold about 12 MiB (a
# parse about 1 KiB, a breaking into lines about 4 KiB, measured exporting every template).
ESCAPED = 4096
PARSED = 4096
BROKEN = 2048
STYLES = 256
# A longer text (a therapist's long note) is escaped, parsed and broken afresh each time: it is
# seldom printed twice, and this keeps what is remembered small.
LONGEST = 2000


def escaped(text: str) -> str:
    """Markup that prints `text` literally; line breaks in it are kept."""
    return literal(text) if len(text) > LONGEST else remembered_literal(text)


def literal(text: str) -> str:
    return escape(clean(text)).replace("\n", "<br/>")


remembered_literal = functools.lru_cache(maxsize=ESCAPED)(literal)


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


# What decides how a paragraph parses and breaks: its markup, its bullet, its style's settings.
Settings = tuple[tuple[str, Any], ...]
Source = tuple[str, str | None, Settings]

# Where ReportLab changes a paragraph's lines in place, after breaking them: hyphenating (its
# split marks a hyphenated word) and right-to-left text (its drawing reverses the words). A style
# with any of these is never remembered, since its lines could not be shared.
IN_PLACE = ("hyphenationLang", "embeddedHyphenation", "uriWasteReduce", "wordWrap")
# What a paragraph's `wrap` sets on it: the line breaks and the size they give it.
LINE_STATE = (
    "width",
    "height",
    "blPara",
    "frags",
    "_wrapWidths",
    "_width_max",
    "_splitLongWordCount",
    "_hyphenations",
)


@functools.lru_cache(maxsize=STYLES)
def shared(settings: Settings) -> Settings:
    """The first of equal settings seen: the keys of every paragraph in a style share it, rather
    than each holding a copy of its forty-odd settings."""
    return settings


def source_of(text: str, style: ParagraphStyle, bullet: str | None) -> Source | None:
    """The key a paragraph is remembered by, or None when it is not (LONGEST, IN_PLACE)."""
    if len(text) > LONGEST or any(getattr(style, name, None) for name in IN_PLACE):
        return None
    # The name and the parent are not settings: a clone holds all of its parent's.
    found = dict(vars(style))
    del found["name"], found["parent"]
    try:
        settings = shared(tuple(found.items()))
    except TypeError:  # a setting that cannot be a key (a list): not remembered
        return None
    return text, bullet, settings


@functools.lru_cache(maxsize=STYLES)
def style_of(settings: Settings) -> ParagraphStyle:
    """A style made from `settings` alone, for the paragraphs parsed to be remembered: none of
    them holds on to a handout's own styles."""
    return ParagraphStyle("remembered", **dict(settings))


@functools.lru_cache(maxsize=PARSED)
def parsed(source: Source) -> Paragraph:
    """The paragraph as ReportLab parses it, made afresh from `source`; never wrapped."""
    text, bullet, settings = source
    return Paragraph(text, style_of(settings), bulletText=bullet)


def fragments(source: Source) -> list[Any]:
    """The parsed paragraph's fragments, copied: ReportLab marks them when it breaks lines."""
    return [fragment.clone() for fragment in parsed(source).frags]


@functools.lru_cache(maxsize=BROKEN)
def line_breaks(source: Source, widths: tuple[float, ...]) -> dict[str, Any]:
    """What wrapping a fresh paragraph of `source` at each of `widths` in turn leaves on it.

    The whole history is the key: ReportLab breaks a paragraph again from the words its last
    breaking left, which may hold a word it had to split. The lines are shared by every paragraph
    that asks: ReportLab only reads them, drawing or splitting, for the styles remembered."""
    prototype = parsed(source)
    paragraph = Paragraph(
        prototype.text,
        prototype.style,
        bulletText=prototype.bulletText,
        frags=fragments(source),
    )
    if len(widths) > 1:
        paragraph.__dict__.update(line_breaks(source, widths[:-1]))
    paragraph.wrap(widths[-1], 0x7FFFFFFF)
    return {name: paragraph.__dict__[name] for name in LINE_STATE}


class Text(Paragraph):  # type: ignore[misc]  # ReportLab is untyped
    """A Paragraph whose parse and line breaks are remembered (see the module's docstring).

    The parts ReportLab makes when it splits one across pages are of this class too, made from
    fragments, without a `source`: plain paragraphs."""

    source: Source | None = None
    broken_at: tuple[float, ...] = ()  # the widths its lines were broken at, in turn

    def _setup(
        self, text: str, style: ParagraphStyle, bulletText: Any, frags: Any, cleaner: Any
    ) -> None:
        source = source_of(text, style, bulletText) if frags is None else None
        if source is None:
            super()._setup(text, style, bulletText, frags, cleaner)
            return
        prototype = parsed(source)
        # The parsed fragments themselves: this paragraph never breaks them into lines (`wrap`
        # takes its lines from `line_breaks`, which breaks copies), and ReportLab only reads them.
        super()._setup(prototype.text, style, prototype.bulletText, list(prototype.frags), cleaner)
        self.source = source

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self.source is None or availWidth < _FUZZ:
            return super().wrap(availWidth, availHeight)  # type: ignore[no-any-return]
        # Measured again at the width it was last broken at (a table sizes its cells more than
        # once, a block is measured before it is placed): nothing has changed.
        if self.broken_at[-1:] != (availWidth,) or "blPara" not in self.__dict__:
            self.broken_at += (availWidth,)
            self.__dict__.update(line_breaks(self.source, self.broken_at))
        return self.width, self.height


def para(
    runs: Run | Sequence[Run], style: ParagraphStyle, *, bullet: str | None = None
) -> Paragraph:
    """A paragraph of plain text (or plain and bold runs); `bullet` is a number or mark before it.

    ReportLab draws a bullet given as a string literally, without parsing it, so it is only cleaned.
    """
    bullet_text = clean(bullet) if bullet is not None else None
    return Text(markup(runs), style, bulletText=bullet_text)
