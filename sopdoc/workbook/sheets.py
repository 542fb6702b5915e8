"""A fingerprint of each sheet of an .xlsx file, from its raw XML, without parsing its cells.

A sheet's grid depends on its own XML part, its title and state, the shared strings its cells
point at, the styles (number formats make numbers dates) and the workbook's date system.
The fingerprint hashes exactly those, so two runs over a workbook where one sheet was edited
give the other sheets the same fingerprints, even when Excel rewrote the shared strings.
Reading the parts and hashing them takes about 0.2 s for 1,000 SOP sheets; parsing them with
openpyxl, about 5 s.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from sopdoc.workbook.load import check_file, open_read_only

#: A shared-string cell's type and value: ``t="s" ...><v>12</v>``. Excel renumbers its shared
#: strings when it saves, so a sheet is hashed with each index replaced by its string.
_SHARED: Final = re.compile(rb"""\bt=["']s["'][^>]*>\s*<(?:[A-Za-z_][\w.-]*:)?v>\s*(\d+)\s*<""")
#: Any other number in a <v> element: should a shared-string cell escape the pattern above,
#: the strings at every such index are hashed too (a rare extra parse, never a missed edit).
_VALUES: Final = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?v>\s*(\d+)\s*</")
#: Which cell is selected and which tab is active: Excel rewrites these when a sheet is only
#: looked at; they are not read.
_VIEWS: Final = re.compile(
    rb"<(?:[A-Za-z_][\w.-]*:)?sheetViews\b.*?</(?:[A-Za-z_][\w.-]*:)?sheetViews>", re.S
)
#: Bump when what a grid holds changes, so that cached summaries of sheets are not reused.
SCHEME: Final = 1


@dataclass(frozen=True)
class SheetPrint:
    """One worksheet: its position among the worksheets, its title and its fingerprint."""

    index: int
    title: str
    key: str


def sheet_prints(path: Path, *, workbook: Any = None) -> tuple[SheetPrint, ...]:
    """The fingerprint of every worksheet of the workbook at ``path``, in sheet order.

    ``workbook``: the file already opened by ``open_read_only`` (else it is checked and
    opened here). Raises WorkbookError as the reader does when the file cannot be read.
    """
    if workbook is None:
        check_file(path)
        opened = open_read_only(path)
        try:
            return sheet_prints(path, workbook=opened)
        finally:
            opened.close()
    sheets = workbook.worksheets
    strings: list[Any] = list(getattr(sheets[0], "_shared_strings", ())) if sheets else []
    kept = getattr(workbook, "_archive", None)  # read-only mode keeps the file open
    with contextlib.nullcontext(kept) if kept is not None else zipfile.ZipFile(path) as archive:
        common = hashlib.sha256()
        common.update(f"{SCHEME}|{workbook.epoch.isoformat()}|".encode())
        names = set(archive.namelist())
        if "xl/styles.xml" in names:
            common.update(archive.read("xl/styles.xml"))
        if not strings:  # should openpyxl keep them elsewhere: all of them, whole
            for name in sorted(n for n in names if n.lower().endswith("sharedstrings.xml")):
                common.update(archive.read(name))
        prints = []
        for index, sheet in enumerate(sheets):
            part = str(sheet._worksheet_path).lstrip("/")
            data = _canonical(archive.read(part) if part in names else b"", strings)
            digest = common.copy()
            digest.update(f"|{sheet.title}|{sheet.sheet_state}|{len(data)}|".encode())
            digest.update(data)
            for number in sorted({int(n) for n in _VALUES.findall(data)}):
                if number < len(strings):
                    digest.update(f"|{number}={strings[number]!r}".encode())
            prints.append(SheetPrint(index, sheet.title, digest.hexdigest()))
    return tuple(prints)


def _canonical(data: bytes, strings: list[Any]) -> bytes:
    """A sheet's XML without its view settings and with its shared strings written out."""

    def written(match: re.Match[bytes]) -> bytes:
        number = int(match.group(1))
        text = strings[number] if number < len(strings) else None
        return b"\x00S" + repr(text).encode("utf-8", "backslashreplace") + b"\x00"

    if b"sheetViews" in data:
        data = _VIEWS.sub(b"", data, count=1)
    return _SHARED.sub(written, data) if b"t=" in data else data
