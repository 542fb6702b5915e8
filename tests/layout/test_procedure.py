"""Layout invariants of the procedure pages, for real and generated SOPs on every paper."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from factories import big_sop, make_sop, make_step
from stress import stress_corpus

from sopdoc.errors import LayoutError
from sopdoc.layout import (
    ArrowSpec,
    Box,
    ColumnId,
    ColumnKind,
    Connector,
    NodeId,
    ProcedureLayout,
    Span,
    connector_letter,
    layout_procedure,
)
from sopdoc.layout.fonts import FontMetrics
from sopdoc.model import Paper, Sop, Symbol


@pytest.fixture(scope="module")
def laid(layout_case: Sop, font: FontMetrics) -> tuple[Sop, ProcedureLayout]:
    sop = layout_case
    return sop, layout_procedure(sop, font=font)


def printable_height(layout: ProcedureLayout) -> float:
    """The table's room on a page: below the running line naming the SOP, above the footer."""
    s = layout.style
    running = layout.running.box.height if layout.running is not None else 0.0
    return layout.page_height - s.margin_top - running - s.margin_bottom - s.footer


def test_columns_fit_the_page(laid: tuple[Sop, ProcedureLayout]) -> None:
    sop, layout = laid
    s = layout.style
    assert layout.columns[0].x >= s.margin_left - 0.5
    assert layout.columns[-1].right <= layout.page_width - s.margin_right + 0.5
    for left, right in zip(layout.columns, layout.columns[1:], strict=False):
        assert left.right == pytest.approx(right.x)
    assert [c.title for c in layout.lanes] == [a.name for a in sop.actors]
    assert len({c.width for c in layout.lanes}) == 1


def test_every_step_once_in_order(laid: tuple[Sop, ProcedureLayout]) -> None:
    sop, layout = laid
    steps = [n for page in layout.pages for n in page.steps]
    assert steps == [s.number for s in sop.steps]


def test_rows_fit_the_printable_height(laid: tuple[Sop, ProcedureLayout]) -> None:
    _, layout = laid
    for page in layout.pages:
        header = page.rows[0].box.y - page.table.y
        total = header + sum(row.box.height for row in page.rows)
        assert total <= printable_height(layout) + 0.01
        assert page.table.bottom <= layout.footer.y + 0.01


def test_page_breaks_are_chosen_by_height(laid: tuple[Sop, ProcedureLayout]) -> None:
    _, layout = laid
    for page, following in zip(layout.pages, layout.pages[1:], strict=False):
        header = page.rows[0].box.y - page.table.y
        used = header + sum(row.box.height for row in page.rows)
        assert used + following.rows[0].box.height > printable_height(layout) - 0.01


def strips_without_a_crossing(sop: Sop, layout: ProcedureLayout) -> list[str]:
    """Connector strips no arrow across a page needs: a top strip on a page's first row
    when no arrow from another page enters a step of that page, a bottom strip on its last
    row when none leaves one for another page, or a strip on a row inside a page."""
    page_of = {n: i for i, page in enumerate(layout.pages) for n in page.steps}
    crossing = [e for e in sop.edges() if e.target and page_of[e.source] != page_of[e.target]]
    entered = {page_of[e.target] for e in crossing if e.target}
    left = {page_of[e.source] for e in crossing}
    found = []
    for index, page in enumerate(layout.pages):
        for row in page.rows:
            if row.top_strip and (row is not page.rows[0] or index not in entered):
                found.append(f"step {row.number}: top strip")
            if row.bottom_strip and (row is not page.rows[-1] or index not in left):
                found.append(f"step {row.number}: bottom strip")
    return found


def test_rows_keep_only_the_strips_their_breaks_need(laid: tuple[Sop, ProcedureLayout]) -> None:
    """Rows only as tall as they need: a strip that a moved break left behind is dropped."""
    sop, layout = laid
    assert strips_without_a_crossing(sop, layout) == []


@pytest.mark.parametrize("name", sorted(stress_corpus()))
def test_stress_rows_keep_only_the_strips_they_need(name: str, font: FontMetrics) -> None:
    sop = stress_corpus()[name]
    assert strips_without_a_crossing(sop, layout_procedure(sop, font=font)) == []


def test_header_rows_repeat_on_every_page(laid: tuple[Sop, ProcedureLayout]) -> None:
    _, layout = laid
    first = layout.pages[0].header
    keys = {c.key for c in first}
    assert {
        ColumnId(ColumnKind.NO),
        ColumnId(ColumnKind.KEGIATAN),
        Span.PELAKSANA,
        Span.MUTU,
    } <= keys
    assert {ColumnId(ColumnKind.LANE, i) for i in range(len(layout.lanes))} <= keys
    for page in layout.pages:
        assert page.header == first


