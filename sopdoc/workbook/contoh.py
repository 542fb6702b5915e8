"""The example SOP that ``sopdoc new --contoh`` fills the form with (sample data, not
messages)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Final


@dataclass(frozen=True)
class StepRow:
    """One step of an example SOP as the clerk would type it."""

    kegiatan: str
    actors: Sequence[int]  # lane indices marked
    kelengkapan: str = ""
    waktu: str = ""
    output: str = ""
    mark: str = "x"
    flow: Mapping[str, object] = field(default_factory=dict)  # "LANJUT KE" / "YA" / "TIDAK"
    keterangan: str = ""


@dataclass(frozen=True)
class ExampleSop:
    """The content of one filled SOP block (dates as dates, or as the text a document
    wrote them in)."""

    header: Sequence[str]
    nomor: str
    pembuatan: date | str | None
    revisi: date | str | None
    efektif: date | str | None
    disahkan: str
    nama: str
    sections: Sequence[tuple[str, str]]  # (left, right) text per section pair
    actors: Sequence[str]
    steps: Sequence[StepRow]


CONTOH_INSTANSI: Final[Mapping[str, str]] = {
    "PEMERINTAH": "PEMERINTAH KABUPATEN LUMAJANG",
    "UNIT KERJA": "KECAMATAN RANUYOSO",
    "ALAMAT": "Jl. Raya Ranuyoso, Kecamatan Ranuyoso, Kabupaten Lumajang",
    "KERTAS": "F4",
    "HURUF": "Arial",
    "JABATAN PENGESAH": "CAMAT RANUYOSO",
    "NAMA PENGESAH": "IKO SAWARISDIYANTO, S.Sos, MM",
    "NIP PENGESAH": "NIP. 19640706 198603 1 027",
}

CONTOH_SOP: Final = ExampleSop(
    header=("PEMERINTAH KABUPATEN LUMAJANG", "KECAMATAN RANUYOSO"),
    nomor="KEC/STDR-KIN/427.110/2020",
    pembuatan=date(2020, 1, 13),
    revisi=None,
    efektif=date(2020, 1, 13),
    disahkan="CAMAT RANUYOSO\nIKO SAWARISDIYANTO, S.Sos, MM\nNIP. 19640706 198603 1 027",
    nama="STANDAR PELAYANAN MINIMAL (SPM)",
    sections=(
        (
            "1. Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik;\n"
            "2. Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah;\n"
            "3. Peraturan Menteri PAN-RB Nomor 15 Tahun 2014 tentang Pedoman Standar Pelayanan.",
            "a. Mampu merumuskan bahan kebijakan bidang standar pelayanan minimal (SPM);\n"
            "b. Mampu memberikan pertimbangan dan saran teknis sesuai bidang tugasnya.",
        ),
        (
            "SOP IKM",
            "a. Ruang Rapat Koordinasi;\nb. ATK;\nc. Dokumen RPJMD;\nd. Dokumen RenStra Kecamatan",
        ),
        (
            "Apabila pelaksanaan tidak sesuai prosedur maka akan terjadi standar ganda dan tidak "
            "bisa dijadikan acuan yang jelas.",
            "a. Dokumen disimpan sebagai pedoman pelaksanaan kegiatan;\n"
            "b. Pencapaian sasaran mutu dievaluasi oleh Camat.",
        ),
    ),
    actors=("Kasubag", "Camat", "Tim SPM", "Pengelola"),
    steps=(
        StepRow(
            "- Mempelajari Dasar Hukum Lap.SPM;\n- Mempelajari SK Tim;\n- Menentukan jadwal rapat.",
            (0,),
            "- SK Tim\n- Dasar Hukum Lap.SPM",
            "2 hari",
            "Konsep",
        ),
        StepRow("Mengundang rapat Tim SPM", (3,), "Data SKPD", "1 Jam", "Surat"),
        StepRow(
            "Melakukan rapat tim dan menentukan teknis pelaksanaan penyusunan SPM.",
            (2, 3),
            "SK Tim",
            "3 Jam",
            "Notulen rapat",
        ),
        StepRow("Menyusun rencana sosialisasi SPM.", (0,), "Data SPM", "30 Menit", "Rencana"),
        StepRow(
            "Memeriksa dan menyetujui rencana sosialisasi?",
            (1,),
            "Data SPM",
            "15 Menit",
            "Persetujuan",
            mark="?",
            flow={"YA": 6, "TIDAK": 3},
        ),
        StepRow(
            "Sosialisasi kepada SKPD untuk asistensi Lap.SPM.",
            (2,),
            "Data SPM",
            "1 Hari",
            "Sosialisasi",
        ),
        StepRow(
            "Menghimpun dan meneliti data masuk dari SKPD.", (3,), "Data SPM", "1 Bln", "Data SPM"
        ),
        StepRow(
            "- Menyusun dokumen Lap.SPM;\n- Diajukan untuk ditandatangani Bupati.",
            (0,),
            "Dokumen SPM",
            "1 Bln",
            "Dokumen SPM",
        ),
    ),
)
