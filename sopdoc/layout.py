"""The geometry of the procedure pages, computed once for every renderer (pure, no I/O).

Coordinates are points with the origin at the top-left corner of the page and y growing
downwards; renderers whose y grows upwards (reportlab, Graphviz) convert.
"""

from __future__ import annotations

import math
import string
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Final, Literal, Protocol

from sopdoc import messages as msg
from sopdoc.errors import SopdocError
from sopdoc.model import CellRef, Paper, Sop, Step, Symbol
from sopdoc.units import Pt, mm
from sopdoc.wrap import Line, Measure, wrap_items, wrap_text

Align = Literal["left", "center"]
Direction = Literal["out", "in"]

#: Smallest font size a header label may shrink to so that its longest word fits its column.
MIN_HEADER_SIZE: Final = 5.0


class FontMeasure(Measure, Protocol):
    """Text widths plus the vertical metrics that place baselines."""

    def ascent(self, size: Pt) -> Pt: ...

    def descent(self, size: Pt) -> Pt: ...


class LayoutError(SopdocError):
    """An SOP that cannot be laid out on the chosen paper (too many lanes, a step too tall)."""

    def __init__(self, message: str, *, cell: CellRef | None = None) -> None:
        super().__init__(f"{cell}: {message}" if cell is not None else message)
        self.cell = cell
        #: The message without the cell, for a Problem that names the cell itself.
        self.reason = message


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


# --- text --------------------------------------------------------------------------------------


def _place(
    lines: Sequence[Line],
    box: Box,
    *,
    size: Pt,
    style: LayoutStyle,
    font: FontMeasure,
    bold: bool = False,
    align: Align = "left",
    valign: Literal["top", "middle"] = "top",
) -> tuple[PlacedLine, ...]:
    """Baselines for wrapped lines in a box: each glyph box centred in its line's leading."""
    leading = size * style.leading
    block = leading * len(lines)
    top = box.y + style.pad_y if valign == "top" else box.center_y - block / 2
    ascent, descent = font.ascent(size), font.descent(size)
    placed = []
    for i, line in enumerate(lines):
        if align == "center":
            x = box.center_x - font.width(line.text, size, bold=bold) / 2
        else:
            x = box.x + style.pad_x + line.indent
        baseline = top + i * leading + (leading - ascent - descent) / 2 + ascent
        placed.append(PlacedLine(line.text, x, baseline, size, bold))
    return tuple(placed)


def _fit_size(text: str, width: Pt, size: Pt, measure: Measure, *, bold: bool) -> Pt:
    """The largest size, at most ``size``, at which the longest word of ``text`` fits."""
    words = text.split() or [""]
    while size > MIN_HEADER_SIZE and max(measure.width(w, size, bold=bold) for w in words) > width:
        size -= 0.5
    return size


# --- columns -----------------------------------------------------------------------------------


def _columns(sop: Sop, *, width: Pt, x0: Pt, style: LayoutStyle, paper: Paper) -> list[Column]:
    n = max(1, len(sop.actors))
    fixed = (
        style.no_width
        + style.kelengkapan_width
        + style.waktu_width
        + style.output_width
        + style.keterangan_width
    )
    kegiatan_target = max(style.kegiatan_min, width * style.kegiatan_share)
    lane = min(style.lane_max, (width - fixed - kegiatan_target) / n)
    if lane < style.lane_preferred:
        # Many actors: KEGIATAN gives way, down to its minimum, before lanes get narrow.
        lane = min(style.lane_preferred, (width - fixed - style.kegiatan_min) / n)
    if lane < style.lane_min * 0.75:
        raise LayoutError(msg.PAGE_TOO_NARROW.format(paper=paper.label, actors=n))
    # Whole points everywhere: Graphviz's ortho router fails on edges a hair apart.
    lane = float(math.floor(lane))
    style_widths = {
        key: float(round(value))
        for key, value in (
            ("no", style.no_width),
            ("kelengkapan", style.kelengkapan_width),
            ("waktu", style.waktu_width),
            ("output", style.output_width),
            ("keterangan", style.keterangan_width),
        )
    }
    kegiatan = float(math.floor(width)) - sum(style_widths.values()) - lane * n
    titles = msg.PROCEDURE_HEADERS
    spec: list[tuple[str, str, Pt]] = [
        ("no", titles["no"], style_widths["no"]),
        ("kegiatan", titles["kegiatan"], kegiatan),
        *((f"lane:{i}", a.name, lane) for i, a in enumerate(sop.actors)),
        ("kelengkapan", titles["kelengkapan"], style_widths["kelengkapan"]),
        ("waktu", titles["waktu"], style_widths["waktu"]),
        ("output", titles["output"], style_widths["output"]),
        ("keterangan", titles["keterangan"], style_widths["keterangan"]),
    ]
    columns, x = [], float(round(x0))
    for key, title, w in spec:
        columns.append(Column(key, title, x, w))
        x += w
    return columns


