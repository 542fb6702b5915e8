"""The official SOP document as PDF, drawn natively with reportlab from the shared layout."""

from __future__ import annotations

import functools
import io
from collections.abc import Callable, Sequence
from typing import Any, Final
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    Image,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from sopdoc import messages as msg
from sopdoc.backends.pdf.canvas import HEADER_FILL, PageCanvas, draw_flow
from sopdoc.dates import identity_date_text
from sopdoc.drawing.document import Document
from sopdoc.drawing.scene import RoutedPage
from sopdoc.layout import ProcedureLayout
from sopdoc.layout.fonts import FontMetrics
from sopdoc.layout.wrap import split_marker
from sopdoc.model import Section, Signatory, Sop
from sopdoc.units import Pt, mm

IDENTITY_SIZE: Final = 10.0
SECTION_SIZE: Final = 9.5
FOOTER_SIZE: Final = 8.0
GRID_WIDTH: Final = 0.6
#: Blank room for the signature under the jabatan.
SIGNATURE_SPACE: Final = mm(18)


# --- identity page -----------------------------------------------------------------------------


class Styles:
    """Paragraph styles in the document's font."""

    def __init__(self, font: FontMetrics) -> None:
        regular, bold = font.font_name(), font.font_name(bold=True)
        leading = 1.2
        self.text = ParagraphStyle(
            "text", fontName=regular, fontSize=IDENTITY_SIZE, leading=IDENTITY_SIZE * leading
        )
        self.label = ParagraphStyle("label", parent=self.text, fontName=bold)
        self.value_bold = ParagraphStyle("value_bold", parent=self.text, fontName=bold)
        self.kop = ParagraphStyle(
            "kop", parent=self.text, fontName=bold, fontSize=12, leading=15, alignment=TA_CENTER
        )
        self.kop_small = ParagraphStyle(
            "kop_small", parent=self.text, fontSize=8.5, leading=10.5, alignment=TA_CENTER
        )
        self.section_title = ParagraphStyle(
            "section_title",
            parent=self.text,
            fontName=bold,
            fontSize=SECTION_SIZE,
            leading=SECTION_SIZE * leading,
        )
        self.item = ParagraphStyle(
            "item", parent=self.text, fontSize=SECTION_SIZE, leading=SECTION_SIZE * leading
        )
        self.font = font

    def para(self, text: str, style: ParagraphStyle) -> Paragraph:
        """A paragraph of user text, printed literally."""
        bold = style.fontName == self.font.font_name(bold=True)
        return Paragraph(markup(text, self.font, bold=bold), style)


def markup(text: str, font: FontMetrics, *, bold: bool = False) -> str:
    """User text as paragraph markup: escaped (``<b>`` prints literally), with characters the
    font lacks wrapped in the fallback font."""
    main = font.font_name(bold=bold)
    return "".join(
        escape(piece) if name == main else f'<font name="{name}">{escape(piece)}</font>'
        for name, piece in font.runs(text, bold=bold)
    )


def _item(text: str, styles: Styles) -> Paragraph:
    """A list item with its marker as written and the rest hanging under the text."""
    marker, rest = split_marker(text)
    if not marker:
        return styles.para(text, styles.item)
    hang = styles.font.width(f"{marker} ", SECTION_SIZE)
    style = ParagraphStyle(
        f"item-{hang:.2f}", parent=styles.item, leftIndent=hang, firstLineIndent=-hang
    )
    text = f"{markup(marker, styles.font)}&nbsp;{markup(rest, styles.font)}"
    return Paragraph(text, style)


def _kop(sop: Sop, styles: Styles, width: Pt) -> list[Flowable]:
    flowables: list[Flowable] = []
    logo = sop.agency.logo
    if logo is not None:
        try:
            image = Image(str(logo))
            scale = min(mm(22) / image.drawHeight, (width * 0.6) / image.drawWidth)
            image.drawHeight *= scale
            image.drawWidth *= scale
            flowables += [image, Spacer(1, 4)]
        except OSError:  # the reader checked the file; a vanished file prints without a logo
            pass
    header = sop.header or tuple(x for x in (sop.agency.pemerintah, sop.agency.unit) if x)
    for line in header:
        flowables.append(styles.para(line.upper(), styles.kop))
    if sop.agency.alamat:
        flowables.append(styles.para(sop.agency.alamat, styles.kop_small))
    return flowables


def _signature(signatory: Signatory | None, styles: Styles) -> list[Flowable]:
    if signatory is None:
        return [styles.para(msg.DOC_NO_VALUE, styles.text)]
    parts: list[Flowable] = [
        styles.para(signatory.jabatan, styles.text),
        Spacer(1, SIGNATURE_SPACE),
    ]
    if signatory.nama:
        nama = markup(signatory.nama, styles.font, bold=True)
        parts.append(Paragraph(f"<u>{nama}</u>", styles.value_bold))
    for line in (signatory.pangkat, signatory.nip):
        if line:
            parts.append(styles.para(line, styles.text))
    return parts


def _identity_value(sop: Sop, field: str, styles: Styles) -> Any:
    identity = sop.identity
    if field == "disahkan":
        return _signature(identity.disahkan, styles)
    if field == "nama":
        return styles.para(identity.nama, styles.value_bold)
    if field == "nomor":
        return styles.para(identity.nomor, styles.text)
    return styles.para(identity_date_text(identity, field), styles.text)


