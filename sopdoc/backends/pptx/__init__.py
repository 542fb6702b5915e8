"""The sosialisasi deck as PPTX: a title slide per SOP, then its flowchart as native shapes."""

from sopdoc.backends.pptx.deck import render_pptx

__all__ = ["render_pptx"]
