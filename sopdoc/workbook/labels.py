"""The labels of the workbook format: accepted spellings, the first being what `new` writes."""

from __future__ import annotations

import re
from typing import Final

# Identity rows: field name -> spellings.
NOMOR: Final = ("NOMOR SOP",)
TGL_PEMBUATAN: Final = ("TGL. PEMBUATAN", "TANGGAL PEMBUATAN")
TGL_REVISI: Final = ("TGL. REVISI", "TANGGAL REVISI")
TGL_EFEKTIF: Final = ("TGL. EFEKTIF", "TANGGAL EFEKTIF")
DISAHKAN: Final = ("DISAHKAN OLEH",)
NAMA: Final = ("NAMA SOP",)
REVISI: Final = ("REVISI KE", "NO. REVISI", "NOMOR REVISI", "REVISI")

IDENTITY: Final[dict[str, tuple[str, ...]]] = {
    "nomor": NOMOR,
    "tanggal_pembuatan": TGL_PEMBUATAN,
    "tanggal_revisi": TGL_REVISI,
    "tanggal_efektif": TGL_EFEKTIF,
    "disahkan": DISAHKAN,
    "nama": NAMA,
    "revisi": REVISI,
}

# Section pairs: (left field, left spellings), (right field, right spellings).
DASAR_HUKUM: Final = ("DASAR HUKUM",)
KUALIFIKASI: Final = ("KUALIFIKASI PELAKSANA",)
KETERKAITAN: Final = ("KETERKAITAN",)
PERALATAN: Final = ("PERALATAN DAN PERLENGKAPAN", "PERALATAN/PERLENGKAPAN", "PERALATAN")
PERINGATAN: Final = ("PERINGATAN",)
PENCATATAN: Final = ("PENCATATAN DAN PENDATAAN", "PENCATATAN")

SECTION_PAIRS: Final[
    tuple[tuple[tuple[str, tuple[str, ...]], tuple[str, tuple[str, ...]]], ...]
] = (
    (("dasar_hukum", DASAR_HUKUM), ("kualifikasi", KUALIFIKASI)),
    (("keterkaitan", KETERKAITAN), ("peralatan", PERALATAN)),
    (("peringatan", PERINGATAN), ("pencatatan", PENCATATAN)),
)

# Procedure table, header row 1.
NO: Final = ("NO", "NO.")
KEGIATAN: Final = ("KEGIATAN", "URAIAN KEGIATAN", "URAIAN PROSEDUR")
PELAKSANA: Final = ("PELAKSANA",)
MUTU_BAKU: Final = ("MUTU BAKU",)
KETERANGAN: Final = ("KETERANGAN", "KET", "KET.")
LANJUT_KE: Final = ("LANJUT KE",)
YA: Final = ("YA",)
TIDAK: Final = ("TIDAK",)
# Procedure table, header row 2 under MUTU BAKU.
# The names offices give these columns (the Sidoarjo SOPs write DURASI for WAKTU).
KELENGKAPAN: Final = (
    "KELENGKAPAN",
    "PERSYARATAN/KELENGKAPAN",
    "PERSYARATAN",
    "KELENGKAPAN/PERSYARATAN",
    "PERSYARATAN/PERLENGKAPAN",
    "SYARAT",
    "BAHAN",
)
WAKTU: Final = ("WAKTU", "DURASI", "WAKTU PENYELESAIAN", "JANGKA WAKTU", "LAMA WAKTU", "LAMA")
OUTPUT: Final = ("OUTPUT", "HASIL", "KELUARAN", "OUTPUT/HASIL", "HASIL/OUTPUT")

# The word that ends a flow in LANJUT KE / YA / TIDAK.
SELESAI: Final = ("SELESAI",)
#: Between SELESAI and the actor whose lane holds the end: ``selesai di Pemohon``.
END_LANE: Final = ("DI",)

# Actor marks.
ACTIVITY_MARKS: Final = ("X", "V", "✓", "√", "1", "O", "●")
DECISION_MARKS: Final = ("?", "◇", "K", "KEPUTUSAN")

# Instansi sheet.
INSTANSI_SHEET: Final = "Instansi"
PETUNJUK_SHEET: Final = "Petunjuk"
RIWAYAT_SHEET: Final = "Riwayat"
INSTANSI_KEYS: Final = (
    "PEMERINTAH",
    "UNIT KERJA",
    "KOP BARIS 1",
    "KOP BARIS 2",
    "KOP BARIS 3",
    "KOP BARIS 4",
    "ALAMAT",
    "LOGO",
    "KERTAS",
    "HURUF",
    "JABATAN PENGESAH",
    "NAMA PENGESAH",
    "PANGKAT PENGESAH",
    "NIP PENGESAH",
    "FORMAT TANGGAL",
    "JUDUL HALAMAN",
)

_SPACES = re.compile(r"\s+")
_AROUND_SLASH = re.compile(r"\s*/\s*")


def normalize(text: object) -> str:
    """A label as compared: upper case, trimmed, trailing colon dropped, spaces collapsed."""
    if text is None:
        return ""
    value = _AROUND_SLASH.sub("/", _SPACES.sub(" ", str(text)).strip())
    while value.endswith(":"):
        value = value[:-1].rstrip()
    return value.upper()


def matches(text: object, spellings: tuple[str, ...]) -> bool:
    """True when a cell's text is one of the accepted spellings of a label."""
    return normalize(text) in spellings
