"""Files that cannot be read as a workbook: one clear Bahasa Indonesia reason each."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest
from workbooks import sop_rows, write_workbook

from sopdoc.errors import WorkbookError
from sopdoc.workbook import read_workbook
from sopdoc.workbook.load import MAX_UNCOMPRESSED_BYTES, PARALLEL_MIN_SHEETS


def reason(path: Path) -> str:
    with pytest.raises(WorkbookError) as caught:
        read_workbook(path)
    assert caught.value.exit_code == 2
    return caught.value.message


def test_missing_file(tmp_path: Path) -> None:
    assert "tidak ditemukan" in reason(tmp_path / "tidak-ada.xlsx")


def test_folder(tmp_path: Path) -> None:
    assert "folder" in reason(tmp_path)


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "kosong.xlsx"
    path.write_bytes(b"")
    assert "kosong" in reason(path)


def test_pdf_renamed(tmp_path: Path) -> None:
    path = tmp_path / "dokumen.xlsx"
    path.write_bytes(b"%PDF-1.4\n%...\n")
    assert "dokumen PDF" in reason(path)


def test_old_xls(tmp_path: Path) -> None:
    path = tmp_path / "lama.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    assert "simpan sebagai .xlsx" in reason(path)


def test_encrypted(tmp_path: Path) -> None:
    path = tmp_path / "rahasia.xlsx"
    body = b"\x00" * 100 + "EncryptionInfo".encode("utf-16-le") + b"\x00" * 100
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + body)
    assert "kata sandi" in reason(path)


def test_truncated_zip(tmp_path: Path) -> None:
    good = write_workbook(tmp_path / "baik.xlsx", {"S": sop_rows()})
    path = tmp_path / "terpotong.xlsx"
    path.write_bytes(good.read_bytes()[:300])
    assert "rusak" in reason(path)


def test_zip_without_workbook(tmp_path: Path) -> None:
    path = tmp_path / "arsip.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("catatan.txt", "halo")
    assert "tanpa buku kerja Excel" in reason(path)


def test_zip_bomb_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "bom.xlsx"
    size = MAX_UNCOMPRESSED_BYTES + 1024 * 1024
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member:
            chunk = b"\x00" * (1024 * 1024)
            for _ in range(size // len(chunk)):
                member.write(chunk)
    assert path.stat().st_size < 5 * 1024 * 1024
    assert "terlalu besar" in reason(path)


def test_error_string_names_the_file(tmp_path: Path) -> None:
    with pytest.raises(WorkbookError) as caught:
        read_workbook(tmp_path / "x.xlsx")
    assert str(caught.value).startswith(str(tmp_path / "x.xlsx") + ": ")


def test_workers_read_the_same_workbook_as_one_process(tmp_path: Path) -> None:
    sheets: dict[str, list[list[object]]] = {}
    for i in range(1, PARALLEL_MIN_SHEETS + 6):
        sheets[f"SOP {i}"] = sop_rows(nomor=f"KEC/{i:03d}/2020", nama=f"SOP NOMOR {i}")
    sheets["SOP 7"] = sop_rows(nomor="KEC/007/2020", pembuatan="31 Februari 2020")  # an error
    path = write_workbook(tmp_path / "many.xlsx", sheets)
    openpyxl_book = openpyxl.load_workbook(path)
    openpyxl_book["SOP 3"].sheet_state = "hidden"
    openpyxl_book.save(path)
    alone, together = read_workbook(path, jobs=1), read_workbook(path, jobs=2)
    assert together.sops == alone.sops
    assert together.problems == alone.problems
    assert len(alone.sops) == PARALLEL_MIN_SHEETS + 4  # SOP 3 is hidden
    assert [s.sheet for s in alone.sops][:3] == ["SOP 1", "SOP 2", "SOP 4"]
    assert any(p.cell is not None and p.cell.sheet == "SOP 7" for p in alone.errors)
