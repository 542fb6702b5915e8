"""The manifest of an output folder: which SOP produced which files from which content,
and what the sheets last read held (for ``plan_build``).

A build records each SOP the moment it is done, as one line appended to a journal beside
the manifest, so that a build that is interrupted (Ctrl-C, a killed process, a power cut)
keeps what it finished. At the end of a build the journal is folded into the manifest, which
is written atomically, and removed. Reading replays the journal over the manifest; a last
line cut short by a kill is ignored.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Final

from sopdoc import __version__
from sopdoc.files import write_atomic

MANIFEST: Final = ".sopdoc-manifest.json"
JOURNAL: Final = ".sopdoc-manifest.journal"
MANIFEST_SCHEMA: Final = 1


def _read(folder: Path) -> dict[str, Any]:
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if isinstance(data, dict) and data.get("schema") == MANIFEST_SCHEMA:
        return data
    return {}


def read_sheets(folder: Path) -> dict[str, Any]:
    """The summaries of the sheets last read (``plan_build``), by sheet fingerprint."""
    found = _read(folder).get("sheets", {})
    return found if isinstance(found, dict) else {}


def read_manifest(folder: Path) -> dict[str, Any]:
    """The folder's manifest entries by file stem, with its journal replayed (empty when there
    is none or it is unreadable)."""
    entries: dict[str, Any] = {}
    found = _read(folder).get("sops", {})
    if isinstance(found, dict):
        entries.update(found)
    for stem, entry in _journal_lines(folder):
        if entry is None:
            entries.pop(stem, None)
        else:
            entries[stem] = entry
    return entries


def _journal_lines(folder: Path) -> list[tuple[str, dict[str, Any] | None]]:
    try:
        text = (folder / JOURNAL).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return []
    lines: list[tuple[str, dict[str, Any] | None]] = []
    for line in text.splitlines():
        try:
            item = json.loads(line)
        except ValueError:
            continue  # cut short by a kill
        if not isinstance(item, dict) or item.get("schema") != MANIFEST_SCHEMA:
            continue
        stem, entry = item.get("stem"), item.get("entry")
        if isinstance(stem, str) and (entry is None or isinstance(entry, dict)):
            lines.append((stem, entry))
    return lines


def read_written(folder: Path) -> dict[str, str]:
    """The fingerprints of the sheets last read, by their quicker ``written`` keys."""
    found = _read(folder).get("written", {})
    if not isinstance(found, dict):
        return {}
    return {k: v for k, v in found.items() if isinstance(k, str) and isinstance(v, str)}


def write_manifest(
    folder: Path,
    entries: dict[str, Any],
    *,
    sheets: dict[str, Any] | None = None,
    written: dict[str, str] | None = None,
) -> None:
    """Write the whole manifest atomically and drop the journal it now includes; ``sheets``
    and ``written`` None keep what the manifest has."""
    if sheets is None:
        sheets = read_sheets(folder)
    if written is None:
        written = read_written(folder)
    data = {
        "schema": MANIFEST_SCHEMA,
        "sopdoc": __version__,
        "sops": dict(sorted(entries.items())),
        "sheets": sheets,
        "written": dict(sorted(written.items())),
    }
    # Compact: written twice a build, a thousand SOPs and sheets in it.
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n"
    write_atomic(folder / MANIFEST, text.encode("utf-8"))
    (folder / JOURNAL).unlink(missing_ok=True)


def write_sheets(folder: Path, sheets: dict[str, Any], written: dict[str, str]) -> None:
    """Replace the manifest's sheet summaries and written keys, keeping its entries
    (journal included)."""
    write_manifest(folder, read_manifest(folder), sheets=sheets, written=written)


def journal(folder: Path, changes: list[tuple[str, dict[str, Any] | None]]) -> None:
    """Append entries (None: the stem's entry is void) to the folder's journal in one write."""
    if not changes:
        return
    text = "".join(
        json.dumps({"schema": MANIFEST_SCHEMA, "stem": stem, "entry": entry}, ensure_ascii=False)
        + "\n"
        for stem, entry in changes
    )
    folder.mkdir(parents=True, exist_ok=True)
    handle = os.open(folder / JOURNAL, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o666)
    try:
        os.write(handle, text.encode("utf-8"))
    finally:
        os.close(handle)
