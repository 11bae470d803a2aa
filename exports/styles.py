"""Type sizes, spacing and page sizes for the two kinds of handout: regular and large print.

Health-literacy defaults (CMS, NCI and AHRQ guidance for patient print): left-aligned and
ragged right, black on white, bold for emphasis, nothing grey. Regular print: body 12 pt, lines
1.25 apart, so that two exercises share a Letter page (13 pt cost most programs a page more
than their budget, tests/exports/test_handout_fit.py). Large print: body 16 pt, lines 1.4
apart, three quarters of an inch of margin all round. Nothing is smaller than the body but the
log's grid (at least 12 pt, so both weeks stay on one page; exports/tracking.py). A dose's
figures are larger still (16 pt, 20 pt in large print): they are read with the paper on the
floor.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

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
    glance: ParagraphStyle  # a dose's large figures: "Hold 30 seconds"
    body_size: float
    footer_size: float
    tick_size: float
    qr_size: float
    picture_width: float  # the picture beside the steps, at most
    picture_height: float
    gap: float


@dataclass(frozen=True)
class Sizes:
    """Type sizes in points, and spacing. Regular print sets two or three exercises to a page,
    each with its picture beside the steps; large print one to a page, and the fullest exercise
    of every bundled template still fits one Letter page (a test exports them all); a
    therapist's long notes may need the "continues" break."""

    body: float
    table: float
    footer: float
    title: float
    clinic: float
    heading: float
    section: float
    exercise: float
    glance: float  # a dose's figures
    tick: float
    enlarge: float  # QR codes
    line_spacing: float  # leading as a multiple of the type size
    list_space: float  # space after a step, as a multiple of the body size
    picture_width: float  # the picture beside the steps at most, in inches
    picture_height: float


REGULAR_SIZES = Sizes(12, 12, 12, 24, 17, 19, 19, 17, 16, 15, 1.0, 1.25, 0.15, 2.2, 1.6)
LARGE_SIZES = Sizes(16, 16, 16, 28, 21, 22, 21, 18, 20, 18, 1.15, 1.4, 0.1, 2.8, 2.3)


def make_styles(large_print: bool) -> Styles:
    regular, bold = register_fonts()
    sizes = LARGE_SIZES if large_print else REGULAR_SIZES
    size = sizes.body

    def style(
        name: str, font_size: float, *, font: str = regular, **extra: float | str
    ) -> ParagraphStyle:
        extra.setdefault("leading", round(font_size * sizes.line_spacing, 1))
        return ParagraphStyle(
            name,
            fontName=font,
            fontSize=font_size,
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
        body=style("body", size, spaceAfter=size * 0.3),
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
        # Headings of one or two lines: set tighter than running text, which they are not.
        section=style(
            "section",
            sizes.section,
            font=bold,
            leading=round(sizes.section * 1.2, 1),
            spaceBefore=size * 0.5,
            spaceAfter=size * 0.3,
        ),
        exercise=style(
            "exercise",
            sizes.exercise,
            font=bold,
            leading=round(sizes.exercise * 1.2, 1),
            spaceAfter=size * 0.15,
        ),
        step=listed("step", 0, size * sizes.list_space),
        bullet=listed("bullet", size * 0.5, size * sizes.list_space * 0.7),
        boxed=style("boxed", size),
        table=style("table", sizes.table),
        glance=style("glance", sizes.glance, leading=round(sizes.glance * 1.15, 1)),
        body_size=size,
        footer_size=sizes.footer,
        tick_size=sizes.tick,
        qr_size=1.15 * inch * sizes.enlarge,
        picture_width=sizes.picture_width * inch,
        picture_height=sizes.picture_height * inch,
        gap=size * 0.8,
    )


def margins(large_print: bool) -> tuple[float, float, float, float]:
    """(left, right, top, bottom); the bottom margin holds the footer, whose words stay a
    quarter of an inch and more from the paper's edge, which a home printer may not reach.

    Regular print: lines of about 85 characters at 12 pt across the page, about 55 beside the
    picture. Large print: at least three quarters of an inch all round.
    """
    if large_print:
        return 0.75 * inch, 0.75 * inch, 0.75 * inch, 0.85 * inch
    return 0.5 * inch, 0.5 * inch, 0.45 * inch, 0.65 * inch


def tightened(styles: Styles) -> Styles:
    """The same type with less air: no space between steps, a smaller picture. A block takes
    these only where its usual self would not fit the room left on a page (see WholeBlock), so
    that it can share the page instead of starting a new one."""
    return replace(
        styles,
        body=styles.body.clone("tight-body", spaceAfter=styles.body_size * 0.15),
        step=styles.step.clone("tight-step", spaceAfter=0),
        picture_width=styles.picture_width * 0.8,
        picture_height=styles.picture_height * 0.8,
        gap=styles.gap * 0.75,
    )
