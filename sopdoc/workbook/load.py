"""Opening an .xlsx file safely and turning its sheets into grids; the only openpyxl reader."""

from __future__ import annotations

import contextlib
import re
import sys
import warnings
import zipfile
from collections.abc import Collection, Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, Final

from defusedxml import DefusedXmlException

from sopdoc import messages
from sopdoc.errors import WorkbookError
from sopdoc.workbook.grid import Grid, is_empty
from sopdoc.workbook.locks import is_lock_file, locked_workbook


def _import_openpyxl_without_numpy() -> None:
    """Import openpyxl without the numpy it loads, when installed, only to recognise numpy
    numbers in cells it writes; sopdoc never gives it any. numpy is 0.13 s of the 0.2 s
    openpyxl takes to import, at every start of sopdoc and of each reading worker. A numpy
    imported before, or after, is left as it is."""
    if "openpyxl" in sys.modules or "numpy" in sys.modules:
        return
    sys.modules["numpy"] = None  # type: ignore[assignment]  # import numpy: ImportError
    try:
        import openpyxl  # noqa: F401
    finally:
        del sys.modules["numpy"]


_import_openpyxl_without_numpy()

import openpyxl  # noqa: E402
from openpyxl.utils.escape import unescape  # noqa: E402
from openpyxl.worksheet._read_only import ReadOnlyWorksheet  # noqa: E402

#: Refuse workbooks whose parts inflate beyond this (a zip bomb), before parsing them.
MAX_UNCOMPRESSED_BYTES: Final = 256 * 1024 * 1024
#: ... or whose parts inflate more than this ratio while being larger than 10 MiB (real
#: workbooks compress 10 to 20 times; a bomb of spaces or zeros, about 1,000 times).
MAX_COMPRESSION_RATIO: Final = 100
_RATIO_FLOOR_BYTES: Final = 10 * 1024 * 1024

# openpyxl warns, in English on stderr, about parts it skips (x14 data validations,
# extensions); the reader only reads and the file is left as it is, so users need not see it.
warnings.filterwarnings("ignore", category=UserWarning, module=r"openpyxl\.")

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
    if is_lock_file(path):
        raise _fail(messages.FILE_IS_LOCK.format(workbook=locked_workbook(path).name), path)
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


@contextlib.contextmanager
def _without_dimension_scan() -> Iterator[None]:
    """Skip the <dimension> look-up openpyxl makes when it opens each read-only sheet.

    It parses the start of every sheet at open time (2.1 s of 6.3 s for 1,000 SOP sheets), and
    we ignore its answer: _sheet_data reads every row (reset_dimensions). Should openpyxl
    rename the method, this only stops saving time.
    """
    original = ReadOnlyWorksheet.__dict__.get("_get_size")
    if original is None:
        yield
        return
    ReadOnlyWorksheet._get_size = lambda self: None
    try:
        yield
    finally:
        ReadOnlyWorksheet._get_size = original


def _open(path: Path, *, data_only: bool, read_only: bool) -> Any:
    try:
        with _without_dimension_scan() if read_only else contextlib.nullcontext():
            return openpyxl.load_workbook(path, data_only=data_only, read_only=read_only)
    except Exception as exc:  # openpyxl, zipfile, expat and defusedxml raise many types
        raise _reading_error(exc, path) from exc


def open_read_only(path: Path) -> Any:
    """The workbook opened by openpyxl in read-only mode for cached values, no sheet parsed
    yet; WorkbookError when it cannot be opened."""
    return _open(path, data_only=True, read_only=True)


def _reading_error(exc: Exception, path: Path) -> WorkbookError:
    """The user's message for anything openpyxl, zipfile, expat or defusedxml raised."""
    if isinstance(exc, WorkbookError):
        return exc
    causes = _chain(exc)
    unsafe = next((c for c in causes if isinstance(c, DefusedXmlException)), None)
    if unsafe is not None:
        return _fail(messages.FILE_XML_UNSAFE.format(reason=type(unsafe).__name__), path)
    if isinstance(exc, OSError) and not isinstance(exc, zipfile.BadZipFile):
        return _fail(
            messages.FILE_UNREADABLE.format(reason=_one_line(exc.strerror or str(exc))), path
        )
    root = causes[-1]
    return _fail(
        messages.FILE_CORRUPT.format(reason=_one_line(f"{type(root).__name__}: {root}")), path
    )


#: Below this many sheets, starting worker processes costs more than it saves.
PARALLEL_MIN_SHEETS: Final = 40

