"""The Ya/Tidak labels of decision arrows, put in free space beside the start of each arrow:
clear of every arrow, symbol, table line and other label, inside the lane they start in."""

from __future__ import annotations

import copy
import functools
import itertools
import math
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Final

from sopdoc.drawing.clearances import (
    AMBIGUOUS_GAP,
    GLYPH_SLACK,
    LABEL_PAD,
    LABEL_SIZE,
    NEAR_X,
    NEAR_Y,
    TIGHT_PAD,
    UNAMBIGUOUS_FAR,
)
from sopdoc.drawing.routing import Route
from sopdoc.layout.geometry import Box, Column, ColumnId, FontMeasure, ProcedurePage
from sopdoc.model import Symbol
from sopdoc.units import Pt

Point = tuple[Pt, Pt]


def _inside_diamond(box: Box, x: Pt, y: Pt) -> bool:
    return abs(x - box.center_x) / (box.width / 2) + abs(y - box.center_y) / (box.height / 2) < 1


def _overlap(a: Box, b: Box) -> bool:
    return a.x < b.right and b.x < a.right and a.y < b.bottom and b.y < a.bottom


def _hits_shape(label: Box, shape: Box, *, diamond: bool) -> bool:
    if not _overlap(label, shape):
        return False
    if not diamond:
        return True
    return any(
        _inside_diamond(shape, label.x + label.width * i / 6, label.y + label.height * j / 4)
        for i in range(7)
        for j in range(5)
    )


def _hits_segment(label: Box, a: Point, b: Point) -> bool:
    return (
        min(a[0], b[0]) < label.right
        and max(a[0], b[0]) > label.x
        and min(a[1], b[1]) < label.bottom
        and max(a[1], b[1]) > label.y
    )


class _Space:
    """What a label must keep clear of on one page."""

    def __init__(
        self,
        page: ProcedurePage,
        lanes: Sequence[Column[ColumnId]],
        routes: Sequence[Route],
        *,
        row_lines: bool = True,
    ) -> None:
        """``row_lines``: the rows are drawn as table lines (the document; slides draw only
        the lanes' outlines)."""
        self.page = page
        self.lanes = lanes
        self.shapes = [(s.box, s.symbol is Symbol.DECISION) for s in page.symbols]
        self.shapes += [(c.box, False) for c in page.connectors]
        self.heads: list[Box] = []
        # Arrowheads too: a label touching one reads as the arrow's own.
        for route in routes:
            xs, ys = [p[0] for p in route.head], [p[1] for p in route.head]
            head = Box(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))
            self.heads.append(head)
        #: Each arrow's segments, by the route's index: whose label is nearest which.
        self.arrows = [tuple(route.segments) for route in routes]
        self.segments = [seg for segments in self.arrows for seg in segments]
        area = page.flow_area
        self.grid: list[tuple[Point, Point]] = []
        for row in page.rows if row_lines else ():
            for y in (row.box.y, row.box.bottom):
                self.grid.append(((area.x, y), (area.right, y)))
        for lane in lanes:
            for x in (lane.x, lane.right):
                self.grid.append(((x, area.y), (x, area.bottom)))
        self.placed: list[Box] = []

    def near(self, window: Box) -> _Space:
        """The same space with only what reaches into ``window`` (a faster search there)."""
        view = copy.copy(self)
        view.segments = [s for s in self.segments if _hits_segment(window, *s)]
        view.grid = [g for g in self.grid if _hits_segment(window, *g)]
        view.shapes = [(b, d) for b, d in self.shapes if _overlap(window, b)]
        view.heads = [h for h in self.heads if _overlap(window, h)]
        view.placed = [p for p in self.placed if _overlap(window, p)]
        return view

    def free(self, box: Box, margin: Pt = LABEL_PAD, *, heads: bool = True) -> bool:
        """True when ``box``, ``margin`` round it, touches nothing; with ``heads``, no
        arrowhead either (a label touching one reads as that arrow's)."""
        pad = Box(
            box.x - margin,
            box.y - margin,
            box.width + 2 * margin,
            box.height + 2 * margin,
        )
        area = self.page.flow_area
        if not (
            area.x < pad.x and pad.right < area.right and area.y < pad.y < pad.bottom < area.bottom
        ):
            return False
        if any(_hits_segment(pad, a, b) for a, b in self.grid):
            return False
        if any(_hits_segment(pad, a, b) for a, b in self.segments):
            return False
        if any(_hits_shape(pad, shape, diamond=d) for shape, d in self.shapes):
            return False
        if heads and any(_overlap(pad, head) for head in self.heads):
            return False
        return not any(_overlap(pad, other) for other in self.placed)


