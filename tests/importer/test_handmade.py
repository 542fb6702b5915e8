"""Hand-made SOP documents, as offices type them in Word, imported into the form: identity
tables of two or three columns, sections with typed or Word numbering, the procedure table
with its header (and a row of column numbers), split across pages, and a flowchart of
floating DrawingML or VML shapes anchored in the table, a picture, or marks typed in the
actor columns."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from handmade import DASAR, KUALIFIKASI, NAMA, NOMOR, Office, build

from sopdoc.importer.document import Gap, _revision, import_document
from sopdoc.model import StepKind
from sopdoc.workbook import read_workbook
from sopdoc.workbook.form import write_imported

OFFICES = {
    "shapes-2col": Office(),
    "shapes-3col-wordlist": Office(identity_columns=3, word_numbering=True),
    "shapes-split": Office(split_table=True, column_numbers=False),
    "vml": Office(flowchart="vml"),
    "beside-no-page-break": Office(flowchart="beside", page_break=False),
    "marks": Office(flowchart="marks"),
}


def _imported(office: Office, folder: Path) -> tuple[object, object]:
    path = folder / "sop.docx"
    build(office, path)
    (imported,) = import_document(path)
    workbook = folder / "buku.xlsx"
    write_imported(workbook, imported.instansi, [("SOP", imported.sop)])
    return imported, read_workbook(workbook)


@pytest.mark.parametrize("name", OFFICES)
def test_a_hand_made_document_becomes_a_valid_sop(name: str, tmp_path: Path) -> None:
    office = OFFICES[name]
    imported, workbook = _imported(office, tmp_path)
    errors = [p for p in workbook.problems if p.severity.name == "ERROR"]  # type: ignore[attr-defined]
    if name == "marks":  # the TIDAK of the decision, which the report asks the clerk for
        assert [p.cell.column for p in errors] == [13], errors
    else:
        assert errors == [], errors
    (sop,) = workbook.sops  # type: ignore[attr-defined]
    assert sop.identity.nomor == NOMOR
    assert sop.identity.nama == NAMA
    assert sop.identity.tanggal_pembuatan == date(2023, 1, 2)
    assert sop.identity.tanggal_efektif == date(2023, 1, 9)
    assert sop.identity.tanggal_revisi is None
    assert sop.identity.disahkan.jabatan == "CAMAT SUKAMAJU"
    assert sop.identity.disahkan.nama == "BUDI SANTOSO, S.STP"
    assert sop.identity.disahkan.nip.endswith("19800101 200501 1 001")
    assert sop.header == ("PEMERINTAH KABUPATEN CONTOH", "KECAMATAN SUKAMAJU")
    assert sop.agency.alamat == "Jl. Merdeka No. 1, Sukamaju"
    # Typed "1." and Word's numbering both come back as the numbers the reader sees.
    assert sop.sections.dasar_hukum.items == tuple(f"{i}. {t}" for i, t in enumerate(DASAR, 1))
    assert sop.sections.kualifikasi.items == tuple(
        f"{i}. {t}" for i, t in enumerate(KUALIFIKASI, 1)
    )
    assert sop.sections.peralatan.items == ("Komputer, printer, ATK",)
    assert [a.name for a in sop.actors] == list(office.actors)
    assert len(sop.steps) == len(office.steps)
    for step, typed in zip(sop.steps, office.steps, strict=True):
        assert " ".join(step.kegiatan) == typed.kegiatan
        assert step.actors == (typed.lane,), step.number
        assert step.waktu == typed.waktu
        assert step.is_decision == typed.decision
        if typed.decision and name != "marks":
            assert (step.yes, step.no) == (typed.yes, typed.no), step.number
    if name != "marks":
        assert imported.gaps == []  # type: ignore[attr-defined]


def test_marks_give_actors_and_decisions_but_the_no_branch_is_asked_for(tmp_path: Path) -> None:
    imported, workbook = _imported(Office(flowchart="marks"), tmp_path)
    decision = next(s for s in workbook.sops[0].steps if s.kind is StepKind.DECISION)  # type: ignore[attr-defined]
    assert Gap("step", "flow", decision.number) in imported.gaps  # type: ignore[attr-defined]


def test_a_picture_flowchart_leaves_the_actors_to_the_clerk(tmp_path: Path) -> None:
    imported, _ = _imported(Office(flowchart="picture"), tmp_path)
    gaps = imported.gaps  # type: ignore[attr-defined]
    assert Gap("flowchart", "picture") in gaps
    assert {g.step for g in gaps if g.key == "actors"} == set(range(1, 6))
    assert all(step.actors == () for step in imported.sop.steps)  # type: ignore[attr-defined]


def test_the_revision_number_joins_tgl_revisi_as_sopdoc_prints_it() -> None:
    """A REVISI KE row's number is written with TGL. REVISI (``(Revisi 01)``), which the
    workbook reads back; a number it cannot read is left out rather than stopping the
    document."""
    assert _revision("22 Juli 2019", "1") == "22 Juli 2019 (Revisi 01)"
    assert _revision("22 Juli 2019", "ke") == date(2019, 7, 22)
    assert _revision("", "2") is None