SheetData = tuple[
    str,
    dict[tuple[int, int], object],
    bool,
    frozenset[tuple[int, int]],
    frozenset[tuple[int, int]],
]
#: A date number format that writes the day with two digits (dd, not the weekday ddd/dddd).
_TWO_DIGIT_DAY: Final = re.compile(r"(?<!d)dd(?!d)")


def load_grids(
    path: Path, *, jobs: int = 1, only: Collection[int] | None = None, workbook: Any = None
) -> list[Grid]:
    """Read every sheet of a workbook (cached formula values) into grids, in sheet order; with
    ``only``, just the worksheets at those positions.

    With ``jobs`` > 1 and many sheets, worker processes parse the sheets in parallel
    (parsing the sheet XML is most of the time: 6.3 s for 1,000 SOP sheets on one core).
    ``workbook``: the file already checked and opened by ``open_read_only``, left open.
    """
    given = workbook is not None
    if not given:
        check_file(path)
        # Read-only mode streams each sheet's cells. The full mode also builds styles and
        # merged cell objects we never use, and its style list grows by linear search: 16 s
        # instead of 3 s for a workbook of 1,000 SOP sheets.
        workbook = open_read_only(path)
    try:
        count = len(workbook.worksheets)
        indices = sorted(set(range(count) if only is None else only) & set(range(count)))
        titles = {workbook.worksheets[i].title for i in indices}
        parts = {str(workbook.worksheets[i]._worksheet_path).lstrip("/") for i in indices}
        formulas = _formula_cells(path, titles) if _has_formulas(path, parts) else {}
        if jobs <= 1 or len(indices) < PARALLEL_MIN_SHEETS:
            return [Grid(*sheet) for sheet in _load_part(path, indices, formulas, workbook)]
    finally:
        if not given:
            workbook.close()
    workers = min(jobs, len(indices) // (PARALLEL_MIN_SHEETS // 2))
    shares = [indices[i::workers] for i in range(workers)]
    from sopdoc.processes import process_pool  # 15 ms: only for a pool

    with process_pool(workers) as pool:
        results = list(pool.map(_load_part, [path] * workers, shares, [formulas] * workers))
    data: dict[int, SheetData] = {}
    for share, sheets in zip(shares, results, strict=True):
        for index, sheet in zip(share, sheets, strict=True):
            data[index] = sheet
    return [Grid(*data[index]) for index in indices]


def _load_part(
    path: Path,
    indices: Sequence[int],
    formulas: dict[str, set[tuple[int, int]]],
    workbook: Any = None,
) -> list[SheetData]:
    """The sheets at ``indices`` (in a worker process, which opens the file itself).

    Read-only mode parses a sheet's XML only now, so an unsafe or broken sheet part is
    reported here, as it is when the file is opened.
    """
    opened = workbook if workbook is not None else _open(path, data_only=True, read_only=True)
    try:
        sheets = opened.worksheets
        return [_sheet_data(sheets[i], formulas.get(sheets[i].title, set())) for i in indices]
    except Exception as exc:
        raise _reading_error(exc, path) from exc
    finally:
        if workbook is None:
            opened.close()


def _has_formulas(path: Path, parts: Collection[str]) -> bool:
    """A cheap look at these sheet parts for formula elements, before parsing them twice."""
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name in parts:
                with archive.open(name) as member:
                    while chunk := member.read(1 << 20):
                        if b"<f>" in chunk or b"<f " in chunk or b":f>" in chunk:
                            return True
    return False


def _formula_cells(path: Path, titles: Collection[str]) -> dict[str, set[tuple[int, int]]]:
    """(row, column) of every formula cell, per sheet title, of the sheets named."""
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
            if sheet.title in titles
        }
    finally:
        workbook.close()


def _sheet_data(sheet: Any, formulas: set[tuple[int, int]]) -> SheetData:
    values: dict[tuple[int, int], object] = {}
    uncached: set[tuple[int, int]] = set()
    padded: set[tuple[int, int]] = set()
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
                if isinstance(value, datetime) and _shows_two_digit_day(cell.number_format):
                    padded.add((cell.row, cell.column))
            elif (cell.row, cell.column) in formulas:
                uncached.add((cell.row, cell.column))
    visible = sheet.sheet_state == "visible"
    return sheet.title, values, visible, frozenset(uncached), frozenset(padded)


def _shows_two_digit_day(number_format: object) -> bool:
    """Whether an Excel date format writes the day as two digits (``dd mmmm yyyy``)."""
    if not isinstance(number_format, str):
        return False
    bare = re.sub(r'"[^"]*"|\[[^\]]*\]|\\.', "", number_format).split(";")[0].lower()
    return _TWO_DIGIT_DAY.search(bare) is not None