def _box_segment_distance(box: Box, a: Point, b: Point) -> Pt:
    """How far an axis-parallel segment is from a box (0 when they meet)."""
    dx = max(box.x - max(a[0], b[0]), min(a[0], b[0]) - box.right, 0.0)
    dy = max(box.y - max(a[1], b[1]), min(a[1], b[1]) - box.bottom, 0.0)
    return math.hypot(dx, dy)


def names_its_arrow(space: _Space, index: int, box: Box) -> bool:
    """True when the label in ``box`` is clearly nearest arrow ``index``: every other arrow
    is AMBIGUOUS_GAP farther, or GLYPH_SLACK farther and UNAMBIGUOUS_FAR away."""
    own = min((_box_segment_distance(box, a, b) for a, b in space.arrows[index]), default=0.0)
    for other, segments in enumerate(space.arrows):
        if other == index or not segments:
            continue
        distance = min(_box_segment_distance(box, a, b) for a, b in segments)
        nearer = distance < own + GLYPH_SLACK
        if distance < own + AMBIGUOUS_GAP and (distance < UNAMBIGUOUS_FAR or nearer):
            return False
    return True


def _candidates(route: Route, width: Pt, height: Pt) -> Iterator[Point]:
    """Label centres beside the first legs of an arrow, nearest its start first, then
    further out from the leg."""
    for offset in (2.5, 5.0, 8.0, 12.0, 16.0):
        for (x0, y0), (x1, y1) in route.segments[:3]:
            length = math.dist((x0, y0), (x1, y1))
            if length < 1:
                continue
            ux, uy = (x1 - x0) / length, (y1 - y0) / length
            vertical = abs(ux) < abs(uy)
            along = 1.0
            # On a short leg (into an end beside its decision) the label may reach past the
            # leg's end, above or below what the arrow meets.
            reach = length - 1.0 if length > 2 * width else length + width / 2
            while along < max(reach, 1.5):
                px, py = x0 + ux * along, y0 + uy * along
                if vertical:
                    for cy in (py + uy * height / 2, py - uy * height / 2):
                        yield px + width / 2 + offset, cy
                        yield px - width / 2 - offset, cy
                else:
                    for cx in (px + ux * width / 2, px - ux * width / 2):
                        yield cx, py - height / 2 - offset
                        yield cx, py + height / 2 + offset
                along += 2.0


def _around(route: Route, step: Pt = 2.0) -> Iterator[Point]:
    """Label centres anywhere near an arrow's start, ``step`` apart, nearest first: where the
    room beside its first legs is taken."""
    x0, y0 = route.points[0]
    for dx, dy in _offsets(step):
        yield x0 + dx, y0 + dy


@functools.cache
def _offsets(step: Pt) -> tuple[Point, ...]:
    """Offsets ``step`` apart within NEAR_X x NEAR_Y, nearest first."""
    nx, ny = int(NEAR_X / step), int(NEAR_Y / step)
    return tuple(
        sorted(
            ((i * step, j * step) for i in range(-nx, nx + 1) for j in range(-ny, ny + 1)),
            key=lambda d: (d[0] ** 2 + d[1] ** 2, d),
        )
    )


