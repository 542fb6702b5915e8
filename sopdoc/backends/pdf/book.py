"""The Buku SOP as PDF: a cover, a Daftar Isi with real page numbers, every SOP, the
monitoring form."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Image, PageBreak, Paragraph, Spacer, Table, TableStyle

from sopdoc import words
from sopdoc.backends.pdf.document import GRID_WIDTH
from sopdoc.backends.pdf.story import Styles, build_pdf, markup, sop_story
from sopdoc.drawing.document import Document
from sopdoc.layout.book import BOOK_STYLE, column_widths
from sopdoc.model import Agency
from sopdoc.units import Pt, mm

#: Book part -> first page: the Daftar Isi reads it from the first pass.
Starts = dict[str, int]


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


def _cover(agency: Agency, header: Sequence[str], year: int, styles: Styles) -> list[Flowable]:
    story: list[Flowable] = [Spacer(1, mm(30))]
    if agency.logo is not None:
        try:
            image = Image(str(agency.logo))
            scale = mm(35) / image.drawHeight
            image.drawHeight *= scale
            image.drawWidth *= scale
            story += [image, Spacer(1, mm(8))]
        except OSError:
            pass
    story.append(
        Paragraph(
            markup(words.BOOK_TITLE, styles.font, bold=True),
            _centred(styles, BOOK_STYLE.cover_size),
        )
    )
    story.append(Spacer(1, mm(10)))
    for line in header:
        story.append(
            Paragraph(
                markup(line.upper(), styles.font, bold=True),
                _centred(styles, BOOK_STYLE.heading_size),
            )
        )
    story.append(Spacer(1, mm(8)))
    story.append(
        Paragraph(
            markup(words.BOOK_YEAR.format(year=year), styles.font, bold=True),
            _centred(styles, BOOK_STYLE.year_size),
        )
    )
    return story


def _grid(
    rows: list[list[Any]], widths: list[float], *, styles: Styles, header_rows: int = 1
) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=header_rows)
    table.setStyle(
        TableStyle(
            [
                # The table's own font (reportlab's default is an unembedded Helvetica, named
                # in the file though no cell draws with it).
                ("FONTNAME", (0, 0), (-1, -1), styles.text.fontName),
                ("GRID", (0, 0), (-1, -1), GRID_WIDTH, colors.black),
                ("BACKGROUND", (0, 0), (-1, header_rows - 1), colors.Color(0.851, 0.886, 0.953)),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return table


def _toc(
    documents: Sequence[Document], starts: Starts, styles: Styles, width: Pt
) -> list[Flowable]:
    head = [styles.para(text, styles.label) for text in words.BOOK_TOC_HEADER]
    rows: list[list[Any]] = [head]
    for i, document in enumerate(documents, start=1):
        page = starts.get(f"sop{i}", 0)
        rows.append(
            [
                styles.para(str(i), styles.text),
                styles.para(document.sop.identity.nomor, styles.text),
                styles.para(document.sop.identity.nama, styles.text),
                styles.para(str(page) if page else "", styles.text),
            ]
        )
    monitoring = starts.get("monitoring", 0)
    rows.append(
        [
            styles.para(str(len(documents) + 1), styles.text),
            "",
            styles.para(words.BOOK_MONITORING_ROW, styles.text),
            styles.para(str(monitoring) if monitoring else "", styles.text),
        ]
    )
    title = Paragraph(
        markup(words.BOOK_TOC, styles.font, bold=True), _centred(styles, BOOK_STYLE.heading_size)
    )
    widths = column_widths(BOOK_STYLE.toc_shares, width)
    return [title, Spacer(1, mm(6)), _grid(rows, widths, styles=styles)]


def _monitoring(documents: Sequence[Document], styles: Styles, width: Pt) -> list[Flowable]:
    header = words.BOOK_MONITORING_HEADER
    good, bad = words.BOOK_MONITORING_CHOICES
    top = [
        styles.para(header[0], styles.label),
        styles.para(header[1], styles.label),
        styles.para(header[2], styles.label),
        "",
        styles.para(header[3], styles.label),
        styles.para(header[4], styles.label),
        styles.para(header[5], styles.label),
    ]
    sub = ["", "", styles.para(good, styles.label), styles.para(bad, styles.label), "", "", ""]
    rows: list[list[Any]] = [top, sub]
    for i, document in enumerate(documents, start=1):
        sop = document.sop
        rows.append(
            [
                styles.para(str(i), styles.text),
                styles.para(f"{sop.identity.nama} ({sop.identity.nomor})", styles.text),
                "",
                "",
                "",
                "",
                "",
            ]
        )
    widths = column_widths(BOOK_STYLE.monitoring_shares, width)
    table = _grid(rows, widths, styles=styles, header_rows=2)
    table.setStyle(
        TableStyle(
            [("SPAN", (2, 0), (3, 0))]
            + [("SPAN", (c, 0), (c, 1)) for c in (0, 1, 4, 5, 6)]
            + [("ROWBACKGROUNDS", (0, 2), (-1, -1), [colors.white])]
            + [("BOTTOMPADDING", (0, 2), (-1, -1), 14)]
        )
    )
    title = Paragraph(
        markup(words.BOOK_MONITORING, styles.font, bold=True),
        _centred(styles, BOOK_STYLE.heading_size),
    )
    return [title, Spacer(1, mm(6)), table]


class _BookStory:
    """Makes the book's flowables; ``found`` holds where each part started once drawn."""

    def __init__(self, documents: Sequence[Document], *, year: int, starts: Starts) -> None:
        self.documents = documents
        self.year = year
        self.starts = starts
        self.found: Starts = {}

    def __call__(self, styles: Styles, width: Pt) -> list[Flowable]:
        first = self.documents[0].sop
        parts: list[Flowable] = [
            *_cover(first.agency, first.header, self.year, styles),
            PageBreak(),
        ]
        parts += [*_toc(self.documents, self.starts, styles, width), PageBreak()]
        for i, document in enumerate(self.documents, start=1):
            parts += [
                _Mark(f"sop{i}", self.found),
                *sop_story(document, styles, width),
                PageBreak(),
            ]
        parts += [_Mark("monitoring", self.found), *_monitoring(self.documents, styles, width)]
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
