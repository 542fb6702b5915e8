"""sopdoc revise: one cell changes, everything else stays, a backup and a history row appear."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import openpyxl
from openpyxl.cell.cell import Cell

from sopdoc.workbook.form import write_form


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sopdoc", *args], capture_output=True, text=True, check=False
    )


def snapshot(path: Path) -> dict[tuple[str, str], tuple[object, ...]]:
    """Every cell's value and style, by (sheet, coordinate)."""
    book = openpyxl.load_workbook(path)
    cells: dict[tuple[str, str], tuple[object, ...]] = {}
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if not isinstance(cell, Cell):
                    continue
                cells[(sheet.title, cell.coordinate)] = (
                    cell.value,
                    cell.number_format,
                    repr(cell.font),
                    repr(cell.fill),
                    repr(cell.border),
                    repr(cell.alignment),
                    repr(cell.protection),
                )
    return cells


def structure(path: Path) -> tuple[object, ...]:
    book = openpyxl.load_workbook(path)
    return tuple(
        (
            s.title,
            sorted(str(r) for r in s.merged_cells.ranges),
            sorted((str(v.sqref), v.formula1) for v in s.data_validations.dataValidation),
            sorted((k, d.width) for k, d in s.column_dimensions.items()),
        )
        for s in book.worksheets
    )


def test_revise_changes_one_cell_and_keeps_everything_else(tmp_path: Path) -> None:
    book = tmp_path / "sop.xlsx"
    write_form(book, contoh=True)
    original = book.read_bytes()
    before, shape = snapshot(book), structure(book)
    result = run(
        "revise",
        str(book),
        "--sop",
        "SOP 1",
        "--tanggal",
        "23 November 2026",
        "--catatan",
        "Jadwal rapat diubah",
        "-o",
        str(tmp_path / "o"),
        "--format",
        "pdf",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert (
        "TGL. REVISI KEC/STDR-KIN/427.110/2020 (SOP 1!B5) menjadi 23 November 2026" in result.stdout
    )
    (backup,) = tmp_path.glob("sop.cadangan-*.xlsx")
    assert backup.read_bytes() == original
    after = snapshot(book)
    changed = {k for k in after if k[0] != "Riwayat" and after[k] != before.get(k)}
    assert changed == {("SOP 1", "B5")}
    # The form has no REVISI KE row: the number goes with the date, as offices write it.
    assert after[("SOP 1", "B5")][0] == "23 November 2026 rev 01"
    assert "Nomor revisi KEC/STDR-KIN/427.110/2020: - -> 01." in result.stdout
    assert structure(book)[:3] == shape
    history = openpyxl.load_workbook(book)["Riwayat"]
    rows = list(history.iter_rows(values_only=True))
    assert rows[0] == (
        "TANGGAL REVISI",
        "NOMOR SOP",
        "LEMBAR",
        "PERUBAHAN",
        "DICATAT",
        "REVISI KE",
    )
    assert rows[1][1:3] == ("KEC/STDR-KIN/427.110/2020", "SOP 1")
    assert rows[1][3] == "TGL. REVISI - -> 23 November 2026. Revisi - -> 01. Jadwal rapat diubah"
    assert rows[1][5] == 1
    pdf = tmp_path / "o" / "KEC-STDR-KIN-427.110-2020.pdf"
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "23 November 2026 (Revisi 01)" in text
    # The revised workbook still reads cleanly (Riwayat is not taken for an SOP sheet).
    check = run("check", str(book))
    assert check.returncode == 0
    assert "0 peringatan" in check.stdout
    # A second revision adds a second history row and keeps the first backup.
    again = run(
        "revise",
        str(book),
        "--sop",
        "KEC/STDR-KIN/427.110/2020",
        "--tanggal",
        "2027-01-02",
        "-o",
        str(tmp_path / "o"),
        "--format",
        "pdf",
    )
    assert again.returncode == 0
    assert "Nomor revisi KEC/STDR-KIN/427.110/2020: 01 -> 02." in again.stdout
    revised = openpyxl.load_workbook(book)
    assert revised["SOP 1"]["B5"].value == "2 Januari 2027 rev 02"
    assert len(list(revised["Riwayat"].iter_rows())) == 3
    assert len(list(tmp_path.glob("sop.cadangan-*.xlsx"))) == 2


def test_revise_refuses_bad_input_without_touching_the_workbook(
    contoh: Path, tmp_path: Path
) -> None:
    book = tmp_path / "contoh.xlsx"
    book.write_bytes(contoh.read_bytes())
    before = book.read_bytes()
    bad_date = run("revise", str(book), "--sop", "KEC/TT-LA/ 427.110/2020", "--tanggal", "besok")
    assert bad_date.returncode == 1
    assert "Tanggal 'besok' tidak dikenali" in bad_date.stderr
    ambiguous = run("revise", str(book), "--sop", "Ranuyoso", "--tanggal", "2026-11-23")
    assert ambiguous.returncode == 1
    assert "cocok dengan 2 SOP" in ambiguous.stderr
    assert book.read_bytes() == before
    assert not list(tmp_path.glob("*.cadangan-*"))
