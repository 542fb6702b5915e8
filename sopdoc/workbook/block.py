"""Reading one SOP block of a sheet: header, identity rows, section pairs, procedure table."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from sopdoc import messages as msg
from sopdoc.dates import (
    parse_date,
    parse_revision,
    parse_revision_number,
    written_with_two_digit_day,
)
from sopdoc.model import (
    Agency,
    CellRef,
    Identity,
    Section,
    Sections,
    Signatory,
    Sop,
    frozen_cells,
)
from sopdoc.workbook import labels
from sopdoc.workbook.grid import Grid
from sopdoc.workbook.problems import Problems
from sopdoc.workbook.procedure import read_procedure
from sopdoc.workbook.signatory import split_signatory
from sopdoc.workbook.text import cell_text, remove_control_chars, split_items

#: Lines a kop (the header above NOMOR SOP) may have: the government, the unit and up to
#: two sub-units (PEMERINTAH KABUPATEN MALANG / SEKRETARIAT DAERAH / BAGIAN TATA USAHA).
MAX_HEADER_LINES = 4
#: The identity rows that hold dates.
_DATE_FIELDS = ("tanggal_pembuatan", "tanggal_revisi", "tanggal_efektif")
#: Blank rows allowed between the header rows and NOMOR SOP.
MAX_HEADER_GAP = 3
#: A section written as a dash: it has deliberately nothing.
_NONE = re.compile(r"[-‐‑‒–—―\s]+")
#: What templates and e-SOP systems leave to be filled in: ``${nomor}``, ``{{nomor}}``,
#: ``……``, ``...``, ``___``, ``<nomor>``.
_PLACEHOLDER = re.compile(r"\$\{[^}]*\}|\{\{[^}]*\}\}|…+|\.{3,}|_{3,}|<[^<>]+>")


@dataclass(frozen=True)
class BlockSpan:
    """Where one SOP block lies in its sheet: rows first..last, NOMOR SOP label at nomor."""

    first: int
    last: int
    nomor: CellRef
    #: A row right above the kop with text in several cells: part of the kop or not, the
    #: reader cannot tell, so it says so instead of dropping it.
    unclear_kop_row: int | None = None


def find_blocks(grid: Grid) -> list[BlockSpan]:
    """Locate every SOP block of a sheet by its NOMOR SOP label and the header rows above it."""
    nomors = [
        grid.ref(row, column)
        for row in grid.rows()
        for column, value in grid.row(row)[:1]
        if labels.matches(value, labels.NOMOR)
    ]
    starts: list[tuple[int, int | None]] = []
    previous = 0
    for index, ref in enumerate(nomors):
        below = nomors[index + 1].row - 1 if index + 1 < len(nomors) else grid.max_row
        right = form_right(grid, first=ref.row, last=below)
        starts.append(_header_start(grid, ref.row, floor=previous, right=right))
        previous = ref.row
    ends = [start - 1 for start, _ in starts[1:]] + [grid.max_row] if starts else []
    return [
        BlockSpan(start, end, ref, unclear)
        for (start, unclear), end, ref in zip(starts, ends, nomors, strict=True)
    ]


def form_right(grid: Grid, *, first: int, last: int) -> int | None:
    """The form's last column in rows ``first`` to ``last``: that of the procedure table's two
    header rows (KETERANGAN, or the flow columns); None without a procedure table."""
    for row in range(first, last + 1):
        cells = grid.row(row)
        if cells and _is_procedure_header(cells):
            return max(column for column, _ in (*cells, *grid.row(row + 1)))
    return None


def _inside(
    cells: tuple[tuple[int, object], ...], right: int | None
) -> tuple[tuple[int, object], ...]:
    return cells if right is None else tuple(c for c in cells if c[0] <= right)


def _header_start(
    grid: Grid, nomor_row: int, *, floor: int, right: int | None = None
) -> tuple[int, int | None]:
    """The first header row above ``nomor_row`` (rows holding one text each), and the row
    just above them that holds text in several cells, when that row may belong to the kop.

    Up to ``MAX_HEADER_GAP`` blank rows may stand between the header and NOMOR SOP, as in
    documents exported by web e-SOP systems; the header never reaches above ``floor``. Every
    such row is taken, however many: the reader reports a kop of more than
    ``MAX_HEADER_LINES`` lines rather than dropping lines.
    """
    start = nomor_row
    found = 0
    row = nomor_row - 1
    gap = 0
    while row > floor:
        cells = _inside(grid.row(row), right)  # a note beside the form is not the kop
        if not cells:
            if found or gap >= MAX_HEADER_GAP:
                break
            gap += 1
            row -= 1
            continue
        if len(cells) != 1 or not isinstance(cells[0][1], str) or _is_label(cells[0][1]):
            texts = all(isinstance(v, str) and not _is_label(v) for _, v in cells)
            # Only on a sheet's first block: above later blocks stands the previous table.
            unclear = row if found and floor == 0 and texts else None
            return start, unclear
        start = row
        found += 1
        row -= 1
    return start, None


def _is_label(value: object) -> bool:
    key = labels.normalize(value)
    return any(key in spellings for spellings in _ALL_LABELS)


_ALL_LABELS: tuple[tuple[str, ...], ...] = (
    *labels.IDENTITY.values(),
    *(spellings for pair in labels.SECTION_PAIRS for _, spellings in pair),
    labels.NO,
    labels.KEGIATAN,
)


def _clean(problems: Problems, ref: CellRef, text: str) -> str:
    cleaned, changed = remove_control_chars(text)
    if changed:
        problems.warning(ref, msg.CONTROL_CHARS_REMOVED)
    return cleaned


class BlockReader:
    """Reads the block at ``span`` of ``grid`` into an ``Sop``, reporting to ``problems``."""

    def __init__(
        self,
        grid: Grid,
        span: BlockSpan,
        *,
        agency: Agency,
        problems: Problems,
        jabatan_hints: Sequence[str] = (),
    ) -> None:
        self.span = span
        self.agency = agency
        self.problems = problems
        self.jabatan_hints = tuple(jabatan_hints)
        self.grid = self._within_form(grid)

    def _within_form(self, grid: Grid) -> Grid:
        """The grid without the block's cells right of the form (a staff note beside the kop
        or the table): each is named in a warning and otherwise ignored."""
        right = form_right(grid, first=self.span.nomor.row, last=self.span.last)
        if right is None:
            return grid
        outside = [
            (row, column)
            for row in range(self.span.first, self.span.last + 1)
            for column, _ in grid.row(row)
            if column > right
        ]
        for row, column in outside:
            self.problems.warning(
                grid.ref(row, column),
                msg.OUTSIDE_FORM.format(text=_short(grid.text(row, column))),
            )
        if not outside:
            return grid
        dropped = set(outside)
        values = {k: v for k, v in grid.values.items() if k not in dropped}
        return replace(grid, values=values)

    def read(self) -> Sop:
        header = self._header()
        identity, after_identity = self._identity()
        sections, table_row = self._sections(after_identity)
        procedure = read_procedure(
            self.grid,
            first=table_row,
            last=self.span.last,
            problems=self.problems,
            anchor=self.span.nomor,
        )
        return Sop(
            sheet=self.grid.name,
            key=self.span.nomor,
            header=header,
            identity=identity,
            sections=sections,
            actors=procedure.actors,
            steps=procedure.steps,
            agency=self.agency,
            has_keterangan=procedure.has_keterangan,
        )

    # --- header -----------------------------------------------------------------------------

    def _header(self) -> tuple[str, ...]:
        lines: list[str] = []
        refs: list[CellRef] = []
        for row in range(self.span.first, self.span.nomor.row):
            for column, value in self.grid.row(row):
                text = _clean(self.problems, self.grid.ref(row, column), cell_text(value))
                refs.append(self.grid.ref(row, column))
                lines.extend(" ".join(line.split()) for line in text.splitlines() if line.strip())
        if self.span.unclear_kop_row is not None:
            row = self.span.unclear_kop_row
            self.problems.error(
                self.grid.ref(row, self.grid.row(row)[0][0]),
                msg.HEADER_ROW_UNCLEAR.format(
                    cells=", ".join(self.grid.ref(row, c).coordinate for c, _ in self.grid.row(row))
                ),
            )
        if len(lines) > MAX_HEADER_LINES:
            self.problems.error(
                refs[0],
                msg.HEADER_TOO_LONG.format(
                    count=len(lines),
                    most=MAX_HEADER_LINES,
                    cells=", ".join(ref.coordinate for ref in refs),
                ),
            )
        if lines:
            return tuple(lines)
        fallback = self.agency.kop
        if not fallback:
            self.problems.warning(self.span.nomor, msg.HEADER_MISSING)
        return fallback

    # --- identity rows ----------------------------------------------------------------------

    def _identity(self) -> tuple[Identity, int]:
        """Read the identity rows; return them and the first row after them."""
        found: dict[str, tuple[CellRef, object]] = {}
        signatory_lines: list[tuple[CellRef, str]] = []
        row = self.span.nomor.row
        last_label = ""
        while row <= self.span.last:
            cells = self.grid.row(row)
            if cells and _section_labels(cells):
                break
            if cells and _is_procedure_header(cells):
                break
            if cells:
                column, first_value = cells[0]
                field_name = _identity_field(first_value)
                if field_name is not None:
                    last_label = field_name
                    value_cell = next(((c, v) for c, v in cells[1:]), None)
                    label_ref = self.grid.ref(row, column)
                    if field_name in found:
                        self.problems.warning(
                            label_ref, msg.LABEL_REPEATED.format(label=first_value)
                        )
                    elif value_cell is None:
                        found[field_name] = (self.grid.ref(row, column + 1), None)
                    else:
                        found[field_name] = (self.grid.ref(row, value_cell[0]), value_cell[1])
                    if field_name == "disahkan" and value_cell is not None:
                        signatory_lines.append(
                            (self.grid.ref(row, value_cell[0]), cell_text(value_cell[1]))
                        )
                elif last_label == "disahkan" and column > self.span.nomor.column:
                    # Continuation rows of DISAHKAN OLEH written over several rows.
                    signatory_lines.append((self.grid.ref(row, column), cell_text(first_value)))
            row += 1
        return self._make_identity(found, signatory_lines), row

    def _make_identity(
        self,
        found: dict[str, tuple[CellRef, object]],
        signatory_lines: list[tuple[CellRef, str]],
    ) -> Identity:
        cells: dict[str, CellRef] = {name: ref for name, (ref, _) in found.items()}
        nomor_ref, nomor_value = found.get("nomor", (self.span.nomor, None))
        nomor = _clean(self.problems, nomor_ref, cell_text(nomor_value))
        if not nomor:
            self.problems.error(nomor_ref, msg.NOMOR_EMPTY)
        elif placeholder := _PLACEHOLDER.search(nomor):
            self.problems.error(
                nomor_ref, msg.NOMOR_PLACEHOLDER.format(value=nomor, part=placeholder.group(0))
            )
        nama = self._text_value(found, "nama")
        if not nama:
            ref = found["nama"][0] if "nama" in found else self.span.nomor
            self.problems.error(ref, msg.NAMA_EMPTY if "nama" in found else msg.NAMA_MISSING)
        dates = {
            name: self._date_value(found, name, required=name != "tanggal_revisi")
            for name in _DATE_FIELDS
        }
        signatory = self._signatory(found, signatory_lines)
        day = self.agency.two_digit_day
        if day is None:
            day = any(
                written_with_two_digit_day(found[n][1])
                or (found[n][0].row, found[n][0].column) in self.grid.two_digit_days
                for n in _DATE_FIELDS
                if n in found
            )
        return Identity(
            nomor=nomor,
            nama=" ".join(nama.split()),
            tanggal_pembuatan=dates["tanggal_pembuatan"],
            tanggal_revisi=dates["tanggal_revisi"],
            tanggal_efektif=dates["tanggal_efektif"],
            disahkan=signatory,
            cells=frozen_cells(cells),
            revisi=self._revision(found),
            two_digit_day=day,
        )

    def _text_value(self, found: dict[str, tuple[CellRef, object]], name: str) -> str:
        if name not in found:
            return ""
        ref, value = found[name]
        return _clean(self.problems, ref, cell_text(value))

    def _date_value(
        self, found: dict[str, tuple[CellRef, object]], name: str, *, required: bool
    ) -> date | None:
        label = labels.IDENTITY[name][0]
        if name not in found:
            if required:
                self.problems.warning(self.span.nomor, msg.DATE_MISSING.format(label=label))
            return None
        ref, value = found[name]
        try:
            parsed = parse_revision(value)[0] if name == "tanggal_revisi" else parse_date(value)
        except ValueError:
            self.problems.error(ref, msg.DATE_INVALID.format(label=label, value=cell_text(value)))
            return None
        if parsed is None and required:
            self.problems.warning(ref, msg.DATE_EMPTY.format(label=label))
        return parsed

    def _revision(self, found: dict[str, tuple[CellRef, object]]) -> int | None:
        """The revision number: a REVISI KE row, or written with the TGL. REVISI date."""
        in_date = None
        if "tanggal_revisi" in found:
            with contextlib.suppress(ValueError):  # that error is reported by _date_value
                in_date = parse_revision(found["tanggal_revisi"][1])[1]
        if "revisi" not in found:
            return in_date
        ref, value = found["revisi"]
        try:
            number = parse_revision_number(value)
        except ValueError:
            self.problems.error(ref, msg.REVISION_INVALID.format(value=cell_text(value)))
            return in_date
        if number is not None and in_date is not None and number != in_date:
            self.problems.warning(ref, msg.REVISION_TWICE.format(first=in_date, second=number))
        return number if number is not None else in_date

    def _signatory(
        self,
        found: dict[str, tuple[CellRef, object]],
        lines: list[tuple[CellRef, str]],
    ) -> Signatory | None:
        text = "\n".join(line for _, line in lines if line)
        if not text.strip():
            if self.agency.signatory is None:
                ref = found["disahkan"][0] if "disahkan" in found else self.span.nomor
                self.problems.warning(ref, msg.SIGNATORY_MISSING)
            return self.agency.signatory
        ref = lines[0][0]
        text = _clean(self.problems, ref, text)
        signatory = split_signatory(text, jabatan_hints=self.jabatan_hints)
        if not signatory.nama:
            self.problems.warning(ref, msg.SIGNATORY_UNSPLIT)
        if not signatory.nip:
            self.problems.warning(ref, msg.SIGNATORY_NO_NIP)
        return replace(signatory, cells=frozen_cells({"disahkan": ref}))

    # --- section pairs ----------------------------------------------------------------------

    def _sections(self, start: int) -> tuple[Sections, int]:
        """Read the section pairs from ``start``; return them and the procedure header row."""
        found: dict[str, Section] = {}
        current: list[tuple[str, int, int, CellRef]] = []  # (field, first col, last col, label)
        content: dict[str, list[tuple[CellRef, str]]] = {}
        label_refs: dict[str, CellRef] = {}
        row = start
        while row <= self.span.last:
            cells = self.grid.row(row)
            if cells and _is_procedure_header(cells):
                break
            pairs = _section_labels(cells) if cells else []
            if pairs:
                current = []
                for index, (column, field_name) in enumerate(pairs):
                    end = pairs[index + 1][0] - 1 if index + 1 < len(pairs) else 10_000
                    ref = self.grid.ref(row, column)
                    if field_name in content:
                        self.problems.warning(ref, msg.LABEL_REPEATED.format(label=cells[0][1]))
                    current.append((field_name, column, end, ref))
                    content.setdefault(field_name, [])
                    label_refs.setdefault(field_name, ref)
            elif cells:
                if not current:
                    self.problems.warning(
                        self.grid.ref(row, cells[0][0]), msg.CELL_OUTSIDE_SECTIONS
                    )
                for column, value in cells:
                    owner = next((f for f, lo, hi, _ in current if lo <= column <= hi), None)
                    if owner is None:
                        # Left of the first label: belongs to the first section of the row.
                        owner = current[0][0] if current else None
                    if owner is not None:
                        ref = self.grid.ref(row, column)
                        content[owner].append((ref, _clean(self.problems, ref, cell_text(value))))
            row += 1
        for field_name, values in content.items():
            items = tuple(item for _, text in values for item in split_items(text))
            if values and all(_NONE.fullmatch(text) for _, text in values):
                items = ("-",)  # written "-": deliberately none, printed as written
            first_ref = values[0][0] if values else None
            found[field_name] = Section(items=items, cell=first_ref)
            if not items:
                label = self.grid.text(label_refs[field_name].row, label_refs[field_name].column)
                self.problems.warning(
                    _below(label_refs[field_name]), msg.SECTION_EMPTY.format(label=label.upper())
                )
        for pair in labels.SECTION_PAIRS:
            for field_name, spellings in pair:
                if field_name not in content:
                    self.problems.warning(
                        self.span.nomor, msg.SECTION_MISSING.format(label=spellings[0])
                    )
        return Sections(**found), row


def _short(text: str, most: int = 40) -> str:
    line = " ".join(text.split())
    return line if len(line) <= most else f"{line[: most - 1]}…"


def _below(ref: CellRef) -> CellRef:
    """The cell under a section label, where its content goes."""
    return CellRef(ref.sheet, ref.row + 1, ref.column)


def _identity_field(value: object) -> str | None:
    key = labels.normalize(value)
    for name, spellings in labels.IDENTITY.items():
        if key in spellings:
            return name
    return None


def _section_field(value: object) -> str | None:
    key = labels.normalize(value)
    for pair in labels.SECTION_PAIRS:
        for name, spellings in pair:
            if key in spellings:
                return name
    return None


def _section_labels(cells: tuple[tuple[int, object], ...]) -> list[tuple[int, str]]:
    """(column, field) of each section label of a label row; empty when it is not one."""
    found = [(column, _section_field(value)) for column, value in cells]
    if not found or any(name is None for _, name in found):
        return []
    return [(column, name) for column, name in found if name is not None]


def _is_procedure_header(cells: tuple[tuple[int, object], ...]) -> bool:
    keys = {labels.normalize(value) for _, value in cells}
    return bool(keys & set(labels.NO)) and bool(keys & set(labels.KEGIATAN))


__all__ = ["BlockReader", "BlockSpan", "find_blocks"]
