"""Routed arrows: orthogonal, inside the lanes, never through a symbol, loops beside the lanes."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from geometry_checks import segment_crosses_box, segment_enters_symbol
from stress import stress_corpus

from sopdoc.drawing.document import diagram, prepare
from sopdoc.drawing.labels import _Space, names_its_arrow
from sopdoc.drawing.pages import RoutedPage, route_page
from sopdoc.layout import Box, NodeId, ProcedureLayout, layout_procedure
from sopdoc.layout.fonts import FontMetrics
from sopdoc.model import Sop, Symbol


@pytest.fixture(scope="module")
def routed(layout_case: Sop, font: FontMetrics) -> tuple[Sop, ProcedureLayout, list[RoutedPage]]:
    sop = layout_case
    layout = layout_procedure(sop, font=font)
    pages = [route_page(p, lanes=layout.lanes, measure=font) for p in layout.pages]
    return sop, layout, pages


def test_every_arrow_is_routed_once(routed: tuple[Sop, ProcedureLayout, list[RoutedPage]]) -> None:
    _, _, pages = routed
    for page in pages:
        assert [a.spec for a in page.arrows] == list(page.page.arrows)


def test_arrows_are_orthogonal_and_stay_in_the_lanes(
    routed: tuple[Sop, ProcedureLayout, list[RoutedPage]],
) -> None:
    _, _, pages = routed
    for page in pages:
        area = page.page.flow_area
        for arrow in page.arrows:
            assert len(arrow.points) >= 2
            for (x0, y0), (x1, y1) in arrow.segments:
                assert x0 == pytest.approx(x1) or y0 == pytest.approx(y1), arrow
            for x, y in arrow.points:
                assert area.contains_point(x, y, tolerance=0.01), (arrow.spec, x, y)


def test_no_arrow_passes_through_a_symbol(
    routed: tuple[Sop, ProcedureLayout, list[RoutedPage]],
) -> None:
    _, _, pages = routed
    for page in pages:
        boxes = {s.node: s.box for s in page.page.symbols}
        boxes |= {c.node: c.box for c in page.page.connectors}
        diamonds = {s.node for s in page.page.symbols if s.symbol is Symbol.DECISION}
        for arrow in page.arrows:
            for a, b in arrow.segments:
                for node, box in boxes.items():
                    # Own ends included: an arrow may touch their edge, never enter them (a
                    # diamond's edge may lie inside its box).
                    if node in diamonds and node in (arrow.spec.tail, arrow.spec.head):
                        assert not segment_enters_symbol(a, b, box, diamond=True), (
                            arrow.spec,
                            node,
                        )
                        continue
                    assert not segment_crosses_box(a, b, box), (arrow.spec, node)


def test_arrows_start_and_end_on_their_symbols(
    routed: tuple[Sop, ProcedureLayout, list[RoutedPage]],
) -> None:
    _, _, pages = routed
    for page in pages:
        for arrow in page.arrows:
            tail, head = page.page.node_box(arrow.spec.tail), page.page.node_box(arrow.spec.head)
            assert tail.contains_point(*arrow.points[0], tolerance=0.01)
            assert head.contains_point(*arrow.points[-1], tolerance=0.01)
            assert arrow.head[1] == arrow.points[-1]


def test_loops_back_run_beside_the_lanes(
    routed: tuple[Sop, ProcedureLayout, list[RoutedPage]],
) -> None:
    _, layout, pages = routed
    gutter = layout.style.outer_margin_x
    for page in pages:
        for arrow in page.arrows:
            tail, head = page.page.node_box(arrow.spec.tail), page.page.node_box(arrow.spec.head)
            if head.bottom > tail.y:  # not above: beside it, or below
                continue
            # The upward leg runs outside both boxes, in the outer gutter when it is free.
            (x, y0), (_, y1) = next(
                (a, b) for a, b in arrow.segments if a[0] == b[0] and b[1] < a[1]
            )
            assert x >= max(tail.right, head.right) or x <= min(tail.x, head.x)
            # In a gutter beside the lanes, or in the nearest free channel inside them: a
            # millimetre off every lane line.
            area = page.page.flow_area
            assert area.x + 2.83 <= x <= area.right - 2.83, (arrow.spec, x, y0, y1)
            assert all(abs(x - lane.x) >= 2.83 for lane in layout.lanes[1:]), (arrow.spec, x)
            assert gutter > 0


def test_page_crossings_go_through_connectors(
    routed: tuple[Sop, ProcedureLayout, list[RoutedPage]],
) -> None:
    sop, layout, pages = routed
    page_of = {n: p.index for p in layout.pages for n in p.steps}
    for edge in sop.edges():
        if edge.target is None or page_of[edge.source] == page_of[edge.target]:
            continue
        source_page, target_page = pages[page_of[edge.source]], pages[page_of[edge.target]]
        out = [
            a
            for a in source_page.arrows
            if a.spec.tail == NodeId.symbol(edge.source)
            and a.spec.head.kind == "out"
            and a.spec.branch == edge.branch
        ]
        assert len(out) == 1
        letter = out[0].spec.head.letter
        into = [a for a in target_page.arrows if a.spec.tail == NodeId.connector(letter, "in")]
        assert [a.spec.head for a in into] == [NodeId.symbol(edge.target)]


def test_decision_labels(routed: tuple[Sop, ProcedureLayout, list[RoutedPage]]) -> None:
    _, _, pages = routed
    for page in pages:
        for arrow in page.arrows:
            if arrow.spec.label:
                assert arrow.spec.label in ("Ya", "Tidak")
                assert arrow.label_at is not None
                assert page.page.flow_area.contains_point(*arrow.label_at, tolerance=20)
            else:
                assert arrow.label_at is None


def test_no_leg_runs_along_a_table_line(
    routed: tuple[Sop, ProcedureLayout, list[RoutedPage]],
) -> None:
    """Row boundaries and column lines are drawn in the document: an arrow on them vanishes."""
    _, layout, pages = routed
    columns = {round(c.x, 3) for c in layout.columns} | {round(layout.columns[-1].right, 3)}
    for page in pages:
        rows = {round(r.box.y, 3) for r in page.page.rows} | {
            round(page.page.rows[-1].box.bottom, 3)
        }
        for arrow in page.arrows:
            for (x0, y0), (x1, y1) in arrow.segments:
                if y0 == y1 and abs(x1 - x0) > 0.5:
                    assert all(abs(y0 - y) > 0.5 for y in rows), (arrow.spec, y0)
                if x0 == x1 and abs(y1 - y0) > 0.5:
                    assert all(abs(x0 - x) > 0.5 for x in columns), (arrow.spec, x0)


def test_incoming_connector_to_a_step_below_the_first_goes_around_it(font: FontMetrics) -> None:
    """Found by the property test: one lane, a loop back across a page to step 2."""
    from factories import make_sop, make_step

    steps = [
        make_step(i, (0,), count=14, kegiatan=("0",), decision=(14, 2) if i == 13 else None)
        for i in range(1, 15)
    ]
    layout = layout_procedure(make_sop(steps, actors=("Camat",)), font=font)
    assert len(layout.pages) == 2
    first = route_page(layout.pages[0], lanes=layout.lanes, measure=font)
    boxes = [s.box for s in first.page.symbols] + [c.box for c in first.page.connectors]
    (into,) = [a for a in first.arrows if a.spec.tail.kind == "in"]
    for a, b in into.segments:
        assert not any(segment_crosses_box(a, b, box) for box in boxes)


def test_two_connectors_beside_one_step_stand_on_either_side(font: FontMetrics) -> None:
    """Found by the property test: a decision whose Tidak leaves the page and that a loop
    from the next page reaches; the loop's connector must not stand beyond the other one."""
    from factories import make_sop, make_step

    decisions = {7: (8, 13), 13: (14, 7)}
    steps = [
        make_step(i, (0,), count=14, kegiatan=("0",), decision=decisions.get(i))
        for i in range(1, 15)
    ]
    sop = make_sop(steps, actors=("Pelaksana 1", "Pelaksana 2", "Pelaksana 3"))
    layout = layout_procedure(sop, font=font)
    for page in layout.pages:
        routed = route_page(page, lanes=layout.lanes, measure=font)
        boxes = [s.box for s in page.symbols] + [c.box for c in page.connectors]
        for arrow in routed.arrows:
            for a, b in arrow.segments:
                assert not any(segment_crosses_box(a, b, box) for box in boxes), arrow.spec


