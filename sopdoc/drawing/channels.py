"""Where the legs of arrows may run: channel candidates, and the tracks already taken."""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from sopdoc.drawing.clearances import (
    CLEARANCE,
    FINE_STEP,
    HEAD_PAD,
    LINE_CLEARANCE,
    OUTER_INSET,
)
from sopdoc.drawing.nodes import PageNodes
from sopdoc.drawing.polyline import crosses, head_box
from sopdoc.layout import NodeId
from sopdoc.layout.geometry import LOOP_INSET
from sopdoc.layout.room import Side
from sopdoc.units import Pt

Point = tuple[Pt, Pt]


@dataclass
class Tracks:
    """Segments already placed, to keep parallel arrows ``separation`` apart (arrows into
    one head may share a track)."""

    separation: Pt
    #: x, y0, y1 and the head of each vertical leg.
    vertical: list[tuple[Pt, Pt, Pt, NodeId]] = field(default_factory=list)
    #: y, x0, x1 and the head of each horizontal leg (None: a labelled arrow's first ones,
    #: which no arrow shares: its word beside them would name both).
    horizontal: list[tuple[Pt, Pt, Pt, NodeId | None]] = field(default_factory=list)
    #: The x of the vertical legs of the arrows into each head at each point: an arrow to
    #: the same point may merge into them.
    merges: dict[tuple[NodeId, Point], list[Pt]] = field(default_factory=dict)
    #: The first legs of arrows leaving a side (a decision's Tidak): y, x0, x1.
    exits: list[tuple[Pt, Pt, Pt]] = field(default_factory=list)
    #: The arrowheads placed: their box (x0, y0, x1, y1) with HEAD_PAD round it, the node
    #: they point into, their tip.
    heads: list[tuple[tuple[Pt, Pt, Pt, Pt], NodeId, Point]] = field(default_factory=list)

    def through_head(self, x: Pt, y0: Pt, y1: Pt, head: NodeId) -> bool:
        """True when a vertical leg at ``x`` from y0 to y1 would run through the head of
        an arrow into another node."""
        lo, hi = sorted((y0, y1))
        return any(
            h != head and bx0 <= x <= bx1 and lo < by1 and by0 < hi
            for (bx0, by0, bx1, by1), h, _ in self.heads
        )

    def band_through_head(self, y: Pt, x0: Pt, x1: Pt, tip: Point | None) -> bool:
        """True when a horizontal leg at ``y`` from x0 to x1 would run through the head of
        an arrow with another tip than ``tip`` (arrows to one point merge)."""
        lo, hi = sorted((x0, x1))
        return any(
            (tip is None or _key(t) != _key(tip)) and by0 <= y <= by1 and lo < bx1 and bx0 < hi
            for (bx0, by0, bx1, by1), _, t in self.heads
        )

    def crosses_exit(self, x: Pt, y0: Pt, y1: Pt) -> bool:
        """True when a vertical leg at ``x`` from y0 to y1 would cut an arrow's side exit
        (a loop round another loop's exit: the two cross instead of nesting)."""
        return any(crosses(exit_leg, (x, y0, y1)) for exit_leg in self.exits)

    def crossings(self, points: Sequence[Point]) -> int:
        """How many legs already placed the arrow through ``points`` would cross."""
        count = 0
        for (x0, y0), (x1, y1) in itertools.pairwise(points):
            if abs(x0 - x1) < 1e-6:  # vertical: across horizontal legs
                count += sum(crosses((hy, a, b), (x0, y0, y1)) for hy, a, b, _ in self.horizontal)
            else:
                count += sum(crosses((y0, x0, x1), (vx, a, b)) for vx, a, b, _ in self.vertical)
        return count

    def vertical_free(self, x: Pt, y0: Pt, y1: Pt, head: NodeId) -> bool:
        lo, hi = sorted((y0, y1))
        return all(
            h == head
            or abs(vx - x) >= self.separation - 0.01
            or max(lo, min(a, b)) >= min(hi, max(a, b))
            for vx, a, b, h in self.vertical
        )

    def horizontal_free(self, y: Pt, x0: Pt, x1: Pt, head: NodeId) -> bool:
        lo, hi = sorted((x0, x1))
        return all(
            h == head
            or abs(hy - y) >= self.separation - 0.01
            or max(lo, min(a, b)) >= min(hi, max(a, b))
            for hy, a, b, h in self.horizontal
        )

    def horizontal_gap(self, y: Pt, x0: Pt, x1: Pt, head: NodeId) -> Pt:
        """How far a horizontal leg at ``y`` from x0 to x1 stays from the nearest leg of
        another arrow it runs beside (infinite when none)."""
        lo, hi = sorted((x0, x1))
        return min(
            (
                abs(hy - y)
                for hy, a, b, h in self.horizontal
                if h != head and max(lo, min(a, b)) < min(hi, max(a, b))
            ),
            default=math.inf,
        )

    def add(
        self,
        points: Sequence[Point],
        head: NodeId,
        *,
        arrowhead: bool = True,
        labelled: bool = False,
    ) -> None:
        """Take the legs of an arrow into ``head`` (with its ``arrowhead``; a connector's
        stub, taken before its arrow is routed, has none). Arrows into one head may share
        legs, but not a horizontal one of the first two of a ``labelled`` arrow (a loop
        merging there would run under its Ya/Tidak)."""
        merges = self.merges.setdefault((head, _key(points[-1])), [])
        if arrowhead:
            box = head_box(points[-2], points[-1], pad=HEAD_PAD)
            self.heads.append((box, head, points[-1]))
        (x0, y0), (x1, y1) = points[0], points[1]
        if abs(y0 - y1) < 1e-6:
            self.exits.append((y0, x0, x1))
        for k, ((x0, y0), (x1, y1)) in enumerate(itertools.pairwise(points)):
            if abs(x0 - x1) < 1e-6:
                self.vertical.append((x0, y0, y1, head))
                merges.append(x0)
            else:
                self.horizontal.append((y0, x0, x1, None if labelled and k < 2 else head))