def _header(
    columns: Sequence[Column], *, y: Pt, style: LayoutStyle, font: FontMeasure
) -> tuple[tuple[TextCell, ...], Pt]:
    """The two header rows (NO, KEGIATAN and KETERANGAN span both); returns cells and height."""
    by_key = {c.key: c for c in columns}
    lanes = [c for c in columns if c.key.startswith("lane:")]
    mutu = [by_key["kelengkapan"], by_key["waktu"], by_key["output"]]
    size = style.header_size
    leading = size * style.leading

    def fitted(title: str, width: Pt) -> tuple[Pt, tuple[Line, ...]]:
        inner = width - 2 * style.pad_x
        s = _fit_size(title, inner, size, font, bold=True)
        return s, tuple(
            Line(t) for t in wrap_text(title, width=inner, size=s, measure=font, bold=True)
        )

    top_cells = [
        (msg.PROCEDURE_HEADERS["pelaksana"], lanes[0].x, lanes[-1].right),
        (msg.PROCEDURE_HEADERS["mutu"], mutu[0].x, mutu[-1].right),
    ]
    second = [(c.title, c.x, c.right) for c in (*lanes, *mutu)]
    fits = {(t, x0): fitted(t, x1 - x0) for t, x0, x1 in (*top_cells, *second)}
    h1 = max(
        len(lines) * s * style.leading for s, lines in (fits[(t, x0)] for t, x0, _ in top_cells)
    )
    h1 = float(math.ceil(max(h1, leading) + 2 * style.pad_y))
    h2 = max(len(lines) * s * style.leading for s, lines in (fits[(t, x0)] for t, x0, _ in second))
    h2 = float(math.ceil(max(h2, leading) + 2 * style.pad_y))
    cells: list[TextCell] = []

    def add(key: str, title: str, box: Box) -> None:
        s, lines = fits.get((title, box.x)) or fitted(title, box.width)
        placed = _place(
            lines,
            box,
            size=s,
            style=style,
            font=font,
            bold=True,
            align="center",
            valign="middle",
        )
        cells.append(TextCell(key, box, placed, "center"))

    for key in ("no", "kegiatan"):
        c = by_key[key]
        add(f"header:{key}", c.title, Box(c.x, y, c.width, h1 + h2))
    for title, x0, x1 in top_cells:
        key = "header:pelaksana" if title == msg.PROCEDURE_HEADERS["pelaksana"] else "header:mutu"
        add(key, title, Box(x0, y, x1 - x0, h1))
    c = by_key["keterangan"]
    add("header:keterangan", c.title, Box(c.x, y, c.width, h1 + h2))
    for column in (*lanes, *mutu):
        add(f"header:{column.key}", column.title, Box(column.x, y + h1, column.width, h2))
    return tuple(cells), h1 + h2


# --- rows --------------------------------------------------------------------------------------


