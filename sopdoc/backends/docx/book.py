"""The Buku SOP as DOCX: the book's own pages (``layout.book``) with a Daftar Isi of PAGEREF
fields, and every SOP."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Final

from sopdoc import words
from sopdoc.backends.docx import wml
from sopdoc.backends.docx.document import DEFAULT_TEMPLATE, HEADER_FILL, SopWriter
from sopdoc.backends.docx.ooxml import inline_picture_run
from sopdoc.drawing.document import Document
from sopdoc.layout.book import (
    CELL_PAD_X,
    CELL_PAD_Y,
    MONITORING_PART,
    TABLE_TEXT,
    TITLE_GAP,
    BookTable,
    HeadCell,
    TitleLine,
    book_pages,
    book_part,
)
from sopdoc.units import to_emu

#: Book part -> first page, from the PDF's first pass.
Starts = dict[str, int]
#: The prefix of the book's bookmarks (``sopdoc_sop1``, ``sopdoc_monitoring``).
BOOKMARK: Final = "sopdoc_"


def _title(line: TitleLine, *, font: str, after: float = 0.0) -> str:
    """A centred bold title line."""
    run = wml.run(line.text, font=font, size=line.size, bold=True)
    return wml.paragraph(run, leading=None, before=line.before, after=after, align="center")


def _table(table: BookTable, *, font: str, starts: Starts | None = None) -> str:
    """A book table: its header rows (repeated on every page) with their spans, then a row
    per entry (with room below its text to write in); with ``starts``, the last column
    holds PAGEREF fields to the rows' book parts."""
    widths = table.widths
    covering: dict[tuple[int, int], HeadCell] = {}
    for cell in table.header:
        for row in range(cell.row, cell.row + cell.rows):
            covering[(row, cell.column)] = cell
    rows = []
    for number in range(table.header_rows):
        cells = []
        column = 0
        while column < len(widths):
            head = covering.get((number, column))
            span = head.span if head is not None else 1
            width = wml.emu_twips(sum(widths[column : column + span]))
            if head is None:
                cells.append(wml.cell(width=width, fill=HEADER_FILL))
            elif head.row == number:
                run = wml.run(head.text, font=font, size=TABLE_TEXT, bold=True)
                merge: wml.VerticalMerge | None = "restart" if head.rows > 1 else None
                cells.append(
                    wml.cell(
                        wml.paragraph(run, leading=None),
                        width=width,
                        span=span,
                        merge=merge,
                        fill=HEADER_FILL,
                        valign="center",
                    )
                )
            else:
                cells.append(wml.cell(width=width, span=span, merge="continue", fill=HEADER_FILL))
            column += span
        rows.append(wml.row(cells, height=None, header=True))
    room = {"bottom": CELL_PAD_Y + table.room}
    for number, entry in enumerate(table.rows):
        contents = [wml.run(text, font=font, size=TABLE_TEXT) if text else "" for text in entry]
        if starts is not None and table.refs:
            cached = starts.get(table.refs[number], 0)
            contents[-1] = wml.page_reference(
                BOOKMARK + table.refs[number],
                str(cached) if cached else "",
                font=font,
                size=TABLE_TEXT,
            )
        cells = [
            wml.cell(
                wml.paragraph(content, leading=None),
                width=wml.emu_twips(width),
                valign="center",
                cell_margins=room if table.room else None,
            )
            for content, width in zip(contents, widths, strict=True)
        ]
        rows.append(wml.row(cells, height=None))
    margins = {"left": CELL_PAD_X, "right": CELL_PAD_X, "top": CELL_PAD_Y, "bottom": CELL_PAD_Y}
    return wml.table(rows, widths=widths, cell_margins=margins)


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
    layout = first.layout
    width = layout.page_width - layout.style.margin_left - layout.style.margin_right
    pages = book_pages([d.sop for d in documents], year=year, width=width)
    wml.add_block(word, wml.paragraph(leading=pages.cover_top))
    logo = first.logo
    pixels = first.sop.agency.logo_pixels
    if logo is not None and pixels is not None:
        height = to_emu(pages.logo_height)
        size = (round(height * pixels[0] / pixels[1]), height)
        paragraph = wml.add_block(
            word, wml.paragraph(leading=None, after=pages.logo_gap, align="center")
        )
        paragraph.append(inline_picture_run(word, logo, size=size, ident=cover.next_picture_id()))
    blocks = [_title(line, font=font) for line in pages.cover]
    blocks += [wml.PAGE_BREAK, _title(pages.toc.title, font=font, after=TITLE_GAP)]
    blocks.append(_table(pages.toc, font=font, starts=starts))
    for block in blocks:
        wml.add_block(word, block)
    flowcharts = [None] * len(documents) if pictures is None else list(pictures)
    for i, (document, flows) in enumerate(zip(documents, flowcharts, strict=True), start=1):
        writer = SopWriter(document, template or DEFAULT_TEMPLATE, pictures=flows, book=cover)
        writer.sop(bookmark=(BOOKMARK + book_part(i), i))
    title = _title(pages.monitoring.title, font=font, after=TITLE_GAP)
    tail = [
        wml.PAGE_BREAK,
        wml.bookmarked(title, BOOKMARK + MONITORING_PART, len(documents) + 1),
        _table(pages.monitoring, font=font),
    ]
    for block in tail:
        wml.add_block(word, block)
    return cover.finish(title=words.BOOK_TITLE, subject=unit, author=unit)
