"""The Buku SOP: its Daftar Isi points at the pages where each SOP really starts."""

from __future__ import annotations

import io
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pymupdf
import pytest
from docx import Document as open_docx
from docx.oxml.ns import qn
from factories import CONTOH, tiny_png
from office import audit_errors, convert

from sopdoc.backends.docx.book import render_book_docx
from sopdoc.backends.pdf.book import render_book_pdf
from sopdoc.drawing.document import prepare
from sopdoc.layout.book import COVER_LOGO
from sopdoc.namespaces import WPG, WPS
from sopdoc.workbook import read_workbook


def assert_toc_matches(pdf: pymupdf.Document, pages: list[str]) -> None:
    """Every Daftar Isi number is the page where that SOP first appears."""
    toc = pdf[1].get_text("words")
    for nomor in ("KEC/STDR-KIN/427.110/2020", "KEC/TT-LA/", "KEC/STDR-KIN/427.111/2020"):
        row = next(w for w in toc if w[4] == nomor)
        number = next(
            w for w in toc if abs(w[1] - row[1]) < 2 and w[4].isdigit() and w[0] > row[0] + 200
        )
        start = int(number[4])
        assert nomor in pages[start - 1]
        assert all(nomor not in text for text in pages[2 : start - 1]), nomor


@pytest.fixture(scope="module")
def book(contoh: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The example's Buku SOP built once by the command, and what the command printed."""
    folder = tmp_path_factory.mktemp("buku")
    result = subprocess.run(
        [sys.executable, "-m", "sopdoc", "build", str(contoh), "-o", str(folder), "--buku"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return folder, result.stdout


def test_book_toc_matches_where_each_sop_starts(book: tuple[Path, str]) -> None:
    folder, printed = book
    path = folder / "contoh-buku-sop.pdf"
    assert f"Buku SOP: {path}" in printed
    pdf = pymupdf.open(path)
    pages = [" ".join(page.get_text().split()) for page in pdf]
    assert "STANDAR OPERASIONAL PROSEDUR" in pages[0]
    assert "KECAMATAN RANUYOSO" in pages[0]
    assert "TAHUN 2020" in pages[0]
    assert "DAFTAR ISI" in pages[1]
    assert_toc_matches(pdf, pages)
    assert "MONITORING PELAKSANAAN SOP AP" in pages[-1]
    assert "Berjalan dengan baik" in pages[-1]
    assert "PARAF PENILAI" in pages[-1]
    assert f"Halaman {len(pages)} dari {len(pages)}" in pages[-1]


def test_docx_book_toc_matches_its_own_pages(book: tuple[Path, str], tmp_path: Path) -> None:
    folder, _ = book
    convert([folder / "contoh-buku-sop.docx"], tmp_path)
    pdf = pymupdf.open(tmp_path / "contoh-buku-sop.pdf")
    pages = [" ".join(page.get_text().split()) for page in pdf]
    assert "STANDAR OPERASIONAL PROSEDUR" in pages[0]
    assert_toc_matches(pdf, pages)
    assert "MONITORING PELAKSANAAN SOP AP" in pages[-1]


def test_book_drawing_ids_are_unique_across_its_sops(contoh: Path) -> None:
    """Every SOP of the book adds its drawing groups; no two drawings share an id."""
    documents = [prepare(sop) for sop in read_workbook(contoh).sops]
    data = render_book_docx(documents, year=2020, starts={})
    body = open_docx(io.BytesIO(data)).element.body
    assert len(list(body.iter(f"{{{WPG}}}wgp"))) == sum(len(d.pages) for d in documents)
    ids = [e.get("id") for e in body.iter(qn("wp:docPr"), f"{{{WPS}}}cNvPr")]
    assert len(ids) == len(set(ids))


def test_both_books_draw_the_same_cover_with_the_logo(tmp_path: Path) -> None:
    """The book's own pages come from one layout: with a logo, the cover of the PDF and of
    the DOCX (in LibreOffice) shows it at the layout's height above the same lines, the
    DOCX passes the Open XML rules, and both books have the same pages."""
    logo = tmp_path / "logo.png"
    logo.write_bytes(tiny_png(40, 20))
    sops = read_workbook(CONTOH).sops
    agency = replace(sops[0].agency, logo=logo, logo_pixels=(40, 20))
    documents = [prepare(replace(s, agency=agency), logo=logo.read_bytes()) for s in sops]
    data, starts = render_book_pdf(documents, year=2020)
    (tmp_path / "buku.pdf").write_bytes(data)
    docx = tmp_path / "buku.docx"
    docx.write_bytes(render_book_docx(documents, year=2020, starts=starts))
    assert audit_errors(docx) == []
    out = tmp_path / "lo"
    out.mkdir()
    convert([docx], out)
    ours, libre = pymupdf.open(tmp_path / "buku.pdf"), pymupdf.open(out / "buku.pdf")
    assert len(ours) == len(libre)
    for pdf in (ours, libre):
        cover = pdf[0]
        images = cover.get_image_info()
        assert len(images) == 1
        box = pymupdf.Rect(images[0]["bbox"])
        assert box.height == pytest.approx(COVER_LOGO, abs=0.5)
        title = next(b for b in cover.get_text("blocks") if "STANDAR OPERASIONAL" in b[4])
        assert title[1] > box.y1  # the lines below the logo