@dataclass
class _RowPlan:
    step: Step
    content: dict[str, tuple[tuple[Line, ...], Align]]
    text_height: Pt
    #: The symbol's own height, and the row height it needs (with room for arrows).
    shape_height: Pt
    symbol_height: Pt
    #: Text inside the symbol (slides only).
    symbol_lines: tuple[Line, ...] = ()
    top_strip: Pt = 0.0
    bottom_strip: Pt = 0.0

    @property
    def height(self) -> Pt:
        return max(self.text_height, self.symbol_height) + self.top_strip + self.bottom_strip


def _row_plans(
    sop: Sop, columns: Sequence[Column], *, style: LayoutStyle, font: FontMeasure
) -> list[_RowPlan]:
    by_key = {c.key: c for c in columns}
    size = style.font_size
    plans = []
    for step in sop.steps:
        values: dict[str, tuple[tuple[str, ...], Align]] = {
            "no": ((str(step.number),), "center"),
            "kegiatan": (step.kegiatan, "left"),
            "kelengkapan": (step.kelengkapan, "left"),
            "waktu": (tuple(step.waktu.splitlines()), "center"),
            "output": (step.output, "left"),
            "keterangan": (tuple(step.keterangan.splitlines()), "left"),
        }
        content: dict[str, tuple[tuple[Line, ...], Align]] = {}
        lines_max = 1
        for key, (items, align) in values.items():
            inner = by_key[key].width - 2 * style.pad_x
            lines = wrap_items(items, width=inner, size=size, measure=font)
            content[key] = (lines, align)
            lines_max = max(lines_max, len(lines))
        text_height = float(math.ceil(lines_max * size * style.leading + 2 * style.pad_y))
        shape_h = style.decision_height if step.is_decision else style.symbol_height
        plans.append(
            _RowPlan(step, content, text_height, shape_h, shape_h + 2 * style.symbol_margin_y)
        )
    return plans


# --- pages -------------------------------------------------------------------------------------


def _paginate(plans: Sequence[_RowPlan], available: Pt) -> list[list[_RowPlan]]:
    pages: list[list[_RowPlan]] = [[]]
    used = 0.0
    for plan in plans:
        if pages[-1] and used + plan.height > available:
            pages.append([])
            used = 0.0
        pages[-1].append(plan)
        used += plan.height
    return pages


def _page_of(pages: Sequence[Sequence[_RowPlan]]) -> dict[int, int]:
    return {plan.step.number: i for i, page in enumerate(pages) for plan in page}


def _crossings(sop: Sop, page_of: dict[int, int]) -> list[tuple[int, int, str]]:
    """(source, target, label) of every arrow whose ends lie on different pages, in order."""
    return [
        (edge.source, edge.target, edge.label)
        for edge in sop.edges()
        if edge.target is not None and page_of[edge.source] != page_of[edge.target]
    ]


def _break_pages(
    sop: Sop, plans: list[_RowPlan], *, available: Pt, style: LayoutStyle
) -> list[list[_RowPlan]]:
    """Page breaks by height, with connector strips on the rows that need them.

    Strips make rows taller, which can move breaks; strips only ever grow, so this settles
    after at most one pass per row.
    """
    for plan in plans:
        if plan.height > available:
            raise LayoutError(
                msg.STEP_TOO_TALL.format(
                    number=plan.step.number, height=plan.height, available=available
                ),
                cell=plan.step.cells.get("kegiatan"),
            )
    while True:
        pages = _paginate(plans, available)
        page_of = _page_of(pages)
        changed = False
        for source, target, _ in _crossings(sop, page_of):
            last = pages[page_of[source]][-1]
            first = pages[page_of[target]][0]
            if last.bottom_strip == 0.0:
                last.bottom_strip = style.connector_strip
                changed = True
            if first.top_strip == 0.0:
                first.top_strip = style.connector_strip
                changed = True
        if not changed:
            return pages
        for plan in plans:
            if plan.height > available:
                raise LayoutError(
                    msg.STEP_TOO_TALL.format(
                        number=plan.step.number, height=plan.height, available=available
                    ),
                    cell=plan.step.cells.get("kegiatan"),
                )