def test_symbols_lie_inside_their_row_and_lanes(laid: tuple[Sop, ProcedureLayout]) -> None:
    sop, layout = laid
    for page in layout.pages:
        rows = {row.number: row for row in page.rows}
        for symbol in page.symbols:
            row = rows[symbol.step]
            lanes = [layout.lanes[i] for i in symbol.lanes]
            cell = Box(lanes[0].x, row.box.y, lanes[-1].right - lanes[0].x, row.box.height)
            assert cell.contains(symbol.box), (symbol.node, symbol.box, cell)
            if symbol.node == NodeId.symbol(symbol.step):
                step = sop.step(symbol.step)
                assert symbol.symbol is sop.symbol(step)
                assert set(step.actors) <= set(symbol.lanes)
                zone_top = row.box.y + row.top_strip
                zone_bottom = row.box.bottom - row.bottom_strip
                assert symbol.box.center_y == pytest.approx((zone_top + zone_bottom) / 2, abs=1)


def test_no_text_line_is_wider_than_its_column(
    laid: tuple[Sop, ProcedureLayout], font: FontMetrics
) -> None:
    _, layout = laid
    for page in layout.pages:
        cells = [*page.header, *(cell for row in page.rows for cell in row.cells)]
        for cell in cells:
            for line in cell.lines:
                width = font.width(line.text, line.size, bold=line.bold)
                assert line.x >= cell.box.x + 0.5, (cell.key, line.text)
                assert line.x + width <= cell.box.right - 0.5, (cell.key, line.text)
                assert line.baseline + font.descent(line.size) <= cell.box.bottom + 0.01
                assert line.baseline - font.ascent(line.size) >= cell.box.y - 0.01


def test_connector_pairs_match(laid: tuple[Sop, ProcedureLayout]) -> None:
    sop, layout = laid
    page_of = {n: page.index for page in layout.pages for n in page.steps}
    crossing = [
        e for e in sop.edges() if e.target is not None and page_of[e.source] != page_of[e.target]
    ]
    outs = {
        c.letter: (p.index, c) for p in layout.pages for c in p.connectors if c.direction == "out"
    }
    ins = {
        c.letter: (p.index, c) for p in layout.pages for c in p.connectors if c.direction == "in"
    }
    assert sorted(outs) == sorted(ins) == sorted(connector_letter(i) for i in range(len(crossing)))
    for letter in outs:
        (out_page, out), (in_page, into) = outs[letter], ins[letter]
        assert page_of[out.step] == out_page
        assert page_of[into.step] == in_page
        assert out.other_page == in_page
        assert into.other_page == out_page
        assert (out.step, into.step) in {(e.source, e.target) for e in crossing}
        # The outgoing one at the bottom of its page, the incoming one at the top of the next,
        # or either beside its step's symbol, in a lane the symbol leaves free.
        last_row = layout.pages[out_page].rows[-1]
        first_row = layout.pages[in_page].rows[0]
        if not _beside(layout, out_page, out):
            assert out.box.y >= last_row.box.bottom - last_row.bottom_strip - 0.01
            assert out.box.bottom <= last_row.box.bottom + 0.01
        if not _beside(layout, in_page, into):
            assert into.box.y >= first_row.box.y - 0.01
            assert into.box.bottom <= first_row.box.y + first_row.top_strip + 0.01


def _beside(layout: ProcedureLayout, page: int, connector: Connector) -> bool:
    """True when a connector stands beside its step's symbol (centred on it, clear of it)."""
    (symbol,) = [s for s in layout.pages[page].symbols if s.node == NodeId.symbol(connector.step)]
    if abs(symbol.box.center_y - connector.box.center_y) > 0.01:
        return False
    assert connector.box.right <= symbol.box.x or connector.box.x >= symbol.box.right
    return True


def test_the_big_sop_spans_pages_with_connectors(font: FontMetrics) -> None:
    layout = layout_procedure(big_sop(), font=font)
    assert len(layout.pages) >= 4
    assert sum(len(p.connectors) for p in layout.pages) >= 2 * (len(layout.pages) - 1)
    assert len(layout.lanes) == 15


def test_connector_letters() -> None:
    assert [connector_letter(i) for i in (0, 1, 25, 26, 27)] == ["A", "B", "Z", "AA", "AB"]


def test_a_step_taller_than_a_page_is_reported(font: FontMetrics) -> None:
    long = tuple(f"- Butir uraian yang sangat panjang nomor {i}" for i in range(80))
    steps = [make_step(1, (0,), count=2), make_step(2, (1,), count=2, kegiatan=long)]
    with pytest.raises(LayoutError) as caught:
        layout_procedure(make_sop(steps), font=font)
    assert "Langkah 2 terlalu panjang" in str(caught.value)
    assert caught.value.cell is not None
    assert str(caught.value.cell) == "SOP!B22"