def _box(centre: Point, width: Pt, height: Pt) -> Box:
    return Box(centre[0] - width / 2, centre[1] - height / 2, width, height)


def _free_places(
    space: _Space, arrow: Route, width: Pt, height: Pt, margin: Pt, *, strict: bool = True
) -> Iterator[Point]:
    """The label centres beside ``arrow`` keeping ``margin`` free round the label, in the
    order tried; ``strict``: clear of arrowheads too, near the arrow's start and never
    behind it."""
    # Where little room is kept, a finer search: a gap a label just fits in is found.
    step = 2.0 if margin >= LABEL_PAD else 1.0
    (x0, y0), (x1, y1) = arrow.points[:2]
    length = math.dist((x0, y0), (x1, y1)) or 1.0
    ux, uy = (x1 - x0) / length, (y1 - y0) / length
    # Never behind the arrow's start (by the vertex another branch leaves or one comes in
    # by): at most half the label back from it, along the arrow's first leg.
    behind = abs(ux) * width / 2 + abs(uy) * height / 2
    if strict:  # every place tried lies near the start: only what reaches there matters
        reach_x, reach_y = NEAR_X + width / 2 + 2 * margin, NEAR_Y + height / 2 + 2 * margin
        space = space.near(Box(x0 - reach_x, y0 - reach_y, 2 * reach_x, 2 * reach_y))
    for centre in itertools.chain(_candidates(arrow, width, height), _around(arrow, step)):
        if strict and (centre[0] - x0) * ux + (centre[1] - y0) * uy < -behind:
            continue
        if strict and (abs(centre[0] - x0) > NEAR_X or abs(centre[1] - y0) > NEAR_Y):
            continue  # too far along the arrow to be read as its label
        if space.free(_box(centre, width, height), margin, heads=strict):
            yield centre


def _first_free(
    space: _Space,
    arrow: Route,
    width: Pt,
    height: Pt,
    margin: Pt,
    *,
    strict: bool = True,
    owner: int | None = None,
) -> Point | None:
    """The first free label centre beside ``arrow`` (``_free_places``); with ``owner`` (the
    arrow's index), the first where the label clearly names that arrow."""
    for centre in _free_places(space, arrow, width, height, margin, strict=strict):
        if owner is None or names_its_arrow(space, owner, _box(centre, width, height)):
            return centre
    return None


def _clarity(space: _Space, index: int, box: Box) -> Pt:
    """How much nearer the label in ``box`` is to arrow ``index`` than to any other."""
    own = min((_box_segment_distance(box, a, b) for a, b in space.arrows[index]), default=0.0)
    others = (
        min(_box_segment_distance(box, a, b) for a, b in segments)
        for other, segments in enumerate(space.arrows)
        if other != index and segments
    )
    return min(others, default=math.inf) - own


def _clearest_free(
    space: _Space, arrow: Route, width: Pt, height: Pt, margin: Pt, *, owner: int
) -> Point | None:
    """Where no free place clearly names the arrow: of the first CLEAREST_TRIED free places,
    the one nearest its own arrow against the others (the first of equals)."""
    places = itertools.islice(_free_places(space, arrow, width, height, margin), CLEAREST_TRIED)
    return max(
        places,
        key=lambda c: _clarity(space, owner, _box(c, width, height)),
        default=None,
    )


#: How many free places the search for the clearest of unclear ones weighs.
CLEAREST_TRIED: Final = 200


@dataclass(frozen=True)
class Labelling:
    """The arrows with their labels placed, the labelled arrows that found no place keeping
    LABEL_PAD free (their rows may grow), those that found no free place at all, and those
    whose free place does not clearly name their own arrow (their rows may grow too)."""

    routes: tuple[Route, ...]
    missed: tuple[Route, ...] = ()
    lost: tuple[Route, ...] = ()
    unclear: tuple[Route, ...] = ()


