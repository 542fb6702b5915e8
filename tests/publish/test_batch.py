"""Batch builds: parallel equals serial, unchanged SOPs skipped, stale files, killed and
interrupted builds."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest
from workbooks import simple_steps, sop_rows, write_workbook

from sopdoc.publish.manifest import JOURNAL, MANIFEST

SOPS = 50


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sopdoc", *args], capture_output=True, text=True, check=False
    )


@pytest.fixture(scope="module")
def fifty(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("fifty")
    sheets = {
        f"SOP {i}": sop_rows(simple_steps(4 + i % 9), nomor=f"B/{i}/2026", nama=f"SOP NOMOR {i}")
        for i in range(1, SOPS + 1)
    }
    return write_workbook(folder / "lima-puluh.xlsx", sheets)


def outputs(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.name != MANIFEST}


def test_two_jobs_build_the_same_bytes_as_one(fifty: Path, tmp_path: Path) -> None:
    one = run("build", str(fifty), "-o", str(tmp_path / "satu"), "--jobs", "1")
    two = run("build", str(fifty), "-o", str(tmp_path / "dua"), "--jobs", "2")
    assert one.returncode == 0, one.stdout + one.stderr
    assert two.returncode == 0, two.stdout + two.stderr
    a, b = outputs(tmp_path / "satu"), outputs(tmp_path / "dua")
    assert len(a) == 2 * SOPS
    assert a == b
    assert one.stdout == two.stdout.replace(str(tmp_path / "dua"), str(tmp_path / "satu"))


def test_incremental_rebuild(fifty: Path, tmp_path: Path) -> None:
    book = tmp_path / "buku.xlsx"
    book.write_bytes(fifty.read_bytes())
    out = tmp_path / "o"
    first = run("build", str(book), "-o", str(out), "--format", "pdf")
    assert f"{SOPS} SOP dibuat, 0 dilewati" in first.stdout
    again = run("build", str(book), "-o", str(out), "--format", "pdf")
    assert f"0 SOP dibuat, {SOPS} dilewati" in again.stdout
    before = outputs(out)
    workbook = openpyxl.load_workbook(book)
    workbook["SOP 7"]["B5"] = "23 November 2026"  # TGL. REVISI of one SOP
    workbook.save(book)
    changed = run("build", str(book), "-o", str(out), "--format", "pdf")
    assert f"1 SOP dibuat, {SOPS - 1} dilewati" in changed.stdout
    assert "OK    SOP 7 | B/7/2026: B-7-2026.pdf" in changed.stdout
    after = outputs(out)
    assert [n for n in after if after[n] != before[n]] == ["B-7-2026.pdf"]
    forced = run("build", str(book), "-o", str(out), "--format", "pdf", "--force")
    assert f"{SOPS} SOP dibuat, 0 dilewati" in forced.stdout
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    assert len(manifest["sops"]) == SOPS


def test_stale_outputs_are_reported_and_cleaned(tmp_path: Path) -> None:
    book = write_workbook(
        tmp_path / "w.xlsx", {"A": sop_rows(nomor="A/1"), "B": sop_rows(nomor="B/1")}
    )
    out = tmp_path / "o"
    assert run("build", str(book), "-o", str(out), "--format", "pdf").returncode == 0
    write_workbook(book, {"A": sop_rows(nomor="A/1")})  # SOP B removed from the workbook
    stale = run("build", str(book), "-o", str(out), "--format", "pdf")
    assert "sudah tidak ada di buku kerja" in stale.stdout
    assert (out / "B-1.pdf").is_file()
    cleaned = run("build", str(book), "-o", str(out), "--format", "pdf", "--clean")
    assert "Dihapus" in cleaned.stdout
    assert not (out / "B-1.pdf").exists()
    assert (out / "A-1.pdf").is_file()


def test_a_failed_sop_is_rebuilt_next_time(tmp_path: Path) -> None:
    broken = simple_steps(3)
    broken[1][2:6] = [None] * 4
    book = write_workbook(tmp_path / "w.xlsx", {"A": sop_rows(broken, nomor="A/1")})
    out = tmp_path / "o"
    assert run("build", str(book), "-o", str(out), "--format", "pdf").returncode == 1
    write_workbook(book, {"A": sop_rows(nomor="A/1")})
    fixed = run("build", str(book), "-o", str(out), "--format", "pdf")
    assert fixed.returncode == 0
    assert "1 SOP dibuat, 0 dilewati" in fixed.stdout


def test_a_killed_build_leaves_no_half_written_file(fifty: Path, tmp_path: Path) -> None:
    out = tmp_path / "o"
    process = subprocess.Popen(
        [sys.executable, "-m", "sopdoc", "build", str(fifty), "-o", str(out), "--jobs", "2"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60  # wait until some files are done, then kill mid-way
    while time.monotonic() < deadline and len(list(out.glob("*.pdf"))) < 5:
        time.sleep(0.05)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    finished = list(out.glob("*.pdf")) + list(out.glob("*.docx"))
    assert finished
    assert len(finished) < 2 * SOPS
    for path in finished:  # every file under its final name is complete
        data = path.read_bytes()
        if path.suffix == ".pdf":
            assert data.rstrip().endswith(b"%%EOF"), path
        else:
            assert zipfile.ZipFile(path).testzip() is None
    # The next build completes the set.
    result = run("build", str(fifty), "-o", str(out))
    assert result.returncode == 0
    assert len(outputs(out)) == 2 * SOPS
    assert not list(out.glob(".*.tmp"))  # the killed build's temporaries are gone too


def recorded(folder: Path) -> int:
    """SOPs a running build has recorded as done in its journal."""
    path = folder / JOURNAL
    return len(path.read_text(encoding="utf-8").splitlines()) if path.exists() else 0


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_keeps_the_sops_already_built(fifty: Path, tmp_path: Path, jobs: str) -> None:
    out = tmp_path / "o"
    process = subprocess.Popen(
        [sys.executable, "-m", "sopdoc", "build", str(fifty), "-o", str(out), "--jobs", jobs],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60  # some SOPs done, then Ctrl-C as a terminal sends it
    while time.monotonic() < deadline and recorded(out) < 5:
        time.sleep(0.05)
    os.killpg(process.pid, signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    match = re.search(r"Dihentikan oleh pengguna\. (\d+) dari 50 SOP sudah selesai", stderr)
    assert match, stderr
    done = int(match.group(1))
    assert 5 <= done < SOPS
    assert not (out / JOURNAL).exists()  # folded into the manifest on the way out
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    assert len(manifest["sops"]) == done
    again = run("build", str(fifty), "-o", str(out), "--jobs", jobs)
    assert again.returncode == 0, again.stderr
    assert f"{SOPS - done} SOP dibuat, {done} dilewati" in again.stdout
    assert len(outputs(out)) == 2 * SOPS


def test_a_killed_build_keeps_its_journal(fifty: Path, tmp_path: Path) -> None:
    """SIGKILL leaves no time to write the manifest: the journal of finished SOPs is enough."""
    out = tmp_path / "o"
    process = subprocess.Popen(
        [sys.executable, "-m", "sopdoc", "build", str(fifty), "-o", str(out), "--format", "pdf"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and recorded(out) < 5:
        time.sleep(0.05)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    lines = recorded(out)
    assert 5 <= lines < SOPS
    assert len(list(out.glob("*.pdf"))) >= lines - 1  # each line is a finished SOP
    again = run("build", str(fifty), "-o", str(out), "--format", "pdf")
    assert again.returncode == 0, again.stderr
    skipped = int(re.search(r"(\d+) dilewati", again.stdout).group(1))  # type: ignore[union-attr]
    assert lines - 1 <= skipped <= lines  # the last line may have been cut short
    assert not (out / JOURNAL).exists()