def _key(point: Point) -> Point:
    return round(point[0], 3), round(point[1], 3)


@dataclass(frozen=True)
class ChannelQuery:
    """A vertical leg looking for its channel: from ``y0`` to ``y1``, as near ``prefer`` as
    can be (the outer channels first with ``outer_first``), on ``side`` of the page or
    either (None), clear of every node but ``ends`` (its own), into ``head``. ``beyond``
    is (lo, hi): the channel lies right of ``hi`` for side "right", left of ``lo`` for
    "left" (side exits and entries kept clear of their boxes); ``end`` is the arrow's tip
    (arrows into one point may merge); ``straight`` the x tried first (no jog)."""

    y0: Pt
    y1: Pt
    prefer: Pt
    ends: tuple[NodeId, NodeId]
    head: NodeId
    side: Side | None = None
    outer_first: bool = False
    beyond: tuple[Pt, Pt] = (-math.inf, math.inf)
    end: Point | None = None
    straight: Sequence[Pt] = ()


class Channels:
    """Free vertical channels and horizontal bands on one page, given the nodes and the
    arrows routed so far."""

    def __init__(self, nodes: PageNodes, *, track: Pt) -> None:
        """``track``: the least distance between parallel arrows (the style's
        ``arrow_track``), the outer channels' tracks too."""
        self.nodes = nodes
        self.area = nodes.area
        self.track = track
        self.tracks = Tracks(separation=track)
        #: Vertical legs (y0, y1, side) that found no free channel: room to ask the layout for.
        self.wanted: list[tuple[Pt, Pt, Side]] = []

    def candidates(self, *, prefer: Pt, outer_first: bool, side: Side | None) -> list[Pt]:
        """Channel positions: outer edges and lane boundaries, each with parallel tracks."""
        outer = [self.area.x + OUTER_INSET + k * self.track for k in range(6)]
        outer_right = [self.area.right - OUTER_INSET - k * self.track for k in range(6)]
        # Never on the boundary itself: in the document that is the table's column line.
        boundaries = [
            lane.right + offset
            for lane in self.nodes.lanes[:-1]
            for offset in (self.track, -self.track, 2 * self.track, -2 * self.track)
        ]
        if side == "left":
            outer_all = outer
        elif side == "right":
            outer_all = outer_right
        else:
            outer_all = outer + outer_right
        # Inside the lanes too, a millimetre and more off their lines, where no symbol stands;
        # the last lane's tracks counted from its right edge, on the outer tracks' grid (two
        # grids there would leave tracks a point apart, each blocking the other).
        last = len(self.nodes.lanes) - 1
        interiors = [
            lane.right - LOOP_INSET - k * self.track
            if i == last
            else lane.x + LOOP_INSET + k * self.track
            for i, lane in enumerate(self.nodes.lanes)
            for k in range(int((lane.width - 2 * LOOP_INSET) / self.track) + 1)
        ]
        inner = sorted(set(boundaries + interiors), key=lambda x: (abs(x - prefer), x))
        # Outer tracks outermost first; with both sides allowed, the nearer side first.
        near_left = abs(prefer - self.area.x) <= abs(self.area.right - prefer)
        outer_sorted = outer_all if side is not None or near_left else outer_right + outer
        if outer_first:
            return outer_sorted + inner + outer + outer_right
        return inner + outer_sorted + outer + outer_right

    def pick(self, query: ChannelQuery) -> Pt:
        """A free channel (see ``find``); with none free, the outer edge on the preferred side,
        stacked beside used tracks, and the leg is added to ``wanted``."""
        x = self.find(query)
        if x is not None:
            return x
        side = query.side
        self.wanted.append((query.y0, query.y1, "left" if side == "left" else "right"))
        return self.area.right - OUTER_INSET if side != "left" else self.area.x + OUTER_INSET

    def find(self, query: ChannelQuery) -> Pt | None:
        """A free channel for ``query``'s vertical leg; None when there is none. Its
        ``straight`` x are tried first (the arrow's own ends: no jog); then an arrow ending
        at ``end`` tries the channels of the arrows already ending there (it merges into
        them instead of running beside them)."""
        y0, y1, prefer, side, head = query.y0, query.y1, query.prefer, query.side, query.head
        beyond, end, straight = query.beyond, query.end, query.straight
        lo, hi = beyond
        # Nothing free among the candidates: any place a millimetre off the lane lines.
        fine = sorted(
            (
                lane.x + LINE_CLEARANCE + k * FINE_STEP
                for lane in self.nodes.lanes
                for k in range(int((lane.width - 2 * LINE_CLEARANCE) / FINE_STEP) + 1)
            ),
            key=lambda x: (abs(x - prefer), x),
        )
        candidates = self.candidates(prefer=prefer, outer_first=query.outer_first, side=side)
        merging = self.tracks.merges.get((head, _key(end)), []) if end is not None else []
        xs = [*straight, *merging, *candidates, *fine]
        # A channel cutting no other arrow's side exit first: loops nest instead of crossing.
        for crossing in (False, True):
            for x in xs:
                if side == "right" and x < hi + CLEARANCE:
                    continue
                if side == "left" and x > lo - CLEARANCE:
                    continue
                if not crossing and self.tracks.crosses_exit(x, y0, y1):
                    continue
                if (
                    self.nodes.clear_of_nodes(x, y0, y1, ends=query.ends)
                    and self.tracks.vertical_free(x, y0, y1, head)
                    and not self.tracks.through_head(x, y0, y1, head)
                ):
                    return x
        return None

    def band(
        self,
        y: Pt,
        x0: Pt,
        x1: Pt,
        head: NodeId,
        *,
        low: Pt,
        high: Pt,
        tip: Point | None = None,
    ) -> Pt:
        """A free horizontal track near ``y`` within [low, high], clear of the heads of
        arrows to other points than ``tip``."""
        for step in (self.track, FINE_STEP):  # on the track grid first, then any free y
            for k in range(0, int(6 * self.track / step)):
                for candidate in (y + k * step, y - k * step) if k else (y,):
                    if (
                        low <= candidate <= high
                        and self.tracks.horizontal_free(candidate, x0, x1, head)
                        and not self.tracks.band_through_head(candidate, x0, x1, tip)
                        and self.nodes.band_clear(candidate, x0, x1)
                    ):
                        return candidate
        # No free track: ``y`` when it still stands apart from the legs it runs beside
        # (nearly the least separation), else the place in the band farthest from them.
        places = [low + k * FINE_STEP for k in range(int((high - low) / FINE_STEP) + 1)]
        apart = max(LINE_CLEARANCE, self.track - 2 * FINE_STEP)
        if not places or self.tracks.horizontal_gap(y, x0, x1, head) > apart:
            return y
        return max(places, key=lambda c: (self.tracks.horizontal_gap(c, x0, x1, head), -abs(c - y)))
