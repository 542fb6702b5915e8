"""Editing an .xlsx at the XML level: set a few cells, append rows, add a sheet.

openpyxl rewrites every part it saves and drops what it does not read (text boxes, shapes,
form controls, x14 data validations). ``revise`` must change one cell and keep everything
else, so it edits the package instead: every zip entry is copied byte for byte except the
worksheet XML it edits and, when a sheet is added, ``[Content_Types].xml``,
``xl/workbook.xml`` and ``xl/_rels/workbook.xml.rels``. The XML is edited as text, by
splicing elements in, so attribute order, namespaces and extension lists stay as written.
Strings are written inline (``t="inlineStr"``) so that ``sharedStrings.xml`` stays as it is.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Final
from xml.etree.ElementTree import Element
from xml.sax.saxutils import escape, quoteattr

from defusedxml import ElementTree

from sopdoc.model import column_letter
from sopdoc.namespaces import RELS, R, S

MAIN_NS: Final = S
REL_NS: Final = R
PKG_REL_NS: Final = RELS
WORKSHEET_TYPE: Final = REL_NS + "/worksheet"
WORKSHEET_CONTENT: Final = (
    "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
)
WORKBOOK_PART: Final = "xl/workbook.xml"
WORKBOOK_RELS: Final = "xl/_rels/workbook.xml.rels"
CONTENT_TYPES: Final = "[Content_Types].xml"
_EXCEL_EPOCH: Final = date(1899, 12, 30)
#: Built-in number formats that show a date (ECMA-376 18.8.30, and the East Asian ones).
_DATE_FORMAT_IDS: Final = frozenset(
    (*range(14, 23), *range(27, 37), *range(45, 48), *range(50, 59))
)
#: Characters XML 1.0 cannot carry, even escaped.
_XML_ILLEGAL: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


class PackageError(Exception):
    """The package does not have the shape an edit needs; the caller words it for the user."""


#: A value to write: text (inline string), a number, a date (a serial; shown as a date only
#: when the cell's style is a date format), or None to empty the cell (its style stays).
Value = str | int | float | date | None


@dataclass(frozen=True)
class Sheet:
    """A worksheet of the package: its name and the zip entry of its XML."""

    name: str
    part: str


def excel_serial(value: date) -> int:
    """Excel's serial day number of ``value`` (1900 date system)."""
    return (value - _EXCEL_EPOCH).days


def clean_text(text: str) -> str:
    """``text`` without the characters XML cannot hold."""
    return _XML_ILLEGAL.sub("", text)


