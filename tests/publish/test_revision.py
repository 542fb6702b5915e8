"""revise either finishes or leaves the workbook as it was: every check comes first."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from workbooks import instansi_rows, simple_steps, sop_rows, write_workbook

from sopdoc.errors import SopdocError
from sopdoc.publish import revision
from sopdoc.resources import template_path


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sopdoc", *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


def revise(
    book: Path, sop: str, *extra: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """``sopdoc revise`` of ``sop`` to 1 December 2026."""
    return run("revise", str(book), "--sop", sop, "--tanggal", "2026-12-01", *extra, env=env)


@pytest.fixture
def book(tmp_path: Path) -> Path:
    steps = simple_steps(3)
    broken = simple_steps(2)
    broken[1][2:6] = [None] * 4  # a step without an actor: an error
    return write_workbook(
        tmp_path / "sop.xlsx",
        {
            "Instansi": instansi_rows(),
            "SPM": sop_rows(steps, revisi="5 Mei 2021", efektif="1 Juni 2021"),
            "Rusak": sop_rows(broken, nomor="B/2/2026"),
        },
    )


def _unchanged(book: Path, before: bytes) -> None:
    assert book.read_bytes() == before
    assert not list(book.parent.glob("*.cadangan-*"))


def test_a_missing_template_stops_revise_before_the_workbook(book: Path, tmp_path: Path) -> None:
    before = book.read_bytes()
    result = revise(
        book,
        "SPM",
        "--template",
        str(tmp_path / "tidak-ada.docx"),
        "-o",
        str(tmp_path / "o"),
    )
    assert result.returncode == 1, result.stderr
    assert "tidak-ada.docx" in result.stderr
    _unchanged(book, before)


def test_svg_without_graphviz_exits_3_before_the_workbook(book: Path, tmp_path: Path) -> None:
    before = book.read_bytes()
    env = {"PATH": str(Path(sys.executable).parent), "HOME": str(tmp_path)}
    result = revise(
        book,
        "SPM",
        "--format",
        "svg",
        "-o",
        str(tmp_path / "o"),
        env=env,
    )
    assert result.returncode == 3, result.stderr
    assert "Graphviz" in result.stderr
    _unchanged(book, before)


def test_an_sop_with_errors_is_not_revised(book: Path, tmp_path: Path) -> None:
    before = book.read_bytes()
    result = revise(book, "Rusak", "-o", str(tmp_path))
    assert result.returncode == 1
    assert "belum bisa direvisi" in result.stderr
    assert "Rusak!C" in result.stderr
    _unchanged(book, before)


def test_a_build_that_fails_leaves_the_workbook_unchanged(
    book: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = book.read_bytes()

    def failing(*args: object, **kwargs: object) -> tuple[Path, ...]:
        raise SopdocError("Langkah 2 terlalu panjang untuk satu halaman")

    monkeypatch.setattr(revision, "build_sop", failing)
    with pytest.raises(SopdocError, match="terlalu panjang"):
        revision.revise_sop(
            book, "SPM", when=date(2026, 12, 1), note="", formats=("pdf",), folder=tmp_path / "o"
        )
    _unchanged(book, before)


def test_revise_with_a_template_counts_from_a_dated_revision(book: Path, tmp_path: Path) -> None:
    template = tmp_path / "instansi.docx"
    template.write_bytes(template_path().read_bytes())
    result = revise(
        book,
        "SPM",
        "--template",
        str(template),
        "-o",
        str(tmp_path / "o"),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    # TGL. REVISI had a date and no number: that was revision 01.
    assert "01 -> 02" in result.stdout
    assert "TGL. EFEKTIF (1 Juni 2021) lebih awal" in result.stderr
    assert list((tmp_path / "o").glob("*.docx"))
    assert openpyxl.load_workbook(book)["SPM"]["B5"].value == "1 Desember 2026 rev 02"
