"""The DOCX document: opened with python-docx, converted by LibreOffice and measured."""

from __future__ import annotations

from pathlib import Path

import office
import pymupdf
import pytest
from docx import Document as open_docx
from docx.enum.table import WD_ROW_HEIGHT_RULE
from docx.enum.text import WD_LINE_SPACING
from docx.oxml.ns import qn
from factories import big_sop, identity_cases, make_sop, make_step, tiny_png
from pdf_geometry import text_lines

from sopdoc.backends.docx import wml
from sopdoc.backends.docx.cells import BORDER
from sopdoc.backends.docx.document import ANCHOR_ROW, render_docx
from sopdoc.backends.pdf.document import identity_page_count, render_pdf
from sopdoc.drawing.document import Document, prepare
from sopdoc.layout import ColumnId, ColumnKind
from sopdoc.layout.wrap import item_markers
from sopdoc.model import Sop
from sopdoc.publish.documents import flow_pictures, read_document


@pytest.fixture(scope="module")
def documents(contoh_sops: tuple[Sop, ...]) -> dict[str, Document]:
    seed1, seed2, keputusan = contoh_sops[:3]
    cases = {"seed1": seed1, "seed2": seed2, "keputusan": keputusan, "besar": big_sop()}
    return {name: prepare(sop) for name, sop in cases.items()}


def convert(documents: dict[str, Document], folder: Path) -> dict[str, Path]:
    """Every document written as DOCX and converted to PDF by LibreOffice in one run."""
    paths = []
    for name, document in documents.items():
        path = folder / f"{name}.docx"
        path.write_bytes(render_docx(document, pictures=flow_pictures(document)))
        paths.append(path)
    office.convert(paths, folder)
    return {name: folder / f"{name}.pdf" for name in documents}


@pytest.fixture(scope="module")
def converted(
    documents: dict[str, Document], tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Path]:
    return convert(documents, tmp_path_factory.mktemp("docx"))


@pytest.fixture(scope="module")
def identity_documents() -> dict[str, Document]:
    return {name: prepare(sop) for name, sop in identity_cases().items()}


@pytest.fixture(scope="module")
def identity_converted(
    identity_documents: dict[str, Document], tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Path]:
    return convert(identity_documents, tmp_path_factory.mktemp("identity"))


def test_structure_and_text_in_python_docx(documents: dict[str, Document], tmp_path: Path) -> None:
    document = documents["seed1"]
    path = tmp_path / "a.docx"
    path.write_bytes(render_docx(document, pictures=flow_pictures(document)))
    word = open_docx(str(path))
    identity, *procedure = word.tables
    assert len(procedure) == len(document.layout.pages)
    text = "\n".join(c.text for row in identity.rows for c in row.cells)
    for expected in (
        "KEC/STDR-KIN/427.110/2020",
        "13 Januari 2020",
        "CAMAT RANUYOSO",
        "IKO SAWARISDIYANTO, S.Sos, MM",
        "NIP. 19640706 198603 1 027",
        "STANDAR PELAYANAN MINIMAL (SPM)",
        "PEMERINTAH KABUPATEN LUMAJANG",
    ):
        assert expected in text
    flat = " ".join(text.split())  # the layout's line breaks are in the cells
    # The typed markers became a Word list's numbers: the items' text is there without them.
    for _, item in item_markers(document.sop.sections.dasar_hukum.items):
        assert item in flat
    table = procedure[0]
    page = document.layout.pages[0]
    # The running line naming the SOP, the two header rows, the flowchart's anchor row (of
    # no height, holding no text), then one row per step.
    assert len(table.rows) == 4 + len(page.rows)
    anchor = table.rows[3]
    assert anchor.height_rule == WD_ROW_HEIGHT_RULE.EXACTLY
    assert anchor.height is not None
    assert anchor.height.pt == pytest.approx(ANCHOR_ROW, abs=0.01)
    assert not any(cell.text for cell in anchor.cells)
    running = " ".join(table.rows[0].cells[0].text.split())
    assert document.sop.identity.nomor in running
    assert document.sop.identity.nama in running
    assert len(table.columns) == len(document.layout.columns)
    for number, (row, layout_row) in enumerate(zip(table.rows[4:], page.rows, strict=True)):
        # Every step row grows with its text: "at least" the layout's height, less the
        # halves of its lines that Word and LibreOffice add (and the first, the anchor row).
        assert row.height is not None
        assert row.height_rule == WD_ROW_HEIGHT_RULE.AT_LEAST
        height = layout_row.box.height - wml.LINE_WIDTH - (ANCHOR_ROW if number == 0 else 0)
        assert row.height.pt == pytest.approx(height, abs=0.05)
        kegiatan = " ".join(row.cells[1].text.split())
        items = document.sop.step(layout_row.number).kegiatan
        assert kegiatan == " ".join(" ".join(rest for _, rest in item_markers(items)).split())
    assert word.core_properties.title == document.sop.identity.nama
    assert word.core_properties.subject == document.sop.identity.nomor


