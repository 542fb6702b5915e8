"""The scene: every symbol, arrow and label of a page, at the layout's and router's geometry,
and the PDF drawing exactly the scene (read back with pymupdf)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import pymupdf
import pytest
from factories import layout_cases

from sopdoc.backends.pdf.canvas import flow_pdf
from sopdoc.backends.pdf.slides import render_slides_pdf
from sopdoc.drawing.clearances import HEAD_LENGTH
from sopdoc.drawing.document import Diagram, Document, diagram, prepare
from sopdoc.drawing.pages import RoutedPage
from sopdoc.drawing.scene import (
    BLACK,
    LANE_STROKE,
    WHITE,
    Label,
    Point,
    Polyline,
    Scene,
    Shape,
)
from sopdoc.layout import Box
from sopdoc.layout.capsule import corner_radius
from sopdoc.layout.fonts import FontMetrics
from sopdoc.model import Symbol

CASES = layout_cases()
PICKED = ("contoh-1", "seed-decision", "25x2-LETTER", "30x7-LETTER")
KIND = {
    Symbol.START: "terminator",
    Symbol.END: "terminator",
    Symbol.PROCESS: "process",
    Symbol.DECISION: "decision",
}


@pytest.fixture(scope="module", params=sorted(CASES))
def document(request: pytest.FixtureRequest) -> Document:
    return prepare(CASES[request.param])


@pytest.fixture(scope="module", params=PICKED)
def slides(request: pytest.FixtureRequest) -> Diagram:
    return diagram(CASES[request.param])


def close(a: Point, b: Point, tolerance: float = 0.01) -> bool:
    return abs(a[0] - b[0]) <= tolerance and abs(a[1] - b[1]) <= tolerance


def check_scene(routed: RoutedPage, font: FontMetrics) -> None:
    page, scene = routed.page, routed.scene
    shapes = {s.node: s for s in scene.shapes}
    assert len(shapes) == len(scene.shapes) == len(page.symbols) + len(page.connectors)
    for symbol in page.symbols:
        shape = shapes[symbol.node]
        assert (shape.kind, shape.box) == (KIND[symbol.symbol], symbol.box)
        box = symbol.box
        if shape.kind == "decision":
            assert shape.outline == (
                (box.center_x, box.y),
                (box.right, box.center_y),
                (box.center_x, box.bottom),
                (box.x, box.center_y),
            )
        elif shape.kind == "terminator":
            assert (shape.outline, shape.radius) == ((), corner_radius(box.width, box.height))
            if box.height <= 1.5 * box.width:  # round ends, no rounder than 15 pt
                assert shape.radius == min(box.width / 2, box.height / 2, 15.0)
        else:
            assert (shape.outline, shape.radius) == ((), 0.0)
        inside = [label for label in scene.labels if label.owner == symbol.node]
        assert [label.line for label in inside] == list(symbol.lines)
    for connector in page.connectors:
        shape, box = shapes[connector.node], connector.box
        assert (shape.kind, shape.box) == ("connector", box)
        assert shape.outline[3] == (box.center_x, box.bottom)
        assert all(box.contains_point(*p, tolerance=0) for p in shape.outline)
        (letter,) = [label for label in scene.labels if label.owner == connector.node]
        assert letter.line.text == connector.letter
        assert letter.line.bold
        assert letter.box.center_x == pytest.approx(box.center_x)
        assert letter.box.center_y == pytest.approx(box.y + box.height * 0.4)
    arrows = scene.arrows
    assert [a.arrow for a in arrows] == [r.spec for r in routed.arrows]
    for line, route in zip(arrows, routed.arrows, strict=True):
        assert line.points == route.points
        assert line.arrowhead is not None
        assert line.arrowhead.points == route.head
        assert line.arrowhead.tip == route.points[-1]
        assert math.dist(line.arrowhead.base, line.arrowhead.tip) == pytest.approx(HEAD_LENGTH)
    ya_tidak = [label for label in scene.labels if label.owner is None]
    placed = [r for r in routed.arrows if r.label_at is not None]
    assert [label.line.text for label in ya_tidak] == [r.spec.label for r in placed]
    for label, route in zip(ya_tidak, placed, strict=True):
        assert route.label_at is not None
        assert close((label.box.center_x, label.box.center_y), route.label_at, 1e-9)
        assert label.line.size == routed.label_size
    for label in scene.labels:
        text = label.line
        assert label.box == Box(
            text.x,
            text.baseline - font.ascent(text.size),
            font.width(text.text, text.size, bold=text.bold),
            font.ascent(text.size) + font.descent(text.size),
        )


def test_the_scene_holds_every_symbol_arrow_and_label(
    document: Document, font: FontMetrics
) -> None:
    for routed in document.pages:
        check_scene(routed, font)
        assert not [p for p in routed.scene.polylines if p.arrow is None]


def test_slides_add_the_lane_outlines_and_the_text_in_symbols(
    slides: Diagram, font: FontMetrics
) -> None:
    for routed in slides.pages:
        check_scene(routed, font)
        area = routed.page.flow_area
        outlines = [p for p in routed.scene.polylines if p.arrow is None]
        assert [(p.points[0][0], p.points[-1][0]) for p in outlines] == [
            (lane.x, lane.right) for lane in slides.layout.lanes
        ]
        assert all(p.stroke == LANE_STROKE and p.points[1][1] == area.bottom for p in outlines)
        assert any(
            label.owner is not None and label.owner.kind == "step" for label in routed.scene.labels
        )


# --- the PDF draws exactly the scene -----------------------------------------------------------


def drawn_points(drawing: dict[str, Any], offset: Point) -> list[Point]:
    """The path's points in layout coordinates, in order, without repeats."""
    points: list[Point] = []
    for item in drawing["items"]:
        if item[0] == "re":
            r = item[1]
            corners = [(r.x0, r.y0), (r.x1, r.y0), (r.x1, r.y1), (r.x0, r.y1)]
            points += [(x + offset[0], y + offset[1]) for x, y in corners]
            continue
        for p in item[1:]:
            if isinstance(p, pymupdf.Point):
                q = (p.x + offset[0], p.y + offset[1])
                if not points or not close(points[-1], q, 1e-6):
                    points.append(q)
    return points


