"""The form of `sopdoc new`: documented layout, drop-downs, formats, and a round trip."""

from __future__ import annotations

import zipfile
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils import get_column_letter
from workbooks import make_contoh_script, write_workbook

from sopdoc import words
from sopdoc.errors import SopdocError
from sopdoc.model import StepKind
from sopdoc.workbook import read_workbook
from sopdoc.workbook.contoh import CONTOH_INSTANSI
from sopdoc.workbook.form import BLANK_STEP_ROWS, DATE_FORMAT, write_form
from sopdoc.workbook.labels import INSTANSI_KEYS


@pytest.fixture
def blank(tmp_path: Path) -> Path:
    path = tmp_path / "formulir.xlsx"
    write_form(path)
    return path


@pytest.fixture
def contoh(tmp_path: Path) -> Path:
    path = tmp_path / "contoh.xlsx"
    write_form(path, contoh=True)
    return path


def test_sheets_and_labels(blank: Path) -> None:
    book = openpyxl.load_workbook(blank)
    assert book.sheetnames == ["Instansi", "Petunjuk", "SOP 1"]
    keys = [book["Instansi"].cell(row=r, column=1).value for r in range(2, 2 + len(INSTANSI_KEYS))]
    assert keys == list(INSTANSI_KEYS)
    sheet = book["SOP 1"]
    column_a = [sheet.cell(row=r, column=1).value for r in range(3, 9)]
    assert column_a == [
        "NOMOR SOP",
        "TGL. PEMBUATAN",
        "TGL. REVISI",
        "TGL. EFEKTIF",
        "DISAHKAN OLEH",
        "NAMA SOP",
    ]
    assert (sheet["A10"].value, sheet["E10"].value) == ("DASAR HUKUM", "KUALIFIKASI PELAKSANA")
    assert (sheet["A12"].value, sheet["E12"].value) == ("KETERKAITAN", "PERALATAN DAN PERLENGKAPAN")
    assert (sheet["A14"].value, sheet["E14"].value) == ("PERINGATAN", "PENCATATAN DAN PENDATAAN")
    head1 = [sheet.cell(row=17, column=c).value for c in range(1, 14)]
    assert head1 == [
        "NO",
        "KEGIATAN",
        "PELAKSANA",
        None,
        None,
        None,
        "MUTU BAKU",
        None,
        None,
        "KETERANGAN",
        "LANJUT KE",
        "YA",
        "TIDAK",
    ]
    head2 = [sheet.cell(row=18, column=c).value for c in range(3, 10)]
    # Empty actor heads (names to overwrite get overlooked), with a prompt when selected.
    assert head2 == [None, None, None, None, "KELENGKAPAN", "WAKTU", "OUTPUT"]
    heads = {str(v.sqref): v for v in sheet.data_validations.dataValidation}["C18:F18"]
    assert heads.showInputMessage
    assert heads.prompt == words.FORM_ACTOR_HEAD_PROMPT
    merged = {str(r) for r in sheet.merged_cells.ranges}
    assert {"B3:I3", "C17:F17", "G17:I17", "A17:A18", "A11:D11", "E11:I11"} <= merged
    petunjuk = " ".join(str(c.value) for c in book["Petunjuk"]["A"] if c.value)
    assert "x" in petunjuk
    assert "keputusan" in petunjuk
    assert "selesai" in petunjuk
    assert "sebelum MUTU BAKU" in petunjuk  # how to add an actor column
    assert "YA = 5 dan TIDAK = 3" in petunjuk  # a worked loop
    assert "--pelaksana N" in petunjuk
    # The flow columns and the actor columns explain themselves.
    assert sheet["C17"].comment is not None
    assert "sisipkan kolom di dalam PELAKSANA" in sheet["C17"].comment.text
    assert "TIDAK = 3" in sheet["M17"].comment.text
    assert "YA = 5" in sheet["L17"].comment.text


def test_actor_dropdown_dates_and_widths(blank: Path) -> None:
    sheet = openpyxl.load_workbook(blank)["SOP 1"]
    validations = {str(v.sqref): v for v in sheet.data_validations.dataValidation}
    last = 18 + BLANK_STEP_ROWS
    marks = validations[f"C19:F{last}"]
    assert marks.type == "list"
    assert marks.formula1 == '"x,?"'
    assert f"K19:M{last}" in validations
    for cell in ("B4", "B5", "B6"):
        assert sheet[cell].number_format == DATE_FORMAT
    assert sheet.column_dimensions["B"].width > sheet.column_dimensions["C"].width
    assert sheet["C19"].border.left.style == "thin"
    assert sheet["B19"].alignment.wrap_text


def test_blank_form_reads_back_with_fill_in_errors_only(blank: Path) -> None:
    wb = read_workbook(blank)
    (sop,) = wb.sops
    assert sop.actors == ()
    assert sorted(str(p.cell) for p in wb.errors) == [
        "SOP 1!A19",
        "SOP 1!B3",
        "SOP 1!B8",
        "SOP 1!C18",
    ]


