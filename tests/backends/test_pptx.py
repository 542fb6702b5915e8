"""The PPTX deck: read back with python-pptx and lxml against the slide layout, and as
LibreOffice Impress renders it against the slides' PDF."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pymupdf
import pytest
from factories import CONTOH, big_sop
from geometry_checks import expected_geometry
from office import convert
from pdf_geometry import box_distance, drawing_boxes
from pptx import Presentation

from sopdoc.backends.pdf.slides import render_slides_pdf
from sopdoc.backends.pptx import render_pptx
from sopdoc.backends.pptx.shapes import step_text
from sopdoc.drawing.document import Diagram, diagram
from sopdoc.drawing.pages import RoutedPage
from sopdoc.drawing.scene import Label, Polyline, Shape
from sopdoc.layout import Box
from sopdoc.model import Paper
from sopdoc.units import EMU_PER_POINT
from sopdoc.workbook import read_workbook

A = "http://schemas.openxmlformats.org/drawingml/2006/main"
#: How far LibreOffice's rendering may stray from the slides' PDF, in points.
TOLERANCE = 0.5


@pytest.fixture(scope="module")
def diagrams() -> list[Diagram]:
    sops = [*read_workbook(CONTOH).sops, big_sop(steps=25, actors=3, seed=25, paper=Paper.A4)]
    return [diagram(sop) for sop in sops]


@pytest.fixture(scope="module")
def deck_file(diagrams: list[Diagram], tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pptx") / "deck.pptx"
    path.write_bytes(render_pptx(diagrams))
    return path


def _flow_slides(deck: Any, diagrams: list[Diagram]) -> list[tuple[Diagram, int, Any]]:
    """(diagram, page index, slide) for every flowchart slide, after each title slide."""
    slides = list(deck.slides)
    found, at = [], 0
    for d in diagrams:
        at += 1
        for index in range(len(d.pages)):
            found.append((d, index, slides[at]))
            at += 1
    assert at == len(slides)
    return found


def test_slide_size_is_16_9_and_says_so(deck_file: Path) -> None:
    deck = Presentation(str(deck_file))
    assert (deck.slide_width, deck.slide_height) == (960 * EMU_PER_POINT, 540 * EMU_PER_POINT)
    assert deck.part._element.sldSz.get("type") is None  # not "screen4x3"


def test_title_slide_title_and_subtitle_apart(deck_file: Path, diagrams: list[Diagram]) -> None:
    deck = Presentation(str(deck_file))
    first = deck.slides[0]
    title, subtitle = first.shapes.title, first.placeholders[1]
    assert title.text == diagrams[0].sop.identity.nama
    assert diagrams[0].sop.identity.nomor in subtitle.text
    assert title.height > 0
    assert subtitle.height > 0
    assert title.top + title.height <= subtitle.top
    from pptx.enum.lang import MSO_LANGUAGE_ID

    for box in (title, subtitle):
        runs = [r for p in box.text_frame.paragraphs for r in p.runs]
        assert runs
        assert {r.font.language_id for r in runs} == {MSO_LANGUAGE_ID.INDONESIAN}
    assert deck.core_properties.language == "id-ID"
    assert deck.core_properties.keywords


def _emu_box(shape: Any) -> Box:
    return Box(
        shape.left / EMU_PER_POINT,
        shape.top / EMU_PER_POINT,
        shape.width / EMU_PER_POINT,
        shape.height / EMU_PER_POINT,
    )


def _close(a: Box, b: Box) -> bool:
    return (
        max(abs(a.x - b.x), abs(a.y - b.y), abs(a.right - b.right), abs(a.bottom - b.bottom)) < 1e-3
    )


def test_every_symbol_is_its_preset_with_its_whole_text(
    deck_file: Path, diagrams: list[Diagram]
) -> None:
    deck = Presentation(str(deck_file))
    for d, index, slide in _flow_slides(deck, diagrams):
        scene = d.pages[index].scene
        by_name = {shape.name: shape for shape in slide.shapes}
        for item in scene.shapes:
            if item.node.kind != "step":
                continue
            shape = by_name[f"Langkah {item.node.step}"]
            assert _close(_emu_box(shape), item.box)
            geom = shape._element.find(f".//{{{A}}}prstGeom")
            adjust = geom.find(f"{{{A}}}avLst/{{{A}}}gd")
            found = (geom.get("prst"), None if adjust is None else adjust.get("fmla"))
            assert found == expected_geometry(item)
            kegiatan = d.sop.step(item.node.step).kegiatan
            assert shape._element.nvSpPr.cNvPr.get("descr") == step_text(kegiatan)
            lines = [label.line.text for label in scene.labels if label.owner == item.node]
            assert not any(line.endswith("…") for line in lines)  # slides hold the whole text
            assert shape.text_frame.text == "\v".join(lines)
        notes = slide.notes_slide.notes_text_frame.text
        for item in scene.shapes:
            if item.node.kind == "step":
                kegiatan = d.sop.step(item.node.step).kegiatan
                assert f"Langkah {item.node.step}: {step_text(kegiatan)}" in notes


def test_arrows_are_freeforms_through_the_routes_points(
    deck_file: Path, diagrams: list[Diagram]
) -> None:
    deck = Presentation(str(deck_file))
    for d, index, slide in _flow_slides(deck, diagrams):
        by_name = {shape.name: shape for shape in slide.shapes}
        arrows = [p for p in d.pages[index].scene.polylines if p.arrow is not None]
        for number, arrow in enumerate(arrows, start=1):
            for name, points in (
                (f"Panah {number}", arrow.points),
                (f"Kepala panah {number}", arrow.arrowhead.points if arrow.arrowhead else ()),
            ):
                found = _path_points(by_name[name])
                flat = [c for p in found for c in p]
                assert flat == pytest.approx([c for p in points for c in p], abs=1e-3)


def _path_points(shape: Any) -> list[tuple[float, float]]:
    box = _emu_box(shape)
    path = shape._element.find(f".//{{{A}}}path")
    sx = box.width * EMU_PER_POINT / int(path.get("w"))
    sy = box.height * EMU_PER_POINT / int(path.get("h"))
    return [
        (
            box.x + int(pt.get("x")) * sx / EMU_PER_POINT,
            box.y + int(pt.get("y")) * sy / EMU_PER_POINT,
        )
        for pt in path.iter(f"{{{A}}}pt")
    ]


def test_pptx_bytes_are_deterministic(diagrams: list[Diagram]) -> None:
    assert render_pptx(diagrams[:1]) == render_pptx(diagrams[:1])


@pytest.fixture(scope="module")
def rendered(deck_file: Path, diagrams: list[Diagram]) -> tuple[pymupdf.Document, list[Any]]:
    """LibreOffice Impress's PDF of the deck, and our slides' PDF pages in the same order."""
    folder = deck_file.parent
    convert([deck_file], folder)
    ours = [pymupdf.open(stream=render_slides_pdf(d)) for d in diagrams]
    return pymupdf.open(folder / "deck.pdf"), ours


def slide_pages(
    libre: pymupdf.Document, diagrams: list[Diagram]
) -> Iterator[tuple[Diagram, RoutedPage, Any]]:
    """Each slide page of each deck with LibreOffice's rendering of it (a deck's title slide
    comes first and is skipped)."""
    at = 0
    for d in diagrams:
        at += 1
        for routed in d.pages:
            yield d, routed, libre[at]
            at += 1


def test_libreoffice_draws_every_shape_where_the_pdf_does(
    rendered: tuple[pymupdf.Document, list[Any]], diagrams: list[Diagram]
) -> None:
    libre, _ = rendered
    for d, routed, page in slide_pages(libre, diagrams):
        found = drawing_boxes(page, (0, 0, d.layout.page_width, d.layout.page_height))
        expected = []
        for item in routed.scene.items:
            if isinstance(item, Shape):
                expected.append((item.box.x, item.box.y, item.box.right, item.box.bottom))
            elif isinstance(item, Polyline):
                head = item.arrowhead.points if item.arrowhead is not None else ()
                for points in (item.points, head):
                    if points:
                        xs, ys = [p[0] for p in points], [p[1] for p in points]
                        expected.append((min(xs), min(ys), max(xs), max(ys)))
        off = [min(box_distance(box, f) for f in found) for box in expected]
        assert max(off) <= TOLERANCE, (d.sop.identity.nomor, routed.page.index, off)


def test_libreoffice_puts_every_line_of_text_where_the_pdf_does(
    rendered: tuple[pymupdf.Document, list[Any]], diagrams: list[Diagram]
) -> None:
    """Each line's baseline, and its centre (LibreOffice rounds glyph advances, so a long
    line's ends may move by a point or so, both ways), except the text of a step the slide
    shortened, which the shape holds whole."""
    libre, _ = rendered
    for _, routed, page in slide_pages(libre, diagrams):
        spans = _spans(page)
        scene = routed.scene
        short = {lb.owner for lb in scene.labels if lb.line.text.endswith("…")}
        labels: list[Label] = [lb for lb in scene.labels if lb.owner not in short]
        for label in labels:
            text = label.line.text.strip()
            off = min(
                (
                    (abs(cx - label.box.center_x), abs(y - label.line.baseline))
                    for t, cx, y in spans
                    if t == text
                ),
                default=(float("inf"), float("inf")),
            )
            # The baseline to the half point; the centre to a point: LibreOffice rounds each
            # glyph's advance, which moves the centre of a long slide line by up to 0.7 pt.
            assert off[1] <= TOLERANCE, (routed.page.index, text, off)
            assert off[0] <= 2 * TOLERANCE, (routed.page.index, text, off)


def _spans(page: Any) -> list[tuple[str, float, float]]:
    """Every span as (text, centre x, baseline)."""
    found = []
    for block in page.get_text("dict")["blocks"]:
        for line in block.get("lines", []):
            for span in line["spans"]:
                x0, _, x1, _ = span["bbox"]
                found.append((span["text"].strip(), (x0 + x1) / 2, span["origin"][1]))
    return found


def test_the_title_slide_names_the_agency_not_the_kops_last_line(tmp_path: Path) -> None:
    from dataclasses import replace

    sop = big_sop(steps=4, actors=3)
    kemenag = (
        "KEMENTERIAN AGAMA REPUBLIK INDONESIA",
        "KANTOR KEMENTERIAN AGAMA KABUPATEN LUMAJANG",
        "SEKSI PENDIDIKAN AGAMA ISLAM",
    )
    path = tmp_path / "d.pptx"
    path.write_bytes(render_pptx([diagram(replace(sop, header=kemenag))]))
    subtitle = Presentation(str(path)).slides[0].placeholders[1].text
    assert subtitle.splitlines() == [sop.identity.nomor, *kemenag[1:]]
