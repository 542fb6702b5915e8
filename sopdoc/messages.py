"""The CLI's texts in Bahasa Indonesia: messages, help texts and workbook problems."""

from __future__ import annotations

import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Final

# --- Command line -----------------------------------------------------------------------------

CLI_HELP: Final = "sopdoc membuat dokumen SOP AP (Permenpan-RB 35/2012) dari buku kerja Excel."
CHECK_HELP: Final = "Periksa buku kerja SOP dan tampilkan ringkasan serta semua masalahnya."
CHECK_JSON_HELP: Final = "Cetak seluruh isi SOP dan masalahnya sebagai satu dokumen JSON."
STRICT_HELP: Final = "Anggap setiap peringatan sebagai kesalahan (untuk pemeriksaan otomatis)."
FLOWCHART_HELP: Final = (
    "Buat diagram alir swimlane untuk slide sosialisasi (PNG 300 dpi, SVG, PDF, atau satu "
    "berkas PPTX untuk seluruh buku kerja)."
)
FLOWCHART_SOP_HELP: Final = "Nomor SOP atau nama lembar; boleh diulang. Tanpa ini: semua SOP."
FLOWCHART_FORMAT_HELP: Final = "Format keluaran."
OUTPUT_HELP: Final = "Folder keluaran (dibuat bila belum ada)."
FLOWCHART_DONE: Final = "OK    {sheet} | {nomor}: {files}"
FLOWCHART_FAILED: Final = "GAGAL {sheet} | {nomor}: {reason}"
PROGRESS_DONE: Final = "[{done}/{total}] OK {nomor}"
PROGRESS_FAILED: Final = "[{done}/{total}] GAGAL {nomor}"
FLOWCHART_SUMMARY: Final = "{done} SOP dibuat, {failed} gagal. Berkas ada di {folder}"
SOP_NOT_FOUND: Final = (
    "SOP '{name}' tidak ada di buku kerja ini. Pilih nomor SOP atau nama lembar: {choices}."
)
SOP_HAS_ERRORS: Final = "SOP ini punya kesalahan dan tidak digambar; jalankan 'sopdoc check'. Kesalahan pertama: {problem}"
FORMAT_INVALID: Final = "Format '{value}' tidak dikenal. Pilih salah satu: {choices}."
BUILD_HELP: Final = (
    "Buat dokumen SOP resmi (identitas dan prosedur dengan diagram alir) untuk setiap SOP "
    "di buku kerja."
)
BUILD_FORMAT_HELP: Final = "Format dipisah koma: {choices}. Bawaan: {default}."
TEMPLATE_HELP: Final = (
    "Dokumen Word (.docx) berisi gaya instansi (huruf, warna, kop) sebagai dasar DOCX."
)
TEMPLATE_MISSING: Final = (
    "Templat {path} tidak ditemukan. Periksa nama dan folder berkas .docx-nya."
)
BUILD_SUMMARY: Final = "{done} SOP dibuat, {skipped} dilewati karena tidak berubah, {failed} gagal. Berkas ada di {folder}"
BUILD_STALE: Final = (
    "Berkas dari SOP yang sudah tidak ada di buku kerja: {path} (hapus dengan --clean)"
)
BUILD_REMOVED: Final = "Dihapus (SOP-nya sudah tidak ada di buku kerja): {path}"
BUKU_HELP: Final = (
    "Buat juga satu Buku SOP (PDF dan DOCX) per buku kerja: sampul, daftar isi, semua SOP dan "
    "formulir monitoring."
)
BOOK_DONE: Final = "Buku SOP: {path}"
JOBS_HELP: Final = (
    "Jumlah proses pembuat dokumen yang berjalan bersamaan (bawaan: semua inti prosesor)."
)
FORCE_HELP: Final = "Buat ulang semua SOP, juga yang tidak berubah."
CLEAN_HELP: Final = "Hapus berkas keluaran SOP yang sudah tidak ada di buku kerja."
REVISE_HELP: Final = (
    "Tulis TGL. REVISI sebuah SOP ke buku kerja (setelah menyimpan salinan cadangan), catat di "
    "lembar Riwayat, lalu buat ulang dokumennya."
)
REVISE_SOP_HELP: Final = "Nomor SOP atau nama lembar SOP yang direvisi."
REVISE_DATE_HELP: Final = "Tanggal revisi, misalnya 2026-11-23 atau 23 November 2026."
REVISE_NOTE_HELP: Final = "Catatan perubahan untuk lembar Riwayat."
REVISE_NO_ROW: Final = (
    "SOP {nomor} di lembar {sheet} tidak punya baris TGL. REVISI. Tambahkan baris TGL. REVISI "
    "di bawah TGL. PEMBUATAN, lalu jalankan lagi."
)
REVISE_AMBIGUOUS: Final = "'{name}' cocok dengan {count} SOP. Sebutkan NOMOR SOP-nya: {choices}."
REVISE_DATE_INVALID: Final = (
    "Tanggal '{value}' tidak dikenali. Tulis seperti 2026-11-23 atau 23 November 2026."
)
REVISE_SOP_HAS_ERRORS: Final = (
    "SOP {nomor} belum bisa direvisi karena ada kesalahan: {problem}. Perbaiki dulu (lihat "
    "semua masalahnya dengan: sopdoc check {workbook}); buku kerja tidak diubah."
)
REVISE_EFFECTIVE_BEFORE: Final = (
    "Peringatan: TGL. EFEKTIF ({effective}) lebih awal dari tanggal revisi baru ({date}). "
    "Bila revisi ini berlaku mulai tanggal lain, ubah TGL. EFEKTIF di buku kerja."
)
REVISE_DONE: Final = "TGL. REVISI {nomor} ({cell}) menjadi {date}. Cadangan: {backup}"
NEW_HELP: Final = (
    "Buat buku kerja formulir SOP kosong di BERKAS (berkas yang sudah ada tidak ditimpa)."
)
NEW_CONTOH_HELP: Final = "Isi formulir dengan contoh SOP lengkap."
NEW_DONE: Final = "Formulir SOP dibuat: {path}"
SEVERITY_LABELS: Final = {"error": "KESALAHAN", "warning": "PERINGATAN"}
CHECK_SUMMARY: Final = "{path}: {sops} SOP, {errors} kesalahan, {warnings} peringatan"
CHECK_SOP_LINE: Final = "{sheet} | {nomor} | {nama}"
CHECK_SOP_COUNTS: Final = "{steps} langkah, {actors} pelaksana ({names})"
CHECK_SOP_BROKEN: Final = "tidak bisa digambar sampai kesalahannya diperbaiki"
CHECK_WORKBOOK_PROBLEMS: Final = "Masalah buku kerja:"
CHECK_OK: Final = "Semua SOP siap dibuat dokumennya."
CHECK_HAS_ERRORS: Final = "Perbaiki kesalahan di atas, lalu jalankan 'sopdoc check' lagi."
NO_VALUE: Final = "(kosong)"
USAGE_ERROR: Final = "{problem} Lihat petunjuknya dengan: {command} --help"
#: Click's usage errors (English) -> Bahasa Indonesia; {0}, {1}... are the quoted parts.
USAGE_TRANSLATIONS: Final = (
    (r"Missing argument '(.+)'\.", "Argumen {0} belum ditulis."),
    (r"Missing option '(.+)'\.", "Pilihan {0} wajib diisi."),
    (
        r"No such option '(.+)'\. Did you mean '(.+)'\?",
        "Pilihan {0} tidak dikenal. Mungkin maksudnya {1}?",
    ),
    (
        r"No such option: (\S+)\s+Did you mean (.+)\?",
        "Pilihan {0} tidak dikenal. Mungkin maksudnya {1}?",
    ),
    (
        r"No such option '(.+)'\. \(Did you mean one of: (.+)\?\)",
        "Pilihan {0} tidak dikenal. Mungkin maksudnya salah satu dari: {1}?",
    ),
    (r"No such option: (.+)", "Pilihan {0} tidak dikenal."),
    (r"No such option '(.+)'\.", "Pilihan {0} tidak dikenal."),
    (
        r"No such command '(.+)'\. Did you mean '(.+)'\?",
        "Perintah '{0}' tidak dikenal. Mungkin maksudnya '{1}'?",
    ),
    (
        r"No such command '(.+)'\.",
        "Perintah '{0}' tidak dikenal. Perintah yang ada: check, new, build, flowchart, "
        "revise, preview.",
    ),
    (
        r"Invalid value for '(.+?)'.*?: '?(.+?)'? is not one of (.+)\.",
        "Nilai '{1}' untuk {0} tidak dikenal. Pilih salah satu: {2}.",
    ),
    (
        r"Invalid value for '(.+?)'.*?: (.+) is not in the range (.+)\.",
        "Nilai {1} untuk {0} di luar batas ({2}).",
    ),
    (
        r"Invalid value for '(.+?)'.*?: '?(.+?)'? is not a valid integer.*",
        "Nilai '{1}' untuk {0} harus bilangan bulat.",
    ),
    (r"Option '(.+)' requires an argument\.", "Pilihan {0} perlu diberi nilai."),
    (r"Got unexpected extra arguments? \((.+)\)", "Ada argumen yang tidak dikenal: {0}."),
)
HELP_OPTION: Final = "Tampilkan bantuan ini lalu keluar."
VERSION_OPTION: Final = "Tampilkan versi sopdoc lalu keluar."
INTERRUPTED: Final = "Dihentikan oleh pengguna."
INTERNAL_ERROR: Final = (
    "Terjadi kesalahan di dalam sopdoc ({error}). Ini bukan kesalahan Anda; laporkan pesan ini "
    "beserta buku kerjanya kepada pengelola sopdoc."
)

