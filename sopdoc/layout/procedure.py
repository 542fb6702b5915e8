"""The procedure pages of an SOP: the table's columns and header rows, the step rows'
text, and the pages built from them (pure, no I/O)."""

from __future__ import annotations

import math
from collections.abc import Sequence

from sopdoc import messages as msg
from sopdoc import words
from sopdoc.errors import LayoutError
from sopdoc.layout.context import PageContext
from sopdoc.layout.ends import end_capsule_height
from sopdoc.layout.geometry import (
    Align,
    Box,
    Column,
    ColumnId,
    ColumnKind,
    FontMeasure,
    HeaderId,
    LayoutStyle,
    ProcedureLayout,
    Span,
    TextCell,
)
from sopdoc.layout.page import build_page
from sopdoc.layout.pagination import RowPlan, paginate, start_room, starts_with_decision
from sopdoc.layout.room import Room
from sopdoc.layout.text import common_size, place_lines, running_line, wrap_width
from sopdoc.layout.wrap import Line, wrap_items, wrap_text
from sopdoc.model import Paper, Sop
from sopdoc.units import Pt, mm


def _columns(
    sop: Sop, *, width: Pt, x0: Pt, style: LayoutStyle, paper: Paper, extra: Pt = 0.0
) -> list[Column[ColumnId]]:
    """The table's columns; ``extra`` widens the lanes, KEGIATAN giving way to its minimum."""
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
    if extra > 0:
        lane = max(lane, min(lane + extra, (width - fixed - style.kegiatan_min) / n))
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
            table_cell=True,
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


def _row_plans(
    sop: Sop,
    columns: Sequence[Column[ColumnId]],
    *,
    style: LayoutStyle,
    font: FontMeasure,
    room: Room,
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
            inner = wrap_width(column.width, style.pad_x)  # Word wraps it again
            lines = wrap_items(items, width=inner, size=size, measure=font)
            content[column.key] = (lines, align)
            lines_max = max(lines_max, len(lines))
        text_height = float(math.ceil(lines_max * size * style.leading + 2 * style.pad_y))
        shape_h = style.decision_height if step.is_decision else style.symbol_height
        need = shape_h + 2 * style.symbol_margin_y
        if starts_with_decision(sop, step):
            need += start_room(style)
        end = end_capsule_height(step, lane_columns(columns), style=style, font=font)
        need = max(need, end + 2 * style.symbol_margin_y)
        plans.append(
            RowPlan(step, content, text_height, shape_h, need, extra=room.row(step.number))
        )
    return plans


def layout_procedure(
    sop: Sop,
    *,
    font: FontMeasure,
    paper: Paper | None = None,
    style: LayoutStyle | None = None,
    room: Room | None = None,
) -> ProcedureLayout:
    """Lay out the procedure pages of ``sop``.

    ``font`` measures text (``sopdoc.layout.fonts.FontMetrics``). ``paper`` defaults to the SOP's
    agency paper; ``room`` is what routing asked for (taller rows, wider gutters). Raises
    LayoutError when the SOP cannot fit the paper.
    """
    style = style or LayoutStyle()
    room = room or Room()
    paper = paper or sop.agency.paper
    page_w, page_h = (mm(v) for v in paper.landscape_mm)
    x0, y0 = float(round(style.margin_left)), float(round(style.margin_top))
    width = page_w - style.margin_left - style.margin_right
    columns = _columns(sop, width=width, x0=x0, style=style, paper=paper, extra=room.lanes)
    lanes = lane_columns(columns)
    # Symbols keep the width they have in lanes not widened: the room is for the arrows.
    base = lane_columns(_columns(sop, width=width, x0=x0, style=style, paper=paper))
    widened = lanes[0].width - base[0].width
    running = _running(sop, x0=x0, y=y0, width=width, style=style, font=font)
    top = running.box.bottom if running is not None else y0
    header_probe, header_h = _header(columns, y=top, style=style, font=font)
    available = page_h - top - style.margin_bottom - style.footer - header_h
    plans = _row_plans(sop, columns, style=style, font=font, room=room)
    breaks = paginate(sop, plans, available=available, style=style, lanes=lanes)
    context = PageContext(sop, columns, lanes, style, font, breaks, room=room, widened=widened)
    pages = [
        build_page(context, index, on_page, header=header_probe, y0=top + header_h, table_y=top)
        for index, on_page in enumerate(breaks.pages)
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
        running=running,
    )


def _running(
    sop: Sop, *, x0: Pt, y: Pt, width: Pt, style: LayoutStyle, font: FontMeasure
) -> TextCell[HeaderId] | None:
    """The line naming the SOP above each page's table, cut with an ellipsis to the table's
    width; None when the Instansi sheet turns it off."""
    if not sop.agency.running_title:
        return None
    text = words.DOC_RUNNING.format(nama=sop.identity.nama, nomor=sop.identity.nomor)
    key: HeaderId = Span.RUNNING
    return running_line(
        key,
        text,
        x=x0,
        y=y,
        width=width,
        size=style.running_size,
        leading=style.leading,
        gap=style.running_gap,
        font=font,
    )
