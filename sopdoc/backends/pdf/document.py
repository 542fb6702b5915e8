"""The official SOP document as PDF, drawn natively with reportlab from the shared layout."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any, Final

from reportlab.pdfgen.canvas import Canvas

from sopdoc import words
from sopdoc.backends.pdf.canvas import HEADER_FILL, PageCanvas, draw_scene
from sopdoc.backends.pdf.fonts import pdf_font, use_fonts
from sopdoc.backends.pdf.identity import draw_identity_page
from sopdoc.drawing.document import Document
from sopdoc.drawing.pages import RoutedPage
from sopdoc.layout import Box, ProcedureLayout
from sopdoc.layout.fonts import FontMetrics

TEXT_SIZE: Final = 10.0
FOOTER_SIZE: Final = 8.0
GRID_WIDTH: Final = 0.6


def draw_procedure_page(
    canvas: Any, layout: ProcedureLayout, routed: RoutedPage, font: FontMetrics
) -> None:
    """The table (header, grid, text) and the flowchart of one page."""
    canvas.saveState()
    page = PageCanvas(canvas, page_height=layout.page_height, font=font)
    canvas.setLineWidth(GRID_WIDTH)
    canvas.setStrokeColorRGB(0, 0, 0)
    if layout.running is not None:
        for line in layout.running.lines:
            page.text(line)
    for cell in routed.page.header:
        page.cell(cell, fill=HEADER_FILL)
    for row in routed.page.rows:
        for column in layout.columns:
            page.rect(Box(column.x, row.box.y, column.width, row.box.height))
        for cell in row.cells:
            for line in cell.lines:
                page.text(line)
    draw_scene(page, routed.scene)
    canvas.restoreState()


def footer(
    canvas: Any, page: int, *, layout: ProcedureLayout, font: FontMetrics, total: int
) -> None:
    """'Halaman X dari Y' right-aligned in the layout's footer box."""
    text = words.DOC_PAGE_NUMBER.format(page=page, total=total)
    canvas.saveState()
    canvas.setFont(pdf_font(font), FOOTER_SIZE)
    box = layout.footer
    baseline = layout.page_height - (box.bottom - font.descent(FOOTER_SIZE))
    canvas.drawRightString(box.right, baseline, text)
    canvas.restoreState()


def render_pdf(document: Document) -> bytes:
    """The whole SOP document: identity page(s), then the procedure pages, each drawn where
    its layout puts everything (every page and the page count are known beforehand)."""
    sop, layout, font = document.sop, document.layout, document.font
    buffer = io.BytesIO()
    canvas = Canvas(
        buffer,
        pagesize=(layout.page_width, layout.page_height),
        invariant=1,
        initialFontName=use_fonts(font),
        lang=words.DOC_LANGUAGE,
    )
    canvas.setTitle(sop.identity.nama)
    canvas.setSubject(sop.identity.nomor)
    canvas.setAuthor(sop.unit)
    canvas.setKeywords(
        words.DOC_KEYWORDS.format(nomor=sop.identity.nomor, issuer=" ".join(sop.issuer))
    )
    canvas.setCreator("sopdoc")
    canvas.setProducer("sopdoc")
    total = identity_page_count(document) + len(document.pages)
    number = 0
    for page in document.identity.pages:
        draw_identity_page(
            canvas,
            document.identity,
            page,
            font=font,
            logo=document.logo,
            grid_width=GRID_WIDTH,
        )
        number += 1
        footer(canvas, number, layout=layout, font=font, total=total)
        canvas.showPage()
    for routed in document.pages:
        draw_procedure_page(canvas, layout, routed, font)
        number += 1
        footer(canvas, number, layout=layout, font=font, total=total)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def identity_page_count(document: Document) -> int:
    """How many pages the identity part takes: the layout's page count."""
    return len(document.identity.pages)


__all__: Sequence[str] = ("identity_page_count", "render_pdf")
