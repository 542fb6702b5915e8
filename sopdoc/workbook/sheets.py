"""A fingerprint of each sheet of an .xlsx file from what the reader reads of it: its cells'
values and number formats, scanned from the raw XML without parsing it with openpyxl.

A sheet's grid depends on its cells' values (shared and inline strings alike, resolved to
their text), each number's format (dates, and how their day is written), formulas without a
cached value, the sheet's title and state, and the workbook's date system. The fingerprint is
made of exactly those, so whatever else an editor rewrites when it saves (Excel renumbering
its shared strings and adding a cell format when a date is typed, openpyxl renumbering the
styles, LibreOffice Calc writing every part anew, a bold cell, a column width, the selected
cell) leaves it as it was. Scanning the parts takes about 0.5 s for 1,000 SOP sheets; parsing
them with openpyxl, about 5 s.
"""

from __future__ import annotations

import contextlib
import hashlib
import html
import re
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from openpyxl.styles.numbers import BUILTIN_FORMATS

from sopdoc.workbook.load import check_file, open_read_only

_PREFIX: Final = rb"(?:[A-Za-z_][\w.-]*:)?"
#: One cell element: its attributes and, unless it is empty (``<c r="B2" s="3"/>``), its body.
_CELL: Final = re.compile(rb"<" + _PREFIX + rb"c\b([^>]*?)(?:/>|>(.*?)</" + _PREFIX + rb"c>)", re.S)
#: A cell written as the usual editors write it: ``r``, then ``s`` and ``t`` when present.
_PLAIN_CELL: Final = re.compile(
    rb'<c r="([A-Z]{1,3}\d+)"(?: s="(\d+)")?(?: t="(\w+)")?\s*(?:/>|>(.*?)</c>)', re.S
)
_ATTRIBUTE: Final = re.compile(rb"""\b(r|s|t)\s*=\s*["']([^"']*)["']""")
_VALUE: Final = re.compile(rb"<" + _PREFIX + rb"v>(.*?)</" + _PREFIX + rb"v>", re.S)
#: The parts a sheet's cells point at (shared strings, styles).
_POINTED_PARTS: Final = ("sharedstrings.xml", "styles.xml")
_FORMULA: Final = re.compile(rb"<" + _PREFIX + rb"f\b")
_INLINE_TEXT: Final = re.compile(rb"<" + _PREFIX + rb"t\b[^>]*>(.*?)</" + _PREFIX + rb"t>", re.S)
#: Phonetic runs inside an inline string: not part of its text.
_PHONETIC: Final = re.compile(rb"<" + _PREFIX + rb"rPh\b.*?</" + _PREFIX + rb"rPh>", re.S)
#: Cell types that hold text: shared, inline, and a formula's text result.
_TEXT_TYPES: Final = frozenset({b"s", b"inlineStr", b"str"})
#: Custom number formats are numbered from here.
_FIRST_CUSTOM_FORMAT: Final = 164
#: Bump when what a grid holds, or this canonical form, changes: cached summaries of sheets
#: made under another scheme are not reused.
SCHEME: Final = 2


@dataclass(frozen=True)
class SheetPrint:
    """One worksheet: its position among the worksheets, its title and its fingerprint."""

    index: int
    title: str
    key: str
    #: A quicker key of the sheet as written: its XML, its shared strings and its styles;
    #: equal keys have equal fingerprints.
    written: str = ""


def sheet_prints(
    path: Path, *, workbook: Any = None, known: Mapping[str, str] | None = None
) -> tuple[SheetPrint, ...]:
    """The fingerprint of every worksheet of the workbook at ``path``, in sheet order.

    ``workbook``: the file already opened by ``open_read_only`` (else it is checked and
    opened here). ``known`` maps the ``written`` key of sheets fingerprinted before to their
    fingerprint: a sheet whose XML, shared strings and number formats are as they were is not
    scanned again (most sheets, after ``sopdoc revise`` or an Excel save of one edit).
    Raises WorkbookError as the reader does when the file cannot be read.
    """
    if workbook is None:
        check_file(path)
        opened = open_read_only(path)
        try:
            return sheet_prints(path, workbook=opened, known=known)
        finally:
            opened.close()
    known = known or {}
    sheets = workbook.worksheets
    reader = _CellReader(
        workbook, list(getattr(sheets[0], "_shared_strings", ())) if sheets else []
    )
    kept = getattr(workbook, "_archive", None)  # read-only mode keeps the file open
    with contextlib.nullcontext(kept) if kept is not None else zipfile.ZipFile(path) as archive:
        names = set(archive.namelist())
        common = f"{SCHEME}|{workbook.epoch.isoformat()}|".encode()
        # What a sheet's XML points at: its shared strings and styles, whole (cheap to hash;
        # an editor that rewrites them makes every sheet be scanned once).
        pointed = hashlib.sha256()
        for name in sorted(n for n in names if n.lower().endswith(_POINTED_PARTS)):
            pointed.update(archive.read(name))
        prints = []
        for index, sheet in enumerate(sheets):
            part = str(sheet._worksheet_path).lstrip("/")
            data = archive.read(part) if part in names else b""
            head = common + f"{sheet.title}|{sheet.sheet_state}|".encode()
            written = hashlib.sha256(head + pointed.digest() + data).hexdigest()
            key = known.get(written)
            if key is None:
                key = hashlib.sha256(head + reader.canonical(data, archive)).hexdigest()
            prints.append(SheetPrint(index, sheet.title, key, written))
    return tuple(prints)


