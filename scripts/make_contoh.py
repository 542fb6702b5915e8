"""Regenerates input/contoh.xlsx: the seed SOPs of Kecamatan Ranuyoso, cell for cell, with marks.

The seed grid below is the text dump of the real 2020 SOP document (shared/seeds), one list per
sheet row and one string per cell, kept verbatim: HTML lists, odd spaces and all. The only
additions are the actor marks (who does each step) and, on a second sheet, a copy of the first
SOP with a decision so that the example shows branching. Run: ``make contoh``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Final

from sopdoc.workbook.contoh import CONTOH_INSTANSI
from sopdoc.workbook.form import add_instansi, format_grid
from sopdoc.workbook.xlsx_file import new_workbook, workbook_bytes

OUTPUT: Final = Path(__file__).resolve().parent.parent / "input" / "contoh.xlsx"

#: shared/seeds/sop-kecamatan-ranuyoso-2020.txt, row by row (row 1 first), cell by cell.
SEED_ROWS: Final[list[list[str]]] = [
    [" "],
    [" "],
    [" "],
    [" "],
    [" "],
    [" "],
    [" "],
    [" "],
    [],
    [],
    [],
    [],
    ["PEMERINTAH KABUPATEN LUMAJANG  "],
    ["KECAMATAN RANUYOSO"],
    [],
    ["NOMOR SOP", "KEC/STDR-KIN/427.110/2020"],
    ["TGL. PEMBUATAN", "13 Januari 2020"],
    ["TGL. REVISI", ""],
    ["TGL. EFEKTIF", "13 Januari 2020"],
    ["DISAHKAN OLEH", "CAMAT RANUYOSO  IKO SAWARISDIYANTO, S.Sos, MM NIP. 19640706 198603 1 027"],
    ["NAMA SOP", "STANDAR PELAYANAN MINIMAL (SPM)"],
    [],
    ["DASAR HUKUM :", "KUALIFIKASI PELAKSANA"],
    [
        '<ol style="list-style-type: none"><li>1. Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan '
        "Publik;</li><li>2. Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah;</li><li>3. "
        "Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi "
        "Pemerintah;</li><li>4. Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi "
        "Birokrasi Republik Indonesia Nomor 15 Tahun 2014 tentang Pedoman Standar "
        "Pelayanan;</li><li>5. Peraturan Daerah Kabupaten Lumajang Nomor 15 Tahun 2007 tentang Susunan "
        "Organisasi dan Tata Kerja Sekretariat Daerah Kabupaten Lumajang sebagaimana telah diubah "
        "dengan Peraturan Daerah Kabupaten Lumajang Nomor 15 Tahun 2009;</li><li>6. Peraturan Daerah "
        "Kabupaten Lumajang Nomor 1 Tahun 2015 tentang Rencana Pembangunan Jangka Menengah (RPJMD) "
        "Tahun 2015-2020.</li></ol>",
        '<ol style="list-style-type: none"><li>a. Mampu merumuskan bahan kebijakan bidang standar '
        "pelayanan minimal (SPM) untuk jangka pendek, menengah dan panjang;</li><li>b. Mampu "
        "memberikan pertimbangan dan saran-saran teknis sesuai bidang tugasnya;</li><li>c. Mengetahui "
        "dan mampu melaksanakan tugas pokok dan fungsi dalam bidang standar pelayanan minimal "
        "(SPM);</li><li>d. Menyusun konsep penyusunan dokumen standar pelayanan minimal "
        "(SPM);</li><li>e. Menganalisa laporan bahan dokumen standar pelayanan minimal "
        "(SPM);</li><li>f. Menyelenggarakan sosialisasi/bintek penyusunan dokumen standar pelayanan "
        "minimal (SPM).</li></ol>",
    ],
    ["KETERKAITAN", "PERALATAN DAN PERLENGKAPAN :"],
    [
        "SOP IKM",
        '<ol style="list-style-type: none"><li>a. Ruang Rapat Koordinasi;</li><li>b. ATK</li><li>c. '
        "Kendaraan untuk pelaksanaan observasi lapangan</li><li>d. Dokumen RPJMD</li><li>e. Indikator "
        "Kinerja Utama</li><li>f. Dokumen RenStra Kecamatan Ranuyoso</li><li>g. Peraturan "
        "Perundangan-undangan yang berlaku</li></ol>",
    ],
    ["PERINGATAN", "PENCATATAN DAN PENDATAAN"],
    [
        "Apabila terjadi pelaksanaan tidak sesuai prosedur dan ketentuan peraturan perundang-undang "
        "yang berlaku maka akan terjadi standar ganda dan tidak bisa dijadikan acuan yang jelas.",
        '<ol style="list-style-type: none"><li>a. Dokumen disimpan sebagai pedoman pelaksanaan '
        "kegiatan Standarisasi Kinerja;</li><li>b. Pencapaian Sasaran Mutu dan dievaluasi oleh Camat "
        "Ranuyoso untuk menentukan tindak lanjut, dan penetapan target kinerja selanjutnya dengan "
        "konsep peningkatan kinerja berkesinambungan.</li></ol>",
    ],
    [],
    [" "],
    [" "],
    [" "],
    [" "],
    [" "],
    [" "],
    [" "],
    [" "],
    ["NO", "Kegiatan", "Pelaksana", "", "", "", "Mutu Baku", "", ""],
    ["", "", "Kasubag", "Camat", "Tim SPM", "Pengelola", "Kelengkapan", "Waktu", "Output"],
    [
        "1.",
        '<ul style="list-style-type: none"> <li>- Mempelajari Dasar Hukum Lap.SPM;</li> <li>- '
        "Mempelajari SK Tim;</li> <li>- Menyusun langkah teknis kegiatan;</li> <li>- Menentukan jadwal "
        "rapat.</li> </ul>",
        "",
        "",
        "",
        "",
        '<ul style="list-style-type: none"> <li>- SK Tim</li> <li>- Dasar Hukum Lap.SPM</li> </ul>',
        "2 hari",
        "Konsep",
    ],
    ["2.", "Mengundang rapat Tim SPM", "", "", "", "", "Data SKPD", "1 Jam", "Surat"],
    [
        "3.",
        "Melakukan rapat tim dan menentukan teknis pelaksanaan penyusunan SPM.",
        "",
        "",
        "",
        "",
        '<ul style="list-style-type: none"> <li>- SK Tim</li> <li>- Dasar Hukum Lap.SPM</li> </ul>',
        "3 Jam",
        '<ul style="list-style-type: none"> <li>- Sosialisasi</li> <li>- Penyusunan SPM</li> </ul>',
    ],
    [
        "4.",
        "Koordinasi dengan Kabag untuk mengundang petugas dari SKPD yg membidangi untuk asistensi SPM.",
        "",
        "",
        "",
        "",
        "Data SPM",
        "30 Menit",
        "Merencanakan sosialisasi",
    ],
    [
        "5.",
        "Menyetujui untuk mengadakan sosialisasi.",
        "",
        "",
        "",
        "",
        "Data SPM",
        "15 Menit",
        "Terlaksananya Sosialisasi",
    ],
    [
        "6.",
        "Sosialisasi kepada SKPD untuk Asistensi Lap.SPM.",
        "",
        "",
        "",
        "",
        "Data SPM",
        "1 Hari",
        "Penyusunan SPM",
    ],
    [
        "7.",
        "Menghimpun dan meneliti data masuk dari SKPD.",
        "",
        "",
        "",
        "",
        "Data SPM",
        "1 Bln",
        "Tersusun nya SPM",
    ],
    [
        "8.",
        '<ul style="list-style-type: none"> <li>- Menyusun rancangan dokumen lap.SPM;</li> <li>- '
        "Perbaikan rancangan dokumen lap.SPM;</li> <li>- Finalisasi/Penyelesaian menyusun rancangan "
        "dokumen lap.SPM;</li> <li>- Diajukan untuk ditandatangani Bupati;</li> <li>- Dilaporkan ke "
        "Gubernur dan Kementrian.</li> </ul>",
        "",
        "",
        "",
        "",
        "Dokumen SPM",
        "1 Bln",
        "Dokumen SPM",
    ],
    [],
    [],
    [],
    ["PEMERINTAH KABUPATEN LUMAJANG  "],
    ["KECAMATAN RANUYOSO"],
    [],
    ["NOMOR SOP", "KEC/TT-LA/ 427.110/2020"],
    ["TGL. PEMBUATAN", "13 Januari 2020"],
    ["TGL. REVISI", ""],
    ["TGL. EFEKTIF", "13 Januari 2020"],
    ["DISAHKAN OLEH", " CAMAT RANUYOSO IKO SAWARISDIYANTO, S.Sos, MM NIP. 19640705 198603 1 027"],
    ["NAMA SOP", "PELAYANAN PUBLIK"],
    [],
    ["DASAR HUKUM :", "KUALIFIKASI PELAKSANA"],
    [
        '<ol style="list-style-type: none"><li>1. Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan '
        "Publik;</li><li>2. Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah;</li><li>3. "
        "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Republik Indonesia "
        "Nomor 15 Tahun 2014 tentang Pedoman Standar Pelayanan;</li><li>4. Peraturan Daerah Kabupaten "
        "Lumajang Nomor 15 Tahun 2007 tentang Susunan Organisasi dan Tata Kerja Sekretariat Daerah "
        "Kabupaten Lumajang sebagaimana telah diubah dengan Peraturan Daerah Kabupaten Lumajang Nomor "
        "15 Tahun 2009;</li><li>5. Peraturan Daerah Kabupaten Lumajang Nomor 1 Tahun 2015 tentang "
        "Rencana Pembangunan Jangka Menengah (RPJMD) Tahun 2015-2020.</li></ol>",
        '<ol style="list-style-type: none"><li>a. Mampu merumuskan bahan kebijakan bidang pelayanan '
        "publik untuk jangka pendek, menengah dan panjang;</li><li>b. Mampu memberikan pertimbangan "
        "dan saran-saran teknis sesuai bidang tugasnya;</li><li>c. Mengetahui tugas pokok dan fungsi "
        "Penataan dan kebijakan bidang pelayanan publik.</li></ol>",
    ],
    ["KETERKAITAN", "PERALATAN DAN PERLENGKAPAN :"],
    [
        '<ol style="list-style-type: none"><li>a. SOP IKM</li><li>b. SOP SPM</li></ol>',
        '<ol style="list-style-type: none"><li>a. Ruang Rapat Koordinasi;</li><li>b. Komputer dan '
        "printer ;</li><li>c. ATK;</li><li>d. Kendaraan untuk pelaksanaan pembinaan / observasi "
        "lapangan;</li><li>e. Rencana Pembangunan Jangka Menengah Daerah;</li><li>f. Rencana Strategis "
        "Kecamatan Ranuyoso</li><li>g. Peraturan Perundangan yang berlaku</li></ol>",
    ],
    ["PERINGATAN", "PENCATATAN DAN PENDATAAN"],
    [
        "Apabila terjadi pelaksanaan tidak sesuai prosedur dan ketentuan peraturan perundang-undang "
        "yang berlaku maka akan terjadi standar ganda dan tidak bisa dijadikan acuan yang jelas.",
        '<ol style="list-style-type: none"><li>a. Dokumen disimpan sebagai pedoman pelaksanaan '
        "kegiatan Ketatalaksanaan;</li><li>b. Tercapaian Sasaran Mutu dan dievaluasi oleh Camat "
        "Rauyoso untuk menentukan tindak lanjut, dan penetapan target kinerja selanjutnya dengan "
        "konsep peningkatan kinerja berkesinambungan.</li></ol>",
    ],
    [],
    ["NO", "Kegiatan", "Pelaksana", "", "", "", "Mutu Baku", "", ""],
    [
        "",
        "",
        "Kasubag",
        "Camat",
        "Tim Pelay. Publik",
        "Pengelola",
        "Kelengkapan",
        "Waktu",
        "Output",
    ],
    [
        "1.",
        "- Mempelajari Dasar Pelayanan Publik; - Melakukan konsultasi dan koordinasi ke Biro "
        "Organisasi Setda Provinsi.",
        "",
        "",
        "",
        "",
        "Dasar Hukum Pelay. Publik",
        "2 hari",
        "Konsep",
    ],
    ["2.", "Mengundang rapat untuk SKPD.", "", "", "", "", "Data SKPD", "1 jam", "Surat"],
    [
        "3.",
        "Melakukan rapat tim dan menentukan teknis pelaksanaan penyusunan.",
        "",
        "",
        "",
        "",
        "SK Tim",
        "3 Jam",
        "- Sosialisasi - Penyusunan Pelay. publik",
    ],
    [
        "4.",
        "Koordinasi dengan Kabag untuk mengirim surat ke SKPD untuk sosialisasi dan pembinaan.",
        "",
        "",
        "",
        "",
        "Surat",
        "30 menit",
        "Sosialisasi",
    ],
    [
        "5.",
        "- Menyetujui untuk sosialisasi dan pembinaan - Rapat konsultasi dengan SKPD",
        "",
        "",
        "",
        "",
        "Lap.Pelay. Publik",
        "3 Jam",
        "- Surat - Sosialisasi",
    ],
    [
        "6.",
        "Sosialisasi kepada SKPD.",
        "",
        "",
        "",
        "",
        "Data Pelay. Publik",
        "2 hari",
        "Penyusunan Pelay. Publik",
    ],
    [
        "7.",
        "Menghimpun Laporan dan meneliti data masuk dr SKPD.",
        "",
        "",
        "",
        "",
        "Data Pelay. Publik",
        "1 bln",
        "Tersusun nya Pelay. Publik",
    ],
    [
        "8.",
        "- Menyusun draf Peraturan Bupati; - Menyusun Telaahan Staf kepada Bupati; - Finalisasi/ "
        "Penyelesaian - Diajukan ke Bag. Hukum untuk proses lebih lanjut; - Sosialisasi dan "
        "Pendistribusian Peraturan.",
        "",
        "",
        "",
        "",
        "Dokumen Pelay. Publik",
        "1 bln",
        "Dokumen Pelay. Publik",
    ],
]

#: Actor marks added to the seed: sheet row -> lanes (0 = first actor column, C).
#: SOP 1 lanes: Kasubag, Camat, Tim SPM, Pengelola; SOP 2: Kasubag, Camat, Tim Pelay. Publik,
#: Pengelola. Rapat tim is held by the team with the Pengelola (one symbol over two lanes).
MARKS: Final[dict[int, tuple[int, ...]]] = {
    40: (0,),  # mempelajari dasar hukum, SK Tim, jadwal rapat: Kasubag
    41: (3,),  # mengundang rapat Tim SPM: Pengelola
    42: (2, 3),  # rapat tim: Tim SPM with Pengelola
    43: (0,),  # koordinasi dengan Kabag: Kasubag
    44: (1,),  # menyetujui sosialisasi: Camat
    45: (2,),  # sosialisasi kepada SKPD: Tim SPM
    46: (3,),  # menghimpun data SKPD: Pengelola
    47: (0,),  # menyusun dokumen, ditandatangani Bupati: Kasubag
    70: (0,),
    71: (3,),
    72: (2, 3),
    73: (0,),
    74: (1,),
    75: (2,),
    76: (3,),
    77: (0,),
}
FIRST_ACTOR_COLUMN: Final = 3
#: The first SOP spans seed rows 1..47; its copy with a decision goes on a second sheet.
FIRST_SOP_LAST_ROW: Final = 47
DECISION_ROW: Final = 44
TABLE_HEADER_ROW: Final = 38
FLOW_COLUMNS: Final = {10: "LANJUT KE", 11: "YA", 12: "TIDAK"}


def seed_cells() -> dict[tuple[int, int], object]:
    """The seed grid with the actor marks filled in."""
    cells: dict[tuple[int, int], object] = {}
    for row, values in enumerate(SEED_ROWS, start=1):
        for column, value in enumerate(values, start=1):
            if value != "":
                cells[(row, column)] = value
    for row, lanes in MARKS.items():
        for lane in lanes:
            cells[(row, FIRST_ACTOR_COLUMN + lane)] = "x"
    return cells


def decision_cells() -> dict[tuple[int, int], object]:
    """The first seed SOP again, with step 5 turned into the Camat's decision."""
    cells = {key: v for key, v in seed_cells().items() if key[0] <= FIRST_SOP_LAST_ROW}
    cells[(16, 2)] = "KEC/STDR-KIN/427.111/2020"
    cells[(21, 2)] = "STANDAR PELAYANAN MINIMAL (SPM) DENGAN PERSETUJUAN CAMAT"
    cells[(DECISION_ROW, 2)] = "Memeriksa dan menyetujui rencana sosialisasi?"
    cells[(DECISION_ROW, FIRST_ACTOR_COLUMN + 1)] = "?"
    cells[(DECISION_ROW, 9)] = "Persetujuan sosialisasi"
    for column, title in FLOW_COLUMNS.items():
        cells[(TABLE_HEADER_ROW, column)] = title
    cells[(DECISION_ROW, 11)] = 6  # YA: sosialisasi
    cells[(DECISION_ROW, 12)] = 3  # TIDAK: back to the rapat tim
    return cells


def build(path: Path) -> None:
    """Write the example workbook to ``path``, replacing it; the bytes are the same every run."""
    workbook = new_workbook()
    add_instansi(workbook, CONTOH_INSTANSI)
    for name, cells in (("Ranuyoso", seed_cells()), ("Ranuyoso (keputusan)", decision_cells())):
        sheet = workbook.create_sheet(name)
        for (row, column), value in sorted(cells.items()):
            sheet.cell(row=row, column=column, value=value)
        format_grid(sheet)
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}.tmp")
    temp.write_bytes(workbook_bytes(workbook))
    os.replace(temp, path)


def main(argv: list[str]) -> None:
    build(Path(argv[1]) if len(argv) > 1 else OUTPUT)


if __name__ == "__main__":
    main(sys.argv)
