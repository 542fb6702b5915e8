"""Building many SOPs: in parallel worker processes, skipping the unchanged, finding stale files."""

from __future__ import annotations

import hashlib
import json
import os
import signal
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sopdoc import __version__
from sopdoc.errors import SopdocError, ToolMissingError
from sopdoc.model import CellRef, Sop, Workbook
from sopdoc.publish.documents import build_sop, preload, require_tools
from sopdoc.publish.manifest import MANIFEST, journal, read_manifest, write_manifest
from sopdoc.publish.outcome import Outcome, cannot_draw
from sopdoc.publish.paths import sop_stems
from sopdoc.publish.plan import file_hash
from sopdoc.serialize import sop_data


@dataclass(frozen=True)
class Task:
    """One SOP to build into one folder."""

    sop: Sop
    stem: str
    folder: Path
    fingerprint: str


@dataclass(frozen=True)
class Book:
    """The SOPs of one workbook to build into one folder.

    ``stems`` and ``prints`` (file stems and build fingerprints of every SOP of the workbook)
    come from ``plan_build`` when the workbook was read only in part; ``unchanged`` are then
    the stems of the SOPs it did not read because they are built already.
    """

    workbook: Workbook
    sops: Sequence[Sop]
    folder: Path
    stems: Mapping[CellRef, str] | None = None
    prints: Mapping[CellRef, str] | None = None
    unchanged: Sequence[str] = ()


@dataclass
class Report:
    """What a batch did: outcomes in workbook order, skipped SOPs, stale files."""

    outcomes: list[Outcome] = field(default_factory=list)
    skipped: list[Sop] = field(default_factory=list)
    #: SOPs skipped without being read (their sheets did not change).
    unchanged: int = 0
    stale: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return sum(1 for o in self.outcomes if o.error)

    @property
    def skipped_count(self) -> int:
        return len(self.skipped) + self.unchanged


def fingerprint(
    sop: Sop, *, formats: Sequence[str], template: Path | None, locked: bool = False
) -> str:
    """A hash of everything an SOP's files depend on: its content (settings included), the
    formats, the template, the logo's bytes, the DOCX flowchart's kind (``locked``: a
    picture) and the sopdoc version."""
    payload = {
        "sop": sop_data(sop, drawable=True),
        "formats": sorted(formats),
        "template": file_hash(template),
        "locked": locked,
        "logo": file_hash(Path(sop.agency.logo) if sop.agency.logo else None),
        "sopdoc": __version__,
    }
    text = json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _run(
    task: Task, formats: Sequence[str], template: Path | None, locked: bool
) -> tuple[tuple[Path, ...], str]:
    """Build one SOP (in a worker process): its files, or the error message."""
    try:
        files = build_sop(
            task.sop,
            formats=formats,
            out_dir=task.folder,
            stem=task.stem,
            template=template,
            locked=locked,
        )
        return files, ""
    except ToolMissingError:
        raise  # not this SOP's fault: the whole command stops with exit 3
    except SopdocError as error:
        return (), error.message


