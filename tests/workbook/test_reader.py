"""The reader against real workbooks written with openpyxl: every rule of the format page."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from factories import tiny_png
from workbooks import (
    ACTORS,
    identity_rows,
    instansi_rows,
    section_rows,
    simple_steps,
    sop_rows,
    step,
    table_rows,
    write_workbook,
)

from sopdoc.model import Branch, End, Paper, Severity, StepKind, Symbol, Workbook
from sopdoc.workbook import read_workbook


def read(tmp_path: Path, sheets: dict[str, list[list[object]]]) -> Workbook:
    return read_workbook(write_workbook(tmp_path / "sop.xlsx", sheets))


def errors(workbook: Workbook) -> list[str]:
    return [str(p) for p in workbook.errors]


def messages_at(workbook: Workbook, cell: str) -> list[str]:
    return [p.message for p in workbook.problems if p.cell is not None and str(p.cell) == cell]


def test_a_valid_sop_reads_without_problems(tmp_path: Path) -> None:
    wb = read(tmp_path, {"Instansi": instansi_rows(), "SPM": sop_rows()})
    assert wb.problems == ()
    (sop,) = wb.sops
    assert sop.sheet == "SPM"
    assert sop.identity.nomor == "KEC/STDR-KIN/427.110/2020"
    assert sop.identity.tanggal_pembuatan == date(2020, 1, 13)
    assert sop.identity.tanggal_revisi is None
    assert [a.name for a in sop.actors] == list(ACTORS)
    assert [s.number for s in sop.steps] == [1, 2, 3, 4]
    assert sop.header == ("PEMERINTAH KABUPATEN LUMAJANG", "KECAMATAN RANUYOSO")
    assert sop.sections.dasar_hukum.items == ("1. UU 25/2009;", "2. UU 23/2014")
    assert sop.sections.peralatan.items == ("a. ATK", "b. Komputer")
    assert str(sop.key) == "SPM!A3"
    assert str(sop.identity.cells["nomor"]) == "SPM!B3"
    assert wb.drawable() == (sop,)


def test_several_sops_stacked_in_one_sheet_and_across_sheets(tmp_path: Path) -> None:
    first = sop_rows(nomor="A/1")
    second = sop_rows(nomor="A/2", nama="KEDUA", steps=simple_steps(6))
    wb = read(tmp_path, {"S1": [*first, [], [], *second], "S2": sop_rows(nomor="B/1")})
    assert [s.identity.nomor for s in wb.sops] == ["A/1", "A/2", "B/1"]
    assert [len(s.steps) for s in wb.sops] == [4, 6, 4]
    assert wb.sops[1].header == ("PEMERINTAH KABUPATEN LUMAJANG", "KECAMATAN RANUYOSO")
    assert wb.errors == ()


def test_stacked_block_without_blank_rows_between(tmp_path: Path) -> None:
    first = sop_rows(nomor="A/1")[:-1]  # no trailing blank row after the table
    second = sop_rows(nomor="A/2", header=())
    wb = read(tmp_path, {"S": [*first, *second]})
    assert [s.identity.nomor for s in wb.sops] == ["A/1", "A/2"]
    assert [len(s.steps) for s in wb.sops] == [4, 4]


def test_header_falls_back_to_instansi(tmp_path: Path) -> None:
    wb = read(tmp_path, {"Instansi": instansi_rows(), "S": sop_rows(header=())})
    assert wb.sops[0].header == ("PEMERINTAH KABUPATEN LUMAJANG", "KECAMATAN RANUYOSO")
    wb = read(tmp_path, {"S": sop_rows(header=())})
    assert any("Kop SOP kosong" in p.message for p in wb.warnings)


@pytest.mark.parametrize(
    ("label", "value"),
    [
        ("TANGGAL PEMBUATAN", "13-01-2020"),
        ("tgl. pembuatan:", "13/01/2020"),
        ("  TGL.   PEMBUATAN :  ", "2020-01-13"),
        ("TGL. PEMBUATAN", datetime(2020, 1, 13)),
        ("TGL. PEMBUATAN", "13 Jan 2020"),
    ],
)
def test_label_spellings_and_date_forms(tmp_path: Path, label: str, value: object) -> None:
    rows = sop_rows()
    rows[3] = [label, value]
    wb = read(tmp_path, {"S": rows})
    assert wb.sops[0].identity.tanggal_pembuatan == date(2020, 1, 13)
    assert wb.errors == ()


def test_bad_date_names_cell_and_forms(tmp_path: Path) -> None:
    wb = read(tmp_path, {"S": sop_rows(efektif="besok pagi")})
    (problem,) = wb.errors
    assert str(problem.cell) == "S!B6"
    assert "TGL. EFEKTIF 'besok pagi'" in problem.message
    assert "13 Januari 2020" in problem.message


def test_alternative_section_and_table_labels(tmp_path: Path) -> None:
    rows = sop_rows()
    rows[11] = ["KETERKAITAN", "PERALATAN/PERLENGKAPAN"]
    rows[13] = ["PERINGATAN", "PENCATATAN"]
    head = rows.index(["NO", "Kegiatan", "Pelaksana", None, None, None, "Mutu Baku", None, None])
    rows[head][1] = "URAIAN PROSEDUR"
    rows[head + 1][6] = "PERSYARATAN/KELENGKAPAN"
    wb = read(tmp_path, {"S": rows})
    assert wb.problems == ()
    assert wb.sops[0].sections.peralatan.items == ("a. ATK", "b. Komputer")
    assert wb.sops[0].steps[0].kelengkapan == ("Data",)


def test_signatory_split_one_line(tmp_path: Path) -> None:
    wb = read(tmp_path, {"S": sop_rows()})
    sig = wb.sops[0].identity.disahkan
    assert sig is not None
    assert (sig.jabatan, sig.nama, sig.nip) == (
        "CAMAT RANUYOSO",
        "IKO SAWARISDIYANTO, S.Sos, MM",
        "NIP. 19640706 198603 1 027",
    )


def test_signatory_split_with_instansi_jabatan(tmp_path: Path) -> None:
    one_space = " CAMAT RANUYOSO IKO SAWARISDIYANTO, S.Sos, MM NIP. 19640705 198603 1 027"
    wb = read(tmp_path, {"Instansi": instansi_rows(), "S": sop_rows(disahkan=one_space)})
    sig = wb.sops[0].identity.disahkan
    assert sig is not None
    assert (sig.jabatan, sig.nama) == ("CAMAT RANUYOSO", "IKO SAWARISDIYANTO, S.Sos, MM")
    assert any("NIP" in p.message and "19640706" in p.message for p in wb.warnings)


def test_empty_signatory_uses_instansi(tmp_path: Path) -> None:
    wb = read(tmp_path, {"Instansi": instansi_rows(), "S": sop_rows(disahkan=None)})
    sig = wb.sops[0].identity.disahkan
    assert sig is not None
    assert sig.nama == "IKO SAWARISDIYANTO, S.Sos, MM"
    assert wb.problems == ()


def test_html_lists_become_items_without_doubled_markers(tmp_path: Path) -> None:
    html = (
        '<ol style="list-style-type: none"><li>1. Undang-Undang Nomor 25 Tahun 2009;</li>'
        "<li>2. Undang-Undang &amp; Peraturan</li></ol>"
    )
    kegiatan = (
        '<ul style="list-style-type: none"> <li>- Mempelajari SK Tim;</li> '
        "<li>- Menentukan jadwal rapat.</li> </ul>"
    )
    rows = [
        *identity_rows(),
        *section_rows(dasar=html, keterkaitan="Baris satu<br>Baris dua"),
        *table_rows(
            [
                step(1, kegiatan, ["x", None, None, None]),
                step(2, "- Satu; - Dua - Tiga", [None, "x", None, None]),
            ]
        ),
    ]
    wb = read(tmp_path, {"S": rows})
    sop = wb.sops[0]
    assert sop.sections.dasar_hukum.items == (
        "1. Undang-Undang Nomor 25 Tahun 2009;",
        "2. Undang-Undang & Peraturan",
    )
    assert sop.sections.keterkaitan.items == ("Baris satu", "Baris dua")
    assert sop.steps[0].kegiatan == ("- Mempelajari SK Tim;", "- Menentukan jadwal rapat.")
    assert sop.steps[1].kegiatan == ("- Satu;", "- Dua", "- Tiga")


@pytest.mark.parametrize("mark", ["x", "X", "v", "✓", "√", 1, "1", "o", "●"])
def test_activity_marks(tmp_path: Path, mark: object) -> None:
    steps = simple_steps(2)
    steps[1][2:6] = [None, mark, None, None]
    wb = read(tmp_path, {"S": sop_rows(steps)})
    assert wb.errors == ()
    assert wb.sops[0].steps[1].actors == (1,)
    assert wb.sops[0].steps[1].kind is StepKind.ACTIVITY


@pytest.mark.parametrize("mark", ["?", "◇", "K", "keputusan", "Keputusan"])
def test_decision_marks(tmp_path: Path, mark: object) -> None:
    steps = [
        step(1, "Mulai", ["x", None, None, None], flow=[None, None, None]),
        step(2, "Setuju?", [None, mark, None, None], flow=[None, None, 1]),
        step(3, "Selesai", [None, None, "x", None], flow=[None, None, None]),
    ]
    rows = [
        *identity_rows(),
        *section_rows(),
        *table_rows(steps, flow_columns=["LANJUT KE", "YA", "TIDAK"]),
    ]
    wb = read(tmp_path, {"S": rows})
    assert wb.errors == ()
    decision = wb.sops[0].steps[1]
    assert decision.kind is StepKind.DECISION
    assert (decision.yes, decision.no) == (3, 1)
    assert wb.sops[0].symbol(decision) is Symbol.DECISION


@pytest.mark.parametrize(
    ("ya", "tidak", "warned"),
    [
        (None, 3, "menuju langkah 3"),  # YA left to the next step, TIDAK names it too
        (1, 1, "menuju langkah 1"),
        ("selesai", "selesai", "menuju selesai"),
        (3, 1, None),
    ],
)
def test_decision_whose_ya_and_tidak_are_one_step_is_a_warning(
    tmp_path: Path, ya: object, tidak: object, warned: str | None
) -> None:
    steps = [
        step(1, "Mulai", ["x", None, None, None], flow=[None, None, None]),
        step(2, "Setuju?", [None, "?", None, None], flow=[None, ya, tidak]),
        step(3, "Selesai", [None, None, "x", None], flow=[None, None, None]),
    ]
    rows = [
        *identity_rows(),
        *section_rows(),
        *table_rows(steps, flow_columns=["LANJUT KE", "YA", "TIDAK"]),
    ]
    wb = read(tmp_path, {"S": rows})
    same = [p for p in wb.warnings if "YA dan TIDAK sama-sama" in p.message]
    if warned is None:
        assert same == []
    else:
        assert [str(p.cell) for p in same] == ["S!L20"]
        assert warned in same[0].message
        assert "Langkah 2" in same[0].message


def test_unknown_mark_is_an_error_naming_the_cell(tmp_path: Path) -> None:
    steps = simple_steps(2)
    steps[1][3] = "ya"
    wb = read(tmp_path, {"S": sop_rows(steps)})
    assert messages_at(wb, "S!D20")
    assert "x untuk kegiatan" in messages_at(wb, "S!D20")[0]


def test_multi_actor_step_spans_lanes(tmp_path: Path) -> None:
    steps = simple_steps(3)
    steps[1][2:6] = [None, "x", "x", None]
    wb = read(tmp_path, {"S": sop_rows(steps)})
    assert wb.sops[0].steps[1].actors == (1, 2)


def test_flow_columns_lanjut_ke_and_selesai(tmp_path: Path) -> None:
    steps = [
        step(1, "A", ["x", None, None, None], flow=[3]),
        step(2, "B", [None, "x", None, None], flow=["selesai"]),
        step(3, "C", [None, None, "x", None], flow=[2]),
        step(4, "D", [None, None, None, "x"], flow=[]),
    ]
    rows = [*identity_rows(), *section_rows(), *table_rows(steps, flow_columns=["LANJUT KE"])]
    wb = read(tmp_path, {"S": rows})
    sop = wb.sops[0]
    assert [s.next for s in sop.steps] == [3, None, 2, None]
    assert [sop.symbol(s) for s in sop.steps] == [
        Symbol.START,
        Symbol.END,
        Symbol.PROCESS,
        Symbol.END,
    ]
    # Step 4 is never reached: an error on its NO cell.
    assert [str(p.cell) for p in wb.errors] == ["S!A22"]
    assert "Langkah 4 tidak pernah dicapai" in wb.errors[0].message


def test_an_end_may_carry_its_label_and_its_lane(tmp_path: Path) -> None:
    steps = [
        step(1, "Terima", ["x", None, None, None], flow=[None, None, None]),
        step(
            2,
            "Lengkap?",
            [None, "?", None, None],
            flow=[None, None, "selesai di Pengelola: Ditolak"],
        ),
        step(3, "Proses", [None, None, "x", None], flow=["Selesai: Izin terbit", None, None]),
        step(4, "Arsip", [None, None, None, "x"], flow=[None, None, None]),
    ]
    rows = [
        *identity_rows(),
        *section_rows(),
        *table_rows(steps, flow_columns=["LANJUT KE", "YA", "TIDAK"]),
    ]
    wb = read(tmp_path, {"S": rows})
    decision, proses = wb.sops[0].steps[1], wb.sops[0].steps[2]
    assert decision.no is None
    assert decision.end_of(Branch.NO) == End(Branch.NO, "Ditolak", 3)
    assert decision.end_of(Branch.YES) == End(Branch.YES)
    assert proses.next is None
    assert proses.end_of(Branch.NEXT) == End(Branch.NEXT, "Izin terbit")
    # Step 4 is unreachable now that step 3 ends: the only error.
    assert [str(p.cell) for p in wb.errors] == ["S!A22"]


def test_an_end_in_a_lane_nobody_has_names_the_cell_and_the_choices(tmp_path: Path) -> None:
    steps = [
        step(1, "Terima", ["x", None, None, None], flow=[None, None, None]),
        step(2, "Lengkap?", [None, "?", None, None], flow=[None, None, "selesai di Lurah"]),
        step(3, "Arsip", [None, None, "x", None], flow=[None, None, None]),
    ]
    rows = [
        *identity_rows(),
        *section_rows(),
        *table_rows(steps, flow_columns=["LANJUT KE", "YA", "TIDAK"]),
    ]
    wb = read(tmp_path, {"S": rows})
    found = {str(p.cell): p.message for p in wb.errors}
    assert "'Lurah'" in found["S!L20"]
    assert "Kasubag, Camat, Tim SPM, Pengelola" in found["S!L20"]


@pytest.mark.parametrize("written", ["selesai di", "selesai nanti", "selesai di:"])
def test_a_malformed_end_is_not_a_target(tmp_path: Path, written: str) -> None:
    steps = [
        step(1, "A", ["x", None, None, None], flow=[written]),
        step(2, "B", [None, "x", None, None], flow=[]),
    ]
    rows = [*identity_rows(), *section_rows(), *table_rows(steps, flow_columns=["LANJUT KE"])]
    wb = read(tmp_path, {"S": rows})
    assert "tidak dikenali" in {str(p.cell): p.message for p in wb.errors}["S!J19"]


def test_decision_without_tidak_and_bad_targets(tmp_path: Path) -> None:
    steps = [
        step(1, "A", ["x", None, None, None], flow=[None, None, None]),
        step(2, "B?", [None, "?", None, None], flow=[None, 9, None]),
        step(3, "C", [None, None, "x", None], flow=["nanti", None, None]),
        step(4, "D", [None, None, None, "x"], flow=[None, None, None]),
    ]
    rows = [
        *identity_rows(),
        *section_rows(),
        *table_rows(steps, flow_columns=["LANJUT KE", "YA", "TIDAK"]),
    ]
    wb = read(tmp_path, {"S": rows})
    found = {str(p.cell): p.message for p in wb.errors}
    assert "Langkah tujuan 9 tidak ada" in found["S!K20"]
    assert "sel TIDAK-nya kosong" in found["S!L20"]  # the column is there, not its cell
    assert "LANJUT KE 'nanti' tidak dikenali" in found["S!J21"]


def test_step_numbering_gaps_and_repeats(tmp_path: Path) -> None:
    steps = simple_steps(4)
    steps[1][0] = 3
    steps[2][0] = "tiga"
    wb = read(tmp_path, {"S": sop_rows(steps)})
    found = {str(p.cell): p.message for p in wb.errors}
    assert "seharusnya 2" in found["S!A20"]
    assert "NO 'tiga' bukan nomor langkah" in found["S!A21"]


@pytest.mark.parametrize("number", [1, 1.0, "1", "1.", " 1 "])
def test_step_number_forms(tmp_path: Path, number: object) -> None:
    steps = simple_steps(1)
    steps[0][0] = number
    wb = read(tmp_path, {"S": sop_rows(steps)})
    assert wb.errors == ()
    assert wb.sops[0].steps[0].number == 1


def test_all_problems_of_a_sheet_are_reported_together(tmp_path: Path) -> None:
    steps = [step(i, f"K{i}", [None] * 4) for i in range(1, 6)]
    wb = read(tmp_path, {"S": sop_rows(steps, nomor=None, efektif="32-13-2020")})
    assert len(wb.errors) == 1 + 1 + 5  # nomor, date, five steps without actor
    no_actor = [p for p in wb.errors if "belum punya pelaksana" in p.message]
    assert [str(p.cell) for p in no_actor] == [f"S!C{r}" for r in range(19, 24)]
    assert "kolom pelaksana C–F (Kasubag, Camat, Tim SPM, Pengelola)" in no_actor[0].message
    assert "baris 19" in no_actor[0].message


def test_one_broken_sop_does_not_stop_the_others(tmp_path: Path) -> None:
    broken = simple_steps(2)
    broken[0][2:6] = [None] * 4
    wb = read(tmp_path, {"Baik": sop_rows(nomor="A/1"), "Rusak": sop_rows(broken, nomor="A/2")})
    assert [s.identity.nomor for s in wb.drawable()] == ["A/1"]
    assert all(p.sop is not None and p.sop.sheet == "Rusak" for p in wb.errors)


def test_too_many_actors(tmp_path: Path) -> None:
    actors = [f"Pelaksana {i}" for i in range(1, 17)]
    marks: list[object] = ["x"] + [None] * 15
    rows = [*identity_rows(), *section_rows(), *table_rows([step(1, "A", marks)], actors=actors)]
    wb = read(tmp_path, {"S": rows})
    (problem,) = wb.errors
    assert "16 kolom pelaksana; paling banyak 15" in problem.message
    assert str(problem.cell) == "S!R18"


def test_keterangan_column(tmp_path: Path) -> None:
    rows = sop_rows()
    head = rows.index(["NO", "Kegiatan", "Pelaksana", None, None, None, "Mutu Baku", None, None])
    rows[head].append("KET")
    rows[head + 2].append("Catatan penting")
    wb = read(tmp_path, {"S": rows})
    assert wb.sops[0].has_keterangan
    assert wb.sops[0].steps[0].keterangan == "Catatan penting"


def test_rows_after_a_blank_row_in_the_table_are_reported(tmp_path: Path) -> None:
    rows = sop_rows()
    rows.append(step(5, "Langkah yang terpisah", ["x", None, None, None]))
    wb = read(tmp_path, {"S": rows})
    assert len(wb.sops[0].steps) == 4
    assert any("setelah baris kosong" in p.message for p in wb.warnings)


def test_instansi_settings(tmp_path: Path) -> None:
    wb = read(
        tmp_path,
        {
            "Instansi": instansi_rows(KERTAS="a4", HURUF="Liberation Serif", WARNA="merah"),
            "S": sop_rows(),
        },
    )
    assert wb.agency.paper is Paper.A4
    assert wb.agency.font == "Liberation Serif"
    assert wb.agency.unit == "KECAMATAN RANUYOSO"
    assert any("Kunci 'WARNA' tidak dikenal" in p.message for p in wb.warnings)


def test_logo_pixel_size_is_read_with_the_file(tmp_path: Path) -> None:
    (tmp_path / "logo.png").write_bytes(tiny_png(30, 12))
    wb = read(tmp_path, {"Instansi": instansi_rows(LOGO="logo.png"), "S": sop_rows()})
    assert wb.agency.logo == (tmp_path / "logo.png").resolve()
    assert wb.agency.logo_pixels == (30, 12)
    (tmp_path / "kosong.png").write_bytes(tiny_png(30, 12)[:16] + bytes(8))
    wb = read(tmp_path, {"Instansi": instansi_rows(LOGO="kosong.png"), "S": sop_rows()})
    assert wb.agency.logo is None
    assert wb.agency.logo_pixels is None
    assert any("bukan gambar" in p.message for p in wb.warnings)


def test_bad_paper_is_an_error_naming_the_choices(tmp_path: Path) -> None:
    wb = read(tmp_path, {"Instansi": instansi_rows(KERTAS="A3"), "S": sop_rows()})
    (problem,) = wb.errors
    assert str(problem.cell) == "Instansi!B3"
    assert "F4, A4, LETTER" in problem.message
    assert wb.drawable() == ()


def test_petunjuk_and_hidden_sheets_are_skipped(tmp_path: Path) -> None:
    path = write_workbook(
        tmp_path / "w.xlsx",
        {"Petunjuk": [["NOMOR SOP", "bukan SOP"]], "S": sop_rows(), "Arsip": sop_rows(nomor="X")},
    )
    import openpyxl

    book = openpyxl.load_workbook(path)
    book["Arsip"].sheet_state = "hidden"
    book.save(path)
    wb = read_workbook(path)
    assert [s.sheet for s in wb.sops] == ["S"]


def test_unit_spelled_two_ways_is_a_warning(tmp_path: Path) -> None:
    wb = read(
        tmp_path,
        {
            "A": sop_rows(nomor="1"),
            "B": sop_rows(nomor="2", header=("PEMERINTAH KABUPATEN LUMAJANG", "KEC. RANUYOSO")),
        },
    )
    (warning,) = wb.warnings
    assert "'KEC. RANUYOSO' ditulis berbeda dengan 'KECAMATAN RANUYOSO'" in warning.message


def test_sheet_without_sop_and_workbook_without_sop(tmp_path: Path) -> None:
    wb = read(tmp_path, {"Catatan": [["apa saja"]]})
    assert [p.severity for p in wb.problems] == [Severity.WARNING, Severity.ERROR]
    assert wb.problems[0].sheet == "Catatan"


def test_control_characters_are_removed_with_a_warning(tmp_path: Path) -> None:
    wb = read(tmp_path, {"S": sop_rows(nama="NAMA_x0007_ SOP")})
    assert wb.sops[0].identity.nama == "NAMA SOP"
    assert messages_at(wb, "S!B8")


def test_formulas_use_cached_values_and_warn_without_one(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "f.xlsx", {"S": sop_rows(nama='=UPPER("sop rumus")')})
    # openpyxl writes no cached value: the reader warns and reads the cell as empty.
    wb = read_workbook(path)
    assert any("rumus" in m for m in messages_at(wb, "S!B8"))
    assert wb.sops[0].identity.nama == ""
    # A value cached by a spreadsheet program is used (simulated by writing <v> into the XML).
    import zipfile

    cached = tmp_path / "cached.xlsx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(cached, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename.startswith("xl/worksheets/"):
                data = data.replace(b"</f><v></v></c>", b"</f><v>SOP RUMUS</v></c>")
                data = data.replace(b'<c r="B8"', b'<c r="B8" t="str"')
            dst.writestr(item, data)
    wb = read_workbook(cached)
    assert wb.sops[0].identity.nama == "SOP RUMUS"
    assert not messages_at(wb, "S!B8")


def test_merged_cells_across_the_form(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "m.xlsx", {"S": sop_rows()})
    import openpyxl

    book = openpyxl.load_workbook(path)
    sheet = book["S"]
    for rng in ("B3:I3", "B8:I8", "A11:A11", "C17:F17", "G17:I17", "A17:A18", "B17:B18"):
        sheet.merge_cells(rng)
    book.save(path)
    wb = read_workbook(path)
    assert wb.problems == ()
    assert [a.name for a in wb.sops[0].actors] == list(ACTORS)


MALANG = ("PEMERINTAH KABUPATEN MALANG", "SEKRETARIAT DAERAH", "BAGIAN TATA USAHA")


def test_a_kop_of_three_and_four_lines_keeps_every_line(tmp_path: Path) -> None:
    wb = read(tmp_path, {"S": sop_rows(header=MALANG)})
    assert wb.sops[0].header == MALANG
    assert wb.problems == ()
    four = (*MALANG, "SUBBAGIAN UMUM")
    wb = read(tmp_path, {"S": [["DAFTAR SOP", None, "2020"], [], *sop_rows(header=four)]})
    assert wb.sops[0].header == four
    assert wb.errors == ()


def test_a_kop_of_five_lines_is_an_error_naming_its_cells(tmp_path: Path) -> None:
    five = (*MALANG, "SUBBAGIAN UMUM", "URUSAN SURAT")
    wb = read(tmp_path, {"S": sop_rows(header=five)})
    assert wb.sops[0].header == five  # nothing dropped
    (problem,) = wb.errors
    assert str(problem.cell) == "S!A1"
    assert "Kop di atas NOMOR SOP punya 5 baris (A1, A2, A3, A4, A5); paling banyak 4" in (
        problem.message
    )
    # Line breaks inside one cell count as lines too.
    wb = read(tmp_path, {"S": sop_rows(header=("\n".join(MALANG), "A\nB"))})
    assert "punya 5 baris (A1, A2)" in wb.errors[0].message


def test_a_multi_cell_row_right_above_the_kop_is_an_error(tmp_path: Path) -> None:
    rows: list[list[object]] = [
        ["PEMERINTAH", None, "KABUPATEN MALANG"],
        *sop_rows(header=MALANG[1:]),
    ]
    wb = read(tmp_path, {"S": rows})
    (problem,) = wb.errors
    assert str(problem.cell) == "S!A1"
    assert "berisi teks di beberapa sel (A1, C1)" in problem.message
    assert wb.sops[0].header == MALANG[1:]
    # Separated by a blank row it is not part of the kop, and not a problem.
    separated: list[list[object]] = [rows[0], [], *rows[1:]]
    wb = read(tmp_path, {"S": separated})
    assert wb.errors == ()


def test_instansi_kop_lines_replace_pemerintah_and_unit(tmp_path: Path) -> None:
    instansi = instansi_rows(
        PEMERINTAH=MALANG[0],
        UNIT_KERJA="SEKRETARIAT DAERAH",
        **{"KOP BARIS 1": MALANG[0], "KOP BARIS 2": MALANG[1], "KOP BARIS 3": MALANG[2]},
    )
    wb = read(tmp_path, {"Instansi": instansi, "S": sop_rows(header=())})
    assert wb.sops[0].header == MALANG
    assert wb.problems == ()


@pytest.mark.parametrize(
    ("revisi", "number"),
    [
        ("22 Juli 2019 rev 01", 1),
        ("Rev. 2 – 22/07/2019", 2),
        ("Revisi ke-1, 22 Juli 2019", 1),
        (datetime(2019, 7, 22), None),
    ],
)
def test_revision_number_with_the_date(tmp_path: Path, revisi: object, number: int | None) -> None:
    wb = read(tmp_path, {"Instansi": instansi_rows(), "S": sop_rows(revisi=revisi)})
    assert wb.problems == ()
    identity = wb.sops[0].identity
    assert (identity.tanggal_revisi, identity.revisi) == (date(2019, 7, 22), number)


def test_revision_number_in_a_row_of_its_own(tmp_path: Path) -> None:
    rows = sop_rows(revisi="22 Juli 2019")
    rows.insert(5, ["REVISI KE", 3])
    wb = read(tmp_path, {"Instansi": instansi_rows(), "S": rows})
    assert wb.problems == ()
    assert wb.sops[0].identity.revisi == 3
    assert str(wb.sops[0].identity.cells["revisi"]) == "S!B6"
    rows[5] = ["NO. REVISI", "dua"]
    wb = read(tmp_path, {"Instansi": instansi_rows(), "S": rows})
    assert messages_at(wb, "S!B6") == [
        "Nomor revisi 'dua' tidak dikenali. Tulis angkanya saja (01, 2) atau bersama tanggal: "
        "22 Juli 2019 rev 01."
    ]
    rows[4], rows[5] = ["TGL. REVISI", "22 Juli 2019 rev 01"], ["REVISI KE", "02"]
    wb = read(tmp_path, {"Instansi": instansi_rows(), "S": rows})
    assert "ditulis dua kali dan berbeda: 1 di TGL. REVISI, 2" in messages_at(wb, "S!B6")[0]


def test_two_digit_days_as_written_or_as_instansi_says(tmp_path: Path) -> None:
    wb = read(tmp_path, {"Instansi": instansi_rows(), "S": sop_rows(pembuatan="03 Januari 2017")})
    assert wb.sops[0].identity.two_digit_day is True
    wb = read(tmp_path, {"Instansi": instansi_rows(), "S": sop_rows()})
    assert wb.sops[0].identity.two_digit_day is False
    setting = instansi_rows(FORMAT_TANGGAL="dd mmmm yyyy")
    wb = read(tmp_path, {"Instansi": setting, "S": sop_rows()})
    assert wb.sops[0].identity.two_digit_day is True
    setting = instansi_rows(FORMAT_TANGGAL="3 Januari 2017")
    wb = read(tmp_path, {"Instansi": setting, "S": sop_rows(pembuatan="03 Januari 2017")})
    assert wb.sops[0].identity.two_digit_day is False
    wb = read(tmp_path, {"Instansi": instansi_rows(FORMAT_TANGGAL="pendek"), "S": sop_rows()})
    assert "FORMAT TANGGAL 'pendek' tidak dikenali" in wb.warnings[0].message


@pytest.mark.parametrize(
    ("number_format", "two"),
    [
        ("dd mmmm yyyy", True),
        ("[$-421]dd\\ mmmm\\ yyyy;@", True),
        ("dd/mm/yyyy", True),
        ("d mmmm yyyy", False),
        ("[$-421]d mmmm yyyy", False),
        ("dddd, d mmmm yyyy", False),
    ],
)
def test_excel_date_cells_give_two_digit_days_by_their_format(
    tmp_path: Path, number_format: str, two: bool
) -> None:
    path = write_workbook(
        tmp_path / "sop.xlsx",
        {"Instansi": instansi_rows(), "S": sop_rows(pembuatan=datetime(2017, 1, 3))},
    )
    book = openpyxl.load_workbook(path)
    book["S"]["B4"].number_format = number_format
    book.save(path)
    identity = read_workbook(path).sops[0].identity
    assert identity.tanggal_pembuatan == date(2017, 1, 3)
    assert identity.two_digit_day is two
