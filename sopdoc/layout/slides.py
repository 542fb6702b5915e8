"""The swimlane diagram alone, for sosialisasi slides: 16:9 pages, text inside the symbols."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import replace
from typing import Final

from sopdoc import messages as msg
from sopdoc.errors import LayoutError
from sopdoc.layout.context import PageContext
from sopdoc.layout.ends import end_capsule_height
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
from sopdoc.layout.lanes import end_shares, room_beside_end
from sopdoc.layout.page import build_page
from sopdoc.layout.pagination import (
    Pagination,
    RowPlan,
    check_heights,
    paginate,
    start_room,
    starts_with_decision,
)
from sopdoc.layout.text import common_size, place_lines
from sopdoc.layout.wrap import Line, rejoined, split_marker, wrap_text
from sopdoc.model import Sop, Step, Symbol
from sopdoc.units import Pt

SLIDE_WIDTH: Final = 960.0
SLIDE_HEIGHT: Final = 540.0
#: The smallest text on a slide: read from the back of a hall.
SLIDE_MIN_TEXT: Final = 12.0
SLIDE_STYLE: Final = LayoutStyle(
    margin_left=24.0,
    margin_right=24.0,
    margin_top=18.0,
    margin_bottom=18.0,
    footer=0.0,
    font_size=16.0,
    header_size=14.0,
    leading=1.15,
    pad_x=5.0,
    pad_y=4.0,
    symbol_height=30.0,
    decision_height=44.0,
    arrow_track=6.5,
    start_height=26.0,
    start_gap=18.0,
    symbol_max_width=240.0,
    decision_max_width=300.0,
    symbol_margin_x=8.0,
    outer_margin_x=14.0,
    symbol_margin_y=12.0,
    connector_size=26.0,
    connector_strip=36.0,
    label_size=SLIDE_MIN_TEXT,
    min_text_size=SLIDE_MIN_TEXT,
    symbol_text_size=SLIDE_MIN_TEXT,
    terminal_text=True,
    end_in_own_lane=False,
    edge_connectors_beside=True,
)
#: A symbol stays inside the lanes it names; only one too tall for a slide even so widens
#: over the next lanes, WIDEN points at a time, until it fits (its row is its own).
WIDEN: Final = 24.0
#: The width a terminator's rounded corners keep from its text.
TERMINATOR_CORNERS: Final = 10.0
#: The shares of a diamond's width its text may take (the rest of its height is its points).
DIAMOND_SHARES: Final = (0.5, 0.55, 0.6, 0.65, 0.7)


def _numbered(step: Step) -> tuple[str, ...]:
    """The kegiatan with the step's number before it (a bullet of its first item dropped)."""
    if not step.kegiatan:
        return (f"{step.number}.",)
    marker, rest = split_marker(step.kegiatan[0])
    first = rest if marker and not marker[0].isalnum() and not marker.startswith("(") else None
    head = f"{step.number}. {first if first is not None else step.kegiatan[0]}"
    return (head, *step.kegiatan[1:])


def _symbol_text(
    step: Step, box_w: Pt, *, sop_symbol: Symbol, style: LayoutStyle, font: FontMeasure
) -> tuple[list[Line], Pt]:
    """The whole kegiatan wrapped (hyphenated) to fit inside the symbol, and the symbol's
    height; a diamond takes the share of its width that makes it least tall."""
    size = style.symbol_text_size
    leading = size * style.leading
    shares = DIAMOND_SHARES if step.is_decision else (1.0,)
    # A terminator's rounded corners take a little of its width.
    corners = TERMINATOR_CORNERS if sop_symbol in (Symbol.START, Symbol.END) else 0.0
    best: tuple[bool, Pt, list[Line]] | None = None
    words = " ".join(_numbered(step)).split()
    for share in shares:
        inner = max(size, box_w * share - 2 * style.pad_x - corners)
        lines = [
            Line(t)
            for item in _numbered(step)
            for t in wrap_text(item, width=inner, size=size, measure=font, hyphenate=True)
        ]
        text_h = len(lines) * leading + 2 * style.pad_y
        base = style.decision_height if step.is_decision else style.symbol_height
        height = float(math.ceil(max(base, text_h / (1 - share) if step.is_decision else text_h)))
        # A word cut between letters (no syllable break fits) only where no share avoids it.
        cut = rejoined([line.text for line in lines]) != words
        if best is None or (cut, height) < best[:2]:
            best = (cut, height, lines)
    assert best is not None
    return best[2], best[1]


def _room_across(
    step: Step, lanes: Sequence[Column[ColumnId]], *, style: LayoutStyle, shared: bool
) -> tuple[Pt, ...]:
    """How wide a symbol may grow across the slide, in the order to try: all of it; for a
    decision with an end terminator beside it, away from the terminator first, then toward
    it (the terminator moving beyond the diamond); nothing when they share a lane."""
    if not (step.is_decision and step.ends):
        return (lanes[-1].right - lanes[0].x - 2 * style.outer_margin_x,)
    if shared:
        return ()
    return room_beside_end(step, lanes, style)


