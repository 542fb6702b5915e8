"""Which SOPs a build writes: in workbook order, those whose files are not current; and the
files of SOPs no longer in a workbook."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sopdoc.model import CellRef, Sop, Workbook
from sopdoc.publish.freshness import Inputs, fingerprint, is_current
from sopdoc.publish.manifest import read_manifest
from sopdoc.publish.outcome import Outcome, cannot_draw
from sopdoc.publish.paths import sop_stems


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


@dataclass(frozen=True)
class Task:
    """One SOP to build into one folder, with the fingerprint its files will be recorded by."""

    sop: Sop
    stem: str
    folder: Path
    fingerprint: str


@dataclass
class Schedule:
    """What a build will do, before it does anything."""

    #: Every SOP considered, in workbook order: a task to run, or its outcome already known
    #: (errors keep it from being drawn).
    slots: list[Task | Outcome] = field(default_factory=list)
    #: SOPs whose files are current.
    skipped: list[Sop] = field(default_factory=list)
    #: SOPs not even read: their sheets did not change and their files are current.
    unchanged: int = 0
    #: Each output folder's manifest, as read.
    manifests: dict[Path, dict[str, Any]] = field(default_factory=dict)
    #: Per folder, the stems of SOPs no longer in the workbook and their files still there.
    stale: dict[Path, dict[str, list[Path]]] = field(default_factory=dict)

    @property
    def tasks(self) -> list[Task]:
        return [slot for slot in self.slots if isinstance(slot, Task)]


def schedule(
    books: Sequence[Book], *, inputs: Inputs, force: bool = False, everything: bool = True
) -> Schedule:
    """Plan the build of ``books``: with ``force`` every drawable SOP is a task; with
    ``everything`` (no --sop filter) the files of SOPs gone from a workbook are found."""
    plan = Schedule()
    for book in books:
        folder = book.folder
        plan.unchanged += len(book.unchanged)
        manifest = plan.manifests.setdefault(folder, read_manifest(folder))
        stem_of = sop_stems(book.workbook) if book.stems is None else book.stems
        for sop in book.sops:
            failed = cannot_draw(book.workbook, sop)
            if failed is not None:
                plan.slots.append(failed)
                continue
            stem = stem_of[sop.key]
            print_ = fingerprint(sop, inputs) if book.prints is None else book.prints[sop.key]
            if not force and is_current(manifest.get(stem), print_, folder):
                plan.skipped.append(sop)
            else:
                plan.slots.append(Task(sop, stem, folder, print_))
        if everything:
            gone = _gone(manifest, current=set(stem_of.values()), folder=folder)
            if gone:
                plan.stale.setdefault(folder, {}).update(gone)
    return plan


def _gone(manifest: Mapping[str, Any], *, current: set[str], folder: Path) -> dict[str, list[Path]]:
    """The stems of the manifest that are no longer SOPs of the workbook, with their files."""
    gone: dict[str, list[Path]] = {}
    for stem, entry in sorted(manifest.items()):
        if stem not in current and isinstance(entry, dict):
            gone[stem] = [folder / str(name) for name in entry.get("files", [])]
    return gone
