"""Every text a user reads, in Bahasa Indonesia: problems, CLI messages, document labels."""

from __future__ import annotations

from typing import Final

# --- Flowchart and document labels -------------------------------------------------------

YA: Final = "Ya"
TIDAK: Final = "Tidak"

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
FLOWCHART_SUMMARY: Final = "{done} SOP dibuat, {failed} gagal. Berkas ada di {folder}"
SOP_NOT_FOUND: Final = (
    "SOP '{name}' tidak ada di buku kerja ini. Pilih nomor SOP atau nama lembar: {choices}."
)
SOP_HAS_ERRORS: Final = "SOP ini punya kesalahan dan tidak digambar; jalankan 'sopdoc check'. Kesalahan pertama: {problem}"
FORMAT_INVALID: Final = "Format '{value}' tidak dikenal. Pilih salah satu: {choices}."
PPTX_TITLE: Final = "Diagram Alir SOP"
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
    "Buat juga satu Buku SOP (PDF) per buku kerja: sampul, daftar isi, semua SOP dan formulir "
    "monitoring."
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
REVISE_CHANGE: Final = "TGL. REVISI {old} -> {new}."
REVISE_DONE: Final = "TGL. REVISI {nomor} ({cell}) menjadi {date}. Cadangan: {backup}"
NEW_HELP: Final = "Buat buku kerja formulir SOP kosong di PATH."
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
    (r"No such option: (.+)", "Pilihan {0} tidak dikenal."),
    (r"No such option '(.+)'\.", "Pilihan {0} tidak dikenal."),
    (
        r"No such command '(.+)'\. Did you mean '(.+)'\?",
        "Perintah '{0}' tidak dikenal. Mungkin maksudnya '{1}'?",
    ),
    (
        r"No such command '(.+)'\.",
        "Perintah '{0}' tidak dikenal. Perintah yang ada: check, new, build, flowchart, revise.",
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

FONT_MISSING: Final = (
    "Huruf Liberation Sans (pengganti Arial) tidak terpasang. Pasang dengan: "
    "sudo apt-get install fonts-liberation2"
)
GRAPHVIZ_MISSING: Final = (
    "Program Graphviz (neato) tidak ditemukan, padahal diperlukan untuk menggambar diagram alir. "
    "Pasang dengan: sudo apt-get install graphviz"
)
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
TOO_MANY_CONNECTORS: Final = (
    "Halaman prosedur {page} punya {count} panah ke halaman lain, terlalu banyak untuk lebar "
    "kolom pelaksananya. Kurangi lompatan LANJUT KE/YA/TIDAK ke langkah yang jauh, atau tambah "
    "kolom pelaksana."
)
END_LABEL: Final = "Selesai"
PROCEDURE_HEADERS: Final = {
    "no": "NO",
    "kegiatan": "KEGIATAN",
    "pelaksana": "PELAKSANA",
    "mutu": "MUTU BAKU",
    "kelengkapan": "KELENGKAPAN",
    "waktu": "WAKTU",
    "output": "OUTPUT",
    "keterangan": "KETERANGAN",
}

# --- Document labels ------------------------------------------------------------------------

DOC_IDENTITY_LABELS: Final = (
    ("nomor", "NOMOR SOP"),
    ("tanggal_pembuatan", "TGL. PEMBUATAN"),
    ("tanggal_revisi", "TGL. REVISI"),
    ("tanggal_efektif", "TGL. EFEKTIF"),
    ("disahkan", "DISAHKAN OLEH"),
    ("nama", "NAMA SOP"),
)
DOC_SECTION_TITLES: Final = (
    ("dasar_hukum", "DASAR HUKUM:", "kualifikasi", "KUALIFIKASI PELAKSANA:"),
    ("keterkaitan", "KETERKAITAN:", "peralatan", "PERALATAN/PERLENGKAPAN:"),
    ("peringatan", "PERINGATAN:", "pencatatan", "PENCATATAN DAN PENDATAAN:"),
)
DOC_NO_VALUE: Final = "-"
TEMPLATE_INVALID: Final = (
    "Templat {path} bukan dokumen Word (.docx) yang bisa dibuka ({reason}). Simpan templat dari "
    "Word sebagai .docx lalu coba lagi."
)
DOC_PAGE_NUMBER: Final = "Halaman {page} dari {total}"
BOOK_TITLE: Final = "STANDAR OPERASIONAL PROSEDUR"
BOOK_YEAR: Final = "TAHUN {year}"
BOOK_TOC: Final = "DAFTAR ISI"
BOOK_TOC_HEADER: Final = ("NO", "NOMOR SOP", "NAMA SOP", "HALAMAN")
BOOK_MONITORING: Final = "MONITORING PELAKSANAAN SOP AP"
BOOK_MONITORING_ROW: Final = "Monitoring Pelaksanaan SOP AP"
BOOK_MONITORING_HEADER: Final = (
    "NO",
    "PROSEDUR",
    "PENILAIAN TERHADAP PENERAPAN",
    "CATATAN HASIL PENILAIAN",
    "TINDAKAN YANG HARUS DIAMBIL",
    "PARAF PENILAI",
)
BOOK_MONITORING_CHOICES: Final = ("Berjalan dengan baik", "Tidak berjalan dengan baik")

# --- Reading a workbook: files that cannot be read (exit 2) ---------------------------------

FILE_MISSING: Final = "File tidak ditemukan. Periksa nama dan folder file buku kerja."
FILE_IS_FOLDER: Final = "Ini sebuah folder, bukan file buku kerja. Sebutkan file .xlsx di dalamnya."
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

#: Identity field -> its label as printed in messages.
IDENTITY_LABELS: Final = {
    "nomor": "NOMOR SOP",
    "tanggal_pembuatan": "TGL. PEMBUATAN",
    "tanggal_revisi": "TGL. REVISI",
    "tanggal_efektif": "TGL. EFEKTIF",
    "disahkan": "DISAHKAN OLEH",
    "nama": "NAMA SOP",
}
#: Flow column role -> its label as printed in messages.
FLOW_LABELS: Final = {"lanjut": "LANJUT KE", "ya": "YA", "tidak": "TIDAK"}

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
NAMA_EMPTY: Final = "NAMA SOP kosong. Tulis nama SOP di sel kanan label."
NAMA_MISSING: Final = (
    "Baris NAMA SOP tidak ditemukan. Tambahkan baris NAMA SOP di bawah DISAHKAN OLEH."
)
DATE_MISSING: Final = "Baris {label} tidak ditemukan. Tambahkan baris {label} dengan tanggalnya."
DATE_EMPTY: Final = "{label} kosong. Isi tanggal, misalnya 13 Januari 2020."
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
    "{label} '{value}' tidak dikenali. Tulis nomor langkah tujuan atau 'selesai'."
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
FORM_INSTANSI_HEADER: Final = ("KUNCI", "NILAI", "KETERANGAN")
#: Instansi key -> what to write there.
FORM_INSTANSI_NOTES: Final = {
    "PEMERINTAH": "Baris pertama kop, misalnya PEMERINTAH KABUPATEN LUMAJANG.",
    "UNIT KERJA": "Baris kedua kop, misalnya KECAMATAN RANUYOSO.",
    "ALAMAT": "Alamat kantor (boleh kosong).",
    "LOGO": "Nama file logo PNG/JPEG yang disimpan di folder yang sama dengan buku kerja ini, misalnya logo.png.",
    "KERTAS": "Ukuran kertas: F4 (bawaan, 215 x 330 mm), A4 atau LETTER. Halaman dicetak mendatar.",
    "HURUF": "Jenis huruf dokumen (bawaan Arial).",
    "JABATAN PENGESAH": "Jabatan pengesah bawaan, dipakai bila DISAHKAN OLEH pada SOP dikosongkan. Misalnya CAMAT RANUYOSO.",
    "NAMA PENGESAH": "Nama lengkap pengesah beserta gelar.",
    "PANGKAT PENGESAH": "Pangkat/golongan pengesah (boleh kosong), misalnya Pembina Tk. I (IV/b).",
    "NIP PENGESAH": "NIP pengesah, ditulis sebagai teks, misalnya NIP. 19640706 198603 1 027.",
}
FORM_PETUNJUK_TITLE: Final = "PETUNJUK PENGISIAN FORMULIR SOP"
FORM_PETUNJUK: Final = (
    "Buku kerja ini adalah formulir SOP AP (Permenpan-RB No. 35 Tahun 2012). Isi sel-selnya seperti mengisi formulir kertas; sopdoc membuat dokumen resmi (DOCX, PDF) beserta diagram alirnya.",
    "1. Lembar Instansi: isi kop (PEMERINTAH, UNIT KERJA), ukuran KERTAS dan pengesah bawaan. Nilai di sini dipakai semua SOP.",
    "2. Setiap lembar lain berisi satu SOP atau lebih, bertumpuk dari atas ke bawah. Untuk SOP baru, salin seluruh blok SOP (dari kop sampai tabel prosedur) ke bawahnya atau ke lembar baru.",
    "3. Kop (dua baris di atas NOMOR SOP) boleh dikosongkan: isinya diambil dari lembar Instansi.",
    "4. Identitas: tulis nilainya di sel kanan label. Tanggal boleh ditulis 13 Januari 2020, 13-01-2020, 13/01/2020 atau 2020-01-13. TGL. REVISI dikosongkan bila belum pernah direvisi.",
    "5. DISAHKAN OLEH: jabatan, nama, pangkat (boleh tidak ada) dan NIP, masing-masing satu baris (tekan Alt+Enter untuk pindah baris). Dikosongkan: memakai pengesah di lembar Instansi.",
    "6. Bagian DASAR HUKUM, KUALIFIKASI PELAKSANA, KETERKAITAN, PERALATAN DAN PERLENGKAPAN, PERINGATAN, PENCATATAN DAN PENDATAAN: isi di sel bawah labelnya, satu butir per baris. Penomoran (1., a., -) ditulis sendiri dan dicetak apa adanya.",
    "7. Tabel prosedur: satu baris per langkah. NO diisi 1, 2, 3, ... berurutan. Nama pelaksana ditulis di baris judul kedua, satu kolom per pelaksana (paling banyak 15). Tabel berakhir pada baris yang NO dan KEGIATAN-nya kosong.",
    "8. Kolom pelaksana: tulis x di kolom pelaksana yang mengerjakan langkah itu (kegiatan), atau ? bila langkah itu sebuah keputusan (ya/tidak). Kosongkan kolom pelaksana yang tidak terlibat. Tanda di beberapa kolom berarti satu simbol yang melebar ke kolom-kolom itu.",
    "9. Simbol dibuat otomatis: langkah pertama adalah awal (kapsul), langkah yang mengakhiri alur adalah akhir, keputusan adalah belah ketupat, selainnya kotak proses.",
    "10. Alur: setiap langkah berlanjut ke langkah berikutnya. Kolom LANJUT KE (tidak dicetak) mengubahnya: tulis nomor langkah tujuan atau selesai. Langkah keputusan memakai kolom YA (bawaan: langkah berikutnya) dan TIDAK (wajib diisi): nomor langkah atau selesai.",
    "11. Periksa buku kerja dengan perintah: sopdoc check nama-file.xlsx. Setiap masalah disebut dengan nama lembar dan selnya, misalnya SOP 1!C24.",
)
FORM_ACTOR_PROMPT_TITLE: Final = "Tanda pelaksana"
FORM_ACTOR_PROMPT: Final = (
    "x = kegiatan, ? = keputusan. Kosongkan bila pelaksana ini tidak terlibat."
)
FORM_ACTOR_ERROR: Final = "Tulis x (kegiatan) atau ? (keputusan), atau kosongkan sel ini."
FORM_FLOW_PROMPT_TITLE: Final = "Alur (tidak dicetak)"
FORM_FLOW_PROMPT: Final = "Nomor langkah tujuan, atau selesai."
FORM_PAPER_PROMPT: Final = "F4, A4 atau LETTER"
FORM_FLOW_NOTE: Final = "Kolom LANJUT KE, YA dan TIDAK mengatur alur diagram dan tidak dicetak."
FORM_DEFAULT_ACTORS: Final = ("Kasubag", "Camat", "Tim", "Pengelola")
FORM_HEADER_NOTE: Final = (
    "Kop SOP (baris 1: PEMERINTAH ..., baris 2: UNIT KERJA ...). Boleh dikosongkan: isinya diambil "
    "dari lembar Instansi. Isi hanya bila SOP ini memakai kop yang berbeda."
)

# --- Pratinjau (sopdoc preview) ----------------------------------------------------------------

PREVIEW_HELP: Final = (
    "Pratinjau: buka halaman web di komputer ini yang menampilkan setiap SOP buku kerja "
    "(masalahnya, halaman dokumennya dan slide diagram alirnya) dan memperbaruinya sendiri "
    "setiap kali buku kerja disimpan. Tekan Ctrl-C untuk berhenti."
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
