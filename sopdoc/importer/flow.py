"""The flow a drawn flowchart shows: each step's actors from where its symbol stands over the
table's columns, decisions from diamonds, YA/TIDAK and "selesai" from the arrows, their
labels and the capsules they end in."""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Final

from sopdoc.importer.drawings import Drawing, Point, Shape
from sopdoc.importer.fields import Columns, StepText, normal
from sopdoc.importer.text import Table
from sopdoc.units import EMU_PER_POINT

#: How near an arrow's end must be to a symbol to start or end there, in EMU.
TOUCH: Final = 8 * EMU_PER_POINT
#: How near a drawn arrowhead must be to a line's end to mark its tip, in EMU.
HEAD_NEAR: Final = 6 * EMU_PER_POINT
#: How near its exit segment a Ya/Tidak label must stand, in EMU.
LABEL_NEAR: Final = 30 * EMU_PER_POINT
#: A symbol stands in a lane it covers this share of, or whose middle it covers.
LANE_SHARE: Final = 0.4
#: The height of a line of a row whose height the document does not give, in EMU.
LINE_HEIGHT: Final = 14 * EMU_PER_POINT
#: Labels that mean yes and no, as offices write them.
YES: Final = frozenset({"YA", "Y", "YES", "SETUJU", "LENGKAP", "SESUAI", "BENAR"})
NO: Final = frozenset({"TIDAK", "T", "TDK", "NO", "TIDAK SETUJU", "TIDAK LENGKAP"})
#: Texts that only say a capsule starts or ends the flow.
PLAIN_ENDS: Final = frozenset({"", "SELESAI", "MULAI", "START", "END", "AKHIR"})
_SYMBOLS: Final = ("terminator", "process", "decision")


@dataclass
class Node:
    """A symbol in the table's coordinates: a step's, a connector, or a capsule."""

    shape: Shape
    x: float
    y: float
    step: int | None = None
    #: A connector's letter, from the text standing in it.
    letter: str = ""
    #: Two or more arrows leave it (a decision, whatever its shape).
    forks: bool = False

    @property
    def right(self) -> float:
        return self.x + self.shape.width

    @property
    def bottom(self) -> float:
        return self.y + self.shape.height

    def distance(self, point: Point) -> float:
        px, py = point
        dx = max(self.x - px, 0.0, px - self.right)
        dy = max(self.y - py, 0.0, py - self.bottom)
        return math.hypot(dx, dy)


@dataclass
class Flow:
    """What the drawing says of one step."""

    actors: tuple[int, ...] = ()
    decision: bool = False
    targets: dict[str, int | None] = field(default_factory=dict)
    ends: dict[str, str] = field(default_factory=dict)


@dataclass
class Reading:
    """The flow of every step found, and the steps whose symbol was not found."""

    flows: dict[int, Flow]
    missing: list[int]
    pictures: bool = False


def row_tops(table: Table) -> list[float]:
    """Where each row starts, from the rows' heights (estimated from their text where the
    document leaves the height to Word), and the table's bottom last."""
    tops = [0.0]
    for row, height in enumerate(table.heights):
        if height is None:
            lines = max(
                (len(c.text.split("\n")) for c in table.row_cells(row) if c.rows == 1),
                default=1,
            )
            height = lines * LINE_HEIGHT
        tops.append(tops[-1] + height)
    return tops


