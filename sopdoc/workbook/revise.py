"""Writing a revision into a workbook: backup first, one cell changed, history appended."""

from __future__ import annotations

import shutil
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Final

from sopdoc import messages as msg
from sopdoc import words
from sopdoc.dates import format_date
from sopdoc.errors import SopdocError, WorkbookError
from sopdoc.files import atomic_path
from sopdoc.model import CellRef, Sop
from sopdoc.workbook.labels import RIWAYAT_SHEET
from sopdoc.workbook.package import Package, PackageError, Value

#: Column widths of the Riwayat sheet (characters), one per words.RIWAYAT_HEADER column.
RIWAYAT_WIDTHS: Final = (18.0, 30.0, 20.0, 60.0, 20.0, 10.0)


@dataclass(frozen=True)
class Revision:
    """What ``revise`` did."""

    cell: CellRef
    old: str
    new: date
    backup: Path
    #: The revision number before (None: not written) and after.
    old_number: int | None
    number: int


def next_revision(sop: Sop) -> int:
    """The number of the next revision: one more than the last. An SOP revised before
    without a number counts as revision 1; one never revised becomes revision 1."""
    identity = sop.identity
    if identity.revisi is not None:
        return identity.revisi + 1
    return 2 if identity.tanggal_revisi is not None else 1


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
    identity = sop.identity
    old = identity.tanggal_revisi
    number = next_revision(sop)
    day = identity.two_digit_day
    new_text = format_date(when, two_digit_day=day)
    change = words.RIWAYAT_CHANGE.format(
        old=format_date(old, two_digit_day=day) if old else words.DOC_NO_VALUE, new=new_text
    )
    before = f"{identity.revisi:02d}" if identity.revisi is not None else words.DOC_NO_VALUE
    numbered = words.RIWAYAT_NUMBER_CHANGE.format(old=before, new=f"{number:02d}")
    history: list[Value] = [
        new_text,
        identity.nomor,
        sop.sheet,
        f"{change} {numbered} {note}".strip(),
        now.isoformat(sep=" "),
        number,
    ]
    number_cell = identity.cells.get("revisi")
    try:
        package = Package(path)
        sheet = package.sheet(cell.sheet)
        if package.has_formula(sheet, cell.coordinate):
            raise SopdocError(msg.REVISE_FORMULA.format(cell=cell))
        values: dict[tuple[int, int], Value] = {}
        if number_cell is not None and number_cell.sheet == cell.sheet:
            # A REVISI KE row of its own: the number there, the date stays a date.
            dated = package.cell_style(sheet, cell.coordinate) in package.date_styles()
            values[(cell.row, cell.column)] = when if dated else new_text
            values[(number_cell.row, number_cell.column)] = number
        else:
            # The number goes with the date, as offices write it: 23 November 2026 rev 02.
            values[(cell.row, cell.column)] = words.REVISE_DATE_WITH_NUMBER.format(
                date=new_text, number=number
            )
        package.set_cells(sheet, values)
        riwayat = next(
            (s for s in package.sheets if s.name.strip().casefold() == RIWAYAT_SHEET.casefold()),
            None,
        )
        if riwayat is None:
            package.add_sheet(RIWAYAT_SHEET, [words.RIWAYAT_HEADER, history], RIWAYAT_WIDTHS)
        else:
            if not package.has_cell(riwayat, "F1"):  # a Riwayat of before revision numbers
                package.set_cells(riwayat, {(1, 6): words.RIWAYAT_HEADER[5]})
            package.append_rows(riwayat, [history])
    except (PackageError, zipfile.BadZipFile, OSError, UnicodeDecodeError) as error:
        raise WorkbookError(msg.REVISE_UNREADABLE.format(reason=error), path=str(path)) from None
    backup = backup_path(path, now=now)
    shutil.copy2(path, backup)
    with atomic_path(path) as temp:
        package.save(temp)
    return Revision(
        cell,
        format_date(old, two_digit_day=day) if old else "",
        when,
        backup,
        identity.revisi,
        number,
    )
