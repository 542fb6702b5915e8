"""Orthogonal arrows between the symbols of a procedure page (pure, deterministic).

Each step row holds exactly one symbol, so arrows run in free space by construction:
horizontal legs lie on the boundaries between rows (or inside a row whose only symbol is the
arrow's own end), vertical legs run inside a symbol's own row or in a channel, a vertical
line checked free of symbols over every row it passes. Loops back to an earlier step use
the outer channels at the lanes' left and right edges.

Graphviz 2.42's ``splines=ortho`` (Debian 12) aborts in trapezoid.c / maze.c on most of our
pages and routes some arrows outside the lanes; this router replaces it, and Graphviz draws
the routed arrows (see ``sopdoc.backends.dot``). The parts: ``nodes`` (the page's nodes, rows
and free bands), ``channels`` (channel candidates and the tracks taken), and here the route
shapes across, down and back up.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sopdoc.drawing.channels import ChannelQuery, Channels, Point
from sopdoc.drawing.clearances import (
    BAND_MARGIN,
    CLEARANCE,
    EDGE_INSET,
    HEAD_HALF_WIDTH,
    HEAD_LENGTH,
    LABEL_PAD,
    SAME_LINE,
    SIDE_MARGIN,
    STUB,
)
from sopdoc.drawing.nodes import Node, PageNodes
from sopdoc.drawing.nudging import nudge
from sopdoc.drawing.polyline import arrowhead, simplify
from sopdoc.layout import ArrowSpec, Column, ColumnId, NodeId, ProcedurePage
from sopdoc.layout.room import Side
from sopdoc.model import Branch
from sopdoc.units import Pt


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


class Router:
    """Routes the arrows of one page in the order they are given; each route shape (across,
    down, back up) is a function of the page's nodes and the channels still free."""

    def __init__(
        self,
        page: ProcedurePage,
        lanes: Sequence[Column[ColumnId]],
        *,
        track: Pt,
        label_widths: Mapping[str, Pt],
    ) -> None:
        """``label_widths``: the width of each Ya/Tidak label's text, the room its arrow
        leaves beside its exit."""
        self.label_widths = label_widths
        self.nodes = PageNodes(page, lanes)
        self.channels = Channels(self.nodes, track=track)
        # Arrows into each node from above (loops come in by a side).
        self.incoming = Counter(
            arrow.head
            for arrow in page.arrows
            if self.nodes[arrow.tail].rank < self.nodes[arrow.head].rank
        )
        # The stubs of the connectors in the strips, taken before any channel is chosen: a
        # channel passing under (over) a connector would run down its arrow's first leg.
        last = self.nodes.last_rank
        for arrow in page.arrows:
            tail, head = self.nodes[arrow.tail], self.nodes[arrow.head]
            if tail.rank == 0:
                x, y = self.nodes.anchor_x(tail), tail.box.bottom
                self.channels.tracks.add([(x, y), (x, y + STUB)], arrow.head, arrowhead=False)
            if head.rank == last and not head.is_symbol:
                x, y = self.nodes.anchor_x(head), head.box.y
                self.channels.tracks.add([(x, y - STUB), (x, y)], arrow.head)

    def route(self, spec: ArrowSpec, *, side_exit: bool) -> Route:
        a, b = self.nodes[spec.tail], self.nodes[spec.head]
        room = _label_room(self.label_widths.get(spec.label, 0.0)) if spec.label else 0.0
        if a.rank == b.rank and a.box.bottom <= b.box.y:  # a start above its decision
            x = self.nodes.anchor_x(b)
            points = [(x, a.box.bottom), (x, b.box.y + _entry_drop(b, x))]
            if not a.box.x < x < a.box.right:  # a connector beside that start: join its arrow
                ax, y = a.box.center_x, (a.box.bottom + b.box.y) / 2
                points = [(ax, a.box.bottom), (ax, y), (x, y), points[-1]]
        elif a.rank == b.rank:
            points = beside(a, b)
        elif b.rank > a.rank:
            points = down(
                self.nodes,
                self.channels,
                a,
                b,
                side_exit=side_exit,
                head=spec.head,
                sole=self.incoming[spec.head] == 1,
                label_room=room,
            )
        else:
            points = back(self.nodes, self.channels, a, b, head=spec.head, label_room=room)
        points = simplify(points)
        self.channels.tracks.add(points, spec.head, labelled=bool(spec.label))
        return Route(spec, tuple(points), arrowhead(points))


