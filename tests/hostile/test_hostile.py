"""Every hostile case through `sopdoc check` and `sopdoc build`: exact outcome, nothing lost."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest
from corpus import HOSTILE_TEXT, Case, build_corpus
from docx import Document as open_docx

ROOT = Path(__file__).resolve().parent

#: No case may take longer than this (a hang or a runaway fails the test).
TIME_LIMIT = 180


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Case]:
    folder = tmp_path_factory.mktemp("hostile") / "masukan"
    return {case.name: case for case in build_corpus(folder)}


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sopdoc", *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=TIME_LIMIT,
    )


def digest(path: Path) -> str | None:
    if not path.is_file():
        return None
    return hashlib.sha256(path.read_bytes()).hexdigest()


def files_under(folder: Path) -> set[Path]:
    return {p for p in folder.rglob("*") if p.is_file()}


def expect_message(result: subprocess.CompletedProcess[str], code: int, says: str) -> None:
    assert "Traceback" not in result.stderr
    assert "Traceback" not in result.stdout
    if code == 2:
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1, result.stderr
        assert lines[0].startswith("sopdoc: ")
        assert says in lines[0]
    elif says:
        assert says in result.stdout, result.stdout


CASES = [
    "kosong",
    "pdf",
    "terpotong",
    "xls",
    "sandi",
    "hilang",
    "folder",
    "bom-zip",
    "bom-xml",
    "rumus",
    "gabung",
    "angka",
    "kendali",
    "emoji",
    "markup",
    "langkah-5000",
    "sel-20000",
    "pelaksana-16",
    "logo-absolut",
    "logo-luar",
    "logo-bukan-gambar",
    "logo-raksasa",
    "nomor-jahat",
]


def test_the_corpus_is_complete(corpus: dict[str, Case]) -> None:
    assert sorted(corpus) == sorted(CASES)


@pytest.mark.parametrize("name", CASES)
def test_check(corpus: dict[str, Case], name: str) -> None:
    case = corpus[name]
    before = digest(case.path)
    result = run("check", str(case.path))
    assert result.returncode == case.check, result.stdout + result.stderr
    expect_message(result, case.check, case.says)
    assert digest(case.path) == before


@pytest.mark.parametrize("name", CASES)
def test_build(corpus: dict[str, Case], name: str, tmp_path: Path) -> None:
    case = corpus[name]
    root = case.path.parent.parent
    before = digest(case.path)
    existing = files_under(root)
    out = tmp_path / "keluaran"
    result = run("build", str(case.path), "-o", str(out), "--format", "docx,pdf,svg")
    assert result.returncode == case.build, result.stdout + result.stderr
    expect_message(result, case.build, case.says if case.build else "")
    assert digest(case.path) == before, "the input workbook was modified"
    assert files_under(root) == existing, "files were written beside the input"
    for path in files_under(tmp_path):
        assert path.resolve().is_relative_to(out.resolve())
        assert not path.name.endswith(".tmp")


def test_unsafe_names_stay_inside_the_output(corpus: dict[str, Case], tmp_path: Path) -> None:
    out = tmp_path / "o"
    assert (
        run("build", str(corpus["nomor-jahat"].path), "-o", str(out), "--format", "pdf").returncode
        == 0
    )
    assert sorted(p.name for p in out.iterdir()) == [
        ".sopdoc-manifest.json",
        "CON_.pdf",
        "a.pdf",
        "etc-x.pdf",
    ]


def test_markup_prints_literally_in_every_format(corpus: dict[str, Case], tmp_path: Path) -> None:
    out = tmp_path / "o"
    result = run("build", str(corpus["markup"].path), "-o", str(out), "--format", "docx,pdf,svg")
    assert result.returncode == 0, result.stdout
    (pdf,) = out.glob("*.pdf")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    flat = " ".join(text.split())
    assert 'NAMA <i>&amp;</i> "]; x [' in flat
    assert "<b>tebal</b> & <font" in flat
    (docx,) = out.glob("*.docx")
    word = open_docx(str(docx))
    cells = " ".join(c.text for t in word.tables for row in t.rows for c in row.cells)
    assert HOSTILE_TEXT in " ".join(cells.split())
    svg = " ".join(p.read_text(encoding="utf-8") for p in out.glob("*.svg"))
    assert "&lt;b&gt;tebal&lt;/b&gt;" in svg
    assert "shape=star" not in svg.replace("&quot;", '"').split("<text")[0]


def test_two_thousand_sop_sheets(tmp_path: Path) -> None:
    """Read and checked whole; built one SOP at a time (all 2,000 is a benchmark's job)."""
    from workbooks import sop_rows, write_workbook

    path = write_workbook(
        tmp_path / "lembar-2000.xlsx", {f"SOP {i}": sop_rows(nomor=f"N/{i}") for i in range(2000)}
    )
    before = digest(path)
    result = run("check", str(path))
    assert result.returncode == 0, result.stderr
    assert "2000 SOP, 0 kesalahan, 0 peringatan" in result.stdout
    built = run("build", str(path), "--sop", "SOP 1999", "-o", str(tmp_path / "o"))
    assert built.returncode == 0, built.stdout
    names = sorted(p.name for p in (tmp_path / "o").iterdir())
    assert names == [".sopdoc-manifest.json", "N-1999.docx", "N-1999.pdf"]
    assert digest(path) == before