class Package:
    """An .xlsx opened for editing; ``save`` writes the edited copy."""

    def __init__(self, path: Path) -> None:
        with zipfile.ZipFile(path) as archive:
            self._infos = archive.infolist()
            self._data = {info.filename: archive.read(info) for info in self._infos}
        self._changed: dict[str, bytes] = {}
        self.sheets = self._read_sheets()

    # --- reading ---------------------------------------------------------------------------

    def read(self, part: str) -> bytes:
        """The current bytes of a part."""
        if part in self._changed:
            return self._changed[part]
        try:
            return self._data[part]
        except KeyError:
            raise PackageError(f"missing part {part}") from None

    def _xml(self, part: str) -> Element:
        try:
            root: Element = ElementTree.fromstring(self.read(part))
        except ElementTree.ParseError as error:
            raise PackageError(f"{part}: {error}") from None
        return root

    def _read_sheets(self) -> list[Sheet]:
        targets = {
            rel.get("Id"): rel.get("Target", "")
            for rel in self._xml(WORKBOOK_RELS).iter(f"{{{PKG_REL_NS}}}Relationship")
        }
        sheets = []
        for node in self._xml(WORKBOOK_PART).iter(f"{{{MAIN_NS}}}sheet"):
            target = targets.get(node.get(f"{{{REL_NS}}}id"))
            if target is None:
                continue
            part = (
                target.lstrip("/")
                if target.startswith("/")
                else posixpath.normpath(posixpath.join("xl", target))
            )
            sheets.append(Sheet(node.get("name", ""), part))
        return sheets

    def sheet(self, name: str) -> Sheet:
        """The sheet called ``name`` (exactly, as the reader reported it)."""
        for sheet in self.sheets:
            if sheet.name == name:
                return sheet
        raise PackageError(f"no sheet {name!r}")

    def date_styles(self) -> frozenset[int]:
        """Indices of the cell styles (``s``) whose number format shows a date."""
        try:
            root = self._xml("xl/styles.xml")
        except PackageError:
            return frozenset()
        custom = {
            int(node.get("numFmtId", "-1")): node.get("formatCode", "")
            for node in root.iter(f"{{{MAIN_NS}}}numFmt")
        }
        found = set()
        xfs = root.find(f"{{{MAIN_NS}}}cellXfs")
        for index, xf in enumerate(xfs if xfs is not None else ()):
            number = int(xf.get("numFmtId", "0"))
            if number in _DATE_FORMAT_IDS or (number in custom and _is_date_code(custom[number])):
                found.add(index)
        return frozenset(found)

    def cell_style(self, sheet: Sheet, ref: str) -> int | None:
        """The ``s`` of a cell, or None when the cell is absent or unstyled."""
        match = _find_cell(self.read(sheet.part).decode("utf-8"), ref)
        if match is None:
            return None
        style = re.search(r'\ss="(\d+)"', match.group("open"))
        return int(style.group(1)) if style else None

    def has_cell(self, sheet: Sheet, ref: str) -> bool:
        """Whether the sheet's XML has an element for the cell (styled or holding a value)."""
        return _find_cell(self.read(sheet.part).decode("utf-8"), ref) is not None

    def has_formula(self, sheet: Sheet, ref: str) -> bool:
        """Whether the cell holds a formula (rewriting it would leave calcChain.xml stale)."""
        match = _find_cell(self.read(sheet.part).decode("utf-8"), ref)
        return match is not None and re.search(r"<(\w+:)?f[\s/>]", match.group(0)) is not None

    def last_row(self, sheet: Sheet) -> int:
        """The number of the sheet's last row element (0 when it has none)."""
        rows = [int(m.group(1)) for m in _ROW_NUMBER.finditer(self.read(sheet.part).decode())]
        return max(rows, default=0)

    # --- editing ---------------------------------------------------------------------------

    def append_rows(self, sheet: Sheet, rows: Sequence[Sequence[Value]]) -> None:
        """Append ``rows`` below the sheet's last row, from column A."""
        first = self.last_row(sheet) + 1
        self.set_cells(
            sheet,
            {
                (first + offset, column): value
                for offset, values in enumerate(rows)
                for column, value in enumerate(values, start=1)
                if value is not None
            },
        )

    def set_cells(self, sheet: Sheet, values: Mapping[tuple[int, int], Value]) -> None:
        """Write values into cells at (row, column), keeping each cell's style."""
        xml = self.read(sheet.part).decode("utf-8")
        for (row, column), value in sorted(values.items()):
            xml = _set_cell(xml, row, column, value)
        self._changed[sheet.part] = xml.encode("utf-8")

    def add_sheet(
        self, name: str, rows: Sequence[Sequence[Value]], widths: Sequence[float]
    ) -> Sheet:
        """Append a new worksheet holding ``rows`` (from A1) and register it in the package."""
        used = {info.filename for info in self._infos} | set(self._changed)
        number = 1
        while f"xl/worksheets/sheet{number}.xml" in used:
            number += 1
        part = f"xl/worksheets/sheet{number}.xml"
        self._changed[part] = _new_sheet_xml(rows, widths).encode("utf-8")
        rel_id = self._add_relationship(f"worksheets/sheet{number}.xml")
        self._register_sheet(name, rel_id)
        self._add_override(part)
        sheet = Sheet(name, part)
        self.sheets.append(sheet)
        return sheet

    def _add_relationship(self, target: str) -> str:
        xml = self.read(WORKBOOK_RELS).decode("utf-8")
        ids = set(re.findall(r'\sId="([^"]*)"', xml))
        number = len(ids) + 1
        while f"rId{number}" in ids:
            number += 1
        rel_id = f"rId{number}"
        element = f'<Relationship Id="{rel_id}" Type="{WORKSHEET_TYPE}" Target="{target}"/>'
        self._changed[WORKBOOK_RELS] = _insert_before_close(xml, "Relationships", element)
        return rel_id

    def _register_sheet(self, name: str, rel_id: str) -> None:
        xml = self.read(WORKBOOK_PART).decode("utf-8")
        root = re.search(r"<(?:\w+:)?workbook\b[^>]*>", xml)
        prefix = _prefix_of(root.group(0), REL_NS) if root is not None else None
        declare = ""
        if prefix is None:  # openpyxl declares it on every <sheet>, not on the root
            prefix, declare = "r", f' xmlns:r="{REL_NS}"'
        ids = [int(x) for x in re.findall(r'<(?:\w+:)?sheet\b[^>]*\ssheetId="(\d+)"', xml)]
        element = (
            f"<{_element_prefix(xml, 'sheets')}sheet{declare} name={quoteattr(name)} "
            f'sheetId="{max(ids, default=0) + 1}" {prefix}:id="{rel_id}"/>'
        )
        self._changed[WORKBOOK_PART] = _insert_before_close(xml, "sheets", element)

    def _add_override(self, part: str) -> None:
        xml = self.read(CONTENT_TYPES).decode("utf-8")
        element = f'<Override PartName="/{part}" ContentType="{WORKSHEET_CONTENT}"/>'
        self._changed[CONTENT_TYPES] = _insert_before_close(xml, "Types", element)

    def changed_parts(self) -> frozenset[str]:
        """The entries ``save`` writes differently from the original (or adds)."""
        return frozenset(p for p, b in self._changed.items() if self._data.get(p) != b)

    def save(self, path: Path) -> None:
        """Write the package: original entries in their order (edited ones replaced), then new."""
        with zipfile.ZipFile(path, "w") as out:
            for info in self._infos:
                data = self._changed.get(info.filename, self._data[info.filename])
                out.writestr(info, data, compress_type=info.compress_type)
            for part, data in self._changed.items():
                if part not in self._data:
                    out.writestr(part, data, compress_type=zipfile.ZIP_DEFLATED)


