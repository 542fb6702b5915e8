"""Each page routed and drawn: its arrows with their labels placed, and its scene."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from sopdoc.drawing.clearances import LABEL_SIZE
from sopdoc.drawing.labels import place_labels
from sopdoc.drawing.routing import Route, route_arrows
from sopdoc.drawing.scene import Scene, build_scene
from sopdoc.layout.geometry import (
    Column,
    ColumnId,
    FontMeasure,
    LayoutStyle,
    ProcedureLayout,
    ProcedurePage,
)
from sopdoc.layout.room import ROW_STEP, Room, Side
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
    #: Room the page lacked: rows for labels with no free place, gutter tracks for legs
    #: with no free channel (empty when every arrow and label found its own place).
    room: Room = field(default_factory=Room)
    #: Labels that found no free place at all (drawn where they touch something).
    lost: int = 0


def route_page(
    page: ProcedurePage,
    *,
    lanes: Sequence[Column[ColumnId]],
    measure: FontMeasure,
    label_size: Pt = LABEL_SIZE,
    leading: float = LayoutStyle.leading,
    track: Pt = LayoutStyle.arrow_track,
    lane_outlines: bool = False,
) -> RoutedPage:
    """Route the arrows of one page, place their ``Ya``/``Tidak`` labels and build its scene
    (with the lanes' outlines when ``lane_outlines``, as on slides)."""
    widths = {a.label: measure.width(a.label, label_size) for a in page.arrows if a.label}
    routing = route_arrows(page, lanes, track=track, label_widths=widths)
    labelling = place_labels(
        routing.routes,
        page=page,
        lanes=lanes,
        measure=measure,
        size=label_size,
        row_lines=not lane_outlines,
    )
    arrows = labelling.routes
    scene = build_scene(
        page,
        arrows,
        font=measure,
        label_size=label_size,
        leading=leading,
        lanes=lanes if lane_outlines else (),
    )
    room = _room(page, routing.wanted, (*labelling.missed, *labelling.unclear))
    return RoutedPage(page, arrows, scene, label_size, room, len(labelling.lost))


def _room(
    page: ProcedurePage,
    wanted: Sequence[tuple[Pt, Pt, Side]],
    missed: Sequence[Route],
) -> Room:
    """The room to ask for: a track more beside every row a leg without a channel passes, a
    label's height more in the row of a decision whose label found no free place."""
    gutters: dict[tuple[int, Side], int] = {}
    for y0, y1, side in wanted:
        lo, hi = sorted((y0, y1))
        for row in page.rows:
            if row.box.y < hi and lo < row.box.bottom:
                gutters[(row.number, side)] = gutters.get((row.number, side), 0) + 1
    rows: dict[int, Pt] = {}
    for route in missed:
        step = route.spec.tail.step
        if step:
            rows[step] = ROW_STEP
    return Room(rows, gutters)


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
            leading=layout.style.leading,
            track=layout.style.arrow_track,
            lane_outlines=lane_outlines,
        )
        for p in layout.pages
    )
