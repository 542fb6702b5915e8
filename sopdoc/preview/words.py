"""Every word the preview page shows, in Bahasa Indonesia (the CLI's are in sopdoc.messages)."""

from __future__ import annotations

from typing import Final

TITLE: Final = "Pratinjau SOP – {workbook}"
HEADING: Final = "Pratinjau SOP: {workbook}"
#: ``command`` is shown as code.
DISCONNECTED: Final = (
    "Pratinjau terputus dari sopdoc. Jalankan lagi {command}, lalu muat ulang halaman ini."
)
FOLDER: Final = "Folder {folder}"
READ_AT: Final = "dibaca pukul {time}"
UPDATES_ITSELF: Final = "halaman ini diperbarui sendiri setiap kali buku kerja disimpan."
READING: Final = "Buku kerja sedang dibaca dan SOP-nya dibuat; halaman ini diperbarui sendiri."
SOPS: Final = "{count} SOP"
ERRORS: Final = "{count} kesalahan"
WARNINGS: Final = "{count} peringatan"
NO_NOMOR: Final = "(nomor kosong)"
NO_NAMA: Final = "(nama kosong)"
DOWNLOAD_ALL: Final = "Unduh semua (ZIP: DOCX, PDF, PPTX)"
WORKBOOK_PROBLEMS: Final = "Masalah buku kerja"
SHEET: Final = "Lembar {sheet} · {steps} langkah · {actors} pelaksana"
CANNOT_DRAW: Final = "SOP ini tidak bisa digambar sampai kesalahannya diperbaiki."
FAILED: Final = "GAGAL DIBUAT"
BUILDING: Final = "Halaman dan slide sedang dibuat…"
DOWNLOAD_DOCX: Final = "Unduh DOCX"
DOWNLOAD_PDF: Final = "Unduh PDF"
DOWNLOAD_PPTX: Final = "Unduh PPTX (slide)"
PAGES: Final = "Halaman dokumen"
SLIDES: Final = "Slide diagram alir"
PAGE_ALT: Final = "Halaman {number} dari {nomor}"
SLIDE_ALT: Final = "Slide {number} dari {nomor}"
