"""The DOCX edited as a clerk edits it, then rendered by LibreOffice: text a clerk adds is
never hidden, and a step's text is one paragraph that wraps again."""

from __future__ import annotations

import copy
from pathlib import Path

import pymupdf
import pytest
from docx import Document as open_docx
from docx.oxml.ns import qn
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from factories import CONTOH, big_sop
from office import convert

from sopdoc import words
from sopdoc.backends.docx.document import render_docx
from sopdoc.backends.docx.numbering import list_format
from sopdoc.backends.docx.styles import Role
from sopdoc.drawing.document import Document, prepare
from sopdoc.layout.wrap import item_markers
from sopdoc.workbook import read_workbook

#: The procedure table's rows above the steps: the running line, the two header rows and the
#: flowchart's anchor row.
ROWS_ABOVE_STEPS = 4
KEGIATAN = 1
ADDED = " ".join(f"tambahan{i:02d}" for i in range(1, 31))  # 30 words a clerk types
#: 30 words added to the first step of a page, the row below the flowchart's anchor.
ADDED_FIRST = " ".join(f"pertama{i:02d}" for i in range(1, 31))


def is_list(items: list[str] | tuple[str, ...]) -> bool:
    """Whether a cell's items are a Word list: each has a marker, and they count on."""
    markers = [marker for marker, _ in item_markers(items)]
    return all(markers) and list_format(markers) is not None


def typed_text(items: list[str] | tuple[str, ...]) -> list[str]:
    """What each item's paragraph holds: without its marker when the items are a list."""
    if is_list(items):
        return [" ".join(rest.split()) for _, rest in item_markers(items)]
    return [" ".join(item.split()) for item in items]


@pytest.fixture(scope="module")
def document() -> Document:
    return prepare(big_sop(steps=12, actors=4, seed=3))


def _step_cell(word: object, document: Document, *, page: int, row: int) -> object:
    table = word.tables[-len(document.pages) + page]  # type: ignore[attr-defined]
    return table.rows[ROWS_ABOVE_STEPS + row].cells[KEGIATAN]


