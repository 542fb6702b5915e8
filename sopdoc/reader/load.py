"""Opening an .xlsx file safely and turning its sheets into grids; the only openpyxl reader."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any, Final

import openpyxl
from defusedxml import DefusedXmlException
from openpyxl.utils.escape import unescape

from sopdoc import messages
from sopdoc.errors import WorkbookError
from sopdoc.reader.grid import Grid, is_empty

#: Refuse workbooks whose parts inflate beyond this (a zip bomb), before parsing them.
MAX_UNCOMPRESSED_BYTES: Final = 256 * 1024 * 1024
#: ... or whose parts inflate more than this ratio while being larger than 10 MiB (real
#: workbooks compress 10 to 20 times; a bomb of spaces or zeros, about 1,000 times).
MAX_COMPRESSION_RATIO: Final = 100
_RATIO_FLOOR_BYTES: Final = 10 * 1024 * 1024

_OLE2_MAGIC: Final = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTION_STREAM: Final = "EncryptionInfo".encode("utf-16-le")
_KNOWN_KINDS: Final = (
    (b"%PDF", "dokumen PDF"),
    (b"\x89PNG", "gambar PNG"),
    (b"\xff\xd8\xff", "gambar JPEG"),
    (b"{\\rtf", "dokumen RTF"),
    (b"<", "teks HTML/XML"),
)


def _fail(message: str, path: Path) -> WorkbookError:
    return WorkbookError(message, path=str(path))


def check_file(path: Path) -> None:
    """Raise WorkbookError unless ``path`` looks like a readable, safe .xlsx file."""
    if not path.exists():
        raise _fail(messages.FILE_MISSING, path)
    if path.is_dir():
        raise _fail(messages.FILE_IS_FOLDER, path)
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
            if head.startswith(_OLE2_MAGIC):
                handle.seek(0)
                body = handle.read(1024 * 1024)
    except OSError as exc:
        raise _fail(messages.FILE_UNREADABLE.format(reason=exc.strerror), path) from exc
    if not head:
        raise _fail(messages.FILE_EMPTY, path)
    if head.startswith(_OLE2_MAGIC):
        # Both legacy .xls and password-protected .xlsx are OLE2 compound files.
        if _ENCRYPTION_STREAM in body:
            raise _fail(messages.FILE_ENCRYPTED, path)
        raise _fail(messages.FILE_XLS, path)
    if not head.startswith(b"PK"):
        kind = next((k for magic, k in _KNOWN_KINDS if head.startswith(magic)), "bukan zip")
        raise _fail(messages.FILE_NOT_XLSX.format(kind=kind), path)
    _check_zip(path)


def _check_zip(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except zipfile.BadZipFile as exc:
        raise _fail(messages.FILE_CORRUPT.format(reason="arsip zip terpotong"), path) from exc
    total = sum(info.file_size for info in infos)
    if total > MAX_UNCOMPRESSED_BYTES:
        reason = f"isi {total // (1024 * 1024)} MiB, batas {MAX_UNCOMPRESSED_BYTES // 2**20} MiB"
        raise _fail(messages.FILE_TOO_BIG.format(reason=reason), path)
    for info in infos:
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > _RATIO_FLOOR_BYTES and ratio > MAX_COMPRESSION_RATIO:
            reason = f"{info.filename} mengembang {ratio:.0f} kali"
            raise _fail(messages.FILE_TOO_BIG.format(reason=reason), path)
    names = {info.filename for info in infos}
    if "xl/workbook.xml" not in names:
        raise _fail(messages.FILE_NOT_XLSX.format(kind="arsip zip tanpa buku kerja Excel"), path)


def _chain(exc: BaseException) -> list[BaseException]:
    """An exception and its causes, outermost first."""
    found: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in found:
        found.append(current)
        current = current.__cause__ or current.__context__
    return found


def _one_line(text: str, limit: int = 160) -> str:
    return " ".join(text.split())[:limit]


def _open(path: Path, *, data_only: bool, read_only: bool) -> Any:
    try:
        return openpyxl.load_workbook(path, data_only=data_only, read_only=read_only)
    except Exception as exc:  # openpyxl, zipfile, expat and defusedxml raise many types
        causes = _chain(exc)
        unsafe = next((c for c in causes if isinstance(c, DefusedXmlException)), None)
        if unsafe is not None:
            reason = type(unsafe).__name__
            raise _fail(messages.FILE_XML_UNSAFE.format(reason=reason), path) from exc
        if isinstance(exc, OSError) and not isinstance(exc, zipfile.BadZipFile):
            reason = _one_line(exc.strerror or str(exc))
            raise _fail(messages.FILE_UNREADABLE.format(reason=reason), path) from exc
        root = causes[-1]
        reason = _one_line(f"{type(root).__name__}: {root}")
        raise _fail(messages.FILE_CORRUPT.format(reason=reason), path) from exc


def load_grids(path: Path) -> list[Grid]:
    """Read every sheet of a workbook (cached formula values) into grids, in sheet order."""
    check_file(path)
    formulas = _formula_cells(path) if _has_formulas(path) else {}
    # Read-only mode streams each sheet's cells. The full mode also builds styles and merged
    # cell objects we never use, and its style list grows by linear search: 16 s instead of
    # 3 s for a workbook of 1,000 SOP sheets.
    workbook = _open(path, data_only=True, read_only=True)
    try:
        return [_grid(sheet, formulas.get(sheet.title, set())) for sheet in workbook.worksheets]
    finally:
        workbook.close()


def _has_formulas(path: Path) -> bool:
    """A cheap look at the sheet parts for formula elements, before parsing them twice."""
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                with archive.open(name) as member:
                    while chunk := member.read(1 << 20):
                        if b"<f>" in chunk or b"<f " in chunk or b":f>" in chunk:
                            return True
    return False


def _formula_cells(path: Path) -> dict[str, set[tuple[int, int]]]:
    """(row, column) of every formula cell, per sheet title."""
    workbook = _open(path, data_only=False, read_only=True)
    try:
        return {
            sheet.title: {
                (cell.row, cell.column)
                for row in sheet.iter_rows()
                for cell in row
                if getattr(cell, "data_type", None) == "f"
            }
            for sheet in workbook.worksheets
        }
    finally:
        workbook.close()


def _grid(sheet: Any, formulas: set[tuple[int, int]]) -> Grid:
    values: dict[tuple[int, int], object] = {}
    uncached: set[tuple[int, int]] = set()
    sheet.reset_dimensions()  # a wrong <dimension> in the file must not hide rows
    for row in sheet.iter_rows():
        for cell in row:
            if not hasattr(cell, "row"):
                continue  # read-only mode pads rows with empty cells without coordinates
            value = cell.value
            if isinstance(value, str) and "_x" in value:
                value = unescape(value)  # Excel's _xHHHH_ escapes of control characters
            if not is_empty(value):
                values[(cell.row, cell.column)] = value
            elif (cell.row, cell.column) in formulas:
                uncached.add((cell.row, cell.column))
    visible = sheet.sheet_state == "visible"
    return Grid(sheet.title, values, visible=visible, uncached=frozenset(uncached))
