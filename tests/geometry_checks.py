"""Geometric checks the tests make on routed arrows."""

from __future__ import annotations

from sopdoc.backends.drawingml import PRESETS
from sopdoc.drawing.scene import Shape
from sopdoc.layout import Box
from sopdoc.units import Pt

Point = tuple[Pt, Pt]


def segment_crosses_box(a: Point, b: Point, box: Box, *, inset: Pt = 0.75) -> bool:
    """True when the axis-parallel segment a-b passes through the inside of ``box``.

    The box is shrunk by ``inset`` so that touching an edge (where arrows start and end)
    does not count.
    """
    x0, x1 = sorted((a[0], b[0]))
    y0, y1 = sorted((a[1], b[1]))
    left, right = box.x + inset, box.right - inset
    top, bottom = box.y + inset, box.bottom - inset
    return x0 < right and x1 > left and y0 < bottom and y1 > top


def segment_enters_symbol(a: Point, b: Point, box: Box, *, diamond: bool) -> bool:
    """Like ``segment_crosses_box``, but a diamond is its outline: an arrow meeting a diamond's
    slanted edge (off its vertex) lies inside the box, not inside the diamond."""
    if not diamond:
        return segment_crosses_box(a, b, box)
    for i in range(1, 50):
        x, y = a[0] + (b[0] - a[0]) * i / 50, a[1] + (b[1] - a[1]) * i / 50
        if (
            abs(x - box.center_x) / (box.width / 2) + abs(y - box.center_y) / (box.height / 2)
            < 0.98
        ):
            return True
    return False


def expected_geometry(item: Shape) -> tuple[str, str | None]:
    """A symbol's preset and its corner adjustment: a terminator is a rounded rectangle
    with the scene's corner radius (as the PDF draws it), the others their preset."""
    if item.kind != "terminator":
        return PRESETS[item.kind], None
    share = min(item.radius / min(item.box.width, item.box.height), 0.5)
    return "roundRect", f"val {round(share * 100000)}"
