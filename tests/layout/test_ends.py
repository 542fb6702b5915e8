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
