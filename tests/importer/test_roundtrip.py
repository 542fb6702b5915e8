"""Importing a DOCX that sopdoc built gives back a workbook from which sopdoc builds the same
pages: byte for byte the same PDF, on the whole corpus (the example, the stress corpus, the
fidelity corpus of 1 to 8 actors on every paper) and from a Buku SOP."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from factories import CONTOH, big_sop
from stress import stress_corpus

from sopdoc.backends.docx.book import render_book_docx
from sopdoc.backends.docx.document import render_docx
from sopdoc.backends.pdf.book import render_book_pdf
from sopdoc.backends.pdf.document import render_pdf
from sopdoc.drawing.document import prepare
from sopdoc.importer.document import import_document
from sopdoc.model import Paper, Sop
from sopdoc.publish.documents import flow_pictures
from sopdoc.workbook import read_workbook
from sopdoc.workbook.form import write_imported


def _as_read(sop: Sop) -> Sop:
    """The SOP as the workbook reader would give it: a lone "-" in KELENGKAPAN or OUTPUT
    is read as nothing (the stress corpus is made without the reader)."""
    steps = tuple(
        replace(
            step,
            kelengkapan=tuple(i for i in step.kelengkapan if i != "-"),
            output=tuple(i for i in step.output if i != "-"),
        )
        for step in sop.steps
    )
    return replace(sop, steps=steps)


def corpus() -> dict[str, Sop]:
    cases = {f"contoh-{i + 1}": sop for i, sop in enumerate(read_workbook(CONTOH).sops)}
    cases |= {name: _as_read(sop) for name, sop in stress_corpus().items()}
    for steps, actors, paper in ((5, 1, Paper.A4), (12, 2, Paper.LETTER), (25, 8, Paper.F4)):
        cases[f"{steps}x{actors}-{paper.label}"] = big_sop(
            steps=steps, actors=actors, seed=steps, paper=paper
        )
    return cases


CASES = corpus()


def _reimported(path: Path, folder: Path) -> list[Sop]:
    parts = import_document(path)
    workbook = folder / f"{path.stem}.xlsx"
    write_imported(workbook, parts[0].instansi, [(f"SOP {i}", p.sop) for i, p in enumerate(parts)])
    return list(read_workbook(workbook).sops)


@pytest.mark.parametrize("name", CASES)
def test_the_imported_workbook_builds_the_same_pages(name: str, tmp_path: Path) -> None:
    sop = CASES[name]
    document = prepare(sop)
    path = tmp_path / "sop.docx"
    path.write_bytes(render_docx(document))
    (back,) = _reimported(path, tmp_path)
    assert render_pdf(prepare(back)) == render_pdf(document)


def test_a_locked_picture_flowchart_keeps_the_text_and_asks_for_the_flow(tmp_path: Path) -> None:
    sop = read_workbook(CONTOH).sops[0]
    document = prepare(sop)
    path = tmp_path / "terkunci.docx"
    path.write_bytes(render_docx(document, pictures=flow_pictures(document)))
    (part,) = import_document(path)
    assert part.sop.nomor == sop.identity.nomor
    assert [s.kegiatan.split("\n") for s in part.sop.steps] == [list(s.kegiatan) for s in sop.steps]
    assert any(g.kind == "flowchart" for g in part.gaps)
    assert {g.step for g in part.gaps if g.key == "actors"} == {s.number for s in sop.steps}


def test_a_buku_sop_gives_back_each_of_its_sops(tmp_path: Path) -> None:
    sops = read_workbook(CONTOH).sops
    documents = [prepare(sop) for sop in sops]
    _, starts = render_book_pdf(documents, year=2020)
    path = tmp_path / "buku.docx"
    path.write_bytes(render_book_docx(documents, year=2020, starts=starts))
    back = _reimported(path, tmp_path)
    assert len(back) == len(sops)
    for original, again in zip(documents, back, strict=True):
        assert render_pdf(prepare(again)) == render_pdf(original)