def _entry_drop(b: Node, x: float) -> float:
    """How far below its box's top an arrow at ``x`` meets a diamond's edge (0 at its vertex)."""
    if not b.diamond:
        return 0.0
    return abs(x - b.box.center_x) / (b.box.width / 2) * (b.box.height / 2)


def beside(a: Node, b: Node) -> list[Point]:
    """Same row (a decision and its end terminator): straight across."""
    y = a.box.center_y
    if b.box.x >= a.box.right:
        return [(a.box.right, y), (b.box.x, y)]
    return [(a.box.x, y), (b.box.right, y)]


def _side_towards(node: Node, x: float) -> Side:
    return "right" if x >= node.box.center_x else "left"


def down(
    nodes: PageNodes,
    channels: Channels,
    a: Node,
    b: Node,
    *,
    side_exit: bool,
    head: NodeId,
    sole: bool = False,
    label_room: Pt = 0.0,
) -> list[Point]:
    """Down the page: out of a's bottom (or side, for a decision's other branch), along free
    bands and a free channel, into b's top; a labelled side exit runs ``label_room`` out
    before it turns where it can."""
    bx = nodes.anchor_x(b)
    above_b = nodes.gap_above(b)
    # Nothing stands between a and b: a connector and the symbol next to it, or the
    # symbols of two consecutive rows (ranks 2r+1 and 2r+3).
    symbols = a.is_symbol and b.is_symbol
    adjacent = b.rank - a.rank == 1 or (symbols and b.row == a.row + 1)
    adjacent = adjacent and nodes.above(b) is None  # else round the start over b
    if side_exit:
        return _down_by_side(
            nodes, channels, a, b, head=head, label_room=label_room, adjacent=adjacent
        )
    ax, bx = _straight(nodes, a, b, nodes.anchor_x(a), bx, sole=sole)
    bottom_a = a.box.bottom - _entry_drop(a, ax)
    top_b = b.box.y + _entry_drop(b, bx)
    below_a = nodes.gap_below(a)
    out_low, out_high = a.box.bottom + BAND_MARGIN, nodes.bottom_limit(a) - BAND_MARGIN
    if adjacent:
        y = channels.band(below_a, ax, bx, head, low=out_low, high=out_high, tip=(bx, top_b))
        if abs(ax - bx) < SAME_LINE:
            return [(ax, bottom_a), (ax, top_b)]
        return [(ax, bottom_a), (ax, y), (bx, y), (bx, top_b)]
    y_out = channels.band(below_a, ax, ax + 1, head, low=out_low, high=out_high)
    x = channels.pick(
        ChannelQuery(
            y_out,
            above_b,
            prefer=(ax + bx) / 2,
            ends=(a.name, b.name),
            head=head,
            straight=(bx, ax) if nodes.off_lines(bx) else (),
        )
    )
    y_out = channels.band(below_a, ax, x, head, low=out_low, high=out_high)
    y_in = channels.band(above_b, x, bx, head, **_into(nodes, b), tip=(bx, top_b))
    return [(ax, bottom_a), (ax, y_out), (x, y_out), (x, y_in), (bx, y_in), (bx, top_b)]


