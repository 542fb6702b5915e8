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
from sopdoc.backends.docx.ooxml import (
    ZIP_TIME,
    add_run,
    anchor_inline,
    exact_height,
    fixed_layout,
    fixed_zip,
    no_split,
    paragraph_format,
    remove_border,
    repeat_header,
    set_borders,
    set_cell_margins,
    shade,
)
from sopdoc.dates import identity_date_text
from sopdoc.drawing.document import Document
from sopdoc.errors import SopdocError
from sopdoc.layout import PlacedLine, ProcedureLayout, TextCell
from sopdoc.layout.wrap import split_marker
from sopdoc.model import Section, Signatory, Sop
from sopdoc.units import mm, to_emu

#: The styles document every SOP starts from; ``--template`` replaces it.
DEFAULT_TEMPLATE: Final = Path(__file__).resolve().parents[3] / "templates" / "sopdoc.docx"
IDENTITY_SIZE: Final = 10.0
SECTION_SIZE: Final = 9.5
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

    # --- identity page -------------------------------------------------------------------------

    def _text(
        self,
        cell: Any,
        text: str,
        *,
        bold: bool = False,
        size: float = IDENTITY_SIZE,
        align: Any = None,
        first: bool = True,
    ) -> Any:
        paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
        paragraph_format(paragraph, size=size)
        if align is not None:
            paragraph.alignment = align
        add_run(paragraph, text, font=self.font, size=size, bold=bold)
        return paragraph

    def _item(self, cell: Any, text: str, *, first: bool) -> None:
        marker, rest = split_marker(text)
        paragraph = self._text(cell, text, size=SECTION_SIZE, first=first)
        if marker:
            hang = self.doc.font.width(f"{marker} ", SECTION_SIZE)
            paragraph.paragraph_format.left_indent = Pt(hang)
            paragraph.paragraph_format.first_line_indent = Pt(-hang)
        del rest

    def _signature(self, cell: Any, signatory: Signatory | None) -> None:
        if signatory is None:
            self._text(cell, msg.DOC_NO_VALUE)
            return
        self._text(cell, signatory.jabatan)
        space = cell.add_paragraph()
        paragraph_format(space, size=IDENTITY_SIZE, leading=mm(16))
        if signatory.nama:
            name = self._text(cell, signatory.nama, bold=True, first=False)
            name.runs[0].font.underline = True
        for line in (signatory.pangkat, signatory.nip):
            if line:
                self._text(cell, line, first=False)

    def identity(self) -> None:
        sop = self.doc.sop
        layout = self.doc.layout
        width = layout.page_width - layout.style.margin_left - layout.style.margin_right
        widths = [width * 0.35, width * 0.15, width * 0.50]
        sections = sop.sections
        pairs = msg.DOC_SECTION_TITLES
        counts = [
            max(len(getattr(sections, left)), len(getattr(sections, right)), 1)
            for left, _, right, _ in pairs
        ]
        rows = len(msg.DOC_IDENTITY_LABELS) + sum(1 + c for c in counts)
        table = self.word.add_table(rows=rows, cols=3)
        set_borders(table)
        set_cell_margins(table, left=5, right=5, top=3, bottom=3)
        fixed_layout(table, widths)
        identity_rows = len(msg.DOC_IDENTITY_LABELS)
        for i, (field, label) in enumerate(msg.DOC_IDENTITY_LABELS):
            row = table.rows[i]
            repeat_header(row)
            no_split(row)
            self._text(row.cells[1], label, bold=True)
            self._identity_value(row.cells[2], sop, field)
        kop = table.cell(0, 0).merge(table.cell(identity_rows - 1, 0))
        kop.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        self._kop(kop, sop)
        r = identity_rows
        for (left, left_title, right, right_title), count in zip(pairs, counts, strict=True):
            title = table.rows[r]
            self._text(
                title.cells[0].merge(title.cells[1]), left_title, bold=True, size=SECTION_SIZE
            )
            self._text(title.cells[2], right_title, bold=True, size=SECTION_SIZE)
            left_items: Section = getattr(sections, left)
            right_items: Section = getattr(sections, right)
            for k in range(count):
                row = table.rows[r + 1 + k]
                for cell in row.cells:  # items of one section share one box, as in the PDF
                    remove_border(cell, "top" if k > 0 else "none")
                    remove_border(cell, "bottom" if k < count - 1 else "none")
                merged = row.cells[0].merge(row.cells[1])
                if k < len(left_items):
                    self._item(merged, left_items.items[k], first=True)
                if k < len(right_items):
                    self._item(row.cells[2], right_items.items[k], first=True)
            r += 1 + count

    def _identity_value(self, cell: Any, sop: Sop, field: str) -> None:
        identity = sop.identity
        if field == "disahkan":
            self._signature(cell, identity.disahkan)
        elif field == "nama":
            self._text(cell, identity.nama, bold=True)
        elif field == "nomor":
            self._text(cell, identity.nomor)
        else:
            self._text(cell, identity_date_text(identity, field))

    def _kop(self, cell: Any, sop: Sop) -> None:
        first = True
        logo = sop.agency.logo
        if logo is not None:
            paragraph = cell.paragraphs[0]
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            try:
                paragraph.add_run().add_picture(str(logo), height=Emu(to_emu(mm(22))))
                first = False
            except Exception:
                pass
        header = sop.header or tuple(x for x in (sop.agency.pemerintah, sop.agency.unit) if x)
        for line in header:
            self._text(
                cell, line.upper(), bold=True, size=12, align=WD_ALIGN_PARAGRAPH.CENTER, first=first
            )
            first = False
        if sop.agency.alamat:
            self._text(
                cell, sop.agency.alamat, size=8.5, align=WD_ALIGN_PARAGRAPH.CENTER, first=first
            )

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
        self.picture_id += 1
        anchor = anchor_inline(inline, x=to_emu(area.x), y=to_emu(area.y), ident=self.picture_id)
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
