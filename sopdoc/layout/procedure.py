"""The procedure pages of an SOP: columns, header rows, step rows, page breaks, symbols and
the off-page connectors of the arrows that cross pages (pure, no I/O)."""

from __future__ import annotations

import math
import string
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from sopdoc import messages as msg
from sopdoc import words
from sopdoc.errors import LayoutError
from sopdoc.layout.geometry import (
    Align,
    ArrowSpec,
    Box,
    Column,
    ColumnId,
    ColumnKind,
    Connector,
    Direction,
    FontMeasure,
    HeaderId,
    LayoutStyle,
    NodeId,
    ProcedureLayout,
    ProcedurePage,
    Span,
    StepRow,
    SymbolBox,
    TextCell,
)
from sopdoc.layout.text import common_size, place_lines
from sopdoc.layout.wrap import Line, wrap_items, wrap_text
from sopdoc.model import Branch, Paper, Sop, Step, Symbol
from sopdoc.units import Pt, mm


def _columns(
    sop: Sop, *, width: Pt, x0: Pt, style: LayoutStyle, paper: Paper
) -> list[Column[ColumnId]]:
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
    widths = {
        kind: float(round(value))
        for kind, value in (
            (ColumnKind.NO, style.no_width),
            (ColumnKind.KELENGKAPAN, style.kelengkapan_width),
            (ColumnKind.WAKTU, style.waktu_width),
            (ColumnKind.OUTPUT, style.output_width),
            (ColumnKind.KETERANGAN, style.keterangan_width),
        )
    }
    widths[ColumnKind.KEGIATAN] = float(math.floor(width)) - sum(widths.values()) - lane * n
    titles = words.PROCEDURE_HEADERS
    before = (ColumnKind.NO, ColumnKind.KEGIATAN)
    after = (ColumnKind.KELENGKAPAN, ColumnKind.WAKTU, ColumnKind.OUTPUT, ColumnKind.KETERANGAN)
    spec: list[tuple[ColumnId, str, Pt]] = [
        *((ColumnId(k), titles[k.value], widths[k]) for k in before),
        *((ColumnId(ColumnKind.LANE, i), a.name, lane) for i, a in enumerate(sop.actors)),
        *((ColumnId(k), titles[k.value], widths[k]) for k in after),
    ]
    columns, x = [], float(round(x0))
    for key, title, w in spec:
        columns.append(Column(key, title, x, w))
        x += w
    return columns


def lane_columns(columns: Sequence[Column[ColumnId]]) -> list[Column[ColumnId]]:
    """The actor lanes among the columns, left to right."""
    return [c for c in columns if c.key.kind is ColumnKind.LANE]