# --- Layout and flowchart ------------------------------------------------------------------

GRAPHVIZ_MISSING: Final = (
    "Program Graphviz (neato) tidak ditemukan, padahal diperlukan untuk gambar SVG (format lain "
    "tidak memerlukannya). {install}"
)
#: How to install Graphviz, by the system the user has (see ``install_hint``).
INSTALL_GRAPHVIZ: Final = {
    "windows": (
        "Pasang Graphviz dari https://graphviz.org/download/ (atau ketik: winget install "
        'graphviz), pilih "Add Graphviz to the system PATH" saat memasang, lalu buka ulang '
        "jendela perintah."
    ),
    "macos": "Pasang dengan Homebrew: brew install graphviz",
    "apt": "Pasang dengan: sudo apt-get install graphviz",
    "dnf": "Pasang dengan: sudo dnf install graphviz",
    "other": (
        "Pasang paket graphviz dengan pengelola paket sistem Anda (https://graphviz.org/download/)."
    ),
}


def install_hint(hints: Mapping[str, str]) -> str:
    """The install instruction of ``hints`` for this computer's system."""
    if sys.platform == "win32":
        return hints["windows"]
    if sys.platform == "darwin":
        return hints["macos"]
    if Path("/etc/debian_version").is_file():  # Debian, Ubuntu, Mint
        return hints["apt"]
    if Path("/etc/fedora-release").is_file() or Path("/etc/redhat-release").is_file():
        return hints["dnf"]
    return hints["other"]


