"""Running a build's tasks: one after the other, or in worker processes."""

from __future__ import annotations

import os
import signal
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sopdoc.errors import SopdocError, ToolMissingError
from sopdoc.publish.documents import build_sop, preload
from sopdoc.publish.freshness import Inputs
from sopdoc.publish.schedule import Task


@dataclass(frozen=True)
class Writing:
    """What every SOP of a build is written as."""

    formats: tuple[str, ...]
    #: ``--template``; None for sopdoc's own.
    template: Path | None = None
    #: ``--gambar-terkunci``: the DOCX flowcharts as pictures.
    locked: bool = False

    @property
    def inputs(self) -> Inputs:
        return Inputs.of(formats=self.formats, template=self.template, locked=self.locked)


@dataclass(frozen=True)
class Result:
    """What running one task gave: the files written, or the message of why none were."""

    files: tuple[Path, ...] = ()
    error: str = ""


def run_task(task: Task, writing: Writing) -> Result:
    """Build one SOP (in a worker process, or in this one)."""
    try:
        files = build_sop(
            task.sop,
            formats=writing.formats,
            out_dir=task.folder,
            stem=task.stem,
            template=writing.template,
            locked=writing.locked,
        )
        return Result(files)
    except ToolMissingError:
        raise  # not this SOP's fault: the whole command stops with exit 3
    except SopdocError as error:
        return Result(error=error.message)


def default_jobs() -> int:
    """All cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


def execute(
    tasks: Sequence[Task],
    *,
    writing: Writing,
    jobs: int,
    finish: Callable[[int, Result], None],
) -> None:
    """Run every task, calling ``finish`` (in this process) as each is done.

    On Ctrl-C the workers, which ignore it, finish the SOPs they are building; those are
    finished too, the queued ones are dropped, and KeyboardInterrupt goes on.
    """
    if jobs <= 1 or len(tasks) <= 1:
        for index, task in enumerate(tasks):
            finish(index, run_task(task, writing))
        return
    from concurrent.futures import as_completed  # 15 ms: only for a pool

    from sopdoc.processes import process_pool

    preload(writing.formats)  # imported once here, shared by forked workers
    pool = process_pool(
        min(jobs, len(tasks)), initializer=_start_worker, initargs=(writing.formats,)
    )
    futures = {pool.submit(run_task, task, writing): i for i, task in enumerate(tasks)}
    finished: set[int] = set()
    try:
        for future in as_completed(futures):
            finished.add(futures[future])
            finish(futures[future], future.result())
    except KeyboardInterrupt:
        pool.shutdown(wait=True, cancel_futures=True)
        for future, index in futures.items():
            done = future.done() and not future.cancelled()
            if index not in finished and done and future.exception() is None:
                finish(index, future.result())
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _start_worker(formats: tuple[str, ...]) -> None:
    """A worker leaves Ctrl-C to the main process, which stops the batch in order, and
    imports what its formats need once, before its first SOP."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    preload(formats)
