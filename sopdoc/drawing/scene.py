"""The format-free drawing of one page: shapes, lines, arrowheads and labels in page points.

Every backend draws these primitives as they are (page points, y down, in order): a shape's
outline or corner radius, a line's points, an arrowhead's triangle, a label's baseline.
None of them computes a position; a backend may draw a shape's ``kind`` with a native preset
(DrawingML ``flowChartDecision``, Graphviz ``diamond``) over the shape's ``box``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final, Literal

from sopdoc.drawing.clearances import HEAD_LENGTH
from sopdoc.drawing.routing import Route
from sopdoc.layout.capsule import corner_radius
from sopdoc.layout.geometry import (
    ArrowSpec,
    Box,
    Column,
    ColumnId,
    FontMeasure,
    NodeId,
    PlacedLine,
    ProcedurePage,
)
from sopdoc.model import Symbol
from sopdoc.units import Pt

Point = tuple[Pt, Pt]
Rgb = tuple[float, float, float]
ShapeKind = Literal["terminator", "process", "decision", "connector"]

WHITE: Final[Rgb] = (1.0, 1.0, 1.0)
BLACK: Final[Rgb] = (0.0, 0.0, 0.0)
GRAY: Final[Rgb] = (0.5, 0.5, 0.5)

#: Where a connector's sides turn towards its point, as a share of its height: where
#: DrawingML's flowChartOffpageConnector turns, so Word, PowerPoint and the PDF agree.
CONNECTOR_SHOULDER: Final = 0.8
#: A connector's letter: centred at this share of its height, at most LETTER_MAX points and
#: half the connector's height.
LETTER_AT: Final = 0.4
LETTER_MAX: Final = 14.0


@dataclass(frozen=True)
class Stroke:
    """How a line or outline is stroked."""

    width: Pt
    color: Rgb = BLACK


#: Symbols, connectors and arrows.
FLOW_STROKE: Final = Stroke(0.8)
#: The outline of each lane on slides.
LANE_STROKE: Final = Stroke(0.6, GRAY)

_KINDS: Final[dict[Symbol, ShapeKind]] = {
    Symbol.START: "terminator",
    Symbol.END: "terminator",
    Symbol.PROCESS: "process",
    Symbol.DECISION: "decision",
    Symbol.CONNECTOR: "connector",
}


@dataclass(frozen=True)
class Shape:
    """A flowchart symbol or off-page connector.

    ``outline`` is the closed polygon of a decision (4 points, clockwise from the top) or a
    connector (5 points, the point at the bottom); it is empty for a terminator or process,
    which are their ``box`` with corners rounded by ``radius`` (0 for a process).
    """

    kind: ShapeKind
    node: NodeId
    box: Box
    outline: tuple[Point, ...] = ()
    radius: Pt = 0.0
    fill: Rgb = WHITE
    stroke: Stroke = FLOW_STROKE


@dataclass(frozen=True)
class Arrowhead:
    """A filled triangle: ``points`` are base corner, tip, base corner; ``base`` is the middle
    of the base, where a format that draws its own arrowheads ends the line."""

    points: tuple[Point, Point, Point]
    base: Point
    fill: Rgb = BLACK

    @property
    def tip(self) -> Point:
        return self.points[1]


@dataclass(frozen=True)
class Polyline:
    """An open line through ``points``: an arrow (with its ``arrow`` spec and ``arrowhead``,
    the line running on to the tip) or a lane's outline."""

    points: tuple[Point, ...]
    stroke: Stroke = FLOW_STROKE
    arrow: ArrowSpec | None = None
    arrowhead: Arrowhead | None = None


@dataclass(frozen=True)
class Label:
    """A line of text at its exact place: ``line`` gives x and baseline, ``box`` the glyph
    box from the font's ascent to its descent (its centre is where the label is centred).
    ``owner`` is the symbol or connector it is written in, None for an arrow's Ya/Tidak.
    ``frame`` is the text frame every backend draws it in (a text box in DOCX and PPTX):
    the glyph box's width, one line of the page's leading high, centred on the glyph box;
    each backend puts the baseline at ``line.baseline`` inside it."""

    line: PlacedLine
    box: Box
    frame: Box
    owner: NodeId | None = None
    color: Rgb = BLACK


Primitive = Shape | Polyline | Label


@dataclass(frozen=True)
class Scene:
    """One page's flowchart as primitives, in drawing order: lane outlines (slides), each
    symbol and its text, each connector and its letter, each arrow and its label."""

    items: tuple[Primitive, ...]

    @property
    def shapes(self) -> tuple[Shape, ...]:
        return tuple(i for i in self.items if isinstance(i, Shape))

    @property
    def polylines(self) -> tuple[Polyline, ...]:
        return tuple(i for i in self.items if isinstance(i, Polyline))

    @property
    def arrows(self) -> tuple[Polyline, ...]:
        return tuple(i for i in self.polylines if i.arrow is not None)

    @property
    def labels(self) -> tuple[Label, ...]:
        return tuple(i for i in self.items if isinstance(i, Label))


