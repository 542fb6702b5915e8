"""Flowchart export for slides: PNG, SVG, PDF and PPTX read back, names safe, failures isolated."""

from __future__ import annotations

import re
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from pptx import Presentation
from workbooks import simple_steps, sop_rows, write_workbook

from sopdoc.publish.flowcharts import export_flowcharts, select_sops
from sopdoc.workbook import read_workbook


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sopdoc", *args], capture_output=True, text=True, check=False
    )


def png_size(path: Path) -> tuple[int, int, float]:
    """(width, height, dpi) of a PNG from its IHDR and pHYs chunks."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    at = data.find(b"pHYs")
    per_metre = struct.unpack(">I", data[at + 4 : at + 8])[0] if at > 0 else 0
    return width, height, per_metre * 0.0254


@pytest.fixture(scope="module")
def exported(contoh: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folders = {}
    for fmt in ("png", "svg", "pdf", "pptx"):
        folder = tmp_path_factory.mktemp(fmt)
        result = run("flowchart", str(contoh), "--format", fmt, "-o", str(folder))
        assert result.returncode == 0, result.stderr
        assert "3 SOP dibuat, 0 gagal" in result.stdout
        folders[fmt] = folder
    return folders


def test_png_is_16_9_at_300_dpi(exported: dict[str, Path]) -> None:
    files = sorted(exported["png"].glob("*.png"))
    assert [f.name for f in files][:2] == [
        "KEC-STDR-KIN-427.110-2020-1.png",
        "KEC-STDR-KIN-427.110-2020-2.png",
    ]
    for file in files:
        width, height, dpi = png_size(file)
        assert (width, height) == (4000, 2250)
        assert dpi == pytest.approx(300, abs=1)
        assert file.stat().st_mode & 0o044  # readable by others, not a private temp file


def test_svg_parses_and_holds_the_text(exported: dict[str, Path]) -> None:
    texts = ""
    for svg in sorted(exported["svg"].glob("KEC-STDR-KIN-427.111-2020-*.svg")):
        root = ET.parse(svg).getroot()
        assert root.get("width") == "960pt"
        assert root.get("height") == "540pt"
        texts += " ".join(t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text"))
    for expected in ("Kasubag", "Camat", "Tim SPM", "Pengelola", "Ya", "Tidak", "sosialisasi?"):
        assert expected in texts


def test_pdf_is_vector_with_embedded_fonts(exported: dict[str, Path]) -> None:
    pdf = exported["pdf"] / "KEC-STDR-KIN-427.111-2020.pdf"
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "Pengelola" in text
    assert "Memeriksa dan" in text
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    # The whole kegiatan at 12 pt: 2 slides (3 while slide 2 began with a strip for its
    # connector; it now stands beside step 6).
    assert re.search(r"^Pages:\s+2$", info, re.M)
    assert re.search(r"^Creator:\s+sopdoc$", info, re.M)
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
    rows = fonts.splitlines()[2:]
    assert rows
    assert all(" yes " in row for row in rows)  # every font embedded
    images = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True)
    assert len(images.stdout.splitlines()) == 2  # header lines only: no raster image


def test_pptx_has_a_title_slide_per_sop_and_a_slide_per_page(exported: dict[str, Path]) -> None:
    deck = Presentation(str(exported["pptx"] / "contoh-diagram-alir.pptx"))
    assert len(deck.slides) == 3 + 6  # a title slide each, and 2 + 2 + 2 flowchart slides
    width, height = deck.slide_width, deck.slide_height
    assert width is not None
    assert height is not None
    assert width * 9 == height * 16
    first = deck.slides[0]
    assert first.shapes.title.text == "STANDAR PELAYANAN MINIMAL (SPM)"
    names = [shape.name for shape in deck.slides[1].shapes]
    assert "Langkah 1" in names  # shapes, no picture
    assert all(shape.shape_type != 13 for shape in deck.slides[1].shapes)  # 13: PICTURE


def test_pptx_is_deterministic(contoh: Path, tmp_path: Path) -> None:
    for folder in ("a", "b"):
        result = run("flowchart", str(contoh), "--format", "pptx", "-o", str(tmp_path / folder))
        assert result.returncode == 0, result.stderr
    for file in (tmp_path / "a").iterdir():
        assert file.read_bytes() == (tmp_path / "b" / file.name).read_bytes()


def test_svg_is_deterministic(contoh: Path, tmp_path: Path) -> None:
    for folder in ("a", "b"):
        assert (
            run(
                "flowchart", str(contoh), "--format", "svg", "-o", str(tmp_path / folder)
            ).returncode
            == 0
        )
    for file in (tmp_path / "a").iterdir():
        assert file.read_bytes() == (tmp_path / "b" / file.name).read_bytes()


def test_select_by_nomor_or_sheet(contoh: Path) -> None:
    wb = read_workbook(contoh)
    assert [s.identity.nomor for s in select_sops(wb, ["kec/tt-la/427.110/2020"])] == [
        "KEC/TT-LA/ 427.110/2020"
    ]
    assert len(select_sops(wb, ["Ranuyoso"])) == 2
    result = run("flowchart", str(contoh), "--sop", "TIDAK/ADA")
    assert result.returncode == 1
    assert "SOP 'TIDAK/ADA' tidak ada" in result.stderr
    assert "KEC/STDR-KIN/427.110/2020 (Ranuyoso)" in result.stderr


def test_unsafe_nomor_writes_inside_the_output_folder(tmp_path: Path) -> None:
    path = write_workbook(
        tmp_path / "w.xlsx", {"A": sop_rows(nomor="../../etc/x"), "B": sop_rows(nomor="CON")}
    )
    out = tmp_path / "keluar"
    wb = read_workbook(path)
    outcomes = export_flowcharts(wb, sops=wb.sops, fmt="png", out_dir=out)
    files = [f for o in outcomes for f in o.files]
    assert sorted(f.name for f in files) == ["CON_.png", "etc-x.png"]
    assert all(f.resolve().parent == out.resolve() for f in files)
    assert sorted(p.name for p in tmp_path.rglob("*.png")) == ["CON_.png", "etc-x.png"]


def test_one_broken_sop_does_not_stop_the_others(tmp_path: Path) -> None:
    broken = simple_steps(3)
    broken[1][2:6] = [None] * 4
    path = write_workbook(
        tmp_path / "w.xlsx", {"Baik": sop_rows(nomor="A/1"), "Rusak": sop_rows(broken, nomor="A/2")}
    )
    result = run("flowchart", str(path), "--format", "svg", "-o", str(tmp_path / "o"))
    assert result.returncode == 1
    assert "OK    Baik | A/1: A-1.svg" in result.stdout
    assert "GAGAL Rusak | A/2: SOP ini punya kesalahan" in result.stdout
    assert "Rusak!C20" in result.stdout
    assert "1 SOP dibuat, 1 gagal" in result.stdout
    assert [p.name for p in (tmp_path / "o").iterdir()] == ["A-1.svg"]
