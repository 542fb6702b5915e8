"""Worker processes started as Windows starts them (spawn) give the same files as fork."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from workbooks import instansi_rows, simple_steps, sop_rows, write_workbook

from sopdoc.processes import START_METHOD_VARIABLE
from sopdoc.publish.manifest import MANIFEST


def _build(workbook: Path, out: Path, *, method: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, START_METHOD_VARIABLE: method}
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "sopdoc",
            "build",
            str(workbook),
            "--format",
            "docx,pdf,png",
            "--jobs",
            "2",
            "-o",
            str(out),
        ],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


def test_spawned_workers_build_the_same_bytes_as_forked_ones(tmp_path: Path) -> None:
    # A folder and a workbook name with spaces and letters outside ASCII, as offices name them.
    folder = tmp_path / "Dokumen SOP Kécamatan Ranuyoso"
    folder.mkdir()
    sheets = {"Instansi": instansi_rows()}
    sheets |= {
        f"SOP {i}": sop_rows(simple_steps(3 + i), nomor=f"B/{i}/2026", nama=f"SOP DÉSA {i}")
        for i in range(1, 5)
    }
    workbook = write_workbook(folder / "Buku Kerja Désa.xlsx", sheets)
    forked = _build(workbook, folder / "hasil fork", method="fork")
    spawned = _build(workbook, folder / "hasil spawn", method="spawn")
    assert forked.returncode == 0, forked.stdout + forked.stderr
    assert spawned.returncode == 0, spawned.stdout + spawned.stderr

    def files(out: Path) -> dict[str, bytes]:
        return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.name != MANIFEST}

    a, b = files(folder / "hasil fork"), files(folder / "hasil spawn")
    assert len(a) >= 4 * 3
    assert a == b
