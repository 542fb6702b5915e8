"""The DOCX edited as a clerk edits it, then rendered by LibreOffice: text a clerk adds is
never hidden, and a step's text is one paragraph that wraps again."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest
from docx import Document as open_docx
from factories import big_sop
from office import convert

from sopdoc.backends.docx.document import render_docx
from sopdoc.drawing.document import Document, prepare

#: The procedure table's rows above the steps: the running line and the two header rows.
ROWS_ABOVE_STEPS = 3
KEGIATAN = 1
ADDED = " ".join(f"tambahan{i:02d}" for i in range(1, 31))  # 30 words a clerk types


@pytest.fixture(scope="module")
def document() -> Document:
    return prepare(big_sop(steps=12, actors=4, seed=3))


def _step_cell(word: object, document: Document, *, page: int, row: int) -> object:
    table = word.tables[-len(document.pages) + page]  # type: ignore[attr-defined]
    return table.rows[ROWS_ABOVE_STEPS + row].cells[KEGIATAN]


@pytest.fixture(scope="module")
def edited(document: Document, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The DOCX with 30 words added to the end of page 1's third step and words typed at
    the start of its second step, saved by python-docx and rendered by LibreOffice."""
    folder = tmp_path_factory.mktemp("edited")
    path = folder / "sop.docx"
    path.write_bytes(render_docx(document))
    word = open_docx(str(path))
    longer = _step_cell(word, document, page=0, row=2)
    paragraph = longer.paragraphs[-1]  # type: ignore[attr-defined]
    paragraph.runs[-1].text += " " + ADDED
    start = _step_cell(word, document, page=0, row=1)
    first = start.paragraphs[0]  # type: ignore[attr-defined]
    first.runs[0].text = "Segera dan dengan teliti " + first.runs[0].text
    word.save(str(path))
    convert([path], folder)
    return folder / "sop.pdf", first.runs[0].text


def test_each_step_item_is_one_paragraph(document: Document, tmp_path: Path) -> None:
    path = tmp_path / "sop.docx"
    path.write_bytes(render_docx(document))
    word = open_docx(str(path))
    for page, routed in enumerate(document.pages):
        for number, row in enumerate(routed.page.rows):
            cell = _step_cell(word, document, page=page, row=number)
            step = document.sop.step(row.number)
            texts = [p.text for p in cell.paragraphs]  # type: ignore[attr-defined]
            assert texts == [" ".join(item.split()) for item in step.kegiatan], row.number
            assert all("\n" not in t for t in texts)  # no line breaks Word cannot move


def test_thirty_added_words_are_all_printed(edited: tuple[Path, str]) -> None:
    pdf, _ = edited
    text = " ".join(page.get_text() for page in pymupdf.open(pdf))
    words = text.split()
    for i in range(1, 31):
        assert f"tambahan{i:02d}" in words, i  # the row grew: none is cut off


def test_words_typed_at_the_start_reflow_the_whole_step(
    edited: tuple[Path, str], document: Document
) -> None:
    pdf, typed = edited
    lines = []
    for page in pymupdf.open(pdf):
        for block in page.get_text("dict")["blocks"]:
            for line in block.get("lines", []):
                lines.append("".join(s["text"] for s in line["spans"]).strip())
    start = next(i for i, line in enumerate(lines) if line.startswith("Segera dan dengan"))
    joined = lines[start]
    i = start + 1
    while len(joined) < len(typed) and i < len(lines):
        joined += " " + lines[i]
        i += 1
    assert " ".join(joined.split()) == " ".join(typed.split())
    # Reflowed: the old first line's end no longer ends a line.
    old_first = document.pages[0].page.rows[1].cells
    kegiatan_lines = next(c for c in old_first if c.key.kind.value == "kegiatan").lines
    if len(kegiatan_lines) > 1:
        assert lines[start] != "Segera dan dengan teliti " + kegiatan_lines[0].text
