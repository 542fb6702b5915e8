"""One SOP made ready for the backends: its font, its page layouts and its routed pages."""

from __future__ import annotations

from dataclasses import dataclass

from sopdoc.drawing.pages import RoutedPage, route_layout
from sopdoc.layout.fonts import FontMetrics, metrics_for
from sopdoc.layout.geometry import ProcedureLayout
from sopdoc.layout.identity import layout_identity
from sopdoc.layout.identity_geometry import IdentityLayout
from sopdoc.layout.procedure import layout_procedure
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
    layout = layout_procedure(sop, font=font)
    identity = layout_identity(sop, font=font, paper=layout.paper, page_style=layout.style)
    routed = route_layout(layout, measure=font)
    return Document(sop, font, layout, routed, identity, logo if sop.agency.logo else None)


def diagram(sop: Sop) -> Diagram:
    """Lay out and route the slides of one SOP."""
    font = metrics_for(sop.agency.font)
    layout = layout_swimlane(sop, font=font)
    return Diagram(sop, layout, route_layout(layout, measure=font, lane_outlines=True), font)
