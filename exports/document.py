"""The page frame of the handout and the build that turns a story of flowables into PDF bytes.

Every page carries a footer (patient, clinic, the clinic's phone number, "Page 2 of 5"): the
canvas holds each finished page until the end of the build, when the total is known. The build
is reproducible: ReportLab's invariant mode, and a creation date taken from the program rather
than the clock.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from exports.dates import pdf_date
from exports.markup import clean
from exports.typeface import register_fonts
from library.speech import _

ELLIPSIS = "…"
# Used when a program has no creation date: any fixed day keeps the bytes the same.
FIXED_DATE = dt.date(2000, 1, 1)


@dataclass(frozen=True)
class Metadata:
    title: str
    author: str
    subject: str
    created: dt.date | None
    language: str = "en"


def fitted(text: str, font: str, size: float, available: float) -> str:
    """`text` on one line, cut short with an ellipsis where it would be wider than `available`."""
    text = clean(text).replace("\n", " ")
    if stringWidth(text, font, size) <= available:
        return text
    while text and stringWidth(text + ELLIPSIS, font, size) > available:
        text = text[:-1]
    return text.rstrip() + ELLIPSIS if text else ""


@dataclass(frozen=True)
class Footer:
    """What the bottom of every page says, and where: who it is for and from, the clinic's
    phone number (a patient with a question has it on whatever page is open), "Page 2 of 5"."""

    text: str
    size: float
    left: float
    right: float
    margin: float  # the bottom margin, which the footer sits in
    phone: str = ""

    def draw(self, canvas: Canvas, number: int, total: int) -> None:
        regular, bold = register_fonts()
        page_width = canvas._pagesize[0]
        right_edge = page_width - self.right
        page_text = _("Page {number} of {total}").format(number=number, total=total)
        page_width_used = stringWidth(page_text, bold, self.size)
        # The line half a line below the text above it, the words a line below that: well
        # inside the edge a home printer cannot print on.
        line_y = self.margin - self.size * 0.75
        baseline = line_y - self.size * 1.3
        canvas.saveState()
        canvas.setStrokeColor("black")
        canvas.setFillColor("black")
        canvas.setLineWidth(1)
        canvas.line(self.left, line_y, right_edge, line_y)
        canvas.setFont(bold, self.size)
        canvas.drawRightString(right_edge, baseline, page_text)
        available = right_edge - self.left - page_width_used - 2 * self.size
        # The phone number is never cut for a long name: the names give way first.
        call = _("Call us: {phone}").format(phone=self.phone)
        phone = fitted(call, bold, self.size, available) if self.phone else ""
        phone_width = stringWidth(phone, bold, self.size)
        separator = " · " if phone else ""
        room = available - phone_width - stringWidth(separator, regular, self.size)
        names = fitted(self.text, regular, self.size, room) if room > 3 * self.size else ""
        if not names:
            separator = ""
        canvas.setFont(regular, self.size)
        canvas.drawString(self.left, baseline, names + separator)
        canvas.setFont(bold, self.size)
        x = self.left + stringWidth(names + separator, regular, self.size)
        canvas.drawString(x, baseline, phone)
        canvas.restoreState()


class PagedCanvas(Canvas):  # type: ignore[misc]  # ReportLab is untyped
    """A canvas that keeps every page until `save`, then stamps "Page N of M" on each."""

    def __init__(self, *args: Any, footer: Footer, created: dt.date | None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.footer = footer
        self.pages: list[dict[str, Any]] = []
        stamp = pdf_date(created or FIXED_DATE)
        self.setDateFormatter(lambda *_: stamp)

    def showPage(self) -> None:
        self.pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self.pages)
        for number, state in enumerate(self.pages, 1):
            self.__dict__.update(state)
            self.footer.draw(self, number, total)
            super().showPage()
        super().save()


def build_pdf(
    story: Sequence[Flowable],
    *,
    page_size: tuple[float, float],
    margins: tuple[float, float, float, float],
    footer_text: str,
    footer_size: float,
    metadata: Metadata,
    footer_phone: str = "",
) -> bytes:
    left, right, top, bottom = margins
    buffer = io.BytesIO()
    document = BaseDocTemplate(
        buffer,
        pagesize=page_size,
        leftMargin=left,
        rightMargin=right,
        topMargin=top,
        bottomMargin=bottom,
        title=clean(metadata.title),
        author=clean(metadata.author),
        subject=clean(metadata.subject),
        creator="hepster",
        lang=metadata.language,
        invariant=1,
        pageCompression=1,
        displayDocTitle=1,
        initialFontName=register_fonts()[0],
        initialFontSize=footer_size,
    )
    # No padding inside the frame: the margins are where the text starts.
    frame = Frame(
        left,
        bottom,
        page_size[0] - left - right,
        page_size[1] - top - bottom,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="text",
    )
    document.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    footer = Footer(footer_text, footer_size, left, right, bottom, footer_phone)
    document.build(
        list(story), canvasmaker=partial(PagedCanvas, footer=footer, created=metadata.created)
    )
    return buffer.getvalue()


def text_width(page_size: tuple[float, float], margins: tuple[float, float, float, float]) -> float:
    """The width of the text column: the frame inside the margins has no padding."""
    return page_size[0] - margins[0] - margins[1]
