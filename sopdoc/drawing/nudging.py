"""The nudging pass: parallel tracks spread apart, one axis at a time (libavoid's structure).

Routing fixes each arrow's shape: the sides it leaves and enters by, the channels and bands
it runs in, and the order of the arrows in each. Nudging then moves only the inner legs of
the arrows (their first and last legs stay on their symbols): the tracks that run beside
each other are set ``ideal`` apart where their free space has room, down to the least
separation, in the order routing gave them and as near where routing put them as can be.
Vertical legs move first (they may pass over a lane line into an empty lane, never stand on
one), then horizontal legs (within their row gap). A move that would bring an arrow through
a symbol or an arrowhead, onto a table line, nearer another arrow or across one more arrow
is not made.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from sopdoc.drawing.clearances import (
    CLEARANCE,
    FINE_STEP,
    HEAD_PAD,
    IDEAL_TRACK_FACTOR,
    LINE_CLEARANCE,
    NUDGE_REACH,
    TOUCH,
)
from sopdoc.drawing.nodes import PageNodes
from sopdoc.drawing.polyline import crosses, head_box
from sopdoc.layout import NodeId
from sopdoc.units import Pt

Point = tuple[Pt, Pt]
Axis = Literal["x", "y"]


@dataclass
class _Track:
    """One movable track: the inner legs, on one axis, of the arrows into one head that run
    at one position (arrows merging into one head share their track)."""

    pos: Pt
    #: The extent of its legs along the other axis.
    span: tuple[Pt, Pt]
    #: (arrow index, leg index) of each leg on the track.
    legs: list[tuple[int, int]]
    head: NodeId
    #: The free range the track may move in.
    low: Pt = -math.inf
    high: Pt = math.inf


@dataclass
class _Page:
    """The arrows of one page being nudged: their points, ends, heads and the lines they
    keep off."""

    nodes: PageNodes
    points: list[list[Point]]
    ends: list[tuple[NodeId, NodeId]]
    least: Pt
    #: Table lines: the lanes' lines (a vertical leg may pass over, never run on them) and
    #: the rows' lines (a horizontal leg stays within its row gap).
    lane_lines: list[Pt] = field(default_factory=list)
    row_lines: list[Pt] = field(default_factory=list)
    #: Each node's name and box (x0, y0, x1, y1); each arrow's head box and its tip (the
    #: last legs never move, so their heads stay where routing put them).
    boxes: list[tuple[NodeId, tuple[Pt, Pt, Pt, Pt]]] = field(init=False)
    heads: list[tuple[tuple[Pt, Pt, Pt, Pt], Point]] = field(init=False)

    def __post_init__(self) -> None:
        self.boxes = [
            (name, (n.box.x, n.box.y, n.box.right, n.box.bottom))
            for name, n in self.nodes.nodes.items()
        ]
        self.heads = [(head_box(p[-2], p[-1], pad=HEAD_PAD), p[-1]) for p in self.points]

    def legs(self, i: int) -> list[tuple[Point, Point]]:
        pts = self.points[i]
        return list(itertools.pairwise(pts))


def nudge(
    routes: Sequence[Sequence[Point]],
    ends: Sequence[tuple[NodeId, NodeId]],
    nodes: PageNodes,
    *,
    least: Pt,
) -> list[list[Point]]:
    """The points of ``routes`` (arrows with ``ends`` (tail, head)) with their inner legs
    spread apart: vertical legs first, then horizontal; ``least`` the least separation of
    parallel arrows (the style's ``arrow_track``), IDEAL_TRACK_FACTOR times it where there
    is room."""
    page = _Page(
        nodes,
        [list(points) for points in routes],
        list(ends),
        least,
        lane_lines=sorted({x for lane in nodes.lanes for x in (lane.x, lane.right)}),
        row_lines=sorted({y for row in nodes.rows for y in (row.box.y, row.box.bottom)}),
    )
    for axis in ("x", "y"):
        tracks = _tracks(page, axis)
        movable = {leg for track in tracks for leg in track.legs}
        for track in tracks:
            track.low, track.high = _free_range(page, track, axis, movable)
        for cluster in _clusters(tracks):
            _spread_cluster(page, cluster, axis)
    return page.points


def _parallel(p: Point, q: Point, axis: Axis) -> bool:
    """True when the leg p-q runs at one ``axis`` position (vertical for "x")."""
    a = 0 if axis == "x" else 1
    return abs(p[a] - q[a]) < 1e-6 and math.dist(p, q) > 1e-6


def _tracks(page: _Page, axis: Axis) -> list[_Track]:
    """The inner legs on ``axis``, arrows into one head at one position sharing a track."""
    a, b = (0, 1) if axis == "x" else (1, 0)
    by_key: dict[tuple[NodeId, float], _Track] = {}
    for i, points in enumerate(page.points):
        for k in range(1, len(points) - 2):
            p, q = points[k], points[k + 1]
            if not _parallel(p, q, axis):
                continue
            head = page.ends[i][1]
            lo, hi = sorted((p[b], q[b]))
            key = (head, round(p[a], 2))
            track = by_key.get(key)
            if track is None:
                by_key[key] = _Track(p[a], (lo, hi), [(i, k)], head)
            else:
                track.legs.append((i, k))
                track.span = (min(track.span[0], lo), max(track.span[1], hi))
    return sorted(by_key.values(), key=lambda t: (t.pos, t.span))


def _moved(page: _Page, track: _Track, axis: Axis, pos: Pt) -> dict[int, list[Point]]:
    """The points of the track's arrows with the track at ``pos``."""
    a = 0 if axis == "x" else 1
    out: dict[int, list[Point]] = {}
    for i, k in track.legs:
        points = out.setdefault(i, list(page.points[i]))
        for j in (k, k + 1):
            x, y = points[j]
            points[j] = (pos, y) if a == 0 else (x, pos)
    return out


def _leg_clear(page: _Page, i: int, k: int, p: Point, q: Point) -> bool:
    """True when leg ``k`` of arrow ``i`` from p to q stays in the flow area, clear of every
    node by CLEARANCE (its first and last legs may meet their own ends) and of every other
    arrow's head."""
    area = page.nodes.area
    x0, x1 = sorted((p[0], q[0]))
    y0, y1 = sorted((p[1], q[1]))
    if x0 < area.x + TOUCH or x1 > area.right - TOUCH:
        return False
    last = len(page.points[i]) - 2
    own = page.ends[i] if k in (0, last) else ()
    for name, (bx0, by0, bx1, by1) in page.boxes:
        m = -TOUCH if name in own else CLEARANCE
        if x0 < bx1 + m and x1 > bx0 - m and y0 < by1 + m and y1 > by0 - m:
            return False
    tip = page.heads[i][1]
    for j, ((hx0, hy0, hx1, hy1), other) in enumerate(page.heads):
        if x0 < hx1 and x1 > hx0 and y0 < hy1 and y1 > hy0 and j != i and not _same(other, tip):
            return False
    return True


def _same(p: Point, q: Point) -> bool:
    return abs(p[0] - q[0]) < 0.01 and abs(p[1] - q[1]) < 0.01


def _on_line(page: _Page, axis: Axis, pos: Pt) -> bool:
    """True when a track at ``pos`` would run within LINE_CLEARANCE of a table line."""
    lines = page.lane_lines if axis == "x" else page.row_lines
    return any(abs(pos - line) < LINE_CLEARANCE for line in lines)


def _fits(page: _Page, track: _Track, axis: Axis, pos: Pt) -> bool:
    """True when every leg the track moves (its own, and the legs each side that grow or
    shrink with it) stays clear at ``pos``."""
    for i, points in _moved(page, track, axis, pos).items():
        for k, (p, q) in enumerate(itertools.pairwise(points)):
            if not _leg_clear(page, i, k, p, q):
                return False
    return True


def _blocks(page: _Page, track: _Track, axis: Axis, movable: set[tuple[int, int]]) -> list[Pt]:
    """The positions of the fixed legs of other arrows running beside the track (a first
    or last leg, or any leg that does not move on this axis): the track keeps on its side."""
    a, b = (0, 1) if axis == "x" else (1, 0)
    out: list[Pt] = []
    for i, points in enumerate(page.points):
        if page.ends[i][1] == track.head:
            continue
        for k, (p, q) in enumerate(itertools.pairwise(points)):
            if (i, k) in movable or not _parallel(p, q, axis):
                continue
            lo, hi = sorted((p[b], q[b]))
            if max(lo, track.span[0]) < min(hi, track.span[1]):
                out.append(p[a])
    return out


def _free_range(
    page: _Page, track: _Track, axis: Axis, movable: set[tuple[int, int]]
) -> tuple[Pt, Pt]:
    """How far the track may move each way: up to a node, an arrowhead, the flow area's
    edge, a fixed leg beside it, or (a horizontal track) its row's lines. A vertical track
    passes over a lane line (it never stops on one)."""
    if not _fits(page, track, axis, track.pos):
        return track.pos, track.pos  # routing's own exception: left where it is
    blocks = _blocks(page, track, axis, movable)
    reach = _reach(page)
    limits: list[Pt] = []
    for direction in (-1.0, 1.0):
        last = track.pos
        step = 1
        while step * FINE_STEP <= reach:
            pos = track.pos + direction * step * FINE_STEP
            if any(abs(pos - block) < page.least - 0.01 for block in blocks):
                break
            on_line = _on_line(page, axis, pos)
            if on_line and axis == "y":
                break
            if not on_line:
                if not _fits(page, track, axis, pos):
                    break
                last = pos
            step += 1
        limits.append(last)
    low, high = limits
    # An arrow's first leg never grows shorter: routing left its label room there.
    a = 0 if axis == "x" else 1
    for i, k in track.legs:
        if k == 1:
            start = page.points[i][0][a]
            if track.pos > start:
                low = max(low, track.pos)
            else:
                high = min(high, track.pos)
    return low, high


def _reach(page: _Page) -> Pt:
    """How far a track is looked at moving each way: NUDGE_REACH tracks."""
    return NUDGE_REACH * page.least


def _clusters(tracks: Sequence[_Track]) -> list[list[_Track]]:
    """Tracks that run beside each other (their spans overlap) and may meet (their free
    ranges overlap), joined transitively; each in the order of its positions."""
    parent = list(range(len(tracks)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, t in enumerate(tracks):
        for j in range(i + 1, len(tracks)):
            u = tracks[j]
            if t.head == u.head:
                continue
            spans = max(t.span[0], u.span[0]) < min(t.span[1], u.span[1])
            ranges = max(t.low, u.low) < min(t.high, u.high) + 1e-6
            if spans and ranges:
                parent[root(i)] = root(j)
    groups: dict[int, list[_Track]] = {}
    for i, t in enumerate(tracks):
        groups.setdefault(root(i), []).append(t)
    return [sorted(g, key=lambda t: (t.pos, t.span)) for g in groups.values()]


def _isotonic(values: Sequence[float]) -> list[float]:
    """The non-decreasing sequence nearest ``values`` (pool adjacent violators)."""
    blocks: list[list[float]] = []  # [mean, count]
    for v in values:
        blocks.append([v, 1.0])
        while len(blocks) > 1 and blocks[-2][0] > blocks[-1][0]:
            m2, c2 = blocks.pop()
            m1, c1 = blocks.pop()
            blocks.append([(m1 * c1 + m2 * c2) / (c1 + c2), c1 + c2])
    out: list[float] = []
    for mean, count in blocks:
        out += [mean] * int(count)
    return out


def _targets(cluster: Sequence[_Track], reach: Pt, ideal: Pt) -> list[Pt]:
    """Where the cluster's tracks would best run: spread evenly over their free space and
    centred in it where that space is bounded each way within ``reach``; where it runs on
    beyond reach, as routed, at least ``ideal`` from the bound it has."""
    low = min(t.low for t in cluster)
    high = max(t.high for t in cluster)
    n = len(cluster)
    first, last = cluster[0].pos, cluster[-1].pos
    bounded_low = first - low < reach - 1e-6
    bounded_high = high - last < reach - 1e-6
    if bounded_low and bounded_high:
        gap = (high - low) / (n + 1)
        return [low + gap * (i + 1) for i in range(n)]
    targets = [t.pos for t in cluster]
    if bounded_low:
        targets = [max(p, low + ideal * (i + 1)) for i, p in enumerate(targets)]
    if bounded_high:
        targets = [min(p, high - ideal * (n - i)) for i, p in enumerate(targets)]
    return targets


def _layout(
    page: _Page, cluster: Sequence[_Track], axis: Axis, targets: Sequence[Pt], sep: Pt
) -> list[Pt] | None:
    """Positions for the cluster's tracks in their order, ``sep`` apart, each in its free
    range and off the table lines, as near ``targets`` as can be; None when they do not
    fit."""
    n = len(cluster)
    shifted = _isotonic([p - i * sep for i, p in enumerate(targets)])
    pos = [
        min(max(q + i * sep, t.low), t.high)
        for i, (q, t) in enumerate(zip(shifted, cluster, strict=True))
    ]
    for i in range(1, n):
        pos[i] = max(pos[i], pos[i - 1] + sep)
    pos[-1] = min(pos[-1], cluster[-1].high)
    for i in range(n - 2, -1, -1):
        pos[i] = min(pos[i], pos[i + 1] - sep)
    # Off the table lines: to the nearer side of a line's clearance.
    lines = page.lane_lines if axis == "x" else page.row_lines
    for i in range(n):
        for line in lines:
            if abs(pos[i] - line) < LINE_CLEARANCE:
                pos[i] = line - LINE_CLEARANCE if pos[i] < line else line + LINE_CLEARANCE
    ok = all(t.low - 1e-6 <= p <= t.high + 1e-6 for p, t in zip(pos, cluster, strict=True))
    ok = ok and all(pos[i + 1] - pos[i] >= page.least - 1e-6 for i in range(n - 1))
    return [round(p, 3) for p in pos] if ok else None


def _spread_cluster(page: _Page, cluster: Sequence[_Track], axis: Axis) -> None:
    """Move the cluster's tracks to the widest separation (from ``ideal`` down to the least)
    at which the page stays as good: no arrow nearer another, no more crossings."""
    ideal = page.least * IDEAL_TRACK_FACTOR
    arrows = sorted({i for t in cluster for i, _ in t.legs})
    before = _score(page, arrows)
    targets = _targets(cluster, _reach(page), ideal)
    for sep in (ideal, (ideal + page.least) / 2, page.least):
        pos = _layout(page, cluster, axis, targets, sep)
        if pos is None:
            continue
        if all(abs(p - t.pos) < 1e-6 for p, t in zip(pos, cluster, strict=True)):
            return
        saved = {i: list(page.points[i]) for i in arrows}
        for p, track in zip(pos, cluster, strict=True):
            for i, points in _moved(page, track, axis, p).items():
                page.points[i] = points
        after = _score(page, arrows)
        clear = all(
            _leg_clear(page, i, k, p, q) for i in arrows for k, (p, q) in enumerate(page.legs(i))
        )
        if clear and after[0] <= before[0] and after[1] <= before[1]:
            for p, track in zip(pos, cluster, strict=True):
                track.pos = p
            return
        for i, points in saved.items():
            page.points[i] = points


def _score(page: _Page, arrows: Sequence[int]) -> tuple[int, int]:
    """(pairs of parallel legs nearer than the least separation, crossings) between the
    given arrows and every other: a move may not raise either."""
    near = crossings = 0
    mine = set(arrows)
    for i in arrows:
        for j in range(len(page.points)):
            if j == i or (j in mine and j < i):
                continue
            if page.ends[i][1] == page.ends[j][1]:
                continue
            for p, q in page.legs(i):
                for r, s in page.legs(j):
                    near += _near(p, q, r, s, page.least)
                    crossings += _cross(p, q, r, s)
    return near, crossings


def _near(p: Point, q: Point, r: Point, s: Point, least: Pt) -> bool:
    for a in (0, 1):
        b = 1 - a
        if abs(p[a] - q[a]) < 1e-6 and abs(r[a] - s[a]) < 1e-6:
            lo = max(min(p[b], q[b]), min(r[b], s[b]))
            hi = min(max(p[b], q[b]), max(r[b], s[b]))
            if hi - lo > 1e-6 and abs(p[a] - r[a]) < least - 0.01:
                return True
    return False


def _cross(p: Point, q: Point, r: Point, s: Point) -> bool:
    """True when a horizontal and a vertical leg cross inside both (``crosses``)."""
    if abs(p[1] - q[1]) < 1e-6 and abs(r[0] - s[0]) < 1e-6:
        return crosses((p[1], p[0], q[0]), (r[0], r[1], s[1]))
    if abs(p[0] - q[0]) < 1e-6 and abs(r[1] - s[1]) < 1e-6:
        return crosses((r[1], r[0], s[0]), (p[0], p[1], q[1]))
    return False
