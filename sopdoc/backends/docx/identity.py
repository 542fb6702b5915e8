"""The identity pages of the DOCX: one table per page, written from the identity layout."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Final

from docx.oxml.ns import qn

from sopdoc.backends.docx import wml
from sopdoc.backends.docx.cells import BORDER, CellText
from sopdoc.backends.docx.ooxml import picture_run
from sopdoc.backends.docx.styles import Role
from sopdoc.layout.geometry import IdentityCellId, IdentityPart, TextCell
from sopdoc.layout.identity_geometry import IdentityLayout, IdentityPage, IdentityRow
from sopdoc.layout.text import TEXT_SLACK
from sopdoc.units import to_emu

#: Spacers thinner than this are left out.
MIN_SPACER: Final = 0.5
#: A running line's row: no border but the table's top line below it.
RUNNING_BORDERS: Final = {"top": "nil", "left": "nil", "right": "nil"}
#: No margin on any side, for the kop cell whose corner anchors the logo.
NO_MARGINS: Final = {"top": 0.0, "left": 0.0, "bottom": 0.0, "right": 0.0}


class IdentityWriter:
    """Writes the identity pages of one SOP into a Word document."""

    def __init__(
        self,
        word: Any,
        layout: IdentityLayout,
        *,
        cells: CellText,
        logo: bytes | None,
        separator: Callable[[], None],
        picture_id: Callable[[], int],
    ) -> None:
        """``cells`` writes the cells' text; ``separator`` adds the paragraph between two
        tables; ``picture_id`` hands out drawing ids."""
        self.word = word
        self.layout = layout
        self.cells = cells
        self.logo = logo
        self.separator = separator
        self.picture_id = picture_id
        self.widths = [wml.emu_twips(c.width) for c in layout.columns]

    def write(self, *, start_page: bool = False, bookmark: tuple[str, int] | None = None) -> None:
        """Every identity page as a table; each after the first starts its page, and with
        ``start_page`` the first does too. A ``bookmark`` (name and id) marks the first
        label (where a book's Daftar Isi points)."""
        for page in self.layout.pages:
            if page.index:
                self.separator()
            mark = bookmark if page.index == 0 else None
            self.page(page, start_page=start_page or bool(page.index), bookmark=mark)

    def page(
        self, page: IdentityPage, *, start_page: bool, bookmark: tuple[str, int] | None = None
    ) -> None:
        """One table: fixed columns, exact rows that do not split, the layout's own lines.

        No top or bottom cell margins: the text's top padding is space before (see
        ``cell_lines``), so the kop cell's corner, which anchors the logo, is one point in
        every reading. The kop cell spans the label rows, which come first.
        """
        style = self.layout.style
        label_col, value_col = self.widths[1], self.widths[2]
        kop_rows = sum(1 for r in page.rows if _is_label(r.cells[0].key))
        with_kop = page.kop is not None and kop_rows > 0
        rows = []
        if page.running is not None:
            text = self.lines(page.running, Role.RUNNING, before=0.0, page_break=start_page)
            rows.append(running_row(text, widths=self.widths, height=page.running.box.height))
            start_page = False
        for number, layout_row in enumerate(page.rows):
            cells = layout_row.cells
            first = start_page and number == 0
            if _is_label(cells[0].key):
                label, value = cells
                kop = wml.cell(width=self.widths[0])
                if with_kop:
                    kop = self._kop_cell(page, number, kop_rows, page_break=first)
                    first = False
                elif first:
                    kop = wml.cell(wml.BREAK_PARAGRAPH, width=self.widths[0])
                    first = False
                label_text = self.lines(label, Role.LABEL, page_break=first)
                if bookmark is not None and number == 0:
                    label_text = wml.bookmarked(label_text, *bookmark)
                row = [
                    kop,
                    wml.cell(label_text, width=label_col),
                    wml.cell(self.lines(value, Role.VALUE, reflow=True), width=value_col),
                ]
            else:
                left, right = cells
                row = [
                    self._section_cell(
                        left, layout_row, width=self.widths[0] + label_col, page_break=first
                    ),
                    self._section_cell(right, layout_row, width=value_col),
                ]
            rows.append(wml.row(row, height=layout_row.box.height))
        pad = style.pad_x - TEXT_SLACK
        table = wml.add_block(
            self.word,
            wml.table(
                rows,
                widths=[c.width for c in self.layout.columns],
                cell_margins={"left": pad, "right": pad, "top": 0.0, "bottom": 0.0},
            ),
        )
        if with_kop:
            self._logo(table, page)

    def _section_cell(
        self,
        cell: TextCell[IdentityCellId],
        row: IdentityRow,
        *,
        width: int,
        page_break: bool = False,
    ) -> str:
        """A section's cell in ``row``: when the columns flow on their own a section spans
        several rows, its text in the first (a vertical merge), the others continuing it."""
        span = 2 if cell.key.part is IdentityPart.LEFT else 1
        spans_rows = cell.box.y < row.box.y - 0.01 or cell.box.bottom > row.box.bottom + 0.01
        if not spans_rows:
            content = self.lines(cell, Role.SECTION, page_break=page_break, reflow=True)
            return wml.cell(content, width=width, span=span)
        if cell.box.y < row.box.y - 0.01:  # a later row of the section: merged with it
            content = wml.paragraph(leading=1, page_break=page_break)
            return wml.cell(content, width=width, span=span, merge="continue")
        content = self.lines(cell, Role.SECTION, page_break=page_break, reflow=True)
        return wml.cell(content, width=width, span=span, merge="restart")

    def _kop_cell(self, page: IdentityPage, number: int, rows: int, *, page_break: bool) -> str:
        """The kop's cell in row ``number`` of the ``rows`` it spans: in the first a spacer
        down to where the layout centred the text, then the header lines."""
        merge: wml.VerticalMerge | None = None if rows == 1 else "restart"
        if number:
            return wml.cell(width=self.widths[0], merge="continue")
        assert page.kop is not None
        spacer = page.kop_text_top - page.kop.box.y - BORDER  # text starts below the border
        content = ""
        if spacer >= MIN_SPACER:
            content = wml.paragraph(leading=spacer, page_break=page_break)
            page_break = False
        content += self.lines(page.kop, Role.KOP, before=0.0, page_break=page_break)
        return wml.cell(content, width=self.widths[0], merge=merge, cell_margins=NO_MARGINS)

    def _logo(self, table: Any, page: IdentityPage) -> None:
        """The logo anchored at the layout's box from the kop cell's corner, as the first run
        of the cell's first paragraph."""
        if page.logo is None or self.logo is None:
            return
        assert page.kop is not None
        box = page.logo
        run = picture_run(
            self.word,
            self.logo,
            size=(to_emu(box.width), to_emu(box.height)),
            ident=self.picture_id(),
            x=to_emu(box.x - page.kop.box.x),
            y=to_emu(box.y - page.kop.box.y),
        )
        paragraph = table.find(qn("w:tr")).find(qn("w:tc")).find(qn("w:p"))
        paragraph.find(qn("w:pPr")).addnext(run)

    def lines(
        self,
        text_cell: TextCell[IdentityCellId],
        role: Role,
        *,
        before: float | None = None,
        page_break: bool = False,
        reflow: bool = False,
    ) -> str:
        """One cell's paragraphs in ``role``'s style (a section's titles in theirs), with the
        layout's top padding above them: with ``reflow`` (values and sections) those the
        user wrote, else the layout's lines."""
        return self.cells.lines(
            text_cell,
            role=role,
            title=Role.SECTION_TITLE if role is Role.SECTION else None,
            before=self.layout.style.pad_y if before is None else before,
            page_break=page_break,
            reflow=reflow,
        )


def running_row(text: str, *, widths: Sequence[int], height: float) -> str:
    """The borderless first row of a table (only the table's top line below it) holding a
    running line naming the SOP across every column."""
    cell = wml.cell(
        text,
        width=sum(widths),
        span=len(widths),
        cell_margins=NO_MARGINS,
        borders=RUNNING_BORDERS,
    )
    return wml.row([cell], height=height, lines=wml.LINE_WIDTH / 2)


def _is_label(key: object) -> bool:
    return isinstance(key, IdentityCellId) and key.part is IdentityPart.LABEL