def _slide_plans(
    sop: Sop,
    lanes: Sequence[Column[ColumnId]],
    *,
    style: LayoutStyle,
    font: FontMeasure,
    available: Pt,
) -> list[RowPlan]:
    """Row plans with the whole kegiatan written inside each symbol, each symbol inside
    the lanes it names unless it would not fit a slide's ``available`` height."""
    plans = []
    for step in sop.steps:
        first, last = (min(step.actors), max(step.actors)) if step.actors else (0, 0)
        span = lanes[last].right - lanes[first].x - 2 * style.symbol_margin_x
        limit = style.decision_max_width if step.is_decision else style.symbol_max_width
        box_w = min(span, limit) if first == last else span
        shared = end_shares(step, lanes, style)
        if shared:  # no lane free beside: the end takes the right half of the decision's
            left = style.outer_margin_x if first == 0 else style.symbol_margin_x
            box_w = lanes[last].center_x - style.symbol_margin_x - lanes[first].x - left
        lines, shape_h = _symbol_text(
            step, box_w, sop_symbol=sop.symbol(step), style=style, font=font
        )
        # A symbol too tall for a slide in its lanes reaches over the lanes beside it (its
        # row is its own), centred on its lanes where the slide allows, until it fits; a
        # decision whose end terminator stands in a lane beside it reaches the other way.
        width: Pt | None = None
        extra = start_room(style) if starts_with_decision(sop, step) else 0.0
        # Room for a row of its own on a slide, an incoming and an outgoing connector's
        # strip with it.
        tallest = available - 2 * (style.symbol_margin_y + style.connector_strip) - extra
        for widest in _room_across(step, lanes, style=style, shared=shared):
            while shape_h > tallest and box_w + WIDEN <= widest:
                box_w += WIDEN
                width = box_w
                lines, shape_h = _symbol_text(
                    step, box_w, sop_symbol=sop.symbol(step), style=style, font=font
                )
        need = shape_h + (start_room(style) if starts_with_decision(sop, step) else 0.0)
        need = max(need, end_capsule_height(step, lanes, style=style, font=font))
        plans.append(
            RowPlan(
                step,
                {},
                0.0,
                shape_h,
                need + 2 * style.symbol_margin_y,
                tuple(lines),
                shape_width=width,
            )
        )
    return plans


def _balanced(
    sop: Sop,
    plans: list[RowPlan],
    *,
    available: Pt,
    style: LayoutStyle,
    lanes: Sequence[Column[ColumnId]],
) -> Pagination:
    """As few slides as the rows need, the rows balanced across them: the lowest page height
    that still gives that many slides."""

    def trial(height: Pt) -> Pagination:
        fresh = [replace(p, top_strip=0.0, bottom_strip=0.0) for p in plans]
        return paginate(sop, fresh, available=height, style=style, lanes=lanes)

    best = trial(available)
    count = len(best.pages)
    if count == 1:
        return best
    low, high = max(p.height for p in plans), available
    while high - low > 2.0:
        middle = (low + high) / 2
        try:
            attempt = trial(middle)
        except LayoutError:
            low = middle
            continue
        if len(attempt.pages) <= count:
            high = middle
            if _tallest(attempt) <= _tallest(best):  # breaks need not shrink with the height
                best = attempt
        else:
            low = middle
    return best


def _tallest(pagination: Pagination) -> Pt:
    return max(sum(plan.height for plan in rows) for rows in pagination.pages)


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
    title_size = style.font_size
    title_h = float(math.ceil(title_size * style.leading * 2 + 2 * style.pad_y))
    names, names_h = _lane_names(lanes, y=y0 + title_h, style=style, font=font)
    top = y0 + title_h + names_h
    available = height - style.margin_top - style.margin_bottom - title_h - names_h
    plans = _slide_plans(sop, lanes, style=style, font=font, available=available)
    # Said of a slide, not of a page: the document may well hold the step.
    check_heights(plans, available, message=msg.STEP_TOO_TALL_SLIDE)
    breaks = _balanced(sop, plans, available=available, style=style, lanes=lanes)
    context = PageContext(sop, lanes, lanes, style, font, breaks)
    count = len(breaks.pages)
    pages = []
    for index, plans_on_page in enumerate(breaks.pages):
        title = sop.identity.nama or sop.identity.nomor
        if count > 1:
            title = f"{title} ({index + 1}/{count})"
        title_box = Box(x0, y0, lane_w * n, title_h)
        lines = [
            Line(t)
            for t in wrap_text(
                title,
                width=title_box.width - 2 * style.pad_x,
                size=title_size,
                measure=font,
                bold=True,
                hyphenate=True,
            )
        ][:2]
        placed = place_lines(
            lines, title_box, size=title_size, style=style, font=font, bold=True, valign="middle"
        )
        header = (TextCell(Span.TITLE, title_box, placed), *names)
        pages.append(
            build_page(context, index, plans_on_page, header=header, y0=top, table_y=y0 + title_h)
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
        minimum=SLIDE_MIN_TEXT,
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
