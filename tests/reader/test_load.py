"""Files that cannot be read as a workbook: one clear Bahasa Indonesia reason each."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from workbooks import sop_rows, write_workbook

from sopdoc.errors import WorkbookError
from sopdoc.reader import read_workbook
from sopdoc.reader.load import MAX_UNCOMPRESSED_BYTES


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