def test_contoh_round_trips_through_the_reader(contoh: Path) -> None:
    wb = read_workbook(contoh)
    assert wb.problems == ()
    (sop,) = wb.sops
    assert sop.identity.nomor == "KEC/STDR-KIN/427.110/2020"
    assert sop.identity.disahkan is not None
    assert sop.identity.disahkan.nip == "NIP. 19640706 198603 1 027"
    assert wb.agency.unit == "KECAMATAN RANUYOSO"
    assert len(sop.sections.dasar_hukum) == 3
    decision = sop.steps[4]
    assert decision.kind is StepKind.DECISION
    assert (decision.yes, decision.no) == (6, 3)
    assert sop.steps[2].actors == (2, 3)
    assert sop.identity.tanggal_pembuatan is not None


def test_refuses_to_overwrite(blank: Path) -> None:
    before = blank.read_bytes()
    with pytest.raises(SopdocError, match="sudah ada"):
        write_form(blank, contoh=True)
    assert blank.read_bytes() == before


def test_refuses_other_suffix_and_leaves_no_temp_file(tmp_path: Path) -> None:
    with pytest.raises(SopdocError, match=r"\.xlsx"):
        write_form(tmp_path / "formulir.xls")
    write_form(tmp_path / "baru.xlsx")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["baru.xlsx"]


def test_extra_rows_added_by_a_user_are_read(tmp_path: Path, contoh: Path) -> None:
    book = openpyxl.load_workbook(contoh)
    sheet = book["SOP 1"]
    sheet["A27"] = 9
    sheet["B27"] = "Langkah tambahan"
    sheet["F27"] = "x"
    sheet["K26"] = 9  # step 8 now goes on to the new step 9
    book.save(contoh)
    wb = read_workbook(contoh)
    assert [s.number for s in wb.sops[0].steps][-1] == 9
    assert wb.errors == ()


def test_write_workbook_helper_matches_reader(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "x.xlsx", {"S": [["NOMOR SOP", "1"]]})
    assert read_workbook(path).sops[0].identity.nomor == "1"


def test_blank_header_rows_and_steps_are_empty(blank: Path) -> None:
    sheet = openpyxl.load_workbook(blank)["SOP 1"]
    assert (sheet["A1"].value, sheet["A2"].value) == (None, None)
    assert sheet["A1"].comment is not None
    assert "Instansi" in sheet["A1"].comment.text
    assert all(sheet.cell(row=r, column=1).value is None for r in range(19, 19 + BLANK_STEP_ROWS))
    assert all(sheet.cell(row=r, column=2).value is None for r in range(3, 9))


def test_instansi_keys_notes_and_paper_dropdown(blank: Path, contoh: Path) -> None:
    sheet = openpyxl.load_workbook(blank)["Instansi"]
    assert [c.value for c in sheet[1]] == list(words.FORM_INSTANSI_HEADER)
    rows = {sheet.cell(row=r, column=1).value: r for r in range(2, 2 + len(INSTANSI_KEYS))}
    assert all(sheet.cell(row=rows[k], column=3).value for k in INSTANSI_KEYS)
    kertas = f"B{rows['KERTAS']}"
    assert sheet[kertas].value == "F4"
    (paper,) = sheet.data_validations.dataValidation
    assert str(paper.sqref) == kertas
    assert paper.formula1 == '"F4,A4,LETTER"'
    filled = openpyxl.load_workbook(contoh)["Instansi"]
    values = {
        filled.cell(row=r, column=1).value: filled.cell(row=r, column=2).value
        for r in rows.values()
    }
    assert values == {k: CONTOH_INSTANSI.get(k) for k in INSTANSI_KEYS}


def test_contoh_dates_marks_and_decision(contoh: Path) -> None:
    sheet = openpyxl.load_workbook(contoh)["SOP 1"]
    assert sheet["A1"].value == "PEMERINTAH KABUPATEN LUMAJANG"
    assert sheet["B4"].value == sheet["B6"].value == datetime(2020, 1, 13)
    assert sheet["B5"].value is None
    assert sheet["B4"].number_format == DATE_FORMAT
    assert [sheet.cell(row=r, column=1).value for r in range(19, 28)] == [*range(1, 9), None]
    assert all(sheet.cell(row=r, column=2).value for r in range(19, 27))
    assert [sheet.cell(row=21, column=c).value for c in range(3, 7)] == [None, None, "x", "x"]
    assert [sheet.cell(row=17, column=c).value for c in range(11, 14)] == [
        "LANJUT KE",
        "YA",
        "TIDAK",
    ]
    decision = [sheet.cell(row=23, column=c).value for c in (4, 12, 13)]
    assert decision == ["?", 6, 3]  # Camat decides: Ya -> 6, Tidak -> back to 3
    validations = {str(v.sqref) for v in sheet.data_validations.dataValidation}
    assert "C19:F26" in validations


