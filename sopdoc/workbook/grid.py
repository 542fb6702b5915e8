"""A sheet as a plain grid of non-empty cell values, so parsing needs no spreadsheet library."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from sopdoc.model import CellRef
from sopdoc.workbook.text import cell_text


def is_empty(value: object) -> bool:
    """True for None and for strings that hold only whitespace."""
    return value is None or (isinstance(value, str) and not value.strip())


@dataclass(frozen=True)
class Grid:
    """The non-empty cells of one sheet, indexed by 1-based (row, column)."""

    name: str
    values: Mapping[tuple[int, int], object]
    visible: bool = True
    #: Cells holding a formula that has no cached value (never calculated): read as empty.
    uncached: frozenset[tuple[int, int]] = frozenset()
    #: Date cells whose number format writes the day with two digits (dd mmmm yyyy).
    two_digit_days: frozenset[tuple[int, int]] = frozenset()
    _rows: Mapping[int, tuple[tuple[int, object], ...]] = field(
        init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        rows: dict[int, list[tuple[int, object]]] = {}
        for (row, column), value in sorted(self.values.items()):
            if not is_empty(value):
                rows.setdefault(row, []).append((column, value))
        object.__setattr__(
            self, "_rows", MappingProxyType({r: tuple(cells) for r, cells in rows.items()})
        )

    @property
    def max_row(self) -> int:
        return max(self._rows, default=0)

    def get(self, row: int, column: int) -> object:
        """The raw value of a cell, None when empty."""
        value = self.values.get((row, column))
        return None if is_empty(value) else value

    def text(self, row: int, column: int) -> str:
        """The cell as stripped text, empty string when empty."""
        return cell_text(self.get(row, column))

    def row(self, row: int) -> tuple[tuple[int, object], ...]:
        """The non-empty (column, value) pairs of a row, left to right."""
        return self._rows.get(row, ())

    def rows(self) -> Iterator[int]:
        """The numbers of the non-empty rows, top to bottom."""
        return iter(sorted(self._rows))

    def is_empty_row(self, row: int) -> bool:
        return row not in self._rows

    def ref(self, row: int, column: int) -> CellRef:
        return CellRef(self.name, row, column)