def label_at(
    line: PlacedLine, *, font: FontMeasure, leading: float, owner: NodeId | None = None
) -> Label:
    """A placed line with its glyph box measured by ``font``, in a frame of ``leading``."""
    width = font.width(line.text, line.size, bold=line.bold)
    ascent, descent = font.ascent(line.size), font.descent(line.size)
    box = Box(line.x, line.baseline - ascent, width, ascent + descent)
    pitch = line.size * leading
    frame = Box(box.x, box.center_y - pitch / 2, box.width, pitch)
    return Label(line, box, frame, owner)


def centred_label(
    text: str,
    centre: Point,
    *,
    size: Pt,
    font: FontMeasure,
    leading: float,
    bold: bool = False,
    owner: NodeId | None = None,
) -> Label:
    """``text`` centred on ``centre``: its glyph box (ascent to descent) centred there."""
    x, y = centre
    width = font.width(text, size, bold=bold)
    baseline = y + (font.ascent(size) - font.descent(size)) / 2
    line = PlacedLine(text, x - width / 2, baseline, size, bold)
    return label_at(line, font=font, leading=leading, owner=owner)


def terminator_radius(box: Box) -> Pt:
    """A terminator's corner radius: round ends, or rounded corners on a tall one (slides)."""
    return corner_radius(box.width, box.height)


def _symbol_shape(kind: ShapeKind, node: NodeId, box: Box) -> Shape:
    outline: tuple[Point, ...]
    if kind == "decision":
        outline = (
            (box.center_x, box.y),
            (box.right, box.center_y),
            (box.center_x, box.bottom),
            (box.x, box.center_y),
        )
        return Shape(kind, node, box, outline)
    if kind == "connector":
        shoulder = box.y + box.height * CONNECTOR_SHOULDER
        outline = (
            (box.x, box.y),
            (box.right, box.y),
            (box.right, shoulder),
            (box.center_x, box.bottom),
            (box.x, shoulder),
        )
        return Shape(kind, node, box, outline)
    if kind == "terminator":
        return Shape(kind, node, box, radius=terminator_radius(box))
    return Shape(kind, node, box)


def lane_outline(lane: Column[ColumnId], area: Box) -> Polyline:
    """A lane's sides and bottom, down from the top of the flow area."""
    points = (
        (lane.x, area.y),
        (lane.x, area.bottom),
        (lane.right, area.bottom),
        (lane.right, area.y),
    )
    return Polyline(points, LANE_STROKE)


def arrow_line(route: Route) -> Polyline:
    """A routed arrow: its line to the tip, and its arrowhead."""
    (x0, y0), (x1, y1) = route.points[-2], route.points[-1]
    length = math.dist((x0, y0), (x1, y1)) or 1.0
    base = (x1 - (x1 - x0) / length * HEAD_LENGTH, y1 - (y1 - y0) / length * HEAD_LENGTH)
    return Polyline(route.points, FLOW_STROKE, route.spec, Arrowhead(route.head, base))


def build_scene(
    page: ProcedurePage,
    routes: Sequence[Route],
    *,
    font: FontMeasure,
    label_size: Pt,
    leading: float,
    lanes: Sequence[Column[ColumnId]] = (),
) -> Scene:
    """The primitives of one page: outlines of ``lanes`` (slides only; the document's lanes
    are table columns), symbols with their text, connectors with their letters, arrows with
    their Ya/Tidak labels centred where the router placed them; every text in a frame of
    ``leading``."""
    items: list[Primitive] = [lane_outline(lane, page.flow_area) for lane in lanes]
    for symbol in page.symbols:
        items.append(_symbol_shape(_KINDS[symbol.symbol], symbol.node, symbol.box))
        items += [
            label_at(line, font=font, leading=leading, owner=symbol.node) for line in symbol.lines
        ]
    for connector in page.connectors:
        box = connector.box
        items.append(_symbol_shape("connector", connector.node, box))
        items.append(
            centred_label(
                connector.letter,
                (box.center_x, box.y + box.height * LETTER_AT),
                size=min(LETTER_MAX, box.height * 0.5),
                font=font,
                leading=leading,
                bold=True,
                owner=connector.node,
            )
        )
    for route in routes:
        items.append(arrow_line(route))
        if route.label_at is not None:
            items.append(
                centred_label(
                    route.spec.label, route.label_at, size=label_size, font=font, leading=leading
                )
            )
    return Scene(tuple(items))
