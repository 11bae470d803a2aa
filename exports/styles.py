"""Type sizes, spacing and page sizes for the two kinds of handout: regular and large print.

Health-literacy defaults (CMS, NCI and AHRQ guidance for patient print): body 13 pt (large
print 16 pt), line spacing 1.4 to 1.45, left-aligned and ragged right, black on white, bold for
emphasis. Nothing is grey, nothing smaller than 12 pt (16 pt in large print).
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch

from exports.typeface import register_fonts

PAPER = {"letter": LETTER, "a4": A4}


@dataclass(frozen=True)
class Styles:
    """Everything that changes with large print; built by `make_styles`."""

    body: ParagraphStyle
    title: ParagraphStyle
    clinic: ParagraphStyle
    heading: ParagraphStyle
    section: ParagraphStyle
    exercise: ParagraphStyle
    step: ParagraphStyle
    bullet: ParagraphStyle
    boxed: ParagraphStyle
    table: ParagraphStyle
    body_size: float
    footer_size: float
    tick_size: float
    qr_size: float
    picture_width: float
    picture_height: float
    gap: float
    # Regular print sets the picture beside the steps. Large print puts it beside the name or
    # the dose box instead, whichever keeps the block shorter: beside the steps, 16 pt steps
    # in half the width would run so long that an exercise no longer fits on one page.
    picture_beside: bool = True


@dataclass(frozen=True)
class Sizes:
    """Type sizes in points, and spacing. Large print keeps the body at 16 pt (the issue's
    floor) rather than 18, with lines at 1.3 and lists a little tighter and less indented, so
    that the fullest exercise of every bundled template stays on one Letter page (a test exports
    them all); a therapist's long notes may still need the "continues" break."""

    body: float
    table: float
    footer: float
    title: float
    clinic: float
    heading: float
    section: float
    exercise: float
    tick: float
    enlarge: float  # pictures and QR codes
    line_spacing: float  # leading as a multiple of the type size
    list_space: float  # space after a step, as a multiple of the body size


REGULAR_SIZES = Sizes(13, 12, 12, 24, 17, 19, 21, 17, 15, 1.0, 1.45, 0.3)
LARGE_SIZES = Sizes(16, 16, 16, 28, 21, 22, 23, 19, 18, 1.15, 1.3, 0.15)


def make_styles(large_print: bool) -> Styles:
    regular, bold = register_fonts()
    sizes = LARGE_SIZES if large_print else REGULAR_SIZES
    size = sizes.body

    def style(
        name: str, font_size: float, *, font: str = regular, **extra: float | str
    ) -> ParagraphStyle:
        return ParagraphStyle(
            name,
            fontName=font,
            fontSize=font_size,
            leading=round(font_size * sizes.line_spacing, 1),
            alignment=TA_LEFT,
            textColor="black",
            splitLongWords=1,
            **extra,
        )

    def listed(name: str, bullet_indent: float, space_after: float) -> ParagraphStyle:
        return style(
            name,
            size,
            leftIndent=1.6 * size,
            bulletIndent=bullet_indent,
            bulletFontName=bold,
            bulletFontSize=size,
            spaceAfter=space_after,
        )

    return Styles(
        body=style("body", size, spaceAfter=size * 0.4),
        title=style("title", sizes.title, font=bold, spaceBefore=size * 0.3, spaceAfter=size * 0.5),
        clinic=style("clinic", sizes.clinic, font=bold, spaceAfter=size * 0.2),
        heading=style(
            "heading",
            sizes.heading,
            font=bold,
            spaceBefore=size,
            spaceAfter=size * 0.4,
            keepWithNext=1,
        ),
        section=style("section", sizes.section, font=bold, spaceAfter=size * 0.5),
        exercise=style("exercise", sizes.exercise, font=bold, spaceAfter=size * 0.35),
        step=listed("step", 0, size * sizes.list_space),
        bullet=listed("bullet", size * 0.5, size * sizes.list_space * 0.7),
        boxed=style("boxed", size),
        table=style("table", sizes.table),
        body_size=size,
        footer_size=sizes.footer,
        tick_size=sizes.tick,
        qr_size=1.15 * inch * sizes.enlarge,
        picture_width=3.0 * inch if not large_print else 2.1 * inch,
        picture_height=2.6 * inch if not large_print else 1.05 * inch,
        gap=size * 0.8,
        picture_beside=not large_print,
    )


def margins(large_print: bool) -> tuple[float, float, float, float]:
    """(left, right, top, bottom); the bottom leaves room for the footer.

    Regular print: lines of about 70 characters at 13 pt, short enough to follow. Large print
    has fewer characters a line anyway, so it takes a little more of the page's width.
    """
    if large_print:
        return 0.6 * inch, 0.6 * inch, 0.5 * inch, 0.8 * inch
    return 0.9 * inch, 0.9 * inch, 0.65 * inch, 0.95 * inch
