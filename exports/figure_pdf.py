"""A figure drawn in a PDF as vector line art: a flowable for the handout, a file of its own, and
a contact sheet of many figures for a therapist's review."""

from __future__ import annotations

import functools
import io
from collections.abc import Sequence

from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from library.figure_scene import Picture, Shape, fitted_picture
from library.model import Exercise

# Figures laid out, and drawn as PDF operators, remembered, keyed by what they are drawn from:
# the next handout of the same exercises draws the same figures again, and laying one out costs
# as much as drawing it. Full, they hold about 5 MiB (a figure's operators about 30 KiB).
FITTED = 128
DRAWN = 128


@functools.cache
def colour_of(hex_colour: str) -> HexColor:
    return HexColor(hex_colour)


def draw_shape(canvas: Canvas, shape: Shape, k: float) -> None:
    points = [(x * k, y * k) for x, y in shape.points]
    for colour, reach in shape.coats():
        canvas.setFillColor(colour_of(colour))
        canvas.setStrokeColor(colour_of(colour))
        if shape.kind == "disc":
            x, y = points[0]
            canvas.circle(x, y, reach * k, stroke=0, fill=1)
            continue
        path = canvas.beginPath()
        path.moveTo(*points[0])
        for point in points[1:]:
            path.lineTo(*point)
        canvas.setLineCap(1)
        canvas.setLineJoin(1)
        if shape.kind in ("capsule", "line"):
            if len(points) == 1:
                continue
            canvas.setLineWidth(2 * reach * k)
            canvas.drawPath(path, stroke=1, fill=0)
        else:
            path.close()
            canvas.setLineWidth(max(2 * reach * k, 0.01))
            canvas.drawPath(path, stroke=1 if reach > 0 else 0, fill=1)


def draw_picture(canvas: Canvas, picture: Picture, x: float, y: float, width: float) -> None:
    """The picture with its lower left corner at (x, y), `width` points wide."""
    canvas.saveState()
    canvas.translate(x, y)
    k = width / picture.width
    # Nothing is drawn outside the picture's own box (a close-up is cut from a whole body).
    edge = canvas.beginPath()
    edge.rect(0, 0, picture.width * k, picture.height * k)
    canvas.clipPath(edge, stroke=0, fill=0)
    for shape in picture.shapes:
        if shape.kind == "clip":
            (x0, y0), (x1, y1) = shape.points
            canvas.saveState()
            window = canvas.beginPath()
            window.rect(x0 * k, y0 * k, (x1 - x0) * k, (y1 - y0) * k)
            canvas.clipPath(window, stroke=0, fill=0)
        elif shape.kind == "unclip":
            canvas.restoreState()
        else:
            draw_shape(canvas, shape, k)
    canvas.restoreState()


@functools.lru_cache(maxsize=FITTED)
def fitted_figure(
    exercise: Exercise, side: str | None, width: float, height: float
) -> Picture | None:
    """`fitted_picture`, remembered: laying a figure's frames out costs as much as drawing it."""
    return fitted_picture(exercise, side, width, height)


@functools.lru_cache(maxsize=DRAWN)
def operators(picture: Picture, width: float) -> str:
    """What `draw_picture` writes into a page for `picture`, `width` points wide, at the origin.

    It sets every colour, line width, cap and join it uses, inside a saved and restored state,
    so what it writes depends on nothing drawn before it: it is drawn once, on a canvas of its
    own, and copied into each page that shows it (ReportLab keeps a page's operators in
    `_code`). Its colours are opaque; ReportLab notes them as needing PDF 1.4, which the
    handout's text has already asked for."""
    canvas = Canvas(io.BytesIO())
    start = len(canvas._code)
    draw_picture(canvas, picture, 0, 0, width)
    return "\n".join(canvas._code[start:])  # as ReportLab joins a page's operators


class FigureFlowable(Flowable):  # type: ignore[misc]  # ReportLab is untyped
    """A picture scaled to fit `width` × `height` points without distortion."""

    def __init__(self, picture: Picture, width: float, height: float) -> None:
        super().__init__()
        self.picture = picture
        k = min(width / picture.width, height / picture.height)
        self.width = picture.width * k
        self.height = picture.height * k

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        self.canv._code.append(operators(self.picture, self.width))


def figure_pdf(picture: Picture, width: float = 340.0) -> bytes:
    """A one-page PDF the size of the picture, `width` points wide."""
    height = width * picture.height / picture.width
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(width, height), invariant=1, pageCompression=1)
    canvas.setTitle("hepster figure")
    draw_picture(canvas, picture, 0, 0, width)
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def fitted(text: str, font: str, size: float, width: float) -> str:
    """`text`, cut short with "…" where it would run into the next cell."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def contact_sheet(entries: Sequence[tuple[str, str, Picture]], page: tuple[float, float]) -> bytes:
    """Each (id, name, picture) in a grid, three across and four down, with its name and id
    under it: for a therapist checking the drawings."""
    from exports.typeface import register_fonts

    regular, bold = register_fonts()
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=page, invariant=1, pageCompression=1)
    canvas.setTitle("hepster figures")
    margin, columns, rows = 36.0, 3, 4
    cell_w = (page[0] - 2 * margin) / columns
    cell_h = (page[1] - 2 * margin) / rows
    for start in range(0, len(entries), columns * rows):
        for index, (exercise_id, name, picture) in enumerate(
            entries[start : start + columns * rows]
        ):
            row, column = divmod(index, columns)
            x = margin + column * cell_w
            top = page[1] - margin - row * cell_h
            room_w, room_h = cell_w - 12, cell_h - 40
            k = min(room_w / picture.width, room_h / picture.height)
            draw_picture(
                canvas,
                picture,
                x + (cell_w - picture.width * k) / 2,
                top - 6 - picture.height * k,
                picture.width * k,
            )
            canvas.setFillColor(HexColor("#000000"))
            canvas.setFont(bold, 8.5)
            canvas.drawString(x + 6, top - cell_h + 20, fitted(name, bold, 8.5, cell_w - 12))
            canvas.setFont(regular, 8)
            canvas.drawString(x + 6, top - cell_h + 9, exercise_id)
        canvas.showPage()
    canvas.save()
    return out.getvalue()
