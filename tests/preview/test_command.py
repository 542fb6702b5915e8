"""``sopdoc preview`` as a user runs it: the address printed, a loopback page, Ctrl-C, errors."""

from __future__ import annotations

import os
import queue
import re
import signal
import socket
import subprocess
import sys
import threading
from pathlib import Path

import httpx2 as httpx
from click.testing import CliRunner
from previews import save_like_excel, sheets

from sopdoc import messages as msg
from sopdoc.cli import main


def read_into(process: subprocess.Popen[str], lines: queue.Queue[str]) -> None:
    """Every line the process prints, as it prints it."""
    for line in process.stdout or ():
        lines.put(line)


def wait_for_line(lines: queue.Queue[str], pattern: str) -> re.Match[str]:
    """The first line printed that matches ``pattern``, within 60 s."""
    while True:
        try:
            line = lines.get(timeout=60)
        except queue.Empty:
            raise AssertionError(f"nothing printed matching {pattern!r} within 60 s") from None
        match = re.search(pattern, line)
        if match:
            return match


def test_preview_serves_on_loopback_and_stops_cleanly_on_ctrl_c(tmp_path: Path) -> None:
    path = tmp_path / "sop.xlsx"
    save_like_excel(path, sheets())
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    env = {**os.environ, "TMPDIR": str(temporary), "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(
        [sys.executable, "-m", "sopdoc", "preview", str(path), "--no-browser"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    lines: queue.Queue[str] = queue.Queue()
    try:
        threading.Thread(target=read_into, args=(process, lines), daemon=True).start()
        address = wait_for_line(lines, r"http://127\.0\.0\.1:\d+/").group(0)
        first = httpx.get(address, timeout=30).text
        assert "PELAYANAN PUBLIK" in first or "sedang dibaca" in first
        wait_for_line(lines, "buku kerja dibaca: 3 SOP, 2 dibuat ulang")
        assert "PELAYANAN PUBLIK" in httpx.get(address, timeout=30).text
        assert any(temporary.iterdir())  # it builds in its own temporary folder
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=20)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == 0, err
    assert msg.PREVIEW_STOPPED in "".join(lines.queue)
    assert "Traceback" not in err
    assert list(temporary.iterdir()) == []  # and removes it on the way out
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sop.xlsx", "tmp"]  # nothing beside


def test_a_missing_workbook_is_told_in_bahasa_indonesia(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["preview", str(tmp_path / "tidak-ada.xlsx")])
    assert result.exit_code == 2
    assert "tidak-ada.xlsx tidak ditemukan" in result.output


def test_a_port_in_use_is_told_with_what_to_do(tmp_path: Path) -> None:
    path = tmp_path / "sop.xlsx"
    save_like_excel(path, sheets())
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(main, ["preview", str(path), "--port", str(port)])
    assert result.exit_code == 1
    assert f"Port {port} tidak bisa dipakai" in result.output
    assert "--port" in result.output


def test_help_is_in_bahasa_indonesia() -> None:
    result = CliRunner().invoke(main, ["preview", "--help"])
    assert result.exit_code == 0
    assert "Pratinjau" in result.output
    assert msg.PREVIEW_NO_BROWSER_HELP in result.output
