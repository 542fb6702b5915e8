"""The Buku SOP as DOCX: a cover, a Daftar Isi of PAGEREF fields, every SOP, the monitoring
form."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, Final

from sopdoc import words
from sopdoc.backends.docx import wml
from sopdoc.backends.docx.document import DEFAULT_TEMPLATE, SopWriter
from sopdoc.drawing.document import Document
from sopdoc.layout.book import BOOK_STYLE, column_widths

#: Book part -> first page, from the PDF's first pass.
Starts = dict[str, int]
#: The cell margins of the book's own tables, in points.
TABLE_MARGINS: Final = {"left": 4.0, "right": 4.0, "top": 3.0, "bottom": 3.0}
#: Space below a title, in points.
TITLE_AFTER: Final = 10.0
#: Empty lines above the cover's title.
COVER_LINES: Final = 6
#: The Daftar Isi's text size, and the monitoring form's.
TOC_SIZE: Final = 10.0
MONITORING_SIZE: Final = 9.0


def _title(text: str, *, font: str, size: float) -> str:
    run = wml.run(text, font=font, size=size, bold=True)
    return wml.paragraph(run, leading=None, after=TITLE_AFTER, center=True)


def _text_cell(text: str, *, width: float, font: str, size: float, bold: bool = False) -> str:
    content = wml.run(text, font=font, size=size, bold=bold) if text else ""
    return wml.cell(wml.paragraph(content, leading=None), width=wml.emu_twips(width))


def _table(rows: Sequence[str], widths: Sequence[float]) -> str:
    return wml.table(rows, widths=widths, cell_margins=TABLE_MARGINS)


def _toc(documents: Sequence[Document], *, widths: Sequence[float], starts: Starts) -> str:
    """The Daftar Isi: a row per SOP and one for the monitoring form, each page number a
    PAGEREF field to the part's bookmark."""
    font = documents[0].sop.agency.font
    header = [
        _text_cell(text, width=w, font=font, size=TOC_SIZE, bold=True)
        for text, w in zip(words.BOOK_TOC_HEADER, widths, strict=True)
    ]
    rows = [wml.row(header, height=None, header=True)]
    entries = [
        (d.sop.identity.nomor, d.sop.identity.nama, f"sop{i}") for i, d in enumerate(documents, 1)
    ]
    entries.append(("", words.BOOK_MONITORING_ROW, "monitoring"))
    for number, (nomor, nama, key) in enumerate(entries, start=1):
        cells = [
            _text_cell(str(number), width=widths[0], font=font, size=TOC_SIZE),
            _text_cell(nomor, width=widths[1], font=font, size=TOC_SIZE),
            _text_cell(nama, width=widths[2], font=font, size=TOC_SIZE),
        ]
        cached = starts.get(key, 0)
        field = wml.page_reference(
            _bookmark(key), str(cached) if cached else "", font=font, size=TOC_SIZE
        )
        cells.append(wml.cell(wml.paragraph(field, leading=None), width=wml.emu_twips(widths[3])))
        rows.append(wml.row(cells, height=None))
    return _table(rows, widths)


def _monitoring(documents: Sequence[Document], *, widths: Sequence[float]) -> str:
    """The monitoring form: NO, PROSEDUR, PENILAIAN (two choices), PENERAPAN (two columns)
    and CATATAN, a row per SOP."""
    font = documents[0].sop.agency.font
    header = words.BOOK_MONITORING_HEADER
    good, bad = words.BOOK_MONITORING_CHOICES

    def head(text: str, column: int, **merge: Any) -> str:
        run = wml.run(text, font=font, size=MONITORING_SIZE, bold=True)
        width = sum(widths[column : column + merge.get("span", 1)])
        return wml.cell(wml.paragraph(run, leading=None), width=wml.emu_twips(width), **merge)

    def below(column: int) -> str:
        return wml.cell(width=wml.emu_twips(widths[column]), merge="continue")

    top = [
        head(header[0], 0, merge="restart"),
        head(header[1], 1, merge="restart"),
        head(header[2], 2, span=2),
        *(head(header[c - 1], c, merge="restart") for c in (4, 5, 6)),
    ]
    second = [below(0), below(1), head(good, 2), head(bad, 3), below(4), below(5), below(6)]
    rows = [wml.row(top, height=None, header=True), wml.row(second, height=None, header=True)]
    for number, document in enumerate(documents, start=1):
        sop = document.sop
        cells = [
            _text_cell(str(number), width=widths[0], font=font, size=MONITORING_SIZE),
            _text_cell(
                f"{sop.identity.nama} ({sop.identity.nomor})",
                width=widths[1],
                font=font,
                size=MONITORING_SIZE,
            ),
            *(_text_cell("", width=w, font=font, size=MONITORING_SIZE) for w in widths[2:]),
        ]
        rows.append(wml.row(cells, height=None))
    return _table(rows, widths)


def _bookmark(key: str) -> str:
    return f"sopdoc_{key}"


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
    cover = SopWriter(first, template or DEFAULT_TEMPLATE)
    word = cover.word
    cover.page_setup()
    unit = first.sop.unit
    blocks = [wml.paragraph(leading=None) for _ in range(COVER_LINES)]
    blocks.append(_title(words.BOOK_TITLE, font=font, size=BOOK_STYLE.cover_size))
    blocks += [
        _title(line.upper(), font=font, size=BOOK_STYLE.heading_size) for line in first.sop.header
    ]
    blocks.append(_title(words.BOOK_YEAR.format(year=year), font=font, size=BOOK_STYLE.year_size))
    blocks += [wml.PAGE_BREAK, _title(words.BOOK_TOC, font=font, size=BOOK_STYLE.heading_size)]
    layout = first.layout
    width = layout.page_width - layout.style.margin_left - layout.style.margin_right
    blocks.append(
        _toc(documents, widths=column_widths(BOOK_STYLE.toc_shares, width), starts=starts)
    )
    for block in blocks:
        wml.add_block(word, block)
    flowcharts = [None] * len(documents) if pictures is None else list(pictures)
    for i, (document, flows) in enumerate(zip(documents, flowcharts, strict=True), start=1):
        writer = SopWriter(document, template or DEFAULT_TEMPLATE, pictures=flows, book=cover)
        writer.sop(bookmark=(_bookmark(f"sop{i}"), i))
    monitoring = _title(words.BOOK_MONITORING, font=font, size=BOOK_STYLE.heading_size)
    tail = [
        wml.PAGE_BREAK,
        wml.bookmarked(monitoring, _bookmark("monitoring"), len(documents) + 1),
        _monitoring(documents, widths=column_widths(BOOK_STYLE.monitoring_shares, width)),
    ]
    for block in tail:
        wml.add_block(word, block)
    return cover.finish(title=words.BOOK_TITLE, subject=unit, author=unit)
