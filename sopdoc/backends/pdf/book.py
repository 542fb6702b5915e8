"""The Buku SOP as PDF: a cover, a Daftar Isi with real page numbers, every SOP, the
monitoring form."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any, Final

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Image, PageBreak, Paragraph, Spacer, Table, TableStyle

from sopdoc import words
from sopdoc.backends.pdf.canvas import HEADER_FILL
from sopdoc.backends.pdf.document import GRID_WIDTH
from sopdoc.backends.pdf.story import Styles, build_pdf, markup, sop_story
from sopdoc.drawing.document import Document
from sopdoc.layout.book import (
    CELL_PAD_X,
    CELL_PAD_Y,
    MONITORING_PART,
    TABLE_TEXT,
    TITLE_GAP,
    BookPages,
    BookTable,
    TitleLine,
    book_pages,
    book_part,
)
from sopdoc.model import Agency
from sopdoc.units import Pt

#: Book part -> first page: the Daftar Isi reads it from the first pass.
Starts = dict[str, int]
#: The header cells' shading, the SOP pages' own.
HEADER_COLOR: Final = colors.Color(*HEADER_FILL)


class _Mark(Flowable):  # type: ignore[misc]
    """Records on which page it is drawn: where a part of the book starts."""

    def __init__(self, key: str, starts: Starts) -> None:
        super().__init__()
        self.key = key
        self.starts = starts

    def wrap(self, avail_width: Pt, avail_height: Pt) -> tuple[Pt, Pt]:
        return (0, 0)

    def draw(self) -> None:
        self.starts.setdefault(self.key, self.canv.getPageNumber())


def _centred(styles: Styles, size: float) -> ParagraphStyle:
    return ParagraphStyle(
        f"c{size}", parent=styles.kop, fontSize=size, leading=size * 1.25, alignment=TA_CENTER
    )


def _title(line: TitleLine, styles: Styles) -> list[Flowable]:
    story: list[Flowable] = [Spacer(1, line.before)] if line.before else []
    text = markup(line.text, styles.font, bold=True)
    return [*story, Paragraph(text, _centred(styles, line.size))]


def _cover(pages: BookPages, agency: Agency, styles: Styles) -> list[Flowable]:
    story: list[Flowable] = [Spacer(1, pages.cover_top)]
    if agency.logo is not None:
        try:
            image = Image(str(agency.logo))
            scale = pages.logo_height / image.drawHeight
            image.drawHeight *= scale
            image.drawWidth *= scale
            story += [image, Spacer(1, pages.logo_gap)]
        except OSError:
            pass
    for line in pages.cover:
        story += _title(line, styles)
    return story


def _table(table: BookTable, styles: Styles, starts: Starts) -> list[Flowable]:
    """A book table with its title; the Daftar Isi's last column shows ``starts``."""
    text = ParagraphStyle("book", parent=styles.text, fontSize=TABLE_TEXT, leading=TABLE_TEXT * 1.2)
    label = ParagraphStyle("book-label", parent=text, fontName=styles.label.fontName)
    columns = len(table.widths)
    head: list[list[Any]] = [[""] * columns for _ in range(table.header_rows)]
    spans = []
    for cell in table.header:
        head[cell.row][cell.column] = styles.para(cell.text, label)
        if cell.span > 1 or cell.rows > 1:
            last = (cell.column + cell.span - 1, cell.row + cell.rows - 1)
            spans.append(("SPAN", (cell.column, cell.row), last))
    rows: list[list[Any]] = list(head)
    for number, row in enumerate(table.rows):
        texts = list(row)
        if table.refs:
            page = starts.get(table.refs[number], 0)
            texts[-1] = str(page) if page else ""
        rows.append([styles.para(t, text) if t else "" for t in texts])
    grid = Table(rows, colWidths=list(table.widths), repeatRows=table.header_rows)
    grid.setStyle(
        TableStyle(
            [
                # The table's own font (reportlab's default is an unembedded Helvetica, named
                # in the file though no cell draws with it).
                ("FONTNAME", (0, 0), (-1, -1), styles.text.fontName),
                ("GRID", (0, 0), (-1, -1), GRID_WIDTH, colors.black),
                ("BACKGROUND", (0, 0), (-1, table.header_rows - 1), HEADER_COLOR),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD_X),
                ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD_X),
                ("TOPPADDING", (0, 0), (-1, -1), CELL_PAD_Y),
                ("BOTTOMPADDING", (0, 0), (-1, -1), CELL_PAD_Y),
                ("BOTTOMPADDING", (0, table.header_rows), (-1, -1), CELL_PAD_Y + table.room),
                *spans,
            ]
        )
    )
    return [*_title(table.title, styles), Spacer(1, TITLE_GAP), grid]


class _BookStory:
    """Makes the book's flowables; ``found`` holds where each part started once drawn."""

    def __init__(self, documents: Sequence[Document], *, year: int, starts: Starts) -> None:
        self.documents = documents
        self.year = year
        self.starts = starts
        self.found: Starts = {}

    def __call__(self, styles: Styles, width: Pt) -> list[Flowable]:
        sops = [document.sop for document in self.documents]
        pages = book_pages(sops, year=self.year, width=width)
        parts: list[Flowable] = [*_cover(pages, sops[0].agency, styles), PageBreak()]
        parts += [*_table(pages.toc, styles, self.starts), PageBreak()]
        for i, document in enumerate(self.documents, start=1):
            parts += [
                _Mark(book_part(i), self.found),
                *sop_story(document, styles, width),
                PageBreak(),
            ]
        parts += [_Mark(MONITORING_PART, self.found), *_table(pages.monitoring, styles, {})]
        return parts


def render_book_pdf(documents: Sequence[Document], *, year: int) -> tuple[bytes, Starts]:
    """The Buku SOP, and the page on which each part starts (``sop1``..., ``monitoring``).

    Two passes: the first finds where each SOP starts, the second prints those pages in the
    Daftar Isi (whose length does not change between the passes).
    """
    first = documents[0]
    unit = first.sop.unit
    build = functools.partial(
        build_pdf, layout=first.layout, font=first.font, title=words.BOOK_TITLE, subject=unit
    )
    probe = _BookStory(documents, year=year, starts={})
    _, total = build(probe, author=unit, total=0)
    final = _BookStory(documents, year=year, starts=dict(probe.found))
    data, _ = build(final, author=unit, total=total)
    return data, final.found
