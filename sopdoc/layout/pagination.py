"""Page breaks of a flowchart's step rows, and the lettered connector pairs of the arrows
that cross pages (pure)."""

from __future__ import annotations

import string
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Final

from sopdoc import messages as msg
from sopdoc.errors import LayoutError
from sopdoc.layout.geometry import Align, Column, ColumnId, Direction, LayoutStyle
from sopdoc.layout.lanes import connector_lane
from sopdoc.layout.wrap import Line
from sopdoc.model import Branch, Sop, Step
from sopdoc.units import Pt


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
    #: Slides only: the width of a diamond reaching over the lanes beside its own.
    shape_width: Pt | None = None
    #: Height the drawing asked for (a label or a band with no free place in the row).
    extra: Pt = 0.0

    @property
    def height(self) -> Pt:
        body = max(self.text_height, self.symbol_height) + self.extra
        return body + self.top_strip + self.bottom_strip


def starts_with_decision(sop: Sop, step: Step) -> bool:
    """True for a step 1 that is a decision: a start terminator stands above it."""
    return step.is_decision and step.number == sop.steps[0].number


def start_room(style: LayoutStyle) -> Pt:
    """The height a start terminator and its arrow add above a deciding step 1."""
    return style.start_height + style.start_gap


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


#: The lane beside its row that each connector standing there takes, by crossing and end.
Beside = dict[tuple[tuple[int, int, Branch], Direction], int]


def beside_rows(
    sop: Sop,
    pages: Sequence[Sequence[RowPlan]],
    *,
    lanes: Sequence[Column[ColumnId]] | None,
    style: LayoutStyle,
) -> Beside:
    """The connectors that stand beside their step's row, in a free lane: every one but those
    of a page's last row (out) or first row (in), which stand in the strip right by it
    (except a loop back into the flow's first step, and on slides, see the style's
    ``edge_connectors_beside``), and those of a step with more than one connector of a
    kind."""
    if lanes is None:
        return {}
    page_of = page_of_steps(pages)
    crossings = page_crossings(sop, page_of)
    outs = Counter(source for source, _, _ in crossings)
    ins = Counter(target for _, target, _ in crossings)
    beside: Beside = {}
    taken: dict[int, set[int]] = {}
    plans_by_step = {plan.step.number: plan for rows in pages for plan in rows}
    first = sop.steps[0].number if sop.steps else 0
    for crossing in crossings:
        source, target, _ = crossing
        for step, direction, count in ((source, "out", outs), (target, "in", ins)):
            rows = pages[page_of[step]]
            edge_row = rows[-1] if direction == "out" else rows[0]
            # A loop back into the flow's first step stands beside it where it can: above
            # the start, the flow would seem to begin with the connector.
            into_start = direction == "in" and step == first
            at_edge = edge_row.step.number == step and not style.edge_connectors_beside
            if not into_start and (count[step] != 1 or at_edge):
                continue
            if plans_by_step[step].shape_width is not None:  # reaches over the lanes beside
                continue
            kind: Direction = "out" if direction == "out" else "in"
            lane = connector_lane(
                sop.step(step),
                kind,
                lanes=lanes,
                style=style,
                taken=taken.get(step),
                labelled=kind == "out" and crossing[2] is not Branch.NEXT,
                beside_start=into_start and starts_with_decision(sop, sop.step(step)),
            )
            if lane is not None:
                beside[(crossing, kind)] = lane
                taken.setdefault(step, set()).add(lane)
    return beside


def break_pages(
    sop: Sop,
    plans: list[RowPlan],
    *,
    available: Pt,
    style: LayoutStyle,
    lanes: Sequence[Column[ColumnId]] | None = None,
) -> list[list[RowPlan]]:
    """Page breaks by height, with connector strips on the rows that need them (connectors
    standing beside their rows need none).

    Strips make rows taller, which can move breaks; strips only ever grow, so this settles
    after at most one pass per row.
    """
    check_heights(plans, available)
    while True:
        pages = _paginate(plans, available)
        if not _give_strips(plans, _needed_strips(sop, pages, lanes=lanes, style=style), style):
            return _without_stale_strips(sop, plans, pages, available, lanes=lanes, style=style)
        check_heights(plans, available)


#: Rounds of breaking the rows again with exactly the strips the last breaks need.
EXACT_STRIP_PASSES: Final = 4


