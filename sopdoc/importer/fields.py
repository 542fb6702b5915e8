"""What a hand-made SOP AP document says in words: the kop, the identity fields, the six
sections and the procedure table's text, found by their labels wherever they stand."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Final

from sopdoc.importer.text import Cell, Paragraph, Table
from sopdoc.workbook import labels

_NOT_LETTERS: Final = re.compile(r"[^0-9A-Z/ ]+")
#: A step's number as offices type it: ``1``, ``1.``, ``(1)``, ``1)``.
_STEP_NUMBER: Final = re.compile(r"^\(?(\d{1,3})[.)]?$")


def normal(text: str) -> str:
    """A label as compared: capitals, no dots, colons or brackets, single spaces."""
    return " ".join(_NOT_LETTERS.sub(" ", text.upper()).split())


def _matches(text: str, spellings: Sequence[str]) -> bool:
    key = normal(text)
    return bool(key) and any(key == normal(s) for s in spellings)


def identity_label(cell: Cell) -> str | None:
    """The identity field whose label the cell's first line is (``nomor``, ``nama``...)."""
    first = cell.text.split("\n", 1)[0] if cell.text else ""
    return next((k for k, spellings in labels.IDENTITY.items() if _matches(first, spellings)), None)


def is_identity_table(table: Table) -> bool:
    """Whether ``table`` is an SOP's identity table: NOMOR SOP and at least two more
    identity labels, each in a row of its own (a Daftar Isi's NOMOR SOP and NAMA SOP
    head one row)."""
    rows: dict[str, int] = {}
    for cell in table.cells:
        key = identity_label(cell)
        if key is not None:
            rows.setdefault(key, cell.row)
    return "nomor" in rows and len(set(rows.values())) >= 3


@dataclass
class Identity:
    """The identity fields as written (dates not yet read), each with the cell it came from."""

    values: dict[str, str] = field(default_factory=dict)
    kop: list[str] = field(default_factory=list)
    #: The cell the kop stands in (table index, row, column), None when above the table.
    kop_cell: tuple[int, int, int] | None = None


def identity(tables: Sequence[Table], before: Sequence[Paragraph]) -> Identity:
    """The identity fields of the tables above the procedure table: each label's value is
    the next cell to its right in the row (a ``:`` cell between is skipped); the kop is the
    cell left of the labels, or the paragraphs above the first table."""
    found = Identity()
    label_cells: list[tuple[Table, Cell]] = []
    for table in tables:
        for cell in table.cells:
            key = identity_label(cell)
            if key is None or key in found.values:
                continue
            value = _value_right_of(table, cell)
            if value is None and "\n" in cell.text:  # label and value in one cell
                value = cell.text.split("\n", 1)[1]
            found.values[key] = (value or "").strip()
            label_cells.append((table, cell))
    if label_cells:
        table, first = label_cells[0]
        left = [
            c
            for c in table.cells
            if c.column < first.column and c.row <= first.row < c.row + c.rows
        ]
        if left:
            found.kop = [line for line in left[0].text.split("\n") if line.strip()]
            found.kop_cell = (table.index, left[0].row, left[0].column)
    if not found.kop:
        found.kop = [p.text for p in before if p.text][:4]
    return found


def _value_right_of(table: Table, cell: Cell) -> str | None:
    column = cell.column + cell.span
    while column < len(table.widths):
        right = table.at(cell.row, column)
        if right is None:
            return None
        text = right.text
        if text.strip(" :") or right.row != cell.row:
            return "\n".join(line for line in text.split("\n") if line.strip()).lstrip(": ").strip()
        column = right.column + right.span
    return None


#: Section field -> its spellings, in the form's order.
SECTIONS: Final = {key: spellings for pair in labels.SECTION_PAIRS for key, spellings in pair}


def sections(tables: Sequence[Table]) -> dict[str, list[str]]:
    """Each section's items: the paragraphs after its title in the title's cell, or the
    cell below when the title stands alone."""
    found: dict[str, list[str]] = {}
    for table in tables:
        for cell in table.cells:
            if not cell.paragraphs:
                continue
            lines = [p for p in cell.paragraphs if p.text or p.marker]
            if not lines:
                continue
            title, _, rest = lines[0].typed.partition(":")
            for key, spellings in SECTIONS.items():
                if key in found or not _matches(title, spellings):
                    continue
                items = ([rest.strip()] if rest.strip() else []) + [p.typed for p in lines[1:]]
                if not items:
                    below = table.at(cell.row + cell.rows, cell.column)
                    if below is not None and not _is_title(below):
                        items = [p.typed for p in below.paragraphs if p.text or p.marker]
                found[key] = [item for item in items if item.strip()]
    return found


def _is_title(cell: Cell) -> bool:
    first = cell.text.split("\n", 1)[0].partition(":")[0]
    return any(_matches(first, spellings) for spellings in SECTIONS.values())


@dataclass(frozen=True)
class Columns:
    """Where the procedure table's columns stand (grid columns) and its header's rows."""

    header_rows: int
    no: int | None
    kegiatan: int
    lanes: tuple[int, ...]
    actors: tuple[str, ...]
    kelengkapan: int | None
    waktu: int | None
    output: int | None
    keterangan: int | None


