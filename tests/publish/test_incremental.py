"""Incremental builds read only the sheets that changed, and never miss a change."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest
from excel_package import ExcelSheet, write_excel_package
from factories import tiny_png
from workbooks import instansi_rows, simple_steps, sop_rows

from sopdoc.publish.freshness import Inputs
from sopdoc.publish.manifest import MANIFEST
from sopdoc.publish.plan import plan_build
from sopdoc.workbook import read_workbook

NAMES = ("A", "B", "C", "D")
PDF = Inputs.of(formats=("pdf",))


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sopdoc", *args], capture_output=True, text=True, check=False
    )


def write(
    path: Path,
    *,
    texts: Mapping[str, str] | None = None,
    instansi: Mapping[str, object] | None = None,
) -> Path:
    """Instansi and four SOP sheets as Excel writes them: shared strings numbered in order of
    first use, so a new text in sheet A renumbers the strings of B, C and D."""
    texts = texts or {}
    sheets: list[ExcelSheet] = [ExcelSheet("Instansi", instansi_rows(**(instansi or {})))]
    for name in NAMES:
        steps = simple_steps(4)
        steps[0][1] = texts.get(name, "Menerima berkas")
        sheets.append(ExcelSheet(f"SOP {name}", sop_rows(steps, nomor=f"{name}/1/2026")))
    return write_excel_package(path, sheets)


def build(book: Path, out: Path, *extra: str) -> str:
    done = run("build", str(book), "-o", str(out), "--format", "pdf", "--jobs", "1", *extra)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def outputs(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.name != MANIFEST}


def same_as_a_fresh_build(book: Path, out: Path, tmp_path: Path, name: str) -> None:
    fresh = tmp_path / f"fresh-{name}"
    build(book, fresh)
    assert outputs(out) == outputs(fresh)


def test_an_edited_sheet_is_the_only_one_rebuilt(tmp_path: Path) -> None:
    book = write(tmp_path / "w.xlsx")
    out = tmp_path / "o"
    assert "4 SOP dibuat, 0 dilewati" in build(book, out)
    assert "0 SOP dibuat, 4 dilewati" in build(book, out)
    write(book, texts={"A": "Menerima dan memeriksa berkas permohonan"})
    changed = build(book, out)
    assert "1 SOP dibuat, 3 dilewati" in changed
    assert "A-1-2026.pdf" in changed
    same_as_a_fresh_build(book, out, tmp_path, "a")


@pytest.mark.parametrize(
    "instansi",
    [{"ALAMAT": "Jl. Raya Ranuyoso No. 1"}, {"HURUF": "Times New Roman"}, {"KERTAS": "A4"}],
)
def test_an_instansi_setting_every_sop_prints_rebuilds_every_sop(
    tmp_path: Path, instansi: dict[str, object]
) -> None:
    book = write(tmp_path / "w.xlsx")
    out = tmp_path / "o"
    build(book, out)
    write(book, instansi=instansi)
    assert "4 SOP dibuat, 0 dilewati" in build(book, out)
    same_as_a_fresh_build(book, out, tmp_path, "i")


def test_a_new_logo_file_rebuilds_every_sop(tmp_path: Path) -> None:
    logo = tmp_path / "logo.png"
    logo.write_bytes(tiny_png(30, 12))
    book = write(tmp_path / "w.xlsx", instansi={"LOGO": "logo.png"})
    out = tmp_path / "o"
    build(book, out)
    assert "0 SOP dibuat, 4 dilewati" in build(book, out)
    logo.write_bytes(tiny_png(40, 12))
    assert "4 SOP dibuat, 0 dilewati" in build(book, out)


def test_deleted_outputs_and_other_formats_are_built(tmp_path: Path) -> None:
    book = write(tmp_path / "w.xlsx")
    out = tmp_path / "o"
    build(book, out)
    (out / "C-1-2026.pdf").unlink()
    again = build(book, out)
    assert "1 SOP dibuat, 3 dilewati" in again
    assert (out / "C-1-2026.pdf").is_file()
    docx = run("build", str(book), "-o", str(out), "--format", "docx", "--jobs", "1")
    assert "4 SOP dibuat, 0 dilewati" in docx.stdout


def test_a_partial_plan_reads_only_what_changed(tmp_path: Path) -> None:
    book = write(tmp_path / "w.xlsx")
    out = tmp_path / "o"
    build(book, out)
    write(book, texts={"B": "Mencatat berkas di buku agenda"})
    plan = plan_build(book, folder=out, inputs=PDF)
    assert [s.sheet for s in plan.workbook.sops] == ["SOP B"]
    assert sorted(plan.unchanged) == ["A-1-2026", "C-1-2026", "D-1-2026"]
    whole = read_workbook(book)
    assert sorted(plan.stems) == sorted(s.key for s in whole.sops)
    assert plan.workbook.sops[0] == next(s for s in whole.sops if s.sheet == "SOP B")


def test_a_plan_for_some_sheets_reads_them_and_names_every_sop(tmp_path: Path) -> None:
    book = write(tmp_path / "w.xlsx")
    out = tmp_path / "o"
    build(book, out)
    (out / "A-1-2026.pdf").unlink()  # missing, yet not wanted: not read
    plan = plan_build(book, folder=out, inputs=PDF, sheets=["SOP C"])
    assert [s.sheet for s in plan.workbook.sops] == ["SOP C"]
    assert {ref.sheet: nomor for ref, nomor in plan.nomors.items()} == {
        f"SOP {n}": f"{n}/1/2026" for n in NAMES
    }
    nothing = plan_build(book, folder=out, inputs=PDF, sheets=())
    assert nothing.workbook.sops == ()
    assert len(nothing.nomors) == 4


def sheets_read(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The positions of the sheets builds parse from now on (a spy on the plan's reader)."""
    from sopdoc.workbook.load import load_grids

    read: list[int] = []

    def counting(path: Path, **kwargs: Any) -> Any:
        read.extend(kwargs["only"])
        return load_grids(path, **kwargs)

    monkeypatch.setattr("sopdoc.publish.plan.load_grids", counting)
    return read


