"""The identity pages of the DOCX: one table per page, written from the identity layout."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from typing import Any, Final

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Emu, Pt

from sopdoc.backends.docx.ooxml import (
    add_run,
    anchor_inline,
    exact_height,
    fixed_layout,
    no_split,
    paragraph_format,
    set_borders,
    set_cell_margins,
    twips,
)
from sopdoc.layout.geometry import PlacedLine, TextCell
from sopdoc.layout.identity_geometry import IdentityLayout, IdentityPage
from sopdoc.units import to_emu

#: Word wraps a line that is a hair too wide; cells keep this much slack beyond the layout.
WRAP_SLACK: Final = 0.5
#: The width of the table borders (``set_borders``: sz 4 eighths of a point).
BORDER: Final = 0.5
#: Spacers thinner than this are left out.
MIN_SPACER: Final = 0.5


class IdentityWriter:
    """Writes the identity pages of one SOP into a Word document."""

    def __init__(
        self,
        word: Any,
        layout: IdentityLayout,
        *,
        font: str,
        logo: bytes | None,
        page_break: Callable[[], None],
        picture_id: Callable[[], int],
    ) -> None:
        """``page_break`` adds a page-break paragraph; ``picture_id`` hands out drawing ids."""
        self.word = word
        self.layout = layout
        self.font = font
        self.logo = logo
        self.page_break = page_break
        self.picture_id = picture_id

    def write(self) -> None:
        for page in self.layout.pages:
            if page.index:
                self.page_break()
            self.page(page)

    def page(self, page: IdentityPage) -> None:
        """One table: fixed columns, exact rows that do not split, the layout's own lines."""
        style = self.layout.style
        table = self.word.add_table(rows=len(page.rows), cols=3)
        set_borders(table)
        pad = style.pad_x - WRAP_SLACK
        # Word (compatibility mode 14, the template's) and LibreOffice start a cell's text
        # below its top border and put the table's text, not its border, at the indent.
        set_cell_margins(table, left=pad, right=pad, top=style.pad_y - BORDER, bottom=0)
        fixed_layout(table, [c.width for c in self.layout.columns])
        indent = table._tbl.tblPr.find(qn("w:tblInd"))
        indent.set(qn("w:w"), twips(pad))
        kop_rows = 0
        for row, layout_row in zip(table.rows, page.rows, strict=True):
            exact_height(row, layout_row.box.height)
            no_split(row)
            cells = row.cells
            if len(layout_row.cells) == 2 and layout_row.cells[0].key.startswith("label:"):
                kop_rows += 1
                label, value = layout_row.cells
                self.lines(cells[1], label)
                self.lines(cells[2], value)
            else:
                left, right = layout_row.cells
                self.lines(cells[0].merge(cells[1]), left)
                self.lines(cells[2], right)
        if page.kop is not None and kop_rows:
            kop = table.cell(0, 0).merge(table.cell(kop_rows - 1, 0))
            self.kop(kop, page)

    def kop(self, cell: Any, page: IdentityPage) -> None:
        """The kop: a spacer down to where the layout centred the text, the logo anchored
        on the page at the layout's box, then the header lines."""
        assert page.kop is not None
        spacer = page.kop_text_top - (page.kop.box.y + self.layout.style.pad_y)
        paragraph = cell.paragraphs[0]
        first = True
        if spacer >= MIN_SPACER:
            paragraph_format(paragraph, size=1, leading=spacer)
            first = False
        if page.logo is not None and self.logo is not None:
            run = paragraph.add_run()
            box = page.logo
            run.add_picture(
                io.BytesIO(self.logo), width=Emu(to_emu(box.width)), height=Emu(to_emu(box.height))
            )
            inline = run._r.find(".//" + qn("wp:inline"))
            anchor = anchor_inline(
                inline, x=to_emu(box.x), y=to_emu(box.y), ident=self.picture_id()
            )
            inline.getparent().replace(inline, anchor)
        self.lines(cell, page.kop, first=first)

    def lines(self, cell: Any, text_cell: TextCell, *, first: bool = True) -> None:
        """The layout's lines with its own breaks and exact line spacing: never re-wrapped.

        An indented line continues the item above it (a hanging indent under its marker);
        an empty line is an empty paragraph of the same line height.
        """
        if not text_cell.lines:  # an empty cell: its paragraph must not grow the row
            paragraph_format(cell.paragraphs[0], size=1, leading=1)
            return
        left = text_cell.box.x + self.layout.style.pad_x
        groups: list[tuple[float, list[PlacedLine]]] = []
        for line in text_cell.lines:
            indent = line.x - left
            if groups and text_cell.align != "center" and indent >= 0.5 and line.text:
                groups[-1] = (indent, [*groups[-1][1], line])
            else:
                groups.append((0.0, [line]))
        for number, (indent, lines) in enumerate(groups):
            use_first = first and number == 0
            paragraph = cell.paragraphs[0] if use_first else cell.add_paragraph()
            self._paragraph(paragraph, lines, indent=indent, center=text_cell.align == "center")

    def _paragraph(
        self, paragraph: Any, lines: Sequence[PlacedLine], *, indent: float, center: bool
    ) -> None:
        size = lines[0].size
        paragraph_format(paragraph, size=size, leading=self.layout.leading(size))
        if center:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if indent:
            paragraph.paragraph_format.left_indent = Pt(indent)
            paragraph.paragraph_format.first_line_indent = Pt(-indent)
        for i, line in enumerate(lines):
            if not line.text:  # an empty line: the paragraph's exact height is the line
                continue
            run = add_run(paragraph, line.text, font=self.font, size=line.size, bold=line.bold)
            if line.underline:
                run.font.underline = True
            if i < len(lines) - 1:
                run.add_break()
