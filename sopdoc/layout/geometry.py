"""The geometry every layout produces: boxes, placed text, columns, rows, symbols, pages.

Coordinates are points with the origin at the top-left corner of the page and y growing
downwards; backends whose y grows upwards (reportlab, Graphviz) convert.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Final, Generic, Literal, Protocol, TypeVar

from sopdoc import words
from sopdoc.layout.wrap import Measure
from sopdoc.model import Branch, Paper, Symbol
from sopdoc.units import Pt, mm

Align = Literal["left", "center"]
Direction = Literal["out", "in"]
NodeKind = Literal["step", "start", "end", "out", "in"]


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
    #: How it continues the line above into the paragraph the user wrote (``layout.wrap``'s
    #: joints); None: a paragraph starts here. A word processor is given paragraphs.
    joint: str | None = None
    #: The paragraph's hanging indent (a list marker's width).
    hang: Pt = 0.0


class ColumnKind(enum.Enum):
    """The columns of the procedure table, left to right (one LANE per actor)."""

    NO = "no"
    KEGIATAN = "kegiatan"
    LANE = "lane"
    KELENGKAPAN = "kelengkapan"
    WAKTU = "waktu"
    OUTPUT = "output"
    KETERANGAN = "keterangan"


@dataclass(frozen=True)
class ColumnId:
    """Which column: its kind, and for a lane the index of its actor."""

    kind: ColumnKind
    lane: int | None = None

    def __post_init__(self) -> None:
        if (self.kind is ColumnKind.LANE) != (self.lane is not None):
            raise ValueError(
                f"column {self.kind.name} with lane={self.lane!r}: a LANE column needs its "
                "actor's index, the other kinds (NO, KEGIATAN, KELENGKAPAN, WAKTU, OUTPUT, "
                "KETERANGAN) take none"
            )


class Span(enum.Enum):
    """Header cells that head no single column: PELAKSANA over the lanes, MUTU BAKU over
    KELENGKAPAN/WAKTU/OUTPUT, and a slide's title."""

    PELAKSANA = "pelaksana"
    MUTU = "mutu"
    TITLE = "title"
    #: The line above a procedure page's table that names its SOP.
    RUNNING = "running"


#: What a header cell heads: one column, or a span.
HeaderId = ColumnId | Span


class IdentityPart(enum.Enum):
    """Where a cell of the identity table stands: the kop, label and value columns of the
    identity rows, and the left (kop and label columns together) and right side of a
    section row."""

    KOP = "kop"
    LABEL = "label"
    VALUE = "value"
    LEFT = "left"
    RIGHT = "right"
    #: Above a continuation page's table: the kop's name line and the SOP's name and number.
    RUNNING = "running"


@dataclass(frozen=True)
class IdentityCellId:
    """A cell of the identity table: its part, and the field it shows (``nomor``,
    ``disahkan``, ``dasar_hukum``...; empty for the kop)."""

    part: IdentityPart
    field: str = ""


#: What any text cell is: a procedure or slide cell, or an identity cell.
CellId = HeaderId | IdentityCellId
#: The key type of a cell or column (covariant: a cell keyed by a column is a cell keyed by
#: a header id).
K = TypeVar("K", bound=CellId | IdentityPart, covariant=True)


@dataclass(frozen=True)
class TextCell(Generic[K]):
    """A table cell and the wrapped lines drawn in it: in a step row, keyed by its column; in
    the header, by the column or span it heads."""

    key: K
    box: Box
    lines: tuple[PlacedLine, ...]
    align: Align = "left"

    @property
    def lane(self) -> int | None:
        """The actor index of a lane's cell; None for every other cell."""
        return self.key.lane if isinstance(self.key, ColumnId) else None


@dataclass(frozen=True)
class Column(Generic[K]):
    """A column of a table: of the procedure table by its kind (and lane index), of the
    identity table by its part."""

    key: K
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
    cells: tuple[TextCell[ColumnId], ...]
    #: Room kept at the top for incoming and at the bottom for outgoing connectors.
    top_strip: Pt = 0.0
    bottom_strip: Pt = 0.0


@dataclass(frozen=True)
class NodeId:
    """A node of the flowchart: a step's symbol, the end terminator beside a decision, or one
    end (``out``/``in``) of the off-page connector pair with ``letter``."""

    kind: NodeKind
    step: int = 0
    letter: str = ""

    def __post_init__(self) -> None:
        if self.kind in ("step", "start", "end"):
            if self.step < 1 or self.letter:
                raise ValueError(f"a {self.kind} node needs a step >= 1 and no letter: {self!r}")
        elif self.kind in ("out", "in"):
            if not (self.letter.isascii() and self.letter.isupper()) or self.step:
                raise ValueError(f"a connector node needs a letter A-Z and no step: {self!r}")
        else:
            raise ValueError(f"unknown node kind {self.kind!r}")

    @classmethod
    def symbol(cls, step: int) -> NodeId:
        """The symbol of step ``step``."""
        return cls("step", step)

    @classmethod
    def start_of(cls, step: int) -> NodeId:
        """The start terminator above decision ``step`` when it is the first step."""
        return cls("start", step)

    @classmethod
    def end_of(cls, step: int) -> NodeId:
        """The end terminator beside decision ``step``."""
        return cls("end", step)

    @classmethod
    def connector(cls, letter: str, direction: Direction) -> NodeId:
        """One end of the off-page connector pair ``letter``."""
        return cls(direction, letter=letter)

    @property
    def name(self) -> str:
        """A name for formats that need one (DOT node names): ``s3``, ``s3end``, ``cAout``."""
        if self.kind == "step":
            return f"s{self.step}"
        if self.kind == "end":
            return f"s{self.step}end"
        if self.kind == "start":
            return f"s{self.step}start"
        return f"c{self.letter}{self.kind}"


