"""Writing a revision date into a workbook: backup first, one cell changed, history appended."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import openpyxl
from openpyxl.styles import Font

from sopdoc import messages as msg
from sopdoc import words
from sopdoc.dates import format_date
from sopdoc.errors import SopdocError
from sopdoc.files import atomic_path
from sopdoc.model import CellRef, Sop
from sopdoc.workbook.form import DATE_FORMAT
from sopdoc.workbook.labels import RIWAYAT_SHEET


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

    Every other cell, style, validation and sheet stays as it was; a row is appended to the
    ``Riwayat`` sheet (created when missing). The file is replaced atomically.
    """
    cell = sop.identity.cells.get("tanggal_revisi")
    if cell is None:
        raise SopdocError(msg.REVISE_NO_ROW.format(sheet=sop.sheet, nomor=sop.identity.nomor))
    now = now or datetime.now()
    backup = backup_path(path, now=now)
    shutil.copy2(path, backup)
    workbook = openpyxl.load_workbook(path)  # formulas kept as formulas, not cached values
    try:
        sheet = workbook[cell.sheet]
        target = sheet.cell(row=cell.row, column=cell.column)
        old = sop.identity.tanggal_revisi
        target.value = when
        if target.number_format in ("General", "@"):
            target.number_format = DATE_FORMAT
        history = _riwayat(workbook)
        change = words.RIWAYAT_CHANGE.format(
            old=format_date(old) if old else words.DOC_NO_VALUE, new=format_date(when)
        )
        history.append(
            [
                when,
                sop.identity.nomor,
                sop.sheet,
                f"{change} {note}".strip(),
                now.replace(microsecond=0),
            ]
        )
        last = history.max_row
        history.cell(row=last, column=1).number_format = DATE_FORMAT
        history.cell(row=last, column=5).number_format = "yyyy-mm-dd hh:mm:ss"
        with atomic_path(path) as temp:
            workbook.save(temp)
    finally:
        workbook.close()
    return Revision(cell, format_date(old) if old else "", when, backup)


def _riwayat(workbook: openpyxl.Workbook) -> openpyxl.worksheet.worksheet.Worksheet:
    for sheet in workbook.worksheets:
        if sheet.title.strip().casefold() == RIWAYAT_SHEET.casefold():
            return sheet
    sheet = workbook.create_sheet(RIWAYAT_SHEET)
    sheet.append(list(words.RIWAYAT_HEADER))
    for column in range(1, len(words.RIWAYAT_HEADER) + 1):
        sheet.cell(row=1, column=column).font = Font(bold=True)
    for letter, width in zip("ABCDE", (18, 30, 20, 60, 20), strict=True):
        sheet.column_dimensions[letter].width = width
    return sheet
