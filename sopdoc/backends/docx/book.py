"""The Buku SOP as DOCX: a cover, a Daftar Isi of PAGEREF fields, every SOP, the monitoring
form."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt as DocxPt

from sopdoc import words
from sopdoc.backends.docx.document import DEFAULT_TEMPLATE, SopWriter
from sopdoc.backends.docx.ooxml import add_run, table_geometry
from sopdoc.backends.docx.package import empty_document
from sopdoc.drawing.document import Document
from sopdoc.layout.book import BOOK_STYLE, column_widths

#: Book part -> first page, from the PDF's first pass.
Starts = dict[str, int]


def _bookmark(paragraph: Any, name: str, ident: int) -> None:
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), str(ident))
    start.set(qn("w:name"), name)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), str(ident))
    properties = paragraph._p.pPr
    if properties is not None:  # w:pPr stays the paragraph's first child
        properties.addnext(start)
    else:
        paragraph._p.insert(0, start)
    paragraph._p.append(end)


def _pageref(paragraph: Any, bookmark: str, cached: int, *, font: str, size: float) -> None:
    """A PAGEREF field to ``bookmark`` showing ``cached`` until Word or LibreOffice updates it."""

    def field_char(kind: str) -> Any:
        run = OxmlElement("w:r")
        char = OxmlElement("w:fldChar")
        char.set(qn("w:fldCharType"), kind)
        run.append(char)
        return run

    paragraph._p.append(field_char("begin"))
    instr_run = OxmlElement("w:r")
    instr = OxmlElement("w:instrText")
    instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    instr.text = f" PAGEREF {bookmark} \\h "
    instr_run.append(instr)
    paragraph._p.append(instr_run)
    paragraph._p.append(field_char("separate"))
    add_run(paragraph, str(cached) if cached else "", font=font, size=size)
    paragraph._p.append(field_char("end"))


def _docx_table(word: Any, rows: int, widths: list[float]) -> Any:
    table = word.add_table(rows=rows, cols=len(widths))
    table_geometry(table, widths=widths, margins={"left": 4, "right": 4, "top": 3, "bottom": 3})
    return table


def _cell(cell: Any, text: str, *, font: str, bold: bool = False, size: float = 10.0) -> Any:
    paragraph = cell.paragraphs[0]
    add_run(paragraph, text, font=font, size=size, bold=bold)
    return paragraph


def _title(word: Any, text: str, *, font: str, size: float) -> None:
    paragraph = word.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.space_after = DocxPt(10)
    add_run(paragraph, text, font=font, size=size, bold=True)


def render_book_docx(
    documents: Sequence[Document],
    *,
    pictures: Sequence[Sequence[bytes]] | None = None,
    year: int,
    starts: Starts,
    template: Path | None = None,
) -> bytes:
    """The Buku SOP as DOCX; the Daftar Isi holds PAGEREF fields to each SOP's bookmark.

    The flowcharts are Word shapes, or with ``pictures`` (each document's flowchart
    pictures, one per procedure page) locked pictures.
    """
    first = documents[0]
    font = first.sop.agency.font
    word = empty_document(template or DEFAULT_TEMPLATE)
    cover = SopWriter(first, template or DEFAULT_TEMPLATE, word=word)
    cover.page_setup()
    unit = first.sop.unit
    for _ in range(6):
        word.add_paragraph()
    _title(word, words.BOOK_TITLE, font=font, size=BOOK_STYLE.cover_size)
    for line in first.sop.header:
        _title(word, line.upper(), font=font, size=BOOK_STYLE.heading_size)
    _title(word, words.BOOK_YEAR.format(year=year), font=font, size=BOOK_STYLE.year_size)
    cover.page_break()
    _title(word, words.BOOK_TOC, font=font, size=BOOK_STYLE.heading_size)
    width = (
        first.layout.page_width - first.layout.style.margin_left - first.layout.style.margin_right
    )
    toc = _docx_table(word, len(documents) + 2, column_widths(BOOK_STYLE.toc_shares, width))
    for c, text in enumerate(words.BOOK_TOC_HEADER):
        _cell(toc.cell(0, c), text, font=font, bold=True)
    entries = [
        (d.sop.identity.nomor, d.sop.identity.nama, f"sop{i}") for i, d in enumerate(documents, 1)
    ]
    entries.append(("", words.BOOK_MONITORING_ROW, "monitoring"))
    for r, (nomor, nama, key) in enumerate(entries, start=1):
        _cell(toc.cell(r, 0), str(r), font=font)
        _cell(toc.cell(r, 1), nomor, font=font)
        _cell(toc.cell(r, 2), nama, font=font)
        _pageref(
            toc.cell(r, 3).paragraphs[0], f"sopdoc_{key}", starts.get(key, 0), font=font, size=10
        )
    flowcharts = [None] * len(documents) if pictures is None else list(pictures)
    for i, (document, flows) in enumerate(zip(documents, flowcharts, strict=True), start=1):
        writer = SopWriter(document, template or DEFAULT_TEMPLATE, pictures=flows, word=word)
        before = len(word.tables)
        writer.sop()
        _bookmark(word.tables[before].cell(0, 1).paragraphs[0], f"sopdoc_sop{i}", i)
    cover.page_break()
    _title(word, words.BOOK_MONITORING, font=font, size=BOOK_STYLE.heading_size)
    _bookmark(word.paragraphs[-1], "sopdoc_monitoring", len(documents) + 1)
    widths = column_widths(BOOK_STYLE.monitoring_shares, width)
    table = _docx_table(word, len(documents) + 2, widths)
    header = words.BOOK_MONITORING_HEADER
    good, bad = words.BOOK_MONITORING_CHOICES
    for c in (0, 1, 4, 5, 6):
        merged = table.cell(0, c).merge(table.cell(1, c))
        _cell(merged, header[c if c < 3 else c - 1], font=font, bold=True, size=9)
    assessment = table.cell(0, 2).merge(table.cell(0, 3))
    _cell(assessment, header[2], font=font, bold=True, size=9)
    _cell(table.cell(1, 2), good, font=font, bold=True, size=9)
    _cell(table.cell(1, 3), bad, font=font, bold=True, size=9)
    for r, document in enumerate(documents, start=2):
        sop = document.sop
        _cell(table.cell(r, 0), str(r - 1), font=font, size=9)
        _cell(table.cell(r, 1), f"{sop.identity.nama} ({sop.identity.nomor})", font=font, size=9)
    return cover.finish(title=words.BOOK_TITLE, subject=unit, author=unit)
