"""Every Office file sopdoc writes passes the Open XML SDK's rules (Office 2016) with 0 errors.

openxml-audit applies the schema and the semantic rules Word, Excel and PowerPoint check on
opening: 0 errors means they open the file without offering to repair it.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from docx import Document as open_docx
from office import audit_errors

ROOT = Path(__file__).resolve().parents[2]
CONTOH = ROOT / "input" / "contoh.xlsx"


def sopdoc(*args: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "sopdoc", *args], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


@pytest.fixture(scope="module")
def office_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """One of every kind: SOP DOCX (default template and an agency's Word template), the Buku
    SOP, the slide deck, the blank and the example form, and the example workbook."""
    folder = tmp_path_factory.mktemp("office")
    template = folder / "instansi.docx"
    agency = open_docx()  # python-docx's own template: compatibility mode 14, stylesWithEffects
    agency.styles["Normal"].font.name = "Liberation Serif"
    agency.save(str(template))
    sopdoc("build", str(CONTOH), "-o", str(folder / "bawaan"), "--format", "docx", "--buku")
    sopdoc("build", str(CONTOH), "-o", str(folder / "templat"), "--format", "docx")
    sopdoc("build", str(CONTOH), "-o", str(folder / "gambar"), "--format", "docx")
    sopdoc("build", str(CONTOH), "-o", str(folder / "gambar"), "--gambar-terkunci", "--force")
    sopdoc(
        "build", str(CONTOH), "-o", str(folder / "templat"), "--template", str(template), "--force"
    )
    sopdoc("flowchart", str(CONTOH), "--format", "pptx", "-o", str(folder / "slide"))
    sopdoc("new", str(folder / "kosong.xlsx"))
    sopdoc("new", "--contoh", str(folder / "contoh.xlsx"))
    files = {
        "sop": next((folder / "bawaan").glob("KEC-TT-LA-*.docx")),
        "sop-templat": next((folder / "templat").glob("KEC-TT-LA-*.docx")),
        "sop-gambar": next((folder / "gambar").glob("KEC-TT-LA-*.docx")),
        "buku": next((folder / "bawaan").glob("*-buku-sop.docx")),
        "slide": next((folder / "slide").glob("*.pptx")),
        "formulir-kosong": folder / "kosong.xlsx",
        "formulir-contoh": folder / "contoh.xlsx",
        "input-contoh": CONTOH,
    }
    return files


KINDS = (
    "sop",
    "sop-templat",
    "sop-gambar",
    "buku",
    "slide",
    "formulir-kosong",
    "formulir-contoh",
    "input-contoh",
)


@pytest.mark.parametrize("kind", KINDS)
def test_office_file_has_no_errors(kind: str, office_files: dict[str, Path]) -> None:
    assert audit_errors(office_files[kind]) == []


def test_agency_template_is_written_in_compatibility_mode_15(
    office_files: dict[str, Path],
) -> None:
    word = open_docx(str(office_files["sop-templat"]))
    settings = word.settings.element.xml
    assert 'w:name="compatibilityMode"' in settings
    assert 'w:val="15"' in settings.split('w:name="compatibilityMode"')[1].split("/>")[0]
    assert word.styles["Normal"].font.name == "Liberation Serif"


def test_flowcharts_are_shapes_unless_locked(office_files: dict[str, Path]) -> None:
    """The default DOCX draws each flowchart as a Word drawing group; --gambar-terkunci as a
    picture, and the option reaches the Buku SOP too."""
    group = "{http://schemas.microsoft.com/office/word/2010/wordprocessingGroup}wgp"
    picture = "{http://schemas.openxmlformats.org/drawingml/2006/picture}pic"
    for kind, groups in (("sop", True), ("buku", True), ("sop-gambar", False)):
        body = open_docx(str(office_files[kind])).element.body
        assert (next(body.iter(group), None) is not None) is groups, kind
        flow_pictures = [
            p
            for p in body.iter(picture)
            if any(a.tag.endswith("}anchor") for a in p.iterancestors())
        ]
        assert not flow_pictures if groups else flow_pictures, kind
