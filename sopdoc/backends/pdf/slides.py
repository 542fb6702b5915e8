"""The swimlane slides of one SOP as one vector PDF (the PNG pictures are rasterized from it)."""

from __future__ import annotations

import io

from sopdoc import words
from sopdoc.backends.pdf.canvas import HEADER_FILL, PageCanvas, draw_scene
from sopdoc.backends.pdf.fonts import use_fonts
from sopdoc.drawing.document import Diagram
from sopdoc.layout import Span


def render_slides_pdf(d: Diagram, *, compress: bool = True) -> bytes:
    """All slide pages of one SOP as one vector PDF, fonts embedded; without ``compress``,
    its page streams are left uncompressed (a PDF only read back at once, to rasterize)."""
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(
        buffer,
        pagesize=(d.layout.page_width, d.layout.page_height),
        invariant=True,
        pageCompression=int(compress),
        initialFontName=use_fonts(d.font),  # no unembedded Helvetica in the file
        lang=words.DOC_LANGUAGE,
    )
    canvas.setTitle(d.sop.identity.nama)
    canvas.setSubject(d.sop.identity.nomor)
    canvas.setAuthor(d.sop.unit)
    canvas.setCreator("sopdoc")
    page_canvas = PageCanvas(canvas, page_height=d.layout.page_height, font=d.font)
    for routed in d.pages:
        canvas.setLineWidth(0.6)
        canvas.setStrokeColorRGB(0.5, 0.5, 0.5)
        for cell in routed.page.header:
            if cell.key is Span.TITLE:
                for line in cell.lines:
                    page_canvas.text(line)
                continue
            page_canvas.cell(cell, fill=HEADER_FILL)
        draw_scene(page_canvas, routed.scene)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()