def connector_letter(index: int) -> str:
    """A, B, ..., Z, AA, AB, ... for the 0-based ``index``."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = string.ascii_uppercase[rest] + letters
    return letters


def _symbol_box(
    step: Step,
    symbol: Symbol,
    lanes: Sequence[Column],
    zone: Box,
    style: LayoutStyle,
    *,
    height: Pt,
    share: bool = False,
) -> tuple[Box, tuple[int, ...]]:
    """The symbol centred in its row zone and lane span; with ``share`` it keeps to the span's
    left part, leaving the right half of the last lane to the end terminator beside it."""
    first, last = (min(step.actors), max(step.actors)) if step.actors else (0, 0)
    # The outermost lanes keep a wider gutter: loops back run there, beside the lanes.
    left = style.outer_margin_x if first == 0 else style.symbol_margin_x
    right = style.outer_margin_x if last == len(lanes) - 1 else style.symbol_margin_x
    span_x0, span_x1 = lanes[first].x + left, lanes[last].right - right
    if share:
        span_x1 = lanes[last].center_x - style.symbol_margin_x
    span = span_x1 - span_x0
    limit = style.decision_max_width if symbol is Symbol.DECISION else style.symbol_max_width
    width = min(span, limit) if first == last else span
    width = float(math.floor(width))
    x = float(round(span_x0 + (span - width) / 2))
    y = float(round(zone.center_y - height / 2))
    return Box(x, y, width, height), tuple(range(first, last + 1))


def _lanes_of(step: Step) -> tuple[int, ...]:
    first, last = (min(step.actors), max(step.actors)) if step.actors else (0, 0)
    return tuple(range(first, last + 1))


def _free_lane(taken: tuple[int, ...], count: int) -> int | None:
    """The free lane nearest to the right of ``taken``, else to its left."""
    if taken[-1] + 1 < count:
        return taken[-1] + 1
    if taken[0] > 0:
        return taken[0] - 1
    return None


#: Space between connectors side by side, and the smallest a connector may shrink to.
CONNECTOR_GAP: Final = 3.0
MIN_CONNECTOR: Final = 8.0


def _fit_connectors(
    boxes: list[tuple[str, Box]], *, x0: Pt, x1: Pt, page: int
) -> list[tuple[str, Box]]:
    """Shrink a strip's connectors (not below MIN_CONNECTOR) until they fit side by side."""
    if not boxes:
        return boxes
    size = boxes[0][1].width
    count = len(boxes)
    room = x1 - x0
    if count * size + (count - 1) * CONNECTOR_GAP <= room:
        return boxes
    size = float(math.floor((room - (count - 1) * CONNECTOR_GAP) / count))
    if size < MIN_CONNECTOR:
        raise LayoutError(msg.TOO_MANY_CONNECTORS.format(page=page + 1, count=count))
    return [
        (
            n,
            Box(
                float(round(b.center_x - size / 2)), float(round(b.center_y - size / 2)), size, size
            ),
        )
        for n, b in boxes
    ]


def _spread(boxes: list[tuple[str, Box]], *, x0: Pt, x1: Pt, gap: Pt) -> list[tuple[str, Box]]:
    """Shift boxes sideways (keeping order by x) so that none overlap, within [x0, x1]."""
    ordered = sorted(boxes, key=lambda item: (item[1].x, item[0]))
    placed: list[tuple[str, Box]] = []
    cursor = float(math.ceil(x0))
    for node, box in ordered:
        x = max(box.x, cursor)
        placed.append((node, Box(x, box.y, box.width, box.height)))
        cursor = x + box.width + gap
    overflow = float(math.ceil(cursor - gap - x1))
    if overflow > 0:
        placed = [(n, Box(b.x - overflow, b.y, b.width, b.height)) for n, b in placed]
    return placed