GRAPHVIZ_FAILED: Final = "Graphviz gagal menggambar diagram alir {what}: {reason}"
GRAPHVIZ_TIMEOUT: Final = (
    "Graphviz tidak selesai menggambar diagram alir {what} dalam {seconds} detik dan dihentikan. "
    "Sederhanakan alurnya (misalnya kurangi panah balik) lalu coba lagi."
)
PAGE_TOO_NARROW: Final = (
    "Kertas {paper} terlalu sempit untuk {actors} kolom pelaksana. Pilih kertas F4 di lembar "
    "Instansi atau kurangi jumlah pelaksana."
)
STEP_TOO_TALL: Final = (
    "Langkah {number} terlalu panjang untuk satu halaman ({height:.0f} pt, tersedia {available:.0f} pt). "
    "Persingkat uraiannya atau pecah menjadi beberapa langkah."
)
STEP_TOO_TALL_SLIDE: Final = (
    "Langkah {number} terlalu panjang untuk satu slide diagram alir ({height:.0f} pt, tersedia "
    "{available:.0f} pt, simbolnya sudah dilebarkan). Persingkat uraiannya atau pecah menjadi "
    "beberapa langkah."
)
IDENTITY_TOO_TALL: Final = (
    "Bagian identitas SOP terlalu panjang untuk satu halaman ({height:.0f} pt, tersedia "
    "{available:.0f} pt). Persingkat nama SOP atau data pengesah."
)
TOO_MANY_CONNECTORS: Final = (
    "Halaman prosedur {page} punya {count} panah ke halaman lain, terlalu banyak untuk lebar "
    "kolom pelaksananya. Kurangi lompatan LANJUT KE/YA/TIDAK ke langkah yang jauh, atau tambah "
    "kolom pelaksana."
)
TEMPLATE_INVALID: Final = (
    "Templat {path} bukan dokumen Word (.docx) yang bisa dibuka ({reason}). Simpan templat dari "
    "Word sebagai .docx lalu coba lagi."
)

# --- Reading a workbook: files that cannot be read (exit 2) ---------------------------------

FILE_MISSING: Final = "File tidak ditemukan. Periksa nama dan folder file buku kerja."
FILE_IS_FOLDER: Final = "Ini sebuah folder, bukan file buku kerja. Sebutkan file .xlsx di dalamnya."
FILE_IS_LOCK: Final = (
    "Ini file kunci yang dibuat Excel atau LibreOffice selama buku kerja terbuka, bukan buku "
    "kerja. Pakai file buku kerjanya: {workbook}"
)
WORKBOOK_OPEN_IN_EDITOR: Final = (
    "Buku kerja sedang terbuka di Excel atau LibreOffice (ada file kunci {lock}). Simpan dan "
    "tutup buku kerja dulu, lalu jalankan perintah ini lagi; bila program itu sudah ditutup, "
    "hapus file kunci tersebut. Buku kerja tidak diubah."
)
WORKBOOK_OPEN_NOTE: Final = (
    "Catatan: {path} sedang terbuka di Excel atau LibreOffice; yang dibaca adalah isinya yang "
    "terakhir disimpan."
)
OUTPUT_IN_USE: Final = (
    "Berkas {path} sedang dibuka program lain (misalnya Word atau PDF reader) sehingga tidak "
    "bisa ditimpa. Tutup berkas itu lalu jalankan perintah ini lagi."
)
WORKBOOK_IN_USE: Final = (
    "Buku kerja {path} tidak bisa ditulis karena sedang dibuka program lain. Tutup buku kerja "
    "di Excel atau LibreOffice lalu jalankan revise lagi. Buku kerja tidak diubah."
)
FILE_EMPTY: Final = "File kosong (0 byte). Simpan ulang buku kerja dari Excel sebagai .xlsx."
FILE_XLS: Final = (
    "Ini buku kerja Excel lama (.xls). Buka di Excel atau LibreOffice Calc lalu simpan sebagai "
    ".xlsx (Buku Kerja Excel)."
)
FILE_ENCRYPTED: Final = (
    "Buku kerja ini dilindungi kata sandi. Buka di Excel, hapus kata sandinya "
    "(File > Info > Proteksi Buku Kerja), lalu simpan ulang."
)
FILE_NOT_XLSX: Final = (
    "Ini bukan buku kerja .xlsx (isinya {kind}). Simpan data SOP sebagai Buku Kerja Excel (.xlsx)."
)
FILE_CORRUPT: Final = (
    "Buku kerja rusak dan tidak bisa dibaca ({reason}). Buka di Excel atau LibreOffice Calc, "
    "perbaiki, lalu simpan ulang sebagai .xlsx."
)
FILE_UNREADABLE: Final = "File tidak bisa dibuka ({reason}). Periksa izin akses file."
FILE_TOO_BIG: Final = (
    "Buku kerja terlalu besar untuk dibaca dengan aman ({reason}). Periksa isinya atau "
    "pecah menjadi beberapa buku kerja."
)
FILE_XML_UNSAFE: Final = (
    "Buku kerja berisi XML yang tidak aman ({reason}) dan ditolak. Simpan ulang dari Excel."
)

