"""What offices commonly write is read, or warned about with its cell; never a blocked SOP."""

from __future__ import annotations

from pathlib import Path

import pytest
from workbooks import (
    identity_rows,
    instansi_rows,
    section_rows,
    simple_steps,
    sop_rows,
    step,
    table_rows,
    write_workbook,
)

from sopdoc import words
from sopdoc.layout.fonts import metrics_for
from sopdoc.layout.geometry import IdentityCellId, IdentityPart
from sopdoc.layout.identity import layout_identity
from sopdoc.model import Workbook
from sopdoc.workbook import read_workbook


def read(tmp_path: Path, rows: list[list[object]]) -> Workbook:
    return read_workbook(
        write_workbook(tmp_path / "sop.xlsx", {"Instansi": instansi_rows(), "S": rows})
    )


def at(workbook: Workbook, cell: str) -> list[str]:
    return [p.message for p in workbook.problems if str(p.cell) == cell]


@pytest.mark.parametrize("dash", ["-", "–", "- -", "—"])
def test_a_dash_is_a_date_never_set(tmp_path: Path, dash: str) -> None:
    workbook = read(tmp_path, sop_rows(revisi=dash, efektif=dash))
    [sop] = workbook.sops
    assert workbook.is_drawable(sop)
    assert sop.identity.tanggal_revisi is None
    assert sop.identity.tanggal_efektif is None
    assert at(workbook, "S!B5") == []  # a revision not made yet: nothing to say
    assert any("TGL. EFEKTIF kosong" in m for m in at(workbook, "S!B6"))


@pytest.mark.parametrize(
    ("waktu", "kelengkapan", "output"),
    [
        ("DURASI", "PERSYARATAN / KELENGKAPAN", "HASIL"),
        ("Waktu Penyelesaian", "Persyaratan", "Keluaran"),
        ("JANGKA WAKTU :", "Kelengkapan/Persyaratan", "OUTPUT / HASIL"),
    ],
)
def test_the_names_offices_give_the_mutu_baku_columns(
    tmp_path: Path, waktu: str, kelengkapan: str, output: str
) -> None:
    rows = sop_rows()
    header = next(i for i, row in enumerate(rows) if row[:1] == [None] and "Kelengkapan" in row)
    rows[header] = [
        kelengkapan
        if v == "Kelengkapan"
        else waktu
        if v == "Waktu"
        else output
        if v == "Output"
        else v
        for v in rows[header]
    ]
    workbook = read(tmp_path, rows)
    [sop] = workbook.sops
    assert workbook.errors == ()
    assert sop.steps[0].waktu == "1 Jam"
    assert sop.steps[0].kelengkapan == ("Data",)
    assert sop.steps[0].output == ("Surat",)


def test_a_note_beside_the_form_is_a_warning_not_an_error(tmp_path: Path) -> None:
    rows = sop_rows()
    rows[0] = [*rows[0], *([None] * 11), "catatan: cek ulang dengan Kasi"]  # M1
    workbook = read(tmp_path, rows)
    [sop] = workbook.sops
    assert workbook.is_drawable(sop)
    assert sop.header == ("PEMERINTAH KABUPATEN LUMAJANG", "KECAMATAN RANUYOSO")
    [note] = at(workbook, "S!M1")
    assert "di luar kolom formulir" in note
    assert "catatan: cek ulang" in note


@pytest.mark.parametrize("nomor", ["${nomor}", "070/……/2020", "800/.../35.08/2021", "<nomor>"])
def test_a_placeholder_in_nomor_sop_is_an_error(tmp_path: Path, nomor: str) -> None:
    workbook = read(tmp_path, sop_rows(nomor=nomor))
    [sop] = workbook.sops
    assert not workbook.is_drawable(sop)
    [message] = at(workbook, "S!B3")
    assert "tempat isian" in message
    assert "070/12/35.08.25/2020" in message  # what to type instead


def test_an_empty_section_prints_a_dash_and_is_named(tmp_path: Path) -> None:
    rows = [*identity_rows(), *section_rows(keterkaitan=None), *table_rows(simple_steps())]
    workbook = read(tmp_path, rows)
    [sop] = workbook.sops
    assert workbook.is_drawable(sop)
    [message] = at(workbook, "S!A13")  # under the KETERKAITAN label
    assert "KETERKAITAN kosong" in message
    layout = layout_identity(sop, font=metrics_for("Arial"))
    texts = [
        [line.text for line in cell.lines]
        for page in layout.pages
        for row in page.rows
        for cell in row.cells
        if cell.key == IdentityCellId(IdentityPart.LEFT, "keterkaitan")
    ]
    assert texts == [["KETERKAITAN:", words.DOC_NO_VALUE]]


def test_marks_in_columns_apart_warn_of_the_lanes_between(tmp_path: Path) -> None:
    steps = [
        step("1.", "Menerima berkas", ["x", None, "x", None]),
        step("2.", "Memeriksa", [None, "x", None, None]),
    ]
    workbook = read(tmp_path, sop_rows(steps))
    [sop] = workbook.sops
    assert workbook.is_drawable(sop)
    warnings = [p.message for p in workbook.warnings if "tidak bersebelahan" in p.message]
    assert len(warnings) == 1
    assert "C, E" in warnings[0]
    assert "Camat" in warnings[0]  # the lane crossed without being involved


def test_a_section_written_as_a_dash_is_deliberately_empty(tmp_path: Path) -> None:
    rows = [*identity_rows(), *section_rows(keterkaitan="-"), *table_rows(simple_steps())]
    workbook = read(tmp_path, rows)
    [sop] = workbook.sops
    assert sop.sections.keterkaitan.items == ("-",)
    assert at(workbook, "S!A13") == []


def test_lane_heads_break_after_a_slash_before_any_hyphen() -> None:
    from sopdoc.layout.wrap import syllable_splits, wrap_text

    font = metrics_for("Arial")
    lines = wrap_text("Petugas/Front Office", width=40, size=8, measure=font, hyphenate=True)
    assert lines == ["Petugas/", "Front", "Office"]
    for head, tail in syllable_splits("Petugas/Front") + syllable_splits("Pengelola"):
        assert len(head.rsplit("/", 1)[-1]) >= 3
        assert len(tail.split("/", 1)[0]) >= 3


def test_items_numbered_without_a_period_hang_like_the_others() -> None:
    from sopdoc.layout.wrap import wrap_items

    font = metrics_for("Arial")
    items = ["1 Staf Bidang Pendidikan Madrasah yang memahami tata naskah", "2 Kepala Seksi"]
    lines = wrap_items(items, width=110, size=9, measure=font)
    assert lines[0].text.startswith("1 Staf")
    assert lines[1].indent == pytest.approx(font.width("1 ", 9))
    alone = wrap_items(
        ["3 hari kerja setelah berkas lengkap diterima"], width=110, size=9, measure=font
    )
    assert {line.indent for line in alone} == {0.0}  # one item with a number: just text


@pytest.mark.parametrize(
    ("value", "running", "warned"),
    [(None, True, False), ("TIDAK", False, False), ("ya", True, False), ("kadang", True, True)],
)
def test_judul_halaman_turns_the_running_line_on_and_off(
    tmp_path: Path, value: str | None, running: bool, warned: bool
) -> None:
    path = write_workbook(
        tmp_path / "sop.xlsx", {"Instansi": instansi_rows(JUDUL_HALAMAN=value), "S": sop_rows()}
    )
    workbook = read_workbook(path)
    assert workbook.agency.running_title is running
    assert any("YA atau TIDAK" in p.message for p in workbook.warnings) is warned
