"""Each page routed and drawn: its arrows with their labels placed, and its scene."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sopdoc.drawing.labels import LABEL_SIZE, place_labels
from sopdoc.drawing.routing import Route, route_arrows
from sopdoc.drawing.scene import Scene, build_scene
from sopdoc.layout.geometry import Column, ColumnId, FontMeasure, ProcedureLayout, ProcedurePage
from sopdoc.units import Pt

#: A routed arrow with its label placed (the router's own type).
RoutedArrow = Route


@dataclass(frozen=True)
class RoutedPage:
    """A procedure page with its arrows routed, and the scene every backend draws."""

    page: ProcedurePage
    arrows: tuple[RoutedArrow, ...]
    scene: Scene
    label_size: Pt = LABEL_SIZE


def route_page(
    page: ProcedurePage,
    *,
    lanes: Sequence[Column[ColumnId]],
    measure: FontMeasure,
    label_size: Pt = LABEL_SIZE,
    lane_outlines: bool = False,
) -> RoutedPage:
    """Route the arrows of one page, place their ``Ya``/``Tidak`` labels and build its scene
    (with the lanes' outlines when ``lane_outlines``, as on slides)."""
    arrows = place_labels(
        route_arrows(page, lanes), page=page, lanes=lanes, measure=measure, size=label_size
    )
    scene = build_scene(
        page,
        arrows,
        font=measure,
        label_size=label_size,
        lanes=lanes if lane_outlines else (),
    )
    return RoutedPage(page, arrows, scene, label_size)


def route_layout(
    layout: ProcedureLayout, *, measure: FontMeasure, lane_outlines: bool = False
) -> tuple[RoutedPage, ...]:
    """Every page of a layout, routed and drawn, with labels at the layout's label size."""
    return tuple(
        route_page(
            p,
            lanes=layout.lanes,
            measure=measure,
            label_size=layout.style.label_size,
            lane_outlines=lane_outlines,
        )
        for p in layout.pages
    )
