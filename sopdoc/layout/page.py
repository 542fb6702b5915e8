"""One page of a flowchart table: its rows placed, the symbols in their lanes with their
terminators (``ends``), and the arrows to route with the off-page connectors of those that
cross pages."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Final

from sopdoc import words
from sopdoc.layout.context import PageContext
from sopdoc.layout.ends import centred, end_terminals, terminal_lines
from sopdoc.layout.geometry import (
    ArrowSpec,
    Box,
    Column,
    ColumnId,
    Connector,
    Direction,
    FontMeasure,
    HeaderId,
    LayoutStyle,
    NodeId,
    ProcedurePage,
    StepRow,
    SymbolBox,
    TextCell,
    loop_gutter,
)
from sopdoc.layout.lanes import (
    end_lane,
    end_shares,
    room_beside_end,
)
from sopdoc.layout.pagination import (
    RowPlan,
    start_room,
    starts_with_decision,
)
from sopdoc.layout.room import Side
from sopdoc.layout.strips import CONNECTOR_GAP, fit_connectors, spread
from sopdoc.layout.text import place_lines
from sopdoc.model import Branch, Symbol
from sopdoc.units import Pt


def _symbol_box(
    context: PageContext, plan: RowPlan, zone: Box, *, gutters: tuple[Pt, Pt]
) -> tuple[Box, tuple[int, ...]]:
    """The step's symbol centred in its row ``zone`` and lane span. Beside an end terminator
    in its own last lane it keeps to the span's left part (the terminator takes the right
    half); on a slide it keeps the width the plan gave it (``plan.shape_width``), and in a
    layout whose lanes were widened for arrows it keeps its unwidened width."""
    step, lanes, style = plan.step, context.lanes, context.style
    symbol = context.sop.symbol(step)
    height, wide, widened = plan.shape_height, plan.shape_width, context.widened
    share = end_shares(step, lanes, style)
    first, last = (min(step.actors), max(step.actors)) if step.actors else (0, 0)
    # The outermost lanes keep a wider gutter: loops back run there, beside the lanes.
    left = gutters[0] if first == 0 else style.symbol_margin_x
    right = gutters[1] if last == len(lanes) - 1 else style.symbol_margin_x
    span_x0, span_x1 = lanes[first].x + left, lanes[last].right - right
    if share:
        span_x1 = lanes[last].center_x - style.symbol_margin_x
    span = span_x1 - span_x0
    limit = style.decision_max_width if symbol is Symbol.DECISION else style.symbol_max_width
    width = min(span - widened, limit) if first == last else span
    if wide is not None and not share:
        width = wide
    width = float(math.floor(width))
    x = float(round(span_x0 + (span - width) / 2))
    if wide is not None and not share:  # kept on the slide, beside the outer gutters
        low, high = lanes[0].x + gutters[0], lanes[-1].right - gutters[1] - width
        if step.is_decision and step.ends:  # and clear of its end terminator's lane
            end, _ = end_lane(step, lanes, style)
            away, _ = room_beside_end(step, lanes, style)
            if width > away + 0.5:  # too wide for the side away from it: from the slide's
                low = high = low if end > last else high  # edge, the terminator beyond it
            elif end > last:
                high = min(high, lanes[end].x - style.symbol_margin_x - width)
            else:
                low = max(low, lanes[end].right + style.symbol_margin_x)
        x = float(round(min(max(x, low), high)))
    y = float(round(zone.center_y - height / 2))
    return Box(x, y, width, height), tuple(range(first, last + 1))


def _loop_gutters(context: PageContext, plans: Sequence[RowPlan]) -> tuple[Pt, Pt]:
    """The outer gutters (left, right) of a page, wide enough for its loops back side by side
    (loops to one step share their track): a loop from a decision that ends (its end
    terminator on its right) runs left, others right. A gutter never takes more of its lane
    than leaves MIN_SYMBOL_WIDTH to the symbols there; further loops use inner channels.
    The context's ``room`` adds the tracks routing asked for beside a row (for arrows no
    gutter counted)."""
    sop, lanes, style, room = context.sop, context.lanes, context.style, context.room
    rows = {plan.step.number: i for i, plan in enumerate(plans)}
    heads: dict[str, list[set[int]]] = {
        "left": [set() for _ in plans],
        "right": [set() for _ in plans],
    }
    for edge in sop.edges():
        if edge.target is None or edge.target >= edge.source:
            continue
        if edge.source not in rows or edge.target not in rows:
            continue
        side = "left" if sop.step(edge.source).ends else "right"
        for r in range(rows[edge.target], rows[edge.source] + 1):
            heads[side][r].add(edge.target)
    gutters = []
    sides: tuple[tuple[Side, Column[ColumnId]], ...] = (("left", lanes[0]), ("right", lanes[-1]))
    for side, lane in sides:
        # Tracks asked for come on top of those the gutter holds: the narrowest holds two.
        asked = [room.tracks(plan.step.number, side) for plan in plans]
        pairs = zip(heads[side], asked, strict=True)
        depth = max((max(len(h), 2) + n if n else len(h) for h, n in pairs), default=0)
        limit = lane.width - style.symbol_margin_x - MIN_SYMBOL_WIDTH
        gutter = loop_gutter(depth, minimum=style.outer_margin_x, track=style.arrow_track)
        gutters.append(max(style.outer_margin_x, min(gutter, limit)))
    return gutters[0], gutters[1]


#: The narrowest a symbol in an outer lane becomes to make room for loops beside it.
MIN_SYMBOL_WIDTH: Final = 18.0


def build_page(
    context: PageContext,
    index: int,
    plans: Sequence[RowPlan],
    *,
    header: tuple[TextCell[HeaderId], ...],
    y0: Pt,
    table_y: Pt,
) -> ProcedurePage:
    """Page ``index``: its ``plans``' rows from ``y0`` (the table, with its ``header``,
    from ``table_y``), their symbols, the end terminals, and the arrows with the
    connectors of those that leave or reach the page."""
    columns, lanes = context.columns, context.lanes
    gutters = _loop_gutters(context, plans)
    rows, zones = _rows(context, plans, y0)
    symbols, shape_zones = _symbols(context, plans, zones, gutters=gutters)
    symbols += end_terminals(context, plans, symbols, zones=shape_zones, gutters=gutters)
    bottom = rows[-1].box.bottom if rows else y0
    flow_area = Box(lanes[0].x, y0, lanes[-1].right - lanes[0].x, bottom - y0)
    table = Box(columns[0].x, table_y, columns[-1].right - columns[0].x, bottom - table_y)
    connectors, arrows = _links(context, index, plans, symbols, rows=rows, flow_area=flow_area)
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


def _rows(
    context: PageContext, plans: Sequence[RowPlan], y0: Pt
) -> tuple[list[StepRow], dict[int, Box]]:
    """The step rows one under the other from ``y0``, their cells' text placed; and each
    row's zone for its symbol (the lanes' width, between its connector strips)."""
    columns, lanes, style, font = context.columns, context.lanes, context.style, context.font
    rows: list[StepRow] = []
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
                table_cell=True,
            )
            cells.append(TextCell(column.key, cell_box, placed, align))
        rows.append(StepRow(plan.step.number, box, tuple(cells), plan.top_strip, plan.bottom_strip))
        zones[plan.step.number] = Box(
            lanes[0].x,
            y + plan.top_strip,
            lanes[-1].right - lanes[0].x,
            plan.height - plan.top_strip - plan.bottom_strip,
        )
        y += plan.height
    return rows, zones


def _symbols(
    context: PageContext,
    plans: Sequence[RowPlan],
    zones: Mapping[int, Box],
    *,
    gutters: tuple[Pt, Pt],
) -> tuple[list[SymbolBox], dict[int, Box]]:
    """Each step's symbol with its text (and the start terminator above a first step that
    is a decision); and each row's zone below that start terminator."""
    sop, style, font = context.sop, context.style, context.font
    symbols: list[SymbolBox] = []
    shape_zones: dict[int, Box] = {}
    for plan in plans:
        zone = zones[plan.step.number]
        starts = starts_with_decision(sop, plan.step)
        start = start_room(style) if starts else 0.0
        shape_zone = Box(zone.x, zone.y + start, zone.width, zone.height - start)
        sbox, spanned = _symbol_box(context, plan, shape_zone, gutters=gutters)
        inside = centred(plan.symbol_lines, sbox, size=style.symbol_text_size, context=context)
        symbol = sop.symbol(plan.step)
        number = plan.step.number
        symbols.append(SymbolBox(NodeId.symbol(number), number, symbol, sbox, spanned, inside))
        if starts:
            symbols.append(_start_terminal(number, sbox, spanned, style=style, font=font))
        shape_zones[number] = shape_zone
    return symbols, shape_zones


