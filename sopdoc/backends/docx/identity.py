"""The identity pages of the DOCX: one table per page, written from the identity layout."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any, Final

from docx.oxml.ns import qn
from docx.shared import Emu

from sopdoc.backends.docx.cells import BORDER, write_lines
from sopdoc.backends.docx.ooxml import (
    anchor_in_cell,
    cell_margins,
    exact_height,
    no_split,
    paragraph_format,
    start_page,
    table_geometry,
)
from sopdoc.layout.geometry import IdentityCellId, IdentityPart, TextCell
from sopdoc.layout.identity_geometry import IdentityLayout, IdentityPage
from sopdoc.units import to_emu

#: Word wraps a line that is a hair too wide; cells keep this much slack beyond the layout.
WRAP_SLACK: Final = 0.5
#: Spacers thinner than this are left out.
MIN_SPACER: Final = 0.5
#: No margin on any side, for the kop cell whose corner anchors the logo.
NO_MARGINS: Final = {"top": 0.0, "left": 0.0, "bottom": 0.0, "right": 0.0}


class IdentityWriter:
    """Writes the identity pages of one SOP into a Word document."""

    def __init__(
        self,
        word: Any,
        layout: IdentityLayout,
        *,
        font: str,
        logo: bytes | None,
        separator: Callable[[], None],
        picture_id: Callable[[], int],
    ) -> None:
        """``separator`` adds the paragraph between two tables; ``picture_id`` hands out
        drawing ids."""
        self.word = word
        self.layout = layout
        self.font = font
        self.logo = logo
        self.separator = separator
        self.picture_id = picture_id

    def write(self) -> list[Any]:
        """Every identity page as a table (each after the first starts its page)."""
        tables: list[Any] = []
        for page in self.layout.pages:
            if tables:
                self.separator()
            table = self.page(page)
            if tables:
                start_page(table)
            tables.append(table)
        return tables

    def page(self, page: IdentityPage) -> Any:
        """One table: fixed columns, exact rows that do not split, the layout's own lines.

        No top or bottom cell margins: the text's top padding is space before (see
        ``write_lines``), so the kop cell's corner, which anchors the logo, is one point in
        every reading.
        """
        style = self.layout.style
        table = self.word.add_table(rows=len(page.rows), cols=3)
        pad = style.pad_x - WRAP_SLACK
        table_geometry(
            table,
            widths=[c.width for c in self.layout.columns],
            margins={"left": pad, "right": pad, "top": 0.0, "bottom": 0.0},
        )
        kop_rows = 0
        for row, layout_row in zip(table.rows, page.rows, strict=True):
            exact_height(row, layout_row.box.height)
            no_split(row)
            cells = row.cells
            key = layout_row.cells[0].key
            if isinstance(key, IdentityCellId) and key.part is IdentityPart.LABEL:
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
        return table

    def kop(self, cell: Any, page: IdentityPage) -> None:
        """The kop: a spacer down to where the layout centred the text, the logo anchored at
        the layout's box from the cell's corner, then the header lines."""
        assert page.kop is not None
        cell_margins(cell, NO_MARGINS)
        spacer = page.kop_text_top - page.kop.box.y - BORDER  # text starts below the border
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
            anchor = anchor_in_cell(
                inline,
                ident=self.picture_id(),
                x=to_emu(box.x - page.kop.box.x),
                y=to_emu(box.y - page.kop.box.y),
            )
            inline.getparent().replace(inline, anchor)
        self.lines(cell, page.kop, first=first, before=0.0)

    def lines(
        self,
        cell: Any,
        text_cell: TextCell[IdentityCellId],
        *,
        first: bool = True,
        before: float | None = None,
    ) -> None:
        """The layout's lines of one cell, with the layout's top padding above them."""
        write_lines(
            cell,
            text_cell,
            font=self.font,
            pad_x=self.layout.style.pad_x,
            leading=self.layout.leading,
            before=self.layout.style.pad_y if before is None else before,
            first=first,
        )
