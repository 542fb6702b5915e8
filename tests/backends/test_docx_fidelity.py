"""The DOCX as LibreOffice renders it has the PDF's pages, rows, columns and flowchart.

A corpus of SOPs (the example workbook; generated SOPs of 1 to 8 actors, 1 to 4 procedure
pages, on F4, A4 and LETTER) is written as PDF and as DOCX twice: flowcharts as Word shapes
(the default) and as locked pictures; every DOCX is converted by LibreOffice in one run and
read back with pymupdf.
"""

from __future__ import annotations

import pymupdf
import pytest
from factories import CONTOH, big_sop
from office import convert
from pdf_geometry import (
    box_distance,
    drawing_boxes,
    horizontal_lines_at,
    nearest,
    picture_boxes,
    text_lines,
    text_origins,
    vertical_lines_at,
)

from sopdoc.backends.docx.document import render_docx
from sopdoc.backends.pdf.document import render_pdf
from sopdoc.drawing.document import Document, prepare
from sopdoc.drawing.scene import Polyline, Shape
from sopdoc.model import Paper, Sop
from sopdoc.publish.documents import flow_pictures
from sopdoc.workbook import read_workbook

#: How far LibreOffice's rendering may stray from the layout, in points: the table's lines and
#: the flowchart's shapes and picture (measured in LibreOffice 25.2, which places drawings
#: anchored in table cells as Word does), and text, whose glyphs each application positions
#: on its own rounding.
TOLERANCE = 0.3
TEXT_TOLERANCE = 0.5


def corpus() -> dict[str, Sop]:
    sops = read_workbook(CONTOH).sops
    cases = {f"contoh-{i + 1}": sop for i, sop in enumerate(sops)}
    for steps, actors, paper in (
        (5, 1, Paper.A4),
        (12, 2, Paper.LETTER),
        (25, 4, Paper.F4),
        (25, 6, Paper.A4),
        (25, 8, Paper.LETTER),
    ):
        cases[f"{steps}x{actors}-{paper.label}"] = big_sop(
            steps=steps, actors=actors, seed=steps, paper=paper
        )
    return cases


CASES = corpus()


@pytest.fixture(scope="module")
def documents() -> dict[str, Document]:
    return {name: prepare(sop) for name, sop in CASES.items()}


@pytest.fixture(scope="module")
def converted(
    documents: dict[str, Document], tmp_path_factory: pytest.TempPathFactory
) -> dict[str, tuple[pymupdf.Document, pymupdf.Document, pymupdf.Document]]:
    """name -> (our PDF, LibreOffice's PDF of our DOCX with shapes, and with pictures)."""
    folder = tmp_path_factory.mktemp("fidelity")
    ours = folder / "ours"
    ours.mkdir()
    docx_paths = []
    for name, document in documents.items():
        (ours / f"{name}.pdf").write_bytes(render_pdf(document))
        path = folder / f"{name}.docx"
        path.write_bytes(render_docx(document))
        locked = folder / f"{name}-gambar.docx"
        locked.write_bytes(render_docx(document, pictures=flow_pictures(document)))
        docx_paths += [path, locked]
    convert(docx_paths, folder)
    return {
        name: (
            pymupdf.open(ours / f"{name}.pdf"),
            pymupdf.open(folder / f"{name}.pdf"),
            pymupdf.open(folder / f"{name}-gambar.pdf"),
        )
        for name in documents
    }


@pytest.fixture(scope="module")
def rendered(
    converted: dict[str, tuple[pymupdf.Document, pymupdf.Document, pymupdf.Document]],
) -> dict[str, tuple[pymupdf.Document, pymupdf.Document]]:
    """name -> (our PDF, LibreOffice's PDF of our DOCX), the flowcharts as shapes."""
    return {name: (ours, shapes) for name, (ours, shapes, _) in converted.items()}


def test_the_corpus_spans_what_it_promises(documents: dict[str, Document]) -> None:
    pages = {len(d.layout.pages) for d in documents.values()}
    lanes = {len(d.layout.lanes) for d in documents.values()}
    assert {1, 2, 3, 4} <= pages
    assert {1, 2, 4, 6, 8} <= lanes
    assert {d.layout.paper for d in documents.values()} == set(Paper)


@pytest.mark.parametrize("name", CASES)
def test_docx_has_the_pdfs_page_count(
    name: str, rendered: dict[str, tuple[pymupdf.Document, pymupdf.Document]]
) -> None:
    ours, libre = rendered[name]
    assert len(libre) == len(ours)


def _procedure_pages(document: Document, libre: pymupdf.Document) -> list[tuple[int, pymupdf.Page]]:
    """(index into the layout's pages, LibreOffice's page): the procedure pages come last."""
    count = len(document.layout.pages)
    first = len(libre) - count
    return [(i, libre[first + i]) for i in range(count)]


@pytest.mark.parametrize("name", CASES)
def test_procedure_rows_and_columns_within_tolerance(
    name: str,
    documents: dict[str, Document],
    rendered: dict[str, tuple[pymupdf.Document, pymupdf.Document]],
) -> None:
    document = documents[name]
    layout = document.layout
    _, libre = rendered[name]
    for index, page in _procedure_pages(document, libre):
        laid = layout.pages[index]
        table = laid.table
        header_bottom = laid.rows[0].box.y
        expected_rows = [table.y, header_bottom, *(row.box.bottom for row in laid.rows)]
        found = horizontal_lines_at(page, table.x + 2)
        off = {y: round(nearest(y, found), 2) for y in expected_rows}
        assert max(off.values()) <= TOLERANCE, (index, off)
        middle = laid.rows[0].box.center_y
        expected_columns = [c.x for c in layout.columns] + [layout.columns[-1].right]
        found_x = vertical_lines_at(page, middle)
        off_x = {x: round(nearest(x, found_x), 2) for x in expected_columns}
        assert max(off_x.values()) <= TOLERANCE, (index, off_x)


