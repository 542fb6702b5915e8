"""The command line: summaries, JSON, exit codes and one-line errors without tracebacks."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from workbooks import instansi_rows, simple_steps, sop_rows, write_workbook

from sopdoc import messages as msg
from sopdoc.cli import main


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sopdoc", *args], capture_output=True, text=True, check=False
    )


def test_check_prints_summary_and_exits_0(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "w.xlsx", {"Instansi": instansi_rows(), "SPM": sop_rows()})
    result = CliRunner().invoke(main, ["check", str(path)])
    assert result.exit_code == 0, result.output
    assert "1 SOP, 0 kesalahan, 0 peringatan" in result.output
    assert "SPM | KEC/STDR-KIN/427.110/2020 | STANDAR PELAYANAN MINIMAL (SPM)" in result.output
    assert "4 langkah, 4 pelaksana (Kasubag, Camat, Tim SPM, Pengelola)" in result.output


def test_check_with_errors_exits_1_and_lists_them(tmp_path: Path) -> None:
    steps = simple_steps(2)
    steps[1][2:6] = [None] * 4
    path = write_workbook(tmp_path / "w.xlsx", {"SPM": sop_rows(steps)})
    result = CliRunner().invoke(main, ["check", str(path)])
    assert result.exit_code == 1
    assert "KESALAHAN SPM!C20: Langkah 2 (baris 20) belum punya pelaksana" in result.output
    assert "tidak bisa digambar" in result.output


def test_check_json_schema(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "w.xlsx", {"Instansi": instansi_rows(), "SPM": sop_rows()})
    result = CliRunner().invoke(main, ["check", "--json", str(path)])
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data["schema"] == 1
    assert data["summary"] == {"sops": 1, "drawable": 1, "errors": 0, "warnings": 0}
    assert data["agency"]["paper"] == "F4"
    sop = data["sops"][0]
    assert sop["identity"]["tanggal_pembuatan"] == "2020-01-13"
    assert sop["identity"]["tanggal_revisi"] is None
    assert sop["identity"]["disahkan"]["nip"] == "NIP. 19640706 198603 1 027"
    assert sop["identity"]["cells"]["nomor"] == "SPM!B3"
    assert sop["sections"]["dasar_hukum"]["items"] == ["1. UU 25/2009;", "2. UU 23/2014"]
    assert sop["actors"][0] == {"name": "Kasubag", "cell": "SPM!C18"}
    first = sop["steps"][0]
    assert first["number"] == 1
    assert first["symbol"] == "start"
    assert first["kind"] == "activity"
    assert first["actor_names"] == ["Kasubag"]
    assert first["next"] == 2
    assert sop["steps"][-1]["symbol"] == "end"
    assert sop["drawable"] is True


def test_unreadable_file_exit_2_one_line_no_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "bukan.xlsx"
    bad.write_text("halo")
    for path in (bad, tmp_path / "hilang.xlsx", tmp_path):
        result = run("check", str(path))
        assert result.returncode == 2
        assert result.stdout == ""
        assert len(result.stderr.strip().splitlines()) == 1
        assert "Traceback" not in result.stderr
        assert result.stderr.startswith("sopdoc: ")


def test_new_writes_form_and_refuses_to_overwrite(tmp_path: Path) -> None:
    path = tmp_path / "formulir.xlsx"
    first = run("new", str(path))
    assert first.returncode == 0, first.stderr
    before = path.read_bytes()
    second = run("new", str(path))
    assert second.returncode == 1
    assert "Traceback" not in second.stderr
    assert path.read_bytes() == before


def test_strict_turns_warnings_into_errors(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "w.xlsx", {"SPM": sop_rows(efektif=None)})
    assert CliRunner().invoke(main, ["check", str(path)]).exit_code == 0
    result = CliRunner().invoke(main, ["check", "--strict", str(path)])
    assert result.exit_code == 1
    assert "KESALAHAN SPM!B6: TGL. EFEKTIF kosong" in result.output


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            ["check"],
            "sopdoc: Argumen BUKU_KERJA belum ditulis. "
            "Lihat petunjuknya dengan: sopdoc check --help",
        ),
        (["check", "--nope", "x.xlsx"], "Pilihan --nope tidak dikenal."),
        (["flowchart", "x.xlsx", "--format", "gif"], "Nilai 'gif' untuk --format tidak dikenal."),
        (["build", "x.xlsx", "--jobs", "0"], "Nilai 0 untuk --jobs di luar batas"),
        (["cetak"], "Perintah 'cetak' tidak dikenal."),
        (
            ["build", "x.xlsx", "--bogus"],
            "Pilihan --bogus tidak dikenal. Mungkin maksudnya salah satu dari: '--buku', '--jobs'?",
        ),
    ],
)
def test_usage_errors_are_one_bahasa_line(args: list[str], expected: str) -> None:
    result = run(*args)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert expected in lines[0]
    assert "Error:" not in result.stderr
    assert "Did you mean" not in result.stderr


#: Words of click's English help that must never reach a user.
ENGLISH = (
    "Usage",
    "Options",
    "Commands",
    "Show this message",
    "[required]",
    "default:",
    "TEXT",
    "PATH",
    "INTEGER",
    "WORKBOOK",
    "Show the version",
)


@pytest.mark.parametrize("command", ["", "check", "new", "build", "flowchart", "revise"])
def test_every_help_is_in_bahasa_indonesia(command: str) -> None:
    result = run(*([command] if command else []), "--help")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"Cara pakai: sopdoc {command}".replace("  ", " "))
    assert "Pilihan:" in result.stdout
    assert "-h, --help" in result.stdout
    assert "Tampilkan bantuan ini lalu keluar." in result.stdout
    for word in ENGLISH:
        assert word not in result.stdout, word


def test_main_help_lists_every_command_with_its_whole_summary() -> None:
    result = run("--help")
    text = " ".join(result.stdout.split())
    assert "Perintah:" in result.stdout
    for name in ("check", "new", "build", "flowchart", "revise"):
        summary = getattr(msg, f"{name.upper()}_SHORT")
        assert f"{name} {summary}" in text
    assert "..." not in text.split("Perintah:")[1]
    # Plain ``sopdoc`` shows the same help instead of an error.
    plain = run()
    assert plain.returncode == 0
    assert plain.stdout == result.stdout


def test_build_help_says_the_book_is_pdf_and_docx() -> None:
    assert "Buku SOP (PDF dan DOCX)" in " ".join(run("build", "--help").stdout.split())


def test_a_three_line_kop_is_printed_whole(tmp_path: Path) -> None:
    kop = ("PEMERINTAH KABUPATEN MALANG", "SEKRETARIAT DAERAH", "BAGIAN TATA USAHA")
    path = write_workbook(tmp_path / "w.xlsx", {"SPM": sop_rows(header=kop)})
    result = run("build", str(path), "--format", "pdf", "-o", str(tmp_path / "o"))
    assert result.returncode == 0, result.stdout + result.stderr
    (pdf,) = (tmp_path / "o").glob("*.pdf")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    for line in kop:
        assert line in text


def test_identity_page_prints_the_revision_number_and_dates_as_written(tmp_path: Path) -> None:
    rows = sop_rows(
        pembuatan="03 Januari 2017", revisi="Revisi ke-1, 22 Juli 2019", efektif="03/01/2017"
    )
    path = write_workbook(tmp_path / "w.xlsx", {"Instansi": instansi_rows(), "SPM": rows})
    result = run("build", str(path), "--format", "pdf,docx", "-o", str(tmp_path / "o"))
    assert result.returncode == 0, result.stdout + result.stderr
    (pdf,) = (tmp_path / "o").glob("*.pdf")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "22 Juli 2019 (Revisi 01)" in text
    assert text.count("03 Januari 2017") == 2
    (docx,) = (tmp_path / "o").glob("*.docx")
    with zipfile.ZipFile(docx) as archive:
        xml = archive.read("word/document.xml").decode()
    assert "22 Juli 2019 (Revisi 01)" in xml
    assert "03 Januari 2017" in xml


def test_new_with_pelaksana(tmp_path: Path) -> None:
    result = run("new", "--pelaksana", "6", str(tmp_path / "f.xlsx"))
    assert result.returncode == 0, result.stderr
    sheet = openpyxl.load_workbook(tmp_path / "f.xlsx")["SOP 1"]
    assert sheet["I17"].value == "MUTU BAKU"  # C..H: six actor columns
    too_many = run("new", "--pelaksana", "13", str(tmp_path / "g.xlsx"))
    assert too_many.returncode == 2
    assert "Nilai 13 untuk --pelaksana di luar batas" in too_many.stderr


ROOT = Path(__file__).resolve().parent.parent


def test_readme_help_and_docs_agree() -> None:
    readme = ROOT.joinpath("README.md").read_text(encoding="utf-8")
    assert readme.startswith("# sopdoc\n\nsopdoc membuat dokumen SOP AP")  # opens in Bahasa
    assert "../shared" not in readme  # a user's copy has no such folder
    # Each command's one-line summary in the README is the one its --help gives.
    for name in ("check", "new", "build", "flowchart", "revise"):
        assert getattr(msg, f"{name.upper()}_SHORT") in readme, name
        for option in re.findall(r"--[a-z]+", run(name, "--help").stdout):
            if option not in ("--help", "--output"):  # -o FOLDER in the table
                assert option in readme, (name, option)
    assert "sebagai PDF dan\n  DOCX" in readme
    guide = ROOT.joinpath("docs", "PANDUAN.md").read_text(encoding="utf-8")
    contract = ROOT.joinpath("docs", "FORMAT-BUKU-KERJA.md").read_text(encoding="utf-8")
    for text in (readme, guide, contract):
        for target in re.findall(r"\]\(([^)#]+)\)", text):
            base = ROOT if text is readme else ROOT / "docs"
            path = base / target
            assert path.is_file(), target
            if path.suffix == ".png":
                assert path.stat().st_size < 150_000, target
    assert "Buku SOP (PDF dan DOCX)" in guide
    assert "--pelaksana N" in guide
    assert "rev 01" in contract
    assert "KOP BARIS 1" in contract
    assert "FORMAT TANGGAL" in contract


@pytest.mark.parametrize("encoding", ["cp1252", "cp437"])
def test_a_windows_console_code_page_does_not_crash_the_output(
    tmp_path: Path, encoding: str
) -> None:
    """A Windows console, or its output redirected to a file, may be cp1252 or cp437: letters
    it lacks print as '?' and the JSON stays valid (escaped)."""
    nama = "PELAYANAN ✓ PERIZINAN 日本 ÉLAN"
    path = write_workbook(
        tmp_path / "Désa.xlsx", {"Instansi": instansi_rows(), "SPM": sop_rows(nama=nama)}
    )
    env = {**os.environ, "PYTHONIOENCODING": encoding, "PYTHONUTF8": "0"}
    for args in (
        ["check", str(path)],
        ["build", str(path), "--format", "pdf", "-o", str(tmp_path / "o")],
    ):
        result = subprocess.run(
            [sys.executable, "-m", "sopdoc", *args], capture_output=True, env=env, check=False
        )
        assert result.returncode == 0, result.stderr.decode(encoding)
        assert "Traceback" not in result.stderr.decode(encoding)
    printed = subprocess.run(
        [sys.executable, "-m", "sopdoc", "check", str(path)],
        capture_output=True,
        env=env,
        check=False,
    ).stdout.decode(encoding)
    assert "PELAYANAN ? PERIZINAN ??" in printed
    data = subprocess.run(
        [sys.executable, "-m", "sopdoc", "check", "--json", str(path)],
        capture_output=True,
        env=env,
        check=False,
    ).stdout.decode(encoding)
    assert json.loads(data)["sops"][0]["identity"]["nama"] == nama


def test_build_ends_with_the_warnings_and_how_to_see_them(tmp_path: Path) -> None:
    rows = sop_rows()
    rows[0] = [*rows[0], *([None] * 11), "catatan staf"]  # M1: a warning, not an error
    path = write_workbook(tmp_path / "w.xlsx", {"Instansi": instansi_rows(), "SPM": rows})
    out = str(tmp_path / "o")
    for _ in range(2):  # the second build reads no sheet: the count comes from its summary
        result = CliRunner().invoke(main, ["build", str(path), "--format", "pdf", "-o", out])
        assert result.exit_code == 0, result.output
        assert "1 peringatan" in result.output
        assert f'sopdoc check "{path}"' in result.output
