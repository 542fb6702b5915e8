"""The official SOP document as DOCX: editable tables, exact row heights, flowchart on top."""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, Final

from docx import Document as open_docx
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu

from sopdoc import messages as msg
from sopdoc import words
from sopdoc.backends.docx.cells import write_lines
from sopdoc.backends.docx.identity import IdentityWriter
from sopdoc.backends.docx.ooxml import (
    add_run,
    anchor_drawing,
    anchor_in_cell,
    cell_margins,
    exact_height,
    field_run,
    graphic_of,
    no_split,
    normalise_package,
    paragraph_format,
    repeat_header,
    shade,
    start_page,
    table_geometry,
    vertical_align,
)
from sopdoc.backends.docx.shapes import GROUP_URI, scene_group
from sopdoc.backends.drawingml import WPS, ZIP_TIME, fixed_zip
from sopdoc.drawing.document import Document
from sopdoc.drawing.pages import RoutedPage
from sopdoc.errors import SopdocError
from sopdoc.layout import (
    ColumnId,
    ColumnKind,
    HeaderId,
    ProcedureLayout,
    Span,
    TextCell,
)
from sopdoc.units import mm, to_emu

#: The styles document every SOP starts from; ``--template`` replaces it.
DEFAULT_TEMPLATE: Final = Path(__file__).resolve().parents[3] / "templates" / "sopdoc.docx"
#: Word wraps a line that is a hair too wide; cells keep this much slack beyond the layout.
WRAP_SLACK: Final = 0.5
#: "Halaman X dari Y", as in the PDF.
FOOTER_SIZE: Final = 8.0
#: Document properties get the zip entries' time so the same workbook gives the same bytes.
FIXED_TIME: Final = datetime(*ZIP_TIME)


def empty_document(template: Path) -> Any:
    """The template with its body emptied (its styles, header and footer kept)."""
    try:
        word = open_docx(str(template))
    except Exception as exc:  # python-docx raises several types for a bad package
        raise SopdocError(
            msg.TEMPLATE_INVALID.format(path=template, reason=type(exc).__name__)
        ) from exc
    body = word.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    return word