def _down_by_side(
    nodes: PageNodes,
    channels: Channels,
    a: Node,
    b: Node,
    *,
    head: NodeId,
    label_room: Pt,
    adjacent: bool,
) -> list[Point]:
    """Down the page out of a decision's side vertex: towards b, or with b below it, by its
    free side; a labelled exit runs ``label_room`` out before it turns where it can, by the
    other side when only that one has the room and the arrow crosses nothing there."""
    bx = nodes.anchor_x(b)
    top_b = b.box.y + _entry_drop(b, bx)
    above_b = nodes.gap_above(b)
    under = a.box.x <= bx <= a.box.right
    side = nodes.free_side(a) if under else _side_towards(a, bx)
    other: Side = "left" if side == "right" else "right"
    y = a.box.center_y
    sx = a.box.right if side == "right" else a.box.x
    beyond = bx > a.box.right + SIDE_MARGIN if side == "right" else bx < a.box.x - SIDE_MARGIN
    if adjacent and beyond:
        return [(sx, y), (bx, y), (bx, top_b)]
    sides = [side, other] if under and label_room and nodes.side_free(a, other) else [side]
    tries = [(way, label_room) for way in sides] if label_room else []
    for way, room in [*tries, (side, 0.0)]:
        find = channels.find if room else channels.pick
        x = find(
            ChannelQuery(
                y,
                above_b,
                prefer=a.box.right if way == "right" else a.box.x,
                side=way,
                ends=(a.name, b.name),
                head=head,
                beyond=_beyond(a, (a.box.x, a.box.right), way, room=room),
            )
        )
        if x is None:
            continue
        start = (a.box.right if way == "right" else a.box.x, y)
        band = channels.band(above_b, x, bx, head, **_into(nodes, b), tip=(bx, top_b))
        points = [start, (x, y), (x, band), (bx, band), (bx, top_b)]
        if way == side or channels.tracks.crossings(points) == 0:
            return points
    raise AssertionError("pick always finds a channel")  # pragma: no cover


def _into(nodes: PageNodes, b: Node) -> dict[str, Pt]:
    """Where the horizontal leg into ``b`` from above may run: below the row's top, above
    ``b``, BAND_MARGIN from each."""
    return {"low": nodes.top_limit(b) + BAND_MARGIN, "high": b.box.y - BAND_MARGIN}


def _within(node: Node, x: Pt) -> bool:
    """Whether a straight drop at ``x`` lands inside the box, EDGE_INSET from its sides."""
    return node.box.x + EDGE_INSET <= x <= node.box.right - EDGE_INSET


def _straight(
    nodes: PageNodes, a: Node, b: Node, ax: float, bx: float, *, sole: bool
) -> tuple[float, float]:
    """The anchors of a downward arrow, lined up when one end's anchor lies within the other
    end's width (a straight arrow, no jog); a diamond keeps its vertex, a symbol its anchor."""
    if abs(ax - bx) < 0.01:
        return ax, bx
    if (
        not a.diamond
        and a.box.x + EDGE_INSET <= bx <= a.box.right - EDGE_INSET
        and nodes.off_lines(bx)
    ):
        return bx, bx
    # Moving where an arrow enters is for an arrow alone into its head: others into the
    # same symbol meet it at its anchor.
    if (
        sole
        and not b.diamond
        and b.box.x + EDGE_INSET <= ax <= b.box.right - EDGE_INSET
        and nodes.off_lines(ax)
    ):
        return ax, ax
    return ax, bx


def _label_room(width: Pt) -> Pt:
    """How far a labelled side exit runs before it turns: its label fits over (or under)
    it, LABEL_PAD round it, the channel CLEARANCE beyond."""
    return width + 2 * LABEL_PAD + CLEARANCE


def _beyond(a: Node, span: tuple[Pt, Pt], side: Side, *, room: Pt) -> tuple[Pt, Pt]:
    """The interval a side channel keeps out of; ``room`` beyond a's side vertex too."""
    if side == "right":
        return span[0], max(span[1], a.box.right + room)
    return min(span[0], a.box.x - room), span[1]


