"""One SOP made ready for the backends: its font, its page layouts and its routed pages."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from sopdoc.drawing.pages import RoutedPage, route_layout
from sopdoc.layout.fonts import FontMetrics, metrics_for
from sopdoc.layout.geometry import ProcedureLayout
from sopdoc.layout.identity import layout_identity
from sopdoc.layout.identity_geometry import IdentityLayout
from sopdoc.layout.procedure import layout_procedure
from sopdoc.layout.room import LANE_STEP, Room
from sopdoc.layout.slides import layout_swimlane
from sopdoc.model import Sop


@dataclass(frozen=True)
class Document:
    """Everything a backend needs for one SOP's document: the SOP, its font, the identity
    layout, the procedure layout and its routed pages."""

    sop: Sop
    font: FontMetrics
    layout: ProcedureLayout
    pages: tuple[RoutedPage, ...]
    identity: IdentityLayout
    #: The logo file's bytes, read once for every backend (None: no logo, or it vanished).
    logo: bytes | None = None


@dataclass(frozen=True)
class Diagram:
    """One SOP's swimlane slides, laid out and routed."""

    sop: Sop
    layout: ProcedureLayout
    pages: tuple[RoutedPage, ...]
    font: FontMetrics


def prepare(sop: Sop, *, logo: bytes | None = None) -> Document:
    """Lay out and route the procedure pages of one SOP (every document backend draws them);
    ``logo``: the bytes of the agency's logo file, read by the caller (None: printed without;
    the identity layout keeps the logo's room either way)."""
    font = metrics_for(sop.agency.font)
    layout, routed = _routed(sop, font)
    identity = layout_identity(sop, font=font, paper=layout.paper, page_style=layout.style)
    return Document(sop, font, layout, routed, identity, logo if sop.agency.logo else None)


#: How often routing may ask the layout for room (each pass widens or heightens a little).
ROOM_PASSES: Final = 6


def _routed(sop: Sop, font: FontMetrics) -> tuple[ProcedureLayout, tuple[RoutedPage, ...]]:
    """The procedure laid out and routed; laid out anew with the room routing asked for (a
    taller row, a wider gutter) until every arrow and label has its own place. A row asked
    for again did not help its label enough: the lanes get wider too.
    Rows only as tall as needed: a taller row that did not help in the end is undone, unless
    a label then finds no place at all."""
    room = Room()
    layout, routed = _pass(sop, font, room)
    for _ in range(ROOM_PASSES):
        asked = _asked(routed)
        if not asked:
            return layout, routed
        again = [step for step in asked.rows if step in room.rows]
        room = room.plus(asked.without_rows(again))
        if again:
            room = room.plus(Room(lanes=LANE_STEP))
        layout, routed = _pass(sop, font, room)
    useless = [step for step in _asked(routed).rows if step in room.rows]
    if useless:
        lean_layout, lean = _pass(sop, font, room.without_rows(useless))
        if sum(p.lost for p in lean) <= sum(p.lost for p in routed):
            return lean_layout, lean
    return layout, routed


def _pass(
    sop: Sop, font: FontMetrics, room: Room
) -> tuple[ProcedureLayout, tuple[RoutedPage, ...]]:
    layout = layout_procedure(sop, font=font, room=room)
    return layout, route_layout(layout, measure=font)


def _asked(pages: Sequence[RoutedPage]) -> Room:
    asked = Room()
    for page in pages:
        asked = asked.plus(page.room)
    return asked


def diagram(sop: Sop) -> Diagram:
    """Lay out and route the slides of one SOP."""
    font = metrics_for(sop.agency.font)
    layout = layout_swimlane(sop, font=font)
    return Diagram(sop, layout, route_layout(layout, measure=font, lane_outlines=True), font)
