"""Orthogonal arrows between the symbols of a procedure page (pure, deterministic).

Each step row holds exactly one symbol, so arrows run in free space by construction:
horizontal legs lie on the boundaries between rows (or inside a row whose only symbol is the
arrow's own end), vertical legs run inside a symbol's own row or in a channel, a vertical
line checked free of symbols over every row it passes. Loops back to an earlier step use
the outer channels at the lanes' left and right edges.

Graphviz 2.42's ``splines=ortho`` (Debian 12) aborts in trapezoid.c / maze.c on most of our
pages and routes some arrows outside the lanes; this router replaces it, and Graphviz draws
the routed arrows (see ``flowchart``).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Final, Literal

from sopdoc.layout import ArrowSpec, Box, Column, ProcedurePage
from sopdoc.model import Branch, Symbol
from sopdoc.units import Pt

Point = tuple[Pt, Pt]
Side = Literal["left", "right"]

#: Arrowhead length and half width, in points.
HEAD_LENGTH: Final = 6.0
HEAD_HALF_WIDTH: Final = 2.5
#: Distance between parallel arrows sharing a channel or a row boundary.
TRACK: Final = 3.0
#: Space kept between a channel and any symbol.
CLEARANCE: Final = 1.5
#: How far inside the flow area the outer channels run (the layout keeps symbols further in).
OUTER_INSET: Final = 2.0


@dataclass(frozen=True)
class Route:
    """One routed arrow: an orthogonal polyline ending at the tip, and its arrowhead."""

    spec: ArrowSpec
    points: tuple[Point, ...]
    #: The arrowhead triangle: base corner, tip, base corner.
    head: tuple[Point, Point, Point]
    #: Centre of the label (``Ya``/``Tidak``), once placed.
    label_at: Point | None = None

    @property
    def segments(self) -> list[tuple[Point, Point]]:
        return list(zip(self.points, self.points[1:], strict=False))


@dataclass(frozen=True)
class _Node:
    name: str
    box: Box
    #: Vertical order: 2r+1 for the symbol of row r, 0 for incoming, 2n for outgoing connectors.
    rank: int
    row: int
    diamond: bool = False


@dataclass
class _Tracks:
    """Segments already placed, to keep parallel arrows apart."""

    vertical: list[tuple[Pt, Pt, Pt, str]] = field(default_factory=list)  # x, y0, y1, head
    horizontal: list[tuple[Pt, Pt, Pt, str]] = field(default_factory=list)  # y, x0, x1, head

    def vertical_free(self, x: Pt, y0: Pt, y1: Pt, head: str) -> bool:
        lo, hi = sorted((y0, y1))
        return all(
            h == head or abs(vx - x) >= TRACK - 0.01 or max(lo, min(a, b)) >= min(hi, max(a, b))
            for vx, a, b, h in self.vertical
        )

    def horizontal_free(self, y: Pt, x0: Pt, x1: Pt, head: str) -> bool:
        lo, hi = sorted((x0, x1))
        return all(
            h == head or abs(hy - y) >= TRACK - 0.01 or max(lo, min(a, b)) >= min(hi, max(a, b))
            for hy, a, b, h in self.horizontal
        )

    def add(self, points: Sequence[Point], head: str) -> None:
        for (x0, y0), (x1, y1) in itertools.pairwise(points):
            if abs(x0 - x1) < 1e-6:
                self.vertical.append((x0, y0, y1, head))
            else:
                self.horizontal.append((y0, x0, x1, head))


class Router:
    """Routes the arrows of one page in the order of ``page.arrows``."""

    def __init__(self, page: ProcedurePage, lanes: Sequence[Column]) -> None:
        self.page = page
        self.lanes = lanes
        self.area = page.flow_area
        self.rows = page.rows
        self.nodes: dict[str, _Node] = {}
        row_of = {row.number: i for i, row in enumerate(page.rows)}
        last = len(page.rows) - 1
        for symbol in page.symbols:
            r = row_of[symbol.step]
            diamond = symbol.symbol is Symbol.DECISION
            self.nodes[symbol.node] = _Node(symbol.node, symbol.box, 2 * r + 1, r, diamond)
        for connector in page.connectors:
            if connector.direction == "in":
                self.nodes[connector.node] = _Node(connector.node, connector.box, 0, 0)
            else:
                self.nodes[connector.node] = _Node(
                    connector.node, connector.box, 2 * last + 2, last
                )
        self.tracks = _Tracks()
        self.obstacles = [(n.row, n.box) for n in self.nodes.values()]

    # --- geometry helpers ----------------------------------------------------------------------

    def _gap_below(self, node: _Node) -> Pt:
        """The y of the free band under a node, midway to whatever comes next.

        Never the row boundary itself: in the document that is a table grid line, and an
        arrow leg drawn on it would disappear into it.
        """
        if node.rank == 0:  # incoming connector: between it and the first symbol's zone
            row = self.rows[0]
            return (node.box.bottom + row.box.y + row.top_strip) / 2
        row = self.rows[node.row]
        if node.rank == 2 * len(self.rows):  # outgoing connector: nothing below it
            return node.box.bottom
        limit = (
            row.box.bottom - row.bottom_strip if node.row == len(self.rows) - 1 else row.box.bottom
        )
        return round((node.box.bottom + limit) / 2)

    def _gap_above(self, node: _Node) -> Pt:
        """The y of the free band over a node, midway from whatever comes before."""
        if node.rank == 0:
            return node.box.y
        row = self.rows[node.row]
        if node.rank == 2 * len(self.rows):  # outgoing connector, in the last row's strip
            return (row.box.bottom - row.bottom_strip + node.box.y) / 2
        limit = row.box.y + row.top_strip if node.row == 0 else row.box.y
        return round((limit + node.box.y) / 2)

    def _anchor_x(self, node: _Node) -> Pt:
        """Where arrows meet a node's top or bottom: its centre, moved off a lane boundary.

        A symbol spanning two lanes is centred on the table's column line between them; an
        arrow leg there would run along the line.
        """
        x = node.box.center_x
        for lane in self.lanes[:-1]:
            if abs(lane.right - x) < 1.0:
                shifted = x - 2 * TRACK
                return shifted if shifted > node.box.x + 2 else x + 2 * TRACK
        return x

    def _boundary(self, node: _Node) -> Pt:
        """The lowest y a leg below ``node`` may use: the bottom of its row (or strip)."""
        if node.rank == 0:
            row = self.rows[0]
            return row.box.y + row.top_strip
        row = self.rows[node.row]
        if node.row == len(self.rows) - 1 and node.rank != 2 * len(self.rows):
            return row.box.bottom - row.bottom_strip
        return row.box.bottom

    def _top_limit(self, node: _Node) -> Pt:
        """The highest y a leg above ``node`` may use: the top of its row (or strip)."""
        if node.rank == 0:
            return node.box.y
        row = self.rows[node.row]
        if node.rank == 2 * len(self.rows):
            return row.box.bottom - row.bottom_strip
        return row.box.y + row.top_strip if node.row == 0 else row.box.y

    def _channel_free(self, x: Pt, y0: Pt, y1: Pt, *, ends: tuple[str, str]) -> bool:
        lo, hi = sorted((y0, y1))
        if not self.area.x + 0.5 <= x <= self.area.right - 0.5:
            return False
        for name, node in self.nodes.items():
            box = node.box
            if name in ends and not (box.x - CLEARANCE < x < box.right + CLEARANCE):
                continue
            if (
                box.x - CLEARANCE < x < box.right + CLEARANCE
                and box.y - CLEARANCE < hi
                and box.bottom + CLEARANCE > lo
            ):
                if name in ends and (abs(lo - box.bottom) < 1e-6 or abs(hi - box.y) < 1e-6):
                    continue
                return False
        return True

    def _candidates(self, *, prefer: Pt, outer_first: bool, side: Side | None) -> list[Pt]:
        """Channel positions: outer edges and lane boundaries, each with parallel tracks."""
        outer = [self.area.x + OUTER_INSET + k * TRACK for k in range(4)]
        outer_right = [self.area.right - OUTER_INSET - k * TRACK for k in range(4)]
        # Never on the boundary itself: in the document that is the table's column line.
        boundaries = [
            lane.right + offset
            for lane in self.lanes[:-1]
            for offset in (TRACK, -TRACK, 2 * TRACK, -2 * TRACK)
        ]
        if side == "left":
            outer_all = outer
        elif side == "right":
            outer_all = outer_right
        else:
            outer_all = outer + outer_right
        inner = sorted(boundaries, key=lambda x: (abs(x - prefer), x))
        # Outer tracks outermost first; with both sides allowed, the nearer side first.
        near_left = abs(prefer - self.area.x) <= abs(self.area.right - prefer)
        outer_sorted = outer_all if side is not None or near_left else outer_right + outer
        if outer_first:
            return outer_sorted + inner + outer + outer_right
        return inner + outer_sorted + outer + outer_right

    def _pick_channel(
        self,
        y0: Pt,
        y1: Pt,
        *,
        prefer: Pt,
        outer_first: bool,
        side: Side | None,
        ends: tuple[str, str],
        head: str,
        beyond: tuple[Pt, Pt] = (-math.inf, math.inf),
    ) -> Pt:
        """A free channel for a vertical leg from y0 to y1, with x outside (beyond) an interval.

        ``beyond`` is (lo, hi): the channel must lie right of ``hi`` for ``side == "right"``,
        left of ``lo`` for ``"left"``; it keeps side exits and entries clear of their boxes.
        """
        lo, hi = beyond
        for x in self._candidates(prefer=prefer, outer_first=outer_first, side=side):
            if side == "right" and x < hi + CLEARANCE:
                continue
            if side == "left" and x > lo - CLEARANCE:
                continue
            if self._channel_free(x, y0, y1, ends=ends) and self.tracks.vertical_free(
                x, y0, y1, head
            ):
                return x
        # Nothing free: the outer edge on the preferred side, stacked beside used tracks.
        return self.area.right - OUTER_INSET if side != "left" else self.area.x + OUTER_INSET

    def _band(self, y: Pt, x0: Pt, x1: Pt, head: str, *, low: Pt, high: Pt) -> Pt:
        """A free horizontal track near ``y`` within [low, high]."""
        for k in range(0, 6):
            for candidate in (y + k * TRACK, y - k * TRACK) if k else (y,):
                if low <= candidate <= high and self.tracks.horizontal_free(
                    candidate, x0, x1, head
                ):
                    return candidate
        return y

    # --- routes --------------------------------------------------------------------------------

    def route(self, spec: ArrowSpec, *, side_exit: bool) -> Route:
        a, b = self.nodes[spec.tail], self.nodes[spec.head]
        if a.rank == b.rank:
            points = self._beside(a, b)
        elif b.rank > a.rank:
            points = self._down(a, b, side_exit=side_exit, head=spec.head)
        else:
            points = self._back(a, b, head=spec.head)
        points = _simplify(points)
        self.tracks.add(points, spec.head)
        return Route(spec, tuple(points), _arrowhead(points))

    def _beside(self, a: _Node, b: _Node) -> list[Point]:
        """Same row (a decision and its end terminator): straight across."""
        y = a.box.center_y
        if b.box.x >= a.box.right:
            return [(a.box.right, y), (b.box.x, y)]
        return [(a.box.x, y), (b.box.right, y)]

    def _side_towards(self, node: _Node, x: Pt) -> Side:
        return "right" if x >= node.box.center_x else "left"

    def _free_side(self, node: _Node) -> Side:
        """The side of a node with nothing beside it in its row (end terminators sit right)."""
        for other in self.nodes.values():
            if other is not node and other.row == node.row and other.rank == node.rank:
                return "left" if other.box.x >= node.box.right else "right"
        return "right"

    def _down(self, a: _Node, b: _Node, *, side_exit: bool, head: str) -> list[Point]:
        bx, top_b = self._anchor_x(b), b.box.y
        above_b = self._gap_above(b)
        # Nothing stands between a and b: a connector and the symbol next to it, or the
        # symbols of two consecutive rows (ranks 2r+1 and 2r+3).
        symbols = a.rank % 2 == 1 and b.rank % 2 == 1
        adjacent = b.rank - a.rank == 1 or (symbols and b.row == a.row + 1)
        if side_exit:
            side = (
                self._side_towards(a, bx)
                if not (a.box.x <= bx <= a.box.right)
                else self._free_side(a)
            )
            sx = a.box.right if side == "right" else a.box.x
            y = a.box.center_y
            beyond = bx > a.box.right + 2 if side == "right" else bx < a.box.x - 2
            if adjacent and beyond:
                return [(sx, y), (bx, y), (bx, top_b)]
            x = self._pick_channel(
                y,
                above_b,
                prefer=sx,
                outer_first=False,
                side=side,
                ends=(a.name, b.name),
                head=head,
                beyond=(a.box.x, a.box.right),
            )
            y_band = self._band(above_b, x, bx, head, low=self._top_limit(b) + 1, high=top_b - 2)
            return [(sx, y), (x, y), (x, y_band), (bx, y_band), (bx, top_b)]
        ax, bottom_a = self._anchor_x(a), a.box.bottom
        below_a = self._gap_below(a)
        if adjacent:
            y = self._band(below_a, ax, bx, head, low=bottom_a + 2, high=self._boundary(a) - 1)
            if abs(ax - bx) < 0.5:
                return [(ax, bottom_a), (ax, top_b)]
            return [(ax, bottom_a), (ax, y), (bx, y), (bx, top_b)]
        y_out = self._band(below_a, ax, ax + 1, head, low=bottom_a + 2, high=self._boundary(a) - 1)
        x = self._pick_channel(
            y_out,
            above_b,
            prefer=(ax + bx) / 2,
            outer_first=False,
            side=None,
            ends=(a.name, b.name),
            head=head,
        )
        y_out = self._band(below_a, ax, x, head, low=bottom_a + 2, high=self._boundary(a) - 1)
        y_in = self._band(above_b, x, bx, head, low=self._top_limit(b) + 1, high=top_b - 2)
        return [(ax, bottom_a), (ax, y_out), (x, y_out), (x, y_in), (bx, y_in), (bx, top_b)]

    def _back(self, a: _Node, b: _Node, *, head: str) -> list[Point]:
        """A loop back up: out of a's side, up an outer channel, into b's side."""
        side = self._free_side(a)
        if b.rank != 2 * b.row + 1 or self._free_side(b) != side:
            side = self._free_side(b) if b.rank == 2 * b.row + 1 else side
        ay, by = a.box.center_y, b.box.center_y
        sx = a.box.right if side == "right" else a.box.x
        ex = b.box.right if side == "right" else b.box.x
        span = (min(a.box.x, b.box.x), max(a.box.right, b.box.right))
        x = self._pick_channel(
            ay,
            by,
            prefer=sx,
            outer_first=True,
            side=side,
            ends=(a.name, b.name),
            head=head,
            beyond=span,
        )
        return [(sx, ay), (x, ay), (x, by), (ex, by)]


def _simplify(points: list[Point]) -> list[Point]:
    """Drop repeated points and the middle of straight runs; round to 1/1000 pt."""
    rounded = [(round(x, 3), round(y, 3)) for x, y in points]
    out: list[Point] = []
    for p in rounded:
        if out and math.dist(out[-1], p) < 1e-6:
            continue
        if len(out) >= 2:
            (x0, y0), (x1, y1) = out[-2], out[-1]
            if (abs(x0 - x1) < 1e-6 and abs(x1 - p[0]) < 1e-6) or (
                abs(y0 - y1) < 1e-6 and abs(y1 - p[1]) < 1e-6
            ):
                out[-1] = p
                continue
        out.append(p)
    return out


def _arrowhead(points: Sequence[Point]) -> tuple[Point, Point, Point]:
    (x0, y0), (x1, y1) = points[-2], points[-1]
    length = math.dist((x0, y0), (x1, y1)) or 1.0
    ux, uy = (x1 - x0) / length, (y1 - y0) / length
    bx, by = x1 - ux * HEAD_LENGTH, y1 - uy * HEAD_LENGTH
    px, py = -uy * HEAD_HALF_WIDTH, ux * HEAD_HALF_WIDTH
    return (
        (round(bx + px, 3), round(by + py, 3)),
        (x1, y1),
        (round(bx - px, 3), round(by - py, 3)),
    )


def route_arrows(page: ProcedurePage, lanes: Sequence[Column]) -> tuple[Route, ...]:
    """Route every arrow of a page: forward flow first, then loops, in a stable order."""
    router = Router(page, lanes)
    specs = list(page.arrows)
    side_exits = _side_exits(page)
    order = sorted(
        range(len(specs)),
        key=lambda i: (router.nodes[specs[i].head].rank < router.nodes[specs[i].tail].rank, i),
    )
    routes: dict[int, Route] = {}
    for i in order:
        routes[i] = router.route(specs[i], side_exit=i in side_exits)
    return tuple(routes[i] for i in range(len(specs)))


def _side_exits(page: ProcedurePage) -> set[int]:
    """Arrows that leave a decision from a side vertex: its no, unless its yes cannot go down.

    A decision whose yes goes back up (or ends) keeps its bottom vertex for its no.
    """
    ranks: dict[str, int] = {}
    row_of = {row.number: i for i, row in enumerate(page.rows)}
    for symbol in page.symbols:
        ranks[symbol.node] = 2 * row_of[symbol.step] + 1
    for connector in page.connectors:
        ranks[connector.node] = 0 if connector.direction == "in" else 2 * len(page.rows)
    decisions = {s.node for s in page.symbols if s.symbol is Symbol.DECISION}
    exits: set[int] = set()
    for tail in decisions:
        mine = [(i, a) for i, a in enumerate(page.arrows) if a.tail == tail]
        down = [i for i, a in mine if ranks[a.head] > ranks[tail]]
        ya_down = [i for i, a in mine if a.branch is not Branch.NO and i in down]
        bottom = ya_down[0] if ya_down else (down[0] if down else None)
        exits.update(i for i, _ in mine if i != bottom)
    return exits


def segment_crosses_box(a: Point, b: Point, box: Box, *, inset: Pt = 0.75) -> bool:
    """True when the axis-parallel segment a-b passes through the inside of ``box``.

    The box is shrunk by ``inset`` so that touching an edge (where arrows start and end)
    does not count.
    """
    x0, x1 = sorted((a[0], b[0]))
    y0, y1 = sorted((a[1], b[1]))
    left, right = box.x + inset, box.right - inset
    top, bottom = box.y + inset, box.bottom - inset
    return x0 < right and x1 > left and y0 < bottom and y1 > top