def _header(
    columns: Sequence[Column[ColumnId]], *, y: Pt, style: LayoutStyle, font: FontMeasure
) -> tuple[tuple[TextCell[HeaderId], ...], Pt]:
    """The two header rows (NO, KEGIATAN and KETERANGAN span both); returns cells and height."""
    by_kind = {c.key.kind: c for c in columns}
    lanes = lane_columns(columns)
    mutu = [by_kind[k] for k in (ColumnKind.KELENGKAPAN, ColumnKind.WAKTU, ColumnKind.OUTPUT)]
    spans = [
        (
            Span.PELAKSANA,
            words.PROCEDURE_HEADERS[Span.PELAKSANA.value],
            lanes[0].x,
            lanes[-1].right,
        ),
        (Span.MUTU, words.PROCEDURE_HEADERS[Span.MUTU.value], mutu[0].x, mutu[-1].right),
    ]
    top_cells = [(t, x0, x1) for _, t, x0, x1 in spans]
    second = [(c.title, c.x, c.right) for c in (*lanes, *mutu)]
    spanning = [by_kind[k] for k in (ColumnKind.NO, ColumnKind.KEGIATAN, ColumnKind.KETERANGAN)]
    # One size for every head: the largest at which all their words fit whole (words that
    # still do not fit at the smallest are hyphenated, never shrunk further).
    size = common_size(
        [
            (title, x1 - x0 - 2 * style.pad_x)
            for title, x0, x1 in (*top_cells, *second, *((c.title, c.x, c.right) for c in spanning))
        ],
        size=style.header_size,
        measure=font,
        bold=True,
    )
    leading = size * style.leading

    def fitted(title: str, width: Pt) -> tuple[Pt, tuple[Line, ...]]:
        inner = width - 2 * style.pad_x
        wrapped = wrap_text(title, width=inner, size=size, measure=font, bold=True, hyphenate=True)
        return size, tuple(Line(t) for t in wrapped)

    fits = {(t, x0): fitted(t, x1 - x0) for t, x0, x1 in (*top_cells, *second)}
    h1 = max(
        len(lines) * s * style.leading for s, lines in (fits[(t, x0)] for t, x0, _ in top_cells)
    )
    h1 = float(math.ceil(max(h1, leading) + 2 * style.pad_y))
    h2 = max(len(lines) * s * style.leading for s, lines in (fits[(t, x0)] for t, x0, _ in second))
    h2 = float(math.ceil(max(h2, leading) + 2 * style.pad_y))
    cells: list[TextCell[HeaderId]] = []

    def add(key: HeaderId, title: str, box: Box) -> None:
        s, lines = fits.get((title, box.x)) or fitted(title, box.width)
        placed = place_lines(
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

    for kind in (ColumnKind.NO, ColumnKind.KEGIATAN):
        c = by_kind[kind]
        add(c.key, c.title, Box(c.x, y, c.width, h1 + h2))
    for span, title, x0, x1 in spans:
        add(span, title, Box(x0, y, x1 - x0, h1))
    c = by_kind[ColumnKind.KETERANGAN]
    add(c.key, c.title, Box(c.x, y, c.width, h1 + h2))
    for column in (*lanes, *mutu):
        add(column.key, column.title, Box(column.x, y + h1, column.width, h2))
    return tuple(cells), h1 + h2


# --- rows --------------------------------------------------------------------------------------


@dataclass
class RowPlan:
    step: Step
    content: dict[ColumnId, tuple[tuple[Line, ...], Align]]
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
    sop: Sop, columns: Sequence[Column[ColumnId]], *, style: LayoutStyle, font: FontMeasure
) -> list[RowPlan]:
    by_kind = {c.key.kind: c for c in columns}
    size = style.font_size
    plans = []
    for step in sop.steps:
        values: dict[ColumnKind, tuple[tuple[str, ...], Align]] = {
            ColumnKind.NO: ((str(step.number),), "center"),
            ColumnKind.KEGIATAN: (step.kegiatan, "left"),
            ColumnKind.KELENGKAPAN: (step.kelengkapan, "left"),
            ColumnKind.WAKTU: (tuple(step.waktu.splitlines()), "center"),
            ColumnKind.OUTPUT: (step.output, "left"),
            ColumnKind.KETERANGAN: (tuple(step.keterangan.splitlines()), "left"),
        }
        content: dict[ColumnId, tuple[tuple[Line, ...], Align]] = {}
        lines_max = 1
        for kind, (items, align) in values.items():
            column = by_kind[kind]
            inner = column.width - 2 * style.pad_x
            lines = wrap_items(items, width=inner, size=size, measure=font)
            content[column.key] = (lines, align)
            lines_max = max(lines_max, len(lines))
        text_height = float(math.ceil(lines_max * size * style.leading + 2 * style.pad_y))
        shape_h = style.decision_height if step.is_decision else style.symbol_height
        plans.append(
            RowPlan(step, content, text_height, shape_h, shape_h + 2 * style.symbol_margin_y)
        )
    return plans


# --- pages -------------------------------------------------------------------------------------


def _paginate(plans: Sequence[RowPlan], available: Pt) -> list[list[RowPlan]]:
    pages: list[list[RowPlan]] = [[]]
    used = 0.0
    for plan in plans:
        if pages[-1] and used + plan.height > available:
            pages.append([])
            used = 0.0
        pages[-1].append(plan)
        used += plan.height
    return pages


def page_of_steps(pages: Sequence[Sequence[RowPlan]]) -> dict[int, int]:
    return {plan.step.number: i for i, page in enumerate(pages) for plan in page}


def page_crossings(sop: Sop, page_of: dict[int, int]) -> list[tuple[int, int, Branch]]:
    """(source, target, branch) of every arrow whose ends lie on different pages, in order."""
    return [
        (edge.source, edge.target, edge.branch)
        for edge in sop.edges()
        if edge.target is not None and page_of[edge.source] != page_of[edge.target]
    ]


def break_pages(
    sop: Sop, plans: list[RowPlan], *, available: Pt, style: LayoutStyle
) -> list[list[RowPlan]]:
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
        page_of = page_of_steps(pages)
        changed = False
        for source, target, _ in page_crossings(sop, page_of):
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
    lanes: Sequence[Column[ColumnId]],
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
    boxes: list[tuple[NodeId, Box]], *, x0: Pt, x1: Pt, page: int
) -> list[tuple[NodeId, Box]]:
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