def test_revise_reads_only_the_revised_sheet_of_a_built_workbook(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from click.testing import CliRunner

    from sopdoc.cli import main

    book = write(tmp_path / "w.xlsx")
    out = tmp_path / "o"
    build(book, out)
    before = outputs(out)
    read = sheets_read(monkeypatch)
    args = ["revise", str(book), "--sop", "c/1/2026", "--tanggal", "2026-11-25"]
    done = CliRunner().invoke(main, [*args, "-o", str(out), "--format", "pdf"])
    assert done.exit_code == 0, done.output
    assert "C-1-2026.pdf" in done.output
    assert sorted(set(read)) == [0, 3, 5]  # Instansi, SOP C and the new Riwayat sheet
    after = outputs(out)
    assert after.keys() == before.keys()
    assert [name for name in after if after[name] != before[name]] == ["C-1-2026.pdf"]
    same_as_a_fresh_build(book, out, tmp_path, "revised")


def test_building_named_sops_reads_only_their_sheets(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from click.testing import CliRunner

    from sopdoc.cli import main

    book = write(tmp_path / "w.xlsx")
    out = tmp_path / "o"
    build(book, out)
    (out / "B-1-2026.pdf").unlink()
    (out / "D-1-2026.pdf").unlink()
    read = sheets_read(monkeypatch)
    args = ["build", str(book), "--sop", "SOP B", "-o", str(out), "--format", "pdf"]
    done = CliRunner().invoke(main, args)
    assert done.exit_code == 0, done.output
    assert "1 SOP dibuat, 0 dilewati" in done.output
    assert sorted(set(read)) == [0, 2]  # Instansi and SOP B
    assert (out / "B-1-2026.pdf").is_file()
    assert not (out / "D-1-2026.pdf").exists()  # not named, not built
    missing = CliRunner().invoke(main, ["build", str(book), "--sop", "Z/9", "-o", str(out)])
    assert missing.exit_code != 0
    assert "SOP 'Z/9' tidak ada" in missing.output
    assert "D/1/2026 (SOP D)" in missing.output


def test_errors_are_reported_every_time(tmp_path: Path) -> None:
    book = write(tmp_path / "w.xlsx")
    out = tmp_path / "o"
    build(book, out)
    sheets: Sequence[ExcelSheet] = [
        ExcelSheet("Instansi", instansi_rows()),
        *(ExcelSheet(f"SOP {n}", sop_rows(nomor=f"{n}/1/2026")) for n in NAMES[:3]),
        ExcelSheet("SOP D", sop_rows(nomor=None)),
    ]
    write_excel_package(book, sheets)
    for _ in range(2):  # the broken SOP fails again, although its sheet did not change
        done = run("build", str(book), "-o", str(out), "--format", "pdf", "--jobs", "1")
        assert done.returncode == 1
        assert "GAGAL SOP D" in done.stdout


def modified_times(folder: Path) -> dict[str, int]:
    return {p.name: p.stat().st_mtime_ns for p in sorted(folder.iterdir()) if p.name != MANIFEST}


def resave_with_openpyxl(book: Path, edit: Any = None) -> None:
    """Open and save as openpyxl does (it renumbers the styles and rewrites every part)."""
    import openpyxl

    workbook = openpyxl.load_workbook(book)
    if edit is not None:
        edit(workbook)
    workbook.save(book)


def resave_with_calc(book: Path, tmp_path: Path) -> None:
    """Open and save in LibreOffice Calc (headless): every part written anew."""
    from office import convert

    folder = tmp_path / "calc"
    convert([book], folder, to="xlsx")
    book.write_bytes((folder / book.name).read_bytes())


def test_resaving_without_a_change_rebuilds_nothing(tmp_path: Path) -> None:
    book = write(tmp_path / "w.xlsx")
    out = tmp_path / "o"
    build(book, out)
    before, times = outputs(out), modified_times(out)
    resave_with_openpyxl(book)
    assert "0 SOP dibuat, 4 dilewati" in build(book, out)
    resave_with_calc(book, tmp_path)
    assert "0 SOP dibuat, 4 dilewati" in build(book, out)
    assert outputs(out) == before
    assert modified_times(out) == times


def test_a_style_only_change_rebuilds_nothing(tmp_path: Path) -> None:
    from openpyxl.styles import Font

    book = write(tmp_path / "w.xlsx")
    out = tmp_path / "o"
    build(book, out)
    times = modified_times(out)

    def restyle(workbook: Any) -> None:
        workbook["SOP A"]["B3"].font = Font(bold=True)
        workbook["SOP B"].column_dimensions["B"].width = 55
        workbook["Instansi"]["A1"].font = Font(italic=True)

    resave_with_openpyxl(book, restyle)
    assert "0 SOP dibuat, 4 dilewati" in build(book, out)
    assert modified_times(out) == times


def test_one_typed_date_rebuilds_one_sop_after_any_save(tmp_path: Path) -> None:
    """TGL. REVISI typed as a date (Excel adds a cell format for it), saved by openpyxl, then
    the workbook re-saved by Calc: one SOP rebuilt, then none."""
    from datetime import datetime

    book = write(tmp_path / "w.xlsx")
    out = tmp_path / "o"
    build(book, out)

    def revise(workbook: Any) -> None:
        cell = workbook["SOP C"]["B5"]
        cell.value = datetime(2026, 12, 1)
        cell.number_format = "d mmmm yyyy"

    resave_with_openpyxl(book, revise)
    rebuilt = build(book, out)
    assert "1 SOP dibuat, 3 dilewati" in rebuilt
    assert "C-1-2026.pdf" in rebuilt
    resave_with_calc(book, tmp_path)
    assert "0 SOP dibuat, 4 dilewati" in build(book, out)
    same_as_a_fresh_build(book, out, tmp_path, "dated")


def test_an_instansi_cell_rebuilds_only_the_sops_that_print_it(tmp_path: Path) -> None:
    """PEMERINTAH is printed by the SOPs without a kop of their own; the other SOPs, whose
    kop is written above their table, stay as they are."""
    book = write(tmp_path / "w.xlsx")
    out = tmp_path / "o"
    build(book, out)

    def own_kop_for_a_and_b(workbook: Any) -> None:
        for name in ("A", "B"):
            sheet = workbook[f"SOP {name}"]
            sheet["A1"], sheet["A2"] = None, None  # no kop of their own: the Instansi's

    resave_with_openpyxl(book, own_kop_for_a_and_b)
    build(book, out)
    times = modified_times(out)
    resave_with_openpyxl(book, lambda w: w["Instansi"].__setitem__("B1", "PEMERINTAH KOTA BATU"))
    rebuilt = build(book, out)
    assert "2 SOP dibuat, 2 dilewati" in rebuilt, rebuilt
    after = modified_times(out)
    assert [n for n in after if after[n] != times[n]] == ["A-1-2026.pdf", "B-1-2026.pdf"]
    same_as_a_fresh_build(book, out, tmp_path, "instansi")
