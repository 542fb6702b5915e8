"""Property-based tests: random valid SOPs and workbooks always lay out, route and build."""

from __future__ import annotations

from pathlib import Path

from factories import make_sop, make_step
from geometry_checks import segment_enters_symbol
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from workbooks import identity_rows, section_rows, step, table_rows, write_workbook

from sopdoc.backends.docx.document import render_docx
from sopdoc.backends.pdf.document import render_pdf
from sopdoc.drawing.document import prepare
from sopdoc.drawing.pages import route_layout
from sopdoc.layout import Box, layout_procedure
from sopdoc.layout.fonts import metrics_for
from sopdoc.model import Paper, Sop, Step, Symbol
from sopdoc.publish.documents import flow_pictures
from sopdoc.workbook import read_workbook

FONT = metrics_for("Arial")
WORDS = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Co", "Cn"), max_codepoint=0x2FFF),
    min_size=1,
    max_size=40,
).filter(lambda s: any(ch.isalnum() for ch in s) and not s.lstrip().startswith("="))


@st.composite
def sops(draw: st.DrawFn) -> Sop:
    """A valid SOP: 1..30 steps, 1..15 actors, decisions jumping forward, back, or ending."""
    actors = draw(st.integers(1, 15))
    count = draw(st.integers(1, 30))
    steps: list[Step] = []
    for number in range(1, count + 1):
        first = draw(st.integers(0, actors - 1))
        last = draw(st.integers(first, min(actors - 1, first + 2)))
        kegiatan = tuple(draw(st.lists(WORDS, min_size=1, max_size=4)))
        decision = None
        if number < count and draw(st.booleans()) and draw(st.booleans()):
            others = [n for n in range(1, count + 1) if n not in (number, number + 1)]
            no = draw(st.sampled_from([*others, None])) if others else None
            decision = (number + 1, no)
        steps.append(
            make_step(
                number,
                tuple(range(first, last + 1)),
                count=count,
                kegiatan=kegiatan,
                decision=decision,
            )
        )
    paper = draw(st.sampled_from(list(Paper)))
    return make_sop(steps, actors=[f"Pelaksana {i + 1}" for i in range(actors)], paper=paper)


# Derandomized: CI runs the same examples every time (a red run is a real regression); a
# 4,000-example random search was run by hand when the router last changed.
@settings(
    max_examples=80, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
@given(sops())
def test_layout_and_routing_invariants_always_hold(sop: Sop) -> None:
    layout = layout_procedure(sop, font=FONT)
    assert [n for page in layout.pages for n in page.steps] == [s.number for s in sop.steps]
    printable = layout.page_height - layout.style.margin_top - layout.style.margin_bottom
    printable -= layout.style.footer
    for routed in route_layout(layout, measure=FONT):
        page = routed.page
        assert page.table.height <= printable + 0.01
        rows = {row.number: row for row in page.rows}
        for symbol in page.symbols:
            lanes = [layout.lanes[i] for i in symbol.lanes]
            row = rows[symbol.step].box
            assert Box(lanes[0].x, row.y, lanes[-1].right - lanes[0].x, row.height).contains(
                symbol.box
            )
        for step_row in page.rows:
            for text in step_row.cells:
                for line in text.lines:
                    assert line.x + FONT.width(line.text, line.size) <= text.box.right - 0.5
        shapes = [(s.box, s.symbol is Symbol.DECISION) for s in page.symbols]
        shapes += [(c.box, False) for c in page.connectors]
        for arrow in routed.arrows:
            for a, b in arrow.segments:
                assert a[0] == b[0] or a[1] == b[1]
                assert page.flow_area.contains_point(*a, tolerance=0.01)
                assert not any(segment_enters_symbol(a, b, box, diamond=d) for box, d in shapes)
    outs = sorted(c.letter for p in layout.pages for c in p.connectors if c.direction == "out")
    ins = sorted(c.letter for p in layout.pages for c in p.connectors if c.direction == "in")
    assert outs == ins


@st.composite
def workbook_rows(draw: st.DrawFn) -> list[list[object]]:
    actors = draw(st.integers(1, 6))
    count = draw(st.integers(1, 12))
    rows = []
    for number in range(1, count + 1):
        marks: list[object] = [None] * actors
        marks[draw(st.integers(0, actors - 1))] = draw(st.sampled_from(["x", "X", "v", "✓", 1]))
        rows.append(step(number, draw(WORDS), marks, kelengkapan=draw(WORDS), output=draw(WORDS)))
    names = [f"{draw(WORDS)[:12]} {i}" for i in range(actors)]
    return [
        *identity_rows(nomor=draw(WORDS), nama=draw(WORDS)),
        *section_rows(dasar=draw(WORDS), peralatan=draw(WORDS)),
        *table_rows(rows, actors=names),
    ]


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(workbook_rows())
def test_random_valid_workbooks_always_build(tmp_path: Path, rows: list[list[object]]) -> None:
    path = write_workbook(tmp_path / "acak.xlsx", {"SOP": rows})
    workbook = read_workbook(path)
    assert workbook.errors == (), [str(p) for p in workbook.errors]
    (sop,) = workbook.sops
    document = prepare(sop)
    assert render_pdf(document).startswith(b"%PDF")
    assert render_docx(document, pictures=flow_pictures(document))[:2] == b"PK"