def identity_table(sop: Sop, styles: Styles, width: Pt) -> Table:
    """The identity rows (repeated on every page of the table) and the three section pairs."""
    widths = [width * 0.35, width * 0.15, width * 0.50]
    rows: list[list[Any]] = []
    for i, (field, label) in enumerate(msg.DOC_IDENTITY_LABELS):
        kop = _kop(sop, styles, widths[0]) if i == 0 else ""
        rows.append([kop, styles.para(label, styles.label), _identity_value(sop, field, styles)])
    identity_rows = len(rows)
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), styles.font.font_name(), IDENTITY_SIZE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("VALIGN", (0, 0), (0, identity_rows - 1), "MIDDLE"),
        ("SPAN", (0, 0), (0, identity_rows - 1)),
        ("BOX", (0, 0), (-1, -1), GRID_WIDTH, colors.black),
        ("GRID", (0, 0), (-1, identity_rows - 1), GRID_WIDTH, colors.black),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    sections = sop.sections
    for left, left_title, right, right_title in msg.DOC_SECTION_TITLES:
        start = len(rows)
        rows.append(["", "", ""])
        rows[start][0] = styles.para(left_title, styles.section_title)
        rows[start][2] = styles.para(right_title, styles.section_title)
        left_items: Section = getattr(sections, left)
        right_items: Section = getattr(sections, right)
        count = max(len(left_items), len(right_items), 1)
        for k in range(count):
            rows.append(
                [
                    _item(left_items.items[k], styles) if k < len(left_items) else "",
                    "",
                    _item(right_items.items[k], styles) if k < len(right_items) else "",
                ]
            )
        end = len(rows) - 1
        commands += [
            ("LINEABOVE", (0, start), (-1, start), GRID_WIDTH, colors.black),
            ("LINEBEFORE", (2, start), (2, end), GRID_WIDTH, colors.black),
            ("TOPPADDING", (0, start + 1), (-1, end), 1),
            ("BOTTOMPADDING", (0, start + 1), (-1, end), 1),
            ("BOTTOMPADDING", (0, end), (-1, end), 6),
        ]
        commands += [("SPAN", (0, r), (1, r)) for r in range(start, end + 1)]
    table = Table(rows, colWidths=widths, repeatRows=identity_rows, splitByRow=1)
    table.setStyle(TableStyle(commands))
    return table


# --- procedure pages ---------------------------------------------------------------------------


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
        canvas.saveState()
        draw_procedure_page(canvas, self.layout, self.routed, self.font)
        canvas.restoreState()


def draw_procedure_page(
    canvas: Any, layout: ProcedureLayout, routed: RoutedPage, font: FontMetrics
) -> None:
    """The table (header, grid, text) and the flowchart of one page."""
    page = PageCanvas(canvas, page_height=layout.page_height, font=font)
    canvas.setLineWidth(GRID_WIDTH)
    canvas.setStrokeColorRGB(0, 0, 0)
    for cell in routed.page.header:
        page.cell(cell, fill=HEADER_FILL)
    for row in routed.page.rows:
        for column in layout.columns:
            page.rect(row.box.__class__(column.x, row.box.y, column.width, row.box.height))
        for cell in row.cells:
            for line in cell.lines:
                page.text(line)
    draw_flow(page, routed)


# --- the document ------------------------------------------------------------------------------


def _footer(
    canvas: Any, page: int, *, layout: ProcedureLayout, font: FontMetrics, total: int
) -> None:
    text = msg.DOC_PAGE_NUMBER.format(page=page, total=total)
    canvas.saveState()
    canvas.setFont(font.font_name(), FOOTER_SIZE)
    box = layout.footer
    baseline = layout.page_height - (box.bottom - font.descent(FOOTER_SIZE))
    canvas.drawRightString(box.right, baseline, text)
    canvas.restoreState()


def sop_story(document: Document, styles: Styles, width: Pt) -> list[Flowable]:
    """The flowables of one SOP: its identity table, then one flowable per procedure page."""
    story: list[Flowable] = [identity_table(document.sop, styles, width), PageBreak()]
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
        initialFontName=font.font_name(),
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

    def footer(canvas: Any, page: int, total: int) -> None:
        _footer(canvas, page, layout=layout, font=font, total=total)

    if total is None:
        doc.addPageTemplates([PageTemplate("page", frames=[frame])])
        maker = functools.partial(_CountingCanvas, footer=footer)
        doc.build(make_story(Styles(font), doc.width), canvasmaker=maker)
    else:
        known = total

        def on_page(canvas: Any, d: Any) -> None:
            footer(canvas, d.page, known)

        doc.addPageTemplates([PageTemplate("page", frames=[frame], onPage=on_page)])
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


def _build(
    document: Document, *, total: int | None, identity_only: bool = False
) -> tuple[bytes, int]:
    sop = document.sop

    def story(styles: Styles, width: Pt) -> list[Flowable]:
        if identity_only:
            return [identity_table(sop, styles, width)]
        return sop_story(document, styles, width)

    return build_pdf(
        story,
        layout=document.layout,
        font=document.font,
        title=sop.identity.nama,
        subject=sop.identity.nomor,
        author=sop.agency.unit or (sop.header[-1] if sop.header else ""),
        total=total,
    )


def render_pdf(document: Document) -> bytes:
    """The whole SOP document: identity page(s), then the procedure pages."""
    data, _ = _build(document, total=None)
    return data


def identity_page_count(document: Document) -> int:
    """How many pages the identity part takes (for tests and the book's table of contents)."""
    _, pages = _build(document, total=0, identity_only=True)
    return pages


__all__: Sequence[str] = ("identity_page_count", "render_pdf")
