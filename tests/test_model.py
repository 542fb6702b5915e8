"""The model's own rules: why an SOP cannot be drawn, the unit it belongs to, its arrows."""

from __future__ import annotations

from dataclasses import replace
from pathlib import PurePath

from factories import make_sop, make_step, seed_sop

from sopdoc.model import Agency, Branch, CellRef, Edge, Problem, Severity, Workbook


def _workbook(*problems: Problem) -> Workbook:
    sop = make_sop([make_step(1, [0], count=1)])
    return Workbook(PurePath("x.xlsx"), sop.agency, (sop,), problems)


def test_first_error_prefers_the_sops_own_then_the_workbooks() -> None:
    general = Problem(Severity.ERROR, "buku kerja rusak", sheet="SOP")
    warning = Problem(Severity.WARNING, "hanya peringatan", sop=CellRef("SOP", 3, 1))
    own = Problem(Severity.ERROR, "NOMOR SOP kosong", sop=CellRef("SOP", 3, 1))
    workbook = _workbook(general, warning, own)
    sop = workbook.sops[0]
    assert workbook.first_error(sop) == own
    assert not workbook.is_drawable(sop)
    assert _workbook(warning, general).first_error(sop) == general
    assert _workbook(warning).first_error(sop) is None
    assert _workbook(warning).is_drawable(sop)


def test_unit_is_the_last_kop_line_else_the_instansi_unit() -> None:
    sop = make_sop([make_step(1, [0], count=1)])
    assert sop.unit == "KECAMATAN RANUYOSO"
    own = replace(sop, header=("PEMERINTAH KABUPATEN LUMAJANG", "KELURAHAN DITOTRUNAN"))
    assert own.unit == "KELURAHAN DITOTRUNAN"
    assert replace(sop, header=(), agency=Agency(unit="KECAMATAN X")).unit == "KECAMATAN X"
    assert Agency(pemerintah="PEMERINTAH KOTA", unit="").kop == ("PEMERINTAH KOTA",)


def test_edges_name_their_branch_yes_before_no() -> None:
    decisions = [e for e in seed_sop().edges() if e.branch is not Branch.NEXT]
    assert decisions
    assert [e.branch for e in decisions[:2]] == [Branch.YES, Branch.NO]
    assert Edge(1, 2).branch is Branch.NEXT
