"""The geometry of the identity pages: their style, rows, pages and layout."""

from __future__ import annotations

from dataclasses import dataclass

from sopdoc.layout.geometry import Box, Column, IdentityCellId, IdentityPart, TextCell
from sopdoc.model import Paper
from sopdoc.units import Pt, mm


@dataclass(frozen=True)
class IdentityStyle:
    """Sizes that shape the identity page; page size and margins come from ``LayoutStyle``."""

    label_size: Pt = 10.0
    value_size: Pt = 10.0
    kop_size: Pt = 12.0
    alamat_size: Pt = 8.5
    section_size: Pt = 9.5
    #: Line height as a multiple of the font size, for every line of the page.
    leading: float = 1.2
    pad_x: Pt = 5.0
    pad_y: Pt = 3.0
    #: Room under the last line of a section pair.
    section_pad_bottom: Pt = 6.0
    #: Blank lines (of the value size) left for the signature between jabatan and nama.
    signature_lines: int = 4
    #: The line above a continuation page's table: its size and the room under it.
    running_size: Pt = 7.5
    running_gap: Pt = 2.0
    logo_max_height: Pt = mm(22)
    #: The logo is at most this share of the kop column wide.
    logo_max_share: float = 0.6
    #: Between the logo and the first header line.
    logo_gap: Pt = 4.0
    #: Kop, label and value columns as shares of the text width.
    shares: tuple[float, float, float] = (0.35, 0.15, 0.50)


@dataclass(frozen=True)
class IdentityRow:
    """One table row: its box across the table and its text cells (their boxes are the spans).

    Identity rows hold a label and a value cell (the kop spans them all); section rows hold
    the left section (kop and label columns together) and the right section.
    """

    key: str
    box: Box
    cells: tuple[TextCell[IdentityCellId], ...]


@dataclass(frozen=True)
class IdentityPage:
    """One identity page: the rows, the kop (first page only) and the logo's box."""

    index: int
    table: Box
    rows: tuple[IdentityRow, ...]
    kop: TextCell[IdentityCellId] | None = None
    logo: Box | None = None
    #: Where the kop's first text line (its leading box) starts: the kop is centred in its span.
    kop_text_top: Pt = 0.0
    #: On a continuation page, the line above the table naming the SOP (the kop is not
    #: repeated); None on the first page.
    running: TextCell[IdentityCellId] | None = None

    @property
    def rules(self) -> tuple[tuple[Pt, Pt, Pt, Pt], ...]:
        """The grid as segments (x0, y0, x1, y1): every cell's outline, once per cell."""
        boxes = [cell.box for row in self.rows for cell in row.cells]
        if self.kop is not None:
            boxes.append(self.kop.box)
        segments: set[tuple[Pt, Pt, Pt, Pt]] = set()
        for b in boxes:
            segments |= {
                (b.x, b.y, b.right, b.y),
                (b.x, b.bottom, b.right, b.bottom),
                (b.x, b.y, b.x, b.bottom),
                (b.right, b.y, b.right, b.bottom),
            }
        return tuple(sorted(segments))


@dataclass(frozen=True)
class IdentityLayout:
    """The identity pages of one SOP on one paper."""

    paper: Paper
    page_width: Pt
    page_height: Pt
    columns: tuple[Column[IdentityPart], Column[IdentityPart], Column[IdentityPart]]
    pages: tuple[IdentityPage, ...]
    style: IdentityStyle
    #: The size the section text was set in (smaller when it had to fit one page).
    section_size: Pt

    def leading(self, size: Pt) -> Pt:
        """The line height of text of ``size`` points."""
        return size * self.style.leading
