"""Invariants of a routed page as a careful drafter keeps them, checked on the scene geometry:
each returns messages naming the page and the arrow, empty when the page keeps it."""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence

from sopdoc.drawing.pages import RoutedPage
from sopdoc.drawing.routing import Route
from sopdoc.layout import Box, NodeId, ProcedureLayout
from sopdoc.model import Symbol
from sopdoc.units import Pt

Point = tuple[Pt, Pt]
Segment = tuple[Point, Point]

#: One millimetre: the least distance between an arrow leg and a parallel line.
MM: Pt = 2.83


def _node(node: NodeId) -> str:
    return f"{node.kind} {node.step or node.letter}"


def _name(route: Route) -> str:
    spec = route.spec
    return f"{_node(spec.tail)} -> {_node(spec.head)}" + (f" ({spec.label})" if spec.label else "")


def _orient(seg: Segment) -> str | None:
    (x0, y0), (x1, y1) = seg
    if abs(y0 - y1) < 0.01 and abs(x0 - x1) > 0.01:
        return "h"
    if abs(x0 - x1) < 0.01 and abs(y0 - y1) > 0.01:
        return "v"
    return None


def _parallel_overlap(a: Segment, b: Segment, dist: Pt) -> Pt:
    """How long two parallel axis segments run within ``dist`` of each other."""
    oa = _orient(a)
    if oa is None or oa != _orient(b):
        return 0.0
    k, j = (1, 0) if oa == "h" else (0, 1)
    if abs(a[0][k] - b[0][k]) >= dist:
        return 0.0
    lo = max(min(a[0][j], a[1][j]), min(b[0][j], b[1][j]))
    hi = min(max(a[0][j], a[1][j]), max(b[0][j], b[1][j]))
    return max(0.0, hi - lo)


def grid_lines(layout: ProcedureLayout, page: RoutedPage) -> list[Segment]:
    """The table lines crossing the flow area: row boundaries and lane boundaries."""
    area = page.page.flow_area
    lines: list[Segment] = []
    for row in page.page.rows:
        for y in (row.box.y, row.box.bottom):
            lines.append(((area.x, y), (area.right, y)))
    for lane in layout.lanes:
        for x in (lane.x, lane.right):
            lines.append(((x, area.y), (x, area.bottom)))
    return lines


def _inside(box: Box, symbol: Symbol | None, x: Pt, y: Pt, *, margin: Pt = 0.0) -> bool:
    if symbol is Symbol.DECISION:
        hw, hh = box.width / 2 + margin, box.height / 2 + margin
        return abs(x - box.center_x) / hw + abs(y - box.center_y) / hh < 1.0
    return box.x - margin < x < box.right + margin and box.y - margin < y < box.bottom + margin


def _samples(a: Point, b: Point, step: Pt = 0.5) -> Iterator[Point]:
    n = max(2, int(max(abs(b[0] - a[0]), abs(b[1] - a[1])) / step))
    for i in range(1, n):
        t = i / n
        yield a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t


def _box_points(box: Box) -> Iterator[Point]:
    for i in range(7):
        for j in range(5):
            yield box.x + box.width * i / 6, box.y + box.height * j / 4


def _glyph(box: Box) -> Box:
    """A label's glyph box without the font's line gap (as a reader sees the ink)."""
    return Box(box.x + 0.3, box.y + 1.0, box.width - 0.6, box.height - 2.0)


def _segment_hits_box(a: Point, b: Point, box: Box) -> bool:
    x0, x1 = sorted((a[0], b[0]))
    y0, y1 = sorted((a[1], b[1]))
    return x0 < box.right and x1 > box.x and y0 < box.bottom and y1 > box.y