def back(
    nodes: PageNodes,
    channels: Channels,
    a: Node,
    b: Node,
    *,
    head: NodeId,
    label_room: Pt = 0.0,
) -> list[Point]:
    """A loop back up: out of a's free side, up an outer channel, into b's side on the same
    side; into b's top when b is a decision (its sides are its exits) or that side is taken.
    A labelled loop leaves its label room where it can, round the other side when a's
    other side is free and only there is room; with no channel free on its side, it goes
    round the other side."""
    side = nodes.free_side(a)
    other: Side = "left" if side == "right" else "right"
    ways = [side, other] if nodes.side_free(a, other) else [side]
    rooms = (label_room, 0.0) if label_room else (0.0,)
    tries = [(way, room) for room in rooms for way in ways]
    for way, room in tries:
        found = _back_on(nodes, channels, a, b, head=head, side=way, strict=True, room=room)
        if found is not None:
            return found
    points = _back_on(nodes, channels, a, b, head=head, side=side, strict=False)
    assert points is not None
    return points


def _back_on(
    nodes: PageNodes,
    channels: Channels,
    a: Node,
    b: Node,
    *,
    head: NodeId,
    side: Side,
    strict: bool,
    room: Pt = 0.0,
) -> list[Point] | None:
    """A loop back up round ``side``; None when ``strict`` and no channel there is free."""
    ay, by = a.box.center_y, b.box.center_y
    sx = a.box.right if side == "right" else a.box.x
    top_entry = (
        b.diamond
        or not b.is_symbol
        or not nodes.side_free(b, side)
        or _head_room_taken(channels, b, side)
    )
    span = (min(a.box.x, b.box.x), max(a.box.right, b.box.right))
    # Into b's top: the channel runs up to the band over b. Into b's side: up to b's middle.
    bx = nodes.anchor_x(b)
    above_b = nodes.gap_above(b)
    low, high = nodes.top_limit(b) + BAND_MARGIN, b.box.y - BAND_MARGIN
    if top_entry:
        if b.diamond and not nodes.side_free(b, side) and b.row > 0 and nodes.above(b) is None:
            # Something stands beside the decision on this side (its end, a connector): come
            # in over the row line, along the arrow into its top, and leave that room free.
            row_top = nodes.rows[b.row].box.y
            prev = [n.box.bottom for n in nodes.nodes.values() if n.rank == b.rank - 2]
            if prev and max(prev) + BAND_MARGIN <= row_top - BAND_MARGIN:
                above_b = (max(prev) + row_top) / 2
                low, high = max(prev) + BAND_MARGIN, row_top - BAND_MARGIN
        # Into the point where an arrow from above already enters (it may have come in
        # straight, off the anchor): the loop merges into it instead of crossing its head.
        entries = [t for _, h, t in channels.tracks.heads if h == b.name and t[1] <= b.box.y + 0.01]
        if entries:
            bx = min(entries, key=lambda t: abs(t[0] - bx))[0]
        tip, y_end = (bx, b.box.y + _entry_drop(b, bx)), above_b
    else:
        tip, y_end = (b.box.right if side == "right" else b.box.x, by), by
    x = (channels.find if strict else channels.pick)(
        ChannelQuery(
            ay,
            y_end,
            prefer=span[1] if side == "right" else span[0],
            side=side,
            ends=(a.name, b.name),
            head=head,
            beyond=_beyond(a, span, side, room=room),
            end=tip,
        )
    )
    if x is None:
        return None
    if not top_entry:
        return [(sx, ay), (x, ay), (x, by), tip]
    y_in = channels.band(above_b, x, bx, head, low=low, high=high, tip=tip)
    return [(sx, ay), (x, ay), (x, y_in), (bx, y_in), tip]


def _head_room_taken(channels: Channels, b: Node, side: Side) -> bool:
    """True when a leg of another arrow already runs down beside b's ``side`` where the
    head of an arrow into that side would stand (it would run through the head)."""
    reach = HEAD_LENGTH + HEAD_HALF_WIDTH
    x0, x1 = (b.box.right, b.box.right + reach) if side == "right" else (b.box.x - reach, b.box.x)
    y = b.box.center_y
    return any(
        x0 <= x <= x1 and min(y0, y1) - HEAD_HALF_WIDTH <= y <= max(y0, y1) + HEAD_HALF_WIDTH
        for x, y0, y1, head in channels.tracks.vertical
        if head != b.name
    )


