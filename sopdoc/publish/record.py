"""Recording what a build wrote in each output folder's manifest, the moment it is written."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from sopdoc.publish.execute import Result
from sopdoc.publish.manifest import MANIFEST, journal, write_manifest
from sopdoc.publish.schedule import Task


class Recorder:
    """Keeps the manifests of a build's folders: an SOP's entry is voided before its files are
    rewritten and journalled as soon as they are, so a killed build loses nothing it wrote."""

    def __init__(self, manifests: dict[Path, dict[str, Any]]) -> None:
        self.manifests = manifests

    def rewriting(self, tasks: Iterable[Task]) -> None:
        """Void the entries of the SOPs about to be written."""
        for folder, manifest in self.manifests.items():
            voided = [t.stem for t in tasks if t.folder == folder and manifest.pop(t.stem, None)]
            journal(folder, [(stem, None) for stem in voided])

    def finished(self, task: Task, result: Result) -> None:
        """Record a task's files (or, when it failed, no entry)."""
        manifest = self.manifests[task.folder]
        entry = None if result.error else _entry(task, result.files)
        if entry is None:
            manifest.pop(task.stem, None)
        else:
            manifest[task.stem] = entry
        journal(task.folder, [(task.stem, entry)])

    def remove(self, stale: Mapping[Path, Mapping[str, list[Path]]]) -> list[Path]:
        """Delete the files of SOPs gone from their workbook, and their entries."""
        removed: list[Path] = []
        for folder, stems in stale.items():
            for stem, files in stems.items():
                for path in files:
                    if path.is_file():
                        path.unlink()
                        removed.append(path)
                self.manifests[folder].pop(stem, None)
        return removed

    def close(self) -> None:
        """Write each manifest whole (its journal folded in)."""
        for folder, manifest in self.manifests.items():
            if manifest or (folder / MANIFEST).exists():
                write_manifest(folder, manifest)


def _entry(task: Task, built: Iterable[Path]) -> dict[str, Any]:
    return {"hash": task.fingerprint, "sop": str(task.sop.key), "files": [p.name for p in built]}
