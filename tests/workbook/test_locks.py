"""Excel's and LibreOffice's lock files: named as such, and revise waits for the editor."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from workbooks import instansi_rows, sop_rows, write_workbook

from sopdoc.workbook.locks import editor_lock, is_lock_file, locked_workbook


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sopdoc", *args], capture_output=True, text=True, check=False
    )


@pytest.mark.parametrize(
    ("lock", "workbook"),
    [
        ("~$sop.xlsx", "sop.xlsx"),
        (".~lock.sop desa.xlsx#", "sop desa.xlsx"),
    ],
)
def test_lock_files_name_their_workbook(lock: str, workbook: str) -> None:
    assert is_lock_file(Path(lock))
    assert locked_workbook(Path(lock)).name == workbook
    assert not is_lock_file(Path(workbook))


@pytest.mark.parametrize(
    "lock", ["~$sop-kecamatan.xlsx", "~$p-kecamatan.xlsx", ".~lock.sop-kecamatan.xlsx#"]
)
def test_an_open_workbook_is_seen_by_its_lock(tmp_path: Path, lock: str) -> None:
    workbook = tmp_path / "sop-kecamatan.xlsx"
    workbook.write_bytes(b"")
    assert editor_lock(workbook) is None
    (tmp_path / lock).write_bytes(b"\x0bUser Kantor")
    assert editor_lock(workbook) == tmp_path / lock


@pytest.fixture
def opened(tmp_path: Path) -> Path:
    """A workbook that Excel has open: its ``~$`` lock file beside it."""
    workbook = write_workbook(
        tmp_path / "sop.xlsx", {"Instansi": instansi_rows(), "SPM": sop_rows()}
    )
    (tmp_path / "~$sop.xlsx").write_bytes(b"\x0bUser Kantor" + bytes(150))
    return workbook


def test_the_lock_file_given_as_workbook_names_the_real_one(opened: Path) -> None:
    result = run("check", str(opened.with_name("~$sop.xlsx")))
    assert result.returncode == 2
    assert "file kunci" in result.stderr
    assert "sop.xlsx" in result.stderr


def test_revise_waits_until_excel_has_closed_the_workbook(opened: Path, tmp_path: Path) -> None:
    before = opened.read_bytes()
    result = run(
        "revise", str(opened), "--sop", "SPM", "--tanggal", "2026-12-01", "-o", str(tmp_path / "o")
    )
    assert result.returncode == 1
    assert "sedang terbuka" in result.stderr
    assert "~$sop.xlsx" in result.stderr
    assert opened.read_bytes() == before
    assert not list(tmp_path.glob("*.cadangan-*"))


def test_build_reads_the_saved_workbook_and_says_so(opened: Path, tmp_path: Path) -> None:
    result = run("build", str(opened), "--format", "pdf", "-o", str(tmp_path / "o"))
    assert result.returncode == 0, result.stderr
    assert "sedang terbuka" in result.stderr
    assert list((tmp_path / "o").glob("*.pdf"))
