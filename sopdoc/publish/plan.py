"""What a build must read: only the sheets that changed since the last build into the same
folder, and those whose SOPs must be built again.

The output folder's manifest keeps a summary of each sheet read, under the sheet's
fingerprint (``sheet_prints``: its raw XML, the shared strings it uses, the styles): the
jabatan hints it gives and, for the context it was read in (the Instansi sheet, the logo
file, the hints of the whole workbook), its SOPs' cells and nomors and whether they had
errors. A sheet whose fingerprint and context are known and whose SOPs' files are in place is
not parsed at all. An SOP's build fingerprint is made of the same inputs, so it is known
without reading the SOP.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from sopdoc import __version__
from sopdoc.model import CellRef, Severity, Sop, Workbook
from sopdoc.publish.manifest import read_manifest, read_sheets, write_sheets
from sopdoc.publish.paths import safe_stem, unique_stems
from sopdoc.workbook import jabatan_hints, parse_grids, sheet_hints
from sopdoc.workbook.grid import Grid
from sopdoc.workbook.instansi import is_instansi_title, read_agency
from sopdoc.workbook.load import check_file, load_grids, open_read_only
from sopdoc.workbook.problems import Problems
from sopdoc.workbook.sheets import SheetPrint, sheet_prints

#: Bump when the summaries change meaning.
CACHE_SCHEMA: Final = 1


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


def file_hash(path: Path | None) -> str:
    if path is None or not Path(path).is_file():
        return ""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def plan_build(
    path: Path,
    *,
    folder: Path,
    formats: Sequence[str],
    template: Path | None = None,
    locked: bool = False,
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
        return _plan(
            path,
            opened,
            folder=folder,
            formats=formats,
            template=template,
            locked=locked,
            jobs=jobs,
            full=full,
            sheets=sheets,
        )
    finally:
        opened.close()


def _plan(
    path: Path,
    opened: Any,
    *,
    folder: Path,
    formats: Sequence[str],
    template: Path | None,
    locked: bool,
    jobs: int,
    full: bool,
    sheets: Collection[str] | None,
) -> Plan:
    prints = sheet_prints(path, workbook=opened)
    cache = {} if full else _read_cache(folder)
    manifest = read_manifest(folder)
    instansi = next((p for p in prints if is_instansi_title(p.title)), None)
    grids: dict[int, Grid] = {}

    def load(indices: Collection[int]) -> None:
        missing = sorted(set(indices) - set(grids))
        if missing:
            loaded = load_grids(path, jobs=jobs, only=missing, workbook=opened)
            grids.update(zip(missing, loaded, strict=True))

    named = set(sheets or ())
    load(
        [p.index for p in prints if full or p.key not in cache or p is instansi or p.title in named]
    )
    agency = read_agency(
        grids[instansi.index] if instansi else None, folder=path.parent, problems=Problems()
    )
    hints = jabatan_hints(
        agency,
        [
            sheet_hints(grids[p.index]) if p.index in grids else cache[p.key]["hints"]
            for p in prints
        ],
    )
    context = _digest(
        [
            instansi.key if instansi else "",
            str(agency.logo or ""),
            file_hash(Path(agency.logo) if agency.logo else None),
            list(hints),
            str(path.parent.resolve()),
        ]
    )
    common = _digest([context, sorted(formats), file_hash(template), locked, __version__])
    load(
        [
            p.index
            for p in prints
            if cache.get(p.key, {}).get("context") != context or cache[p.key].get("errors")
        ]
    )
    while True:
        ordered = [p for p in prints if p.index in grids]
        workbook = parse_grids(
            [grids[p.index] for p in ordered],
            path=path,
            hints=hints,
            whole=len(ordered) == len(prints),
        )
        if len(ordered) < len(prints) and _has_general_error(workbook):
            return plan_build(
                path,
                folder=folder,
                formats=formats,
                template=template,
                locked=locked,
                jobs=jobs,
                full=True,
                sheets=sheets,
            )
        refs = _sop_refs(prints, grids, workbook, cache)
        stems = dict(
            zip(
                (ref for ref, _ in refs),
                unique_stems(safe_stem(nomor or ref.sheet) for ref, nomor in refs),
                strict=True,
            )
        )
        key_of = {p.title: p.key for p in prints}
        build_prints = {
            ref: _digest([common, key_of[ref.sheet], ref.row, ref.column]) for ref, _ in refs
        }
        again = {
            p.index
            for p in prints
            if p.index not in grids and (sheets is None or p.title in named)
            for ref, _ in _cached_refs(p, cache)
            if not _in_place(manifest.get(stems[ref]), build_prints[ref], folder)
        }
        if not again:
            break
        load(again)
    read = {p.title for p in prints if p.index in grids}
    unchanged = tuple(stems[ref] for ref, _ in refs if ref.sheet not in read)
    _write_cache(folder, prints, grids, workbook, cache, context)
    return Plan(
        workbook=workbook,
        stems=stems,
        prints=build_prints,
        unchanged=unchanged,
        nomors=dict(refs),
    )


def _digest(items: list[Any]) -> str:
    text = json.dumps(items, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _has_general_error(workbook: Workbook) -> bool:
    return any(p.sop is None and p.severity is Severity.ERROR for p in workbook.problems)


def _cached_refs(p: SheetPrint, cache: Mapping[str, Any]) -> list[tuple[CellRef, str]]:
    return [(CellRef(p.title, row, column), nomor) for row, column, nomor in cache[p.key]["sops"]]


def _sop_refs(
    prints: Sequence[SheetPrint],
    grids: Mapping[int, Grid],
    workbook: Workbook,
    cache: Mapping[str, Any],
) -> list[tuple[CellRef, str]]:
    """The cell and nomor of every SOP of the workbook, in workbook order."""
    read: dict[str, list[Sop]] = {}
    for sop in workbook.sops:
        read.setdefault(sop.key.sheet, []).append(sop)
    refs: list[tuple[CellRef, str]] = []
    for p in prints:
        if p.index in grids:
            refs.extend((s.key, s.identity.nomor) for s in read.get(p.title, []))
        else:
            refs.extend(_cached_refs(p, cache))
    return refs


def _in_place(entry: Any, build_print: str, folder: Path) -> bool:
    """Whether the manifest entry is of this fingerprint and all its files exist."""
    return (
        isinstance(entry, dict)
        and entry.get("hash") == build_print
        and all((folder / name).is_file() for name in entry.get("files", []))
    )


def _read_cache(folder: Path) -> dict[str, Any]:
    return {key: entry for key, entry in read_sheets(folder).items() if _valid_entry(entry)}


def _valid_entry(entry: Any) -> bool:
    if not isinstance(entry, dict) or entry.get("schema") != CACHE_SCHEMA:
        return False
    if not isinstance(entry.get("context"), str):
        return False
    hints, sops = entry.get("hints"), entry.get("sops")
    return (
        isinstance(hints, list)
        and all(isinstance(h, str) for h in hints)
        and isinstance(sops, list)
        and all(
            isinstance(s, list)
            and len(s) == 3
            and isinstance(s[0], int)
            and isinstance(s[1], int)
            and isinstance(s[2], str)
            for s in sops
        )
    )


def _write_cache(
    folder: Path,
    prints: Sequence[SheetPrint],
    grids: Mapping[int, Grid],
    workbook: Workbook,
    cache: Mapping[str, Any],
    context: str,
) -> None:
    """Summaries of the workbook's sheets: those read now, the others as they were."""
    errors = {p.sop for p in workbook.problems if p.severity is Severity.ERROR}
    by_sheet: dict[str, list[Sop]] = {}
    for sop in workbook.sops:
        by_sheet.setdefault(sop.key.sheet, []).append(sop)
    sheets: dict[str, Any] = {}
    for p in prints:
        if p.index in grids:
            sops = by_sheet.get(p.title, [])
            sheets[p.key] = {
                "schema": CACHE_SCHEMA,
                "hints": list(sheet_hints(grids[p.index])),
                "context": context,
                "errors": any(s.key in errors for s in sops),
                "sops": [[s.key.row, s.key.column, s.identity.nomor] for s in sops],
            }
        elif p.key in cache:
            sheets[p.key] = cache[p.key]
    if sheets != cache:  # read now, changed, or gone from the workbook
        write_sheets(folder, sheets)