class SopWriter:
    """Builds one SOP's document from its layout."""

    def __init__(
        self,
        document: Document,
        template: Path,
        *,
        pictures: Sequence[bytes] | None = None,
        word: Any = None,
    ) -> None:
        """Write into ``word`` (a book's document) or into a fresh copy of ``template``;
        each procedure page's flowchart is a group of Word shapes, or with ``pictures`` (the
        flowchart PNGs of the procedure pages, one per page) a locked picture."""
        self.doc = document
        self.font = document.sop.agency.font
        self.word = word if word is not None else empty_document(template)
        # Drawing ids are unique in the document: a book's later SOPs go on after the last.
        used = self.word.element.body.iter(qn("wp:docPr"), f"{{{WPS}}}cNvPr")
        self.picture_id = max([100, *(int(e.get("id")) for e in used)])
        self.pictures = None if pictures is None else list(pictures)

    # --- page setup ----------------------------------------------------------------------------

    def _setup(self, section: Any) -> None:
        layout = self.doc.layout
        style = layout.style
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width = Emu(to_emu(layout.page_width))
        section.page_height = Emu(to_emu(layout.page_height))
        section.left_margin = Emu(to_emu(style.margin_left))
        section.right_margin = Emu(to_emu(style.margin_right))
        section.top_margin = Emu(to_emu(style.margin_top))
        section.bottom_margin = Emu(to_emu(style.margin_bottom))
        section.header_distance = Emu(to_emu(mm(5)))
        # The footer line ends at the bottom margin, where the PDF puts "Halaman X dari Y"
        # (its line box bottom on the margin: LibreOffice within 0.3 pt of the PDF).
        section.footer_distance = Emu(to_emu(style.margin_bottom))

    def _footer(self, section: Any) -> None:
        """ "Halaman X dari Y" with PAGE and NUMPAGES fields, right-aligned."""
        paragraph = section.footer.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        head, _, rest = words.DOC_PAGE_NUMBER.partition("{page}")
        middle, _, tail = rest.partition("{total}")
        paragraph_format(paragraph, size=FOOTER_SIZE, leading=FOOTER_SIZE * 1.2)
        for piece, field in ((head, "PAGE"), (middle, "NUMPAGES"), (tail, None)):
            if piece:
                add_run(paragraph, piece, font=self.font, size=FOOTER_SIZE)
            if field:
                field_run(paragraph, field, font=self.font, size=FOOTER_SIZE, shown="1")

    # --- identity pages ----------------------------------------------------------------------

    def identity(self) -> None:
        """The identity pages, from the identity layout (one table per page)."""
        IdentityWriter(
            self.word,
            self.doc.identity,
            font=self.font,
            logo=self.doc.logo,
            separator=self.separator,
            picture_id=self._next_picture_id,
        ).write()

    def _next_picture_id(self) -> int:
        self.picture_id += 1
        return self.picture_id

    # --- procedure pages -----------------------------------------------------------------------

    def _cell_text(self, cell: Any, text_cell: TextCell[Any], *, before: float) -> None:
        """The layout's lines, with its own line breaks: Word never re-wraps them."""
        style = self.doc.layout.style
        write_lines(
            cell,
            text_cell,
            font=self.font,
            pad_x=style.pad_x,
            leading=lambda size: size * style.leading,
            before=before,
        )

    def procedure_page(self, index: int) -> None:
        """One procedure page as its own table, starting a new page, with its flowchart."""
        layout: ProcedureLayout = self.doc.layout
        routed = self.doc.pages[index]
        page = routed.page
        style = layout.style
        columns = list(layout.columns)
        n_lanes = len(layout.lanes)
        self.separator()
        table = self.word.add_table(rows=2 + len(page.rows), cols=len(columns))
        pad = style.pad_x - WRAP_SLACK
        # No top or bottom cell margins: header text is centred in the whole cell box, step
        # text gets its top padding as space before, and the flowchart's anchor cell has no
        # margin at all, so every reading of the anchor (cell edge, cell margin, paragraph
        # start) is the same point.
        table_geometry(
            table,
            widths=[c.width for c in columns],
            margins={"left": pad, "right": pad, "top": 0.0, "bottom": 0.0},
        )
        header = {cell.key: cell for cell in page.header}
        h1 = header[Span.PELAKSANA].box.height
        h2 = header[ColumnId(ColumnKind.LANE, 0)].box.height
        row1, row2 = table.rows[0], table.rows[1]
        for row, height in ((row1, h1), (row2, h2)):
            exact_height(row, height)
            repeat_header(row)
            no_split(row)
        keys: list[HeaderId] = [c.key for c in columns]
        # The cells of both header rows, taken once before merging: Table.cell() rebuilds the
        # whole table's cell list on every call. No merge below removes a cell used after it.
        top, bottom = row1.cells, row2.cells
        for kind in (ColumnKind.NO, ColumnKind.KEGIATAN, ColumnKind.KETERANGAN):
            i = keys.index(ColumnId(kind))
            merged = top[i].merge(bottom[i])
            self._header_cell(merged, header[ColumnId(kind)])
        first_lane = keys.index(ColumnId(ColumnKind.LANE, 0))
        pelaksana = top[first_lane].merge(top[first_lane + n_lanes - 1])
        self._header_cell(pelaksana, header[Span.PELAKSANA])
        first_mutu = keys.index(ColumnId(ColumnKind.KELENGKAPAN))
        mutu = top[first_mutu].merge(top[first_mutu + 2])
        self._header_cell(mutu, header[Span.MUTU])
        for key in keys[first_lane : first_lane + n_lanes] + keys[first_mutu : first_mutu + 3]:
            self._header_cell(bottom[keys.index(key)], header[key])
        anchor_cell = None
        for r, step_row in enumerate(page.rows, start=2):
            row = table.rows[r]
            exact_height(row, step_row.box.height)
            no_split(row)
            cells = row.cells  # Table.cell() rebuilds the whole table's cell list on every call
            for text_cell in step_row.cells:
                cell = cells[keys.index(text_cell.key)]
                vertical_align(cell, "top")
                self._cell_text(cell, text_cell, before=style.pad_y)
            if anchor_cell is None:
                anchor_cell = cells[first_lane]
        start_page(table)
        if anchor_cell is not None:
            self._flowchart(anchor_cell, routed)

    def _header_cell(self, cell: Any, text_cell: TextCell[HeaderId]) -> None:
        shade(cell, "D9E2F3")
        vertical_align(cell, "center")
        for paragraph in cell.paragraphs[1:]:
            paragraph._p.getparent().remove(paragraph._p)
        self._cell_text(cell, text_cell, before=0.0)

    def _flowchart(self, cell: Any, routed: RoutedPage) -> None:
        """The flowchart of the page over the actor columns and rows: a group of shapes, or
        the page's picture.

        It is anchored in ``cell``, the first lane cell of the first step row, whose top-left
        corner is the flow area's: the cell has no margins, the anchor is laid out in the
        cell at offset 0, and its paragraph starts at the cell's top edge.
        """
        cell_margins(cell, {"top": 0.0, "left": 0.0, "bottom": 0.0, "right": 0.0})
        paragraph = cell.paragraphs[0]
        paragraph_format(paragraph, size=1, leading=1)
        run = paragraph.add_run()
        if self.pictures is not None:
            self._picture(run, routed)
            return
        area = routed.page.flow_area
        ident = self._next_picture_id()
        group, frame = scene_group(
            routed.scene, area=area, font=self.doc.font.files, next_id=self._next_picture_id
        )
        anchor = anchor_drawing(
            graphic_of(group, uri=GROUP_URI),
            size=(to_emu(frame.width), to_emu(frame.height)),
            ident=ident,
            name=words.DOC_PICTURE_NAME.format(number=ident),
            x=to_emu(frame.x - area.x),
            y=to_emu(frame.y - area.y),
        )
        drawing = OxmlElement("w:drawing")
        drawing.append(anchor)
        run._r.append(drawing)

    def _picture(self, run: Any, routed: RoutedPage) -> None:
        """The flowchart of the page as its transparent PNG, locked as one picture."""
        assert self.pictures is not None
        area = routed.page.flow_area
        png = self.pictures[routed.page.index]
        run.add_picture(
            io.BytesIO(png), width=Emu(to_emu(area.width)), height=Emu(to_emu(area.height))
        )
        inline = run._r.find(".//" + qn("wp:inline"))
        anchor = anchor_in_cell(inline, ident=self._next_picture_id())
        inline.getparent().replace(inline, anchor)

    # --- the whole document --------------------------------------------------------------------

    def page_setup(self) -> None:
        """Paper, margins and the page-number footer of the (single) section."""
        first = self.word.sections[0]
        self._setup(first)
        self._footer(first)

    def page_break(self) -> None:
        """A page-break paragraph before text that starts a new page (the book's cover, Daftar
        Isi and monitoring form); tables start their page themselves (``start_page``)."""
        self.word.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def separator(self) -> None:
        """The empty paragraph that keeps two tables apart, on the page before (1 pt high).

        Not a page-break paragraph: Word puts the paragraph mark after a break on the new
        page, which would push the table down; not a section break: LibreOffice runs "next
        page" sections with equal page setup together.
        """
        if len(self.word.element.body) > 1:  # something besides the sectPr
            self.word.add_paragraph()

    def sop(self) -> None:
        """The identity table, then one table per procedure page."""
        after_content = len(self.word.element.body) > 1  # in a book: after other pages
        self.separator()
        first = len(self.word.tables)
        self.identity()
        if after_content:
            start_page(self.word.tables[first])
        for index in range(len(self.doc.pages)):
            self.procedure_page(index)

    def finish(self, *, title: str, subject: str, author: str) -> bytes:
        """Close the body, set the properties, and return the package bytes."""
        self.word.add_paragraph()  # a document never ends in a table
        self._shrink_section_marks()
        props = self.word.core_properties
        props.title = title
        props.subject = subject
        props.author = author
        props.last_modified_by = "sopdoc"
        props.comments = "sopdoc"
        props.revision = 1
        props.created = FIXED_TIME
        props.modified = FIXED_TIME
        normalise_package(self.word)
        buffer = io.BytesIO()
        self.word.save(buffer)
        return fixed_zip(buffer.getvalue())

    def build(self) -> bytes:
        sop = self.doc.sop
        self.page_setup()
        self.sop()
        author = sop.unit
        return self.finish(title=sop.identity.nama, subject=sop.identity.nomor, author=author)

    def _shrink_section_marks(self) -> None:
        """The empty body paragraphs between and after tables: make them 1 pt high."""
        for paragraph in self.word.paragraphs:
            if paragraph.text:
                continue
            paragraph_format(paragraph, size=1, leading=1)
            ppr = paragraph._p.get_or_add_pPr()
            mark = OxmlElement("w:rPr")
            size = OxmlElement("w:sz")
            size.set(qn("w:val"), "2")
            mark.append(size)
            section = ppr.find(qn("w:sectPr"))
            if section is not None:  # schema order: rPr comes before sectPr
                section.addprevious(mark)
            else:
                ppr.append(mark)


def render_docx(
    document: Document, *, pictures: Sequence[bytes] | None = None, template: Path | None = None
) -> bytes:
    """The whole SOP document as DOCX bytes: each procedure page's flowchart as Word shapes,
    or with ``pictures`` (one PNG per procedure page) as locked pictures."""
    return SopWriter(document, template or DEFAULT_TEMPLATE, pictures=pictures).build()
