"""One reading of the workbook as the preview shows it: SOPs, their problems, their fingerprints."""

from __future__ import annotations

from collections.abc import MutableMapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from sopdoc.model import Problem, Severity, Sop, Workbook
from sopdoc.publish.freshness import Inputs, fingerprint
from sopdoc.publish.paths import safe_stem, unique_stems
from sopdoc.publish.workbooks import with_layout_problems

#: What a fingerprint is taken for: one key for everything the preview builds of an SOP.
FINGERPRINT_INPUTS = Inputs.of(formats=("docx", "pdf", "pptx"))


@dataclass(frozen=True)
class Entry:
    """One SOP of the workbook: its problems (errors first) and, when drawable, its fingerprint."""

    index: int
    sop: Sop
    stem: str
    problems: tuple[Problem, ...]
    #: Empty when the SOP has errors and cannot be drawn.
    fingerprint: str

    @property
    def errors(self) -> int:
        return sum(1 for p in self.problems if p.severity is Severity.ERROR)

    @property
    def warnings(self) -> int:
        return len(self.problems) - self.errors


@dataclass(frozen=True)
class Snapshot:
    """The last good reading of the workbook."""

    entries: tuple[Entry, ...]
    #: Problems of the workbook as a whole (no SOP), errors first.
    general: tuple[Problem, ...]
    read_at: datetime

    @property
    def fingerprints(self) -> frozenset[str]:
        return frozenset(e.fingerprint for e in self.entries if e.fingerprint)


def errors_first(problems: Sequence[Problem]) -> tuple[Problem, ...]:
    """Errors before warnings, each in the order the reader found them."""
    return tuple(sorted(problems, key=lambda p: p.severity is not Severity.ERROR))


def layout_problems(
    workbook: Workbook, sop: Sop, *, cache: MutableMapping[str, tuple[Problem, ...]], key: str
) -> tuple[Problem, ...]:
    """The problems `sopdoc check` adds for a drawable SOP that does not fit its paper, worked
    out once per fingerprint."""
    if key not in cache:
        alone = replace(workbook, sops=(sop,), problems=())
        cache[key] = with_layout_problems(alone).problems
    return cache[key]


def take_snapshot(
    workbook: Workbook,
    *,
    read_at: datetime,
    layout_cache: MutableMapping[str, tuple[Problem, ...]],
) -> Snapshot:
    """The preview's view of a workbook just read: the same problems as `sopdoc check`."""
    stems = unique_stems(safe_stem(s.identity.nomor or s.sheet) for s in workbook.sops)
    entries = []
    for index, (sop, stem) in enumerate(zip(workbook.sops, stems, strict=True)):
        problems = workbook.problems_of(sop)
        key = ""
        if workbook.is_drawable(sop):
            key = fingerprint(sop, FINGERPRINT_INPUTS)
            extra = layout_problems(workbook, sop, cache=layout_cache, key=key)
            problems = (*problems, *extra)
            if any(p.severity is Severity.ERROR for p in extra):
                key = ""
        entries.append(Entry(index, sop, stem, errors_first(problems), key))
    general = errors_first([p for p in workbook.problems if p.sop is None])
    return Snapshot(tuple(entries), general, read_at)