def _needed_strips(
    sop: Sop,
    pages: Sequence[Sequence[RowPlan]],
    *,
    lanes: Sequence[Column[ColumnId]] | None,
    style: LayoutStyle,
) -> set[tuple[int, str]]:
    """(step, "top" or "bottom") of every strip these breaks need."""
    page_of = page_of_steps(pages)
    beside = beside_rows(sop, pages, lanes=lanes, style=style)
    needed: set[tuple[int, str]] = set()
    for crossing in page_crossings(sop, page_of):
        source, target, _ = crossing
        if (crossing, "out") not in beside:
            needed.add((pages[page_of[source]][-1].step.number, "bottom"))
        if (crossing, "in") not in beside:
            needed.add((pages[page_of[target]][0].step.number, "top"))
    return needed


def _give_strips(
    plans: Sequence[RowPlan],
    needed: set[tuple[int, str]],
    style: LayoutStyle,
    *,
    exactly: bool = False,
) -> bool:
    """Give the rows the ``needed`` strips (with ``exactly``, take the others away); whether
    any row changed."""
    changed = False
    for plan in plans:
        for side in ("top", "bottom"):
            strip = style.connector_strip if (plan.step.number, side) in needed else 0.0
            now = plan.top_strip if side == "top" else plan.bottom_strip
            if strip == now or not (strip or exactly):
                continue
            if side == "top":
                plan.top_strip = strip
            else:
                plan.bottom_strip = strip
            changed = True
    return changed


def _without_stale_strips(
    sop: Sop,
    plans: list[RowPlan],
    pages: list[list[RowPlan]],
    available: Pt,
    *,
    lanes: Sequence[Column[ColumnId]] | None,
    style: LayoutStyle,
) -> list[list[RowPlan]]:
    """Strips only grow while the breaks settle, so a row can keep one after a break moved
    away from it. Given just the strips these breaks need, the rows break again; when those
    breaks need exactly the same strips, they are the answer (every row only as tall as it
    needs), otherwise the settled breaks with their stale strips are."""
    needed = _needed_strips(sop, pages, lanes=lanes, style=style)
    kept = [(plan.top_strip, plan.bottom_strip) for plan in plans]
    stale = any(
        (plan.top_strip and (plan.step.number, "top") not in needed)
        or (plan.bottom_strip and (plan.step.number, "bottom") not in needed)
        for plan in plans
    )
    if not stale:
        return pages
    for _ in range(EXACT_STRIP_PASSES):
        _give_strips(plans, needed, style, exactly=True)
        again = _paginate(plans, available)
        now = _needed_strips(sop, again, lanes=lanes, style=style)
        if now == needed:
            return again
        needed = now
    for plan, (top, bottom) in zip(plans, kept, strict=True):
        plan.top_strip, plan.bottom_strip = top, bottom
    return pages


def check_heights(
    plans: Sequence[RowPlan], available: Pt, *, message: str = msg.STEP_TOO_TALL
) -> None:
    """LayoutError naming the first step whose row is taller than a page (or, by its
    ``message``, a slide) can hold, with its cell."""
    for plan in plans:
        if plan.height > available:
            raise LayoutError(
                message.format(number=plan.step.number, height=plan.height, available=available),
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


#: Where each step's page is and which letter each page-crossing arrow's connectors carry.
Letters = dict[tuple[int, int, Branch], str]


@dataclass(frozen=True)
class Pagination:
    """Step rows split into pages, each step's page, and the connector letters."""

    pages: list[list[RowPlan]]
    page_of: dict[int, int]
    letters: Letters
    beside: Beside = field(default_factory=dict)


def paginate(
    sop: Sop,
    plans: list[RowPlan],
    *,
    available: Pt,
    style: LayoutStyle,
    lanes: Sequence[Column[ColumnId]] | None = None,
) -> Pagination:
    """Break ``plans`` into pages of ``available`` height and letter the crossing arrows;
    given the ``lanes``, connectors stand beside their rows where a lane is free."""
    pages = break_pages(sop, plans, available=available, style=style, lanes=lanes)
    page_of = page_of_steps(pages)
    crossings = page_crossings(sop, page_of)
    letters = {(s, t, b): connector_letter(i) for i, (s, t, b) in enumerate(crossings)}
    beside = beside_rows(sop, pages, lanes=lanes, style=style)
    return Pagination(pages, page_of, letters, beside)
