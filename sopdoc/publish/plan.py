"""What a build must read: only the sheets whose content changed since the last build into the
same folder, and those whose SOPs must be built again.

The output folder keeps a summary of each sheet read, under the sheet's canonical fingerprint
(``sheet_prints``: what the reader reads of it, however an editor saved it): the jabatan hints
it gives and, for the context it was read in (the Instansi sheet, the logo, the hints of the
whole workbook), its SOPs' cells, nomors and content fingerprints and whether they had errors.
A sheet whose fingerprint and context are known is not parsed at all: its SOPs' build
fingerprints come from the summary (``freshness``). A sheet that changed is parsed, and its
SOPs are compared by content: only those that changed are built again.
"""

from __future__ import annotations

import functools
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from sopdoc.model import Agency, CellRef, Severity, Sop, Workbook
from sopdoc.publish.freshness import Inputs, build_print, content_print, digest, file_hash
from sopdoc.publish.freshness import is_current as _is_current
from sopdoc.publish.manifest import read_manifest, read_sheets, read_written, write_sheets
from sopdoc.publish.paths import stems_of
from sopdoc.workbook import jabatan_hints, parse_grids, sheet_hints
from sopdoc.workbook.grid import Grid
from sopdoc.workbook.instansi import is_instansi_title, read_agency
from sopdoc.workbook.load import check_file, load_grids, open_read_only
from sopdoc.workbook.problems import Problems
from sopdoc.workbook.sheets import SheetPrint, sheet_prints

#: Bump when the summaries change meaning.
CACHE_SCHEMA: Final = 3


@dataclass(frozen=True)
class Plan:
    """A workbook as much as a build needs it."""

    #: The SOPs read this time: all of them, or those of the sheets that had to be read.
    workbook: Workbook
    #: The file stem of every SOP of the workbook, read or not.
    stems: Mapping[CellRef, str]
    #: The build fingerprint of every SOP of the workbook, read or not.
    prints: Mapping[CellRef, str]
    #: The stems of the SOPs not read: unchanged, their files in place.
    unchanged: tuple[str, ...]
    #: The nomor of every SOP of the workbook, read or not.
    nomors: Mapping[CellRef, str]
    #: The warnings of the whole workbook: those read now and those of the sheets not read.
    warnings: int = 0


@dataclass
class _Reading:
    """One workbook file, opened once, and the sheets parsed of it so far."""

    path: Path
    opened: Any
    jobs: int
    prints: tuple[SheetPrint, ...]
    grids: dict[int, Grid] = field(default_factory=dict)

    def load(self, indices: Iterable[int]) -> None:
        missing = sorted(set(indices) - set(self.grids))
        if missing:
            loaded = load_grids(self.path, jobs=self.jobs, only=missing, workbook=self.opened)
            self.grids.update(zip(missing, loaded, strict=True))

    @property
    def whole(self) -> bool:
        return len(self.grids) == len(self.prints)

    @functools.cached_property
    def agency(self) -> Agency:
        """The Instansi sheet's settings (that sheet is among the first loaded)."""
        instansi = next((p for p in self.prints if is_instansi_title(p.title)), None)
        return read_agency(
            self.grids[instansi.index] if instansi else None,
            folder=self.path.parent,
            problems=Problems(),
        )


def plan_build(
    path: Path,
    *,
    folder: Path,
    inputs: Inputs,
    jobs: int = 1,
    full: bool = False,
    sheets: Collection[str] | None = None,
) -> Plan:
    """Read what a build of ``path`` into ``folder`` needs; with ``full``, every sheet.

    With ``sheets`` (titles), only the SOPs of those sheets are to be built: those sheets are
    read, the others only when they changed, whether their files are in place or not.

    Raises WorkbookError when the file cannot be read.
    """
    check_file(path)
    opened = open_read_only(path)
    try:
        known = {} if full else read_written(folder)
        reading = _Reading(path, opened, jobs, sheet_prints(path, workbook=opened, known=known))
        return _plan(reading, folder=folder, inputs=inputs, full=full, sheets=sheets)
    finally:
        opened.close()


def _plan(
    reading: _Reading,
    *,
    folder: Path,
    inputs: Inputs,
    full: bool,
    sheets: Collection[str] | None,
) -> Plan:
    prints = reading.prints
    cache = {} if full else _read_cache(folder)
    named = set(sheets or ())
    instansi = next((p for p in prints if is_instansi_title(p.title)), None)
    reading.load(
        p.index for p in prints if full or p.key not in cache or p is instansi or p.title in named
    )
    context = _context(reading, instansi, cache)
    reading.load(p.index for p in prints if _stale_summary(cache.get(p.key), context))
    manifest = read_manifest(folder)
    while True:
        workbook = _parse(reading, cache)
        if not reading.whole and _has_general_error(workbook):
            reading.load(range(len(prints)))  # such an error concerns every SOP: read all
            continue
        refs = _sop_refs(reading, workbook, cache)
        stems = stems_of(refs)
        contents = {sop.key: content_print(sop) for sop in workbook.sops}
        build_prints = _build_prints(reading, contents, cache, inputs)
        again = {
            p.index
            for p in prints
            if p.index not in reading.grids and (sheets is None or p.title in named)
            for ref, _, _ in _cached_sops(p, cache)
            if not _is_current(manifest.get(stems[ref]), build_prints[ref], folder)
        }
        if not again:
            break
        reading.load(again)
    read = {p.title for p in prints if p.index in reading.grids}
    _write_cache(folder, reading, workbook, contents, cache=cache, context=context)
    return Plan(
        workbook=workbook,
        stems=stems,
        prints=build_prints,
        unchanged=tuple(stems[ref] for ref, _ in refs if ref.sheet not in read),
        nomors=dict(refs),
        warnings=len(workbook.warnings)
        + sum(cache[p.key]["warnings"] for p in prints if p.index not in reading.grids),
    )


