"""Model objects built directly in code, for layout, flowchart and renderer tests."""

from __future__ import annotations

import functools
import random
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path

from sopdoc.model import (
    Actor,
    Agency,
    CellRef,
    Identity,
    Paper,
    Section,
    Sections,
    Signatory,
    Sop,
    Step,
    StepKind,
    Target,
)
from sopdoc.workbook import read_workbook

#: The example workbook in the repository (tests read it through the ``contoh`` fixture).
CONTOH = Path(__file__).resolve().parent.parent / "input" / "contoh.xlsx"

SEED_ACTORS = ("Kasubag", "Camat", "Tim SPM", "Pengelola")
SIGNATORY = Signatory(
    jabatan="CAMAT RANUYOSO",
    nama="IKO SAWARISDIYANTO, S.Sos, MM",
    nip="NIP. 19640706 198603 1 027",
)


def make_step(
    number: int,
    lanes: Sequence[int],
    *,
    count: int,
    kegiatan: Sequence[str] | None = None,
    decision: tuple[Target, Target] | None = None,
    next_: Target | int | str = "default",
    kelengkapan: Sequence[str] = ("Data SPM",),
    waktu: str = "1 Jam",
    output: Sequence[str] = ("Surat",),
    keterangan: str = "",
) -> Step:
    """A step with resolved flow: the next step by default, selesai after the last."""
    default: Target = number + 1 if number < count else None
    nxt: Target = default if next_ == "default" else next_  # type: ignore[assignment]
    yes, no = decision if decision is not None else (None, None)
    return Step(
        number=number,
        kegiatan=tuple(kegiatan or (f"Kegiatan langkah {number}",)),
        actors=tuple(lanes),
        kind=StepKind.DECISION if decision is not None else StepKind.ACTIVITY,
        kelengkapan=tuple(kelengkapan),
        waktu=waktu,
        output=tuple(output),
        keterangan=keterangan,
        next=yes if decision is not None else nxt,
        yes=yes,
        no=no,
        row=20 + number,
        cells={"no": CellRef("SOP", 20 + number, 1), "kegiatan": CellRef("SOP", 20 + number, 2)},
    )


def make_sop(
    steps: Sequence[Step],
    *,
    actors: Sequence[str] = SEED_ACTORS,
    nomor: str = "KEC/STDR-KIN/427.110/2020",
    nama: str = "STANDAR PELAYANAN MINIMAL (SPM)",
    paper: Paper = Paper.F4,
    sheet: str = "SOP",
) -> Sop:
    agency = Agency(
        pemerintah="PEMERINTAH KABUPATEN LUMAJANG",
        unit="KECAMATAN RANUYOSO",
        paper=paper,
        signatory=SIGNATORY,
    )
    identity = Identity(
        nomor=nomor,
        nama=nama,
        tanggal_pembuatan=date(2020, 1, 13),
        tanggal_revisi=None,
        tanggal_efektif=date(2020, 1, 13),
        disahkan=SIGNATORY,
    )
    sections = Sections(
        dasar_hukum=Section(("1. Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik;",)),
        kualifikasi=Section(("a. Mampu merumuskan bahan kebijakan;",)),
        keterkaitan=Section(("SOP IKM",)),
        peralatan=Section(("a. ATK", "b. Komputer")),
        peringatan=Section(("Apabila tidak sesuai prosedur maka terjadi standar ganda.",)),
        pencatatan=Section(("a. Dokumen disimpan",)),
    )
    return Sop(
        sheet=sheet,
        key=CellRef(sheet, 3, 1),
        header=("PEMERINTAH KABUPATEN LUMAJANG", "KECAMATAN RANUYOSO"),
        identity=identity,
        sections=sections,
        actors=tuple(Actor(name, CellRef(sheet, 19, 3 + i)) for i, name in enumerate(actors)),
        steps=tuple(steps),
        agency=agency,
    )


def seed_sop(*, paper: Paper = Paper.F4) -> Sop:
    """The first seed SOP with a decision: step 5 Camat, Ya -> 6, Tidak -> 3 (back)."""
    n = 8
    lanes: Mapping[int, Sequence[int]] = {
        1: (0,),
        2: (3,),
        3: (2, 3),
        4: (0,),
        5: (1,),
        6: (2,),
        7: (3,),
        8: (0,),
    }
    kegiatan: Mapping[int, Sequence[str]] = {
        1: (
            "- Mempelajari Dasar Hukum Lap.SPM;",
            "- Mempelajari SK Tim;",
            "- Menyusun langkah teknis kegiatan;",
            "- Menentukan jadwal rapat.",
        ),
        3: ("Melakukan rapat tim dan menentukan teknis pelaksanaan penyusunan SPM.",),
        5: ("Memeriksa dan menyetujui rencana sosialisasi?",),
        8: (
            "- Menyusun rancangan dokumen lap.SPM;",
            "- Perbaikan rancangan dokumen lap.SPM;",
            "- Finalisasi/Penyelesaian menyusun rancangan dokumen lap.SPM;",
            "- Diajukan untuk ditandatangani Bupati;",
            "- Dilaporkan ke Gubernur dan Kementrian.",
        ),
    }
    steps = [
        make_step(
            i,
            lanes[i],
            count=n,
            kegiatan=kegiatan.get(i),
            decision=(6, 3) if i == 5 else None,
        )
        for i in range(1, n + 1)
    ]
    return make_sop(steps, paper=paper)


