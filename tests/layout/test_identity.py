"""The identity layout: row heights from font metrics, the signature, the kop, pages."""

from __future__ import annotations

import itertools
import math
from dataclasses import replace
from pathlib import PurePath

import pytest
from factories import CONTOH, dasar_hukum_sop, make_sop, make_step

from sopdoc.layout.fonts import FontMetrics
from sopdoc.layout.geometry import Box, LayoutStyle
from sopdoc.layout.identity import fitting_styles, layout_identity
from sopdoc.layout.identity_geometry import IdentityLayout
from sopdoc.model import Paper
from sopdoc.units import mm
from sopdoc.workbook import read_workbook


def available(layout: IdentityLayout) -> float:
    style = LayoutStyle()
    return layout.page_height - style.margin_top - style.margin_bottom - style.footer


def test_row_heights_are_the_wrapped_lines_needs(font: FontMetrics) -> None:
    for sop in read_workbook(CONTOH).sops:
        layout = layout_identity(sop, font=font)
        style = layout.style
        for page in layout.pages:
            for row in page.rows:
                counts = [len(cell.lines) for cell in row.cells]
                size = row.cells[0].lines[0].size if row.cells[0].lines else style.value_size
                need = max(counts) * size * style.leading
                if row.key in {"dasar_hukum", "keterkaitan", "peringatan"}:
                    want = math.ceil(need + style.pad_y + style.section_pad_bottom - 1e-6)
                else:
                    want = math.ceil(need + 2 * style.pad_y - 1e-6)
                if row.key == "disahkan":  # it grows when the kop needs more room
                    assert row.box.height >= want
                else:
                    assert row.box.height == want, (sop.identity.nomor, row.key)
                for cell in row.cells:
                    for line in cell.lines:
                        assert cell.box.contains_point(line.x, line.baseline)
                        width = font.width(line.text, line.size, bold=line.bold)
                        assert line.x + width <= cell.box.right - style.pad_x + 0.01


def test_one_signature_gap_then_the_underlined_name(font: FontMetrics) -> None:
    sop = make_sop([make_step(1, (0,), count=1)])
    layout = layout_identity(sop, font=font)
    (row,) = [r for r in layout.pages[0].rows if r.key == "disahkan"]
    value = row.cells[1]
    texts = [line.text for line in value.lines]
    signatory = sop.identity.disahkan
    assert signatory is not None
    gap = layout.style.signature_lines
    assert texts == [signatory.jabatan, *[""] * gap, signatory.nama, signatory.nip]
    assert [line.underline for line in value.lines] == [False] * (1 + gap) + [True, False]
    steps = {
        round(b.baseline - a.baseline, 6)
        for a, b in zip(value.lines, value.lines[1:], strict=False)
    }
    assert steps == {round(layout.leading(layout.style.value_size), 6)}


@pytest.mark.parametrize("paper", list(Paper))
def test_contoh_identity_fits_one_page(font: FontMetrics, paper: Paper) -> None:
    for sop in read_workbook(CONTOH).sops:
        layout = layout_identity(sop, font=font, paper=paper)
        assert len(layout.pages) == 1, (sop.identity.nomor, paper)
        assert layout.pages[0].table.bottom <= LayoutStyle().margin_top + available(layout)


@pytest.mark.parametrize("paper", list(Paper))
def test_long_sections_continue_on_full_pages(font: FontMetrics, paper: Paper) -> None:
    layout = layout_identity(dasar_hukum_sop(40, paper=paper), font=font)
    assert len(layout.pages) >= 2
    top = float(round(LayoutStyle().margin_top))
    texts = []
    for page in layout.pages:
        assert page.table.bottom <= top + available(layout) + 0.01
        if page.index:
            assert page.kop is None
            assert page.logo is None
            # A continuation page names its SOP above the table, which starts below it.
            assert page.running is not None
            [line] = page.running.lines
            assert "(lanjutan)" in line.text
            assert "Nomor SOP" in line.text
            assert page.running.box.y == top
            assert page.rows[0].box.y == page.running.box.bottom
        else:
            assert page.running is None
        for row in page.rows:
            texts += [line.text for line in row.cells[0].lines if row.key == "dasar_hukum"]
    # Every item printed once; the title repeats on the continuation page.
    for i in range(1, 41):
        assert sum(t.startswith(f"{i}. ") for t in texts) == 1, i


