"""The one error hierarchy of sopdoc; the CLI turns these into messages and exit codes."""

from __future__ import annotations

from sopdoc.model import CellRef


class SopdocError(Exception):
    """Something the user can fix; ``message`` is in Bahasa Indonesia and says how."""

    #: Process exit code the CLI uses for this error.
    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class WorkbookError(SopdocError):
    """A workbook that cannot be read at all (missing, not .xlsx, encrypted, corrupt)."""

    exit_code = 2

    def __init__(
        self, message: str, *, path: str | None = None, cell: CellRef | None = None
    ) -> None:
        super().__init__(message)
        self.path = path
        self.cell = cell

    def __str__(self) -> str:
        where = str(self.cell) if self.cell is not None else self.path
        return f"{where}: {self.message}" if where else self.message


class ToolMissingError(SopdocError):
    """A system program sopdoc needs (Graphviz, LibreOffice) is not installed."""

    exit_code = 3


class LayoutError(SopdocError):
    """An SOP that cannot be laid out on the chosen paper (too many lanes, a step too tall)."""

    def __init__(self, message: str, *, cell: CellRef | None = None) -> None:
        super().__init__(f"{cell}: {message}" if cell is not None else message)
        self.cell = cell
        #: The message without the cell, for a Problem that names the cell itself.
        self.reason = message
