"""A seeded stress corpus of SOP flowcharts: approval chains, nested and page-crossing loops,
forward skips, two-lane steps, decisions first and last, 2-8 actors, 5-30 steps, every paper."""

from __future__ import annotations

import functools
import random
from collections.abc import Mapping

from factories import make_sop, make_step

from sopdoc.model import Paper, Sop, Step, Target

ACTORS = (
    "Pelaksana",
    "Kasi",
    "Sekcam",
    "Camat",
    "Kasubag Umum",
    "Tim Teknis",
    "Bendahara",
    "Operator",
)
PAPERS = (Paper.F4, Paper.A4, Paper.LETTER)

SHORT = ("Memeriksa berkas", "Paraf", "Mengirim surat", "Mencatat agenda")
LONG = (
    "Meneliti kelengkapan dan keabsahan berkas permohonan beserta lampiran pendukungnya",
    "Menyusun konsep surat jawaban dan menyampaikannya kepada atasan langsung untuk dikoreksi",
    "- Menerima berkas;",
    "- Mengagendakan surat masuk dalam buku agenda;",
    "- Meneruskan kepada pejabat yang berwenang sesuai disposisi.",
)
QUESTIONS = (
    "Setuju?",
    "Berkas lengkap?",
    "Memeriksa konsep dan memberi paraf persetujuan apabila sudah benar?",
    "Verifikasi data sesuai dengan ketentuan yang berlaku?",
)


def _kegiatan(rng: random.Random, number: int, *, decision: bool) -> tuple[str, ...]:
    if decision:
        return (rng.choice(QUESTIONS),)
    if rng.random() < 0.4:
        return (f"{rng.choice(SHORT)} {number}",)
    return tuple(rng.sample(LONG, rng.randint(1, 3)))


def generated(seed: int) -> Sop:
    """One random SOP: its shape drawn from ``seed`` (the same seed, the same SOP)."""
    rng = random.Random(seed)
    actors = rng.randint(2, 8)
    count = rng.randint(5, 30)
    decisions: dict[int, tuple[Target, Target]] = {}
    candidates = list(range(1, count + 1))
    rng.shuffle(candidates)
    for number in candidates[: rng.randint(0, min(8, count // 2))]:
        if number == count:
            decisions[number] = (None, rng.randint(1, count - 1))
            continue
        kind = rng.random()
        if kind < 0.45 and number > 1:  # back: a rejection returns
            no: Target = rng.randint(max(1, number - 12), number - 1)
        elif kind < 0.75 and number + 2 <= count:  # forward skip
            no = rng.randint(number + 2, min(count, number + 12))
        else:  # ends
            no = None
        decisions[number] = (number + 1, no)
    steps = []
    for number in range(1, count + 1):
        first = rng.randrange(actors)
        width = 2 if rng.random() < 0.15 and first + 1 < actors else 1
        decision = decisions.get(number)
        steps.append(
            make_step(
                number,
                tuple(range(first, first + width)),
                count=count,
                kegiatan=_kegiatan(rng, number, decision=decision is not None),
                decision=decision,
                kelengkapan=("Berkas permohonan", "Formulir") if rng.random() < 0.5 else ("-",),
            )
        )
    return make_sop(
        steps,
        actors=ACTORS[:actors],
        nomor=f"STRESS/{seed}",
        nama=f"SOP UJI {seed}",
        paper=PAPERS[seed % 3],
    )


def approval_chain(
    *, levels: int = 3, paper: Paper = Paper.F4, before: int = 2, to_previous: bool = False
) -> Sop:
    """Pelaksana drafts; Kasi, Sekcam and Camat each approve or send back ("Tidak" returns
    to the draft, or with ``to_previous`` to the level below); then the letter is sent."""
    steps: list[Step] = []
    count = before + levels + 2
    draft = before
    for number in range(1, count + 1):
        level = number - before
        if 1 <= level <= levels:
            steps.append(
                make_step(
                    number,
                    (level,),
                    count=count,
                    kegiatan=(f"Memeriksa dan memaraf konsep surat (tingkat {level})?",),
                    decision=(number + 1, number - 1 if to_previous else draft),
                )
            )
        else:
            steps.append(
                make_step(
                    number,
                    (0,),
                    count=count,
                    kegiatan=("Menyusun konsep surat jawaban",)
                    if number == draft
                    else (f"Mengagendakan dan mengirim surat {number}",),
                )
            )
    return make_sop(
        steps,
        actors=ACTORS[: levels + 1],
        nomor="STRESS/CHAIN",
        nama="SOP PERSETUJUAN",
        paper=paper,
    )


def decision_edges(*, paper: Paper = Paper.A4) -> Sop:
    """A decision as step 1 and as the last step, with Tidak -> selesai in between."""
    count = 8
    decisions: dict[int, tuple[Target, Target]] = {1: (2, 4), 5: (6, None), 8: (None, 3)}
    steps = [
        make_step(
            n,
            ((n - 1) % 3,) if n != 6 else (1, 2),
            count=count,
            kegiatan=("Berkas lengkap dan sesuai?",) if n in decisions else None,
            decision=decisions.get(n),
        )
        for n in range(1, count + 1)
    ]
    return make_sop(steps, actors=ACTORS[:3], nomor="STRESS/EDGES", paper=paper)


def nested_loops(*, paper: Paper = Paper.LETTER, steps: int = 26) -> Sop:
    """Loops nested and overlapping, some long enough to cross pages."""
    decisions: dict[int, tuple[Target, Target]] = {
        4: (5, 3),
        6: (7, 2),
        9: (10, 1),
        12: (13, 8),
        15: (16, 11),
        20: (21, 5),
        24: (25, 18),
    }
    long = LONG[:2]
    built = [
        make_step(
            n,
            (n % 4,),
            count=steps,
            kegiatan=QUESTIONS[n % 4 : n % 4 + 1] if n in decisions else long,
            decision=decisions.get(n) if n < steps else None,
        )
        for n in range(1, steps + 1)
    ]
    return make_sop(built, actors=ACTORS[:4], nomor="STRESS/NESTED", paper=paper)


@functools.cache
def stress_corpus() -> Mapping[str, Sop]:
    """The corpus, by name: hand-shaped cases and seeded random ones."""
    cases: dict[str, Sop] = {
        "chain-3-F4": approval_chain(),
        "chain-3-A4": approval_chain(paper=Paper.A4, before=1),
        "chain-5-LETTER": approval_chain(levels=5, paper=Paper.LETTER),
        "chain-7-F4": approval_chain(levels=7, before=3),
        "chain-3-back-F4": approval_chain(to_previous=True),
        "chain-6-back-A4": approval_chain(levels=6, paper=Paper.A4, to_previous=True),
        "edges-A4": decision_edges(),
        "edges-F4": decision_edges(paper=Paper.F4),
        "nested-LETTER": nested_loops(),
        "nested-F4": nested_loops(paper=Paper.F4, steps=30),
    }
    for seed in range(20):
        cases[f"random-{seed}"] = generated(seed)
    return cases
