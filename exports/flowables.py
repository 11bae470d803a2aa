"""Small building blocks of the handout: boxed panels, tick boxes, QR codes and pictures."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PIL import Image as PILImage
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.platypus import Flowable, FrameBreak, Image, KeepTogether, Table, TableStyle
from reportlab.platypus.flowables import _listWrapOn

from exports.typeface import register_fonts
from library.errors import HepsterError
from library.pictures import PictureProblem, read_picture

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


def natural_width(flowables: Sequence[Flowable], width: float) -> float:
    """How wide the widest of `flowables` (paragraphs) is when given `width`: its longest line."""
    widest = 0.0
    for flowable in flowables:
        flowable.wrap(width, 10_000)
        lines = flowable.getActualLineWidths0() if hasattr(flowable, "getActualLineWidths0") else []
        widest = max(widest, *lines, 0.0)
    return widest


def tiles(
    cells: Sequence[Sequence[Flowable]],
    width: float,
    *,
    padding: float,
    rule: float = 1.0,
    measure: Sequence[Sequence[Flowable]] | None = None,
) -> list[Table]:
    """Cells (each a short stack of paragraphs) side by side, as many to a row as fit `width`,
    each as wide as its text, a thin line between neighbours; the rows one under another.
    A cell wider than a row gets a row of its own and wraps. `measure`, when given, holds for
    each cell what it must have room for (itself, and what another print of it might say)."""
    if not cells:
        return []
    rows: list[list[tuple[Sequence[Flowable], float]]] = [[]]
    used = 0.0
    for cell, sized in zip(cells, measure or cells, strict=True):
        # The first cell of a row has no padding at its left: it starts where the row starts.
        pads = padding if not rows[-1] else 2 * padding
        cell_width = min(natural_width(sized, width - 2 * padding) + pads + 1, width)
        if rows[-1] and used + cell_width > width:
            rows.append([])
            used = 0.0
            cell_width -= padding
        rows[-1].append((cell, cell_width))
        used += cell_width
    tables = []
    for row in rows:
        table = Table([[list(cell) for cell, _ in row]], colWidths=[w for _, w in row])
        table.hAlign = "LEFT"
        table.setStyle(
            table_style(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), padding),
                    ("RIGHTPADDING", (0, 0), (-1, -1), padding),
                    ("LEFTPADDING", (0, 0), (0, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                    ("LINEAFTER", (0, 0), (-2, -1), rule, BLACK),
                ]
            )
        )
        tables.append(table)
    return tables


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
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def beside(left: Any, right: Any, left_width: float, width: float, gap: float) -> Table:
    """`left` (a picture or code, or a column of them) and `right` (text) side by side, tops
    aligned."""
    widths = [left_width + gap, width - left_width - gap]
    table = Table([[left, right]], colWidths=widths)
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
    column: Sequence[Flowable],
    column_width: float,
    text: Sequence[Flowable],
    width: float,
    gap: float,
) -> list[Flowable]:
    """`text` beside a column (the picture) as far down as the column goes, and the rest of it
    below, the whole width: text flows around the column. Where the text beside it stops is
    chosen to make the whole shortest: a long step that would run far below the picture in the
    narrow column goes below it instead. A block of many long steps can then still break across
    pages, which one table holding all the steps could not."""
    beside_width = width - column_width - gap
    column_height = height(column, column_width)
    # At least one paragraph beside the picture, and never past the first one that reaches
    # its bottom: beyond that the narrow column only makes the text longer.
    narrow: list[float] = []
    while len(narrow) < len(text) and sum(narrow) < column_height:
        narrow.append(height(text[len(narrow) : len(narrow) + 1], beside_width))
    reach = max(len(narrow), 1)
    # What follows `reach` goes below whatever is chosen: only these differ between choices.
    wide = [height(text[n : n + 1], width) for n in range(min(reach, len(text)))]

    def total(count: int) -> float:
        return max(column_height, sum(narrow[:count])) + sum(wide[count:])

    count = min(range(1, reach + 1), key=lambda n: (total(n), -n)) if text else 0
    # A label never sits alone at the bottom of the column, away from what it labels.
    style = getattr(text[count - 1], "style", None) if count else None
    if 0 < count < len(text) and getattr(style, "keepWithNext", False):
        count += 1
    return [beside(list(column), list(text[:count]), column_width, width, gap), *text[count:]]


class FitWidth(Flowable):  # type: ignore[misc]  # ReportLab is untyped
    """A table made for the width it is given, beside the picture or below it: a caution's
    side bar fits either, and still breaks across pages when it is longer than one."""

    def __init__(self, make: Callable[[float], Flowable]) -> None:
        super().__init__()
        self.make = make
        self.made: Flowable | None = None
        self.made_for = 0.0  # the width it was made for

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        if self.made is None or self.made_for != available_width:
            self.made, self.made_for = self.make(available_width), available_width
        self.width, self.height = self.made.wrap(available_width, available_height)
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        parts: list[Flowable] = self.make(available_width).split(available_width, available_height)
        return parts

    def draw(self) -> None:
        assert self.made is not None, "drawn before it was wrapped"
        self.made.drawOn(self.canv, 0, 0)


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


def picture(path: Path, width: float, height: float, root: Path | None = None) -> Image:
    """The exercise's picture, scaled to fit `width` × `height` without distortion.

    The file is read once, inside `root` (its folder unless told), and only a whole PNG or
    JPEG is used (library/pictures.py): what was checked is what is printed.
    """
    try:
        data = read_picture(path, path.parent if root is None else root)
    except PictureProblem as error:
        raise PictureError(str(error)) from None
    try:
        with PILImage.open(io.BytesIO(data)) as image:
            if image.format not in IMAGE_FORMATS:
                raise PictureError(f"{path.name} is not a PNG or JPEG picture")
            pixels_wide, pixels_high = image.size
    except (OSError, PILImage.DecompressionBombError) as error:
        raise PictureError(f"cannot read the picture {path}") from error
    scale = min(width / pixels_wide, height / pixels_high)
    flowable = Image(io.BytesIO(data), width=pixels_wide * scale, height=pixels_high * scale)
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

    Before it moves to a new page, or breaks, it tries `compact()`: the same block with less air,
    which may still fit where it is.
    """

    def __init__(
        self,
        flowables: Sequence[Flowable],
        *,
        note: Callable[[], Flowable],
        heading: Callable[[], list[Flowable]],
        repeated: int = 0,
        compact: Callable[[], list[Flowable]] | None = None,
    ) -> None:
        super().__init__(list(flowables))
        self.note = note
        self.heading = heading
        self.repeated = repeated  # how many of the flowables are a repeated heading
        self.compact = compact  # the same block with less air, tried before a new page

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        if getattr(self, "_wrapInfo", None) != (available_width, available_height):
            self.wrap(available_width, available_height)
        if available_height >= self._H:
            return list(self._content)
        if self.compact is not None:
            tighter = self.compact()
            _, needed = _listWrapOn(tighter, available_width, self.canv)
            if needed <= available_height:
                return tighter
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