def read_flow(
    tables: Sequence[tuple[Table, Columns]],
    steps: Sequence[StepText],
    drawings: Sequence[Drawing],
    *,
    margin_left: int,
) -> Reading:
    """Each step's flow from the drawings anchored in its table (or, where none are, from
    the body's drawings in top-to-bottom order)."""
    by_index = {table.index: (table, columns) for table, columns in tables}
    tops = {table.index: row_tops(table) for table, _ in tables}
    nodes: list[Node] = []
    lines: list[list[Point]] = []
    heads: list[Point] = []
    labels: list[tuple[str, Point]] = []
    texts: list[tuple[str, Point]] = []
    loose: list[Node] = []
    pictures = False
    for drawing in drawings:
        if drawing.cell is not None and drawing.cell[0] in by_index:
            table, _ = by_index[drawing.cell[0]]
            ox = float(table.column_left(drawing.cell[2]))
            oy = tops[table.index][drawing.cell[1]] + _offset(table.index)
        elif drawing.cell is None:
            ox = -float(margin_left) if drawing.reference == "page" else 0.0
            oy = math.nan
        else:
            continue
        for shape in drawing.shapes:
            if shape.kind == "picture":
                pictures = True
                continue
            dy = 0.0 if math.isnan(oy) else oy
            x, y = shape.x + ox, shape.y + dy
            if shape.kind == "line":
                points = [(px + ox, py + dy) for px, py in shape.points]
                if shape.head_at_start and not shape.head_at_end:
                    points.reverse()
                lines.append(points)
            elif shape.kind == "head":
                hx = sum(p[0] for p in shape.points) / max(len(shape.points), 1)
                hy = sum(p[1] for p in shape.points) / max(len(shape.points), 1)
                heads.append((hx + ox, hy + dy))
            elif shape.kind == "text" and normal(shape.text) not in YES | NO:
                texts.append((shape.text, (x + shape.width / 2, y + shape.height / 2)))
            elif normal(shape.text) in YES | NO and shape.kind in ("text", "other", "process"):
                if shape.width < 60 * EMU_PER_POINT:
                    labels.append((normal(shape.text), (x + shape.width / 2, y + shape.height / 2)))
                    continue
                (loose if math.isnan(oy) else nodes).append(Node(shape, x, y))
            elif shape.kind in (*_SYMBOLS, "connector"):
                (loose if math.isnan(oy) else nodes).append(Node(shape, x, y))
    _place_steps(nodes, loose, tops, steps)
    nodes += loose
    flows: dict[int, Flow] = {}
    lanes = _lanes(tables)
    for node in nodes:
        if node.step is None:
            continue
        flows[node.step] = Flow(actors=_actors(node, lanes), decision=node.shape.kind == "decision")
    arrows = [_directed(points, heads) for points in lines if len(points) >= 2]
    _connect(nodes, arrows, labels, flows, texts)
    return Reading(flows, [s.number for s in steps if s.number not in flows], pictures)


def _offset(index: int) -> float:
    """Tables are laid one below the other in one coordinate system: the space above
    table ``index`` (pages apart, far enough that no arrow joins two)."""
    return index * 1e9


def _lanes(tables: Sequence[tuple[Table, Columns]]) -> list[tuple[float, float]]:
    table, columns = tables[0]
    return [
        (float(table.column_left(c)), float(table.column_left(c) + table.widths[c]))
        for c in columns.lanes
    ]


def _actors(node: Node, lanes: Sequence[tuple[float, float]]) -> tuple[int, ...]:
    """The lanes a symbol stands in: those it covers enough of, else the one under its
    middle."""
    covered = []
    for index, (left, right) in enumerate(lanes):
        width = right - left
        overlap = min(right, node.right) - max(left, node.x)
        if width > 0 and overlap >= LANE_SHARE * width:
            covered.append(index)
    if covered:
        return tuple(covered)
    middle = node.x + node.shape.width / 2
    nearest = min(
        range(len(lanes)),
        key=lambda i: (
            0.0
            if lanes[i][0] <= middle < lanes[i][1]
            else min(abs(middle - lanes[i][0]), abs(middle - lanes[i][1]))
        ),
        default=None,
    )
    return () if nearest is None else (nearest,)


def _place_steps(
    nodes: list[Node],
    loose: list[Node],
    tops: Mapping[int, Sequence[float]],
    steps: Sequence[StepText],
) -> list[int]:
    """Give each step the symbol standing in its rows (a decision before a box before a
    capsule); steps of a table without anchored symbols take the body's symbols in
    top-to-bottom order when they are as many. ``tops``: each table's row tops."""
    unplaced = []
    for step in steps:
        rows, base = tops[step.table], _offset(step.table)
        top, bottom = rows[step.rows[0]] + base, rows[step.rows[-1] + 1] + base
        candidates = [
            n
            for n in nodes
            if n.step is None
            and n.shape.kind in _SYMBOLS
            and top <= n.y + n.shape.height / 2 < bottom
        ]
        if not candidates:
            unplaced.append(step)
            continue
        best = max(
            candidates,
            key=lambda n: (_SYMBOLS.index(n.shape.kind), n.shape.width * n.shape.height),
        )
        best.step = step.number
    symbols = sorted((n for n in loose if n.shape.kind in _SYMBOLS), key=lambda n: (n.y, n.x))
    if unplaced and len(symbols) == len(unplaced):
        for node, step in zip(symbols, unplaced, strict=True):
            node.step = step.number
        return []
    return [step.number for step in unplaced]


def _directed(points: list[Point], heads: Sequence[Point]) -> list[Point]:
    """An arrow's points from tail to tip: a drawn arrowhead at its first point turns it."""
    first, last = points[0], points[-1]
    near_first = any(math.dist(first, h) <= HEAD_NEAR for h in heads)
    near_last = any(math.dist(last, h) <= HEAD_NEAR for h in heads)
    return list(reversed(points)) if near_first and not near_last else points


def _nearest(nodes: Sequence[Node], point: Point) -> Node | None:
    best = min(nodes, key=lambda n: n.distance(point), default=None)
    return best if best is not None and best.distance(point) <= TOUCH else None


