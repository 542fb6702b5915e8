"""``sopdoc import`` as a clerk runs it: documents and folders of them, a .doc through
LibreOffice, a broken document among good ones, and the report of what to fill."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from factories import CONTOH, tiny_png
from handmade import Office, build
from office import convert

from sopdoc import messages as msg
from sopdoc.backends.docx.document import render_docx
from sopdoc.backends.pdf.document import render_pdf
from sopdoc.drawing.document import prepare
from sopdoc.workbook import read_workbook


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sopdoc", "import", *args],
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of an office's SOPs: drawn with shapes, with a picture flowchart, and
    Word's lock file of an open document."""
    path = tmp_path_factory.mktemp("dokumen")
    build(Office(), path / "sop-domisili.docx")
    build(Office(flowchart="picture"), path / "sop-gambar.docx")
    (path / "~$sop-domisili.docx").write_bytes(b"lock")
    return path


def test_a_folder_becomes_a_workbook_and_the_report_names_the_cells(
    folder: Path, tmp_path: Path
) -> None:
    output = tmp_path / "buku.xlsx"
    result = run(str(folder), "-o", str(output))
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert any(
        "sop-domisili.docx: sheet 'sop-domisili', 5 langkah, 4 pelaksana" in line for line in lines
    )
    assert "2 SOP dari 2 dokumen ditulis ke" in result.stdout
    # The picture flowchart: every step's actor cell is named for the clerk, by sheet and cell.
    fill = [line for line in lines if "sheet 'sop-gambar'" in line and line.startswith("  Isi ")]
    assert len(fill) == 6  # the picture, then each of the 5 steps
    workbook = read_workbook(output)
    assert [s.identity.nomor for s in workbook.sops] == ["800/15/427.75/2023"] * 2
    drawn, picture = workbook.sops
    assert [s.actors for s in drawn.steps] == [(0,), (1,), (1,), (2,), (3,)]
    assert all(s.actors == () for s in picture.steps)  # left for the clerk, as reported


def test_a_broken_document_is_named_and_the_others_are_read(folder: Path, tmp_path: Path) -> None:
    broken = tmp_path / "rusak.docx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    output = tmp_path / "buku.xlsx"
    result = run(str(folder / "sop-domisili.docx"), str(broken), "-o", str(output))
    assert result.returncode == 1
    assert msg.IMPORT_NOT_DOCX.format(path=broken) in result.stdout
    assert "Traceback" not in result.stderr
    assert len(read_workbook(output).sops) == 1


def test_an_existing_workbook_is_never_overwritten(folder: Path, tmp_path: Path) -> None:
    output = tmp_path / "ada.xlsx"
    output.write_bytes(b"tidak boleh hilang")
    result = run(str(folder / "sop-domisili.docx"), "-o", str(output))
    assert result.returncode != 0
    assert output.read_bytes() == b"tidak boleh hilang"
    assert "sudah ada" in result.stderr + result.stdout


def test_a_doc_is_read_through_libreoffice(tmp_path: Path) -> None:
    """A Word 97-2003 document (the example SOP's DOCX saved as .doc by LibreOffice),
    converted on the way in: its text, actors and flow come back."""
    original = read_workbook(CONTOH).sops[2]
    (tmp_path / "lama.docx").write_bytes(render_docx(prepare(original)))
    convert([tmp_path / "lama.docx"], tmp_path, to="doc")
    old = tmp_path / "lama.doc"
    (tmp_path / "lama.docx").unlink()
    output = tmp_path / "buku.xlsx"
    result = run(str(old), "-o", str(output))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "lama.doc: sheet 'lama', 8 langkah, 4 pelaksana" in result.stdout
    (sop,) = read_workbook(output).sops
    assert sop.identity == original.identity
    for step, again in zip(original.steps, sop.steps, strict=True):
        assert (again.kegiatan, again.actors, again.kind) == (step.kegiatan, step.actors, step.kind)
        assert (again.next, again.yes, again.no) == (step.next, step.yes, step.no)


def test_a_doc_without_libreoffice_says_what_to_do(folder: Path, tmp_path: Path) -> None:
    old = tmp_path / "lama.doc"
    shutil.copy(folder / "sop-domisili.docx", old)
    bare = tmp_path / "bin"
    bare.mkdir()
    env = dict(os.environ, PATH=str(bare))
    result = run(str(old), "-o", str(tmp_path / "buku.xlsx"), env=env)
    assert result.returncode != 0
    assert msg.IMPORT_DOC_NEEDS_LIBREOFFICE.format(path=old) in result.stderr + result.stdout
    assert not (tmp_path / "buku.xlsx").exists()


def test_the_kops_logo_is_saved_beside_the_workbook_and_the_pages_come_back(
    tmp_path: Path,
) -> None:
    """The logo in the kop becomes the Instansi's LOGO, a file beside the workbook: the
    imported workbook builds the SOP's pages, logo and all, byte for byte."""
    logo = tmp_path / "logo-asli.png"
    logo.write_bytes(tiny_png(40, 20))
    sop = read_workbook(CONTOH).sops[0]
    sop = replace(sop, agency=replace(sop.agency, logo=logo, logo_pixels=(40, 20)))
    document = prepare(sop, logo=logo.read_bytes())
    source = tmp_path / "dengan-logo.docx"
    source.write_bytes(render_docx(document))
    output = tmp_path / "hasil" / "buku.xlsx"
    output.parent.mkdir()
    result = run(str(source), "-o", str(output))
    assert result.returncode == 0, result.stdout + result.stderr
    saved = output.parent / "buku-logo.png"
    assert saved.read_bytes() == logo.read_bytes()
    assert str(saved) in result.stdout
    (back,) = read_workbook(output).sops
    assert back.agency.logo is not None
    again = prepare(back, logo=saved.read_bytes())
    assert render_pdf(again) == render_pdf(document)
