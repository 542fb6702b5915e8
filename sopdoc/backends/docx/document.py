"""The official SOP document as DOCX: editable tables, exact row heights, flowchart on top."""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, Final

from docx import Document as open_docx
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Pt

from sopdoc import messages as msg
from sopdoc.backends.docx.identity import IdentityWriter
from sopdoc.backends.docx.ooxml import (
    ZIP_TIME,
    add_run,
    anchor_inline,
    exact_height,
    fixed_layout,
    fixed_zip,
    no_split,
    paragraph_format,
    repeat_header,
    set_borders,
    set_cell_margins,
    shade,
)
from sopdoc.drawing.document import Document
from sopdoc.errors import SopdocError
from sopdoc.layout import PlacedLine, ProcedureLayout, TextCell
from sopdoc.units import mm, to_emu

#: The styles document every SOP starts from; ``--template`` replaces it.
DEFAULT_TEMPLATE: Final = Path(__file__).resolve().parents[3] / "templates" / "sopdoc.docx"
#: Word wraps a line that is a hair too wide; cells keep this much slack beyond the layout.
WRAP_SLACK: Final = 0.5
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
        pictures: Sequence[bytes] = (),
        word: Any = None,
    ) -> None:
        """Write into ``word`` (a book's document) or into a fresh copy of ``template``;
        ``pictures`` are the flowchart PNGs of the procedure pages, one per page."""
        self.doc = document
        self.font = document.sop.agency.font
        self.word = word if word is not None else empty_document(template)
        self.picture_id = 100 + 1000 * len(self.word.inline_shapes)
        self.pictures = list(pictures)

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
        section.footer_distance = Emu(to_emu(style.margin_bottom - style.footer / 2))

    def _footer(self, section: Any) -> None:
        """ "Halaman X dari Y" with PAGE and NUMPAGES fields, right-aligned."""
        paragraph = section.footer.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        head, _, rest = msg.DOC_PAGE_NUMBER.partition("{page}")
        middle, _, tail = rest.partition("{total}")
        for piece, field in ((head, "PAGE"), (middle, "NUMPAGES"), (tail, None)):
            if piece:
                add_run(paragraph, piece, font=self.font, size=8)
            if field:
                simple = OxmlElement("w:fldSimple")
                simple.set(qn("w:instr"), f" {field} ")
                run = OxmlElement("w:r")
                props = OxmlElement("w:rPr")
                size = OxmlElement("w:sz")
                size.set(qn("w:val"), "16")
                props.append(size)
                run.append(props)
                text = OxmlElement("w:t")
                text.text = "1"
                run.append(text)
                simple.append(run)
                paragraph._p.append(simple)

    # --- identity pages ----------------------------------------------------------------------

    def identity(self) -> None:
        """The identity pages, from the identity layout (one table per page)."""
        IdentityWriter(
            self.word,
            self.doc.identity,
            font=self.font,
            logo=self.doc.logo,
            page_break=self.page_break,
            picture_id=self._next_picture_id,
        ).write()

    def _next_picture_id(self) -> int:
        self.picture_id += 1
        return self.picture_id

    # --- procedure pages -----------------------------------------------------------------------

    def _cell_text(self, cell: Any, text_cell: TextCell) -> None:
        """The layout's lines, with its own line breaks: Word never re-wraps them.

        An indented line continues the item above it (a hanging indent under its marker).
        """
        style = self.doc.layout.style
        groups: list[tuple[float, list[PlacedLine]]] = []
        for line in text_cell.lines:
            indent = line.x - (text_cell.box.x + style.pad_x)
            if groups and text_cell.align != "center" and indent >= 0.5:
                groups[-1] = (indent, [*groups[-1][1], line])
            else:
                groups.append((0.0, [line]))
        for number, (indent, lines) in enumerate(groups):
            paragraph = cell.paragraphs[0] if number == 0 else cell.add_paragraph()
            size = lines[0].size
            paragraph_format(paragraph, size=size, leading=size * style.leading)
            if text_cell.align == "center":
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            if indent:
                paragraph.paragraph_format.left_indent = Pt(indent)
                paragraph.paragraph_format.first_line_indent = Pt(-indent)
            for i, line in enumerate(lines):
                run = add_run(paragraph, line.text, font=self.font, size=line.size, bold=line.bold)
                if i < len(lines) - 1:
                    run.add_break()

    def procedure_page(self, index: int) -> None:
        layout: ProcedureLayout = self.doc.layout
        routed = self.doc.pages[index]
        page = routed.page
        style = layout.style
        columns = list(layout.columns)
        n_lanes = len(layout.lanes)
        table = self.word.add_table(rows=2 + len(page.rows), cols=len(columns))
        set_borders(table)
        pad = style.pad_x - WRAP_SLACK
        set_cell_margins(table, left=pad, right=pad, top=style.pad_y, bottom=0)
        fixed_layout(table, [c.width for c in columns])
        header = {cell.key: cell for cell in page.header}
        h1 = header["header:pelaksana"].box.height
        h2 = header["header:lane:0"].box.height
        row1, row2 = table.rows[0], table.rows[1]
        for row, height in ((row1, h1), (row2, h2)):
            exact_height(row, height)
            repeat_header(row)
            no_split(row)
        keys = [c.key for c in columns]
        # The cells of both header rows, taken once before merging: Table.cell() rebuilds the
        # whole table's cell list on every call. No merge below removes a cell used after it.
        top, bottom = row1.cells, row2.cells
        for key in ("no", "kegiatan", "keterangan"):
            i = keys.index(key)
            merged = top[i].merge(bottom[i])
            self._header_cell(merged, header[f"header:{key}"])
        first_lane = keys.index("lane:0")
        pelaksana = top[first_lane].merge(top[first_lane + n_lanes - 1])
        self._header_cell(pelaksana, header["header:pelaksana"])
        first_mutu = keys.index("kelengkapan")
        mutu = top[first_mutu].merge(top[first_mutu + 2])
        self._header_cell(mutu, header["header:mutu"])
        for key in [*keys[first_lane : first_lane + n_lanes], "kelengkapan", "waktu", "output"]:
            self._header_cell(bottom[keys.index(key)], header[f"header:{key}"])
        for r, step_row in enumerate(page.rows, start=2):
            row = table.rows[r]
            exact_height(row, step_row.box.height)
            no_split(row)
            cells = row.cells  # Table.cell() rebuilds the whole table's cell list on every call
            for text_cell in step_row.cells:
                cell = cells[keys.index(text_cell.key)]
                cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP
                self._cell_text(cell, text_cell)
        self._picture(top[0], routed)

    def _header_cell(self, cell: Any, text_cell: TextCell) -> None:
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        shade(cell, "D9E2F3")
        for paragraph in cell.paragraphs[1:]:
            paragraph._p.getparent().remove(paragraph._p)
        paragraph = cell.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        style = self.doc.layout.style
        size = text_cell.lines[0].size if text_cell.lines else style.header_size
        paragraph_format(paragraph, size=size, leading=size * style.leading)
        for i, line in enumerate(text_cell.lines):
            run = add_run(paragraph, line.text, font=self.font, size=line.size, bold=True)
            if i < len(text_cell.lines) - 1:
                run.add_break()

    def _picture(self, cell: Any, routed: Any) -> None:
        """The flowchart of the page as a transparent PNG over the actor columns and rows."""
        area = routed.page.flow_area
        png = self.pictures[routed.page.index]
        paragraph = cell.paragraphs[0]
        run = paragraph.add_run()
        run.add_picture(
            io.BytesIO(png), width=Emu(to_emu(area.width)), height=Emu(to_emu(area.height))
        )
        inline = run._r.find(".//" + qn("wp:inline"))
        ident = self._next_picture_id()
        anchor = anchor_inline(inline, x=to_emu(area.x), y=to_emu(area.y), ident=ident)
        inline.getparent().replace(inline, anchor)

    # --- the whole document --------------------------------------------------------------------

    def page_setup(self) -> None:
        """Paper, margins and the page-number footer of the (single) section."""
        first = self.word.sections[0]
        self._setup(first)
        self._footer(first)

    def page_break(self) -> None:
        """A page-break paragraph, not a section break: LibreOffice runs "next page" sections
        with equal page setup together. The paragraph is made 1 pt high at the end and the
        table after it starts at the top margin (checked in LibreOffice)."""
        self.word.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def sop(self) -> None:
        """The identity table, then one table per procedure page."""
        self.identity()
        for index in range(len(self.doc.pages)):
            self.page_break()
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
        buffer = io.BytesIO()
        self.word.save(buffer)
        return fixed_zip(buffer.getvalue())

    def build(self) -> bytes:
        sop = self.doc.sop
        self.page_setup()
        self.sop()
        author = sop.agency.unit or (sop.header[-1] if sop.header else "")
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
    document: Document, *, pictures: Sequence[bytes], template: Path | None = None
) -> bytes:
    """The whole SOP document as DOCX bytes; ``pictures`` are the procedure pages' flowcharts."""
    return SopWriter(document, template or DEFAULT_TEMPLATE, pictures=pictures).build()
