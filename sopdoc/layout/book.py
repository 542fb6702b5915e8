"""The Buku SOP's own pages (cover, Daftar Isi, monitoring form): the sizes and column shares
both its PDF and its DOCX are drawn with."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from sopdoc import words
from sopdoc.model import Sop
from sopdoc.units import Pt, mm


@dataclass(frozen=True)
class BookStyle:
    """Text sizes of the book's own pages and the column shares of its two tables."""

    #: "BUKU SOP" on the cover.
    cover_size: Pt = 26.0
    #: The cover's kop lines and the titles of the Daftar Isi and the monitoring form.
    heading_size: Pt = 16.0
    #: The cover's year.
    year_size: Pt = 14.0
    #: NO, NOMOR SOP, NAMA SOP, HALAMAN.
    toc_shares: tuple[float, ...] = (0.06, 0.28, 0.54, 0.12)
    #: NO, PROSEDUR, the two PENILAIAN columns, the two PENERAPAN columns, CATATAN.
    monitoring_shares: tuple[float, ...] = (0.05, 0.30, 0.10, 0.10, 0.17, 0.17, 0.11)


BOOK_STYLE: Final = BookStyle()


def column_widths(shares: Sequence[float], width: Pt) -> list[Pt]:
    """A table's column widths for a text ``width``, from its columns' shares."""
    return [width * share for share in shares]


#: Space above the cover's title, between it and the kop lines, and above the year.
COVER_TOP: Final = mm(30)
COVER_GAP: Final = mm(10)
YEAR_GAP: Final = mm(8)
#: The logo's height on the cover, and the space below it.
COVER_LOGO: Final = mm(35)
LOGO_GAP: Final = mm(8)
#: Space below the titles of the Daftar Isi and the monitoring form.
TITLE_GAP: Final = mm(6)
#: Space below each row's text in the monitoring form, to write in by hand.
MONITORING_ROOM: Final = 10.0
#: A book table's cell padding, in points.
CELL_PAD_X: Final = 4.0
CELL_PAD_Y: Final = 4.0
#: The size of the text in the book's tables.
TABLE_TEXT: Final = 9.0


@dataclass(frozen=True)
class TitleLine:
    """A centred bold line of the book's own pages, ``before`` points below what is above."""

    text: str
    size: Pt
    before: Pt = 0.0


@dataclass(frozen=True)
class HeadCell:
    """A header cell of a book table: over ``span`` columns from ``column``, down ``rows``
    header rows from ``row``."""

    text: str
    row: int
    column: int
    span: int = 1
    rows: int = 1


@dataclass(frozen=True)
class BookTable:
    """A table of the book's own pages: its title, column widths, header cells (``header_rows``
    rows, repeated on every page), and a row of texts per entry; ``refs`` names, per row,
    the book part whose first page its last column shows (the Daftar Isi), or is empty."""

    title: TitleLine
    widths: tuple[Pt, ...]
    header: tuple[HeadCell, ...]
    header_rows: int
    rows: tuple[tuple[str, ...], ...]
    refs: tuple[str, ...] = ()
    #: Space below each entry's text, to write in by hand (the monitoring form).
    room: Pt = 0.0


@dataclass(frozen=True)
class BookPages:
    """What the book's own pages hold, as both backends draw them: the cover (``cover_top``
    of space, a logo ``logo_height`` high and ``logo_gap`` above the lines when the agency
    has one, then its lines), the Daftar Isi and the monitoring form."""

    cover: tuple[TitleLine, ...]
    toc: BookTable
    monitoring: BookTable
    cover_top: Pt = COVER_TOP
    logo_height: Pt = COVER_LOGO
    logo_gap: Pt = LOGO_GAP


def book_pages(
    sops: Sequence[Sop], *, year: int, width: Pt, style: BookStyle = BOOK_STYLE
) -> BookPages:
    """The book's own pages for ``sops`` on a text ``width``."""
    first = sops[0]
    cover = [TitleLine(words.BOOK_TITLE, style.cover_size)]
    cover += [
        TitleLine(line.upper(), style.heading_size, COVER_GAP if i == 0 else 0.0)
        for i, line in enumerate(first.header)
    ]
    cover.append(TitleLine(words.BOOK_YEAR.format(year=year), style.year_size, YEAR_GAP))
    toc_rows = [
        (str(i), sop.identity.nomor, sop.identity.nama, "") for i, sop in enumerate(sops, 1)
    ]
    toc_rows.append((str(len(sops) + 1), "", words.BOOK_MONITORING_ROW, ""))
    toc = BookTable(
        title=TitleLine(words.BOOK_TOC, style.heading_size),
        widths=tuple(column_widths(style.toc_shares, width)),
        header=tuple(HeadCell(t, 0, c) for c, t in enumerate(words.BOOK_TOC_HEADER)),
        header_rows=1,
        rows=tuple(toc_rows),
        refs=(*(book_part(i) for i in range(1, len(sops) + 1)), MONITORING_PART),
    )
    head = words.BOOK_MONITORING_HEADER
    good, bad = words.BOOK_MONITORING_CHOICES
    monitoring = BookTable(
        title=TitleLine(words.BOOK_MONITORING, style.heading_size),
        widths=tuple(column_widths(style.monitoring_shares, width)),
        header=(
            HeadCell(head[0], 0, 0, rows=2),
            HeadCell(head[1], 0, 1, rows=2),
            HeadCell(head[2], 0, 2, span=2),
            HeadCell(good, 1, 2),
            HeadCell(bad, 1, 3),
            *(HeadCell(head[c - 1], 0, c, rows=2) for c in (4, 5, 6)),
        ),
        header_rows=2,
        rows=tuple(
            (str(i), f"{sop.identity.nama} ({sop.identity.nomor})", "", "", "", "", "")
            for i, sop in enumerate(sops, 1)
        ),
        room=MONITORING_ROOM,
    )
    return BookPages(tuple(cover), toc, monitoring)


#: The monitoring form's part of the book (where the Daftar Isi's last row points).
MONITORING_PART: Final = "monitoring"


def book_part(number: int) -> str:
    """The book part of its ``number``-th SOP."""
    return f"sop{number}"