def test_docx_bytes_are_deterministic(documents: dict[str, Document]) -> None:
    document = documents["keputusan"]
    assert render_docx(document, pictures=flow_pictures(document)) == render_docx(
        document, pictures=flow_pictures(document)
    )


def test_libreoffice_pages_and_pictures(
    documents: dict[str, Document], converted: dict[str, Path]
) -> None:
    for name, document in documents.items():
        pdf = pymupdf.open(converted[name])
        layout = document.layout
        procedure = list(pdf)[-len(layout.pages) :]
        assert pdf.page_count >= 1 + len(layout.pages), name
        for page, routed in zip(procedure, document.pages, strict=True):
            area = routed.page.flow_area
            rects = [r for img in page.get_images() for r in page.get_image_rects(img[0])]
            assert len(rects) == 1, (name, page.number)
            (rect,) = rects
            for got, want in (
                (rect.x0, area.x),
                (rect.y0, area.y),
                (rect.x1, area.right),
                (rect.y1, area.bottom),
            ):
                assert got == pytest.approx(want, abs=1.0), (name, page.number, rect, area)
            # Row lines where the layout put them: each step number sits in its own row.
            words = page.get_text("words")
            no = layout.column(ColumnId(ColumnKind.NO))
            for row in routed.page.rows:
                hits = [w for w in words if w[4] == str(row.number) and no.x <= w[0] <= no.right]
                assert hits, (name, row.number)
                assert row.box.y <= hits[0][1] <= row.box.bottom, (name, row.number)


def test_no_text_is_clipped(documents: dict[str, Document], converted: dict[str, Path]) -> None:
    for name, document in documents.items():
        pdf = pymupdf.open(converted[name])
        procedure = list(pdf)[-len(document.layout.pages) :]
        for page, routed in zip(procedure, document.pages, strict=True):
            text = " ".join(page.get_text().split())
            for row in routed.page.rows:
                for cell in row.cells:
                    for line in cell.lines:
                        assert " ".join(line.text.split()) in text, (name, line.text)


def step_numbers(page: pymupdf.Page, x0: float, x1: float) -> list[str]:
    """The step numbers printed in the NO column of a page, top to bottom."""
    return [w[4] for w in page.get_text("words") if x0 <= w[0] <= x1 and w[4].isdigit()]


def test_docx_and_pdf_agree_page_by_page(
    documents: dict[str, Document], converted: dict[str, Path]
) -> None:
    for name, document in documents.items():
        ours = pymupdf.open(stream=render_pdf(document), filetype="pdf")
        office = pymupdf.open(converted[name])
        first = identity_page_count(document)
        assert ours.page_count - first == len(document.layout.pages)
        count = len(document.layout.pages)
        no = document.layout.column(ColumnId(ColumnKind.NO))
        for a, b in zip(list(ours)[-count:], list(office)[-count:], strict=True):
            assert step_numbers(a, no.x, no.right) == step_numbers(b, no.x, no.right), name


def test_user_markup_stays_text(tmp_path: Path) -> None:
    hostile = '<w:p>"]]> & <b>tebal</b> {x}'
    sop = make_sop(
        [make_step(1, (0,), count=2, kegiatan=(hostile,)), make_step(2, (1,), count=2)],
        nama="NAMA <i>&amp;</i>",
    )
    path = tmp_path / "h.docx"
    document = prepare(sop)
    path.write_bytes(render_docx(document, pictures=flow_pictures(document)))
    word = open_docx(str(path))
    text = "\n".join(c.text for t in word.tables for row in t.rows for c in row.cells)
    assert hostile in " ".join(text.split())
    assert "NAMA <i>&amp;</i>" in text


def test_template_styles_are_used(tmp_path: Path) -> None:
    template = tmp_path / "instansi.docx"
    base = open_docx()
    base.styles["Normal"].font.name = "Liberation Serif"
    base.sections[0].header.paragraphs[0].text = "KOP INSTANSI"
    base.save(str(template))
    sop = make_sop([make_step(1, (0,), count=1)])
    path = tmp_path / "t.docx"
    path.write_bytes(
        render_docx(document := prepare(sop), pictures=flow_pictures(document), template=template)
    )
    word = open_docx(str(path))
    assert word.styles["Normal"].font.name == "Liberation Serif"
    assert word.sections[0].header.paragraphs[0].text == "KOP INSTANSI"


def assert_identity_pages_agree(name: str, document: Document, office_pdf: Path) -> None:
    ours = pymupdf.open(stream=render_pdf(document), filetype="pdf")
    office = pymupdf.open(office_pdf)
    assert office.page_count == ours.page_count, name
    for page in document.identity.pages:
        a, b = text_lines(ours[page.index]), text_lines(office[page.index])
        rows = [line.text for row in page.rows for cell in row.cells for line in cell.lines]
        kop = [line.text for line in page.kop.lines] if page.kop is not None else []
        for text in [t for t in rows + kop if t]:
            assert text in a, (name, text)
            assert text in b, (name, page.index, text)
            for (x0, y0), (x1, y1) in zip(a[text], b[text], strict=True):
                assert abs(y0 - y1) <= 0.5, (name, page.index, text, y0, y1)
                assert abs(x0 - x1) <= 1.0, (name, page.index, text, x0, x1)


