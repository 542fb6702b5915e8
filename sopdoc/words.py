"""Every word printed on what sopdoc makes: documents, slides, the Buku SOP and the blank form."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from sopdoc.model import Branch

# --- Flowchart ---------------------------------------------------------------------------------

#: How each branch of an arrow is written beside it; plain "next" arrows carry no word.
BRANCH_LABELS: Final[Mapping[Branch, str]] = {
    Branch.NEXT: "",
    Branch.YES: "Ya",
    Branch.NO: "Tidak",
}

# --- Procedure table ---------------------------------------------------------------------------

#: The words in the flowchart's own terminators: the start before a step 1 that is a decision,
#: and each end beside a decision whose branch ends the flow.
START_LABEL: Final = "Mulai"
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

# --- Identity page -----------------------------------------------------------------------------

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
#: The documents' language, for spelling and hyphenation in Word, PowerPoint and PDF readers.
DOC_LANGUAGE: Final = "id-ID"
#: The keywords of an SOP's files (DOCX, PDF) and of a slide deck.
DOC_KEYWORDS: Final = "SOP AP; Standar Operasional Prosedur; {nomor}; {issuer}"
PPTX_KEYWORDS: Final = "SOP AP; Standar Operasional Prosedur; diagram alir; sosialisasi"
DOC_PAGE_NUMBER: Final = "Halaman {page} dari {total}"
#: Above the table of an identity part's continuation page.
DOC_IDENTITY_RUNNING: Final = "{kop} — {nama} — Nomor SOP {nomor} (lanjutan)"
#: Above the table of every procedure page (``JUDUL HALAMAN`` in the Instansi sheet).
DOC_RUNNING: Final = "{nama} — Nomor SOP {nomor}"
#: The name Word shows for a procedure page's flowchart picture.
DOC_PICTURE_NAME: Final = "Diagram alir {number}"
#: The names of the DOCX's paragraph styles in Word's Styles pane, by style id.
DOC_STYLE_NAMES: Final = {
    "SopLangkah": "SOP Langkah",
    "SopKepalaTabel": "SOP Kepala Tabel",
    "SopJudulHalaman": "SOP Judul Halaman",
    "SopKop": "SOP Kop",
    "SopLabel": "SOP Label Identitas",
    "SopIsian": "SOP Isian Identitas",
    "SopJudulBagian": "SOP Judul Bagian",
    "SopIsiBagian": "SOP Isi Bagian",
    "SopNomorHalaman": "SOP Nomor Halaman",
}
#: The names Word and PowerPoint show for the flowchart's shapes (selection pane, animations).
SHAPE_FRAME_NAME: Final = "Bingkai diagram alir"
SHAPE_STEP_NAME: Final = "Langkah {step}"
SHAPE_END_NAME: Final = "Selesai langkah {step}"
SHAPE_CONNECTOR_NAME: Final = "Penghubung {letter}"
SHAPE_ARROW_NAME: Final = "Panah {number}"
SHAPE_HEAD_NAME: Final = "Kepala panah {number}"
SHAPE_TEXT_NAME: Final = "Teks {number}"
SHAPE_TITLE_NAME: Final = "Judul"
SHAPE_LANE_HEAD_NAME: Final = "Kepala lajur {number}"
SHAPE_LANE_NAME: Final = "Lajur {number}"
#: A step in the speaker notes of its slide.
PPTX_NOTES_STEP: Final = "Langkah {step}: {kegiatan}"

# --- Buku SOP ----------------------------------------------------------------------------------

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

# --- Slides ------------------------------------------------------------------------------------

PPTX_TITLE: Final = "Diagram Alir SOP"

# --- The blank form (sopdoc new) ---------------------------------------------------------------
# The labels the reader recognises, and `new` writes, are the workbook format itself: they live
# with their accepted spellings in sopdoc/workbook/labels.py. Here: the prose around them.

#: The sheet of the blank form's first SOP.
FORM_SOP_SHEET: Final = "SOP 1"
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
    "KOP BARIS 1": "Kop lebih dari dua baris (boleh kosong): baris 1, misalnya PEMERINTAH KABUPATEN MALANG. Bila diisi, KOP BARIS 1-4 menggantikan PEMERINTAH dan UNIT KERJA di kop.",
    "KOP BARIS 2": "Baris 2 kop, misalnya SEKRETARIAT DAERAH.",
    "KOP BARIS 3": "Baris 3 kop, misalnya BAGIAN TATA USAHA.",
    "KOP BARIS 4": "Baris 4 kop (boleh kosong).",
    "JUDUL HALAMAN": "YA (bawaan): setiap halaman prosedur mencetak nama dan nomor SOP di atas tabelnya, agar halaman lepas bisa dikembalikan. TIDAK: tanpa baris itu.",
    "FORMAT TANGGAL": "Cara mencetak tanggal: 03 Januari 2017 (hari dua angka) atau 3 Januari 2017. Kosong: seperti ditulis di SOP.",
}
FORM_PETUNJUK_TITLE: Final = "PETUNJUK PENGISIAN FORMULIR SOP"
FORM_PETUNJUK: Final = (
    "Buku kerja ini adalah formulir SOP AP (Permenpan-RB No. 35 Tahun 2012). Isi sel-selnya seperti mengisi formulir kertas; sopdoc membuat dokumen resmi (DOCX, PDF) beserta diagram alirnya.",
    "1. Lembar Instansi: isi kop (PEMERINTAH, UNIT KERJA), ukuran KERTAS dan pengesah bawaan. Nilai di sini dipakai semua SOP. Alamat, telepon, surel dan laman bukan baris kop: tulis di ALAMAT (boleh beberapa baris dengan Alt+Enter); dicetak di bawah kop setiap SOP.",
    "2. Setiap lembar lain berisi satu SOP atau lebih, bertumpuk dari atas ke bawah. Untuk SOP baru, salin seluruh blok SOP (dari kop sampai tabel prosedur) ke bawahnya atau ke lembar baru.",
    "3. Kop (1 sampai 4 baris di atas NOMOR SOP, satu baris per sel di kolom A) boleh dikosongkan: isinya diambil dari lembar Instansi (KOP BARIS 1-4, atau PEMERINTAH dan UNIT KERJA). Untuk kop 3 atau 4 baris, sisipkan baris di atas NOMOR SOP.",
    "4. Identitas: tulis nilainya di sel kanan label. Tanggal boleh ditulis 13 Januari 2020, 13-01-2020, 13/01/2020 atau 2020-01-13. TGL. REVISI dikosongkan bila belum pernah direvisi; nomor revisi boleh ditulis bersama tanggalnya (22 Juli 2019 rev 01) atau di baris REVISI KE tersendiri. Hari ditulis dua angka (03 Januari 2017) akan dicetak dua angka juga.",
    "5. DISAHKAN OLEH: jabatan, nama, pangkat (boleh tidak ada) dan NIP, masing-masing satu baris (tekan Alt+Enter untuk pindah baris). Dikosongkan: memakai pengesah di lembar Instansi.",
    "6. Bagian DASAR HUKUM, KUALIFIKASI PELAKSANA, KETERKAITAN, PERALATAN DAN PERLENGKAPAN, PERINGATAN, PENCATATAN DAN PENDATAAN: isi di sel bawah labelnya, satu butir per baris (Alt+Enter). Penomoran (1., a., -) ditulis sendiri dan dicetak apa adanya. Bagian yang memang tidak ada: tulis -. Bila isinya lebih panjang dari selnya, tinggikan barisnya: klik kanan nomor baris > Tinggi Baris (Row Height), misalnya 300.",
    "7. Tabel prosedur: satu baris per langkah. NO diisi 1, 2, 3, ... berurutan. Nama pelaksana ditulis di baris judul kedua (sel di bawah PELAKSANA yang masih kosong), satu kolom per pelaksana (paling banyak 15). Tabel berakhir pada baris yang NO dan KEGIATAN-nya kosong.",
    "7b. Menambah baris langkah: pilih baris langkah terakhir yang kosong (klik nomor barisnya), klik kanan > Sisipkan (Insert) sebanyak yang perlu; baris yang disisipkan di dalam tabel ikut membawa garis dan daftar pilihan x/?. Formulir dengan N baris langkah juga bisa dibuat langsung: sopdoc new --langkah N nama-file.xlsx.",
    "7a. Menambah kolom pelaksana: klik kanan huruf kolom pelaksana terakhir, pilih Sisipkan (Insert), lalu tulis nama pelaksananya. Sisipkan selalu di dalam PELAKSANA, sebelum MUTU BAKU, agar judul gabungan dan daftar pilihan ikut melebar. Mengurangi: hapus kolom pelaksana yang tidak dipakai (klik kanan huruf kolom, Hapus). Formulir dengan N kolom pelaksana juga bisa dibuat langsung: sopdoc new --pelaksana N nama-file.xlsx.",
    "8. Kolom pelaksana: tulis x di kolom pelaksana yang mengerjakan langkah itu (kegiatan), atau ? bila langkah itu sebuah keputusan (ya/tidak). Kosongkan kolom pelaksana yang tidak terlibat. Tanda di beberapa kolom berarti satu simbol yang melebar ke kolom-kolom itu.",
    "9. Simbol dibuat otomatis: langkah pertama adalah awal (kapsul), langkah yang mengakhiri alur adalah akhir, keputusan adalah belah ketupat, selainnya kotak proses.",
    "10. Alur: setiap langkah berlanjut ke langkah berikutnya. Kolom LANJUT KE (tidak dicetak) mengubahnya: tulis nomor langkah tujuan atau selesai. Langkah keputusan memakai kolom YA (bawaan: langkah berikutnya) dan TIDAK (wajib diisi): nomor langkah atau selesai.",
    "10b. Akhir berketerangan: tulis di LANJUT KE, YA atau TIDAK misalnya selesai di Pemohon: Permohonan ditolak. Kapsul akhir berdiri di lajur pelaksana yang disebut setelah di, berisi keterangan setelah titik dua.",
    "10a. Contoh putaran (loop): langkah 3 Kasubag menyusun konsep surat (x), langkah 4 Camat memeriksa konsep (?), langkah 5 Pengelola mengirim surat (x). Di baris langkah 4 tulis YA = 5 dan TIDAK = 3: konsep yang ditolak kembali ke langkah 3 untuk diperbaiki. Langkah yang mengakhiri alur sebelum baris terakhir: tulis selesai di LANJUT KE.",
    "11. Periksa buku kerja dengan perintah: sopdoc check nama-file.xlsx. Setiap masalah disebut dengan nama lembar dan selnya, misalnya SOP 1!C24. Catatan di kanan tabel prosedur (di luar kolom formulir) tidak dibaca; sopdoc check menyebutnya sebagai peringatan.",
)
FORM_ACTOR_PROMPT_TITLE: Final = "Tanda pelaksana"
FORM_ACTOR_PROMPT: Final = (
    "x = kegiatan, ? = keputusan. Kosongkan bila pelaksana ini tidak terlibat."
)
FORM_ACTOR_ERROR: Final = "Tulis x (kegiatan) atau ? (keputusan), atau kosongkan sel ini."
FORM_FLOW_PROMPT_TITLE: Final = "Alur (tidak dicetak)"
FORM_FLOW_PROMPT: Final = (
    "Nomor langkah tujuan, atau selesai. Contoh: keputusan di langkah 4, YA = 5, TIDAK = 3."
)
FORM_PAPER_PROMPT: Final = "F4, A4 atau LETTER"
FORM_FLOW_NOTE: Final = "Kolom LANJUT KE, YA dan TIDAK mengatur alur diagram dan tidak dicetak."
FORM_HEADER_NOTE: Final = (
    "Kop SOP, 1 sampai 4 baris (misalnya PEMERINTAH KABUPATEN MALANG / SEKRETARIAT DAERAH / "
    "BAGIAN TATA USAHA), satu baris per sel di kolom A; sisipkan baris di atas NOMOR SOP bila "
    "perlu lebih dari dua. Boleh dikosongkan: isinya diambil dari lembar Instansi."
)

# --- The Riwayat sheet (sopdoc revise) ---------------------------------------------------------

RIWAYAT_HEADER: Final = (
    "TANGGAL REVISI",
    "NOMOR SOP",
    "LEMBAR",
    "PERUBAHAN",
    "DICATAT",
    "REVISI KE",
)
#: The PERUBAHAN cell of a revision, before the user's note.
RIWAYAT_CHANGE: Final = "TGL. REVISI {old} -> {new}."
RIWAYAT_NUMBER_CHANGE: Final = "Revisi {old} -> {new}."

# --- the form explains itself; revision numbers as offices write them ----------------------

FORM_ACTOR_COLUMNS_NOTE: Final = (
    "Kolom pelaksana. Menambah: sisipkan kolom di dalam PELAKSANA (sebelum MUTU BAKU), lalu "
    "tulis namanya di baris bawah. Mengurangi: hapus kolom yang tidak dipakai. Lihat lembar "
    "Petunjuk."
)
FORM_ACTOR_HEAD_PROMPT: Final = (
    "Tulis jabatan pelaksana, misalnya Kasubag Umum. Satu kolom per pelaksana; kolom yang tidak "
    "dipakai boleh dihapus."
)
FORM_ACTOR_HEAD_PROMPT_TITLE: Final = "Nama pelaksana"
FORM_FLOW_TIDAK_NOTE: Final = (
    "TIDAK: ke mana langkah keputusan (?) berlanjut bila jawabannya tidak (wajib). Contoh: "
    "langkah 4 memeriksa konsep, TIDAK = 3 (kembali memperbaiki konsep), atau selesai."
)
FORM_FLOW_YA_NOTE: Final = (
    "YA: ke mana langkah keputusan (?) berlanjut bila jawabannya ya. Kosong: langkah berikutnya. "
    "Contoh: langkah 4 memeriksa konsep, YA = 5."
)
DOC_REVISION: Final = "Revisi {number:02d}"
REVISE_DATE_WITH_NUMBER: Final = "{date} rev {number:02d}"
