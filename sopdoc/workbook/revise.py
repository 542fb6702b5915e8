"""Writing a revision into a workbook: backup first, one cell changed, history appended."""

from __future__ import annotations

import shutil
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Final

from sopdoc import messages as msg
from sopdoc.build.output import atomic_path
from sopdoc.dates import format_date
from sopdoc.errors import SopdocError, WorkbookError
from sopdoc.model import CellRef, Sop
from sopdoc.workbook.labels import RIWAYAT_SHEET
from sopdoc.workbook.package import Package, PackageError

RIWAYAT_HEADER: Final = ("TANGGAL REVISI", "NOMOR SOP", "LEMBAR", "PERUBAHAN", "DICATAT")
RIWAYAT_WIDTHS: Final = (18.0, 30.0, 20.0, 60.0, 20.0)


@dataclass(frozen=True)
class Revision:
    """What ``revise`` did."""

    cell: CellRef
    old: str
    new: date
    backup: Path


def backup_path(path: Path, *, now: datetime) -> Path:
    """``sop.xlsx`` -> ``sop.cadangan-20261123-101500.xlsx`` beside it (never an existing file)."""
    stamp = now.strftime("%Y%m%d-%H%M%S")
    candidate = path.with_name(f"{path.stem}.cadangan-{stamp}{path.suffix}")
    n = 1
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.stem}.cadangan-{stamp}-{n}{path.suffix}")
    return candidate


def write_revision(
    path: Path, sop: Sop, *, when: date, note: str = "", now: datetime | None = None
) -> Revision:
    """Set the SOP's TGL. REVISI to ``when``, after copying the workbook to a backup.

    The workbook is edited at the XML level (see ``package``): only the worksheet holding the
    cell changes, plus the ``Riwayat`` sheet that gets a row (and, when it is new, the parts
    that list the sheets). Every other part stays byte for byte. The file is replaced
    atomically.
    """
    cell = sop.identity.cells.get("tanggal_revisi")
    if cell is None:
        raise SopdocError(msg.REVISE_NO_ROW.format(sheet=sop.sheet, nomor=sop.identity.nomor))
    now = (now or datetime.now()).replace(microsecond=0)
    old = sop.identity.tanggal_revisi
    change = msg.REVISE_CHANGE.format(
        old=format_date(old) if old else msg.DOC_NO_VALUE, new=format_date(when)
    )
    history = [
        format_date(when),
        sop.identity.nomor,
        sop.sheet,
        f"{change} {note}".strip(),
        now.isoformat(sep=" "),
    ]
    try:
        package = Package(path)
        sheet = package.sheet(cell.sheet)
        if package.has_formula(sheet, cell.coordinate):
            raise SopdocError(msg.REVISE_FORMULA.format(cell=cell))
        dated = package.cell_style(sheet, cell.coordinate) in package.date_styles()
        package.set_cells(sheet, {(cell.row, cell.column): when if dated else format_date(when)})
        riwayat = next(
            (s for s in package.sheets if s.name.strip().casefold() == RIWAYAT_SHEET.casefold()),
            None,
        )
        if riwayat is None:
            package.add_sheet(RIWAYAT_SHEET, [RIWAYAT_HEADER, history], RIWAYAT_WIDTHS)
        else:
            package.append_rows(riwayat, [history])
    except (PackageError, zipfile.BadZipFile, OSError, UnicodeDecodeError) as error:
        raise WorkbookError(msg.REVISE_UNREADABLE.format(reason=error), path=str(path)) from None
    backup = backup_path(path, now=now)
    shutil.copy2(path, backup)
    with atomic_path(path) as temp:
        package.save(temp)
    return Revision(cell, format_date(old) if old else "", when, backup)
