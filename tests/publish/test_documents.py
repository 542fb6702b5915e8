"""sopdoc build: every format asked for, failures isolated, atomic files, several workbooks."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from workbooks import simple_steps, sop_rows, write_workbook

from sopdoc.errors import SopdocError
from sopdoc.publish.documents import parse_formats


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sopdoc", *args], capture_output=True, text=True, check=False
    )


def test_build_contoh_in_every_format(contoh: Path, tmp_path: Path) -> None:
    result = run("build", str(contoh), "-o", str(tmp_path), "--format", "pdf,png,svg")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 SOP dibuat, 0 dilewati karena tidak berubah, 0 gagal" in result.stdout
    names = sorted(p.name for p in tmp_path.iterdir() if p.name != ".sopdoc-manifest.json")
    assert "KEC-TT-LA-427.110-2020.pdf" in names
    assert "KEC-STDR-KIN-427.111-2020-diagram-alir-1.png" in names
    assert "KEC-STDR-KIN-427.111-2020-diagram-alir-2.svg" in names
    assert not [n for n in names if n.startswith(".") or n.endswith(".tmp")]


def test_default_formats_are_docx_and_pdf(contoh: Path, tmp_path: Path) -> None:
    assert run("build", str(contoh), "-o", str(tmp_path)).returncode == 0
    assert sorted(p.suffix for p in tmp_path.iterdir()) == [".docx"] * 3 + [".json"] + [".pdf"] * 3


def test_broken_sop_is_reported_and_others_built(tmp_path: Path) -> None:
    broken = simple_steps(3)
    broken[2][2:6] = [None] * 4
    book = write_workbook(
        tmp_path / "w.xlsx", {"Baik": sop_rows(nomor="A/1"), "Rusak": sop_rows(broken, nomor="A/2")}
    )
    result = run("build", str(book), "-o", str(tmp_path / "out"))
    assert result.returncode == 1
    assert "GAGAL Rusak | A/2" in result.stdout
    assert "Rusak!C21" in result.stdout
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        ".sopdoc-manifest.json",
        "A-1.docx",
        "A-1.pdf",
    ]


def test_several_workbooks_get_their_own_folders(tmp_path: Path) -> None:
    one = write_workbook(tmp_path / "satu.xlsx", {"S": sop_rows(nomor="X/1")})
    two = write_workbook(tmp_path / "dua.xlsx", {"S": sop_rows(nomor="X/1")})
    result = run("build", str(one), str(two), "-o", str(tmp_path / "out"))
    assert result.returncode == 0, result.stdout
    assert (tmp_path / "out" / "satu" / "X-1.pdf").is_file()
    assert (tmp_path / "out" / "dua" / "X-1.pdf").is_file()


def test_formats_are_checked(contoh: Path) -> None:
    assert parse_formats(" pdf , svg,pdf") == ("pdf", "svg")
    with pytest.raises(SopdocError, match=r"Format 'jpg' tidak dikenal\. Pilih salah satu: docx"):
        parse_formats("pdf,jpg")
    result = run("build", str(contoh), "--format", "gif")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr


def test_input_workbook_is_not_modified(contoh: Path, tmp_path: Path) -> None:
    before = contoh.read_bytes()
    mtime = contoh.stat().st_mtime_ns
    assert run("build", str(contoh), "-o", str(tmp_path)).returncode == 0
    assert contoh.read_bytes() == before
    assert contoh.stat().st_mtime_ns == mtime
