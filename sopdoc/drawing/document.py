"""One SOP made ready for the backends: its font, its page layouts and its routed pages."""

from __future__ import annotations

from dataclasses import dataclass

from sopdoc.drawing.pages import RoutedPage, route_layout
from sopdoc.layout.fonts import FontMetrics, metrics_for
from sopdoc.layout.geometry import ProcedureLayout
from sopdoc.layout.procedure import layout_procedure
from sopdoc.layout.slides import layout_swimlane
from sopdoc.model import Sop


@dataclass(frozen=True)
class Document:
    """Everything a backend needs for one SOP's document: the SOP, its font, layout and
    routed procedure pages."""

    sop: Sop
    font: FontMetrics
    layout: ProcedureLayout
    pages: tuple[RoutedPage, ...]


@dataclass(frozen=True)
class Diagram:
    """One SOP's swimlane slides, laid out and routed."""

    sop: Sop
    layout: ProcedureLayout
    pages: tuple[RoutedPage, ...]
    font: FontMetrics


def prepare(sop: Sop) -> Document:
    """Lay out and route the procedure pages of one SOP (every document backend draws them)."""
    font = metrics_for(sop.agency.font)
    layout = layout_procedure(sop, font=font)
    return Document(sop, font, layout, route_layout(layout, measure=font))


def diagram(sop: Sop) -> Diagram:
    """Lay out and route the slides of one SOP."""
    font = metrics_for(sop.agency.font)
    layout = layout_swimlane(sop, font=font)
    return Diagram(sop, layout, route_layout(layout, measure=font, lane_outlines=True), font)
