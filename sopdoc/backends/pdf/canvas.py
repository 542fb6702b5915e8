"""A page's scene and table cells drawn on a reportlab canvas as vectors (points, y down)."""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from typing import Any

from reportlab.pdfbase import pdfmetrics

from sopdoc.backends.pdf.fonts import pdf_font, use_fonts
from sopdoc.drawing.pages import RoutedPage
from sopdoc.drawing.scene import Label, Scene, Shape
from sopdoc.layout import Box, PlacedLine, TextCell
from sopdoc.layout.fonts import FontMetrics
from sopdoc.units import Pt

HEADER_FILL = (0.851, 0.886, 0.953)  # #D9E2F3
#: An underline's distance below the baseline and its thickness, as shares of the font size.
UNDERLINE_OFFSET = 0.11
UNDERLINE_WIDTH = 0.06


class PageCanvas:
    """A reportlab canvas addressed in layout coordinates (origin top-left, y down)."""

    def __init__(self, canvas: Any, *, page_height: Pt, font: FontMetrics) -> None:
        self.canvas = canvas
        self.height = page_height
        self.font = font

    def y(self, y: Pt) -> Pt:
        return self.height - y

    def rect(
        self,
        box: Box,
        *,
        fill: tuple[float, float, float] | None = None,
        stroke: bool = True,
        radius: Pt = 0.0,
    ) -> None:
        c = self.canvas
        if fill is not None:
            c.setFillColorRGB(*fill)
        if radius:
            c.roundRect(
                box.x,
                self.y(box.bottom),
                box.width,
                box.height,
                radius,
                stroke=int(stroke),
                fill=int(fill is not None),
            )
        else:
            c.rect(
                box.x,
                self.y(box.bottom),
                box.width,
                box.height,
                stroke=int(stroke),
                fill=int(fill is not None),
            )
        c.setFillColorRGB(0, 0, 0)

    def polygon(
        self, points: Iterable[tuple[Pt, Pt]], *, fill: tuple[float, float, float] | None = None
    ) -> None:
        c = self.canvas
        if fill is not None:
            c.setFillColorRGB(*fill)
        path = c.beginPath()
        first = True
        for x, y in points:
            if first:
                path.moveTo(x, self.y(y))
                first = False
            else:
                path.lineTo(x, self.y(y))
        path.close()
        c.drawPath(path, stroke=1, fill=int(fill is not None))
        c.setFillColorRGB(0, 0, 0)

    def polyline(self, points: Iterable[tuple[Pt, Pt]]) -> None:
        c = self.canvas
        path = c.beginPath()
        for i, (x, y) in enumerate(points):
            if i == 0:
                path.moveTo(x, self.y(y))
            else:
                path.lineTo(x, self.y(y))
        c.drawPath(path, stroke=1, fill=0)

    def text(self, line: PlacedLine) -> None:
        """A placed line, switching to the fallback font for characters the font lacks."""
        x = line.x
        for name, piece in self.font.runs(line.text, bold=line.bold):
            name = pdf_font(self.font, name)
            self.canvas.setFont(name, line.size)
            self.canvas.drawString(x, self.y(line.baseline), piece)
            x += pdfmetrics.stringWidth(piece, name, line.size)
        if line.underline and line.text:
            # Where and how thick word processors draw it: about a tenth of the size down.
            under = self.y(line.baseline + line.size * UNDERLINE_OFFSET)
            self.canvas.saveState()
            self.canvas.setLineWidth(line.size * UNDERLINE_WIDTH)
            self.canvas.line(line.x, under, x, under)
            self.canvas.restoreState()

    def cell(self, cell: TextCell[Any], *, fill: tuple[float, float, float] | None = None) -> None:
        self.rect(cell.box, fill=fill)
        for line in cell.lines:
            self.text(line)


def draw_scene(page: PageCanvas, scene: Scene) -> None:
    """Every primitive of a page's scene, in order, exactly where the scene puts it."""
    c = page.canvas
    for item in scene.items:
        if isinstance(item, Label):
            c.setFillColorRGB(*item.color)
            page.text(item.line)
            continue
        c.setLineWidth(item.stroke.width)
        c.setStrokeColorRGB(*item.stroke.color)
        if isinstance(item, Shape):
            if item.outline:
                page.polygon(item.outline, fill=item.fill)
            else:
                page.rect(item.box, radius=item.radius, fill=item.fill)
            continue
        page.polyline(item.points)
        if item.arrowhead is not None:
            page.polygon(item.arrowhead.points, fill=item.arrowhead.fill)


def flow_pdf(pages: Sequence[RoutedPage], *, font: FontMetrics) -> bytes:
    """The flowchart of each page alone: one PDF page the size of each flow area, nothing
    drawn but the symbols, arrows and labels (the DOCX pictures are rasterized from it)."""
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    first = pages[0].page.flow_area
    canvas = Canvas(
        buffer,
        pagesize=(first.width, first.height),
        invariant=True,
        pageCompression=0,  # read back at once, in memory
        initialFontName=use_fonts(font),
    )
    for routed in pages:
        area = routed.page.flow_area
        canvas.setPageSize((area.width, area.height))
        canvas.translate(-area.x, 0)
        draw_scene(PageCanvas(canvas, page_height=area.bottom, font=font), routed.scene)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()
