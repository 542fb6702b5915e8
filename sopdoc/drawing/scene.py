"""The drawing of each page: routed arrows with their labels placed, ready for any backend."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Final

from sopdoc.drawing.routing import Route, route_arrows
from sopdoc.layout.geometry import Column, ProcedureLayout, ProcedurePage
from sopdoc.layout.wrap import Measure
from sopdoc.units import Pt

LABEL_SIZE: Final = 7.0

#: A routed arrow with its label placed (the router's own type).
RoutedArrow = Route


@dataclass(frozen=True)
class RoutedPage:
    """A procedure page with its arrows routed."""

    page: ProcedurePage
    arrows: tuple[RoutedArrow, ...]
    label_size: Pt = LABEL_SIZE


def route_page(
    page: ProcedurePage,
    *,
    lanes: Sequence[Column],
    measure: Measure,
    label_size: Pt = LABEL_SIZE,
) -> RoutedPage:
    """Route the arrows of one page and place their ``Ya``/``Tidak`` labels (page points)."""
    arrows = place_labels(route_arrows(page, lanes), measure=measure, size=label_size)
    return RoutedPage(page, arrows, label_size)


def route_layout(layout: ProcedureLayout, *, measure: Measure) -> tuple[RoutedPage, ...]:
    """Every page of a layout, routed, with labels at the layout's label size."""
    return tuple(
        route_page(p, lanes=layout.lanes, measure=measure, label_size=layout.style.label_size)
        for p in layout.pages
    )


def place_labels(
    arrows: Iterable[RoutedArrow], *, measure: Measure, size: Pt = LABEL_SIZE
) -> tuple[RoutedArrow, ...]:
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