def test_decision_ending_gets_an_end_terminator(font: FontMetrics) -> None:
    steps = [
        make_step(1, (0,), count=3),
        make_step(2, (0,), count=3, decision=(3, None)),
        make_step(3, (0,), count=3),
    ]
    layout = layout_procedure(make_sop(steps, actors=("Camat",)), font=font)
    (page,) = layout.pages
    ends = [s for s in page.symbols if s.node == NodeId.end_of(2)]
    assert len(ends) == 1
    assert ends[0].symbol is Symbol.END
    diamond = page.node_box(NodeId.symbol(2))
    assert ends[0].box.x >= diamond.right


@pytest.mark.parametrize("paper", list(Paper))
def test_fifteen_actors_fit_every_paper(font: FontMetrics, paper: Paper) -> None:
    layout = layout_procedure(big_sop(steps=10, paper=paper), font=font)
    assert len(layout.lanes) == 15
    assert layout.lanes[0].width >= 18


def test_layout_is_deterministic(font: FontMetrics) -> None:
    assert layout_procedure(big_sop(), font=font) == layout_procedure(big_sop(), font=font)


@pytest.mark.parametrize("actors", [2, 4, 8, 15])
def test_every_head_has_one_size_and_fits_its_column(actors: int, font: FontMetrics) -> None:
    names = ["Kepala Subbagian Perencanaan", "Pengelola", "Sekretaris Kecamatan", "Camat"]
    sop = big_sop(steps=6, actors=actors, seed=actors)
    sop = replace(
        sop, actors=tuple(replace(a, name=names[i % len(names)]) for i, a in enumerate(sop.actors))
    )
    layout = layout_procedure(sop, font=font)
    heads = layout.pages[0].header
    sizes = {line.size for cell in heads for line in cell.lines}
    assert len(sizes) == 1
    assert min(sizes) >= 7.0
    for cell in heads:
        for line in cell.lines:
            assert font.width(line.text, line.size, bold=True) <= cell.box.width - 2 * 3.0 + 0.01


def test_node_ids_are_typed_and_named_for_formats_that_need_a_string() -> None:
    assert NodeId.symbol(3).name == "s3"
    assert NodeId.end_of(3).name == "s3end"
    assert NodeId.connector("AB", "out").name == "cABout"
    assert NodeId.connector("A", "in").name == "cAin"
    assert NodeId.symbol(3) != NodeId.end_of(3)


@pytest.mark.parametrize(
    ("kind", "step", "letter"),
    [("step", 0, ""), ("end", 2, "A"), ("in", 0, "a"), ("out", 1, "A"), ("lane", 1, "")],
)
def test_a_malformed_node_id_names_itself(kind: Any, step: int, letter: str) -> None:
    with pytest.raises(ValueError, match=kind):
        NodeId(kind, step, letter)


def test_column_ids_name_a_lane_exactly_for_lanes() -> None:
    assert ColumnId(ColumnKind.LANE, 2).lane == 2
    with pytest.raises(ValueError, match="LANE column needs"):
        ColumnId(ColumnKind.LANE)
    with pytest.raises(ValueError, match="NO"):
        ColumnId(ColumnKind.NO, 0)


@pytest.mark.parametrize("paper", list(Paper))
def test_a_deciding_step_1_gets_a_start_terminator_above_it(
    font: FontMetrics, paper: Paper
) -> None:
    steps = [
        make_step(n, (n % 2,), count=4, decision=(2, None) if n == 1 else None) for n in range(1, 5)
    ]
    layout = layout_procedure(make_sop(steps, paper=paper), font=font)
    page = layout.pages[0]
    (start,) = [s for s in page.symbols if s.node == NodeId.start_of(1)]
    diamond = page.node_box(NodeId.symbol(1))
    row = page.rows[0]
    assert start.symbol is Symbol.START
    assert start.label == "Mulai"
    assert row.box.y < start.box.y
    assert start.box.bottom < diamond.y
    assert abs(start.box.center_x - diamond.center_x) < 0.01
    assert ArrowSpec(NodeId.start_of(1), NodeId.symbol(1)) in page.arrows
    # Only the first step: a later decision starts nothing.
    assert [s.node.kind for s in page.symbols].count("start") == 1


@pytest.mark.parametrize("name", sorted(stress_corpus()))
def test_no_connector_straddles_a_lane_line(name: str, font: FontMetrics) -> None:
    """A connector under a decision's side vertex stood across the lane line there (42 of
    358 on the stress and generated corpus's pages, 73 of 1,072 on their slides): it read
    as both actors'. Each stands inside one lane, on pages and slides."""
    from sopdoc.layout.slides import layout_swimlane

    sop = stress_corpus()[name]
    for layout in (layout_procedure(sop, font=font), layout_swimlane(sop, font=font)):
        lines = [lane.right for lane in layout.lanes[:-1]]
        for page in layout.pages:
            for connector in page.connectors:
                box = connector.box
                assert not any(box.x < line < box.right for line in lines), (page.index, box)