def violations(layout: ProcedureLayout, page: RoutedPage) -> list[str]:
    """Every broken invariant on one routed page."""
    where = f"halaman {page.page.index + 1}"
    out: list[str] = []
    grid = grid_lines(layout, page)
    routes = page.arrows
    shapes: list[tuple[Box, Symbol | None]] = [(s.box, s.symbol) for s in page.page.symbols]
    shapes += [(c.box, None) for c in page.page.connectors]
    # Legs a millimetre clear of parallel table lines.
    for route in routes:
        for seg in route.segments:
            if any(_parallel_overlap(seg, g, MM) > 3.0 for g in grid):
                out.append(f"{where}: {_name(route)} leg {seg} on a table line")
                break
    # Each arrow its own track: parallel legs of two arrows a millimetre apart, unless both
    # arrows end at the same point (they merge there).
    for r1, r2 in itertools.combinations(routes, 2):
        if r1.points[-1] == r2.points[-1]:
            continue
        if any(_parallel_overlap(a, b, MM) > 2.0 for a in r1.segments for b in r2.segments):
            out.append(f"{where}: {_name(r1)} and {_name(r2)} share a track")
    # No leg through a symbol.
    for route in routes:
        for a, b in route.segments:
            if any(
                any(_inside(box, kind, x, y, margin=-1.5) for x, y in _samples(a, b))
                for box, kind in shapes
            ):
                out.append(f"{where}: {_name(route)} passes through a symbol")
                break
    # A decision's Ya and Tidak leave by different vertices; nothing enters by an exit.
    exits: dict[NodeId, list[Point]] = {}
    for route in routes:
        exits.setdefault(route.spec.tail, []).append(route.points[0])
    for tail, points in exits.items():
        if len(points) != len(set(points)):
            out.append(f"{where}: two arrows leave {_node(tail)} by the same point")
    for route in routes:
        if route.points[-1] in exits.get(route.spec.head, []):
            out.append(f"{where}: {_name(route)} enters by a vertex an exit uses")
    # Labels clear of lines, symbols, table lines and each other, inside the flow area.
    labels = [_glyph(label.box) for label in page.scene.labels if label.owner is None]
    area = page.page.flow_area
    for box in labels:
        text = f"{where}: label at ({box.x:.1f}, {box.y:.1f})"
        if not (area.x <= box.x and box.right <= area.right):
            out.append(f"{text} outside the lanes")
        if any(_segment_hits_box(a, b, box) for r in routes for a, b in r.segments):
            out.append(f"{text} touches an arrow")
        if any(_segment_hits_box(a, b, box) for a, b in grid):
            out.append(f"{text} cut by a table line")
        for shape, kind in shapes:
            inside = [_inside(shape, kind, x, y) for x, y in _box_points(box)]
            if any(inside):
                out.append(f"{text} on a symbol")
                break
    for b1, b2 in itertools.combinations(labels, 2):
        if b1.x < b2.right and b2.x < b1.right and b1.y < b2.bottom and b2.y < b1.bottom:
            out.append(f"{where}: labels overlap at ({b1.x:.1f}, {b1.y:.1f})")
    return out


def all_violations(layout: ProcedureLayout, pages: Sequence[RoutedPage]) -> list[str]:
    return [v for page in pages for v in violations(layout, page)]


def _crosses(a: Segment, b: Segment) -> bool:
    """Whether a horizontal and a vertical leg cross, away from both legs' ends."""
    if _orient(a) == "v":
        a, b = b, a
    if _orient(a) != "h" or _orient(b) != "v":
        return False
    (ax0, ay), (ax1, _) = a
    (bx, by0), (_, by1) = b
    return min(ax0, ax1) + 0.5 < bx < max(ax0, ax1) - 0.5 and (
        min(by0, by1) + 0.5 < ay < max(by0, by1) - 0.5
    )


def crossed_branches(pages: Sequence[RoutedPage]) -> list[str]:
    """A decision's Ya and Tidak arrows that cross each other: a drafter never draws them so."""
    found = []
    for number, page in enumerate(pages, start=1):
        by_tail: dict[NodeId, list[Route]] = {}
        for route in page.arrows:
            by_tail.setdefault(route.spec.tail, []).append(route)
        for routes in by_tail.values():
            for one, other in itertools.combinations(routes, 2):
                legs = list(itertools.pairwise(one.points))
                others = list(itertools.pairwise(other.points))
                if any(_crosses(a, b) for a in legs for b in others):
                    found.append(f"halaman {number}: {_name(one)} crosses {_name(other)}")
    return found
