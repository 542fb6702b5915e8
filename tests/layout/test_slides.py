"""Sosialisasi slides readable from the back of a hall, on the stress corpus: the whole kegiatan
in each symbol (numbered, hyphenated, never cut), nothing under 12 pt, few slides, balanced."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

import pytest
from factories import make_sop, make_step
from flow_checks import all_violations
from stress import stress_corpus

from sopdoc.drawing.document import Diagram, diagram, prepare
from sopdoc.layout.geometry import NodeId
from sopdoc.layout.pagination import paginate, start_room
from sopdoc.layout.slides import (
    SLIDE_HEIGHT,
    SLIDE_MIN_TEXT,
    SLIDE_STYLE,
    _slide_plans,
    _symbol_text,
)
from sopdoc.model import Sop, Symbol

NAMES = sorted(stress_corpus())


@pytest.fixture(scope="module", params=NAMES)
def slides(request: pytest.FixtureRequest) -> tuple[Sop, Diagram]:
    sop = stress_corpus()[request.param]
    return sop, diagram(sop)


def _words(text: str) -> list[str]:
    return text.split()


def _joined(lines: list[str]) -> str:
    """Lines back into one text: a line ending in a syllable hyphen joins the next."""
    text = ""
    for line in lines:
        if text.endswith("-") and text[-2:-1].isalpha() and line[:1].isalpha():
            text = text[:-1] + line
        else:
            text = f"{text} {line}" if text else line
    return text


def test_no_text_under_12_pt(slides: tuple[Sop, Diagram]) -> None:
    _, d = slides
    for page in d.pages:
        sizes = [label.line.size for label in page.scene.labels]
        sizes += [line.size for cell in page.page.header for line in cell.lines]
        assert min(sizes) >= SLIDE_MIN_TEXT, page.page.index


def test_every_symbol_holds_its_whole_numbered_kegiatan(slides: tuple[Sop, Diagram]) -> None:
    sop, d = slides
    for page in d.pages:
        for symbol in page.page.symbols:
            text = _joined([line.text for line in symbol.lines])
            assert "…" not in text
            if symbol.node.kind != "step":
                continue
            step = sop.step(symbol.step)
            assert text.startswith(f"{step.number}. "), text
            expected = " ".join(step.kegiatan)
            body = re.sub(r"^\d+\. ", "", text)
            # The first item's bullet gives way to the number; every word is there, in order.
            assert _words(body) == _words(expected) or _words(body) == _words(expected)[1:]


def test_symbol_text_stays_inside_its_symbol(slides: tuple[Sop, Diagram]) -> None:
    _, d = slides
    for page in d.pages:
        for symbol in page.page.symbols:
            box = symbol.box
            for line in symbol.lines:
                width = d.font.width(line.text, line.size)
                assert box.x <= line.x, line
                assert line.x + width <= box.right + 0.01, line
                assert box.y < line.baseline < box.bottom
                if symbol.symbol is not Symbol.DECISION:
                    continue
                top = line.baseline - d.font.ascent(line.size)
                bottom = line.baseline + d.font.descent(line.size)
                for x in (line.x, line.x + width):
                    for y in (top, bottom):
                        reach = abs(x - box.center_x) / (box.width / 2)
                        reach += abs(y - box.center_y) / (box.height / 2)
                        assert reach <= 1.0, (line, box)


def test_end_terminators_say_selesai(slides: tuple[Sop, Diagram]) -> None:
    sop, d = slides
    ends = [s for p in d.pages for s in p.page.symbols if s.node.kind == "end"]
    assert len(ends) == sum(1 for s in sop.steps if s.is_decision and s.ends)
    for end in ends:
        assert [line.text for line in end.lines] == ["Selesai"]
        assert end.node == NodeId.end_of(end.step)


def test_as_few_slides_as_the_text_allows_and_balanced(slides: tuple[Sop, Diagram]) -> None:
    """No more slides than filling each to the brim gives, and the tallest slide no taller."""
    sop, d = slides
    lanes = d.layout.lanes
    top = d.pages[0].page.flow_area.y
    available = SLIDE_HEIGHT - SLIDE_STYLE.margin_bottom - top
    plans = _slide_plans(sop, lanes, style=SLIDE_STYLE, font=d.font, available=available)
    greedy = paginate(
        sop,
        [replace(p, top_strip=0.0, bottom_strip=0.0) for p in plans],
        available=available,
        style=SLIDE_STYLE,
        lanes=lanes,
    )
    assert len(d.pages) <= len(greedy.pages)
    tallest = max(sum(p.height for p in rows) for rows in greedy.pages)
    assert max(p.page.flow_area.height for p in d.pages) <= tallest + 0.01


def test_symbols_stand_inside_the_lanes_they_name(slides: tuple[Sop, Diagram]) -> None:
    """A diamond over two or three lanes reads as those actors' step. Each symbol stands
    inside its step's lanes (a decision's end beside it stands in the lane next to it);
    only one whose text, wrapped inside them, would be taller than a slide holds reaches
    beyond."""
    sop, d = slides
    lanes = d.layout.lanes
    style = SLIDE_STYLE
    room = SLIDE_HEIGHT - style.margin_bottom - d.pages[0].page.flow_area.y
    for page in d.pages:
        for symbol in page.page.symbols:
            if symbol.node.kind == "end":
                continue
            step = sop.step(symbol.step)
            first, last = min(step.actors), max(step.actors)
            if lanes[first].x <= symbol.box.x and symbol.box.right <= lanes[last].right:
                continue
            span = lanes[last].right - lanes[first].x - 2 * style.symbol_margin_x
            limit = style.decision_max_width if step.is_decision else style.symbol_max_width
            width = min(span, limit) if first == last else span
            _, height = _symbol_text(
                step, width, sop_symbol=sop.symbol(step), style=style, font=d.font
            )
            tallest = room - 2 * (style.symbol_margin_y + style.connector_strip)
            assert height > tallest - start_room(style), (step.number, height, tallest)


def test_a_slide_starts_and_ends_with_connectors_beside_its_rows() -> None:
    """A strip above a slide's first row (below its last) for a connector cost the slide
    36 pt, a row of the next slide's steps: where a lane is free beside the row, the
    connector stands there, on the row's own height."""
    long = "Meneliti kelengkapan dan keabsahan berkas permohonan beserta lampiran " * 3
    steps = [make_step(n, (n % 2,), count=6, kegiatan=(long,)) for n in range(1, 7)]
    sop = make_sop(steps, actors=("Kasubag", "Camat", "Tim SPM"))
    d = diagram(sop)
    assert len(d.pages) > 1
    for page in d.pages:
        rows = {row.number: row for row in page.page.rows}
        assert page.page.connectors
        for connector in page.page.connectors:
            row = rows[connector.step]
            assert row.top_strip == row.bottom_strip == 0.0
            assert row.box.y < connector.box.y < connector.box.bottom < row.box.bottom
            symbol = next(s for s in page.page.symbols if s.step == connector.step)
            assert abs(connector.box.center_y - symbol.box.center_y) < 0.5
    assert all_violations(d.layout, d.pages) == []


