"""The PDF document read back: text, page count, symbol geometry, fonts, images, metadata."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pymupdf
import pytest
from factories import big_sop, identity_cases, make_sop, make_step, tiny_png

from sopdoc.backends.pdf.document import identity_page_count, render_pdf
from sopdoc.drawing.document import Document, prepare
from sopdoc.model import Sop
from sopdoc.publish.documents import read_logo


def pdf_text(data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "doc.pdf"
    path.write_bytes(data)
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True
    ).stdout


@pytest.fixture(scope="module")
def seed_doc(contoh_sops: tuple[Sop, ...]) -> tuple[Document, bytes]:
    document = prepare(contoh_sops[0])
    return document, render_pdf(document)


def test_identity_values_and_items_are_printed(
    seed_doc: tuple[Document, bytes], tmp_path: Path
) -> None:
    document, data = seed_doc
    text = " ".join(pdf_text(data, tmp_path).split())
    sop = document.sop
    for expected in (
        "PEMERINTAH KABUPATEN LUMAJANG",
        "KECAMATAN RANUYOSO",
        "NOMOR SOP KEC/STDR-KIN/427.110/2020",
        "TGL. PEMBUATAN 13 Januari 2020",
        "TGL. EFEKTIF 13 Januari 2020",
        "CAMAT RANUYOSO",
        "IKO SAWARISDIYANTO, S.Sos, MM",
        "NIP. 19640706 198603 1 027",
        "STANDAR PELAYANAN MINIMAL (SPM)",
        "DASAR HUKUM:",
        "PENCATATAN DAN PENDATAAN:",
    ):
        assert expected in text
    for section in ("dasar_hukum", "kualifikasi", "peralatan", "pencatatan"):
        for item in getattr(sop.sections, section).items:
            assert " ".join(item.split()[:4]) in text, item
    for step in sop.steps:
        assert step.kegiatan[0].split()[1] in text


def test_page_count_and_numbers(seed_doc: tuple[Document, bytes], tmp_path: Path) -> None:
    document, data = seed_doc
    pdf = pymupdf.open(stream=data, filetype="pdf")
    identity = identity_page_count(document)
    assert identity >= 1
    assert pdf.page_count == identity + len(document.layout.pages)
    for number, page in enumerate(pdf, start=1):
        assert f"Halaman {number} dari {pdf.page_count}" in page.get_text()


def test_symbols_are_drawn_where_the_layout_put_them(contoh_sops: tuple[Sop, ...]) -> None:
    for sop in [*contoh_sops, big_sop()]:
        document = prepare(sop)
        pdf = pymupdf.open(stream=render_pdf(document), filetype="pdf")
        first = identity_page_count(document)
        for routed in document.pages:
            page = pdf[first + routed.page.index]
            white = [d["rect"] for d in page.get_drawings() if d.get("fill") == (1.0, 1.0, 1.0)]
            for symbol in routed.page.symbols:
                box = symbol.box
                match = [
                    r
                    for r in white
                    if abs(r.x0 - box.x) <= 0.5
                    and abs(r.y0 - box.y) <= 0.5
                    and abs(r.x1 - box.right) <= 0.5
                    and abs(r.y1 - box.bottom) <= 0.5
                ]
                assert match, (sop.identity.nomor, symbol.node, box)
            # The page's table starts where the layout says, on every procedure page.
            header = routed.page.header[0].box
            words = page.get_text("words")
            assert any(w[4] == "NO" and header.x <= w[0] and w[2] <= header.right for w in words)


def test_no_raster_image_without_a_logo(seed_doc: tuple[Document, bytes]) -> None:
    _, data = seed_doc
    pdf = pymupdf.open(stream=data, filetype="pdf")
    assert all(not page.get_images() for page in pdf)


def test_the_logo_is_the_only_image(tmp_path: Path) -> None:
    from dataclasses import replace

    logo = tmp_path / "logo.png"
    logo.write_bytes(tiny_png())
    sop = make_sop([make_step(1, (0,), count=2), make_step(2, (1,), count=2)])
    sop = replace(sop, agency=replace(sop.agency, logo=logo, logo_pixels=(8, 8)))
    document = prepare(sop, logo=logo.read_bytes())
    pdf = pymupdf.open(stream=render_pdf(document), filetype="pdf")
    images = [img for page in pdf for img in page.get_images()]
    assert len(images) == 1
    (rect,) = pdf[0].get_image_rects(images[0][0])
    box = document.identity.pages[0].logo
    assert box is not None
    assert (rect.x0, rect.y0, rect.x1, rect.y1) == pytest.approx(
        (box.x, box.y, box.right, box.bottom), abs=0.01
    )


def test_markup_in_user_text_prints_literally(tmp_path: Path) -> None:
    hostile = "<b>tebal</b> & <font color=red>merah</font> a < b; “kutip” – • ✓"
    steps = [
        make_step(1, (0,), count=2, kegiatan=(hostile,)),
        make_step(2, (1,), count=2, kegiatan=("<para>", "&amp; &lt;")),
    ]
    sop = make_sop(steps, nama="SOP & <i>MIRING</i>")
    text = pdf_text(render_pdf(prepare(sop)), tmp_path)
    flat = " ".join(text.split())
    assert "SOP & <i>MIRING</i>" in flat
    assert "<b>tebal</b> & <font" in flat
    assert "“kutip” – •" in flat
    assert "✓" in flat  # drawn with the fallback font, after a line break
    assert "&amp; &lt;" in flat


def test_metadata_fonts_and_determinism(seed_doc: tuple[Document, bytes], tmp_path: Path) -> None:
    document, data = seed_doc
    assert render_pdf(document) == data
    pdf = pymupdf.open(stream=data, filetype="pdf")
    meta = pdf.metadata
    assert meta["title"] == "STANDAR PELAYANAN MINIMAL (SPM)"
    assert meta["subject"] == "KEC/STDR-KIN/427.110/2020"
    assert meta["author"] == "KECAMATAN RANUYOSO"
    assert meta["creator"] == "sopdoc"
    path = tmp_path / "d.pdf"
    path.write_bytes(data)
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True).stdout
    rows = fonts.splitlines()[2:]
    assert any("LiberationSans" in row for row in rows)
    assert all(" yes " in row for row in rows)


def span_origins(page: pymupdf.Page) -> list[tuple[str, float, float]]:
    return [
        (span["text"], span["origin"][0], span["origin"][1])
        for block in page.get_text("dict")["blocks"]
        for line in block.get("lines", [])
        for span in line["spans"]
    ]


@pytest.mark.parametrize("name", list(identity_cases()))
def test_identity_text_is_where_the_layout_put_it(name: str) -> None:
    document = prepare(identity_cases()[name])
    pdf = pymupdf.open(stream=render_pdf(document), filetype="pdf")
    pages = document.identity.pages
    assert pdf.page_count == len(pages) + len(document.layout.pages)
    assert (len(pages) == 1) == name.startswith(("short", "steps", "flowing"))
    for page in pages:
        spans = span_origins(pdf[page.index])
        cells = [c for row in page.rows for c in row.cells]
        cells += [page.kop] if page.kop is not None else []
        for cell in cells:
            for line in cell.lines:
                if not line.text:
                    continue
                hits = [
                    s
                    for s in spans
                    if line.text.startswith(s[0])
                    and abs(s[1] - line.x) < 0.01
                    and abs(s[2] - line.baseline) < 0.01
                ]
                assert hits, (name, page.index, line)


def test_vanished_logo_prints_without_it(tmp_path: Path) -> None:
    from dataclasses import replace

    sop = make_sop([make_step(1, (0,), count=1)])
    gone = tmp_path / "hilang.png"
    sop = replace(sop, agency=replace(sop.agency, logo=gone, logo_pixels=(10, 10)))
    assert read_logo(sop) is None
    document = prepare(sop, logo=read_logo(sop))
    assert document.identity.pages[0].logo is not None  # the layout keeps its room
    pdf = pymupdf.open(stream=render_pdf(document), filetype="pdf")
    assert not pdf[0].get_images()


def test_every_procedure_page_names_its_sop_above_the_table() -> None:
    from dataclasses import replace

    sop = big_sop(steps=30, actors=5)
    document = prepare(sop)
    pdf = pymupdf.open(stream=render_pdf(document), filetype="pdf")
    first = identity_page_count(document)
    assert len(pdf) - first >= 2  # several procedure pages
    layout = document.layout
    assert layout.running is not None
    for number in range(first, len(pdf)):
        page = pdf[number]
        lines = [s for s in span_origins(page) if sop.identity.nomor in s[0]]
        assert len(lines) == 1, number
        text, _, y = lines[0]
        assert sop.identity.nama[:20] in text
        table_top = min(p.table.y for p in layout.pages)
        assert y < table_top  # above the table, on every page
    off = replace(sop, agency=replace(sop.agency, running_title=False))
    plain = prepare(off)
    assert plain.layout.running is None
    assert plain.layout.pages[0].table.y < layout.pages[0].table.y


def test_a_long_name_is_cut_to_the_table_width() -> None:
    from dataclasses import replace

    from sopdoc.layout.fonts import metrics_for

    sop = big_sop(steps=4, actors=3)
    long = replace(sop, identity=replace(sop.identity, nama="PELAYANAN " * 60))
    running = prepare(long).layout.running
    assert running is not None
    [line] = running.lines
    assert line.text.endswith("…")
    assert metrics_for("Arial").width(line.text, line.size) <= running.box.width


def test_the_pdf_says_its_language_and_keywords(seed_doc: tuple[Document, bytes]) -> None:
    document, data = seed_doc
    pdf = pymupdf.open(stream=data, filetype="pdf")
    assert pdf.xref_get_key(pdf.pdf_catalog(), "Lang") == ("string", "id-ID")
    assert document.sop.identity.nomor in pdf.metadata["keywords"]
    assert pdf.metadata["title"] == document.sop.identity.nama