def default_jobs() -> int:
    """All cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


def build_batch(
    books: Sequence[Book | tuple[Workbook, Sequence[Sop], Path]],
    *,
    formats: Sequence[str],
    template: Path | None = None,
    locked: bool = False,
    jobs: int = 1,
    force: bool = False,
    clean: bool = False,
    everything: bool = True,
    progress: Callable[[Outcome, int, int], None] | None = None,
) -> Report:
    """Build the SOPs of several workbooks, each into its folder.

    Unchanged SOPs (same fingerprint, files present) are skipped unless ``force``. With
    ``everything`` (no --sop filter), files of SOPs no longer in a workbook are reported as
    stale and, with ``clean``, removed. Progress is reported as each SOP finishes.
    """
    require_tools(formats)
    report = Report()
    tasks: list[Task] = []
    results: dict[int, Outcome] = {}
    manifests: dict[Path, dict[str, Any]] = {}
    order: list[tuple[Sop, int | None]] = []
    for given in books:
        book = given if isinstance(given, Book) else Book(*given)
        workbook, sops, folder = book.workbook, book.sops, book.folder
        report.unchanged += len(book.unchanged)
        for leftover in folder.glob(".*.tmp") if folder.is_dir() else ():
            leftover.unlink(missing_ok=True)  # our own temporaries, from a build that was killed
        manifest = manifests.setdefault(folder, read_manifest(folder))
        stem_of = sop_stems(workbook) if book.stems is None else book.stems
        for sop in sops:
            stem = stem_of[sop.key]
            failed = cannot_draw(workbook, sop)
            if failed is not None:
                manifest.pop(stem, None)
                order.append((sop, None))
                results[len(order) - 1] = failed
                continue
            print_ = (
                fingerprint(sop, formats=formats, template=template, locked=locked)
                if book.prints is None
                else book.prints[sop.key]
            )
            entry = manifest.get(stem)
            if (
                not force
                and isinstance(entry, dict)
                and entry.get("hash") == print_
                and all((folder / name).is_file() for name in entry.get("files", []))
            ):
                report.skipped.append(sop)
                continue
            tasks.append(Task(sop, stem, folder, print_))
            order.append((sop, len(tasks) - 1))
        if everything:
            current = set(stem_of.values())
            for stem, entry in sorted(manifest.items()):
                if stem not in current and isinstance(entry, dict):
                    stale = [folder / name for name in entry.get("files", [])]
                    report.stale.extend(f for f in stale if f.is_file())
                    if clean:
                        for path in stale:
                            if path.is_file():
                                path.unlink()
                                report.removed.append(path)
                        manifest.pop(stem)
    for folder, manifest in manifests.items():  # files about to be rewritten: void entries
        voided = [t.stem for t in tasks if t.folder == folder and manifest.pop(t.stem, None)]
        journal(folder, [(stem, None) for stem in voided])
    done: dict[int, tuple[tuple[Path, ...], str]] = {}

    def finish(index: int, result: tuple[tuple[Path, ...], str]) -> None:
        done[index] = result
        task = tasks[index]
        manifest = manifests[task.folder]
        built, error = result
        entry = None if error else _entry(task, built)
        if entry is None:
            manifest.pop(task.stem, None)
        else:
            manifest[task.stem] = entry
        journal(task.folder, [(task.stem, entry)])
        if progress is not None:
            progress(_outcome(task, result), len(done), len(tasks))

    try:
        _execute(tasks, formats=formats, template=template, locked=locked, jobs=jobs, finish=finish)
    except KeyboardInterrupt:
        finished = sum(1 for built, error in done.values() if not error)
        raise Interrupted(done=finished, total=len(tasks), skipped=len(report.skipped)) from None
    finally:
        for folder, manifest in manifests.items():
            if manifest or (folder / MANIFEST).exists():
                write_manifest(folder, manifest)
    for position, (_, task_index) in enumerate(order):
        if task_index is None:
            report.outcomes.append(results[position])
        else:
            report.outcomes.append(_outcome(tasks[task_index], done[task_index]))
    return report


def _entry(task: Task, built: Sequence[Path]) -> dict[str, Any]:
    return {"hash": task.fingerprint, "sop": str(task.sop.key), "files": [p.name for p in built]}


def _execute(
    tasks: Sequence[Task],
    *,
    formats: Sequence[str],
    template: Path | None,
    locked: bool,
    jobs: int,
    finish: Callable[[int, tuple[tuple[Path, ...], str]], None],
) -> None:
    """Build every task, calling ``finish`` as each is done (in this process).

    On Ctrl-C the workers, which ignore it, finish the SOPs they are building; those are
    recorded too, the queued ones are dropped, and KeyboardInterrupt goes on.
    """
    if jobs <= 1 or len(tasks) <= 1:
        for index, task in enumerate(tasks):
            finish(index, _run(task, formats, template, locked))
        return
    from concurrent.futures import as_completed  # 15 ms: only for a pool

    from sopdoc.processes import process_pool

    preload(formats)  # imported once here, shared by the forked workers
    pool = process_pool(
        min(jobs, len(tasks)), initializer=_start_worker, initargs=(tuple(formats),)
    )
    futures = {
        pool.submit(_run, task, formats, template, locked): i for i, task in enumerate(tasks)
    }
    recorded: set[int] = set()
    try:
        for future in as_completed(futures):
            recorded.add(futures[future])
            finish(futures[future], future.result())
    except KeyboardInterrupt:
        pool.shutdown(wait=True, cancel_futures=True)
        for future, index in futures.items():
            finished = future.done() and not future.cancelled()
            if index not in recorded and finished and future.exception() is None:
                finish(index, future.result())
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _start_worker(formats: tuple[str, ...]) -> None:
    """A worker leaves Ctrl-C to the main process, which stops the batch in order, and
    imports what its formats need once, before its first SOP."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    preload(formats)


class Interrupted(KeyboardInterrupt):
    """Ctrl-C during a batch: how many SOPs were built (and recorded) before it."""

    def __init__(self, *, done: int, total: int, skipped: int) -> None:
        super().__init__(done, total)
        self.done = done
        self.total = total
        self.skipped = skipped


def _outcome(task: Task, result: tuple[tuple[Path, ...], str]) -> Outcome:
    files, error = result
    return Outcome(task.sop, files=files, error=error)
