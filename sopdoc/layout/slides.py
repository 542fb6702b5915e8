"""The swimlane diagram alone, for sosialisasi slides: 16:9 pages, text inside the symbols."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import replace
from typing import Final

from sopdoc.layout.geometry import (
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
from sopdoc.layout.text import common_size, place_lines
from sopdoc.layout.wrap import Line, wrap_items, wrap_text
from sopdoc.model import Sop
from sopdoc.units import Pt

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
    sop: Sop, lanes: Sequence[Column[ColumnId]], *, style: LayoutStyle, font: FontMeasure
) -> tuple[list[RowPlan], Pt]:
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
            RowPlan(
                step,
                {},
                0.0,
                shape_h,
                shape_h
                + 2 * style.symbol_margin_y
                + (start_room(style) if starts_with_decision(sop, step) else 0.0),
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
    lanes = [
        Column(ColumnId(ColumnKind.LANE, i), a.name, x0 + i * lane_w, lane_w)
        for i, a in enumerate(sop.actors)
    ]
    plans, text_size = _slide_plans(sop, lanes, style=style, font=font)
    style = replace(style, symbol_text_size=text_size)
    title_size = style.font_size
    title_h = float(math.ceil(title_size * style.leading * 2 + 2 * style.pad_y))
    names, names_h = _lane_names(lanes, y=y0 + title_h, style=style, font=font)
    top = y0 + title_h + names_h
    available = height - style.margin_top - style.margin_bottom - title_h - names_h
    breaks = paginate(sop, plans, available=available, style=style, lanes=lanes)
    count = len(breaks.pages)
    pages = []
    for index, plans_on_page in enumerate(breaks.pages):
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
        placed = place_lines(
            lines, title_box, size=title_size, style=style, font=font, bold=True, valign="middle"
        )
        header = (TextCell(Span.TITLE, title_box, placed), *names)
        pages.append(
            build_page(
                sop,
                index,
                plans_on_page,
                columns=lanes,
                lanes=lanes,
                header=header,
                y0=top,
                table_y=y0 + title_h,
                page_of=breaks.page_of,
                letters=breaks.letters,
                beside=breaks.beside,
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
    lanes: Sequence[Column[ColumnId]], *, y: Pt, style: LayoutStyle, font: FontMeasure
) -> tuple[tuple[TextCell[HeaderId], ...], Pt]:
    """One header cell per lane with the actor's name, wrapped; one size for all."""
    size = common_size(
        [(lane.title, lane.width - 2 * style.pad_x) for lane in lanes],
        size=style.header_size,
        measure=font,
        bold=True,
    )
    fitted = []
    for lane in lanes:
        inner = lane.width - 2 * style.pad_x
        wrapped = wrap_text(
            lane.title, width=inner, size=size, measure=font, bold=True, hyphenate=True
        )
        fitted.append((lane, size, tuple(Line(t) for t in wrapped)))
    h = max(len(lines) * size * style.leading for _, size, lines in fitted)
    h = float(math.ceil(h + 2 * style.pad_y))
    cells = tuple(
        TextCell(
            lane.key,
            Box(lane.x, y, lane.width, h),
            place_lines(
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
