"""Page breaks of a flowchart's step rows, and the lettered connector pairs of the arrows
that cross pages (pure)."""

from __future__ import annotations

import string
from collections.abc import Sequence
from dataclasses import dataclass

from sopdoc import messages as msg
from sopdoc.errors import LayoutError
from sopdoc.layout.geometry import Align, ColumnId, LayoutStyle
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

    @property
    def height(self) -> Pt:
        return max(self.text_height, self.symbol_height) + self.top_strip + self.bottom_strip


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
    _check_heights(plans, available)
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
        _check_heights(plans, available)


def _check_heights(plans: Sequence[RowPlan], available: Pt) -> None:
    """LayoutError naming the first step whose row is taller than a page can hold."""
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


#: Where each step's page is and which letter each page-crossing arrow's connectors carry.
Letters = dict[tuple[int, int, Branch], str]


@dataclass(frozen=True)
class Pagination:
    """Step rows split into pages, each step's page, and the connector letters."""

    pages: list[list[RowPlan]]
    page_of: dict[int, int]
    letters: Letters


def paginate(sop: Sop, plans: list[RowPlan], *, available: Pt, style: LayoutStyle) -> Pagination:
    """Break ``plans`` into pages of ``available`` height and letter the crossing arrows."""
    pages = break_pages(sop, plans, available=available, style=style)
    page_of = page_of_steps(pages)
    crossings = page_crossings(sop, page_of)
    letters = {(s, t, b): connector_letter(i) for i, (s, t, b) in enumerate(crossings)}
    return Pagination(pages, page_of, letters)
