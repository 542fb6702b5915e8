"""Writing workbooks in the documented layout: the blank form of `sopdoc new` and its example."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook as XlsxWorkbook
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from sopdoc import messages as msg
from sopdoc import words
from sopdoc.errors import SopdocError
from sopdoc.workbook import labels
from sopdoc.workbook.contoh import CONTOH_INSTANSI, CONTOH_SOP, ExampleSop, StepRow
from sopdoc.workbook.xlsx_file import new_workbook, save_new

# Columns of an SOP sheet (1-based): the seed grid's, plus KETERANGAN and the flow columns.
COL_NO: Final = 1  # also the identity and left section labels
COL_KEGIATAN: Final = 2  # also the identity values
COL_FIRST_ACTOR: Final = 3
#: Where the right half of a section pair starts in the form.
COL_RIGHT_SECTION: Final = 5
#: Fixed timestamp in the files' properties and zip entries, so the same form gives the same bytes.
#: Step rows the blank form prepares (borders, drop-downs); users may write more below.
BLANK_STEP_ROWS: Final = 15
#: Step rows ``sopdoc new --langkah`` can prepare: as many as an SOP may have.
MAX_FORM_STEPS: Final = 500
#: Height of a blank form's section cells (pt): about twelve lines of text.
BLANK_SECTION_HEIGHT: Final = 165.0
DATE_FORMAT: Final = "[$-421]d mmmm yyyy"

_BOLD = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="D9E2F3")
_FLOW_FILL = PatternFill("solid", fgColor="EDEDED")
_THIN = Side(style="thin", color="808080")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WRAP_TOP = Alignment(wrap_text=True, vertical="top")
#: Dates are numbers, which Excel right-aligns: at the far end of a merged row otherwise.
_LEFT_TOP = Alignment(horizontal="left", vertical="top")
_LABEL = Alignment(vertical="top")  # labels overflow into the empty cell beside, unwrapped
_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
_CENTER_TOP = Alignment(horizontal="center", vertical="top")
#: Points per wrapped text line, and characters per unit of column width, for row heights.
_LINE_PT: Final = 13.0
_CHARS_PER_WIDTH: Final = 1.1


def _column_widths(actors: int) -> dict[int, float]:
    widths = {COL_NO: 17.0, COL_KEGIATAN: 46.0}
    for i in range(actors):
        widths[COL_FIRST_ACTOR + i] = 12.0
    mutu = COL_FIRST_ACTOR + actors
    widths.update({mutu: 24.0, mutu + 1: 11.0, mutu + 2: 20.0, mutu + 3: 18.0})
    for i in range(3):
        widths[mutu + 4 + i] = 11.0
    return widths


def format_grid(sheet: Worksheet, *, actors: int = 4) -> None:
    """Column widths, wrapped text, row heights and print setup that make a sheet pleasant."""
    widths = _column_widths(actors)
    for column, width in widths.items():
        sheet.column_dimensions[get_column_letter(column)].width = width
    for row in sheet.iter_rows():
        filled = [cell for cell in row if cell.value is not None]
        for cell in filled:
            if cell.alignment != Alignment():
                continue
            alone = len(filled) == 1 and "\n" not in str(cell.value)
            cell.alignment = _LABEL if alone else _WRAP_TOP  # a lone line (kop) overflows
    _fit_row_heights(sheet, widths)
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


def _text_lines(text: str, width: float) -> int:
    chars = max(1, int(width * _CHARS_PER_WIDTH))
    return sum(max(1, -(-len(line) // chars)) for line in text.splitlines() or [""])


def _fit_row_heights(sheet: Worksheet, widths: Mapping[int, float]) -> None:
    """Give rows without a set height room for their wrapped text (Calc does not on open)."""
    spans: dict[str, float] = {}
    for merged in sheet.merged_cells.ranges:
        if merged.min_row == merged.max_row:
            spans[merged.start_cell.coordinate] = sum(
                widths.get(c, 10.0) for c in range(merged.min_col, merged.max_col + 1)
            )
    for row in sheet.iter_rows():
        number = row[0].row
        if sheet.row_dimensions[number].height is not None:
            continue
        lines = 1
        for cell in row:
            if isinstance(cell.value, str) and cell.alignment.wrap_text:
                width = spans.get(cell.coordinate, widths.get(cell.column, 10.0))
                lines = max(lines, _text_lines(cell.value, width))
        if lines > 1:
            sheet.row_dimensions[number].height = min(409.0, lines * _LINE_PT + 2)


def add_instansi(workbook: XlsxWorkbook, values: Mapping[str, str], *, index: int = 0) -> Worksheet:
    """An ``Instansi`` sheet with every key, its value and what to write there."""
    sheet = workbook.create_sheet(labels.INSTANSI_SHEET, index)
    for column, title in enumerate(words.FORM_INSTANSI_HEADER, start=1):
        cell = sheet.cell(row=1, column=column, value=title)
        cell.font = _BOLD
        cell.fill = _HEADER_FILL
    paper_validation = DataValidation(type="list", formula1='"F4,A4,LETTER"', allow_blank=True)
    paper_validation.promptTitle = "KERTAS"
    paper_validation.prompt = words.FORM_PAPER_PROMPT
    sheet.add_data_validation(paper_validation)
    for row, key in enumerate(labels.INSTANSI_KEYS, start=2):
        sheet.cell(row=row, column=1, value=key).font = _BOLD
        value = sheet.cell(row=row, column=2, value=values.get(key) or None)
        value.number_format = "@"  # text: NIPs must not become rounded numbers
        value.alignment = _WRAP_TOP
        sheet.cell(row=row, column=3, value=words.FORM_INSTANSI_NOTES[key]).alignment = _WRAP_TOP
        if key == "KERTAS":
            paper_validation.add(value.coordinate)
    widths = {1: 22.0, 2: 45.0, 3: 80.0}
    for column, width in widths.items():
        sheet.column_dimensions[get_column_letter(column)].width = width
    _fit_row_heights(sheet, widths)
    return sheet


def add_petunjuk(workbook: XlsxWorkbook) -> Worksheet:
    """A ``Petunjuk`` sheet: how to fill the form, in Bahasa Indonesia."""
    sheet = workbook.create_sheet(labels.PETUNJUK_SHEET)
    sheet.cell(row=1, column=1, value=words.FORM_PETUNJUK_TITLE).font = Font(bold=True, size=14)
    for row, line in enumerate(words.FORM_PETUNJUK, start=3):
        sheet.cell(row=row, column=1, value=line).alignment = _WRAP_TOP
        # Room for the whole wrapped text: the longer items (7a, 10a) take five lines.
        sheet.row_dimensions[row].height = max(48.0, _text_lines(line, 120.0) * _LINE_PT + 8)
    sheet.column_dimensions["A"].width = 120
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    return sheet


def _merge(sheet: Worksheet, row: int, first: int, last: int, *, rows: int = 1) -> None:
    if last > first or rows > 1:
        sheet.merge_cells(
            start_row=row, start_column=first, end_row=row + rows - 1, end_column=last
        )


def _note(text: str) -> Comment:
    """A cell comment by sopdoc, sized to show the whole text when hovered."""
    return Comment(text, "sopdoc", width=320, height=110)


def _label(sheet: Worksheet, row: int, column: int, text: str) -> None:
    cell = sheet.cell(row=row, column=column, value=text)
    cell.font = _BOLD
    cell.alignment = _LABEL


@dataclass(frozen=True)
class BlockCells:
    """Where a written SOP block put things: each identity field's value cell, each
    section's cell, and each step's row; its columns; and its last row."""

    identity: Mapping[str, str]
    sections: Mapping[str, str]
    first_step: int
    kegiatan_column: int
    first_actor_column: int
    flow_columns: tuple[int, int, int]
    last_row: int

    def step_cell(self, number: int, column: int) -> str:
        """The cell of step ``number`` (1-based) in ``column``."""
        return f"{get_column_letter(column)}{self.first_step + number - 1}"


def write_sop_block(
    sheet: Worksheet,
    example: ExampleSop | None,
    *,
    actors: Sequence[str],
    steps: int | None = None,
) -> BlockCells:
    """Write one SOP block from row 1 (blank when ``example`` is None); return where its
    fields are."""
    n = len(actors)
    last_col = COL_FIRST_ACTOR + n + 2  # OUTPUT
    ket_col = last_col + 1
    flow_cols = (ket_col + 1, ket_col + 2, ket_col + 3)
    row = 1
    if example is None:  # a note, not a value: the reader then takes the kop from Instansi
        sheet.cell(row=row, column=COL_NO).comment = _note(words.FORM_HEADER_NOTE)
    for line in example.header if example else ("", ""):
        if line:
            cell = sheet.cell(row=row, column=COL_NO, value=line)
            cell.font = _BOLD
            cell.alignment = _LABEL
        row += 1
    identity: list[tuple[str, object]] = [
        (labels.NOMOR[0], example.nomor if example else None),
        (labels.TGL_PEMBUATAN[0], example.pembuatan if example else None),
        (labels.TGL_REVISI[0], example.revisi if example else None),
        (labels.TGL_EFEKTIF[0], example.efektif if example else None),
        (labels.DISAHKAN[0], example.disahkan if example else None),
        (labels.NAMA[0], example.nama if example else None),
    ]
    fields = dict(
        zip(
            (
                labels.NOMOR[0],
                labels.TGL_PEMBUATAN[0],
                labels.TGL_REVISI[0],
                labels.TGL_EFEKTIF[0],
                labels.DISAHKAN[0],
                labels.NAMA[0],
            ),
            ("nomor", "tanggal_pembuatan", "tanggal_revisi", "tanggal_efektif", "disahkan", "nama"),
            strict=True,
        )
    )
    identity_cells: dict[str, str] = {}
    section_cells: dict[str, str] = {}
    for text, value in identity:
        _label(sheet, row, COL_NO, text)
        cell = sheet.cell(row=row, column=COL_KEGIATAN, value=value)
        identity_cells[fields[text]] = cell.coordinate
        cell.alignment = _WRAP_TOP
        if text in (labels.TGL_PEMBUATAN[0], labels.TGL_REVISI[0], labels.TGL_EFEKTIF[0]):
            cell.number_format = DATE_FORMAT
            cell.alignment = _LEFT_TOP
        _merge(sheet, row, COL_KEGIATAN, last_col)
        if text == labels.DISAHKAN[0]:
            sheet.row_dimensions[row].height = 62
        row += 1
    row += 1
    sections = example.sections if example else (("", ""),) * 3
    for (left, right), ((_, left_labels), (_, right_labels)) in zip(
        sections, labels.SECTION_PAIRS, strict=True
    ):
        _label(sheet, row, COL_NO, left_labels[0])
        _label(sheet, row, COL_RIGHT_SECTION, right_labels[0])
        row += 1
        left_cell = sheet.cell(row=row, column=COL_NO, value=left or None)
        left_cell.alignment = _WRAP_TOP
        right_cell = sheet.cell(row=row, column=COL_RIGHT_SECTION, value=right or None)
        right_cell.alignment = _WRAP_TOP
        section_cells[pair_keys(left_labels)] = left_cell.coordinate
        section_cells[pair_keys(right_labels)] = right_cell.coordinate
        _merge(sheet, row, COL_NO, COL_RIGHT_SECTION - 1)
        _merge(sheet, row, COL_RIGHT_SECTION, last_col)
        if not left and not right:
            # Room to type about a dozen items: Excel and Calc do not grow merged cells.
            sheet.row_dimensions[row].height = BLANK_SECTION_HEIGHT
        row += 1
    row += 1
    last = _write_table(
        sheet, row, example, actors=actors, ket_col=ket_col, flow_cols=flow_cols, rows=steps
    )
    return BlockCells(
        identity=identity_cells,
        sections=section_cells,
        first_step=row + 2,
        kegiatan_column=COL_KEGIATAN,
        first_actor_column=COL_FIRST_ACTOR,
        flow_columns=flow_cols,
        last_row=last,
    )


def pair_keys(spellings: Sequence[str]) -> str:
    """The section field whose spellings these are."""
    return next(key for pair in labels.SECTION_PAIRS for key, s in pair if s == spellings)


def _write_table(
    sheet: Worksheet,
    row: int,
    example: ExampleSop | None,
    *,
    actors: Sequence[str],
    ket_col: int,
    flow_cols: tuple[int, int, int],
    rows: int | None = None,
) -> int:
    n = len(actors)
    mutu_col = COL_FIRST_ACTOR + n
    head1: list[tuple[int, str, int]] = [  # column, text, merged width
        (COL_NO, labels.NO[0], 1),
        (COL_KEGIATAN, labels.KEGIATAN[0], 1),
        (COL_FIRST_ACTOR, labels.PELAKSANA[0], n),
        (mutu_col, labels.MUTU_BAKU[0], 3),
        (ket_col, labels.KETERANGAN[0], 1),
        (flow_cols[0], labels.LANJUT_KE[0], 1),
        (flow_cols[1], labels.YA[0], 1),
        (flow_cols[2], labels.TIDAK[0], 1),
    ]
    for column, text, width in head1:
        cell = sheet.cell(row=row, column=column, value=text)
        if column in (COL_FIRST_ACTOR, mutu_col):  # over the names below, even when 1 wide
            _merge(sheet, row, column, column + width - 1)
        else:
            _merge(sheet, row, column, column, rows=2)
    for column, text in enumerate((*actors, *(s[0] for s in _MUTU_LABELS)), start=COL_FIRST_ACTOR):
        sheet.cell(row=row + 1, column=column, value=text or None)
    sheet.cell(row=row, column=COL_FIRST_ACTOR).comment = _note(words.FORM_ACTOR_COLUMNS_NOTE)
    if not any(actors):  # empty heads: say what goes there when one is selected
        heads = DataValidation(type="custom", formula1="TRUE", allow_blank=True)
        heads.promptTitle = words.FORM_ACTOR_HEAD_PROMPT_TITLE
        heads.prompt = words.FORM_ACTOR_HEAD_PROMPT
        heads.showInputMessage = True
        first, last = get_column_letter(COL_FIRST_ACTOR), get_column_letter(mutu_col - 1)
        heads.add(f"{first}{row + 1}:{last}{row + 1}")
        sheet.add_data_validation(heads)
    for r in (row, row + 1):
        for column in range(COL_NO, flow_cols[2] + 1):
            cell = sheet.cell(row=r, column=column)
            cell.font = _BOLD
            cell.alignment = _CENTER
            cell.border = _BOX
            cell.fill = _FLOW_FILL if column in flow_cols else _HEADER_FILL
    sheet.cell(row=row, column=flow_cols[0]).comment = _note(words.FORM_FLOW_NOTE)
    sheet.cell(row=row, column=flow_cols[1]).comment = _note(words.FORM_FLOW_YA_NOTE)
    sheet.cell(row=row, column=flow_cols[2]).comment = _note(words.FORM_FLOW_TIDAK_NOTE)
    first_step = row + 2
    steps = example.steps if example else ()
    wanted = rows if rows is not None else BLANK_STEP_ROWS if example is None else 0
    count = max(len(steps), wanted)
    for index in range(count):
        r = first_step + index
        step = steps[index] if index < len(steps) else None
        if step is not None:
            _write_step(sheet, r, index + 1, step, mutu_col=mutu_col, flow_cols=flow_cols)
        for column in range(COL_NO, flow_cols[2] + 1):
            cell = sheet.cell(row=r, column=column)
            cell.border = _BOX
            if column == COL_NO or COL_FIRST_ACTOR <= column < mutu_col:
                cell.alignment = _CENTER_TOP
            else:
                cell.alignment = _WRAP_TOP
            if column in flow_cols:
                cell.fill = _FLOW_FILL
    last_step = first_step + count - 1
    _add_validations(sheet, first_step, last_step, n=n, flow_cols=flow_cols)
    return last_step


_MUTU_LABELS: Final = (labels.KELENGKAPAN, labels.WAKTU, labels.OUTPUT)


def _write_step(
    sheet: Worksheet,
    row: int,
    number: int,
    step: StepRow,
    *,
    mutu_col: int,
    flow_cols: tuple[int, int, int],
) -> None:
    sheet.cell(row=row, column=COL_NO, value=number)
    sheet.cell(row=row, column=COL_KEGIATAN, value=step.kegiatan)
    for lane in step.actors:
        sheet.cell(row=row, column=COL_FIRST_ACTOR + lane, value=step.mark)
    for offset, value in enumerate((step.kelengkapan, step.waktu, step.output)):
        sheet.cell(row=row, column=mutu_col + offset, value=value or None)
    for column, key in zip(flow_cols, (labels.LANJUT_KE, labels.YA, labels.TIDAK), strict=True):
        if key[0] in step.flow:
            sheet.cell(row=row, column=column, value=step.flow[key[0]])
    if step.keterangan:
        sheet.cell(row=row, column=mutu_col + 3, value=step.keterangan)


def _add_validations(
    sheet: Worksheet, first: int, last: int, *, n: int, flow_cols: tuple[int, int, int]
) -> None:
    marks = DataValidation(type="list", formula1='"x,?"', allow_blank=True)
    marks.errorStyle = "warning"  # other documented marks (v, ✓, K...) stay possible
    marks.promptTitle = words.FORM_ACTOR_PROMPT_TITLE
    marks.prompt = words.FORM_ACTOR_PROMPT
    marks.error = words.FORM_ACTOR_ERROR
    marks.showErrorMessage = True
    marks.showInputMessage = True
    first_actor = get_column_letter(COL_FIRST_ACTOR)
    last_actor = get_column_letter(COL_FIRST_ACTOR + n - 1)
    marks.add(f"{first_actor}{first}:{last_actor}{last}")
    sheet.add_data_validation(marks)
    flow = DataValidation(type="custom", formula1="TRUE", allow_blank=True)
    flow.promptTitle = words.FORM_FLOW_PROMPT_TITLE
    flow.prompt = words.FORM_FLOW_PROMPT
    flow.showInputMessage = True
    flow.add(f"{get_column_letter(flow_cols[0])}{first}:{get_column_letter(flow_cols[2])}{last}")
    sheet.add_data_validation(flow)


#: Actor columns ``sopdoc new --pelaksana`` can prepare: 12 still fit an F4 page.
MAX_FORM_ACTORS: Final = 12
#: Actor columns of a blank form by default.
DEFAULT_FORM_ACTORS: Final = 4


def write_form(
    path: Path, *, contoh: bool = False, actors: int | None = None, steps: int | None = None
) -> None:
    """Write the blank SOP form (or, with ``contoh``, a filled example) to a new file.

    The blank form has ``actors`` actor columns (default 4) whose names are left empty, with a
    prompt: names that must be overwritten get overlooked; and ``steps`` step rows (default
    15; with ``contoh``, blank rows after the example's up to that many).
    """
    if steps is not None and not 1 <= steps <= MAX_FORM_STEPS:
        raise SopdocError(msg.FORM_STEPS_RANGE.format(value=steps, most=MAX_FORM_STEPS))
    if actors is not None and contoh:
        raise SopdocError(msg.FORM_ACTORS_WITH_CONTOH)
    if actors is not None and not 1 <= actors <= MAX_FORM_ACTORS:
        raise SopdocError(msg.FORM_ACTORS_RANGE.format(value=actors, most=MAX_FORM_ACTORS))
    workbook = new_workbook()
    add_instansi(workbook, CONTOH_INSTANSI if contoh else {"KERTAS": "F4", "HURUF": "Arial"})
    add_petunjuk(workbook)
    sheet = workbook.create_sheet(words.FORM_SOP_SHEET)
    example = CONTOH_SOP if contoh else None
    names = example.actors if example else ("",) * (actors or DEFAULT_FORM_ACTORS)
    write_sop_block(sheet, example, actors=names, steps=steps)
    format_grid(sheet, actors=len(names))
    save_new(workbook, path)


#: Characters Excel forbids in a sheet name, and its longest name.
_SHEET_FORBIDDEN: Final = str.maketrans(dict.fromkeys("[]:*?/\\", " "))
MAX_SHEET_NAME: Final = 31


def sheet_name(wanted: str, taken: set[str]) -> str:
    """A sheet name Excel accepts, like ``wanted`` and unlike any in ``taken`` (compared as
    Excel does, ignoring case); added to ``taken``."""
    base = " ".join(wanted.translate(_SHEET_FORBIDDEN).split()).strip("'") or words.FORM_SOP_SHEET
    name = base[:MAX_SHEET_NAME]
    number = 2
    while name.lower() in taken:
        suffix = f" ({number})"
        name = base[: MAX_SHEET_NAME - len(suffix)] + suffix
        number += 1
    taken.add(name.lower())
    return name


def write_imported(
    path: Path, instansi: Mapping[str, str], sops: Sequence[tuple[str, ExampleSop]]
) -> list[BlockCells]:
    """A new workbook as ``sopdoc new`` makes it, with ``instansi`` and a filled SOP sheet
    per (sheet name, SOP); returns where each sheet's fields are."""
    workbook = new_workbook()
    add_instansi(workbook, instansi)
    add_petunjuk(workbook)
    cells = []
    for name, example in sops:
        sheet = workbook.create_sheet(name)
        cells.append(write_sop_block(sheet, example, actors=example.actors))
        format_grid(sheet, actors=len(example.actors))
    save_new(workbook, path)
    return cells