def place_labels(
    arrows: Iterable[Route],
    *,
    page: ProcedurePage,
    lanes: Sequence[Column[ColumnId]],
    measure: FontMeasure,
    size: Pt = LABEL_SIZE,
    row_lines: bool = True,
) -> Labelling:
    """Put ``Ya``/``Tidak`` in the first free place beside the start of each labelled arrow,
    where it clearly names its own arrow (``names_its_arrow``) if it can. An arrow with no
    place keeping LABEL_PAD free round its label is missed (its row may get taller) and
    takes the first place keeping TIGHT_PAD, else one further off (past its start, beside
    an arrowhead), else the first tried (and is lost). One whose place does not clearly
    name its arrow is unclear (its row may get taller too). Labels are placed in order;
    when one finds no roomy or clear place, the labels without one go first, and that order
    is kept if fewer labels then miss. ``row_lines``: the rows are drawn as table lines,
    which labels keep clear of (the lanes' lines always are)."""
    routes = tuple(arrows)
    labelled = [i for i, r in enumerate(routes) if r.spec.label and len(r.points) >= 2]
    space = _Space(page, lanes, routes, row_lines=row_lines)
    best = _place(routes, labelled, space=space, measure=measure, size=size)
    if best.missed or best.unclear:
        wanting = best.missed | best.unclear
        first = [i for i in labelled if i in wanting]
        order = first + [i for i in labelled if i not in wanting]
        other = _place(routes, order, space=space, measure=measure, size=size)
        if _misses(other) < _misses(best):
            best = other
    return Labelling(
        tuple(
            replace(r, label_at=best.centres[i]) if i in best.centres else r
            for i, r in enumerate(routes)
        ),
        missed=tuple(routes[i] for i in labelled if i in best.missed),
        lost=tuple(routes[i] for i in labelled if i in best.lost),
        unclear=tuple(routes[i] for i in labelled if i in best.unclear),
    )


def _misses(placement: _Placement) -> tuple[int, int, int]:
    """How badly a placement did: labels with no roomy place, lost, not clearly naming."""
    return len(placement.missed), len(placement.lost), len(placement.unclear)


@dataclass
class _Placement:
    centres: dict[int, Point] = field(default_factory=dict)
    missed: set[int] = field(default_factory=set)
    lost: set[int] = field(default_factory=set)
    unclear: set[int] = field(default_factory=set)


def _place(
    routes: Sequence[Route],
    order: Sequence[int],
    *,
    space: _Space,
    measure: FontMeasure,
    size: Pt,
) -> _Placement:
    """The labels of ``routes`` at ``order``, each in the first free place left to it in
    ``space`` (the labels placed before this placement's own kept apart)."""
    space = copy.copy(space)
    space.placed = []
    height = measure.ascent(size) + measure.descent(size)
    out = _Placement()
    for i in order:
        arrow = routes[i]
        width = measure.width(arrow.spec.label, size)
        first = None
        # Where it clearly names its own arrow, roomy then tight; else roomy, then tight,
        # then anywhere near that keeps clear of lines and symbols.
        for margin in (LABEL_PAD, TIGHT_PAD):
            first = _first_free(space, arrow, width, height, margin, owner=i)
            if first is not None:
                break
        if first is None:
            out.unclear.add(i)
        for margin, strict in ((LABEL_PAD, True), (TIGHT_PAD, True), (TIGHT_PAD, False)):
            if first is not None:
                break
            if strict:
                first = _clearest_free(space, arrow, width, height, margin, owner=i)
            else:
                first = _first_free(space, arrow, width, height, margin, strict=False)
            if first is not None:
                break
            out.missed.add(i)
        if first is None:
            first = next(_candidates(arrow, width, height), arrow.points[0])
            out.lost.add(i)
        else:
            space.placed.append(_box(first, width, height))
        out.centres[i] = (round(first[0], 3), round(first[1], 3))
    return out