# --- Reading a workbook: problems of its content ---------------------------------------------

WORKBOOK_WITHOUT_SOP: Final = (
    "Tidak ada SOP di buku kerja ini: tidak satu pun lembar berisi label NOMOR SOP. "
    "Buat formulir dengan 'sopdoc new' dan isi sesuai contohnya."
)
SHEET_WITHOUT_SOP: Final = (
    "Lembar ini berisi data tetapi tidak ada label NOMOR SOP, jadi dilewati. "
    "Tambahkan baris NOMOR SOP jika lembar ini memang berisi SOP."
)
FORMULA_UNCACHED: Final = (
    "Sel ini berisi rumus yang nilainya belum pernah dihitung, jadi dibaca kosong. Buka buku kerja "
    "di Excel atau LibreOffice Calc lalu simpan ulang agar nilainya tersimpan, atau tulis nilainya langsung."
)
CONTROL_CHARS_REMOVED: Final = "Sel ini berisi karakter kendali tak terlihat (biasanya dari salin-tempel); karakter itu dibuang."
HEADER_MISSING: Final = (
    "Kop SOP kosong: tidak ada baris PEMERINTAH / UNIT KERJA di atas NOMOR SOP dan lembar Instansi "
    "tidak mengisinya. Isi PEMERINTAH dan UNIT KERJA di lembar Instansi."
)
LABEL_REPEATED: Final = "Label '{label}' muncul dua kali dalam satu SOP; yang kedua diabaikan."
NOMOR_EMPTY: Final = (
    "NOMOR SOP kosong. Tulis nomor SOP di sel kanan label, misalnya 070/12/35.08.25/2020."
)
IDENTITY_CONTINUES: Final = (
    "Halaman identitas tidak muat satu halaman, walau ruang tanda tangan sudah dikurangi dan "
    "huruf bagian sudah dicoba sampai {size} pt (batas agar tetap terbaca): {sections} "
    "berlanjut ke halaman berikutnya, yang mencetak nama dan nomor SOP di atas tabelnya. Persingkat isinya (misalnya "
    "gabungkan dasar hukum yang sejenis) bila ingin satu halaman."
)
YES_NO_INVALID: Final = "'{value}' bukan YA atau TIDAK; dipakai YA. Tulis YA atau TIDAK."
OUTSIDE_FORM: Final = (
    "Teks '{text}' berada di luar kolom formulir (di kanan tabel prosedur) dan tidak dibaca. "
    "Bila itu catatan, biarkan saja; bila bagian SOP, pindahkan ke kolom formulir."
)
BUILD_WARNINGS: Final = (
    "{workbook}: {count} peringatan (tidak menghalangi, tetapi sebaiknya diperbaiki). "
    'Lihat semuanya dengan: sopdoc check "{workbook}"'
)
FORM_STEPS_RANGE: Final = "Jumlah baris langkah {value} tidak bisa dipakai: pilih 1 sampai {most}."
NEW_STEPS_HELP: Final = (
    "Jumlah baris langkah di tabel prosedur (bawaan 15); baris bisa ditambah nanti di Excel."
)
NOMOR_PLACEHOLDER: Final = (
    "NOMOR SOP '{value}' masih berisi tempat isian '{part}' dari templat atau aplikasi e-SOP. "
    "Tulis nomor SOP yang sebenarnya, misalnya 070/12/35.08.25/2020."
)
SECTION_EMPTY: Final = (
    "Bagian {label} kosong; di dokumen dicetak '-'. Isi butirnya di sel ini (satu butir per "
    "baris, misalnya 1. ...), atau tulis - bila memang tidak ada."
)
NAMA_EMPTY: Final = "NAMA SOP kosong. Tulis nama SOP di sel kanan label."
NAMA_MISSING: Final = (
    "Baris NAMA SOP tidak ditemukan. Tambahkan baris NAMA SOP di bawah DISAHKAN OLEH."
)
DATE_MISSING: Final = "Baris {label} tidak ditemukan. Tambahkan baris {label} dengan tanggalnya."
DATE_EMPTY: Final = "{label} kosong; di dokumen dicetak '-'. Isi tanggal, misalnya 13 Januari 2020."
DATE_INVALID: Final = (
    "{label} '{value}' bukan tanggal yang dikenali. Tulis seperti 13 Januari 2020, 13-01-2020, "
    "13/01/2020 atau 2020-01-13."
)
SIGNATORY_MISSING: Final = (
    "DISAHKAN OLEH kosong dan lembar Instansi tidak punya pengesah. Isi jabatan, nama dan NIP "
    "(satu per baris), atau isi JABATAN/NAMA/NIP PENGESAH di lembar Instansi."
)
SIGNATORY_UNSPLIT: Final = (
    "DISAHKAN OLEH tidak bisa dipisah menjadi jabatan dan nama. Tulis jabatan, nama dan NIP "
    "masing-masing pada baris sendiri (Alt+Enter), atau isi JABATAN PENGESAH di lembar Instansi."
)
SIGNATORY_NO_NIP: Final = (
    "DISAHKAN OLEH tidak memuat NIP. Tambahkan baris 'NIP. ...' di bawah nama."
)
CELL_OUTSIDE_SECTIONS: Final = (
    "Sel ini berada di antara identitas SOP dan bagian DASAR HUKUM tanpa label, jadi diabaikan."
)
SECTION_MISSING: Final = (
    "Bagian {label} tidak ditemukan; dokumen akan mencetaknya kosong. Tambahkan label {label} "
    "berpasangan seperti pada formulir."
)
PROCEDURE_MISSING: Final = (
    "Tabel prosedur tidak ditemukan. Tambahkan baris judul NO | KEGIATAN | PELAKSANA | MUTU BAKU "
    "dan di bawahnya nama pelaksana serta KELENGKAPAN | WAKTU | OUTPUT."
)
PELAKSANA_MISSING: Final = (
    "Judul PELAKSANA tidak ada di baris judul tabel. Tulis PELAKSANA di atas kolom-kolom pelaksana."
)
ACTORS_MISSING: Final = (
    "Tidak ada nama pelaksana di bawah PELAKSANA. Tulis satu nama pelaksana per kolom "
    "(misalnya Kasubag, Camat)."
)
ACTORS_TOO_MANY: Final = (
    "Ada {count} kolom pelaksana; paling banyak {limit}. Gabungkan pelaksana atau pecah SOP ini."
)
STEPS_TOO_MANY: Final = (
    "Tabel prosedur ini punya {count} langkah; paling banyak {limit}. Pecah menjadi beberapa SOP "
    "atau periksa apakah ada data lain yang ikut masuk ke tabel."
)
ACTOR_DUPLICATE: Final = (
    "Pelaksana '{name}' ditulis dua kali. Setiap kolom pelaksana harus punya nama berbeda."
)
MUTU_MISSING: Final = (
    "Judul MUTU BAKU tidak ada di baris judul tabel; Mutu Baku akan dicetak kosong. Tulis MUTU BAKU "
    "di atas kolom KELENGKAPAN, WAKTU dan OUTPUT."
)
MUTU_COLUMNS_MISSING: Final = (
    "Di bawah MUTU BAKU tidak ada kolom {labels}; kolom itu akan dicetak kosong."
)
NO_STEPS: Final = "Tabel prosedur belum punya langkah. Isi NO dan KEGIATAN mulai baris ini."
ROWS_AFTER_TABLE: Final = (
    "Baris ini berisi data setelah baris kosong yang mengakhiri tabel prosedur, jadi diabaikan. "
    "Hapus baris kosong di tengah tabel jika ini masih langkah SOP."
)
STEP_NUMBER_INVALID: Final = (
    "NO '{value}' bukan nomor langkah. Tulis {expected} (langkah diberi nomor 1, 2, 3, ...)."
)
STEP_NUMBER_ORDER: Final = (
    "Nomor langkah {value} tidak urut; seharusnya {expected}. Langkah diberi nomor 1, 2, 3, ... "
    "tanpa loncatan atau ulangan."
)
KEGIATAN_EMPTY: Final = "KEGIATAN langkah {number} kosong. Tulis uraian kegiatannya."
MARK_UNKNOWN: Final = (
    "Tanda '{value}' di kolom pelaksana tidak dikenali. Tulis x untuk kegiatan atau ? untuk "
    "keputusan, atau kosongkan jika pelaksana ini tidak terlibat."
)
MARK_UNNAMED_COLUMN: Final = (
    "Ada tanda di kolom pelaksana yang tidak bernama. Tulis nama pelaksana di baris judul kedua."
)
STEP_NO_ACTOR: Final = (
    "Langkah {number} (baris {row}) belum punya pelaksana. Beri tanda x (kegiatan) atau ? "
    "(keputusan) di kolom pelaksana {columns} ({names})."
)
TARGET_INVALID: Final = (
    "{label} '{value}' tidak dikenali. Tulis nomor langkah tujuan atau 'selesai' (boleh dengan "
    "tulisan dan pelaksananya: 'selesai di Pemohon: Permohonan ditolak')."
)
END_LANE_UNKNOWN: Final = (
    "Pelaksana '{name}' setelah 'selesai di' tidak ada di kolom PELAKSANA. Pilih salah satu: "
    "{choices}."
)
TARGET_MISSING: Final = (
    "Langkah tujuan {value} tidak ada. Tulis nomor langkah 1 sampai {count} atau 'selesai'."
)
TARGET_SELF: Final = (
    "Langkah {number} menunjuk ke dirinya sendiri. Tulis langkah lain atau 'selesai'."
)
DECISION_NO_TIDAK: Final = (
    "Langkah {number} adalah keputusan tetapi tujuan TIDAK belum diisi. Tambahkan kolom TIDAK di "
    "kanan tabel (baris judul pertama) dan isi nomor langkah tujuan atau 'selesai'."
)
DECISION_TIDAK_EMPTY: Final = (
    "Langkah {number} adalah keputusan tetapi sel TIDAK-nya kosong. Tulis di sel ini nomor "
    "langkah yang dituju bila jawabannya tidak, atau 'selesai' (boleh dengan keterangan: "
    "selesai di Pemohon: Permohonan ditolak)."
)
STEP_LANES_APART: Final = (
    "Langkah {number} ditandai di kolom pelaksana yang tidak bersebelahan ({columns}), jadi "
    "simbolnya melintang juga di lajur {between} yang tidak terlibat. Bila pelaksana itu "
    "bekerja bersama, pindahkan kolomnya agar bersebelahan; bila tidak, pecah menjadi "
    "beberapa langkah."
)
DECISION_SAME_TARGETS: Final = (
    "Langkah {number} adalah keputusan, tetapi YA dan TIDAK sama-sama menuju {target}: "
    "keputusan itu tidak mengubah alur. Periksa kolom YA dan TIDAK."
)
LANJUT_ON_DECISION: Final = "Langkah {number} adalah keputusan: alurnya diatur kolom YA dan TIDAK, jadi LANJUT KE diabaikan."
FLOW_ON_ACTIVITY: Final = (
    "Langkah {number} bukan keputusan (tidak bertanda ?), jadi kolom {label} diabaikan. Beri tanda ? "
    "di kolom pelaksana jika langkah ini keputusan."
)
LAST_STEP_ENDS: Final = "Langkah terakhir selalu mengakhiri alur, jadi LANJUT KE di sini diabaikan."
STEP_UNREACHABLE: Final = (
    "Langkah {number} tidak pernah dicapai dari langkah 1. Periksa kolom LANJUT KE, YA dan TIDAK "
    "pada langkah-langkah sebelumnya."
)
INSTANSI_KEY_UNKNOWN: Final = (
    "Kunci '{key}' tidak dikenal di lembar Instansi dan diabaikan. Kunci yang dikenal: {keys}."
)
NIP_AS_NUMBER: Final = (
    "NIP ditulis sebagai angka, sehingga Excel bisa membulatkan digit terakhirnya. Tulis NIP sebagai "
    "teks (awali dengan tanda ') dan periksa digitnya."
)
PAPER_INVALID: Final = "KERTAS '{value}' tidak dikenal. Pilih salah satu: {choices}."
LOGO_ABSOLUTE: Final = (
    "LOGO '{value}' ditulis dengan alamat lengkap. Simpan logo di folder buku kerja dan tulis nama "
    "filenya saja (misalnya logo.png); logo tidak dipakai."
)
LOGO_OUTSIDE: Final = "LOGO '{value}' berada di luar folder buku kerja. Salin logo ke folder buku kerja; logo tidak dipakai."
LOGO_MISSING: Final = (
    "File LOGO '{value}' tidak ditemukan di folder buku kerja; logo tidak dipakai."
)
LOGO_NOT_IMAGE: Final = "File LOGO '{value}' bukan gambar PNG atau JPEG; logo tidak dipakai."
LOGO_TOO_BIG: Final = (
    "Gambar LOGO '{value}' terlalu besar (lebih dari 20 MB atau 40 juta piksel). Perkecil gambarnya; "
    "logo tidak dipakai."
)
NIP_MISMATCH: Final = (
    "Pengesah {nama} ditulis dengan {nip}, padahal di {where} tertulis {other}. Samakan NIP-nya."
)
UNIT_SPELLING: Final = (
    "Nama '{name}' ditulis berbeda dengan '{other}' di {where}. Samakan penulisannya."
)

