"""The nudging pass: parallel tracks spread into free room, in routing's order, attachments kept."""

from __future__ import annotations

import itertools

import pytest
from factories import make_sop, make_step

from sopdoc.drawing.clearances import CLEARANCE, IDEAL_TRACK_FACTOR, LINE_CLEARANCE
from sopdoc.drawing.nodes import PageNodes
from sopdoc.drawing.nudging import nudge
from sopdoc.layout import NodeId, ProcedureLayout, layout_procedure
from sopdoc.layout.fonts import FontMetrics

LEAST = 3.5
Point = tuple[float, float]


@pytest.fixture(scope="module")
def empty_lanes(font: FontMetrics) -> ProcedureLayout:
    """Six steps, all the first actor's: the two lanes beside stand empty."""
    steps = [make_step(n, (0,), count=6) for n in range(1, 7)]
    return layout_procedure(make_sop(steps, actors=("Kasubag", "Camat", "Tim SPM")), font=font)


def _loops(
    nodes: PageNodes, xs: list[float]
) -> tuple[list[list[Point]], list[tuple[NodeId, NodeId]]]:
    """Loops from steps 4, 5, 6 back into steps 3, 2, 1 by their right sides, their channels
    at ``xs`` (nested: the longest outermost)."""
    routes, ends = [], []
    for (tail, head), x in zip(((4, 3), (5, 2), (6, 1)), xs, strict=True):
        a, b = nodes[NodeId.symbol(tail)].box, nodes[NodeId.symbol(head)].box
        routes.append(
            [(a.right, a.center_y), (x, a.center_y), (x, b.center_y), (b.right, b.center_y)]
        )
        ends.append((NodeId.symbol(tail), NodeId.symbol(head)))
    return routes, ends


def test_tracks_squeezed_along_a_lane_line_spread_into_the_empty_lane(
    empty_lanes: ProcedureLayout,
) -> None:
    """Three loops 3.5 pt apart hugging the first lane line, the next lane empty: they move
    apart to twice the least separation, keep their order (they stay nested, none crosses
    another), and stay off the table lines and clear of the symbols."""
    page = empty_lanes.pages[0]
    nodes = PageNodes(page, empty_lanes.lanes)
    line = empty_lanes.lanes[0].right
    xs = [line + LINE_CLEARANCE + k * LEAST for k in range(3)]
    routes, ends = _loops(nodes, xs)
    moved = nudge(routes, ends, nodes, least=LEAST)
    channels = [points[1][0] for points in moved]
    assert channels == sorted(channels)
    gaps = [b - a for a, b in itertools.pairwise(channels)]
    assert all(gap >= LEAST * IDEAL_TRACK_FACTOR - 1e-6 for gap in gaps), channels
    assert all(abs(x - lane_x) >= LINE_CLEARANCE for x in channels for lane_x in (line,))
    for before, after in zip(routes, moved, strict=True):
        assert after[0] == before[0]
        assert after[-1] == before[-1]
        assert after[1][1] == before[1][1]
        assert after[2][1] == before[2][1]
    symbols = [n.box for n in nodes.nodes.values()]
    for x in channels:
        assert all(not (box.x - CLEARANCE < x < box.right + CLEARANCE) for box in symbols)


def test_a_track_never_moves_onto_a_symbol(empty_lanes: ProcedureLayout) -> None:
    """A loop running beside the symbols it passes keeps CLEARANCE from them however it is
    spread: with the lane beside full of other tracks, it keeps its place."""
    page = empty_lanes.pages[0]
    nodes = PageNodes(page, empty_lanes.lanes)
    right = max(n.box.right for n in nodes.nodes.values())
    xs = [right + CLEARANCE + 0.5 + k * LEAST for k in range(3)]
    routes, ends = _loops(nodes, xs)
    moved = nudge(routes, ends, nodes, least=LEAST)
    for points in moved:
        x = points[1][0]
        assert x >= right + CLEARANCE
    channels = [points[1][0] for points in moved]
    assert all(b - a >= LEAST - 1e-6 for a, b in itertools.pairwise(channels))
