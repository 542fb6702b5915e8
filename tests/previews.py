"""Workbooks and waits for the preview's tests; saves written as Excel writes them."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from workbooks import instansi_rows, simple_steps, sop_rows, write_workbook

#: The DISAHKAN OLEH of the Instansi sheet's signatory, as the test workbooks write it.
SIGNED = "CAMAT RANUYOSO  IKO SAWARISDIYANTO, S.Sos, MM NIP. 19640706 198603 1 027"
#: A DISAHKAN OLEH whose NIP differs from the Instansi sheet's: a warning, not an error.
OTHER_NIP = "CAMAT RANUYOSO  IKO SAWARISDIYANTO, S.Sos, MM NIP. 19640705 198603 1 027"


def sheets(
    *, nama: str = "PELAYANAN PUBLIK", first_warned: bool = False
) -> dict[str, list[list[object]]]:
    """A good SOP (with a warning if ``first_warned``), one with a warning (named ``nama``), and
    one with an error (a bad mark)."""
    broken = simple_steps(3)
    broken[1][3] = "ya"
    return {
        "Instansi": instansi_rows(),
        "Baik": sop_rows(
            nomor="A/1", nama="STANDAR PELAYANAN", disahkan=OTHER_NIP if first_warned else SIGNED
        ),
        "Peringatan": sop_rows(nomor="A/2", nama=nama, disahkan=OTHER_NIP),
        "Rusak": sop_rows(broken, nomor="A/3", nama="SURAT KETERANGAN", disahkan=OTHER_NIP),
    }


def one_thread() -> ThreadPoolExecutor:
    """Workers for tests that need no processes: one thread, as PDFium is not thread-safe."""
    return ThreadPoolExecutor(1)


def save_like_excel(path: Path, content: dict[str, list[list[object]]]) -> None:
    """Write the workbook beside ``path`` under another name, with a lock file, then rename it
    over ``path`` as Excel does."""
    lock = path.with_name(f"~${path.name}")
    lock.write_bytes(b"\x00" * 165)
    temporary = write_workbook(path.with_name("A1B2C3D4.tmp.xlsx"), content)
    os.replace(temporary, path)
    lock.unlink()


def wait_until(check: Callable[[], bool], *, seconds: float, what: str) -> None:
    """Poll ``check`` until it holds; fail after ``seconds``."""
    deadline = time.monotonic() + seconds
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {seconds} s: {what}")
        time.sleep(0.05)
