"""A build imports only what its formats need: a PDF-only build loads no DOCX, PPTX or PDFium."""

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
loaded = sorted({m.split(".")[0] for m in sys.modules} & {"docx", "pptx", "pypdfium2", "graphviz"})
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


@pytest.mark.parametrize(("formats", "needed"), [("docx", "docx"), ("png", "pypdfium2")])
def test_other_formats_import_what_they_need(
    contoh: Path, tmp_path: Path, formats: str, needed: str
) -> None:
    """The check above can fail: the same script sees the packages when they are used."""
    loaded = loaded_by("build", str(contoh), "-o", str(tmp_path), "--format", formats, "-j", "1")
    assert needed in loaded
    assert "pptx" not in loaded