# --- Form (sopdoc new) -------------------------------------------------------------------------

FORM_EXISTS: Final = (
    "File {path} sudah ada dan tidak ditimpa. Pilih nama lain atau hapus file lama lebih dulu."
)
FORM_SUFFIX: Final = (
    "Nama file formulir harus berakhiran .xlsx (misalnya sop-kecamatan.xlsx), bukan '{path}'."
)
FORM_WRITE_FAILED: Final = (
    "Formulir tidak bisa ditulis ke {path} ({reason}). Periksa folder dan izin aksesnya."
)

# --- sopdoc import ----------------------------------------------------------------------------

IMPORT_HELP: Final = (
    "Membaca dokumen SOP yang sudah ada (DOCX, atau DOC bila LibreOffice terpasang) ke buku "
    "kerja baru: satu sheet SOP per dokumen, sheet Instansi dari kop dokumen pertama."
)
IMPORT_SHORT: Final = "Pindahkan SOP yang sudah ada di dokumen Word ke buku kerja baru."
IMPORT_OUTPUT_HELP: Final = "Buku kerja baru yang ditulis (.xlsx; tidak menimpa file yang ada)."
METAVAR_DOCUMENTS: Final = "DOKUMEN..."
IMPORT_NOT_DOCX: Final = (
    "{path} bukan dokumen Word (DOCX) yang bisa dibaca. Buka di Word lalu simpan sebagai .docx."
)
IMPORT_NO_DOCUMENTS: Final = (
    "Tidak ada dokumen .docx atau .doc di {path}. Sebutkan file dokumen SOP atau folder berisi "
    "dokumen itu."
)
IMPORT_DOC_NEEDS_LIBREOFFICE: Final = (
    "{path} berformat .doc (Word 97-2003). Pasang LibreOffice agar sopdoc dapat membacanya, "
    "atau buka di Word lalu simpan sebagai .docx."
)
IMPORT_DOC_FAILED: Final = (
    "{path} tidak dapat diubah ke .docx oleh LibreOffice. Buka di Word lalu simpan sebagai .docx."
)
IMPORT_READ: Final = "{path}: sheet '{sheet}', {steps} langkah, {actors} pelaksana{drawn}."
IMPORT_DRAWN: Final = ", alur dari diagram alirnya"
IMPORT_FAILED: Final = "{path}: tidak dibaca. {reason}"
IMPORT_INTERNAL: Final = (
    "sopdoc tidak dapat membacanya ({error}); ini bukan kesalahan Anda: laporkan dokumen ini "
    "kepada pengelola sopdoc, dan ketik SOP ini di formulir"
)
IMPORT_LOGO: Final = "Logo di kop disimpan ke {path} (LOGO di sheet Instansi)."
IMPORT_FILL: Final = "  Isi {cell} di sheet '{sheet}': {what}"
IMPORT_FIELD: Final = {
    "nomor": "NOMOR SOP tidak ditemukan.",
    "nama": "NAMA SOP tidak ditemukan.",
    "tanggal_pembuatan": "TGL. PEMBUATAN tidak ditemukan.",
    "tanggal_efektif": "TGL. EFEKTIF tidak ditemukan.",
    "disahkan": "DISAHKAN OLEH (jabatan, nama, NIP) tidak ditemukan.",
    "dasar_hukum": "DASAR HUKUM tidak ditemukan.",
    "kualifikasi": "KUALIFIKASI PELAKSANA tidak ditemukan.",
    "keterkaitan": "KETERKAITAN tidak ditemukan.",
    "peralatan": "PERALATAN/PERLENGKAPAN tidak ditemukan.",
    "peringatan": "PERINGATAN tidak ditemukan.",
    "pencatatan": "PENCATATAN DAN PENDATAAN tidak ditemukan.",
    "procedure": "tabel prosedur (NO, KEGIATAN, PELAKSANA) tidak ditemukan; ketik langkahnya.",
}
IMPORT_STEP_ACTORS: Final = (
    "langkah {step}: pelaksananya tidak terbaca dari diagram; beri tanda x (atau ? untuk "
    "keputusan) di kolom pelaksananya."
)
IMPORT_STEP_FLOW: Final = (
    "langkah {step} adalah keputusan, tetapi arah TIDAK-nya tidak terbaca; isi kolom TIDAK "
    "(nomor langkah atau selesai)."
)
IMPORT_PICTURE: Final = (
    "diagram alir dokumen ini berupa gambar, jadi pelaksana dan alurnya tidak terbaca; beri "
    "tanda x di kolom pelaksana setiap langkah (mulai {cell})."
)
IMPORT_DONE: Final = (
    "{sops} SOP dari {documents} dokumen ditulis ke {path}. Periksa isinya, lalu jalankan: "
    "sopdoc check {path}"
)
IMPORT_TO_FILL: Final = "{count} isian perlu dilengkapi (lihat daftar di atas)."