def _context(reading: _Reading, instansi: SheetPrint | None, cache: Mapping[str, Any]) -> str:
    """What every sheet's SOPs are read in: the Instansi sheet, the logo, the jabatan hints
    of the whole workbook, the workbook's folder (a relative logo is found there)."""
    agency = reading.agency
    hints = _hints(reading, cache, agency)
    logo = Path(agency.logo) if agency.logo else None
    return digest(
        [
            instansi.key if instansi else "",
            str(agency.logo or ""),
            file_hash(logo),
            list(hints),
            str(reading.path.parent.resolve()),
        ]
    )


def _hints(reading: _Reading, cache: Mapping[str, Any], agency: Agency) -> tuple[str, ...]:
    return tuple(
        jabatan_hints(
            agency,
            [
                sheet_hints(reading.grids[p.index])
                if p.index in reading.grids
                else cache[p.key]["hints"]
                for p in reading.prints
            ],
        )
    )


def _parse(reading: _Reading, cache: Mapping[str, Any]) -> Workbook:
    """The sheets read so far, parsed in workbook order with the whole workbook's hints."""
    ordered = [p for p in reading.prints if p.index in reading.grids]
    return parse_grids(
        [reading.grids[p.index] for p in ordered],
        path=reading.path,
        hints=_hints(reading, cache, reading.agency),
        whole=reading.whole,
    )


def _stale_summary(entry: Any, context: str) -> bool:
    """A summary that cannot stand for its sheet: none, made in another context, or of a
    sheet with errors (checks across sheets may have cleared them)."""
    return entry is None or entry.get("context") != context or bool(entry.get("errors"))


def _has_general_error(workbook: Workbook) -> bool:
    return any(p.sop is None and p.severity is Severity.ERROR for p in workbook.problems)


def _cached_sops(p: SheetPrint, cache: Mapping[str, Any]) -> list[tuple[CellRef, str, str]]:
    """(cell, nomor, content fingerprint) of each SOP of a sheet not read, from its summary."""
    return [
        (CellRef(p.title, row, column), nomor, content)
        for row, column, nomor, content in cache[p.key]["sops"]
    ]


def _sop_refs(
    reading: _Reading, workbook: Workbook, cache: Mapping[str, Any]
) -> list[tuple[CellRef, str]]:
    """The cell and nomor of every SOP of the workbook, in workbook order."""
    read: dict[str, list[Sop]] = {}
    for sop in workbook.sops:
        read.setdefault(sop.key.sheet, []).append(sop)
    refs: list[tuple[CellRef, str]] = []
    for p in reading.prints:
        if p.index in reading.grids:
            refs.extend((s.key, s.identity.nomor) for s in read.get(p.title, []))
        else:
            refs.extend((ref, nomor) for ref, nomor, _ in _cached_sops(p, cache))
    return refs


def _build_prints(
    reading: _Reading,
    contents: Mapping[CellRef, str],
    cache: Mapping[str, Any],
    inputs: Inputs,
) -> dict[CellRef, str]:
    """Every SOP's build fingerprint: from its content when read, else from its summary."""
    prints = {ref: build_print(content, inputs) for ref, content in contents.items()}
    for p in reading.prints:
        if p.index not in reading.grids:
            for ref, _, content in _cached_sops(p, cache):
                prints[ref] = build_print(content, inputs)
    return prints


def _read_cache(folder: Path) -> dict[str, Any]:
    return {key: entry for key, entry in read_sheets(folder).items() if _valid_entry(entry)}


def _valid_entry(entry: Any) -> bool:
    if not isinstance(entry, dict) or entry.get("schema") != CACHE_SCHEMA:
        return False
    if not isinstance(entry.get("context"), str):
        return False
    hints, sops = entry.get("hints"), entry.get("sops")
    return (
        isinstance(entry.get("warnings"), int)
        and isinstance(hints, list)
        and all(isinstance(h, str) for h in hints)
        and isinstance(sops, list)
        and all(
            isinstance(s, list)
            and len(s) == 4
            and isinstance(s[0], int)
            and isinstance(s[1], int)
            and isinstance(s[2], str)
            and isinstance(s[3], str)
            for s in sops
        )
    )


def _write_cache(
    folder: Path,
    reading: _Reading,
    workbook: Workbook,
    contents: Mapping[CellRef, str],
    *,
    cache: Mapping[str, Any],
    context: str,
) -> None:
    """Summaries of the workbook's sheets: those read now, the others as they were."""
    errors = {p.sop for p in workbook.problems if p.severity is Severity.ERROR}
    by_sheet: dict[str, list[Sop]] = {}
    for sop in workbook.sops:
        by_sheet.setdefault(sop.key.sheet, []).append(sop)
    sheets: dict[str, Any] = {}
    for p in reading.prints:
        if p.index in reading.grids:
            sops = by_sheet.get(p.title, [])
            sheets[p.key] = {
                "schema": CACHE_SCHEMA,
                "hints": list(sheet_hints(reading.grids[p.index])),
                "context": context,
                "errors": any(s.key in errors for s in sops),
                "warnings": sum(
                    1 for w in workbook.warnings if w.sop is not None and w.sop.sheet == p.title
                ),
                "sops": [
                    [s.key.row, s.key.column, s.identity.nomor, contents[s.key]] for s in sops
                ],
            }
        elif p.key in cache:
            sheets[p.key] = cache[p.key]
    written = {p.written: p.key for p in reading.prints}
    if sheets != cache or written != read_written(folder):  # read, changed, or gone
        write_sheets(folder, sheets, written)