@dataclass(frozen=True)
class Routing:
    """A page's routed arrows, in the page's order, and the vertical legs (y0, y1, side)
    that found no free channel: room to ask the layout for."""

    routes: tuple[Route, ...]
    wanted: tuple[tuple[Pt, Pt, Side], ...] = ()


def route_arrows(
    page: ProcedurePage,
    lanes: Sequence[Column[ColumnId]],
    *,
    track: Pt,
    label_widths: Mapping[str, Pt] | None = None,
) -> Routing:
    """Route every arrow of a page: forward flow first, then loops, in a stable order;
    then nudge parallel arrows apart, at least ``track``. ``label_widths``: each label's
    text width (its arrow leaves room for it beside its exit)."""
    router = Router(page, lanes, track=track, label_widths=label_widths or {})
    nodes = router.nodes
    specs = list(page.arrows)
    side_exits = _side_exits(page, nodes)

    # Arrows across one row first (a connector or an end beside its step): their shape is
    # fixed, and the channels chosen later keep clear of their heads. Loops last, the
    # shortest first: it takes the nearest free channel, the loops spanning it go round it
    # further out, and none crosses another.
    def key(i: int) -> tuple[bool, bool, float, int]:
        tail, head = nodes[specs[i].tail], nodes[specs[i].head]
        back = head.rank < tail.rank
        across = head.rank == tail.rank
        return (back, not across, tail.box.center_y - head.box.center_y if back else 0.0, i)

    order = sorted(range(len(specs)), key=key)
    routes: dict[int, Route] = {}
    for i in order:
        routes[i] = router.route(specs[i], side_exit=i in side_exits)
    nudged = nudge(
        [routes[i].points for i in range(len(specs))],
        [(spec.tail, spec.head) for spec in specs],
        nodes,
        least=track,
    )
    return Routing(
        tuple(
            Route(spec, tuple(p := simplify(points)), arrowhead(p))
            for spec, points in zip(specs, nudged, strict=True)
        ),
        tuple(router.channels.wanted),
    )


def _side_exits(page: ProcedurePage, nodes: PageNodes) -> set[int]:
    """Arrows that leave a decision from a side vertex: its no, unless its yes cannot go down.

    A decision whose yes goes back up (or ends) keeps its bottom vertex for its no.
    """
    ranks = {name: node.rank for name, node in nodes.nodes.items()}
    decisions = {name for name, node in nodes.nodes.items() if node.diamond}
    exits: set[int] = set()
    for tail in decisions:
        mine = [(i, a) for i, a in enumerate(page.arrows) if a.tail == tail]
        down = [i for i, a in mine if ranks[a.head] > ranks[tail]]
        ya_down = [i for i, a in mine if a.branch is not Branch.NO and i in down]
        bottom = ya_down[0] if ya_down else (down[0] if down else None)
        # Each branch leaves towards its step: a no to a step right under the decision
        # (``_under``) takes the bottom vertex when the yes goes to a step off to a side.
        under = [i for i in down if _under(nodes, nodes[tail], nodes[page.arrows[i].head])]
        aside = bottom is not None and bottom not in under and nodes[page.arrows[bottom].head]
        if aside and aside.is_symbol and len(under) == 1:
            bottom = under[0]
        exits.update(i for i, _ in mine if i != bottom)
    return exits


def _under(nodes: PageNodes, a: Node, b: Node) -> bool:
    """True when step symbol ``b`` stands right under ``a``, its anchor within a's width,
    with no decision between them (whose side exits the drop would cross)."""
    between = (n for n in nodes.nodes.values() if a.row < n.row < b.row)
    return b.is_symbol and _within(a, nodes.anchor_x(b)) and not any(n.diamond for n in between)