def layout_procedure(
    sop: Sop,
    *,
    font: FontMeasure,
    paper: Paper | None = None,
    style: LayoutStyle | None = None,
) -> ProcedureLayout:
    """Lay out the procedure pages of ``sop``.

    ``font`` measures text (``sopdoc.fonts.FontMetrics``). ``paper`` defaults to the SOP's
    agency paper. Raises LayoutError when the SOP cannot fit the paper.
    """
    style = style or LayoutStyle()
    paper = paper or sop.agency.paper
    page_w, page_h = (mm(v) for v in paper.landscape_mm)
    x0, y0 = float(round(style.margin_left)), float(round(style.margin_top))
    width = page_w - style.margin_left - style.margin_right
    columns = _columns(sop, width=width, x0=x0, style=style, paper=paper)
    lanes = [c for c in columns if c.key.startswith("lane:")]
    header_probe, header_h = _header(columns, y=y0, style=style, font=font)
    available = page_h - style.margin_top - style.margin_bottom - style.footer - header_h
    plans = _row_plans(sop, columns, style=style, font=font)
    page_plans = _break_pages(sop, plans, available=available, style=style)
    page_of = _page_of(page_plans)
    crossings = _crossings(sop, page_of)
    letters = {(s, t, label): connector_letter(i) for i, (s, t, label) in enumerate(crossings)}
    pages = [
        _build_page(
            sop,
            index,
            plans_on_page,
            columns=columns,
            lanes=lanes,
            header=header_probe,
            y0=y0 + header_h,
            table_y=y0,
            page_of=page_of,
            letters=letters,
            style=style,
            font=font,
        )
        for index, plans_on_page in enumerate(page_plans)
    ]
    footer = Box(x0, page_h - style.margin_bottom - style.footer, width, style.footer)
    return ProcedureLayout(
        paper=paper,
        page_width=page_w,
        page_height=page_h,
        style=style,
        columns=tuple(columns),
        lanes=tuple(lanes),
        pages=tuple(pages),
        footer=footer,
        actors=tuple(a.name for a in sop.actors),
    )


def _build_page(
    sop: Sop,
    index: int,
    plans: Sequence[_RowPlan],
    *,
    columns: Sequence[Column],
    lanes: Sequence[Column],
    header: tuple[TextCell, ...],
    y0: Pt,
    table_y: Pt,
    page_of: dict[int, int],
    letters: dict[tuple[int, int, str], str],
    style: LayoutStyle,
    font: FontMeasure,
) -> ProcedurePage:
    rows: list[StepRow] = []
    symbols: list[SymbolBox] = []
    zones: dict[int, Box] = {}
    y = y0
    for plan in plans:
        box = Box(columns[0].x, y, columns[-1].right - columns[0].x, plan.height)
        cells = []
        for column in columns:
            if column.key not in plan.content:
                continue
            lines, align = plan.content[column.key]
            cell_box = Box(column.x, y, column.width, plan.height)
            placed = _place(
                lines,
                cell_box,
                size=style.font_size,
                style=style,
                font=font,
                align=align,
            )
            cells.append(TextCell(column.key, cell_box, placed, align))
        rows.append(StepRow(plan.step.number, box, tuple(cells), plan.top_strip, plan.bottom_strip))
        zone = Box(
            lanes[0].x,
            y + plan.top_strip,
            lanes[-1].right - lanes[0].x,
            plan.height - plan.top_strip - plan.bottom_strip,
        )
        zones[plan.step.number] = zone
        symbol = sop.symbol(plan.step)
        share = (
            plan.step.is_decision
            and plan.step.ends
            and _free_lane(_lanes_of(plan.step), len(lanes)) is None
        )
        sbox, spanned = _symbol_box(
            plan.step, symbol, lanes, zone, style, height=plan.shape_height, share=share
        )
        inside = _place(
            plan.symbol_lines,
            sbox,
            size=style.symbol_text_size,
            style=style,
            font=font,
            align="center",
            valign="middle",
        )
        symbols.append(
            SymbolBox(f"s{plan.step.number}", plan.step.number, symbol, sbox, spanned, inside)
        )
        y += plan.height
    symbols.extend(_end_terminals(sop, plans, symbols, lanes=lanes, zones=zones, style=style))
    flow_area = Box(lanes[0].x, y0, lanes[-1].right - lanes[0].x, y - y0)
    table = Box(columns[0].x, table_y, columns[-1].right - columns[0].x, y - table_y)
    connectors, arrows = _links(
        sop,
        index,
        plans,
        symbols,
        rows=rows,
        page_of=page_of,
        letters=letters,
        flow_area=flow_area,
        style=style,
    )
    return ProcedurePage(
        index=index,
        header=header,
        rows=tuple(rows),
        symbols=tuple(symbols),
        connectors=tuple(connectors),
        arrows=tuple(arrows),
        flow_area=flow_area,
        table=table,
    )


