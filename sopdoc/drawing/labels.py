"""The Ya/Tidak labels of decision arrows, placed beside the first leg of each."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import replace
from typing import Final

from sopdoc.drawing.routing import Route
from sopdoc.layout.wrap import Measure
from sopdoc.units import Pt

LABEL_SIZE: Final = 7.0


def place_labels(
    arrows: Iterable[Route], *, measure: Measure, size: Pt = LABEL_SIZE
) -> tuple[Route, ...]:
    """Put ``Ya``/``Tidak`` beside the first leg of each labelled arrow, near its start."""
    placed = []
    for arrow in arrows:
        if not arrow.spec.label or len(arrow.points) < 2:
            placed.append(arrow)
            continue
        (x0, y0), (x1, y1) = arrow.points[0], arrow.points[1]
        length = math.dist((x0, y0), (x1, y1)) or 1.0
        along = min(length / 2, 3 + size)
        ux, uy = (x1 - x0) / length, (y1 - y0) / length
        px, py = x0 + ux * along, y0 + uy * along
        half_w = measure.width(arrow.spec.label, size) / 2
        vertical = abs(ux) < abs(uy)  # label right of a vertical leg, above a horizontal one
        centre = (px + half_w + 2, py) if vertical else (px, py - size / 2 - 1.5)
        placed.append(replace(arrow, label_at=(round(centre[0], 3), round(centre[1], 3))))
    return tuple(placed)