# --- sopdoc revise at the XML level (issue: workbooks as real offices write them) ------------

REVISE_FORMULA: Final = (
    "Sel {cell} (TGL. REVISI) berisi rumus. Ganti rumusnya dengan tanggal biasa, lalu jalankan "
    "lagi."
)
REVISE_UNREADABLE: Final = (
    "Buku kerja tidak bisa direvisi tanpa mengubah bagian lain ({reason}). Buka dan simpan "
    "ulang di Excel, lalu jalankan lagi. Buku kerja tidak diubah."
)

# --- Help in Bahasa Indonesia: click's own words, metavars, whole one-line summaries ----------

HELP_USAGE: Final = "Cara pakai:"
HELP_OPTIONS: Final = "Pilihan"
HELP_COMMANDS: Final = "Perintah"
HELP_OPTIONS_METAVAR: Final = "[PILIHAN]"
HELP_COMMAND_METAVAR: Final = "PERINTAH [ARGUMEN]..."
#: Click's notes after an option's help -> Bahasa Indonesia.
HELP_EXTRA_TRANSLATIONS: Final = (
    ("required", "wajib"),
    ("default: ", "bawaan: "),
    ("env var: ", "variabel lingkungan: "),
)
VERSION_MESSAGE: Final = "%(prog)s versi %(version)s"
METAVAR_WORKBOOK: Final = "BUKU_KERJA"
METAVAR_WORKBOOKS: Final = "BUKU_KERJA..."
METAVAR_NEW_PATH: Final = "BERKAS"
METAVAR_SOP: Final = "NOMOR_ATAU_LEMBAR"
METAVAR_FORMATS: Final = "FORMAT"
METAVAR_FOLDER: Final = "FOLDER"
METAVAR_TEMPLATE: Final = "TEMPLAT.docx"
METAVAR_DATE: Final = "TANGGAL"
METAVAR_TEXT: Final = "TEKS"
CHECK_SHORT: Final = "Periksa buku kerja: ringkasan tiap SOP dan semua masalahnya."
NEW_SHORT: Final = "Buat formulir SOP kosong (atau berisi contoh) untuk diisi di Excel."
BUILD_SHORT: Final = "Buat dokumen SOP resmi (DOCX, PDF) dan, bila diminta, Buku SOP."
FLOWCHART_SHORT: Final = "Buat diagram alir untuk slide sosialisasi (PNG, SVG, PDF, PPTX)."
REVISE_SHORT: Final = (
    "Catat revisi SOP (tanggal, nomor revisi, Riwayat) lalu buat ulang dokumennya."
)

