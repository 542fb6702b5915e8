"""Ends the workbook names: their label in the capsule and their lane (issue: labelled ends)."""

from __future__ import annotations

from dataclasses import replace

import pymupdf
import pytest
from factories import make_sop, make_step
from flow_checks import all_violations

from sopdoc.backends.pdf.document import render_pdf
from sopdoc.drawing.document import prepare
from sopdoc.layout.fonts import FontMetrics
from sopdoc.model import Branch, End, Sop, Symbol


def _rejecting(end: End) -> Sop:
    """Kasubag receives, Camat decides (Tidak ends), Pengelola files."""
    steps = [
        make_step(1, (0,), count=3),
        make_step(2, (1,), count=3, kegiatan=("Memeriksa berkas?",), decision=(3, None)),
        make_step(3, (3,), count=3),
    ]
    steps[1] = replace(steps[1], endings=(end,))
    return make_sop(steps)


@pytest.mark.parametrize("lane", [None, 1, 2, 3])
def test_the_end_stands_in_the_lane_named_and_says_its_label(
    lane: int | None, font: FontMetrics
) -> None:
    document = prepare(_rejecting(End(Branch.NO, "Permohonan ditolak", lane)))
    page = document.layout.pages[0]
    (end,) = [s for s in page.symbols if s.symbol is Symbol.END and s.step == 2]
    assert end.label == "Permohonan ditolak"
    column = document.layout.lanes[end.lanes[0]]
    assert column.x <= end.box.x
    assert end.box.right <= column.right
    if lane is not None:
        assert end.lanes == (lane,)
    text = " ".join(line.text for line in end.lines)
    assert text.replace("- ", "").replace("-", "") == "Permohonan ditolak"
    for line in end.lines:
        assert font.width(line.text, line.size) <= end.box.width
        assert end.box.y <= line.baseline <= end.box.bottom
    pdf = pymupdf.open(stream=render_pdf(document))
    assert "ditolak" in pdf[-1].get_text()
    assert all_violations(document.layout, document.pages) == []


def test_an_end_without_a_label_prints_nothing_in_the_document() -> None:
    document = prepare(_rejecting(End(Branch.NO, "", 2)))
    symbols = document.layout.pages[0].symbols
    (end,) = [s for s in symbols if s.symbol is Symbol.END and s.step == 2]
    assert end.lanes == (2,)
    assert end.lines == ()


@pytest.mark.parametrize("actors", [4, 6, 8])
@pytest.mark.parametrize(
    "label", ["Permohonan tidak dapat diproses", "Berkas dikembalikan kepada pemohon"]
)
def test_no_arrow_runs_through_a_tall_end_in_narrow_lanes(actors: int, label: str) -> None:
    """Eight lanes on A4 leave 31 pt: a named end beside its decision grows taller than the
    diamond, and the Ya under the diamond once ran through its lower part (the band under
    a decision did not look at what stands beside it). Every arrow keeps clear of it."""
    from sopdoc.drawing.document import diagram
    from sopdoc.model import Paper

    names = [f"Pelaksana {i}" for i in range(actors)]
    steps = [make_step(i, (i % actors,), count=6) for i in range(1, 7)]
    steps[2] = make_step(3, (1,), count=6, decision=(4, None), kegiatan=("Berkas lengkap?",))
    steps[2] = replace(steps[2], endings=(End(Branch.NO, label, None),))
    sop = make_sop(steps, actors=names, paper=Paper.A4)
    document = prepare(sop)
    assert all_violations(document.layout, document.pages) == []
    slides = diagram(sop)
    kept = [v for v in all_violations(slides.layout, slides.pages) if "label" not in v]
    assert kept == []