@pytest.fixture(scope="module")
def edited(document: Document, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The DOCX with 30 words added to the end of page 1's first and third steps and words
    typed at the start of its second step, saved by python-docx and rendered by LibreOffice."""
    folder = tmp_path_factory.mktemp("edited")
    path = folder / "sop.docx"
    path.write_bytes(render_docx(document))
    word = open_docx(str(path))
    longer = _step_cell(word, document, page=0, row=2)
    paragraph = longer.paragraphs[-1]  # type: ignore[attr-defined]
    paragraph.runs[-1].text += " " + ADDED
    top = _step_cell(word, document, page=0, row=0).paragraphs[-1]  # type: ignore[attr-defined]
    top.runs[-1].text += " " + ADDED_FIRST
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
            paragraphs = cell.paragraphs  # type: ignore[attr-defined]
            texts = [p.text for p in paragraphs]
            assert texts == typed_text(step.kegiatan), row.number
            assert all("\n" not in t for t in texts)  # no line breaks Word cannot move
            numbered = [p._p.pPr.numPr is not None for p in paragraphs]
            assert numbered == [is_list(step.kegiatan)] * len(paragraphs), row.number


def test_thirty_added_words_are_all_printed(edited: tuple[Path, str]) -> None:
    pdf, _ = edited
    text = " ".join(page.get_text() for page in pymupdf.open(pdf))
    words = text.split()
    for i in range(1, 31):
        assert f"tambahan{i:02d}" in words, i  # the row grew: none is cut off
        assert f"pertama{i:02d}" in words, i  # the first step's row too


def test_words_typed_at_the_start_reflow_the_whole_step(
    edited: tuple[Path, str], document: Document
) -> None:
    pdf, typed = edited
    lines = []
    for page in pymupdf.open(pdf):
        for block in page.get_text("dict")["blocks"]:
            for line in block.get("lines", []):
                lines.append("".join(s["text"] for s in line["spans"]).strip())
    # A list item's number or bullet is a label of its own before the text.
    lines = [line.lstrip("-–•\t ") for line in lines]
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


NEW_BASIS = "Peraturan Bupati Lumajang Nomor 9 Tahun 2021 tentang Uji Coba Layanan;"
#: A font LibreOffice has that no SOP of the corpus uses.
NEW_FONT = "DejaVu Sans"


@pytest.fixture(scope="module")
def restyled(tmp_path_factory: pytest.TempPathFactory) -> tuple[Document, Path, Path]:
    """The example SOP's DOCX with a Dasar Hukum item added after the last as Word adds one
    (Enter at the end of an item: a paragraph with the item's properties) and the step
    text's style set to another font in the Styles pane; saved by python-docx and rendered
    by LibreOffice. Returns the document, the edited DOCX and its rendering."""
    document = prepare(read_workbook(CONTOH).sops[0])
    folder = tmp_path_factory.mktemp("restyled")
    path = folder / "sop.docx"
    path.write_bytes(render_docx(document))
    word = open_docx(str(path))
    last = document.sop.sections.dasar_hukum.items[-1]
    _, rest = item_markers([last])[0]
    paragraph = next(p for c in _cells(word.tables[0]) for p in c.paragraphs if p.text == rest)
    added = copy.deepcopy(paragraph._p)
    for run in added.findall(qn("w:r"))[1:]:
        added.remove(run)
    paragraph._p.addnext(added)
    new = Paragraph(added, paragraph._parent)
    new.runs[0].text = NEW_BASIS
    word.styles[words.DOC_STYLE_NAMES[Role.STEP.value]].font.name = NEW_FONT
    word.save(str(path))
    convert([path], folder)
    return document, path, folder / "sop.pdf"


def _cells(table: Table) -> list[_Cell]:
    return [cell for row in table.rows for cell in row.cells]


def test_an_added_dasar_hukum_item_gets_the_next_number(
    restyled: tuple[Document, Path, Path],
) -> None:
    document, _, pdf = restyled
    count = len(document.sop.sections.dasar_hukum.items)
    lines = [
        "".join(span["text"] for span in line["spans"])
        for block in pymupdf.open(pdf)[0].get_text("dict")["blocks"]
        for line in block.get("lines", [])
    ]
    found = [line for line in lines if NEW_BASIS.split()[2] in line and "Bupati" in line]
    assert found, lines
    number, _, text = found[0].partition(" ")
    assert number.strip() == f"{count + 1}.", found[0]
    assert text.strip().startswith(NEW_BASIS[:30])


def test_the_step_style_restyles_every_step_and_nothing_else(
    restyled: tuple[Document, Path, Path],
) -> None:
    """No run carries its own font: changing the step style's font changes every step's
    text, and only the steps'."""
    document, path, pdf = restyled
    word = open_docx(str(path))
    for table in word.tables:
        for cell in _cells(table):
            for paragraph in cell.paragraphs:
                assert all(run.font.name is None for run in paragraph.runs)
    layout = document.layout
    lanes = layout.lanes[0].x, layout.lanes[-1].right
    fonts: dict[str, set[str]] = {"step": set(), "other": set()}
    rendered = pymupdf.open(pdf)
    first = len(rendered) - len(layout.pages)
    for number, page in enumerate(rendered):
        rows = layout.pages[number - first].rows if number >= first else ()
        top, bottom = (rows[0].box.y, rows[-1].box.bottom) if rows else (0.0, 0.0)
        for block in page.get_text("dict")["blocks"]:
            for line in block.get("lines", []):
                x0, y0, _, y1 = line["bbox"]
                if not "".join(s["text"] for s in line["spans"]).strip():
                    continue
                in_rows = top <= (y0 + y1) / 2 <= bottom
                if in_rows and lanes[0] <= x0 < lanes[1]:
                    continue  # the flowchart's labels, drawn in their own font
                font = line["spans"][-1]["font"]
                fonts["step" if in_rows else "other"].add(font)
    assert fonts["step"] == {"DejaVuSans"}, fonts
    assert fonts["other"], fonts
    assert not any("DejaVu" in f for f in fonts["other"]), fonts