# --- worksheet XML as text ----------------------------------------------------------------

_ROW_NUMBER: Final = re.compile(r'<(?:\w+:)?row\b[^>]*?\sr="(\d+)"')
_CELL_REF: Final = re.compile(r"^([A-Z]+)(\d+)$")


def _is_date_code(code: str) -> bool:
    """Whether a custom number format shows a date (d, m or y outside quotes and brackets)."""
    bare = re.sub(r'"[^"]*"|\[[^\]]*\]|\\.', "", code).split(";")[0].lower()
    return any(ch in bare for ch in "dy") or ("m" in bare and "h" not in bare and "s" not in bare)


def _column_number(letters: str) -> int:
    number = 0
    for ch in letters:
        number = number * 26 + ord(ch) - ord("A") + 1
    return number


def _row_pattern(row: int) -> re.Pattern[str]:
    return re.compile(
        rf'<(?P<p>\w+:)?row\b(?P<attrs>[^>]*?\sr="{row}"[^>]*?)(?:/>|>(?P<body>.*?)</(?P=p)?row>)',
        re.DOTALL,
    )


_CELL: Final = re.compile(
    r'(?P<open><(?P<p>\w+:)?c\b[^>]*?\sr="(?P<ref>[A-Z]+\d+)"[^>]*?)(?:/>|>.*?</(?P=p)?c>)',
    re.DOTALL,
)


def _find_cell(xml: str, ref: str) -> re.Match[str] | None:
    match = _CELL_REF.match(ref)
    if match is None:
        return None
    row = _row_pattern(int(match.group(2))).search(_sheet_data(xml)[1])
    if row is None or row.group("body") is None:
        return None
    for cell in _CELL.finditer(row.group("body")):
        if cell.group("ref") == ref:
            return cell
    return None


def _sheet_data(xml: str) -> tuple[int, str, str]:
    """(offset of the sheetData content, the content, the element prefix)."""
    match = re.search(r"<(\w+:)?sheetData\s*(/>|>(.*?)</\1?sheetData>)", xml, re.DOTALL)
    if match is None:
        raise PackageError("worksheet without sheetData")
    prefix = match.group(1) or ""
    if match.group(3) is None:
        return match.start(), "", prefix
    return match.start(3), match.group(3), prefix


def _cell_xml(prefix: str, ref: str, style: str, value: Value) -> str:
    attrs = f' r="{ref}"{style}'
    if value is None:
        return f"<{prefix}c{attrs}/>"
    if isinstance(value, date):
        return f"<{prefix}c{attrs}><{prefix}v>{excel_serial(value)}</{prefix}v></{prefix}c>"
    if isinstance(value, int | float) and not isinstance(value, bool):
        return f"<{prefix}c{attrs}><{prefix}v>{value!r}</{prefix}v></{prefix}c>"
    text = clean_text(str(value))
    space = ' xml:space="preserve"' if text != text.strip() or "\n" in text else ""
    return (
        f'<{prefix}c{attrs} t="inlineStr"><{prefix}is><{prefix}t{space}>{escape(text)}'
        f"</{prefix}t></{prefix}is></{prefix}c>"
    )


def _set_cell(xml: str, row: int, column: int, value: Value) -> str:
    ref = f"{column_letter(column)}{row}"
    closed = re.search(r"<(\w+:)?sheetData\s*/>", xml)
    if closed is not None:
        tag = f"{closed.group(1) or ''}sheetData"
        xml = xml[: closed.start()] + f"<{tag}></{tag}>" + xml[closed.end() :]
    start, data, prefix = _sheet_data(xml)
    end = start + len(data)
    found = _row_pattern(row).search(data)
    if found is None:
        new_row = f'<{prefix}row r="{row}">{_cell_xml(prefix, ref, "", value)}</{prefix}row>'
        at = len(data)
        for match in _ROW_NUMBER.finditer(data):
            if int(match.group(1)) > row:
                at = match.start()
                break
        data = data[:at] + new_row + data[at:]
    else:
        new_row = _row_with_cell(found, prefix, ref, column, value)
        data = data[: found.start()] + new_row + data[found.end() :]
    return _widen_dimension(xml[:start] + data + xml[end:], row, column)