def test_contoh_identity_is_one_page_in_both_formats(
    documents: dict[str, Document], converted: dict[str, Path]
) -> None:
    for name in ("seed1", "seed2", "keputusan"):
        document = documents[name]
        assert identity_page_count(document) == 1
        assert_identity_pages_agree(name, document, converted[name])


def test_identity_pages_agree_from_short_to_too_long(
    identity_documents: dict[str, Document], identity_converted: dict[str, Path]
) -> None:
    for name, document in identity_documents.items():
        assert_identity_pages_agree(name, document, identity_converted[name])
    assert len(identity_documents["too-long-F4"].identity.pages) > 1


def test_identity_rows_cannot_split_and_lines_are_exact(
    identity_documents: dict[str, Document], tmp_path: Path
) -> None:
    """Rows of the layout's height (less the lines' halves Word adds to an "at least" row)
    that cannot split, and every paragraph at exact spacing with no space after;
    only a cell's first paragraph has space before, the layout's top padding less the border
    the text starts below: nothing is left to the template's line spacing."""
    document = identity_documents["too-long-LETTER"]
    path = tmp_path / "i.docx"
    path.write_bytes(render_docx(document, pictures=flow_pictures(document)))
    word = open_docx(str(path))
    pages = document.identity.pages
    for table, page in zip(word.tables[: len(pages)], pages, strict=True):
        rows = list(table.rows)
        if page.running is not None:  # a continuation page: the line naming the SOP first
            running = rows.pop(0)
            assert document.sop.identity.nomor in running.cells[0].text
            assert "(lanjutan)" in running.cells[0].text
        assert page.index == 0 or page.running is not None
        assert len(rows) == len(page.rows)
        for row, layout_row in zip(rows, page.rows, strict=True):
            assert row.height is not None
            assert row.height_rule == WD_ROW_HEIGHT_RULE.AT_LEAST
            assert row.height.pt == pytest.approx(layout_row.box.height - wml.LINE_WIDTH, abs=0.05)
            assert row._tr.trPr.find(qn("w:cantSplit")) is not None
            for cell in row.cells:
                for i, paragraph in enumerate(cell.paragraphs):
                    fmt = paragraph.paragraph_format
                    rule = fmt.line_spacing_rule  # the paragraph's own, or its style's
                    if rule is None:
                        rule = paragraph.style.paragraph_format.line_spacing_rule
                    assert rule == WD_LINE_SPACING.EXACTLY
                    padding = document.identity.style.pad_y - BORDER
                    styled = paragraph.style.paragraph_format
                    before = fmt.space_before or styled.space_before
                    assert before.pt in ((0, padding) if i == 0 else (0,))
                    assert (fmt.space_after or styled.space_after) == 0


def test_logo_at_the_layouts_box_or_none_when_vanished(tmp_path: Path) -> None:
    from dataclasses import replace

    logo = tmp_path / "logo.png"
    logo.write_bytes(tiny_png(40, 20))
    sop = make_sop([make_step(1, (0,), count=1)])
    sop = replace(sop, agency=replace(sop.agency, logo=logo, logo_pixels=(40, 20)))
    with_logo = read_document(sop)
    logo.unlink()  # read now; a later build finds it gone
    without = read_document(sop)
    assert without.logo is None
    pdfs = convert({"with": with_logo, "without": without}, tmp_path)
    box = with_logo.identity.pages[0].logo
    assert box is not None
    page = pymupdf.open(pdfs["with"])[0]
    rects = [r for img in page.get_images() for r in page.get_image_rects(img[0])]
    assert len(rects) == 1
    got = (rects[0].x0, rects[0].y0, rects[0].x1, rects[0].y1)
    assert got == pytest.approx((box.x, box.y, box.right, box.bottom), abs=1.0)
    # LibreOffice shares image resources between pages: look for where images are drawn.
    page = pymupdf.open(pdfs["without"])[0]
    assert not [r for img in page.get_images() for r in page.get_image_rects(img[0])]
    assert_identity_pages_agree("with", with_logo, pdfs["with"])
    assert_identity_pages_agree("without", without, pdfs["without"])


def test_indonesian_proofing_and_the_documents_properties(
    documents: dict[str, Document], tmp_path: Path
) -> None:
    import zipfile

    document = documents["keputusan"]
    path = tmp_path / "d.docx"
    path.write_bytes(render_docx(document))
    styles = zipfile.ZipFile(path).read("word/styles.xml").decode("utf-8")
    assert '<w:lang w:val="id-ID"' in styles  # Word checks spelling in Indonesian
    props = open_docx(str(path)).core_properties
    assert props.language == "id-ID"
    assert document.sop.identity.nomor in props.keywords
    assert props.title == document.sop.identity.nama
