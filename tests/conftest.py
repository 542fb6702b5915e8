"""Shared fixtures: font metrics, the example workbook, and the SOPs every layout test runs on."""

from __future__ import annotations

from pathlib import Path

import pytest
from factories import CONTOH, layout_cases

from sopdoc.layout.fonts import FontMetrics, metrics_for
from sopdoc.model import Sop
from sopdoc.workbook import read_workbook


@pytest.fixture(scope="session")
def font() -> FontMetrics:
    return metrics_for("Arial")


@pytest.fixture(scope="session")
def contoh() -> Path:
    """The example workbook input/contoh.xlsx (read-only: copy it before writing)."""
    return CONTOH


@pytest.fixture(scope="session")
def contoh_sops(contoh: Path) -> tuple[Sop, ...]:
    """The SOPs of the example workbook, read once."""
    return read_workbook(contoh).sops


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Run every test that asks for ``layout_case`` once per case, one module pass each."""
    if "layout_case" in metafunc.fixturenames:
        metafunc.parametrize("layout_case", sorted(layout_cases()), indirect=True, scope="module")


@pytest.fixture(scope="module")
def layout_case(request: pytest.FixtureRequest) -> Sop:
    """One of factories.layout_cases, by name (parametrised by pytest_generate_tests)."""
    sop: Sop = layout_cases()[request.param]
    return sop
