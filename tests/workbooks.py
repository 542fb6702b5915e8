"""Building real workbooks for tests: SOP blocks as rows, written with openpyxl."""

from __future__ import annotations

import importlib.util
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import ModuleType

import openpyxl

Row = list[object]

#: The script that writes input/contoh.xlsx.
MAKE_CONTOH = Path(__file__).resolve().parent.parent / "scripts" / "make_contoh.py"

ACTORS = ("Kasubag", "Camat", "Tim SPM", "Pengelola")


def identity_rows(
    *,
    nomor: object = "KEC/STDR-KIN/427.110/2020",
    nama: object = "STANDAR PELAYANAN MINIMAL (SPM)",
    pembuatan: object = "13 Januari 2020",
    revisi: object = None,
    efektif: object = "13 Januari 2020",
    disahkan: object = "CAMAT RANUYOSO  IKO SAWARISDIYANTO, S.Sos, MM NIP. 19640706 198603 1 027",
    header: Sequence[str] = ("PEMERINTAH KABUPATEN LUMAJANG", "KECAMATAN RANUYOSO"),
) -> list[Row]:
    rows: list[Row] = [[line] for line in header]
    rows += [
        ["NOMOR SOP", nomor],
        ["TGL. PEMBUATAN", pembuatan],
        ["TGL. REVISI", revisi],
        ["TGL. EFEKTIF", efektif],
        ["DISAHKAN OLEH", disahkan],
        ["NAMA SOP", nama],
        [],
    ]
    return rows


def section_rows(
    *,
    dasar: object = "1. UU 25/2009;\n2. UU 23/2014",
    kualifikasi: object = "a. Mampu;\nb. Memahami",
    keterkaitan: object = "SOP IKM",
    peralatan: object = "a. ATK\nb. Komputer",
    peringatan: object = "Apabila tidak sesuai prosedur maka terjadi standar ganda.",
    pencatatan: object = "a. Dokumen disimpan",
) -> list[Row]:
    return [
        ["DASAR HUKUM :", "KUALIFIKASI PELAKSANA"],
        [dasar, kualifikasi],
        ["KETERKAITAN", "PERALATAN DAN PERLENGKAPAN :"],
        [keterkaitan, peralatan],
        ["PERINGATAN", "PENCATATAN DAN PENDATAAN"],
        [peringatan, pencatatan],
        [],
    ]


def step(
    number: object,
    kegiatan: object,
    marks: Sequence[object],
    *,
    kelengkapan: object = "Data",
    waktu: object = "1 Jam",
    output: object = "Surat",
    flow: Sequence[object] = (),
) -> Row:
    return [number, kegiatan, *marks, kelengkapan, waktu, output, *flow]


def table_rows(
    steps: Sequence[Row],
    *,
    actors: Sequence[str] = ACTORS,
    flow_columns: Sequence[str] = (),
) -> list[Row]:
    n = len(actors)
    head1: Row = ["NO", "Kegiatan", "Pelaksana", *([None] * (n - 1)), "Mutu Baku", None, None]
    head1 += list(flow_columns)
    head2: Row = [None, None, *actors, "Kelengkapan", "Waktu", "Output"]
    return [head1, head2, *steps, []]


def simple_steps(count: int = 4, *, actors: int = 4) -> list[Row]:
    rows = []
    for i in range(1, count + 1):
        marks: list[object] = [None] * actors
        marks[(i - 1) % actors] = "x"
        rows.append(step(f"{i}.", f"Kegiatan langkah {i}", marks))
    return rows


def sop_rows(steps: Sequence[Row] | None = None, **identity: object) -> list[Row]:
    """A complete, valid SOP block."""
    return [
        *identity_rows(**identity),  # type: ignore[arg-type]
        *section_rows(),
        *table_rows(steps if steps is not None else simple_steps()),
    ]


def instansi_rows(**overrides: object) -> list[Row]:
    values: dict[str, object] = {
        "PEMERINTAH": "PEMERINTAH KABUPATEN LUMAJANG",
        "UNIT KERJA": "KECAMATAN RANUYOSO",
        "KERTAS": "F4",
        "HURUF": "Arial",
        "JABATAN PENGESAH": "CAMAT RANUYOSO",
        "NAMA PENGESAH": "IKO SAWARISDIYANTO, S.Sos, MM",
        "NIP PENGESAH": "NIP. 19640706 198603 1 027",
    }
    values.update({k.replace("_", " "): v for k, v in overrides.items()})
    return [[key, value] for key, value in values.items() if value is not None]


def write_workbook(path: Path, sheets: Mapping[str, Sequence[Row]]) -> Path:
    """Write sheets of rows (column A first) to a real .xlsx file."""
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                if value is not None:
                    sheet.cell(row=r, column=c, value=value)
    workbook.save(path)
    return path


def make_contoh_script() -> ModuleType:
    """scripts/make_contoh.py as a module: its seed rows and its ``build(path)``."""
    spec = importlib.util.spec_from_file_location("make_contoh", MAKE_CONTOH)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
