"""An exercise's figure in the terminal, drawn with braille dots (2 x 4 to a cell), each cell
coloured for what most of its dots belong to: near side, far side, trunk, prop or arrow.

A small renderer of our own rather than an image library: it needs no graphics protocol (over
SSH, in tmux), costs nothing at start-up, and draws the very shapes the handout draws.
Each shape first clears a thin ring around itself, so a limb in front stays apart from the one
behind it, as the dark outline does on paper.
"""

from __future__ import annotations

import math
from collections import Counter
from functools import lru_cache
from itertools import pairwise

from rich.console import Console, ConsoleOptions, RenderResult
from rich.segment import Segment
from rich.style import Style

from library.figure_scene import Picture, Shape, exercise_picture
from library.model import Exercise

# Braille dot bits by (column, row) within a cell.
DOTS = ((0x01, 0x02, 0x04, 0x40), (0x08, 0x10, 0x20, 0x80))
COLOURS = {
    "near": "#7fb0ff",
    "mid": "#c9d6e8",
    "far": "#8797ad",
    "prop": "#8a8a8a",
    "line-prop": "#b0b0b0",
    "arrow": "#e0604f",
    "between": "#8a8a8a",
    "ground": "#6a6a6a",
    "outline": "#c8c8c8",
    "paper": "#c8c8c8",
}
CLEAR = -1  # a dot cleared by a shape's ring


def segment_distance(px: float, py: float, a: tuple[float, float], b: tuple[float, float]) -> float:
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = dx * dx + dy * dy
    t = 0.0 if length == 0 else max(0.0, min(1.0, ((px - a[0]) * dx + (py - a[1]) * dy) / length))
    return math.hypot(px - a[0] - dx * t, py - a[1] - dy * t)


def inside(px: float, py: float, polygon: tuple[tuple[float, float], ...]) -> bool:
    found = False
    j = len(polygon) - 1
    for i, (xi, yi) in enumerate(polygon):
        xj, yj = polygon[j]
        if (yi > py) != (yj > py) and px < (xj - xi) * (py - yi) / (yj - yi) + xi:
            found = not found
        j = i
    return found


def distance(shape: Shape, x: float, y: float) -> float:
    """How far (x, y) is outside the shape: 0 or less is inside."""
    points = shape.points
    if shape.kind == "disc":
        return math.hypot(x - points[0][0], y - points[0][1]) - shape.radius
    if shape.kind in ("capsule", "line"):
        if len(points) == 1:
            return math.hypot(x - points[0][0], y - points[0][1]) - shape.radius
        edge = min(segment_distance(x, y, a, b) for a, b in pairwise(points))
        return edge - shape.radius
    if len(points) >= 3 and inside(x, y, points):
        return -1.0
    if len(points) == 1:
        return math.hypot(x - points[0][0], y - points[0][1]) - shape.radius
    ring = [*points, points[0]]
    edge = min(segment_distance(x, y, a, b) for a, b in pairwise(ring))
    return edge - (shape.radius if shape.kind == "blob" else 0.0)


def rasterise(picture: Picture, columns: int, rows: int) -> tuple[list[list[int]], list[str]]:
    """A grid of dots (rows * 4 by columns * 2), each the index of a style, or -1."""
    width, height = columns * 2, rows * 4
    k = min(width / picture.width, height / picture.height)
    styles: list[str] = []
    grid = [[CLEAR] * width for _ in range(height)]
    ring = 0.35 / k  # a third of a dot, in the picture's centimetres: limbs stay apart
    clip: tuple[float, float, float, float] | None = None
    for shape in picture.shapes:
        if shape.kind == "clip":
            (x0, y0), (x1, y1) = shape.points
            clip = (x0, y0, x1, y1)
            continue
        if shape.kind == "unclip":
            clip = None
            continue
        if shape.fill not in styles:
            styles.append(shape.fill)
        style = styles.index(shape.fill)
        grow = shape.radius + (ring if shape.outline else 0.0)
        xs = [p[0] for p in shape.points]
        ys = [p[1] for p in shape.points]
        left = max(0, int((min(xs) - grow) * k) - 1)
        right = min(width - 1, int((max(xs) + grow) * k) + 1)
        low = max(0, int((height / k - max(ys) - grow) * k) - 1)
        high = min(height - 1, int((height / k - min(ys) + grow) * k) + 1)
        for row in range(low, high + 1):
            y = height / k - (row + 0.5) / k
            if clip and not clip[1] <= y <= clip[3]:
                continue
            line = grid[row]
            for column in range(left, right + 1):
                x = (column + 0.5) / k
                if clip and not clip[0] <= x <= clip[2]:
                    continue
                d = distance(shape, x, y)
                if d <= 0:
                    line[column] = style
                elif shape.outline and d <= ring:
                    line[column] = CLEAR
    return grid, styles


@lru_cache(maxsize=64)
def cells(
    picture: Picture, columns: int, rows: int
) -> tuple[tuple[tuple[str, str | None], ...], ...]:
    """Each cell's braille character and colour, the picture scaled to fit."""
    k = min(columns * 2 / picture.width, rows * 4 / picture.height)
    used_columns = max(1, min(columns, math.ceil(picture.width * k / 2)))
    used_rows = max(1, min(rows, math.ceil(picture.height * k / 4)))
    grid, styles = rasterise(picture, used_columns, used_rows)
    found = []
    for row in range(used_rows):
        line: list[tuple[str, str | None]] = []
        for column in range(used_columns):
            bits = 0
            counts: Counter[int] = Counter()
            for dx in range(2):
                for dy in range(4):
                    style = grid[row * 4 + dy][column * 2 + dx]
                    if style != CLEAR:
                        bits |= DOTS[dx][dy]
                        counts[style] += 1
            if not bits:
                line.append((" ", None))
                continue
            colour = COLOURS.get(styles[counts.most_common(1)[0][0]], "#c8c8c8")
            line.append((chr(0x2800 + bits), colour))
        found.append(tuple(line))
    return tuple(found)


class FigureCells:
    """A rich renderable: the picture as large as the pane allows, at most `rows` high, its
    frames side by side or one above the other, whichever is drawn larger."""

    def __init__(self, pictures: tuple[Picture, ...], rows: int) -> None:
        self.pictures = pictures
        self.rows = rows

    @classmethod
    def of(cls, exercise: Exercise, rows: int) -> FigureCells | None:
        """The exercise's figure, or None when it has none."""
        row, column = exercise_picture(exercise), exercise_picture(exercise, stacked=True)
        return None if row is None or column is None else cls((row, column), rows)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        columns = max(8, options.max_width)

        def scale(picture: Picture) -> float:
            return min(columns * 2 / picture.width, self.rows * 4 / picture.height)

        picture = max(self.pictures, key=scale)
        for line in cells(picture, columns, self.rows):
            for char, colour in line:
                yield Segment(char, Style(color=colour) if colour else None)
            yield Segment.line()
