"""The official SOP document as DOCX: editable tables, exact row heights, flowchart on top."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, Final

from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Emu

from sopdoc import words
from sopdoc.backends.docx import wml
from sopdoc.backends.docx.cells import TINY_PARAGRAPH, CellText
from sopdoc.backends.docx.identity import NO_MARGINS, IdentityWriter, running_row
from sopdoc.backends.docx.numbering import Numbering
from sopdoc.backends.docx.ooxml import (
    anchor_drawing,
    drawing_run,
    graphic_of,
    normalise_package,
    picture_run,
)
from sopdoc.backends.docx.package import (
    empty_document,
    package_bytes,
    part_xml,
    styles_and_numbering,
)
from sopdoc.backends.docx.shapes import GROUP_URI, scene_group
from sopdoc.backends.docx.styles import Role, document_styles
from sopdoc.backends.drawingml import ZIP_TIME
from sopdoc.drawing.document import Document
from sopdoc.drawing.pages import RoutedPage
from sopdoc.layout import (
    ColumnId,
    ColumnKind,
    HeaderId,
    ProcedureLayout,
    Span,
    TextCell,
)
from sopdoc.layout.text import TEXT_SLACK
from sopdoc.namespaces import WPS
from sopdoc.resources import template_path
from sopdoc.units import mm, to_emu

#: The styles document every SOP starts from; ``--template`` replaces it.
DEFAULT_TEMPLATE: Final = template_path()
#: Document properties get the zip entries' time so the same workbook gives the same bytes.
FIXED_TIME: Final = datetime(*ZIP_TIME)
#: The header cells that span both header rows.
_BOTH_ROWS: Final = (ColumnKind.NO, ColumnKind.KEGIATAN, ColumnKind.KETERANGAN)
#: The empty paragraph between tables and after the last, 1 pt high (its mark too).
SEPARATOR: Final = wml.paragraph(leading=1, mark=wml.run_properties(size=1))
#: The height of the row the flowchart is anchored in, between the header and the first
#: step (one twip, in points): an exact row no text stands in, so that every step row can
#: grow with its text (LibreOffice grows the row of an anchored drawing to hold it all).
ANCHOR_ROW: Final = 0.05
#: The header cells' shading.
HEADER_FILL: Final = "D9E2F3"


class SopWriter:
    """Builds one SOP's document from its layout."""

    def __init__(
        self,
        document: Document,
        template: Path,
        *,
        pictures: Sequence[bytes] | None = None,
        book: SopWriter | None = None,
    ) -> None:
        """Write into a fresh copy of ``template``, or into ``book``'s document (in its
        styles and lists); each procedure page's flowchart is a group of Word shapes, or
        with ``pictures`` (the flowchart PNGs of the procedure pages, one per page) a
        locked picture."""
        self.doc = document
        self.font = document.sop.agency.font
        if book is None:
            self.word = empty_document(template)
            self.styles = document_styles(document)
            self.styles_part, self.numbering_part = styles_and_numbering(self.word)
            self.numbering = Numbering(part_xml(self.numbering_part))
        else:
            self.word = book.word
            self.styles, self.numbering = book.styles, book.numbering
            self.styles_part, self.numbering_part = book.styles_part, book.numbering_part
        layout = document.layout.style
        self.cells = CellText(
            styles=self.styles,
            numbering=self.numbering,
            pad_x=layout.pad_x,
            leading=lambda size: size * layout.leading,
        )
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
        """ "Halaman X dari Y" with PAGE and NUMPAGES fields, right-aligned, in its style."""
        head, _, rest = words.DOC_PAGE_NUMBER.partition("{page}")
        middle, _, tail = rest.partition("{total}")
        content = ""
        for piece, field in ((head, "PAGE"), (middle, "NUMPAGES"), (tail, None)):
            if piece:
                content += wml.run(piece)
            if field:
                content += f'<w:fldSimple w:instr=" {field} ">{wml.run("1")}</w:fldSimple>'
        old = section.footer.paragraphs[0]._p
        old.addnext(wml.parse(wml.paragraph(content, style=Role.FOOTER.value, leading=None)))
        old.getparent().remove(old)

    # --- identity pages ----------------------------------------------------------------------

    def identity(
        self, *, start_page: bool = False, bookmark: tuple[str, int] | None = None
    ) -> None:
        """The identity pages, from the identity layout (one table per page); with
        ``start_page`` the first starts a page too, and a ``bookmark`` marks its start."""
        identity = self.doc.identity
        IdentityWriter(
            self.word,
            identity,
            cells=CellText(
                styles=self.styles,
                numbering=self.numbering,
                pad_x=identity.style.pad_x,
                leading=identity.leading,
            ),
            logo=self.doc.logo,
            separator=self.separator,
            picture_id=self.next_picture_id,
        ).write(start_page=start_page, bookmark=bookmark)

    def next_picture_id(self) -> int:
        """A drawing id no other drawing of the document has."""
        self.picture_id += 1
        return self.picture_id

    # --- procedure pages -----------------------------------------------------------------------

    def _cell_text(
        self,
        text_cell: TextCell[Any],
        *,
        role: Role,
        before: float,
        page_break: bool = False,
        reflow: bool = False,
    ) -> str:
        """A cell's paragraphs in ``role``'s style: with ``reflow`` (a step's text) those
        the user wrote, which Word wraps; else the layout's lines (the header, which the
        layout hyphenated)."""
        return self.cells.lines(
            text_cell, role=role, before=before, page_break=page_break, reflow=reflow
        )

    def procedure_page(self, index: int) -> None:
        """One procedure page as its own table, starting a new page, with its flowchart.

        Two header rows that repeat on every page (NO, KEGIATAN and KETERANGAN span both,
        PELAKSANA spans the lanes and MUTU BAKU its three columns), then a row per step.
        """
        layout: ProcedureLayout = self.doc.layout
        routed = self.doc.pages[index]
        page = routed.page
        style = layout.style
        columns = list(layout.columns)
        widths = [wml.emu_twips(c.width) for c in columns]
        keys: list[HeaderId] = [c.key for c in columns]
        header = {cell.key: cell for cell in page.header}
        first_lane = keys.index(ColumnId(ColumnKind.LANE, 0))
        # The header cells over several columns (PELAKSANA, MUTU BAKU), from the layout's
        # boxes: the columns a span covers and the first of them.
        spans: dict[int, int] = {}
        span_keys: dict[int, Span] = {}
        for span in (Span.PELAKSANA, Span.MUTU):
            box = header[span].box
            covered = [i for i, c in enumerate(columns) if box.x - 0.01 <= c.x < box.right - 0.01]
            spans[covered[0]] = len(covered)
            span_keys[covered[0]] = span
        top: list[str] = []
        bottom: list[str] = []
        rows: list[str] = []
        running = layout.running
        if running is not None:
            text = self._cell_text(running, role=Role.RUNNING, before=0.0, page_break=True)
            rows.append(running_row(text, widths=widths, height=running.box.height))
        first = running is None  # the cell that starts the page
        for i, key in enumerate(keys):
            if isinstance(key, ColumnId) and key.kind in _BOTH_ROWS:
                text = self._cell_text(
                    header[key], role=Role.HEADER, before=0.0, page_break=first and i == 0
                )
                top.append(_header_cell(text, width=widths[i], merge="restart"))
                bottom.append(wml.cell(width=widths[i], merge="continue"))
                continue
            if i in spans:
                text = self._cell_text(
                    header[span_keys[i]], role=Role.HEADER, before=0.0, page_break=first and i == 0
                )
                width = sum(widths[i : i + spans[i]])
                top.append(_header_cell(text, width=width, span=spans[i]))
            text = self._cell_text(header[key], role=Role.HEADER, before=0.0)
            bottom.append(_header_cell(text, width=widths[i]))
        h1 = header[Span.PELAKSANA].box.height
        h2 = header[ColumnId(ColumnKind.LANE, 0)].box.height
        rows += [wml.row(top, height=h1, header=True), wml.row(bottom, height=h2, header=True)]
        if page.rows:  # the flowchart's anchor: a row of no height, its lane cell no margins
            anchor = [
                wml.cell(TINY_PARAGRAPH, width=width, cell_margins=NO_MARGINS) for width in widths
            ]
            rows.append(wml.row(anchor, height=ANCHOR_ROW, exact=True))
        for number, step_row in enumerate(page.rows):
            texts = {keys.index(c.key): c for c in step_row.cells}
            cells = []
            for i, width in enumerate(widths):
                if i in texts:
                    text = self._cell_text(
                        texts[i], role=Role.STEP, before=style.pad_y, reflow=True
                    )
                    cells.append(wml.cell(text, width=width, valign="top"))
                else:
                    cells.append(wml.cell(width=width))
            # Every step row grows with its text; the first gives the anchor row its height.
            height = step_row.box.height - (ANCHOR_ROW if number == 0 else 0.0)
            rows.append(wml.row(cells, height=height))
        self.separator()
        # No top or bottom cell margins: header text is centred in the whole cell box, step
        # text gets its top padding as space before, and the flowchart's anchor cell has no
        # margin at all, so every reading of the anchor (cell edge, cell margin, paragraph
        # start) is the same point.
        pad = style.pad_x - TEXT_SLACK
        table = wml.add_block(
            self.word,
            wml.table(
                rows,
                widths=[c.width for c in columns],
                cell_margins={"left": pad, "right": pad, "top": 0.0, "bottom": 0.0},
            ),
        )
        if page.rows:
            anchor_row = table.findall(qn("w:tr"))[2 if running is None else 3]
            paragraph = anchor_row.findall(qn("w:tc"))[first_lane].find(qn("w:p"))
            paragraph.append(self._flowchart(routed))

    def _flowchart(self, routed: RoutedPage) -> Any:
        """The run holding the flowchart of the page: a group of shapes, or the page's picture.

        It is anchored in the first lane cell of the anchor row (``ANCHOR_ROW``) above the
        first step, whose top-left corner is the flow area's: the cell has no margins, the
        anchor is laid out in the cell at offset 0, and its paragraph starts at the cell's
        top edge.
        """
        area = routed.page.flow_area
        if self.pictures is not None:
            # The flowchart of the page as its transparent PNG, locked as one picture.
            return picture_run(
                self.word,
                self.pictures[routed.page.index],
                size=(to_emu(area.width), to_emu(area.height)),
                ident=self.next_picture_id(),
            )
        ident = self.next_picture_id()
        group, frame = scene_group(
            routed.scene, area=area, font=self.doc.font.files, next_id=self.next_picture_id
        )
        anchor = anchor_drawing(
            graphic_of(group, uri=GROUP_URI),
            size=(to_emu(frame.width), to_emu(frame.height)),
            ident=ident,
            name=words.DOC_PICTURE_NAME.format(number=ident),
            x=to_emu(frame.x - area.x),
            y=to_emu(frame.y - area.y),
        )
        return drawing_run(anchor)

    # --- the whole document --------------------------------------------------------------------

    def page_setup(self) -> None:
        """Paper, margins and the page-number footer of the (single) section."""
        first = self.word.sections[0]
        self._setup(first)
        self._footer(first)

    def separator(self) -> None:
        """The empty paragraph that keeps two tables apart, on the page before (1 pt high).

        Not a page-break paragraph: Word puts the paragraph mark after a break on the new
        page, which would push the table down; not a section break: LibreOffice runs "next
        page" sections with equal page setup together.
        """
        if len(self.word.element.body) > 1:  # something besides the sectPr
            wml.add_block(self.word, SEPARATOR)

    def sop(self, *, bookmark: tuple[str, int] | None = None) -> None:
        """The identity table, then one table per procedure page; a ``bookmark`` (name and
        id) marks where the SOP starts."""
        after_content = len(self.word.element.body) > 1  # in a book: after other pages
        self.separator()
        self.identity(start_page=after_content, bookmark=bookmark)
        for index in range(len(self.doc.pages)):
            self.procedure_page(index)

    def finish(self, *, title: str, subject: str, author: str, keywords: str = "") -> bytes:
        """Close the body, set the properties, and return the package bytes."""
        wml.add_block(self.word, SEPARATOR)  # a document never ends in a table
        props = self.word.core_properties
        props.title = title
        props.subject = subject
        props.author = author
        props.keywords = keywords
        props.language = words.DOC_LANGUAGE
        props.last_modified_by = "sopdoc"
        props.comments = "sopdoc"
        props.revision = 1
        props.created = FIXED_TIME
        props.modified = FIXED_TIME
        normalise_package(self.word)
        replaced = {
            self.styles_part: self.styles.merged(part_xml(self.styles_part)),
            self.numbering_part: self.numbering.merged(),
        }
        return package_bytes(self.word, replaced=replaced)

    def build(self) -> bytes:
        sop = self.doc.sop
        self.page_setup()
        self.sop()
        keywords = words.DOC_KEYWORDS.format(nomor=sop.identity.nomor, issuer=" ".join(sop.issuer))
        return self.finish(
            title=sop.identity.nama, subject=sop.identity.nomor, author=sop.unit, keywords=keywords
        )


def render_docx(
    document: Document, *, pictures: Sequence[bytes] | None = None, template: Path | None = None
) -> bytes:
    """The whole SOP document as DOCX bytes: each procedure page's flowchart as Word shapes,
    or with ``pictures`` (one PNG per procedure page) as locked pictures."""
    return SopWriter(document, template or DEFAULT_TEMPLATE, pictures=pictures).build()


def _header_cell(
    text: str, *, width: int, span: int = 1, merge: wml.VerticalMerge | None = None
) -> str:
    """A shaded header cell, its text centred vertically."""
    return wml.cell(text, width=width, span=span, merge=merge, fill=HEADER_FILL, valign="center")
