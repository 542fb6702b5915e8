"""Orthogonal polylines: tidied (no repeated points, no bends in straight runs), their
arrowheads and the boxes round them, and where two legs cross."""

from __future__ import annotations

import math
from collections.abc import Sequence

from sopdoc.drawing.clearances import HEAD_HALF_WIDTH, HEAD_LENGTH, TOUCH
from sopdoc.units import Pt

Point = tuple[Pt, Pt]


def simplify(points: list[Point]) -> list[Point]:
    """Drop repeated points and the middle of straight runs; round to 1/1000 pt."""
    rounded = [(round(x, 3), round(y, 3)) for x, y in points]
    out: list[Point] = []
    for p in rounded:
        if out and math.dist(out[-1], p) < 1e-6:
            continue
        if len(out) >= 2:
            (x0, y0), (x1, y1) = out[-2], out[-1]
            if (abs(x0 - x1) < 1e-6 and abs(x1 - p[0]) < 1e-6) or (
                abs(y0 - y1) < 1e-6 and abs(y1 - p[1]) < 1e-6
            ):
                out[-1] = p
                continue
        out.append(p)
    return out


def arrowhead(points: Sequence[Point]) -> tuple[Point, Point, Point]:
    (x0, y0), (x1, y1) = points[-2], points[-1]
    length = math.dist((x0, y0), (x1, y1)) or 1.0
    ux, uy = (x1 - x0) / length, (y1 - y0) / length
    bx, by = x1 - ux * HEAD_LENGTH, y1 - uy * HEAD_LENGTH
    px, py = -uy * HEAD_HALF_WIDTH, ux * HEAD_HALF_WIDTH
    return (
        (round(bx + px, 3), round(by + py, 3)),
        (x1, y1),
        (round(bx - px, 3), round(by - py, 3)),
    )


def head_box(before: Point, tip: Point, *, pad: Pt = 0.0) -> tuple[Pt, Pt, Pt, Pt]:
    """The box (x0, y0, x1, y1) of the head of an arrow whose last leg runs from ``before``
    to ``tip``, ``pad`` round it."""
    (x0, y0), (x1, y1) = before, tip
    if abs(y0 - y1) < 1e-6:  # into a side
        base = x1 - math.copysign(HEAD_LENGTH, x1 - x0)
        half = HEAD_HALF_WIDTH + pad
        return min(base, x1) - pad, y1 - half, max(base, x1) + pad, y1 + half
    base = y1 - math.copysign(HEAD_LENGTH, y1 - y0)  # into a top (a bottom)
    half = HEAD_HALF_WIDTH + pad
    return x1 - half, min(base, y1) - pad, x1 + half, max(base, y1) + pad


def crosses(horizontal: tuple[Pt, Pt, Pt], vertical: tuple[Pt, Pt, Pt]) -> bool:
    """True when a horizontal leg (y, x0, x1) and a vertical leg (x, y0, y1) cross inside
    both, more than TOUCH from each one's ends (nearer, one only ends on the other)."""
    y, a, b = horizontal
    x, c, d = vertical
    return min(a, b) + TOUCH < x < max(a, b) - TOUCH and min(c, d) + TOUCH < y < max(c, d) - TOUCH
