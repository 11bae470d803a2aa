"""A figure's picture as a PNG (Pillow): drawn large and scaled down, for smooth edges."""

from __future__ import annotations

import io
import math

from PIL import Image, ImageDraw

from library.figure_scene import PALETTE, Picture, Shape

SUPERSAMPLE = 3


def draw_shape(draw: ImageDraw.ImageDraw, shape: Shape, k: float, height: float) -> None:
    def at(point: tuple[float, float]) -> tuple[float, float]:
        return (point[0] * k, (height - point[1]) * k)

    points = [at(p) for p in shape.points]
    for colour, reach in shape.coats():
        r = reach * k
        if shape.kind == "disc":
            x, y = points[0]
            draw.ellipse((x - r, y - r, x + r, y + r), fill=colour)
        elif shape.kind in ("capsule", "line"):
            width = max(1, round(2 * r))
            draw.line(points, fill=colour, width=width, joint="curve")
            for x, y in (points[0], points[-1]):
                draw.ellipse((x - r, y - r, x + r, y + r), fill=colour)
        elif shape.kind in ("blob", "polygon"):
            if len(points) >= 3:
                draw.polygon(points, fill=colour)
            if r > 0:
                closed = [*points, points[0]]
                draw.line(closed, fill=colour, width=max(1, round(2 * r)), joint="curve")
                for x, y in points:
                    draw.ellipse((x - r, y - r, x + r, y + r), fill=colour)


def png_bytes(picture: Picture, width_px: int) -> bytes:
    """The picture `width_px` pixels wide on white."""
    k = width_px * SUPERSAMPLE / picture.width
    size = (max(1, math.ceil(picture.width * k)), max(1, math.ceil(picture.height * k)))
    image = Image.new("RGB", size, PALETTE["paper"])
    draw = ImageDraw.Draw(image)
    clipped: tuple[Image.Image, tuple[int, int, int, int]] | None = None
    for shape in picture.shapes:
        if shape.kind == "clip":
            # Drawn on a layer of its own, then only the window is copied in.
            (x0, y0), (x1, y1) = shape.points
            window = (
                round(x0 * k),
                round((picture.height - y1) * k),
                round(x1 * k),
                round((picture.height - y0) * k),
            )
            clipped = (image, window)
            image = Image.new("RGB", size, PALETTE["paper"])
            draw = ImageDraw.Draw(image)
        elif shape.kind == "unclip" and clipped is not None:
            base, window = clipped
            base.paste(image.crop(window), window[:2])
            image, clipped = base, None
            draw = ImageDraw.Draw(image)
        else:
            draw_shape(draw, shape, k, picture.height)
    final = image.resize(
        (max(1, size[0] // SUPERSAMPLE), max(1, size[1] // SUPERSAMPLE)), Image.Resampling.LANCZOS
    )
    out = io.BytesIO()
    final.save(out, format="PNG", optimize=True)
    return out.getvalue()
