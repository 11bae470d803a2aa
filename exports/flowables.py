"""Small building blocks of the handout: boxed panels, tick boxes, QR codes and pictures."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PIL import Image as PILImage
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.platypus import Flowable, FrameBreak, Image, KeepTogether, Table, TableStyle

from exports.typeface import register_fonts
from library.errors import HepsterError

BLACK = "black"
IMAGE_FORMATS = ("PNG", "JPEG")


def table_style(commands: Sequence[tuple[Any, ...]]) -> TableStyle:
    """A table style whose cells use the handout's font: ReportLab's cell default is Helvetica,
    a font it would name in the PDF without embedding it, even when every cell holds a paragraph."""
    regular, _ = register_fonts()
    return TableStyle([("FONT", (0, 0), (-1, -1), regular, 12), *commands])


class PictureError(HepsterError):
    """An exercise's picture that cannot be printed; the message says why, in a few words."""


def panel(
    rows: Sequence[Flowable], width: float, *, border: float = 2.0, padding: float = 8.0
) -> Table:
    """A bordered box around `rows`, one table row each so a long panel can still break
    between pages; white inside, since text over shading is harder to read."""
    table = Table([[row] for row in rows], colWidths=[width], hAlign="LEFT", splitInRow=1)
    table.setStyle(
        table_style(
            [
                ("BOX", (0, 0), (-1, -1), border, BLACK),
                ("LEFTPADDING", (0, 0), (-1, -1), padding * 1.25),
                ("RIGHTPADDING", (0, 0), (-1, -1), padding * 1.25),
                ("TOPPADDING", (0, 0), (-1, -1), padding / 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), padding / 4),
                ("TOPPADDING", (0, 0), (-1, 0), padding),
                ("BOTTOMPADDING", (0, -1), (-1, -1), padding),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def side_bar(
    rows: Sequence[Flowable], width: float, *, bar: float = 4.0, gap: float = 10.0
) -> Table:
    """Rows set off by a thick black bar at their left: the caution style, distinct without
    relying on colour and without making the text itself smaller or lighter."""
    table = Table([[row] for row in rows], colWidths=[width], hAlign="LEFT", splitInRow=1)
    table.setStyle(
        table_style(
            [
                ("LINEBEFORE", (0, 0), (0, -1), bar, BLACK),
                ("LEFTPADDING", (0, 0), (-1, -1), gap),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def beside(
    left: Flowable, right: Any, left_width: float, width: float, gap: float, *, flip: bool = False
) -> Table:
    """`left` (a picture or code) and `right` (text) side by side, tops aligned; `flip` puts
    the picture on the right instead."""
    widths = [left_width + gap, width - left_width - gap]
    cells = [left, right]
    if flip:
        widths, cells = widths[::-1], cells[::-1]
        left.hAlign = "RIGHT"
    table = Table([cells], colWidths=widths)
    table.hAlign = "LEFT"
    table.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


def height(flowables: Sequence[Flowable], width: float) -> float:
    """How tall the flowables stand one under another, `width` wide, with their spaces after."""
    return float(sum(f.wrap(width, 10_000)[1] + f.getSpaceAfter() for f in flowables))


def around(
    picture: Flowable, picture_width: float, text: Sequence[Flowable], width: float, gap: float
) -> list[Flowable]:
    """`text` beside the picture as far down as the picture goes, and the rest of it below, the
    whole width: text flows around the picture. A block of many long steps can then still break
    across pages, which one table holding all the steps could not."""
    column = width - picture_width - gap
    picture_height = picture.wrap(picture_width, 10_000)[1]
    used, count = 0.0, 0
    while count < len(text) and used < picture_height:
        used += height(text[count : count + 1], column)
        count += 1
    # A label never sits alone at the bottom of the column, away from what it labels.
    style = getattr(text[count - 1], "style", None) if count else None
    if 0 < count < len(text) and getattr(style, "keepWithNext", False):
        count += 1
    return [beside(picture, list(text[:count]), picture_width, width, gap), *text[count:]]


class TickBoxes(Flowable):  # type: ignore[misc]  # ReportLab is untyped
    """`count` empty squares to tick, in as many rows as the width needs."""

    def __init__(self, count: int, size: float, gap: float) -> None:
        super().__init__()
        self.count = max(1, count)
        self.size = size
        self.gap = gap
        self.per_row = self.count

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        # Half a gap of air on each side, so that no box touches the cell's lines.
        fits = int(available_width // (self.size + self.gap))
        self.per_row = max(1, min(self.count, fits))
        rows = -(-self.count // self.per_row)
        self.width = self.per_row * self.size + (self.per_row - 1) * self.gap
        self.height = rows * self.size + (rows - 1) * self.gap
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.setStrokeColor(BLACK)
        canvas.setLineWidth(1.2)
        for index in range(self.count):
            row, column = divmod(index, self.per_row)
            x = column * (self.size + self.gap)
            y = self.height - (row + 1) * self.size - row * self.gap
            canvas.rect(x, y, self.size, self.size, stroke=1, fill=0)


def qr_code(link: str, size: float) -> Drawing:
    """A QR code of `link`, `size` points square, with the quiet border phones need."""
    widget = QrCodeWidget(link, barLevel="M")
    left, bottom, right, top = widget.getBounds()
    width, height = right - left, top - bottom
    drawing = Drawing(size, size, transform=[size / width, 0, 0, size / height, 0, 0])
    drawing.add(widget)
    return drawing


def picture(path: Path, width: float, height: float) -> Image:
    """The exercise's picture, scaled to fit `width` × `height` without distortion.

    Only PNG and JPEG files are read; anything else (a renamed text file, say) is refused.
    """
    try:
        with PILImage.open(path) as image:
            if image.format not in IMAGE_FORMATS:
                raise PictureError(f"{path.name} is not a PNG or JPEG picture")
            pixels_wide, pixels_high = image.size
    except (OSError, PILImage.DecompressionBombError) as error:
        raise PictureError(f"cannot read the picture {path}") from error
    scale = min(width / pixels_wide, height / pixels_high)
    flowable = Image(str(path), width=pixels_wide * scale, height=pixels_high * scale)
    flowable.hAlign = "LEFT"
    return flowable


class WholeBlock(KeepTogether):  # type: ignore[misc]  # ReportLab is untyped
    """Flowables kept on one page, like KeepTogether, and broken with care when even a whole
    page is too short for them (many steps in large print, say).

    KeepTogether would then let the content run on wherever it happens to break, and the tail of
    one exercise (its tips, its cautions, its video) would sit at the top of the next page, just
    above the next exercise, as if it belonged to that one. Instead the block starts on a fresh
    page, ends its first part with `note()` ("continues on the next page") and starts the rest
    with `heading()` (the name again, marked as continued).
    """

    def __init__(
        self,
        flowables: Sequence[Flowable],
        *,
        note: Callable[[], Flowable],
        heading: Callable[[], list[Flowable]],
        repeated: int = 0,
    ) -> None:
        super().__init__(list(flowables))
        self.note = note
        self.heading = heading
        self.repeated = repeated  # how many of the flowables are a repeated heading

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        if getattr(self, "_wrapInfo", None) != (available_width, available_height):
            self.wrap(available_width, available_height)
        if available_height >= self._H:
            return list(self._content)
        frame = getattr(self, "_frame", None)
        if frame is not None and not frame._atTop:
            return [FrameBreak(), self]
        return self.break_across(available_width, available_height)

    def break_across(self, width: float, height: float) -> list[Flowable]:
        """The part that fits above the note, the note, and the rest as a block of its own.
        Heights are summed with their spaces in full, which errs towards breaking early."""
        canvas = self.canv
        note = self.note()
        room = height - note.wrapOn(canvas, width, height)[1] - note.getSpaceBefore()
        first: list[Flowable] = []
        rest = list(self._content)
        used = 0.0
        while rest:
            flowable = rest[0]
            space = flowable.getSpaceBefore() if first else 0.0
            left = room - used - space
            _, needed = flowable.wrapOn(canvas, width, left)
            if needed + flowable.getSpaceAfter() <= left:
                first.append(rest.pop(0))
                used += space + needed + flowable.getSpaceAfter()
                continue
            parts = flowable.splitOn(canvas, width, left) if left > 0 else []
            if len(parts) > 1:
                first.append(parts[0])
                rest[0:1] = parts[1:]
            break
        if len(first) <= self.repeated or not rest:
            # Nothing of the block itself fits even on a fresh page: breaking again would only
            # repeat the heading forever. Let it run on as KeepTogether would.
            return list(self._content)
        heading = self.heading()
        follow = WholeBlock(
            [*heading, *rest], note=self.note, heading=self.heading, repeated=len(heading)
        )
        return [*first, note, follow]