def _spread(
    boxes: list[tuple[NodeId, Box]], *, x0: Pt, x1: Pt, gap: Pt
) -> list[tuple[NodeId, Box]]:
    """Shift boxes sideways (keeping order by x, then letter) so that none overlap, within
    [x0, x1]."""
    ordered = sorted(boxes, key=lambda item: (item[1].x, len(item[0].letter), item[0].letter))
    placed: list[tuple[NodeId, Box]] = []
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

    ``font`` measures text (``sopdoc.layout.fonts.FontMetrics``). ``paper`` defaults to the SOP's
    agency paper. Raises LayoutError when the SOP cannot fit the paper.
    """
    style = style or LayoutStyle()
    paper = paper or sop.agency.paper
    page_w, page_h = (mm(v) for v in paper.landscape_mm)
    x0, y0 = float(round(style.margin_left)), float(round(style.margin_top))
    width = page_w - style.margin_left - style.margin_right
    columns = _columns(sop, width=width, x0=x0, style=style, paper=paper)
    lanes = lane_columns(columns)
    header_probe, header_h = _header(columns, y=y0, style=style, font=font)
    available = page_h - style.margin_top - style.margin_bottom - style.footer - header_h
    plans = _row_plans(sop, columns, style=style, font=font)
    page_plans = break_pages(sop, plans, available=available, style=style)
    page_of = page_of_steps(page_plans)
    crossings = page_crossings(sop, page_of)
    letters = {(s, t, b): connector_letter(i) for i, (s, t, b) in enumerate(crossings)}
    pages = [
        build_page(
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


def build_page(
    sop: Sop,
    index: int,
    plans: Sequence[RowPlan],
    *,
    columns: Sequence[Column[ColumnId]],
    lanes: Sequence[Column[ColumnId]],
    header: tuple[TextCell[HeaderId], ...],
    y0: Pt,
    table_y: Pt,
    page_of: dict[int, int],
    letters: dict[tuple[int, int, Branch], str],
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
            placed = place_lines(
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
        inside = place_lines(
            plan.symbol_lines,
            sbox,
            size=style.symbol_text_size,
            style=style,
            font=font,
            align="center",
            valign="middle",
        )
        symbols.append(
            SymbolBox(
                NodeId.symbol(plan.step.number), plan.step.number, symbol, sbox, spanned, inside
            )
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
    plans: Sequence[RowPlan],
    symbols: Sequence[SymbolBox],
    *,
    lanes: Sequence[Column[ColumnId]],
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
        extra.append(
            SymbolBox(NodeId.end_of(step.number), step.number, Symbol.END, box, (lane_index,))
        )
    return extra


def _links(
    sop: Sop,
    index: int,
    plans: Sequence[RowPlan],
    symbols: Sequence[SymbolBox],
    *,
    rows: Sequence[StepRow],
    page_of: dict[int, int],
    letters: dict[tuple[int, int, Branch], str],
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
    outgoing: list[tuple[NodeId, Box, int, int, str]] = []
    incoming: list[tuple[NodeId, Box, int, int, str]] = []
    arrows: list[ArrowSpec] = []
    for edge in sop.edges():
        source, target, branch = edge.source, edge.target, edge.branch
        tail = NodeId.symbol(source)
        if target is None:
            if source in on_page and NodeId.end_of(source) in by_node:
                arrows.append(ArrowSpec(tail, NodeId.end_of(source), branch))
            continue
        head = NodeId.symbol(target)
        if source in on_page and target in on_page:
            arrows.append(ArrowSpec(tail, head, branch))
            continue
        letter = letters.get((source, target, branch))
        if letter is None:
            continue
        if source in on_page:
            anchor = by_node[tail].box
            node = NodeId.connector(letter, "out")
            box = Box(float(round(anchor.center_x - size / 2)), out_y, size, size)
            outgoing.append((node, box, source, page_of[target], letter))
            arrows.append(ArrowSpec(tail, node, branch))
        if target in on_page:
            anchor = by_node[head].box
            node = NodeId.connector(letter, "in")
            box = Box(float(round(anchor.center_x - size / 2)), in_y, size, size)
            incoming.append((node, box, target, page_of[source], letter))
            arrows.append(ArrowSpec(node, head))
    connectors: list[Connector] = []
    x0, x1 = flow_area.x + style.outer_margin_x, flow_area.right - style.outer_margin_x
    for group, direction in ((outgoing, "out"), (incoming, "in")):
        fitted = _fit_connectors([(n, b) for n, b, *_ in group], x0=x0, x1=x1, page=index)
        spread = dict(_spread(fitted, x0=x0, x1=x1, gap=CONNECTOR_GAP))
        for node, _, step, other, letter in group:
            kind: Direction = "out" if direction == "out" else "in"
            connectors.append(Connector(node, letter, kind, spread[node], step, other))
    return connectors, arrows