def big_sop(*, steps: int = 40, actors: int = 15, seed: int = 7, paper: Paper = Paper.F4) -> Sop:
    """A generated SOP: many steps and lanes, decisions jumping forward and back."""
    rng = random.Random(seed)
    names = [f"Pelaksana {i + 1}" for i in range(actors)]
    decisions = {
        6: (7, 2),  # back, same page
        13: (14, 25),  # forward, across a page
        22: (23, 4),  # back, across pages
        30: (31, None),  # Tidak: selesai
        37: (38, 12),  # far back
    }
    built = []
    for i in range(1, steps + 1):
        first = rng.randrange(actors)
        width = 2 if rng.random() < 0.15 and first + 1 < actors else 1
        lines = rng.randint(1, 4)
        kegiatan = tuple(
            f"- Uraian kegiatan {i}.{k} " + "dengan teks yang cukup panjang " * rng.randint(0, 2)
            for k in range(1, lines + 1)
        )
        decision = decisions.get(i) if i in decisions and i < steps else None
        built.append(
            make_step(
                i,
                tuple(range(first, first + width)),
                count=steps,
                kegiatan=kegiatan,
                decision=decision,
            )
        )
    return make_sop(built, actors=names, nomor="BESAR/40/2026", nama="SOP BESAR", paper=paper)


@functools.cache
def layout_cases() -> Mapping[str, Sop]:
    """The SOPs of input/contoh.xlsx, the 40-step 15-actor SOP, and variations of paper/lanes:
    every layout and routing invariant runs on each (the ``layout_case`` fixture)."""
    cases = {f"contoh-{i + 1}": sop for i, sop in enumerate(read_workbook(CONTOH).sops)}
    cases["seed-decision"] = seed_sop()
    cases["big-40x15-F4"] = big_sop()
    cases["big-40x15-A4"] = big_sop(paper=Paper.A4)
    cases["25x1-A4"] = big_sop(steps=25, actors=1, seed=4, paper=Paper.A4)
    cases["25x2-LETTER"] = big_sop(steps=25, actors=2, seed=5, paper=Paper.LETTER)
    cases["30x7-LETTER"] = big_sop(steps=30, actors=7, seed=2, paper=Paper.LETTER)
    cases["60x12-F4"] = big_sop(steps=60, actors=12, seed=3)
    return cases


LAW = (
    "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Republik Indonesia "
    "Nomor 35 Tahun 2012 tentang Pedoman Penyusunan Standar Operasional Prosedur Administrasi "
    "Pemerintahan, sebagaimana telah diubah beberapa kali"
)


def dasar_hukum_sop(count: int, *, paper: Paper = Paper.F4) -> Sop:
    """A one-step SOP whose Dasar Hukum holds ``count`` long items (identity pages tests)."""
    sop = make_sop([make_step(1, (0,), count=1)], paper=paper)
    items = tuple(f"{i}. {LAW} ({i});" for i in range(1, count + 1))
    return replace(sop, sections=replace(sop.sections, dasar_hukum=Section(items)))


def flowing_sop() -> Sop:
    """A long Dasar Hukum beside a short Kualifikasi, a long Peralatan beside a short
    Keterkaitan: one page only when each column of the section pairs flows on its own."""
    sop = dasar_hukum_sop(9)
    tools = tuple(f"{c}. Alat kantor nomor {i}" for i, c in enumerate("abcdefghij"))
    sections = replace(sop.sections, peralatan=Section(tools), pencatatan=Section(("a. Arsip",)))
    return replace(sop, sections=sections)


def identity_cases() -> dict[str, Sop]:
    """Identity content from short to too long for one page, on each paper."""
    return {
        "short-F4": dasar_hukum_sop(1),
        "steps-down-A4": dasar_hukum_sop(8, paper=Paper.A4),
        "flowing-F4": flowing_sop(),
        "too-long-LETTER": dasar_hukum_sop(30, paper=Paper.LETTER),
        "too-long-F4": dasar_hukum_sop(45),
    }


def tiny_png(width: int = 8, height: int = 8) -> bytes:
    """A small real red PNG, written by hand (no imaging library needed)."""
    import struct
    import zlib

    raw = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )
