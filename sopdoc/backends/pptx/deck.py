"""The deck: slide size, a title slide per SOP, a slide of shapes per page, speaker notes."""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import datetime
from typing import Any, Final

from sopdoc import words
from sopdoc.backends.drawingml import fixed_zip
from sopdoc.backends.pptx.shapes import SlideDrawer, step_text
from sopdoc.drawing.document import Diagram
from sopdoc.units import to_emu

#: Fixed document dates and zip times so that the same workbook gives the same files.
FIXED_TIME: Final = datetime(2020, 1, 1)
#: The title slide: title and subtitle boxes as shares of the slide (left, top, width, height).
TITLE_BOX: Final = (1 / 12, 0.22, 10 / 12, 0.34)
SUBTITLE_BOX: Final = (1 / 12, 0.6, 10 / 12, 0.2)
#: python-pptx's layouts: "Title Slide" and "Blank".
TITLE_LAYOUT: Final = 0
BLANK_LAYOUT: Final = 6


def _place(shape: Any, share: tuple[float, float, float, float], width: int, height: int) -> None:
    left, top, w, h = share
    shape.left, shape.top = round(width * left), round(height * top)
    shape.width, shape.height = round(width * w), round(height * h)


def _title_slide(deck: Any, d: Diagram) -> None:
    """The SOP's name as title, its number and issuer (agency, unit) below, each in its own
    box."""
    slide = deck.slides.add_slide(deck.slide_layouts[TITLE_LAYOUT])
    title, subtitle = slide.shapes.title, slide.placeholders[1]
    title.text = d.sop.identity.nama
    subtitle.text = "\n".join((d.sop.identity.nomor, *d.sop.issuer))
    _place(title, TITLE_BOX, deck.slide_width, deck.slide_height)
    _place(subtitle, SUBTITLE_BOX, deck.slide_width, deck.slide_height)
    from pptx.enum.lang import MSO_LANGUAGE_ID

    for box in (title, subtitle):  # Indonesian for PowerPoint's spelling, as on the slides
        for paragraph in box.text_frame.paragraphs:
            for text_run in paragraph.runs:
                text_run.font.language_id = MSO_LANGUAGE_ID.INDONESIAN
    for shape in (title, subtitle):
        for paragraph in shape.text_frame.paragraphs:
            for run in paragraph.runs:
                run.font.name = d.sop.agency.font


def _flow_slides(deck: Any, d: Diagram) -> None:
    """One slide per page: its shapes, and each step's whole text in the speaker notes."""
    for routed in d.pages:
        slide = deck.slides.add_slide(deck.slide_layouts[BLANK_LAYOUT])
        drawer = SlideDrawer(
            slide.shapes._spTree, sop=d.sop, font=d.font, leading=d.layout.style.leading
        )
        steps = drawer.page(routed)
        notes = [
            words.PPTX_NOTES_STEP.format(step=n, kegiatan=step_text(d.sop.step(n).kegiatan))
            for n in steps
        ]
        if notes:
            slide.notes_slide.notes_text_frame.text = "\n".join(notes)


def render_pptx(diagrams: Sequence[Diagram]) -> bytes:
    """One deck: for each diagram, a title slide, then one slide of shapes per page."""
    from pptx import Presentation
    from pptx.util import Emu

    deck = Presentation()
    if diagrams:
        first = diagrams[0].layout
        deck.slide_width = Emu(to_emu(first.page_width))
        deck.slide_height = Emu(to_emu(first.page_height))
    size = deck.part._element.sldSz
    size.attrib.pop("type", None)  # the template says 4:3 ("screen4x3"); the size says
    deck.core_properties.title = words.PPTX_TITLE
    deck.core_properties.author = " ".join(diagrams[0].sop.issuer) if diagrams else "sopdoc"
    deck.core_properties.subject = words.PPTX_TITLE
    deck.core_properties.keywords = words.PPTX_KEYWORDS
    deck.core_properties.language = words.DOC_LANGUAGE
    deck.core_properties.created = FIXED_TIME
    deck.core_properties.modified = FIXED_TIME
    deck.core_properties.last_modified_by = "sopdoc"
    deck.core_properties.revision = 1
    for d in diagrams:
        _title_slide(deck, d)
        _flow_slides(deck, d)
    buffer = io.BytesIO()
    deck.save(buffer)
    return fixed_zip(buffer.getvalue())
