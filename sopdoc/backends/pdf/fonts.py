"""Registering the layout's fonts with reportlab, under the names the layout's runs give."""

from __future__ import annotations

from reportlab.pdfbase import pdfmetrics

from sopdoc.layout.fonts import FontMetrics


def pdf_font(font: FontMetrics, name: str | None = None, *, bold: bool = False) -> str:
    """The reportlab name of a face of ``font``: ``name`` (a run's face) or the main face,
    registered with reportlab the first time it is drawn."""
    name = name or font.font_name(bold=bold)
    if name not in _registered:
        pdfmetrics.registerFont(font.faces[name])
        _registered.add(name)
    return name


def use_fonts(font: FontMetrics) -> str:
    """Register the main faces of ``font``; the regular face's name, for a new canvas."""
    pdf_font(font, bold=True)
    return pdf_font(font)


_registered: set[str] = set()
