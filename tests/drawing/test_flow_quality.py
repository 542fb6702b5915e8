"""Flowcharts a careful drafter would sign, measured on the stress corpus: the scene's own
invariants per page, and the shared black-box reader (flow_quality.py) over the PDFs."""

from __future__ import annotations

import importlib.util
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

import pymupdf
import pytest
from flow_checks import all_violations, crossed_branches
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from stress import generated, stress_corpus

from sopdoc.backends.pdf.document import render_pdf
from sopdoc.drawing.document import diagram, prepare

TOOL = Path(__file__).resolve().parents[3] / "shared" / "tools" / "flow_quality.py"
COUNTS = (
    "shared",
    "ongrid",
    "label",
    "labelgrid",
    "labellabel",
    "through",
    "close",
    "graze",
    "textout",
)


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("flow_quality", TOOL)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("name", sorted(stress_corpus()))
def test_stress_pages_keep_every_invariant(name: str) -> None:
    document = prepare(stress_corpus()[name])
    assert all_violations(document.layout, document.pages) == []


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(1000, 100_000))
def test_generated_pages_keep_every_invariant(seed: int) -> None:
    document = prepare(generated(seed))
    assert all_violations(document.layout, document.pages) == []


@pytest.mark.skipif(not TOOL.exists(), reason="flow_quality.py is not beside the worktree")
def test_flow_quality_counts_no_defect_on_the_corpus() -> None:
    tool = _tool()
    total: Counter[str] = Counter()
    arrows = 0
    for sop in stress_corpus().values():
        with pymupdf.open(stream=render_pdf(prepare(sop)), filetype="pdf") as pdf:
            for page in pdf:
                if "MUTU BAKU" not in page.get_text():
                    continue
                defects: dict[str, Any] = tool.page_defects(page)
                total.update({k: int(defects[k]) for k in COUNTS})
                arrows += int(defects["arrows"])
    assert arrows > 400  # the corpus really is read: its arrows are found
    assert {k: total[k] for k in COUNTS} == dict.fromkeys(COUNTS, 0)


def test_the_examples_ya_and_tidak_never_cross(contoh: Path) -> None:
    """The example SOPs' pages and slides: a Tidak to another slide once ran under its
    diamond, across the Ya arrow, to a connector on the Ya side. (Beyond the examples a
    Tidak that skips forward can still cross its Ya: 13 of the 30 stress SOPs, from 17.)"""
    from sopdoc.workbook import read_workbook

    for sop in read_workbook(contoh).sops:
        assert crossed_branches(prepare(sop).pages) == []
        assert crossed_branches(diagram(sop).pages) == []