@pytest.mark.parametrize("make", [diagram, prepare])
def test_a_loop_into_a_deciding_first_step_stands_beside_the_start(make: Any) -> None:
    """The flow begins with its start terminator: a loop back into a deciding step 1 from a
    later slide (page) once stood in the strip above the start, so the flow seemed to begin
    with the connector. It stands beside the start, its arrow joining the start's."""
    long = "Meneliti kelengkapan dan keabsahan berkas permohonan beserta lampiran " * 3
    count = 16
    steps = [
        make_step(1, (1,), count=count, kegiatan=("Berkas lengkap?",), decision=(2, None)),
        *(make_step(n, (n % 2 + 1,), count=count, kegiatan=(long,)) for n in range(2, count)),
        make_step(count, (1,), count=count, kegiatan=("Setuju?",), decision=(None, 1)),
    ]
    sop = make_sop(steps, actors=("Kasubag", "Camat", "Tim SPM"))
    d = make(sop)
    assert len(d.pages) > 1
    first = d.pages[0].page
    start = next(s for s in first.symbols if s.node.kind == "start")
    ins = [c for c in first.connectors if c.direction == "in" and c.step == 1]
    assert ins
    for connector in ins:
        assert abs(connector.box.center_y - start.box.center_y) < 0.5
        beside = connector.box.right <= start.box.x or connector.box.x >= start.box.right
        assert beside, (connector.box, start.box)
        arrow = next(a for a in d.pages[0].arrows if a.spec.tail == connector.node)
        into = next(a for a in d.pages[0].arrows if a.spec.tail == start.node)
        assert arrow.points[-1] == into.points[-1]  # they meet at the diamond's top vertex
    # (Slides draw no row lines: flow_checks' grid has them, so their labels are not held.)
    violations = all_violations(d.layout, d.pages)
    assert [v for v in violations if make is prepare or "label" not in v] == []