def _row_with_cell(found: re.Match[str], prefix: str, ref: str, column: int, value: Value) -> str:
    attrs = found.group("attrs")
    body = found.group("body") or ""
    for cell in _CELL.finditer(body):
        if cell.group("ref") == ref:
            style = re.search(r'\ss="\d+"', cell.group("open"))
            new = _cell_xml(prefix, ref, style.group(0) if style else "", value)
            body = body[: cell.start()] + new + body[cell.end() :]
            break
    else:
        new = _cell_xml(prefix, ref, _row_style(attrs), value)
        at = len(body)
        for cell in _CELL.finditer(body):
            letters = _CELL_REF.match(cell.group("ref"))
            if letters and _column_number(letters.group(1)) > column:
                at = cell.start()
                break
        body = body[:at] + new + body[at:]
        attrs = _widen_spans(attrs, column)
    return f"<{prefix}row{attrs}>{body}</{prefix}row>"


def _row_style(attrs: str) -> str:
    """A new cell in a row with a custom format takes the row's style, as Excel does."""
    if re.search(r'\scustomFormat="(1|true)"', attrs):
        style = re.search(r'\ss="(\d+)"', attrs)
        if style:
            return f' s="{style.group(1)}"'
    return ""


def _widen_spans(attrs: str, column: int) -> str:
    match = re.search(r'\sspans="(\d+):(\d+)"', attrs)
    if match is None:
        return attrs
    low, high = min(int(match.group(1)), column), max(int(match.group(2)), column)
    return attrs[: match.start()] + f' spans="{low}:{high}"' + attrs[match.end() :]


def _widen_dimension(xml: str, row: int, column: int) -> str:
    match = re.search(r'(<(?:\w+:)?dimension\s+ref=")([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?(")', xml)
    if match is None:
        return xml
    first_col, first_row = _column_number(match.group(2)), int(match.group(3))
    last_col = _column_number(match.group(4)) if match.group(4) else first_col
    last_row = int(match.group(5)) if match.group(5) else first_row
    new_first = (min(first_col, column), min(first_row, row))
    new_last = (max(last_col, column), max(last_row, row))
    if (first_col, first_row, last_col, last_row) == (*new_first, *new_last):
        return xml
    ref = f"{column_letter(new_first[0])}{new_first[1]}:{column_letter(new_last[0])}{new_last[1]}"
    return xml[: match.start()] + match.group(1) + ref + match.group(6) + xml[match.end() :]


def _new_sheet_xml(rows: Sequence[Sequence[Value]], widths: Sequence[float]) -> str:
    body = []
    for number, values in enumerate(rows, start=1):
        cells = "".join(
            _cell_xml("", f"{column_letter(column)}{number}", "", value)
            for column, value in enumerate(values, start=1)
            if value is not None
        )
        body.append(f'<row r="{number}">{cells}</row>')
    last = max((len(r) for r in rows), default=1)
    dimension = f"A1:{column_letter(last)}{max(len(rows), 1)}"
    cols = "".join(
        f'<col min="{n}" max="{n}" width="{w}" customWidth="1"/>'
        for n, w in enumerate(widths, start=1)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<worksheet xmlns="{MAIN_NS}" xmlns:r="{REL_NS}">'
        f'<dimension ref="{dimension}"/>'
        '<sheetViews><sheetView workbookViewId="0"/></sheetViews>'
        '<sheetFormatPr defaultRowHeight="15"/>'
        + (f"<cols>{cols}</cols>" if cols else "")
        + f"<sheetData>{''.join(body)}</sheetData>"
        '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
        "</worksheet>"
    )


# --- small XML helpers --------------------------------------------------------------------


def _prefix_of(xml: str, namespace: str) -> str | None:
    match = re.search(r'xmlns:(\w+)="' + re.escape(namespace) + '"', xml)
    return match.group(1) if match else None


def _element_prefix(xml: str, local: str) -> str:
    match = re.search(rf"<(\w+:)?{local}\b", xml)
    return (match.group(1) or "") if match else ""


def _insert_before_close(xml: str, local: str, element: str) -> bytes:
    closing = re.search(rf"</(?:\w+:)?{local}\s*>", xml)
    if closing is not None:
        return (xml[: closing.start()] + element + xml[closing.start() :]).encode("utf-8")
    empty = re.search(rf"<((?:\w+:)?{local})\b([^>]*?)/>", xml)
    if empty is None:
        raise PackageError(f"no <{local}> element")
    tag = empty.group(1)
    replacement = f"<{tag}{empty.group(2)}>{element}</{tag}>"
    return (xml[: empty.start()] + replacement + xml[empty.end() :]).encode("utf-8")
