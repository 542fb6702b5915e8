"""The geometry every layout produces: boxes, placed text, columns, rows, symbols, pages.

Coordinates are points with the origin at the top-left corner of the page and y growing
downwards; backends whose y grows upwards (reportlab, Graphviz) convert.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Protocol

from sopdoc.layout.wrap import Measure
from sopdoc.model import Paper, Symbol
from sopdoc.units import Pt, mm

Align = Literal["left", "center"]
Direction = Literal["out", "in"]


class FontMeasure(Measure, Protocol):
    """Text widths plus the vertical metrics that place baselines."""

    def ascent(self, size: Pt) -> Pt: ...

    def descent(self, size: Pt) -> Pt: ...


@dataclass(frozen=True)
class Box:
    """An axis-aligned rectangle in page points (y down)."""

    x: Pt
    y: Pt
    width: Pt
    height: Pt

    @property
    def right(self) -> Pt:
        return self.x + self.width

    @property
    def bottom(self) -> Pt:
        return self.y + self.height

    @property
    def center_x(self) -> Pt:
        return self.x + self.width / 2

    @property
    def center_y(self) -> Pt:
        return self.y + self.height / 2

    def contains(self, other: Box, *, tolerance: Pt = 0.01) -> bool:
        """True when ``other`` lies inside this box (edges may touch)."""
        return (
            other.x >= self.x - tolerance
            and other.y >= self.y - tolerance
            and other.right <= self.right + tolerance
            and other.bottom <= self.bottom + tolerance
        )

    def contains_point(self, x: Pt, y: Pt, *, tolerance: Pt = 0.01) -> bool:
        return (
            self.x - tolerance <= x <= self.right + tolerance
            and self.y - tolerance <= y <= self.bottom + tolerance
        )


@dataclass(frozen=True)
class PlacedLine:
    """A line of text at its final position: ``x`` is its left end, ``baseline`` its baseline."""

    text: str
    x: Pt
    baseline: Pt
    size: Pt
    bold: bool = False
    #: Drawn with a line under it (the signatory's name).
    underline: bool = False


@dataclass(frozen=True)
class TextCell:
    """A table cell and the wrapped lines drawn in it."""

    key: str
    box: Box
    lines: tuple[PlacedLine, ...]
    align: Align = "left"


@dataclass(frozen=True)
class Column:
    """A column of the procedure table: ``no``, ``kegiatan``, ``lane:0``..., ``kelengkapan``..."""

    key: str
    title: str
    x: Pt
    width: Pt

    @property
    def right(self) -> Pt:
        return self.x + self.width

    @property
    def center_x(self) -> Pt:
        return self.x + self.width / 2


@dataclass(frozen=True)
class StepRow:
    """One step's row: its box across the table and the text of each text column."""

    number: int
    box: Box
    cells: tuple[TextCell, ...]
    #: Room kept at the top for incoming and at the bottom for outgoing connectors.
    top_strip: Pt = 0.0
    bottom_strip: Pt = 0.0


@dataclass(frozen=True)
class SymbolBox:
    """A flowchart symbol: its node id, step, shape, box, and the lanes it spans."""

    node: str
    step: int
    symbol: Symbol
    box: Box
    lanes: tuple[int, ...]
    #: Text written inside the symbol (slides only; the document keeps it in KEGIATAN).
    lines: tuple[PlacedLine, ...] = ()


@dataclass(frozen=True)
class Connector:
    """One end of an off-page connector pair: ``out`` at a page's bottom, ``in`` at the top."""

    node: str
    letter: str
    direction: Direction
    box: Box
    #: The step the arrow leaves (``out``) or reaches (``in``).
    step: int
    #: The page of the other end of the pair.
    other_page: int


@dataclass(frozen=True)
class ArrowSpec:
    """An arrow to route on one page, between two node ids."""

    tail: str
    head: str
    label: str = ""


@dataclass(frozen=True)
class ProcedurePage:
    """One procedure page: header, rows, symbols, connectors and the arrows to route."""

    index: int
    header: tuple[TextCell, ...]
    rows: tuple[StepRow, ...]
    symbols: tuple[SymbolBox, ...]
    connectors: tuple[Connector, ...]
    arrows: tuple[ArrowSpec, ...]
    #: The lanes across the page's step rows: where symbols and arrows live.
    flow_area: Box
    #: The whole table on this page, header included.
    table: Box

    def node_box(self, node: str) -> Box:
        """The box of a symbol or connector by node id."""
        for symbol in self.symbols:
            if symbol.node == node:
                return symbol.box
        for connector in self.connectors:
            if connector.node == node:
                return connector.box
        raise KeyError(f"no node {node!r} on page {self.index}")

    @property
    def steps(self) -> tuple[int, ...]:
        return tuple(row.number for row in self.rows)


@dataclass(frozen=True)
class LayoutStyle:
    """Sizes that shape the procedure pages."""

    margin_left: Pt = mm(12)
    margin_right: Pt = mm(12)
    margin_top: Pt = mm(12)
    margin_bottom: Pt = mm(12)
    #: Room under the table for the page number.
    footer: Pt = mm(7)
    font_size: Pt = 9.0
    header_size: Pt = 9.0
    leading: float = 1.2
    pad_x: Pt = 3.0
    pad_y: Pt = 3.0
    no_width: Pt = mm(9)
    kegiatan_min: Pt = mm(45)
    kegiatan_share: float = 0.30
    kelengkapan_width: Pt = mm(32)
    waktu_width: Pt = mm(17)
    output_width: Pt = mm(28)
    keterangan_width: Pt = mm(22)
    lane_min: Pt = mm(7)
    lane_preferred: Pt = mm(11)
    lane_max: Pt = mm(30)
    symbol_height: Pt = 20.0
    decision_height: Pt = 28.0
    symbol_max_width: Pt = 70.0
    decision_max_width: Pt = 56.0
    symbol_margin_x: Pt = 4.0
    #: Between a symbol and the outer edge of the first or last lane.
    outer_margin_x: Pt = 9.0
    #: Room above and below every symbol: arrows between rows run here.
    symbol_margin_y: Pt = 8.0
    connector_size: Pt = 16.0
    connector_strip: Pt = 24.0
    #: Size of the Ya/Tidak labels by decision arrows.
    label_size: Pt = 7.0
    #: Slides only: font size of the text inside symbols, and its most lines.
    symbol_text_size: Pt = 9.0
    symbol_text_lines: int = 4


@dataclass(frozen=True)
class ProcedureLayout:
    """The procedure pages of one SOP on one paper."""

    paper: Paper
    page_width: Pt
    page_height: Pt
    style: LayoutStyle
    columns: tuple[Column, ...]
    lanes: tuple[Column, ...]
    pages: tuple[ProcedurePage, ...]
    #: Where the page number goes.
    footer: Box
    #: Actor names, one per lane.
    actors: tuple[str, ...] = field(default=())

    def column(self, key: str) -> Column:
        for column in self.columns:
            if column.key == key:
                return column
        raise KeyError(f"no column {key!r}; columns are {[c.key for c in self.columns]}")

    def page_of(self, step: int) -> ProcedurePage:
        for page in self.pages:
            if step in page.steps:
                return page
        raise KeyError(f"no step {step} in this layout")
