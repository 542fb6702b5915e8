"""The Buku SOP's own pages (cover, Daftar Isi, monitoring form): the sizes and column shares
both its PDF and its DOCX are drawn with."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from sopdoc.units import Pt


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