class _CellReader:
    """Turns a sheet's XML into its canonical form: one line per cell with a value."""

    def __init__(self, workbook: Any, strings: Sequence[Any]) -> None:
        self.strings = strings
        self.styles: Sequence[Any] = getattr(workbook, "_cell_styles", ())
        self.custom: Sequence[str] = list(getattr(workbook, "_number_formats", ()))
        self._formats: dict[bytes, bytes] = {}
        self._encoded: dict[int, bytes] = {}

    def canonical(self, data: bytes, archive: zipfile.ZipFile) -> bytes:
        cells = self._cells(data)
        if cells is None:  # cells placed by their order alone: hash the sheet as written
            return self._as_written(data, archive)
        lines: list[bytes] = []
        add = lines.append
        line: bytes | None
        for ref, kind, style, body in cells:
            value = _VALUE.search(body) if body else None
            if kind == b"s" and value is not None:
                try:
                    line = b"T" + self._string(int(value.group(1)))
                except (ValueError, IndexError):
                    return self._as_written(data, archive)
            else:
                line = self._other(kind, style, value, body)
            if line is not None:
                add(ref + b"\x00" + line)
        return b"\n".join(lines)

    def _cells(self, data: bytes) -> list[tuple[bytes, bytes, bytes, bytes]] | None:
        """(reference, type, style, body) of every cell; None when a cell has no reference.

        Excel, LibreOffice and openpyxl write ``<c r=".." s=".." t="..">`` in that order: one
        scan reads those four times faster; anything else is read attribute by attribute.
        """
        fast = _PLAIN_CELL.findall(data)
        if len(fast) == data.count(b"<c ") + data.count(b"<c>"):
            return [(ref, kind or b"n", style or b"0", body) for ref, style, kind, body in fast]
        cells = []
        for attributes, body in _CELL.findall(data):
            found = dict(_ATTRIBUTE.findall(attributes))
            ref = found.get(b"r")
            if ref is None:
                return None
            cells.append((ref, found.get(b"t", b"n"), found.get(b"s", b"0"), body))
        return cells

    def _string(self, index: int) -> bytes:
        """A shared string's text, encoded once."""
        encoded = self._encoded.get(index)
        if encoded is None:
            if index < 0:
                raise IndexError(index)
            encoded = str(self.strings[index]).encode("utf-8", "backslashreplace")
            self._encoded[index] = encoded
        return encoded

    def _other(
        self, kind: bytes, style: bytes, value: re.Match[bytes] | None, body: bytes
    ) -> bytes | None:
        """The canonical line of a cell that is not a shared string."""
        if kind == b"inlineStr":
            plain = body[7:-9]  # <is><t>text</t></is>, as most writers write it
            if body.startswith(b"<is><t>") and body.endswith(b"</t></is>") and b"<" not in plain:
                raw: bytes | None = plain
            else:
                if b"rPh" in body:
                    body = _PHONETIC.sub(b"", body)
                texts = _INLINE_TEXT.findall(body)
                raw = b"".join(texts) if texts else None
        else:
            raw = value.group(1) if value is not None else None
            if raw is not None and kind != b"str" and not raw.strip():
                raw = None  # <v></v>: a formula openpyxl wrote without its value
        if raw is None:
            return b"\x00F" if body and _FORMULA.search(body) else None  # never calculated
        if b"&" in raw:  # entities written out, as another editor may write them
            raw = html.unescape(raw.decode("utf-8", "replace")).encode("utf-8", "backslashreplace")
        if kind in _TEXT_TYPES:
            return b"T" + raw
        if kind == b"n":  # a number: what it shows depends on its format (a date, its day)
            return b"N" + raw.strip() + b"\x00" + self._format(style)
        return kind + b"\x00" + raw

    def _format(self, style: bytes) -> bytes:
        """The number format code of a cell style index (not the index: editors renumber)."""
        code = self._formats.get(style)
        if code is None:
            try:
                number = int(self.styles[int(style)].numFmtId)
            except (ValueError, IndexError, AttributeError):
                number = 0
            if number >= _FIRST_CUSTOM_FORMAT and number - _FIRST_CUSTOM_FORMAT < len(self.custom):
                text = str(self.custom[number - _FIRST_CUSTOM_FORMAT])
            else:
                text = str(BUILTIN_FORMATS.get(number, number))
            self._formats[style] = code = _plain_format(text).encode()
        return code

    def _as_written(self, data: bytes, archive: zipfile.ZipFile) -> bytes:
        """The sheet's XML with the styles and shared strings it may point at: a rarer
        rebuild after a mere re-save, never a missed edit."""
        parts = ("styles.xml", "sharedstrings.xml")
        extra = [archive.read(n) for n in sorted(archive.namelist()) if n.lower().endswith(parts)]
        return b"\x00".join([data, *extra, repr(list(self.strings)).encode("utf-8", "replace")])


def _plain_format(code: str) -> str:
    """A number format code as it reads: LibreOffice writes ``dd\\ mmmm\\ yyyy`` where Excel
    writes ``dd mmmm yyyy``, and the case of date codes does not matter."""
    return _ESCAPED.sub(r"\1", code).replace('"', "").lower()


_ESCAPED: Final = re.compile(r"\\(.)")