@pytest.mark.parametrize("name", CASES)
def test_flowchart_picture_within_tolerance(
    name: str,
    documents: dict[str, Document],
    converted: dict[str, tuple[pymupdf.Document, pymupdf.Document, pymupdf.Document]],
) -> None:
    document = documents[name]
    _, _, libre = converted[name]
    for index, page in _procedure_pages(document, libre):
        area = document.layout.pages[index].flow_area
        boxes = picture_boxes(page)
        assert len(boxes) == 1, (index, boxes)
        x0, y0, x1, y1 = boxes[0]
        assert abs(x0 - area.x) <= TOLERANCE, (index, x0, area.x)
        assert abs(y0 - area.y) <= TOLERANCE, (index, y0, area.y)
        assert abs(x1 - area.right) <= TOLERANCE, (index, x1, area.right)
        assert abs(y1 - area.bottom) <= TOLERANCE, (index, y1, area.bottom)


@pytest.mark.parametrize("name", CASES)
def test_page_numbers_read_and_sit_as_in_the_pdf(
    name: str, rendered: dict[str, tuple[pymupdf.Document, pymupdf.Document]]
) -> None:
    ours, libre = rendered[name]
    for index, (a, b) in enumerate(zip(ours, libre, strict=True)):
        line_a = _footer_line(a)
        line_b = _footer_line(b)
        assert line_a[0] == line_b[0] == f"Halaman {index + 1} dari {len(ours)}"
        assert abs(line_a[1] - line_b[1]) <= TEXT_TOLERANCE, (index, line_a, line_b)


def _footer_line(page: pymupdf.Page) -> tuple[str, float]:
    """The text and bottom of the line that starts with "Halaman" (the page number)."""
    words = [w for w in page.get_text("words") if w[1] > page.rect.height * 0.9]
    words.sort(key=lambda w: w[0])
    return " ".join(w[4] for w in words), max(w[3] for w in words)


@pytest.mark.parametrize("name", CASES)
def test_flowchart_shapes_within_tolerance(
    name: str,
    documents: dict[str, Document],
    rendered: dict[str, tuple[pymupdf.Document, pymupdf.Document]],
) -> None:
    """Every symbol, connector, arrow line and arrowhead of the scene has a drawing of its
    size at its place in LibreOffice's rendering (the preset's box, the polyline's extent)."""
    document = documents[name]
    _, libre = rendered[name]
    for index, page in _procedure_pages(document, libre):
        routed = document.pages[index]
        area = routed.page.flow_area
        found = drawing_boxes(page, (area.x, area.y, area.right, area.bottom), slack=20)
        expected: list[tuple[str, tuple[float, float, float, float]]] = []
        for item in routed.scene.items:
            if isinstance(item, Shape):
                b = item.box
                expected.append((item.kind, (b.x, b.y, b.right, b.bottom)))
            elif isinstance(item, Polyline):
                head = item.arrowhead.points if item.arrowhead is not None else ()
                for what, points in (("line", item.points), ("head", head)):
                    if not points:
                        continue
                    xs, ys = [p[0] for p in points], [p[1] for p in points]
                    expected.append((what, (min(xs), min(ys), max(xs), max(ys))))
        off = {
            (kind, i): round(min(box_distance(box, f) for f in found), 2)
            for i, (kind, box) in enumerate(expected)
        }
        assert max(off.values()) <= TOLERANCE, (index, off)


@pytest.mark.parametrize("name", CASES)
def test_flowchart_labels_within_half_a_point_of_their_baselines(
    name: str,
    documents: dict[str, Document],
    rendered: dict[str, tuple[pymupdf.Document, pymupdf.Document]],
) -> None:
    """Every Ya/Tidak and connector letter starts and sits on its baseline where the PDF
    puts it."""
    document = documents[name]
    _, libre = rendered[name]
    for index, page in _procedure_pages(document, libre):
        spans = text_origins(page)
        for label in document.pages[index].scene.labels:
            line = label.line
            off = min(
                (
                    max(abs(x - line.x), abs(y - line.baseline))
                    for t, x, y in spans
                    if t == line.text
                ),
                default=float("inf"),
            )
            assert off <= TEXT_TOLERANCE, (index, line, off)


@pytest.mark.parametrize("name", CASES)
def test_word_wraps_each_steps_paragraph_where_the_layout_did(
    name: str,
    documents: dict[str, Document],
    rendered: dict[str, tuple[pymupdf.Document, pymupdf.Document]],
) -> None:
    """A step's text is one paragraph per item the user wrote, wrapped by LibreOffice: every
    line the layout printed is a line of LibreOffice's, where our PDF prints it (the same
    breaks, so the same line count in every cell)."""
    document = documents[name]
    ours, libre = rendered[name]
    first = len(ours) - len(document.layout.pages)
    checked = 0
    for index, page in _procedure_pages(document, libre):
        a, b = text_lines(ours[first + index]), text_lines(page)
        texts = {
            line.text.strip()
            for row in document.layout.pages[index].rows
            for cell in row.cells
            for line in cell.lines
            if line.text.strip()
        }
        for text in texts:
            assert text in b, (name, index, text)
            assert len(a[text]) == len(b[text]), (name, index, text)
            for (x0, y0), (x1, y1) in zip(a[text], b[text], strict=True):
                assert abs(y0 - y1) <= TEXT_TOLERANCE, (name, index, text, y0, y1)
                assert abs(x0 - x1) <= 1.0, (name, index, text, x0, x1)
            checked += 1
    assert checked
