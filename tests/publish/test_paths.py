"""Output names are safe file names that stay inside the output folder."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path, PurePath

import pytest
from factories import make_sop, make_step
from hypothesis import given
from hypothesis import strategies as st

from sopdoc.model import Workbook
from sopdoc.publish.paths import (
    MAX_STEM_BYTES,
    page_names,
    safe_stem,
    sop_stems,
    unique_stems,
    workbook_stem,
)


@pytest.mark.parametrize(
    ("text", "stem"),
    [
        ("KEC/STDR-KIN/427.110/2020", "KEC-STDR-KIN-427.110-2020"),
        ("KEC/TT-LA/ 427.110/2020", "KEC-TT-LA-427.110-2020"),
        ("070/ /35.07.25/2017", "070-35.07.25-2017"),
        ("../../etc/x", "etc-x"),
        ("..\\..\\windows\\system32", "windows-system32"),
        ("CON", "CON_"),
        ("con.txt", "con.txt_"),
        ("LPT1", "LPT1_"),
        ("a:b*c?d", "a-b-c-d"),
        ("   ", "sop"),
        ("...", "sop"),
        ("Ranuyoso (keputusan)", "Ranuyoso (keputusan)"),
        ("SOP Pelayanan ✓ 日本", "SOP Pelayanan ✓ 日本"),
        # Windows drops trailing dots and spaces, and refuses device names with any suffix.
        ("SOP Desa. . ", "SOP Desa"),
        ("nul", "nul_"),
        ("Com9.pdf", "Com9.pdf_"),
        ("AUX ", "AUX_"),
        ('a<b>c"d|e', "a-b-c-d-e"),
        ("${nomor}", "${nomor}"),
    ],
)
def test_safe_stem(text: str, stem: str) -> None:
    assert safe_stem(text) == stem


@given(st.text())
def test_safe_stem_always_stays_in_its_folder(text: str) -> None:
    stem = safe_stem(text)
    assert stem
    assert "/" not in stem
    assert "\\" not in stem
    assert stem not in {".", ".."}
    assert len(stem.encode("utf-8")) <= MAX_STEM_BYTES + 1
    folder = Path("/tmp/keluaran")
    assert (folder / f"{stem}.pdf").resolve().parent == folder


def test_unique_stems_ignore_case() -> None:
    assert unique_stems(["a", "A", "b", "a"]) == ["a", "A-2", "b", "a-3"]


def test_sop_stems_are_unique_over_the_whole_workbook() -> None:
    step = make_step(1, [0], count=1)
    first = make_sop([step], nomor="KEC/1", sheet="A")
    second = make_sop([step], nomor="kec 1", sheet="B")
    workbook = Workbook(PurePath("Buku kerja: 2020.xlsx"), first.agency, (first, second))
    stems = sop_stems(workbook)
    assert [stems[first.key], stems[second.key]] == ["KEC-1", "kec 1"]
    clash = make_sop([step], nomor="KEC/1", sheet="B")
    both = replace(workbook, sops=(first, clash))
    assert sop_stems(both)[clash.key] == "KEC-1-2"
    assert workbook_stem(workbook.path) == "Buku kerja-2020"
    assert page_names("x", 1, "png") == ["x.png"]
    assert page_names("x", 2, "svg") == ["x-1.svg", "x-2.svg"]


def test_a_long_nama_is_cut_to_a_path_windows_can_open() -> None:
    stem = safe_stem("SOP " + "PELAYANAN PERIZINAN BERUSAHA " * 20)
    assert len(stem.encode("utf-8")) <= MAX_STEM_BYTES
    assert not stem.endswith((" ", "."))
