"""Flowcharts a careful drafter would sign, measured on the stress corpus: the scene's own
invariants per page, and the shared black-box reader (flow_quality.py) over the PDFs."""

from __future__ import annotations

import importlib.util
from collections import Counter
from collections.abc import Iterable
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
from sopdoc.backends.pdf.slides import render_slides_pdf
from sopdoc.drawing.document import diagram, prepare
from sopdoc.model import Sop

TOOL = Path(__file__).resolve().parents[3] / "shared" / "tools" / "flow_quality.py"
#: Every defect flow_quality counts (all but crossings, which are only held from growing).
COUNTS = (
    "shared",
    "ongrid",
    "label",
    "labelgrid",
    "labellabel",
    "through",
    "close",
    "ambig",
    "graze",
    "headcross",
    "textout",
)
#: Crossings on the stress corpus when issue 27 was resolved (38 on its pages and 44 on its
#: slides before): a change may lower them, never raise them.
CROSSINGS_PAGES = 26
CROSSINGS_SLIDES = 5
#: flow_quality's least distance between parallel arrows on slides (``--close 6``).
SLIDE_CLOSE = 6.0


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


def _page_counts(tool: ModuleType, sops: Iterable[Sop]) -> Counter[str]:
    """flow_quality's counts over the procedure pages of ``sops``' PDFs, and their arrows."""
    total: Counter[str] = Counter()
    for sop in sops:
        with pymupdf.open(stream=render_pdf(prepare(sop)), filetype="pdf") as pdf:
            for page in pdf:
                if "MUTU BAKU" in page.get_text():
                    defects: dict[str, Any] = tool.page_defects(page)
                    total.update({k: int(defects[k]) for k in (*COUNTS, "cross", "arrows")})
    return total


def _slide_counts(tool: ModuleType, sops: Iterable[Sop]) -> Counter[str]:
    """flow_quality's counts over every slide of ``sops``' decks (``--close 6``)."""
    setattr(tool, "CLOSE", SLIDE_CLOSE)  # noqa: B010 (a module read from a path)
    total: Counter[str] = Counter()
    for sop in sops:
        with pymupdf.open(stream=render_slides_pdf(diagram(sop)), filetype="pdf") as pdf:
            for page in pdf:
                defects: dict[str, Any] = tool.page_defects(page)
                total.update({k: int(defects[k]) for k in (*COUNTS, "cross", "arrows")})
    return total


@pytest.mark.skipif(not TOOL.exists(), reason="flow_quality.py is not beside the worktree")
def test_flow_quality_counts_no_defect_on_the_corpus_pages() -> None:
    total = _page_counts(_tool(), stress_corpus().values())
    assert total["arrows"] > 400  # the corpus really is read: its arrows are found
    assert {k: total[k] for k in COUNTS} == dict.fromkeys(COUNTS, 0)
    assert total["cross"] <= CROSSINGS_PAGES


@pytest.mark.skipif(not TOOL.exists(), reason="flow_quality.py is not beside the worktree")
def test_flow_quality_counts_no_defect_on_the_corpus_slides() -> None:
    total = _slide_counts(_tool(), stress_corpus().values())
    assert total["arrows"] > 500
    assert {k: total[k] for k in COUNTS} == dict.fromkeys(COUNTS, 0)
    assert total["cross"] <= CROSSINGS_SLIDES


@pytest.mark.skipif(not TOOL.exists(), reason="flow_quality.py is not beside the worktree")
@settings(max_examples=30, deadline=None, derandomize=True)
@given(st.integers(1000, 1_000_000))
def test_flow_quality_counts_no_defect_on_generated_sops(seed: int) -> None:
    """Random SOPs, pages and slides: every defect flow_quality counts is 0 (derandomized,
    so a run is repeatable). Measured by hand on 1,150 seeds when issue 27 was resolved:
    every page held, and every slide but one (two decisions as wide as the slide, their
    Tidak loops sharing its edge: two labels each as near the other's arrow)."""
    sop = generated(seed)
    for total in (_page_counts(_tool(), [sop]), _slide_counts(_tool(), [sop])):
        assert {k: total[k] for k in COUNTS} == dict.fromkeys(COUNTS, 0), seed


def test_the_examples_ya_and_tidak_never_cross(contoh: Path) -> None:
    """The example SOPs' pages and slides: a Tidak to another slide once ran under its
    diamond, across the Ya arrow, to a connector on the Ya side. (Beyond the examples a
    Tidak that skips forward can still cross its Ya: 13 of the 30 stress SOPs, from 17.)"""
    from sopdoc.workbook import read_workbook

    for sop in read_workbook(contoh).sops:
        assert crossed_branches(prepare(sop).pages) == []
        assert crossed_branches(diagram(sop).pages) == []
