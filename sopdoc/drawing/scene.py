"""The drawing of each page: routed arrows with their labels placed, ready for any backend."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sopdoc.drawing.labels import LABEL_SIZE, place_labels
from sopdoc.drawing.routing import Route, route_arrows
from sopdoc.layout.geometry import Column, ProcedureLayout, ProcedurePage
from sopdoc.layout.wrap import Measure
from sopdoc.units import Pt

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