@dataclass(frozen=True)
class SymbolBox:
    """A flowchart symbol: its node id, step, shape, box, and the lanes it spans."""

    node: NodeId
    step: int
    symbol: Symbol
    box: Box
    lanes: tuple[int, ...]
    #: Text written inside the symbol (slides only; the document keeps it in KEGIATAN).
    lines: tuple[PlacedLine, ...] = ()
    #: The word a terminator of the flowchart's own carries (a start before a deciding step
    #: 1, an end beside a decision): ``words.START_LABEL``/``words.END_LABEL``, or its own.
    label: str = ""


@dataclass(frozen=True)
class Connector:
    """One end of an off-page connector pair: ``out`` at a page's bottom, ``in`` at the top."""

    node: NodeId
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

    tail: NodeId
    head: NodeId
    branch: Branch = Branch.NEXT

    @property
    def label(self) -> str:
        """The word printed beside the arrow (``Ya``/``Tidak``), empty for plain arrows."""
        return words.BRANCH_LABELS[self.branch]


@dataclass(frozen=True)
class ProcedurePage:
    """One procedure page: header, rows, symbols, connectors and the arrows to route."""

    index: int
    header: tuple[TextCell[HeaderId], ...]
    rows: tuple[StepRow, ...]
    symbols: tuple[SymbolBox, ...]
    connectors: tuple[Connector, ...]
    arrows: tuple[ArrowSpec, ...]
    #: The lanes across the page's step rows: where symbols and arrows live.
    flow_area: Box
    #: The whole table on this page, header included.
    table: Box

    def node_box(self, node: NodeId) -> Box:
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
    #: The start terminator above a step 1 that is a decision, and the arrow's room below it.
    start_height: Pt = 16.0
    start_gap: Pt = 14.0
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
    #: The smallest the words an end names may be set in to fit their capsule.
    min_text_size: Pt = 6.0
    #: The least distance between two parallel arrows: more than 3 pt (about 1 mm; nearer,
    #: two arrows read as one line) on a page, more than 6 pt on a slide (read from the
    #: back of a hall). The outer gutters hold loops back this far apart.
    arrow_track: Pt = 3.5
    #: The running line above each procedure page's table: its text size and the room
    #: between it and the table.
    running_size: Pt = 7.5
    running_gap: Pt = 2.0
    #: Slides only: font size of the text inside symbols.
    symbol_text_size: Pt = 9.0
    #: Slides only: terminators of the flowchart's own (start, end) carry their word.
    terminal_text: bool = False
    #: An end terminator beside its decision shares the decision's lane when it fits (the
    #: document); slides keep the lane's whole width for the decision's text.
    end_in_own_lane: bool = True
    #: The connectors of a page's first and last rows stand beside their rows where a lane
    #: is free, as the others do (slides: a strip above or below would cost the slide a
    #: row); in the document they stand in the strip right above or below.
    edge_connectors_beside: bool = False


#: Loops back run in the gutters beside the lanes: the outermost track this far inside the
#: table's border (over 1 mm, so it never reads as the border), the next ones the style's
#: ``arrow_track`` further in, and LOOP_CLEARANCE kept between the innermost track and the
#: symbols.
LOOP_INSET: Final = 4.0
LOOP_CLEARANCE: Final = 3.0
#: An arrowhead's length, and the space a Ya/Tidak label keeps round it: the layout leaves
#: the arrow into an end terminator room for its label (``sopdoc.drawing.clearances`` keeps
#: them with the router's other clearances).
ARROWHEAD_LENGTH: Final = 6.0
LABEL_PAD: Final = 1.2


def loop_gutter(depth: int, *, minimum: Pt, track: Pt) -> Pt:
    """The width of an outer gutter holding ``depth`` loops side by side, ``track`` apart."""
    if depth <= 1:
        return minimum
    return max(minimum, LOOP_INSET + track * (depth - 1) + LOOP_CLEARANCE)


@dataclass(frozen=True)
class ProcedureLayout:
    """The procedure pages of one SOP on one paper."""

    paper: Paper
    page_width: Pt
    page_height: Pt
    style: LayoutStyle
    columns: tuple[Column[ColumnId], ...]
    lanes: tuple[Column[ColumnId], ...]
    pages: tuple[ProcedurePage, ...]
    #: Where the page number goes.
    footer: Box
    #: Actor names, one per lane.
    actors: tuple[str, ...] = field(default=())
    #: The line above the table of every page naming the SOP (nama and nomor), so that a
    #: loose page can be put back; None when the Instansi sheet turns it off.
    running: TextCell[HeaderId] | None = None

    def column(self, key: ColumnId) -> Column[ColumnId]:
        for column in self.columns:
            if column.key == key:
                return column
        raise KeyError(f"no column {key!r}; columns are {[c.key for c in self.columns]}")

    def page_of(self, step: int) -> ProcedurePage:
        for page in self.pages:
            if step in page.steps:
                return page
        raise KeyError(f"no step {step} in this layout")