# --- Kop of 1 to 4 lines ------------------------------------------------------------------

HEADER_TOO_LONG: Final = (
    "Kop di atas NOMOR SOP punya {count} baris ({cells}); paling banyak {most}. Alamat, "
    "telepon, surel dan laman bukan baris kop: tulis di ALAMAT pada lembar Instansi (dicetak "
    "di bawah kop setiap SOP). Gabungkan atau hapus baris lain yang bukan kop, atau pisahkan "
    "dengan satu baris kosong."
)
HEADER_ROW_UNCLEAR: Final = (
    "Baris tepat di atas kop berisi teks di beberapa sel ({cells}), jadi tidak jelas apakah "
    "termasuk kop. Tulis setiap baris kop dalam satu sel saja, atau sisipkan satu baris kosong "
    "di antara baris ini dan kop."
)

# --- Revision numbers and dates as the office writes them ----------------------------------

REVISION_INVALID: Final = (
    "Nomor revisi '{value}' tidak dikenali. Tulis angkanya saja (01, 2) atau bersama tanggal: "
    "22 Juli 2019 rev 01."
)
REVISION_TWICE: Final = (
    "Nomor revisi ditulis dua kali dan berbeda: {first} di TGL. REVISI, {second} di baris "
    "REVISI KE. Hapus salah satunya."
)
DATE_FORMAT_INVALID: Final = (
    "FORMAT TANGGAL '{value}' tidak dikenali. Tulis contohnya: 03 Januari 2017 (hari dua "
    "angka) atau 3 Januari 2017."
)
REVISE_NUMBERED: Final = "Nomor revisi {nomor}: {old} -> {new}."

