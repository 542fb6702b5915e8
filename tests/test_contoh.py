"""The example workbook input/contoh.xlsx: the seed SOPs, exactly as the issue requires."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import openpyxl
from workbooks import make_contoh_script

from sopdoc.model import StepKind, Symbol
from sopdoc.workbook import read_workbook


def check_json(path: Path) -> tuple[int, dict[str, Any]]:
    result = subprocess.run(
        [sys.executable, "-m", "sopdoc", "check", "--json", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    return result.returncode, json.loads(result.stdout)


def test_check_reports_three_sops_and_the_seed_nip_mismatch(contoh: Path) -> None:
    code, data = check_json(contoh)
    assert code == 0
    assert data["summary"] == {"sops": 3, "drawable": 3, "errors": 0, "warnings": 1}
    (problem,) = data["problems"]
    assert problem["severity"] == "warning"
    assert problem["cell"] == "Ranuyoso!B58"
    assert "19640705" in problem["message"]
    assert "19640706" in problem["message"]


def test_seed_sop_contents(contoh: Path) -> None:
    sheets = openpyxl.load_workbook(contoh, read_only=True).sheetnames
    assert sheets == ["Instansi", "Ranuyoso", "Ranuyoso (keputusan)"]
    wb = read_workbook(contoh)
    first, second, third = wb.sops
    s = first.sections
    assert (len(s.dasar_hukum), len(s.kualifikasi), len(s.peralatan), len(s.pencatatan)) == (
        6,
        6,
        7,
        2,
    )
    assert len(first.steps) == 8
    assert [a.name for a in first.actors] == ["Kasubag", "Camat", "Tim SPM", "Pengelola"]
    sig = first.identity.disahkan
    assert sig is not None
    assert (sig.jabatan, sig.nama, sig.nip) == (
        "CAMAT RANUYOSO",
        "IKO SAWARISDIYANTO, S.Sos, MM",
        "NIP. 19640706 198603 1 027",
    )
    assert first.header == ("PEMERINTAH KABUPATEN LUMAJANG", "KECAMATAN RANUYOSO")
    assert len(second.sections.dasar_hukum) == 5
    assert len(second.steps[0].kegiatan) == 2
    assert second.identity.nomor == "KEC/TT-LA/ 427.110/2020"
    decision = third.steps[4]
    assert third.sheet == "Ranuyoso (keputusan)"
    assert decision.kind is StepKind.DECISION
    assert (decision.yes, decision.no) == (6, 3)
    assert third.symbol(decision) is Symbol.DECISION


def test_seed_grid_without_marks_is_rejected_step_by_step(tmp_path: Path) -> None:
    module = make_contoh_script()
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Ranuyoso"
    for row, values in enumerate(module.SEED_ROWS, start=1):
        for column, value in enumerate(values, start=1):
            if value != "":
                sheet.cell(row=row, column=column, value=value)
    path = tmp_path / "seed.xlsx"
    book.save(path)
    code, data = check_json(path)
    assert code == 1
    errors = [p for p in data["problems"] if p["severity"] == "error"]
    expected = [f"Ranuyoso!C{r}" for r in [*range(40, 48), *range(70, 78)]]
    assert [p["cell"] for p in errors] == expected
    assert all("kolom pelaksana C–F" in p["message"] for p in errors)
    assert "baris 40" in errors[0]["message"]