def _end_terminals(
    sop: Sop,
    plans: Sequence[_RowPlan],
    symbols: Sequence[SymbolBox],
    *,
    lanes: Sequence[Column],
    zones: dict[int, Box],
    style: LayoutStyle,
) -> list[SymbolBox]:
    """A small end terminator beside each decision with a branch that ends the flow."""
    extra = []
    by_step = {s.step: s for s in symbols}
    for plan in plans:
        step = plan.step
        if not (step.is_decision and step.ends):
            continue
        own = by_step[step.number]
        lane = _free_lane(own.lanes, len(lanes))
        zone = zones[step.number]
        height = style.symbol_height
        if lane is None:
            # Every lane is taken: the diamond keeps left, the end takes the last lane's right half.
            column = lanes[own.lanes[-1]]
            x0, x1 = column.center_x + style.symbol_margin_x, column.right - style.outer_margin_x
            lane_index = own.lanes[-1]
        else:
            column = lanes[lane]
            x0 = column.x + (style.outer_margin_x if lane == 0 else style.symbol_margin_x)
            x1 = column.right - (
                style.outer_margin_x if lane == len(lanes) - 1 else style.symbol_margin_x
            )
            lane_index = lane
        width = min(x1 - x0, style.symbol_max_width)
        x = x0 + (x1 - x0 - width) / 2
        width = float(math.floor(width))
        box = Box(float(round(x)), float(round(zone.center_y - height / 2)), width, height)
        extra.append(SymbolBox(f"s{step.number}end", step.number, Symbol.END, box, (lane_index,)))
    return extra


def _links(
    sop: Sop,
    index: int,
    plans: Sequence[_RowPlan],
    symbols: Sequence[SymbolBox],
    *,
    rows: Sequence[StepRow],
    page_of: dict[int, int],
    letters: dict[tuple[int, int, str], str],
    flow_area: Box,
    style: LayoutStyle,
) -> tuple[list[Connector], list[ArrowSpec]]:
    """The arrows of a page, and the connectors of the arrows that leave or reach it."""
    on_page = {plan.step.number for plan in plans}
    by_node = {s.node: s for s in symbols}
    size = style.connector_size
    last_row, first_row = rows[-1], rows[0]
    out_y = float(round(last_row.box.bottom - last_row.bottom_strip / 2 - size / 2))
    in_y = float(round(first_row.box.y + first_row.top_strip / 2 - size / 2))
    outgoing: list[tuple[str, Box, int, int, str]] = []
    incoming: list[tuple[str, Box, int, int, str]] = []
    arrows: list[ArrowSpec] = []
    for edge in sop.edges():
        source, target, label = edge.source, edge.target, edge.label
        if target is None:
            if source in on_page and f"s{source}end" in by_node:
                arrows.append(ArrowSpec(f"s{source}", f"s{source}end", label))
            continue
        if source in on_page and target in on_page:
            arrows.append(ArrowSpec(f"s{source}", f"s{target}", label))
            continue
        letter = letters.get((source, target, label))
        if letter is None:
            continue
        if source in on_page:
            anchor = by_node[f"s{source}"].box
            node = f"c{letter}out"
            box = Box(float(round(anchor.center_x - size / 2)), out_y, size, size)
            outgoing.append((node, box, source, page_of[target], letter))
            arrows.append(ArrowSpec(f"s{source}", node, label))
        if target in on_page:
            anchor = by_node[f"s{target}"].box
            node = f"c{letter}in"
            box = Box(float(round(anchor.center_x - size / 2)), in_y, size, size)
            incoming.append((node, box, target, page_of[source], letter))
            arrows.append(ArrowSpec(node, f"s{target}"))
    connectors: list[Connector] = []
    x0, x1 = flow_area.x + style.outer_margin_x, flow_area.right - style.outer_margin_x
    for group, direction in ((outgoing, "out"), (incoming, "in")):
        fitted = _fit_connectors([(n, b) for n, b, *_ in group], x0=x0, x1=x1, page=index)
        spread = dict(_spread(fitted, x0=x0, x1=x1, gap=CONNECTOR_GAP))
        for node, _, step, other, letter in group:
            kind: Direction = "out" if direction == "out" else "in"
            connectors.append(Connector(node, letter, kind, spread[node], step, other))
    return connectors, arrows


