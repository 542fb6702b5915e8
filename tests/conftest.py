"""Shared fixtures: font metrics, and the SOPs every layout test runs on."""

from __future__ import annotations

from pathlib import Path

import pytest
from factories import big_sop, seed_sop

from sopdoc.layout.fonts import FontMetrics, metrics_for
from sopdoc.model import Paper, Sop
from sopdoc.workbook import read_workbook

ROOT = Path(__file__).resolve().parent.parent
CONTOH = ROOT / "input" / "contoh.xlsx"


@pytest.fixture(scope="session")
def font() -> FontMetrics:
    return metrics_for("Arial")


def layout_cases() -> dict[str, Sop]:
    """The SOPs of input/contoh.xlsx, the 40-step 15-actor SOP, and variations of paper/lanes."""
    cases = {f"contoh-{i + 1}": sop for i, sop in enumerate(read_workbook(CONTOH).sops)}
    cases["seed-decision"] = seed_sop()
    cases["big-40x15-F4"] = big_sop()
    cases["big-40x15-A4"] = big_sop(paper=Paper.A4)
    cases["25x1-A4"] = big_sop(steps=25, actors=1, seed=4, paper=Paper.A4)
    cases["25x2-LETTER"] = big_sop(steps=25, actors=2, seed=5, paper=Paper.LETTER)
    cases["30x7-LETTER"] = big_sop(steps=30, actors=7, seed=2, paper=Paper.LETTER)
    cases["60x12-F4"] = big_sop(steps=60, actors=12, seed=3)
    return cases
