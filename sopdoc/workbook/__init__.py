"""Reading a sopdoc workbook (format 1) into the model, with every problem it has."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path, PurePath

from sopdoc import messages as msg
from sopdoc.model import Agency, Sop, Workbook
from sopdoc.workbook import labels
from sopdoc.workbook.block import BlockReader, find_blocks
from sopdoc.workbook.consistency import check_consistency
from sopdoc.workbook.grid import Grid
from sopdoc.workbook.instansi import is_instansi, is_petunjuk, read_agency
from sopdoc.workbook.load import load_grids
from sopdoc.workbook.problems import Problems
from sopdoc.workbook.signatory import split_signatory
from sopdoc.workbook.text import cell_text

__all__ = ["jabatan_hints", "parse_grids", "read_workbook", "sheet_hints"]


def read_workbook(path: Path, *, jobs: int = 1) -> Workbook:
    """Read a workbook file; raises WorkbookError when the file cannot be read at all.

    ``jobs`` > 1 lets worker processes parse the sheets of a large workbook in parallel.
    """
    return parse_grids(load_grids(path, jobs=jobs), path=path)


def parse_grids(
    grids: Sequence[Grid],
    *,
    path: PurePath,
    hints: Sequence[str] | None = None,
    whole: bool = True,
) -> Workbook:
    """Read already-loaded sheets into the model (pure apart from checking the logo file).

    ``whole`` False: ``grids`` are some of the workbook's sheets (the Instansi sheet among
    them), read for an incremental build; ``hints`` are then the jabatan hints of the whole
    workbook (``jabatan_hints``), and checks across all SOPs are left out.
    """
    problems = Problems()
    instansi = next((g for g in grids if is_instansi(g)), None)
    agency = read_agency(instansi, folder=Path(path).parent, problems=problems)
    if hints is None:
        hints = jabatan_hints(agency, [sheet_hints(g) for g in grids])
    sops: list[Sop] = []
    for grid in grids:
        if grid is instansi or is_petunjuk(grid) or not grid.visible:
            continue
        spans = find_blocks(grid)
        if not spans and grid.max_row:
            problems.warning(None, msg.SHEET_WITHOUT_SOP, sheet=grid.name)
        for span in spans:
            problems.sop = span.nomor
            reader = BlockReader(grid, span, agency=agency, problems=problems, jabatan_hints=hints)
            sops.append(reader.read())
        problems.sop = None
        for row, column in sorted(grid.uncached):
            problems.sop = next((s.nomor for s in spans if s.first <= row <= s.last), None)
            problems.warning(grid.ref(row, column), msg.FORMULA_UNCACHED)
        problems.sop = None
    if whole and not sops:
        problems.error(None, msg.WORKBOOK_WITHOUT_SOP, sheet=None)
    if whole:
        check_consistency(agency, sops, problems)
    return Workbook(path=path, agency=agency, sops=tuple(sops), problems=tuple(problems.items))


def sheet_hints(grid: Grid) -> tuple[str, ...]:
    """The jabatan of every one-line DISAHKAN OLEH value of one sheet, in order."""
    hints: list[str] = []
    for row in grid.rows():
        cells = grid.row(row)
        if len(cells) >= 2 and labels.matches(cells[0][1], labels.DISAHKAN):
            signatory = split_signatory(cell_text(cells[1][1]))
            if signatory.nama and signatory.jabatan not in hints:
                hints.append(signatory.jabatan)
    return tuple(hints)


def jabatan_hints(agency: Agency, per_sheet: Sequence[Sequence[str]]) -> tuple[str, ...]:
    """Jabatan names that split one-line DISAHKAN OLEH values: Instansi's and any found in
    the sheets (``sheet_hints`` of each, in sheet order)."""
    hints = [agency.signatory.jabatan] if agency.signatory and agency.signatory.jabatan else []
    for found in per_sheet:
        hints.extend(h for h in found if h not in hints)
    return tuple(hints)