# --- the standalone swimlane diagram (slides) ------------------------------------------------

#: Slides are 16:9, 13.333 x 7.5 inches: the size PowerPoint and Impress use.
SLIDE_WIDTH: Final = 960.0
SLIDE_HEIGHT: Final = 540.0
SLIDE_STYLE: Final = LayoutStyle(
    margin_left=24.0,
    margin_right=24.0,
    margin_top=18.0,
    margin_bottom=18.0,
    footer=0.0,
    font_size=14.0,
    header_size=11.0,
    pad_x=5.0,
    pad_y=4.0,
    symbol_height=26.0,
    decision_height=44.0,
    symbol_max_width=210.0,
    decision_max_width=230.0,
    symbol_margin_x=8.0,
    outer_margin_x=14.0,
    symbol_margin_y=12.0,
    connector_size=18.0,
    connector_strip=30.0,
    label_size=9.0,
    symbol_text_size=9.0,
    symbol_text_lines=4,
)
#: Smallest text inside a symbol, for narrow lanes.
MIN_SYMBOL_TEXT: Final = 7.0
ELLIPSIS: Final = "…"


def _shorten(
    lines: list[Line], *, limit: int, width: Pt, size: Pt, font: FontMeasure
) -> list[Line]:
    """At most ``limit`` lines; the last one ends in an ellipsis when text was cut."""
    if len(lines) <= limit:
        return lines
    kept = lines[:limit]
    last = kept[-1].text
    while last and font.width(last + ELLIPSIS, size) > width:
        last = last[:-1].rstrip()
    kept[-1] = Line(last + ELLIPSIS, kept[-1].indent)
    return kept


def _slide_plans(
    sop: Sop, lanes: Sequence[Column], *, style: LayoutStyle, font: FontMeasure
) -> tuple[list[_RowPlan], Pt]:
    """Row plans with the kegiatan written inside each symbol; returns them and the text size."""
    narrowest = min(c.width for c in lanes)
    size = style.symbol_text_size if narrowest >= 90 else MIN_SYMBOL_TEXT
    leading = size * style.leading
    plans = []
    for step in sop.steps:
        first, last = (min(step.actors), max(step.actors)) if step.actors else (0, 0)
        span = lanes[last].right - lanes[first].x - 2 * style.symbol_margin_x
        limit = style.decision_max_width if step.is_decision else style.symbol_max_width
        box_w = min(span, limit) if first == last else span
        share = 0.5 if step.is_decision else 1.0  # text keeps inside the diamond
        inner = max(8.0, box_w * share - 2 * style.pad_x)
        wrapped = list(wrap_items(step.kegiatan, width=inner, size=size, measure=font))
        lines = _shorten(wrapped, limit=style.symbol_text_lines, width=inner, size=size, font=font)
        lines = [Line(line.text) for line in lines]  # centred: no hanging indents
        text_h = len(lines) * leading + 2 * style.pad_y
        base = style.decision_height if step.is_decision else style.symbol_height
        shape_h = float(math.ceil(max(base, text_h / share)))
        plans.append(
            _RowPlan(
                step,
                {},
                0.0,
                shape_h,
                shape_h + 2 * style.symbol_margin_y,
                tuple(lines),
            )
        )
    return plans, size


