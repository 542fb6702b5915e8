"""revise at the XML level: on a workbook as Excel writes it, only the revised cell's sheet
(and the Riwayat parts) change; drawings, text boxes, pictures, charts, comments, styles,
x14 validations, defined names and other sheets stay byte for byte."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from excel_package import ExcelSheet, write_excel_package
from office import audit_errors, convert
from workbooks import sop_rows

from sopdoc.errors import SopdocError
from sopdoc.workbook import read_workbook
from sopdoc.workbook.package import MAIN_NS, Package, _set_cell
from sopdoc.workbook.revise import write_revision

NOW = datetime(2026, 11, 23, 10, 15, 0)


def excel_workbook(
    path: Path, *, revisi: object = date(2019, 7, 22), riwayat: bool = False
) -> Path:
    sheets = [
        ExcelSheet(
            "SOP",
            sop_rows(revisi=revisi),
            drawing=True,
            comments=[("A1", "Kop ikut Instansi"), ("B4", "Isi nomor dari bagian umum")],
            validation="C21:F30",
            x14_validation="Catatan!$A$1:$A$3",
            merges=["C19:F19"],
        ),
        ExcelSheet("Catatan", [["x", 3], ["?", 5], ["v", 2]]),
    ]
    if riwayat:
        sheets.append(
            ExcelSheet(
                "Riwayat",
                [
                    ["TANGGAL REVISI", "NOMOR SOP", "LEMBAR", "PERUBAHAN", "DICATAT"],
                    ["22 Juli 2019", "KEC/STDR-KIN/427.110/2020", "SOP", "Revisi pertama"],
                ],
            )
        )
    return write_excel_package(path, sheets, defined_names=[("Pelaksana", "Catatan!$A$1:$A$3")])


def entries(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def revise(path: Path) -> None:
    (sop,) = read_workbook(path).sops
    write_revision(path, sop, when=date(2026, 11, 23), note="Jadwal diubah", now=NOW)


def test_revise_keeps_every_other_part_byte_for_byte(tmp_path: Path) -> None:
    book = excel_workbook(tmp_path / "sop.xlsx")
    before = entries(book)
    revise(book)
    after = entries(book)
    changed = {name for name in after if before.get(name) != after[name]}
    assert changed == {
        "xl/worksheets/sheet1.xml",
        "xl/worksheets/sheet3.xml",
        "xl/workbook.xml",
        "xl/_rels/workbook.xml.rels",
        "[Content_Types].xml",
    }
    assert "xl/worksheets/sheet3.xml" not in before
    assert set(before) <= set(after)
    # In the SOP sheet only the TGL. REVISI cell differs: a date serial in its date style.
    old_cell = '<c r="B5" s="1"><v>43668</v></c>'
    new_cell = '<c r="B5" s="1" t="inlineStr"><is><t>23 November 2026 rev 02</t></is></c>'
    sheet = after["xl/worksheets/sheet1.xml"].decode()
    assert sheet.replace(new_cell, old_cell) == before["xl/worksheets/sheet1.xml"].decode()
    # The additions are appended, nothing is removed from the listing parts.
    for part in ("xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml"):
        text = after[part].decode()
        added = re.search(
            r'<(Override|Relationship|sheet) [^>]*sheet3[^>]*/>|<sheet name="Riwayat"[^>]*/>', text
        )
        assert added is not None, part
        assert text.replace(added.group(0), "") == before[part].decode()
    revised = read_workbook(book)
    (sop,) = revised.sops
    assert sop.identity.tanggal_revisi == date(2026, 11, 23)
    assert sop.identity.revisi == 2  # a revision date without a number counted as 1
    history = openpyxl.load_workbook(book)["Riwayat"]
    rows = list(history.iter_rows(values_only=True))
    assert rows[1] == (
        "23 November 2026",
        "KEC/STDR-KIN/427.110/2020",
        "SOP",
        "TGL. REVISI 22 Juli 2019 -> 23 November 2026. Revisi - -> 02. Jadwal diubah",
        "2026-11-23 10:15:00",
        2,
    )


def test_revise_appends_to_an_existing_riwayat_and_touches_nothing_else(tmp_path: Path) -> None:
    book = excel_workbook(tmp_path / "sop.xlsx", revisi="22 Juli 2019", riwayat=True)
    before = entries(book)
    revise(book)
    after = entries(book)
    assert {n for n in after if before.get(n) != after[n]} == {
        "xl/worksheets/sheet1.xml",
        "xl/worksheets/sheet3.xml",
    }
    # An inline string, so sharedStrings.xml is not rewritten.
    assert (
        '<c r="B5" t="inlineStr"><is><t>23 November 2026 rev 02</t></is></c>'
        in after["xl/worksheets/sheet1.xml"].decode()
    )
    rows = list(openpyxl.load_workbook(book)["Riwayat"].iter_rows(values_only=True))
    assert len(rows) == 3
    assert rows[0][5] == "REVISI KE"  # the header of a Riwayat from before revision numbers
    assert rows[1][3] == "Revisi pertama"
    assert rows[2][0] == "23 November 2026"
    assert rows[2][5] == 2


def test_revised_workbook_opens_in_libreoffice_and_passes_the_sdk_rules(tmp_path: Path) -> None:
    book = excel_workbook(tmp_path / "sop.xlsx")
    assert audit_errors(book) == []  # the fixture itself is valid: a failure below is revise's
    revise(book)
    assert audit_errors(book) == []
    out = tmp_path / "csv"
    convert([book], out, to="csv")
    text = (out / "sop.csv").read_text(encoding="utf-8", errors="replace")
    assert "NOMOR SOP" in text


def test_cell_edits_insert_missing_rows_and_cells_in_order(tmp_path: Path) -> None:
    book = excel_workbook(tmp_path / "sop.xlsx")
    package = Package(book)
    sheet = package.sheet("Catatan")
    package.set_cells(sheet, {(2, 4): "baru", (10, 1): 7, (1, 3): None})
    package.save(tmp_path / "out.xlsx")
    xml = entries(tmp_path / "out.xlsx")["xl/worksheets/sheet2.xml"].decode()
    assert '<dimension ref="A1:D10"/>' in xml
    assert re.search(
        r'<row r="2" spans="1:4"[^>]*><c r="A2" t="s"><v>\d+</v></c>'
        r'<c r="B2"><v>5</v></c><c r="D2" t="inlineStr">',
        xml,
    )
    assert xml.index('<row r="3"') < xml.index('<row r="10"><c r="A10"><v>7</v></c></row>')
    values = list(
        openpyxl.load_workbook(tmp_path / "out.xlsx")["Catatan"].iter_rows(values_only=True)
    )
    assert values[1] == ("?", 5, None, "baru")
    assert values[9][0] == 7


def test_revise_with_a_revision_row_keeps_the_date_a_date(tmp_path: Path) -> None:
    rows = sop_rows(revisi=date(2019, 7, 22))
    rows.insert(5, ["REVISI KE", "01"])  # below TGL. REVISI
    book = write_excel_package(tmp_path / "sop.xlsx", [ExcelSheet("SOP", rows)])
    (sop,) = read_workbook(book).sops
    assert sop.identity.revisi == 1
    revision = write_revision(book, sop, when=date(2026, 11, 23), now=NOW)
    assert (revision.old_number, revision.number) == (1, 2)
    sheet = entries(book)["xl/worksheets/sheet1.xml"].decode()
    assert '<c r="B5" s="1"><v>46349</v></c>' in sheet
    assert '<c r="B6"><v>2</v></c>' in sheet
    (sop,) = read_workbook(book).sops
    assert (sop.identity.tanggal_revisi, sop.identity.revisi) == (date(2026, 11, 23), 2)


def test_check_of_an_excel_workbook_with_x14_parts_prints_no_english_warning(
    tmp_path: Path,
) -> None:
    book = excel_workbook(tmp_path / "sop.xlsx")
    result = subprocess.run(
        [sys.executable, "-m", "sopdoc", "check", str(book)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout
    assert result.stderr == ""


def test_cell_edits_on_empty_and_prefixed_sheet_data() -> None:
    empty = f'<worksheet xmlns="{MAIN_NS}"><dimension ref="A1"/><sheetData/></worksheet>'
    assert _set_cell(empty, 2, 3, 5) == (
        f'<worksheet xmlns="{MAIN_NS}"><dimension ref="A1:C2"/>'
        '<sheetData><row r="2"><c r="C2"><v>5</v></c></row></sheetData></worksheet>'
    )
    prefixed = (
        f'<x:worksheet xmlns:x="{MAIN_NS}"><x:sheetData><x:row r="1">'
        '<x:c r="A1" s="3"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>'
    )
    assert _set_cell(prefixed, 1, 1, "a & b") == (
        f'<x:worksheet xmlns:x="{MAIN_NS}"><x:sheetData><x:row r="1">'
        '<x:c r="A1" s="3" t="inlineStr"><x:is><x:t>a &amp; b</x:t></x:is></x:c></x:row>'
        "</x:sheetData></x:worksheet>"
    )


def test_a_formula_in_tgl_revisi_is_refused_and_nothing_changes(tmp_path: Path) -> None:
    book = excel_workbook(tmp_path / "sop.xlsx")
    (sop,) = read_workbook(book).sops
    with zipfile.ZipFile(book) as archive:
        parts = {i.filename: archive.read(i) for i in archive.infolist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    parts["xl/worksheets/sheet1.xml"] = sheet.replace(
        '<c r="B5" s="1"><v>43668</v></c>', '<c r="B5" s="1"><f>TODAY()</f><v>43668</v></c>'
    ).encode()
    with zipfile.ZipFile(book, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    before = book.read_bytes()
    with pytest.raises(SopdocError, match=re.escape("SOP!B5 (TGL. REVISI) berisi rumus")):
        write_revision(book, sop, when=date(2026, 11, 23), now=NOW)
    assert book.read_bytes() == before
    assert not list(tmp_path.glob("*.cadangan-*"))
