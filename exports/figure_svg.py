"""A figure's picture as SVG text: the same shapes as the handout, for the web or a review."""

from __future__ import annotations

from library.figure_scene import PALETTE, Picture, Shape


def number(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def shape_svg(shape: Shape, height: float) -> list[str]:
    points = [(x, height - y) for x, y in shape.points]
    coords = " ".join(f"{number(x)},{number(y)}" for x, y in points)
    found = []
    for colour, radius in shape.coats():
        if shape.kind == "disc":
            x, y = points[0]
            found.append(
                f'<circle cx="{number(x)}" cy="{number(y)}" r="{number(radius)}" fill="{colour}"/>'
            )
        elif shape.kind in ("capsule", "line"):
            found.append(
                f'<polyline points="{coords}" fill="none" stroke="{colour}" '
                f'stroke-width="{number(2 * radius)}" stroke-linecap="round" '
                'stroke-linejoin="round"/>'
            )
        else:
            stroke = (
                (f' stroke="{colour}" stroke-width="{number(2 * radius)}" stroke-linejoin="round"')
                if radius > 0
                else ""
            )
            found.append(f'<polygon points="{coords}" fill="{colour}"{stroke}/>')
    return found


def svg_text(picture: Picture, width_mm: float = 120.0) -> str:
    """An SVG `width_mm` wide; its coordinates are the picture's centimetres."""
    height_mm = width_mm * picture.height / picture.width
    body: list[str] = []
    for shape in picture.shapes:
        if shape.kind == "clip":
            # A nested viewport cuts what is drawn to its box, in the same coordinates.
            (x0, y0), (x1, y1) = shape.points
            top = picture.height - y1
            box = f"{number(x0)} {number(top)} {number(x1 - x0)} {number(y1 - y0)}"
            body.append(
                f'<svg x="{number(x0)}" y="{number(top)}" width="{number(x1 - x0)}" '
                f'height="{number(y1 - y0)}" viewBox="{box}" overflow="hidden">'
            )
        elif shape.kind == "unclip":
            body.append("</svg>")
        else:
            body += shape_svg(shape, picture.height)
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" '
        f'width="{number(width_mm)}mm" height="{number(height_mm)}mm" '
        f'viewBox="0 0 {number(picture.width)} {number(picture.height)}">\n'
        f'<rect width="100%" height="100%" fill="{PALETTE["paper"]}"/>\n'
        + "\n".join(body)
        + "\n</svg>\n"
    )