def layout_swimlane(
    sop: Sop,
    *,
    font: FontMeasure,
    width: Pt = SLIDE_WIDTH,
    height: Pt = SLIDE_HEIGHT,
    style: LayoutStyle = SLIDE_STYLE,
) -> ProcedureLayout:
    """The swimlane diagram alone, for slides: a title, lane headers, text inside symbols."""
    x0, y0 = float(round(style.margin_left)), float(round(style.margin_top))
    inner_w = float(math.floor(width - style.margin_left - style.margin_right))
    n = max(1, len(sop.actors))
    lane_w = float(math.floor(inner_w / n))
    lanes = [Column(f"lane:{i}", a.name, x0 + i * lane_w, lane_w) for i, a in enumerate(sop.actors)]
    plans, text_size = _slide_plans(sop, lanes, style=style, font=font)
    style = replace(style, symbol_text_size=text_size)
    title_size = style.font_size
    title_h = float(math.ceil(title_size * style.leading * 2 + 2 * style.pad_y))
    names, names_h = _lane_names(lanes, y=y0 + title_h, style=style, font=font)
    top = y0 + title_h + names_h
    available = height - style.margin_top - style.margin_bottom - title_h - names_h
    page_plans = _break_pages(sop, plans, available=available, style=style)
    page_of = _page_of(page_plans)
    crossings = _crossings(sop, page_of)
    letters = {(s, t, label): connector_letter(i) for i, (s, t, label) in enumerate(crossings)}
    count = len(page_plans)
    pages = []
    for index, plans_on_page in enumerate(page_plans):
        title = sop.identity.nama or sop.identity.nomor
        if count > 1:
            title = f"{title} ({index + 1}/{count})"
        title_box = Box(x0, y0, lane_w * n, title_h)
        lines = _shorten(
            [
                Line(t)
                for t in wrap_text(
                    title,
                    width=title_box.width - 2 * style.pad_x,
                    size=title_size,
                    measure=font,
                    bold=True,
                )
            ],
            limit=2,
            width=title_box.width - 2 * style.pad_x,
            size=title_size,
            font=font,
        )
        placed = _place(
            lines, title_box, size=title_size, style=style, font=font, bold=True, valign="middle"
        )
        header = (TextCell("title", title_box, placed), *names)
        pages.append(
            _build_page(
                sop,
                index,
                plans_on_page,
                columns=lanes,
                lanes=lanes,
                header=header,
                y0=top,
                table_y=y0 + title_h,
                page_of=page_of,
                letters=letters,
                style=style,
                font=font,
            )
        )
    return ProcedureLayout(
        paper=sop.agency.paper,
        page_width=width,
        page_height=height,
        style=style,
        columns=tuple(lanes),
        lanes=tuple(lanes),
        pages=tuple(pages),
        footer=Box(x0, height - style.margin_bottom, lane_w * n, 0.0),
        actors=tuple(a.name for a in sop.actors),
    )


def _lane_names(
    lanes: Sequence[Column], *, y: Pt, style: LayoutStyle, font: FontMeasure
) -> tuple[tuple[TextCell, ...], Pt]:
    """One header cell per lane with the actor's name, fitted and wrapped."""
    fitted = []
    for lane in lanes:
        inner = lane.width - 2 * style.pad_x
        size = _fit_size(lane.title, inner, style.header_size, font, bold=True)
        lines = tuple(
            Line(t) for t in wrap_text(lane.title, width=inner, size=size, measure=font, bold=True)
        )
        fitted.append((lane, size, lines))
    h = max(len(lines) * size * style.leading for _, size, lines in fitted)
    h = float(math.ceil(h + 2 * style.pad_y))
    cells = tuple(
        TextCell(
            f"header:{lane.key}",
            Box(lane.x, y, lane.width, h),
            _place(
                lines,
                Box(lane.x, y, lane.width, h),
                size=size,
                style=style,
                font=font,
                bold=True,
                align="center",
                valign="middle",
            ),
            "center",
        )
        for lane, size, lines in fitted
    )
    return cells, h
