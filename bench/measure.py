"""Running a command and measuring it: wall seconds and the peak memory of its process tree."""

from __future__ import annotations

import subprocess
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import psutil

#: How often the process tree's memory is sampled, in seconds.
SAMPLE_EVERY = 0.02


@dataclass(frozen=True)
class Run:
    """One measured command."""

    seconds: float
    peak_bytes: int
    returncode: int
    output: str

    @property
    def peak_mib(self) -> float:
        return self.peak_bytes / (1 << 20)


def _tree_rss(process: psutil.Process) -> int:
    """Resident memory of a process and all its descendants (shared pages counted per process,
    so this overstates rather than understates)."""
    total = 0
    try:
        members = [process, *process.children(recursive=True)]
    except psutil.Error:
        return 0
    for member in members:
        try:
            total += member.memory_info().rss
        except psutil.Error:
            continue
    return total


def run(
    args: Sequence[str | Path],
    *,
    log: Path,
    env: Mapping[str, str] | None = None,
    check: bool = True,
) -> Run:
    """Run ``args`` with its output in ``log``; measure wall time and peak tree memory."""
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("w", encoding="utf-8") as out:
        start = time.perf_counter()
        process = psutil.Popen(
            [str(a) for a in args],
            stdout=out,
            stderr=subprocess.STDOUT,
            env=dict(env) if env is not None else None,
        )
        peak = 0
        while process.poll() is None:
            peak = max(peak, _tree_rss(process))
            time.sleep(SAMPLE_EVERY)
        seconds = time.perf_counter() - start
    text = log.read_text(encoding="utf-8", errors="replace")
    if check and process.returncode != 0:
        tail = "\n".join(text.splitlines()[-20:])
        raise RuntimeError(f"{' '.join(map(str, args))} exited {process.returncode}:\n{tail}")
    return Run(seconds, peak, process.returncode, text)
