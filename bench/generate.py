"""Seeded, reproducible workbooks of many realistic SOPs, for the benchmarks."""

from __future__ import annotations

import argparse
import random
from datetime import date, timedelta
from pathlib import Path
from typing import Final

from sopdoc.workbook.contoh import CONTOH_INSTANSI, ExampleSop, StepRow
from sopdoc.workbook.form import add_instansi, format_grid, write_sop_block
from sopdoc.workbook.xlsx_file import new_workbook, workbook_bytes

#: Bump when the generated content changes, so cached workbooks are made again.
GENERATOR_VERSION: Final = 2

ACTORS: Final = (
    "Camat",
    "Sekcam",
    "Kasubag Umum",
    "Kasubag Keuangan",
    "Kasi Pemerintahan",
    "Kasi Trantib",
    "Kasi Kesra",
    "Kasi PMD",
    "Pengelola",
    "Staf Pelayanan",
    "Pemohon",
    "Tim Teknis",
    "Bendahara",
    "Operator SIMDA",
    "Kepala Desa",
)
VERBS: Final = (
    "Menerima",
    "Memeriksa",
    "Memverifikasi",
    "Mencatat",
    "Menyusun",
    "Mengoreksi",
    "Menandatangani",
    "Mengagendakan",
    "Mendisposisikan",
    "Mengarsipkan",
    "Menyerahkan",
    "Mengunggah",
    "Menggandakan",
    "Mengirimkan",
)
OBJECTS: Final = (
    "berkas permohonan",
    "surat keterangan",
    "konsep nota dinas",
    "laporan kegiatan",
    "data kependudukan",
    "dokumen rekomendasi",
    "rencana kerja",
    "daftar hadir rapat",
    "usulan anggaran",
    "surat pengantar desa",
    "berita acara",
    "register surat keluar",
)
DETAILS: Final = (
    "sesuai dengan ketentuan peraturan perundang-undangan yang berlaku",
    "beserta lampiran dan kelengkapan persyaratan administrasi",
    "untuk diteruskan kepada pejabat yang berwenang",
    "dengan memperhatikan jadwal pelayanan dan antrean pemohon",
    "melalui aplikasi pelayanan dan buku agenda",
    "dan memastikan seluruh data telah sesuai dengan dokumen asli",
)
LAWS: Final = (
    "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik",
    "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah",
    "Undang-Undang Nomor 30 Tahun 2014 tentang Administrasi Pemerintahan",
    "Peraturan Pemerintah Nomor 17 Tahun 2018 tentang Kecamatan",
    "Peraturan Pemerintah Nomor 96 Tahun 2012 tentang Pelaksanaan Undang-Undang Nomor 25 "
    "Tahun 2009 tentang Pelayanan Publik",
    "Peraturan Menteri PAN-RB Nomor 35 Tahun 2012 tentang Pedoman Penyusunan Standar "
    "Operasional Prosedur Administrasi Pemerintahan",
    "Peraturan Menteri PAN-RB Nomor 15 Tahun 2014 tentang Pedoman Standar Pelayanan",
    "Peraturan Menteri Dalam Negeri Nomor 4 Tahun 2010 tentang Pedoman Pelayanan Administrasi "
    "Terpadu Kecamatan",
    "Peraturan Bupati Lumajang Nomor 60 Tahun 2016 tentang Pelimpahan Sebagian Kewenangan "
    "Bupati kepada Camat",
    "Keputusan Camat tentang Standar Pelayanan",
)
SKILLS: Final = (
    "Memahami tugas pokok dan fungsi",
    "Mampu mengoperasikan komputer",
    "Memahami tata naskah dinas",
    "Mampu berkomunikasi dengan baik kepada masyarakat",
    "Memahami peraturan perundang-undangan di bidang pelayanan publik",
    "Teliti dan bertanggung jawab",
    "Mampu menyusun laporan",
)
EQUIPMENT: Final = (
    "ATK",
    "Komputer",
    "Printer",
    "Jaringan internet",
    "Buku agenda",
    "Stempel",
    "Map berkas",
    "Aplikasi pelayanan",
    "Lemari arsip",
)
RECORDS: Final = (
    "Dokumen disimpan sebagai arsip",
    "Register pelayanan diperbarui",
    "Laporan bulanan disampaikan kepada Camat",
    "Data pemohon dicatat dalam aplikasi",
)
SIGNATORY: Final = "CAMAT RANUYOSO\nIKO SAWARISDIYANTO, S.Sos, MM\nNIP. 19640706 198603 1 027"
TIMES: Final = ("5 Menit", "10 Menit", "15 Menit", "30 Menit", "1 Jam", "2 Jam", "1 Hari")


def _items(rng: random.Random, pool: tuple[str, ...], low: int, high: int, *, style: str) -> str:
    chosen = rng.sample(pool, rng.randint(low, min(high, len(pool))))
    if style == "number":
        return "\n".join(f"{i}. {text};" for i, text in enumerate(chosen, start=1))
    if style == "letter":
        return "\n".join(f"{chr(97 + i)}. {text};" for i, text in enumerate(chosen))
    return "\n".join(f"- {text}" for text in chosen)