def test_slides_keep_the_routing_invariants(slides: tuple[Sop, Diagram]) -> None:
    _, d = slides
    kept = [v for v in all_violations(d.layout, d.pages) if "label" not in v]
    assert kept == []


@pytest.mark.parametrize("first", [False, True])
@pytest.mark.parametrize("lane", [0, 2, 5, 7])
def test_a_tall_decision_beside_its_end_widens_away_from_it(lane: int, first: bool) -> None:
    """Eight lanes leave a diamond about 100 pt: a question of 67 letters at 12 pt made it
    471 pt tall, taller than a slide. It reaches over the lanes on the side away from the
    end terminator standing beside it; in an outer lane, where that side has no room, it
    reaches toward it and the terminator stands beyond it. As step 1 it has a start
    terminator above it too. The slide keeps every routing invariant."""
    from factories import make_sop, make_step

    question = "Memeriksa konsep dan memberi paraf persetujuan apabila sudah benar?"
    count = 2 if first else 3
    deciding = 1 if first else 2
    steps = [
        *([] if first else [make_step(1, (3,), count=count)]),
        make_step(deciding, (lane,), count=count, kegiatan=(question,), decision=(count, None)),
        make_step(count, (4,), count=count),
    ]
    sop = make_sop(steps, actors=[f"Pelaksana {i}" for i in range(1, 9)])
    d = diagram(sop)
    (page,) = [p.page for p in d.pages if deciding in p.page.steps]
    boxes = {s.node: s for s in page.symbols}
    diamond, end = boxes[NodeId.symbol(deciding)], boxes[NodeId.end_of(deciding)]
    assert diamond.box.width > d.layout.lanes[lane].width
    assert diamond.box.right <= end.box.x or diamond.box.x >= end.box.right
    assert all_violations(d.layout, d.pages) == []


def test_a_step_too_long_for_any_slide_is_named_with_its_cell() -> None:
    """Widened across the whole slide, a symbol of this much text is still taller than a
    slide: the error says slide (the document may hold the step) and names its cell."""
    from factories import make_sop, make_step

    from sopdoc.errors import LayoutError

    long = " ".join(["Menyusun konsep surat jawaban dan menyampaikannya kepada atasan"] * 120)
    steps = [make_step(1, (0,), count=2), make_step(2, (3,), count=2, kegiatan=(long,))]
    sop = make_sop(steps, actors=[f"Pelaksana {i}" for i in range(1, 9)])
    with pytest.raises(LayoutError) as raised:
        diagram(sop)
    assert raised.value.reason.startswith("Langkah 2 terlalu panjang untuk satu slide diagram alir")
    assert raised.value.cell == sop.step(2).cells["kegiatan"]


def test_a_loop_back_into_the_first_step_stands_beside_it_not_above_the_start() -> None:
    """A connector above step 1 reads as if the flow began with it: a loop back from a
    later page or slide into the first step comes in beside it, on pages and slides."""
    count = 18
    steps = [make_step(i, ((i - 1) % 4,), count=count) for i in range(1, count + 1)]
    steps[14] = make_step(15, (2,), count=count, decision=(16, 1), kegiatan=("Disetujui?",))
    sop = make_sop(steps)
    for layout in (prepare(sop).layout, diagram(sop).layout):
        page = layout.pages[0]
        (start,) = [s for s in page.symbols if s.step == 1 and s.node.kind == "step"]
        into = [c for c in page.connectors if c.direction == "in" and c.step == 1]
        assert into  # the loop really crosses pages
        for connector in into:
            assert connector.box.bottom > start.box.y, connector
            assert start.box.y <= connector.box.center_y <= start.box.bottom