def _segment_distance(point: Point, a: Point, b: Point) -> float:
    (px, py), (ax, ay), (bx, by) = point, a, b
    length = (bx - ax) ** 2 + (by - ay) ** 2
    t = (
        0.0
        if length == 0
        else max(0.0, min(1.0, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / length))
    )
    return math.dist(point, (ax + t * (bx - ax), ay + t * (by - ay)))


def _branches(
    edges: Sequence[tuple[Node, Node, list[Point]]], labels: Sequence[tuple[str, Point]]
) -> dict[int, str]:
    """Which edge each Ya/Tidak labels: per decision, the pairing of its labels with its
    exit segments (each arrow's first segment) that puts them nearest in all."""
    branch: dict[int, str] = {}
    by_decision: dict[int, list[int]] = {}
    for index, (tail, _, points) in enumerate(edges):
        if (tail.shape.kind == "decision" or tail.forks) and len(points) >= 2:
            by_decision.setdefault(id(tail), []).append(index)
    for indices in by_decision.values():

        def near(label: tuple[str, Point], index: int) -> float:
            points = edges[index][2]
            return _segment_distance(label[1], points[0], points[1])

        yes = [lab for lab in labels if lab[0] in YES]
        no = [lab for lab in labels if lab[0] in NO]
        best: tuple[float, dict[int, str]] | None = None
        for first, second in itertools.permutations(indices, 2) if len(indices) > 1 else ():
            for ya in yes:
                for tidak in no:
                    total = near(ya, first) + near(tidak, second)
                    if best is None or total < best[0]:
                        best = (total, {first: "yes", second: "no"})
        if best is None:  # one exit: the nearest label of either kind names it
            index = indices[0]
            nearest = min(labels, key=lambda lab: near(lab, index), default=None)
            if nearest is not None and near(nearest, index) <= LABEL_NEAR:
                branch[index] = "yes" if nearest[0] in YES else "no"
            continue
        for index, name in best[1].items():
            label = min(yes if name == "yes" else no, key=lambda lab: near(lab, index))
            if near(label, index) <= LABEL_NEAR:
                branch[index] = name
    return branch


def _connect(
    nodes: list[Node],
    arrows: list[list[Point]],
    labels: list[tuple[str, Point]],
    flows: dict[int, Flow],
    texts: Sequence[tuple[str, Point]] = (),
) -> None:
    """The targets of every step: each arrow from its tail's symbol to its tip's, through
    connectors of the same letter, labelled by the nearest Ya/Tidak."""
    edges: list[tuple[Node, Node, list[Point]]] = []
    for points in arrows:
        tail, tip = _nearest(nodes, points[0]), _nearest(nodes, points[-1])
        if tail is not None and tip is not None and tail is not tip:
            edges.append((tail, tip, points))
    # A step with two ways out is a decision, however it is drawn (a box in a document
    # whose diamonds LibreOffice's .doc export turned into rectangles).
    for tail in {id(t): t for t, _, _ in edges}.values():
        if tail.step in flows and sum(1 for t, _, _ in edges if t is tail) >= 2:
            flows[tail.step].decision = True
            tail.forks = True
    branch = _branches(edges, labels)
    letters = [(t, p) for t, p in texts if len(normal(t)) <= 2]
    for node in nodes:
        if node.shape.kind == "connector" and not normal(node.shape.text):
            inside = [t for t, (px, py) in letters if node.distance((px, py)) == 0.0]
            if inside:
                node.letter = normal(inside[0])

    def resolve(node: Node, seen: frozenset[int] = frozenset()) -> tuple[int | None, str]:
        if node.step is not None:
            return node.step, ""
        if node.shape.kind == "connector" and id(node) not in seen:
            letter = node.letter or normal(node.shape.text)
            for tail, tip, _ in edges:
                if (
                    tail is not node
                    and tail.shape.kind == "connector"
                    and (tail.letter or normal(tail.shape.text)) == letter
                ):
                    return resolve(tip, seen | {id(node)})
        text = " ".join(node.shape.text.split())
        return None, "" if normal(text) in PLAIN_ENDS else text

    for index, (tail, tip, _) in enumerate(edges):
        if tail.step is None or tail.step not in flows:
            continue
        flow = flows[tail.step]
        target, end = resolve(tip)
        key = branch.get(index, "next") if flow.decision else "next"
        if key in flow.targets:
            key = "no" if key == "yes" else "yes" if flow.decision else key
        flow.targets.setdefault(key, target)
        if end:
            flow.ends[key] = end
    for step, flow in flows.items():
        if flow.decision and "next" in flow.targets:
            target = flow.targets.pop("next")
            key = "no" if "yes" in flow.targets else "yes"
            if target == step + 1 and "yes" not in flow.targets:
                key = "yes"
            flow.targets.setdefault(key, target)
