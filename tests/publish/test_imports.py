"""A build imports only what its formats need: a PDF-only build loads no DOCX, PPTX or PDFium,
nor reportlab's platypus (the SOP PDF is drawn page by page), nor a process pool for one job."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

#: Runs ``sopdoc build`` in this interpreter and prints which heavy packages it loaded.
SCRIPT = """
import json, runpy, sys
sys.argv = ["sopdoc", *sys.argv[1:]]
try:
    runpy.run_module("sopdoc", run_name="__main__")
except SystemExit as stop:
    code = stop.code
heavy = {"docx", "pptx", "pypdfium2", "graphviz", "reportlab.platypus"}
heavy.add("concurrent.futures.process")
loaded = sorted(heavy & ({m.split(".")[0] for m in sys.modules} | set(sys.modules)))
print(json.dumps({"code": code, "loaded": loaded}))
"""


def loaded_by(*args: str) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, *args], capture_output=True, text=True, check=False
    )
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["code"] == 0, done.stdout + done.stderr
    return list(result["loaded"])


def test_a_pdf_only_build_imports_no_docx_pptx_or_pdfium(contoh: Path, tmp_path: Path) -> None:
    loaded = loaded_by("build", str(contoh), "-o", str(tmp_path), "--format", "pdf", "--jobs", "1")
    assert loaded == []


@pytest.mark.parametrize(
    ("formats", "needed"),
    [("docx", "docx"), ("png", "pypdfium2"), ("pdf --buku", "reportlab.platypus")],
)
def test_other_formats_import_what_they_need(
    contoh: Path, tmp_path: Path, formats: str, needed: str
) -> None:
    """The check above can fail: the same script sees the packages when they are used."""
    fmt, *extra = formats.split()
    loaded = loaded_by(
        "build", str(contoh), "-o", str(tmp_path), "--format", fmt, "-j", "1", *extra
    )
    assert needed in loaded
    assert "pptx" not in loaded


#: The stages behind sopdoc/publish/: the CLI and the pratinjau reach them only through it.
BEHIND_PUBLISH = ("sopdoc.layout", "sopdoc.drawing", "sopdoc.backends")
ROOT = Path(__file__).resolve().parents[2]


def _imports(path: Path) -> set[str]:
    import ast

    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found |= {node.module, *(f"{node.module}.{a.name}" for a in node.names)}
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
    return found


@pytest.mark.parametrize(
    "path",
    [ROOT / "sopdoc" / "cli.py", *sorted((ROOT / "sopdoc" / "preview").glob("*.py"))],
    ids=lambda p: p.name,
)
def test_the_cli_and_the_pratinjau_reach_layout_and_backends_only_through_publish(
    path: Path,
) -> None:
    reached = sorted(m for m in _imports(path) if m.startswith(BEHIND_PUBLISH))
    assert reached == [], path


def test_the_boundary_check_sees_an_import_behind_publish() -> None:
    """The check above can fail: publish/ itself imports the layout."""
    assert any(m.startswith(BEHIND_PUBLISH) for m in _imports(ROOT / "sopdoc/publish/workbooks.py"))