# --- A form that explains itself ------------------------------------------------------------

FORM_ACTORS_WITH_CONTOH: Final = (
    "--pelaksana hanya untuk formulir kosong; contoh (--contoh) selalu punya 4 pelaksana."
)
FORM_ACTORS_RANGE: Final = "Jumlah pelaksana {value} di luar batas: pilih 1 sampai {most}."
NEW_ACTORS_HELP: Final = "Jumlah kolom pelaksana formulir kosong, 1 sampai 12 (bawaan 4)."

# --- Pratinjau (sopdoc preview) ----------------------------------------------------------------

PREVIEW_HELP: Final = (
    "Pratinjau: buka halaman web di komputer ini yang menampilkan setiap SOP buku kerja "
    "(masalahnya, halaman dokumennya dan slide diagram alirnya) dan memperbaruinya sendiri "
    "setiap kali buku kerja disimpan. Tekan Ctrl-C untuk berhenti."
)
PREVIEW_SHORT: Final = (
    "Pratinjau halaman dan slide di peramban, diperbarui setiap buku kerja disimpan."
)
PREVIEW_PORT_HELP: Final = "Nomor port halaman pratinjau (bawaan: port bebas mana saja)."
PREVIEW_NO_BROWSER_HELP: Final = "Jangan buka peramban; cukup cetak alamat halamannya."
PREVIEW_RUNNING: Final = (
    "Pratinjau {path} berjalan di {url}\n"
    "Biarkan jendela ini terbuka; halaman diperbarui setiap kali buku kerja disimpan. "
    "Tekan Ctrl-C untuk berhenti."
)
PREVIEW_STOPPED: Final = "Pratinjau dihentikan."
PREVIEW_PORT_BUSY: Final = (
    "Port {port} tidak bisa dipakai ({reason}). Pilih nomor lain dengan --port, atau jalankan "
    "tanpa --port agar dipilihkan port yang bebas."
)
PREVIEW_MISSING: Final = "Buku kerja {path} tidak ditemukan. Periksa nama dan foldernya."
PREVIEW_READ: Final = "{time} buku kerja dibaca: {sops} SOP, {built} dibuat ulang."
PREVIEW_UNREADABLE: Final = (
    "Buku kerja belum bisa dibaca: {reason} Mungkin sedang disimpan; pratinjau mencoba lagi "
    "sendiri. Yang tampil adalah keadaan terakhir yang berhasil dibaca (pukul {time})."
)
PREVIEW_UNREADABLE_FIRST: Final = (
    "Buku kerja belum bisa dibaca: {reason} Mungkin sedang disimpan; pratinjau mencoba lagi "
    "sendiri, dan halaman ini diperbarui begitu buku kerja bisa dibaca."
)
PREVIEW_INTERNAL: Final = "terjadi kesalahan di dalam sopdoc ({error})."
PREVIEW_NOTHING_TO_ZIP: Final = (
    "Belum ada SOP yang bisa dibuat dokumennya: perbaiki dulu kesalahan yang ditampilkan."
)
PREVIEW_GONE: Final = (
    "SOP ini sudah berubah sejak halaman dibuka. Muat ulang halaman lalu unduh lagi."
)
PREVIEW_NOT_FOUND: Final = "Halaman ini tidak ada di pratinjau."

# --- The flowchart as Word shapes, or locked as a picture ------------------------------------

LOCKED_HELP: Final = (
    "Diagram alir di DOCX sebagai gambar terkunci (tidak bisa diubah di Word). Tanpa opsi "
    "ini diagram alir terdiri dari bentuk Word yang bisa diubah: teks, kotak dan panah."
)

# --- Speed: an interrupted build keeps what it finished ------------------------------------

BUILD_INTERRUPTED: Final = (
    "Dihentikan oleh pengguna. {done} dari {total} SOP sudah selesai dan dicatat; jalankan "
    "perintah yang sama lagi untuk melanjutkan (yang sudah selesai dilewati)."
)