def _activity(rng: random.Random, *, question: bool) -> str:
    text = f"{rng.choice(VERBS)} {rng.choice(OBJECTS)}"
    length = rng.random()
    if length > 0.55:
        text += f" {rng.choice(DETAILS)}"
    if length > 0.85:
        text = f"- {text};\n- {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(DETAILS)}."
    return f"{text}?" if question else text


def example_sop(
    rng: random.Random, number: int, *, shape: tuple[int, int] | None = None
) -> ExampleSop:
    """One SOP: 8-20 steps, 3-7 actors (``shape``: exactly so many steps and actors), 0-3
    decisions with forward and backward targets."""
    steps_count, actor_count = shape or (rng.randint(8, 20), rng.randint(3, 7))
    actors = tuple(rng.sample(ACTORS, actor_count))
    count = steps_count
    deciders = sorted(rng.sample(range(2, count - 1), rng.randint(0, 3)))
    steps = []
    for index in range(1, count + 1):
        lane = rng.randrange(len(actors))
        lanes: tuple[int, ...] = (lane,)
        if lane + 1 < len(actors) and rng.random() < 0.15:
            lanes = (lane, lane + 1)  # a step done together by two neighbouring actors
        decision = index in deciders
        flow: dict[str, object] = {}
        if decision:
            back = rng.random() < 0.6
            target = rng.randint(max(1, index - 3), index - 1) if back else None
            if target is None:
                ahead = index + 2
                target = ahead if ahead <= count else index - 1
            flow["TIDAK"] = target
        steps.append(
            StepRow(
                kegiatan=_activity(rng, question=decision),
                actors=lanes[:1] if decision else lanes,
                kelengkapan=_items(rng, OBJECTS, 1, 3, style="dash"),
                waktu=rng.choice(TIMES),
                output=rng.choice(OBJECTS).capitalize(),
                mark="?" if decision else rng.choice(("x", "v", "✓")),
                flow=flow,
            )
        )
    made = date(2019, 1, 2) + timedelta(days=rng.randrange(6 * 365))
    revised = made + timedelta(days=rng.randrange(30, 700)) if rng.random() < 0.3 else None
    return ExampleSop(
        header=("PEMERINTAH KABUPATEN LUMAJANG", "KECAMATAN RANUYOSO"),
        nomor=f"KEC/RNY/{400 + number % 100}.{number:04d}/{made.year}",
        pembuatan=made,
        revisi=revised,
        efektif=revised or made,
        disahkan=SIGNATORY,
        nama=f"SOP {rng.choice(OBJECTS).upper()} NOMOR {number}",
        sections=(
            (
                _items(rng, LAWS, 2, 8, style="number"),
                _items(rng, SKILLS, 2, 6, style="letter"),
            ),
            (
                # No related SOP: "-", as a careful office writes it (an empty cell warns).
                _items(rng, tuple(f"SOP {o.title()}" for o in OBJECTS), 0, 3, style="dash") or "-",
                _items(rng, EQUIPMENT, 3, 8, style="letter"),
            ),
            (
                "Apabila prosedur ini tidak dilaksanakan maka pelayanan terhambat dan "
                f"{rng.choice(OBJECTS)} tidak dapat diterbitkan tepat waktu.",
                _items(rng, RECORDS, 1, 4, style="letter"),
            ),
        ),
        actors=actors,
        steps=tuple(steps),
    )


def workbook_data(*, sops: int, seed: int = 2026, shape: tuple[int, int] | None = None) -> bytes:
    """The .xlsx bytes of ``sops`` SOPs, one sheet each; the same bytes for the same arguments.
    ``shape``: every SOP has exactly these (steps, actors)."""
    rng = random.Random(f"{seed}:{sops}" if shape is None else f"{seed}:{sops}:{shape}")
    workbook = new_workbook()
    add_instansi(workbook, CONTOH_INSTANSI)
    for number in range(1, sops + 1):
        example = example_sop(rng, number, shape=shape)
        sheet = workbook.create_sheet(f"SOP {number}")
        write_sop_block(sheet, example, actors=example.actors)
        format_grid(sheet, actors=len(example.actors))
    return workbook_bytes(workbook)


def generate(
    path: Path, *, sops: int, seed: int = 2026, shape: tuple[int, int] | None = None
) -> Path:
    """Write the workbook to ``path`` (reused when a file for the same arguments is there)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.is_file():
        temp = path.with_suffix(".tmp")
        temp.write_bytes(workbook_data(sops=sops, seed=seed, shape=shape))
        temp.replace(path)
    return path


def cached_path(
    folder: Path, *, sops: int, seed: int = 2026, shape: tuple[int, int] | None = None
) -> Path:
    shaped = "" if shape is None else f"-{shape[0]}steps-{shape[1]}actors"
    return folder / f"sop-{sops}{shaped}-seed{seed}-v{GENERATOR_VERSION}.xlsx"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("output", type=Path)
    parser.add_argument("--sops", type=int, default=10)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    args.output.unlink(missing_ok=True)
    generate(args.output, sops=args.sops, seed=args.seed)
    print(args.output)


if __name__ == "__main__":
    main()