@pytest.mark.parametrize("contoh_mode", [False, True])
def test_the_same_form_has_the_same_bytes(tmp_path: Path, contoh_mode: bool) -> None:
    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    write_form(first, contoh=contoh_mode)
    write_form(second, contoh=contoh_mode)
    assert first.read_bytes() == second.read_bytes()


def _members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_input_contoh_is_exactly_what_the_script_writes(contoh: Path, tmp_path: Path) -> None:
    """Every part of the committed file, uncompressed, equals a fresh build: run the script.

    Parts rather than file bytes: the deflate stream may differ between zlib builds.
    """
    fresh = tmp_path / "contoh.xlsx"
    make_contoh_script().build(fresh)
    committed = _members(contoh)
    assert list(committed) == list(_members(fresh))
    for name, data in _members(fresh).items():
        assert committed[name] == data, f"{name}: run scripts/make_contoh.py"


@pytest.mark.parametrize("count", [1, 2, 7, 12])
def test_pelaksana_n_makes_n_actor_columns_with_merges_and_validations(
    tmp_path: Path, count: int
) -> None:
    path = tmp_path / "f.xlsx"
    write_form(path, actors=count)
    sheet = openpyxl.load_workbook(path)["SOP 1"]
    last_actor = get_column_letter(2 + count)
    mutu = 3 + count
    assert sheet.cell(row=17, column=3).value == "PELAKSANA"
    assert sheet.cell(row=17, column=mutu).value == "MUTU BAKU"
    assert [sheet.cell(row=18, column=c).value for c in range(mutu, mutu + 3)] == [
        "KELENGKAPAN",
        "WAKTU",
        "OUTPUT",
    ]
    merged = {str(r) for r in sheet.merged_cells.ranges}
    pelaksana = f"C17:{last_actor}17"
    assert (pelaksana in merged) == (count > 1)
    assert "C17:C18" not in merged  # PELAKSANA never covers the names below it
    mutu_range = f"{get_column_letter(mutu)}17:{get_column_letter(mutu + 2)}17"
    assert mutu_range in merged
    validations = {str(v.sqref): v for v in sheet.data_validations.dataValidation}
    assert validations[f"C19:{last_actor}{18 + BLANK_STEP_ROWS}"].formula1 == '"x,?"'
    assert (f"C18:{last_actor}18" if count > 1 else "C18") in validations
    flow = f"{get_column_letter(mutu + 4)}19:{get_column_letter(mutu + 6)}{18 + BLANK_STEP_ROWS}"
    assert flow in validations
    # Filled in, the form reads back with exactly those actors.
    for c in range(count):
        sheet.cell(row=18, column=3 + c, value=f"Pelaksana {c + 1}")
    sheet["A3"].value = "NOMOR SOP"
    sheet["B3"].value = "1"
    sheet["B8"].value = "SOP UJI"
    sheet["A19"].value = 1
    sheet["B19"].value = "Langkah satu"
    sheet.cell(row=19, column=2 + count, value="x")
    filled = tmp_path / "isi.xlsx"
    sheet.parent.save(filled)
    wb = read_workbook(filled)
    assert [a.name for a in wb.sops[0].actors] == [f"Pelaksana {c + 1}" for c in range(count)]
    assert wb.errors == ()


def test_pelaksana_out_of_range_or_with_contoh_is_refused(tmp_path: Path) -> None:
    with pytest.raises(SopdocError, match="1 sampai 12"):
        write_form(tmp_path / "a.xlsx", actors=13)
    with pytest.raises(SopdocError, match="hanya untuk formulir kosong"):
        write_form(tmp_path / "b.xlsx", contoh=True, actors=3)
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize("steps", [1, 25, 60])
def test_langkah_n_makes_n_step_rows_with_their_lists(tmp_path: Path, steps: int) -> None:
    path = tmp_path / "f.xlsx"
    write_form(path, steps=steps)
    sheet = openpyxl.load_workbook(path)["SOP 1"]
    validations = {str(v.sqref): v for v in sheet.data_validations.dataValidation}
    assert validations[f"C19:F{18 + steps}"].formula1 == '"x,?"'
    assert sheet.cell(row=18 + steps, column=2).border.left.style == "thin"
    assert sheet.cell(row=19 + steps, column=2).border.left.style is None  # table ends there


def test_langkah_out_of_range_is_refused(tmp_path: Path) -> None:
    with pytest.raises(SopdocError, match="1 sampai 500"):
        write_form(tmp_path / "f.xlsx", steps=501)
    assert not (tmp_path / "f.xlsx").exists()


def test_blank_section_cells_have_room_for_a_long_list(blank: Path) -> None:
    sheet = openpyxl.load_workbook(blank)["SOP 1"]
    heights = [sheet.row_dimensions[r].height for r in (11, 13, 15)]
    assert all(h is not None and h >= 160 for h in heights), heights
