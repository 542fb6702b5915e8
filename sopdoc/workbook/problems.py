"""Collecting the problems of a workbook while it is read."""

from __future__ import annotations

from dataclasses import dataclass, field

from sopdoc.model import CellRef, Problem, Severity


@dataclass
class Problems:
    """An append-only list of problems, each tied to a cell and, where known, an SOP."""

    items: list[Problem] = field(default_factory=list)
    #: The NOMOR SOP cell of the SOP being read; new problems are attached to it.
    sop: CellRef | None = None

    def error(self, cell: CellRef | None, message: str, *, sheet: str | None = None) -> None:
        self._add(Severity.ERROR, cell, message, sheet)

    def warning(self, cell: CellRef | None, message: str, *, sheet: str | None = None) -> None:
        self._add(Severity.WARNING, cell, message, sheet)

    def _add(
        self, severity: Severity, cell: CellRef | None, message: str, sheet: str | None
    ) -> None:
        sheet = sheet or (cell.sheet if cell is not None else None)
        self.items.append(Problem(severity, message, cell=cell, sheet=sheet, sop=self.sop))