#: The procedure header's first row, and the MUTU BAKU columns (under it, or in the first row
#: where a table has no MUTU BAKU heading).
_FIRST_ROW_ROLES: Final = (
    ("no", labels.NO),
    ("kegiatan", labels.KEGIATAN),
    ("pelaksana", labels.PELAKSANA),
    ("mutu", labels.MUTU_BAKU),
    ("keterangan", labels.KETERANGAN),
)
_MUTU_ROLES: Final = (
    ("kelengkapan", labels.KELENGKAPAN),
    ("waktu", labels.WAKTU),
    ("output", labels.OUTPUT),
)


def procedure_columns(table: Table) -> Columns | None:
    """The columns of a procedure table from its header (None when it has none): NO,
    KEGIATAN, the actor columns under PELAKSANA with their names, the MUTU BAKU columns,
    KETERANGAN."""
    for top in range(min(3, table.row_count)):
        roles: dict[str, Cell] = {}
        for cell in table.row_cells(top):
            for role, spellings in (*_FIRST_ROW_ROLES, *_MUTU_ROLES):
                if role not in roles and _matches(cell.text, spellings):
                    roles[role] = cell
        if "kegiatan" not in roles or "pelaksana" not in roles:
            continue
        pelaksana = roles["pelaksana"]
        below = top + 1
        lanes = tuple(range(pelaksana.column, pelaksana.column + pelaksana.span))
        names = []
        for column in lanes:
            name = table.at(below, column)
            names.append(unwrapped(name.text) if name and name.row == below else "")
        second: dict[str, int] = {}
        for cell in table.row_cells(below):
            for role, spellings in _MUTU_ROLES:
                if _matches(cell.text, spellings):
                    second[role] = cell.column
        header_rows = below + 1
        numbering = table.row_cells(header_rows) if header_rows < table.row_count else []
        if (
            numbering
            and all(c.text.strip().isdigit() for c in numbering if c.text.strip())
            and [int(c.text) for c in numbering if c.text.strip()][:2] == [1, 2]
        ):
            header_rows += 1  # a row of column numbers under the header

        placed = {role: cell.column for role, cell in roles.items()} | second

        def column_of(role: str, placed: dict[str, int] = placed) -> int | None:
            return placed.get(role)

        return Columns(
            header_rows=header_rows,
            no=column_of("no"),
            kegiatan=roles["kegiatan"].column,
            lanes=lanes,
            actors=tuple(names),
            kelengkapan=column_of("kelengkapan"),
            waktu=column_of("waktu"),
            output=column_of("output"),
            keterangan=column_of("keterangan"),
        )
    return None


def unwrapped(text: str) -> str:
    """A heading's lines joined into one name: a line ending in a hyphen joins the next
    without a space, the hyphen dropped when the next goes on in small letters (a word the
    heading's wrap cut, ``Pelak-`` ``sana``) and kept before a capital (``Kasi-`` ``Kesra``)."""
    joined = ""
    for line in (line.strip() for line in text.split("\n")):
        if not line:
            continue
        if joined.endswith("-"):
            joined = (joined[:-1] if line[:1].islower() else joined) + line
        else:
            joined = f"{joined} {line}" if joined else line
    return " ".join(joined.split())


def step_number(text: str) -> int | None:
    """A step's number from its NO cell."""
    match = _STEP_NUMBER.match(text.strip())
    return int(match.group(1)) if match else None


@dataclass
class StepText:
    """A step's text as typed: its cells' text, its actor cells' marks, and where it stands
    (table, first and last row)."""

    number: int
    kegiatan: str
    marks: dict[int, str]
    kelengkapan: str = ""
    waktu: str = ""
    output: str = ""
    keterangan: str = ""
    table: int = 0
    rows: list[int] = field(default_factory=list)


def step_texts(table: Table, columns: Columns, *, start: int) -> list[StepText]:
    """The steps of one procedure table (rows from ``start``): a row whose NO is empty
    continues the step above (a step split across pages or rows)."""
    steps: list[StepText] = []

    def text(row: int, column: int | None) -> str:
        if column is None:
            return ""
        cell = table.at(row, column)
        return cell.text if cell is not None and cell.row == row else ""

    for row in range(start, table.row_count):
        number = step_number(text(row, columns.no)) if columns.no is not None else None
        if number is None and columns.no is None and text(row, columns.kegiatan):
            number = (steps[-1].number + 1) if steps else 1
        if _repeats_header(table, row, columns):
            continue
        marks = {
            index: " ".join(text(row, column).split())
            for index, column in enumerate(columns.lanes)
            if text(row, column).strip()
        }
        parts = (
            text(row, columns.kegiatan),
            text(row, columns.kelengkapan),
            text(row, columns.waktu),
            text(row, columns.output),
            text(row, columns.keterangan),
        )
        if number is None:
            if steps and any(parts):
                last = steps[-1]
                last.kegiatan = _joined(last.kegiatan, parts[0])
                last.kelengkapan = _joined(last.kelengkapan, parts[1])
                last.waktu = _joined(last.waktu, parts[2])
                last.output = _joined(last.output, parts[3])
                last.keterangan = _joined(last.keterangan, parts[4])
                last.rows.append(row)
            continue
        steps.append(StepText(number, *parts[:1], marks, *parts[1:], table=table.index, rows=[row]))
    return steps


def _joined(first: str, second: str) -> str:
    return "\n".join(t for t in (first, second) if t)


def _repeats_header(table: Table, row: int, columns: Columns) -> bool:
    cell = table.at(row, columns.kegiatan)
    return cell is not None and _matches(cell.text, labels.KEGIATAN)
