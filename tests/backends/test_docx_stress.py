"""The stress corpus's DOCX as LibreOffice (25.2) renders it: the PDF's pages, and every
line of every text cell (identity and procedure pages) where the PDF prints it, so Word
wraps each paragraph the user wrote where the layout wrapped it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pymupdf
import pytest
from office import convert
from pdf_geometry import text_lines
from stress import stress_corpus

from sopdoc.backends.docx.document import render_docx
from sopdoc.backends.pdf.document import render_pdf
from sopdoc.drawing.document import Document, prepare
from sopdoc.layout.geometry import TextCell

CASES = stress_corpus()
#: How far a line's baseline and left end may stray, in points.
TOLERANCE = 0.5


@pytest.fixture(scope="module")
def rendered(
    tmp_path_factory: pytest.TempPathFactory,
) -> dict[str, tuple[Document, pymupdf.Document, pymupdf.Document]]:
    """name -> (the document, our PDF, LibreOffice's PDF of our DOCX), converted in one run."""
    folder = tmp_path_factory.mktemp("stress-docx")
    documents = {name: prepare(sop) for name, sop in CASES.items()}
    paths = []
    for name, document in documents.items():
        (folder / f"{name}-ours.pdf").write_bytes(render_pdf(document))
        path = folder / f"{name}.docx"
        path.write_bytes(render_docx(document))
        paths.append(path)
    convert(paths, folder)
    return {
        name: (
            document,
            pymupdf.open(folder / f"{name}-ours.pdf"),
            pymupdf.open(folder / f"{name}.pdf"),
        )
        for name, document in documents.items()
    }


def _cells(document: Document) -> Iterator[tuple[int, TextCell[Any]]]:
    """(page number, cell) of every text cell: identity rows, then procedure rows."""
    for identity in document.identity.pages:
        for row in identity.rows:
            for cell in row.cells:
                yield identity.index, cell
    first = len(document.identity.pages)
    for index, page in enumerate(document.layout.pages):
        for step_row in page.rows:
            for step_cell in step_row.cells:
                yield first + index, step_cell


@pytest.mark.parametrize("name", CASES)
def test_every_cells_lines_where_the_pdf_prints_them(
    name: str, rendered: dict[str, tuple[Document, pymupdf.Document, pymupdf.Document]]
) -> None:
    document, ours, libre = rendered[name]
    assert len(libre) == len(ours)
    pages = {i: (text_lines(ours[i]), text_lines(libre[i])) for i in range(len(ours))}
    checked = 0
    for number, cell in _cells(document):
        a, b = pages[number]
        for text in {line.text.strip() for line in cell.lines if line.text.strip()}:
            assert text in b, (number, text)
            assert len(a[text]) == len(b[text]), (number, text)
            for (x0, y0), (x1, y1) in zip(a[text], b[text], strict=True):
                assert abs(y0 - y1) <= TOLERANCE, (number, text, y0, y1)
                assert abs(x0 - x1) <= 1.0, (number, text, x0, x1)
            checked += 1
    assert checked
