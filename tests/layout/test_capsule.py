"""An end the workbook names keeps its words inside its capsule, on pages and slides, in
lanes wide and narrow: the capsule grows or the text steps down to the style's floor."""

from __future__ import annotations

import math
from dataclasses import replace

import pytest
from factories import make_sop, make_step

from sopdoc.drawing.document import diagram, prepare
from sopdoc.layout.capsule import corner_radius
from sopdoc.layout.fonts import FontMetrics
from sopdoc.layout.geometry import Box, PlacedLine
from sopdoc.model import Branch, End, Paper, Sop

LABELS = (
    "Ditolak",
    "Permohonan tidak dapat diproses",
    "Berkas dikembalikan kepada pemohon untuk dilengkapi",
)


def _sop(actors: int, label: str, lane: int | None) -> Sop:
    count = 6
    steps = [make_step(i, (i % actors,), count=count) for i in range(1, count + 1)]
    decision = make_step(3, (1,), count=count, decision=(4, None), kegiatan=("Berkas lengkap?",))
    steps[2] = replace(decision, endings=(End(Branch.NO, label, lane),))
    names = [f"Pelaksana {i}" for i in range(actors)]
    return make_sop(steps, actors=names, paper=Paper.A4)


def _inside(box: Box, x: float, y: float) -> bool:
    """Inside the capsule's outline: its rectangle less the round corners."""
    r = corner_radius(box.width, box.height)
    if not (box.x - 0.01 <= x <= box.right + 0.01 and box.y - 0.01 <= y <= box.bottom + 0.01):
        return False
    cx = min(max(x, box.x + r), box.right - r)
    cy = min(max(y, box.y + r), box.bottom - r)
    return math.hypot(x - cx, y - cy) <= r + 0.01


def _corners(line: PlacedLine, font: FontMetrics) -> list[tuple[float, float]]:
    width = font.width(line.text, line.size)
    top, bottom = line.baseline - font.ascent(line.size), line.baseline + font.descent(line.size)
    return [(line.x, top), (line.x + width, top), (line.x, bottom), (line.x + width, bottom)]


@pytest.mark.parametrize("actors", [4, 6, 8])
@pytest.mark.parametrize("label", LABELS)
@pytest.mark.parametrize("lane", [None, 0])
def test_an_ends_words_stand_inside_its_capsule(
    actors: int, label: str, lane: int | None, font: FontMetrics
) -> None:
    sop = _sop(actors, label, lane)
    for layout in (prepare(sop).layout, diagram(sop).layout):
        floor = layout.style.min_text_size
        ends = [s for p in layout.pages for s in p.symbols if s.node.kind == "end"]
        assert len(ends) == 1
        (end,) = ends
        assert end.lines  # the words are printed
        for line in end.lines:
            assert line.size >= floor
            for x, y in _corners(line, font):
                assert _inside(end.box, x, y), (line.text, end.box)