def test_a_loop_from_the_next_page_into_a_decision_keeps_off_its_exits(font: FontMetrics) -> None:
    """Found by the property test: the connector of a loop into a decision beside it took the
    side vertex the decision's Tidak leaves by."""
    from factories import make_sop, make_step

    decisions = {6: (7, 8), 13: (14, 6)}
    steps = [
        make_step(i, (1,) if i == 6 else (0,), count=14, kegiatan=("0",), decision=decisions.get(i))
        for i in range(1, 15)
    ]
    sop = make_sop(steps, actors=tuple(f"Pelaksana {k}" for k in range(1, 6)))
    layout = layout_procedure(sop, font=font)
    for page in layout.pages:
        routed = route_page(page, lanes=layout.lanes, measure=font)
        boxes = [c.box for c in page.connectors]
        exits = {a.points[0] for a in routed.arrows if a.spec.tail == NodeId.symbol(6)}
        for arrow in routed.arrows:
            assert not (arrow.spec.head == NodeId.symbol(6) and arrow.points[-1] in exits)
            for a, b in arrow.segments:
                assert not any(segment_crosses_box(a, b, box) for box in boxes), arrow.spec


def _ambiguous_labels(pages: Sequence[RoutedPage], measure: FontMetrics) -> int:
    """Ya/Tidak labels that do not clearly name their own arrow (labels.names_its_arrow)."""
    count = 0
    for page in pages:
        space = _Space(page.page, (), page.arrows)
        for index, arrow in enumerate(page.arrows):
            if arrow.label_at is None:
                continue
            width = measure.width(arrow.spec.label, page.label_size)
            height = measure.ascent(page.label_size) + measure.descent(page.label_size)
            x, y = arrow.label_at
            box = Box(x - width / 2, y - height / 2, width, height)
            count += not names_its_arrow(space, index, box)
    return count


def test_labels_name_their_own_arrow_on_the_stress_corpus(font: FontMetrics) -> None:
    """Every Ya/Tidak is clearly nearest its own arrow, on pages and slides. Before issue
    27's round 12 labels on the corpus's pages were not: a Tidak that turned up right after
    its vertex, or an arrow into an end or connector beside its decision too short for its
    word; routing and the layout now leave each its room."""
    pages = sum(_ambiguous_labels(prepare(sop).pages, font) for sop in stress_corpus().values())
    slides = sum(_ambiguous_labels(diagram(sop).pages, font) for sop in stress_corpus().values())
    assert (pages, slides) == (0, 0)
