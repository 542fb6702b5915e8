"""The sosialisasi deck as PPTX: a title slide per SOP, then its flowchart slides."""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import datetime
from typing import Final

from sopdoc import words
from sopdoc.drawing.document import Diagram
from sopdoc.units import to_emu

#: Fixed document dates so that the same workbook gives the same files.
FIXED_TIME: Final = datetime(2020, 1, 1)


def render_pptx(diagrams: Sequence[tuple[Diagram, Sequence[bytes]]]) -> bytes:
    """One deck: for each (diagram, slide pictures), a title slide, then one slide per
    flowchart page, its picture filling it."""
    from pptx import Presentation
    from pptx.util import Emu

    deck = Presentation()
    if diagrams:
        first = diagrams[0][0].layout
        deck.slide_width = Emu(to_emu(first.page_width))
        deck.slide_height = Emu(to_emu(first.page_height))
    deck.core_properties.title = words.PPTX_TITLE
    deck.core_properties.author = "sopdoc"
    deck.core_properties.created = FIXED_TIME
    deck.core_properties.modified = FIXED_TIME
    deck.core_properties.last_modified_by = "sopdoc"
    for d, pictures in diagrams:
        slide = deck.slides.add_slide(deck.slide_layouts[0])
        title, subtitle = slide.shapes.title, slide.placeholders[1]
        title.text = d.sop.identity.nama
        subtitle.text = f"{d.sop.identity.nomor}\n{d.sop.unit}"
        for shape in (title, subtitle):  # the default template is 4:3: centre on 16:9
            shape.left = Emu(deck.slide_width // 12)
            shape.width = Emu(deck.slide_width * 10 // 12)
        for png in pictures:
            slide = deck.slides.add_slide(deck.slide_layouts[6])
            picture = io.BytesIO(png)
            slide.shapes.add_picture(
                picture, 0, 0, width=deck.slide_width, height=deck.slide_height
            )
    buffer = io.BytesIO()
    deck.save(buffer)
    return buffer.getvalue()