def same_points(drawn: Sequence[Point], expected: Sequence[Point]) -> bool:
    if len(drawn) > len(expected) and close(drawn[0], drawn[-1], 1e-6):
        drawn = drawn[:-1]  # a closed path back at its start
    return len(drawn) == len(expected) and all(map(close, drawn, expected))


def match_scene(scene: Scene, drawings: list[dict[str, Any]], offset: Point) -> list[Any]:
    """Match each primitive to one drawing; returns the drawings nothing in the scene drew."""
    left = list(drawings)

    def take(test: Any) -> None:
        found = [d for d in left if test(d)]
        assert found, "not drawn"
        left.remove(found[0])

    for item in scene.items:
        if isinstance(item, Shape):
            box = item.box

            def shape_drawn(d: dict[str, Any], shape: Shape = item, box: Box = box) -> bool:
                r = d["rect"]
                bounds = close((r.x0 + offset[0], r.y0 + offset[1]), (box.x, box.y)) and close(
                    (r.x1 + offset[0], r.y1 + offset[1]), (box.right, box.bottom)
                )
                outline = not shape.outline or same_points(drawn_points(d, offset), shape.outline)
                return bool(
                    d.get("fill") == WHITE and d.get("color") == BLACK and bounds and outline
                )

            take(shape_drawn)
        elif isinstance(item, Polyline):

            def line_drawn(d: dict[str, Any], line: Polyline = item) -> bool:
                return (
                    d.get("fill") is None
                    and d.get("color") == line.stroke.color
                    and abs(d["width"] - line.stroke.width) < 0.01
                    and same_points(drawn_points(d, offset), line.points)
                )

            take(line_drawn)
            if item.arrowhead is not None:
                head = item.arrowhead.points
                take(
                    lambda d, head=head: (
                        d.get("fill") == BLACK and same_points(drawn_points(d, offset), head)
                    )
                )
    return left


def spans(page: Any, offset: Point) -> list[tuple[str, Point]]:
    found = []
    for block in page.get_text("rawdict")["blocks"]:
        for line in block.get("lines", []):
            for span in line["spans"]:
                text = "".join(c["c"] for c in span["chars"])
                if not text.strip():  # PyMuPDF's own space between words on one line
                    continue
                x, y = span["origin"]
                # Two labels near one baseline are one span, with PyMuPDF's space after the first.
                found.append((text.strip(), (x + offset[0], y + offset[1])))
    return found


def check_labels(labels: Sequence[Label], page: Any, offset: Point) -> None:
    drawn = spans(page, offset)
    for label in labels:
        at = (label.line.x, label.line.baseline)
        assert any(t == label.line.text and close(p, at) for t, p in drawn), (label, drawn)


def test_the_document_picture_is_exactly_the_scene(document: Document) -> None:
    pdf = pymupdf.open(stream=flow_pdf(document.pages, font=document.font), filetype="pdf")
    for routed, page in zip(document.pages, pdf, strict=True):
        area = routed.page.flow_area
        offset = (area.x, area.y)
        assert match_scene(routed.scene, page.get_drawings(), offset) == []
        check_labels(routed.scene.labels, page, offset)
        assert len(spans(page, offset)) == len(routed.scene.labels)


def test_the_slides_draw_exactly_the_scene_under_the_header(slides: Diagram) -> None:
    pdf = pymupdf.open(stream=render_slides_pdf(slides), filetype="pdf")
    for routed, page in zip(slides.pages, pdf, strict=True):
        left = match_scene(routed.scene, page.get_drawings(), (0.0, 0.0))
        # Nothing else but the lane header cells.
        headers = [
            c.box for c in routed.page.header if c.lines and c.box.y < routed.page.flow_area.y
        ]
        assert len(left) <= len(headers)
        for d in left:
            r = d["rect"]
            assert any(close((r.x0, r.y0), (b.x, b.y)) for b in headers)
        check_labels(routed.scene.labels, page, (0.0, 0.0))
