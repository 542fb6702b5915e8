"""The identity pages of the PDF, drawn on the canvas from the identity layout."""

from __future__ import annotations

import io
from typing import Any

from reportlab.lib.utils import ImageReader

from sopdoc.backends.pdf.canvas import PageCanvas
from sopdoc.layout.fonts import FontMetrics
from sopdoc.layout.identity_geometry import IdentityLayout, IdentityPage
from sopdoc.units import Pt


def draw_identity_page(
    canvas: Any,
    layout: IdentityLayout,
    page: IdentityPage,
    *,
    font: FontMetrics,
    logo: bytes | None,
    grid_width: Pt,
) -> None:
    """The grid, the text lines and the logo of one identity page, where the layout put them."""
    draw = PageCanvas(canvas, page_height=layout.page_height, font=font)
    canvas.saveState()
    canvas.setLineWidth(grid_width)
    canvas.setStrokeColorRGB(0, 0, 0)
    for x0, y0, x1, y1 in page.rules:
        canvas.line(x0, draw.y(y0), x1, draw.y(y1))
    cells = [cell for row in page.rows for cell in row.cells]
    if page.kop is not None:
        cells.append(page.kop)
    if page.running is not None:
        cells.append(page.running)
    for cell in cells:
        for line in cell.lines:
            draw.text(line)
    if page.logo is not None and logo is not None:
        box = page.logo
        canvas.drawImage(
            ImageReader(io.BytesIO(logo)),
            box.x,
            draw.y(box.bottom),
            box.width,
            box.height,
            mask="auto",
        )
    canvas.restoreState()