def test_logo_is_sized_from_its_pixels(font: FontMetrics) -> None:
    sop = make_sop([make_step(1, (0,), count=1)])
    wide = replace(sop.agency, logo=PurePath("logo.png"), logo_pixels=(4000, 1000))
    tall = replace(sop.agency, logo=PurePath("logo.png"), logo_pixels=(100, 200))
    layout = layout_identity(replace(sop, agency=wide), font=font)
    kop = layout.columns[0]
    logo = layout.pages[0].logo
    assert logo is not None
    assert logo.width == pytest.approx(kop.width * 0.6)
    assert logo.height == pytest.approx(logo.width / 4)
    logo = layout_identity(replace(sop, agency=tall), font=font).pages[0].logo
    assert logo is not None
    assert logo.height == pytest.approx(mm(22))
    assert logo.width == pytest.approx(mm(11))
    page = layout.pages[0]
    assert page.kop is not None
    assert all(line.baseline > page.logo.bottom for line in page.kop.lines)  # type: ignore[union-attr]


@pytest.mark.parametrize("paper", list(Paper))
def test_section_text_steps_down_to_keep_one_page(font: FontMetrics, paper: Paper) -> None:
    sizes = []
    for count in range(4, 40, 2):
        layout = layout_identity(dasar_hukum_sop(count, paper=paper), font=font)
        if len(layout.pages) > 1:
            # It goes on only when even 8 pt with tight spacing cannot hold it.
            smallest = fitting_styles(layout.style)[-1]
            assert smallest.section_size == 8.0
            tight = layout_identity(dasar_hukum_sop(count, paper=paper), font=font, style=smallest)
            assert len(tight.pages) > 1
            break
        sizes.append(layout.section_size)
        rows = [r for r in layout.pages[0].rows if r.key == "dasar_hukum"]
        assert {line.size for r in rows for c in r.cells for line in c.lines} == {
            layout.section_size
        }
    else:
        pytest.fail("40 long items still fit one page")
    assert sizes == sorted(sizes, reverse=True)
    assert sizes[0] == 9.5
    assert min(sizes) >= 8.0


def test_the_signature_gap_gives_way_before_the_text_shrinks(font: FontMetrics) -> None:
    """Between 'fits as styled' and 'smaller text' stands 'two blank lines to sign on':
    some Dasar Hukum length needs exactly that."""
    from sopdoc.layout.identity import TIGHT_SIGNATURE_LINES

    found = []
    for count in range(1, 16):
        layout = layout_identity(dasar_hukum_sop(count), font=font)
        if len(layout.pages) == 1 and layout.style.signature_lines == TIGHT_SIGNATURE_LINES:
            found.append((count, layout.section_size))
    assert found
    full = fitting_styles(layout.style)[0].section_size
    assert found[0][1] == full  # the first length that needs it keeps the full text size
    styles = fitting_styles(layout_identity(dasar_hukum_sop(1), font=font).style)
    assert styles[1].signature_lines == TIGHT_SIGNATURE_LINES
    assert styles[1].section_size == styles[0].section_size
    assert [s.section_size for s in styles[2:]] == sorted(
        (s.section_size for s in styles[2:]), reverse=True
    )
    assert min(s.section_size for s in styles) == 8.0  # the floor


def test_check_warns_naming_the_sections_that_continue(font: FontMetrics) -> None:
    from sopdoc.model import Workbook
    from sopdoc.publish.workbooks import with_layout_problems

    sop = dasar_hukum_sop(30)
    workbook = with_layout_problems(
        Workbook(path=PurePath("w.xlsx"), agency=sop.agency, sops=(sop,))
    )
    [warning] = [p for p in workbook.warnings if "halaman identitas" in p.message.lower()]
    assert "DASAR HUKUM" in warning.message
    assert "8 pt" in warning.message
    short = with_layout_problems(
        Workbook(path=PurePath("w.xlsx"), agency=sop.agency, sops=(dasar_hukum_sop(2),))
    )
    assert not short.warnings


def test_the_columns_of_the_section_pairs_flow_on_their_own(font: FontMetrics) -> None:
    """Row-aligned pairs would need a second page; each column flowing on its own keeps one:
    a section starts right under the one above it in its column, not under the taller of
    the pair, and the shorter column's last section reaches down to the longer one's end."""
    from factories import flowing_sop

    from sopdoc.layout.geometry import IdentityPart

    layout = layout_identity(flowing_sop(), font=font)
    assert len(layout.pages) == 1
    cells: dict[tuple[IdentityPart, str], Box] = {}
    for row in layout.pages[0].rows:
        for cell in row.cells:
            if cell.key.part in (IdentityPart.LEFT, IdentityPart.RIGHT):
                cells[(cell.key.part, cell.key.field)] = cell.box
    left = [cells[(IdentityPart.LEFT, f)] for f in ("dasar_hukum", "keterkaitan", "peringatan")]
    right = [cells[(IdentityPart.RIGHT, f)] for f in ("dasar_hukum", "keterkaitan", "peringatan")]
    for column in (left, right):
        for upper, lower in itertools.pairwise(column):
            assert lower.y == upper.bottom
    assert left[-1].bottom == right[-1].bottom
    assert left[1].y != right[1].y  # not row-aligned: KETERKAITAN is not under PERALATAN's row
