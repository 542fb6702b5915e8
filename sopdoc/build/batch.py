"""Building many SOPs: in parallel worker processes, skipping the unchanged, finding stale files."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from sopdoc import __version__
from sopdoc.build.documents import build_sop
from sopdoc.build.outcome import Outcome, cannot_draw
from sopdoc.build.paths import sop_stems
from sopdoc.errors import SopdocError
from sopdoc.files import write_atomic
from sopdoc.model import Sop, Workbook
from sopdoc.serialize import sop_data

#: The manifest in each output folder: which SOP produced which files from which content.
MANIFEST: Final = ".sopdoc-manifest.json"
MANIFEST_SCHEMA: Final = 1


@dataclass(frozen=True)
class Task:
    """One SOP to build into one folder."""

    sop: Sop
    stem: str
    folder: Path
    fingerprint: str


@dataclass
class Report:
    """What a batch did: outcomes in workbook order, skipped SOPs, stale files."""

    outcomes: list[Outcome] = field(default_factory=list)
    skipped: list[Sop] = field(default_factory=list)
    stale: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return sum(1 for o in self.outcomes if o.error)


def _file_hash(path: Path | None) -> str:
    if path is None or not Path(path).is_file():
        return ""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def fingerprint(
    sop: Sop, *, formats: Sequence[str], template: Path | None, locked: bool = False
) -> str:
    """A hash of everything an SOP's files depend on: its content (settings included), the
    formats, the template, the logo's bytes, the DOCX flowchart's kind (``locked``: a
    picture) and the sopdoc version."""
    payload = {
        "sop": sop_data(sop, drawable=True),
        "formats": sorted(formats),
        "template": _file_hash(template),
        "locked": locked,
        "logo": _file_hash(Path(sop.agency.logo) if sop.agency.logo else None),
        "sopdoc": __version__,
    }
    text = json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def read_manifest(folder: Path) -> dict[str, Any]:
    """The folder's manifest entries by file stem (empty when there is none or it is unreadable)."""
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("schema") != MANIFEST_SCHEMA:
        return {}
    entries = data.get("sops", {})
    return entries if isinstance(entries, dict) else {}


def write_manifest(folder: Path, entries: dict[str, Any]) -> None:
    data = {"schema": MANIFEST_SCHEMA, "sopdoc": __version__, "sops": dict(sorted(entries.items()))}
    text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    write_atomic(folder / MANIFEST, text.encode("utf-8"))


def _run(
    task: Task, formats: Sequence[str], template: Path | None, locked: bool = False
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
    except SopdocError as error:
        return (), error.message


def default_jobs() -> int:
    """All cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


def build_batch(
    books: Sequence[tuple[Workbook, Sequence[Sop], Path]],
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
    ``locked``: the DOCX flowcharts are pictures, not shapes.
    """
    report = Report()
    tasks: list[Task] = []
    results: dict[int, Outcome] = {}
    manifests: dict[Path, dict[str, Any]] = {}
    order: list[tuple[Sop, int | None]] = []
    for workbook, sops, folder in books:
        for leftover in folder.glob(".*.tmp") if folder.is_dir() else ():
            leftover.unlink(missing_ok=True)  # our own temporaries, from a build that was killed
        manifest = manifests.setdefault(folder, read_manifest(folder))
        stem_of = sop_stems(workbook)
        for sop in sops:
            stem = stem_of[sop.key]
            failed = cannot_draw(workbook, sop)
            if failed is not None:
                manifest.pop(stem, None)
                order.append((sop, None))
                results[len(order) - 1] = failed
                continue
            print_ = fingerprint(sop, formats=formats, template=template, locked=locked)
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
    done: dict[int, tuple[tuple[Path, ...], str]] = {}
    total = len(tasks)
    if jobs <= 1 or total <= 1:
        for index, task in enumerate(tasks):
            done[index] = _run(task, formats, template, locked)
            if progress is not None:
                progress(_outcome(task, done[index]), len(done), total)
    else:
        with ProcessPoolExecutor(max_workers=min(jobs, total)) as pool:
            futures = {
                pool.submit(_run, task, formats, template, locked): i
                for i, task in enumerate(tasks)
            }
            for future in as_completed(futures):
                index = futures[future]
                done[index] = future.result()
                if progress is not None:
                    progress(_outcome(tasks[index], done[index]), len(done), total)
    for index, task in enumerate(tasks):
        built, error = done[index]
        manifest = manifests[task.folder]
        if error:
            manifest.pop(task.stem, None)
        else:
            manifest[task.stem] = {
                "hash": task.fingerprint,
                "sop": str(task.sop.key),
                "files": [p.name for p in built],
            }
    for position, (_, task_index) in enumerate(order):
        if task_index is None:
            report.outcomes.append(results[position])
        else:
            report.outcomes.append(_outcome(tasks[task_index], done[task_index]))
    for folder, manifest in manifests.items():
        if manifest or (folder / MANIFEST).exists():
            write_manifest(folder, manifest)
    return report


def _outcome(task: Task, result: tuple[tuple[Path, ...], str]) -> Outcome:
    files, error = result
    return Outcome(task.sop, files=files, error=error)