def _start_terminal(
    step: int, diamond: Box, lanes: tuple[int, ...], *, style: LayoutStyle, font: FontMeasure
) -> SymbolBox:
    """The start terminator above a step 1 that is a decision, centred over its top vertex."""
    width = float(math.floor(min(diamond.width, style.start_height * 2.5)))
    x = diamond.center_x - width / 2
    y = diamond.y - style.start_gap - style.start_height
    box = Box(x, y, width, style.start_height)
    label = words.START_LABEL
    lines = terminal_lines(label, box, style=style, font=font)
    return SymbolBox(NodeId.start_of(step), step, Symbol.START, box, lanes, lines, label)


@dataclass(frozen=True)
class _Strip:
    """A connector waiting for its place in the strip at a page's foot (or head): its node,
    the box wanted (under its step's symbol), its step, the page of the step at the other
    end, and its letter."""

    node: NodeId
    box: Box
    step: int
    other_page: int
    letter: str


def _links(
    context: PageContext,
    index: int,
    plans: Sequence[RowPlan],
    symbols: Sequence[SymbolBox],
    *,
    rows: Sequence[StepRow],
    flow_area: Box,
) -> tuple[list[Connector], list[ArrowSpec]]:
    """The arrows of a page, and the connectors of the arrows that leave or reach it: in a
    free lane beside their step's row, or in the strip at the page's foot (head)."""
    sop, lanes, style = context.sop, context.lanes, context.style
    breaks = context.pagination
    page_of, letters, beside = breaks.page_of, breaks.letters, breaks.beside
    on_page = {plan.step.number for plan in plans}
    by_node = {s.node: s for s in symbols}
    size = style.connector_size
    last_row, first_row = rows[-1], rows[0]
    out_y = float(round(last_row.box.bottom - last_row.bottom_strip / 2 - size / 2))
    in_y = float(round(first_row.box.y + first_row.top_strip / 2 - size / 2))
    outgoing: list[_Strip] = []
    incoming: list[_Strip] = []
    arrows: list[ArrowSpec] = [
        ArrowSpec(s.node, NodeId.symbol(s.step)) for s in symbols if s.node.kind == "start"
    ]
    fixed: list[Connector] = []

    def in_lane(lane: int, anchor: Box) -> Box:
        x = float(round(lanes[lane].center_x - size / 2))
        return Box(x, anchor.center_y - size / 2, size, size)

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
        crossing = (source, target, branch)
        ends: tuple[tuple[Direction, int, int, NodeId, Pt], ...] = (
            ("out", source, target, tail, out_y),
            ("in", target, source, head, in_y),
        )
        for direction, step, other, symbol, y in ends:
            if step not in on_page:
                continue
            anchor = by_node[symbol].box
            node = NodeId.connector(letter, direction)
            lane = beside.get((crossing, direction))
            if lane is not None:
                # Into a deciding first step: beside the start terminator over it.
                start = by_node.get(NodeId.start_of(step)) if direction == "in" else None
                box = in_lane(lane, start.box if start is not None else anchor)
                fixed.append(Connector(node, letter, direction, box, step, page_of[other]))
            else:
                # A decision's Tidak leaves by its side vertex: its connector is wanted under
                # that side, not under the Ya arrow leaving the bottom. Where the Ya ends or
                # goes back up, the Tidak keeps the bottom vertex (``_side_exits``).
                yes = sop.step(source).yes
                ya_down = yes is not None and yes > source
                side_exit = direction == "out" and branch is Branch.NO and ya_down
                x = anchor.right - size / 2 if side_exit else anchor.center_x - size / 2
                box = Box(float(round(x)), y, size, size)
                strip = outgoing if direction == "out" else incoming
                strip.append(_Strip(node, box, step, page_of[other], letter))
            out = direction == "out"
            arrows.append(ArrowSpec(tail, node, branch) if out else ArrowSpec(node, head))
    connectors: list[Connector] = fixed
    x0, x1 = flow_area.x + style.outer_margin_x, flow_area.right - style.outer_margin_x
    for group, direction in ((outgoing, "out"), (incoming, "in")):
        fitted = fit_connectors([(c.node, c.box) for c in group], x0=x0, x1=x1, page=index)
        # Over one symbol's place, the connector of the step nearest the strip keeps it: the
        # others go round that step, and its arrow runs straight.
        near = {c.node: (-c.step if direction == "out" else c.step) for c in group}
        lines = [lane.right for lane in lanes[:-1]]
        placed = dict(spread(fitted, x0=x0, x1=x1, gap=CONNECTOR_GAP, near=near, lines=lines))
        for c in group:
            kind: Direction = "out" if direction == "out" else "in"
            connectors.append(
                Connector(c.node, c.letter, kind, placed[c.node], c.step, c.other_page)
            )
    return connectors, arrows
