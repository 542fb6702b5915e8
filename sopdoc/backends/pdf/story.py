"""The platypus side of the PDFs, for the Buku SOP: paragraph styles, each SOP's pages as
flowables, and a document that numbers its pages 'X dari Y' (an SOP's own PDF is drawn page
by page without platypus, see ``document``)."""

from __future__ import annotations

import functools
import html
import io
from collections.abc import Callable
from typing import Any

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageBreak,
    PageTemplate,
    Paragraph,
)

from sopdoc import words
from sopdoc.backends.pdf.document import GRID_WIDTH, TEXT_SIZE, draw_procedure_page, footer
from sopdoc.backends.pdf.fonts import pdf_font, use_fonts
from sopdoc.backends.pdf.identity import draw_identity_page
from sopdoc.drawing.document import Document
from sopdoc.drawing.pages import RoutedPage
from sopdoc.layout import IdentityLayout, IdentityPage, ProcedureLayout
from sopdoc.layout.fonts import FontMetrics
from sopdoc.units import Pt


class Styles:
    """Paragraph styles in the document's font (the book's cover, Daftar Isi and monitoring
    form; SOP pages are drawn from their layouts)."""

    def __init__(self, font: FontMetrics) -> None:
        regular, bold = use_fonts(font), pdf_font(font, bold=True)
        self.text = ParagraphStyle(
            "text", fontName=regular, fontSize=TEXT_SIZE, leading=TEXT_SIZE * 1.2
        )
        self.label = ParagraphStyle("label", parent=self.text, fontName=bold)
        self.kop = ParagraphStyle(
            "kop", parent=self.text, fontName=bold, fontSize=12, leading=15, alignment=TA_CENTER
        )
        self.font = font

    def para(self, text: str, style: ParagraphStyle) -> Paragraph:
        """A paragraph of user text, printed literally."""
        bold = style.fontName == self.font.font_name(bold=True)
        return Paragraph(markup(text, self.font, bold=bold), style)


def _escape(text: str) -> str:
    """``&``, ``<`` and ``>`` as entities (what xml.sax.saxutils.escape does, without its
    14 ms import of urllib)."""
    return html.escape(text, quote=False)


def markup(text: str, font: FontMetrics, *, bold: bool = False) -> str:
    """User text as paragraph markup: escaped (``<b>`` prints literally), with characters the
    font lacks wrapped in the fallback font."""
    main = font.font_name(bold=bold)
    return "".join(
        _escape(piece)
        if name == main
        else f'<font name="{pdf_font(font, name)}">{_escape(piece)}</font>'
        for name, piece in font.runs(text, bold=bold)
    )


def identity_story(document: Document) -> list[Flowable]:
    """One flowable per identity page, each drawing its whole page from the layout."""
    logo = document.logo
    story: list[Flowable] = []
    for page in document.identity.pages:
        if story:
            story.append(PageBreak())
        story.append(
            IdentityPageFlowable(
                document.identity, page, font=document.font, logo=logo, grid_width=GRID_WIDTH
            )
        )
    return story


class IdentityPageFlowable(Flowable):  # type: ignore[misc]
    """One identity page, drawn at the layout's absolute page coordinates."""

    def __init__(
        self,
        layout: IdentityLayout,
        page: IdentityPage,
        *,
        font: FontMetrics,
        logo: bytes | None,
        grid_width: Pt,
    ) -> None:
        super().__init__()
        self.layout = layout
        self.page = page
        self.font = font
        self.logo = logo
        self.grid_width = grid_width

    def wrap(self, avail_width: Pt, avail_height: Pt) -> tuple[Pt, Pt]:
        return (avail_width, avail_height)

    def drawOn(self, canvas: Any, x: Pt, y: Pt, _sW: Pt = 0) -> None:
        draw_identity_page(
            canvas,
            self.layout,
            self.page,
            font=self.font,
            logo=self.logo,
            grid_width=self.grid_width,
        )


class ProcedurePageFlowable(Flowable):  # type: ignore[misc]
    """One procedure page, drawn at the layout's absolute page coordinates."""

    def __init__(self, layout: ProcedureLayout, routed: RoutedPage, font: FontMetrics) -> None:
        super().__init__()
        self.layout = layout
        self.routed = routed
        self.font = font

    def wrap(self, avail_width: Pt, avail_height: Pt) -> tuple[Pt, Pt]:
        return (avail_width, avail_height)

    def drawOn(self, canvas: Any, x: Pt, y: Pt, _sW: Pt = 0) -> None:
        draw_procedure_page(canvas, self.layout, self.routed, self.font)


def sop_story(document: Document, styles: Styles, width: Pt) -> list[Flowable]:
    """The flowables of one SOP: its identity pages, then one flowable per procedure page."""
    story: list[Flowable] = [*identity_story(document), PageBreak()]
    for routed in document.pages:
        story += [ProcedurePageFlowable(document.layout, routed, document.font), PageBreak()]
    return story[:-1]


StoryMaker = Callable[[Styles, Pt], list[Flowable]]


def build_pdf(
    make_story: StoryMaker,
    *,
    layout: ProcedureLayout,
    font: FontMetrics,
    title: str,
    subject: str,
    author: str,
    total: int | None,
) -> tuple[bytes, int]:
    """One PDF of the layout's page size and margins with 'Halaman X dari ``total``'.

    With ``total`` None the footers wait until the last page is known (one pass, not two).
    """
    style = layout.style
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=(layout.page_width, layout.page_height),
        leftMargin=style.margin_left,
        rightMargin=style.margin_right,
        topMargin=style.margin_top,
        bottomMargin=style.margin_bottom + style.footer,
        title=title,
        subject=subject,
        author=author,
        creator="sopdoc",
        producer="sopdoc",
        invariant=1,
        initialFontName=use_fonts(font),
        lang=words.DOC_LANGUAGE,
    )
    frame = Frame(
        doc.leftMargin,
        doc.bottomMargin,
        doc.width,
        doc.height,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )

    def on_page(canvas: Any, page: int, total: int) -> None:
        footer(canvas, page, layout=layout, font=font, total=total)

    if total is None:
        doc.addPageTemplates([PageTemplate("page", frames=[frame])])
        maker = functools.partial(_CountingCanvas, footer=on_page)
        doc.build(make_story(Styles(font), doc.width), canvasmaker=maker)
    else:
        known = total

        def on_known_page(canvas: Any, d: Any) -> None:
            on_page(canvas, d.page, known)

        doc.addPageTemplates([PageTemplate("page", frames=[frame], onPage=on_known_page)])
        doc.build(make_story(Styles(font), doc.width))
    return buffer.getvalue(), doc.page


class _CountingCanvas(Canvas):  # type: ignore[misc]
    """A canvas that keeps its pages until ``save`` so each footer can name the page total
    (reportlab's own recipe for 'page X of Y')."""

    def __init__(self, *args: Any, footer: Callable[[Any, int, int], None], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._kept: list[dict[str, Any]] = []
        self._footer = footer

    def showPage(self) -> None:
        self._kept.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._kept)
        for state in self._kept:
            self.__dict__.update(state)
            self._footer(self, self._pageNumber, total)
            super().showPage()
        super().save()
