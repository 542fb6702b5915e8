"""Room the drawing asks of the layout once it has routed a page: a taller row where a Ya/Tidak
label found no free place beside its arrow, a wider outer gutter where a leg found no free
channel, wider lanes (KEGIATAN giving way) where a taller row did not help a label. Keyed by
step, so it holds when the pages break anew."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Final, Literal

from sopdoc.units import Pt

Side = Literal["left", "right"]

#: What one request adds to a row: a label's height and the space kept round it.
ROW_STEP: Final = 11.0
#: What one request adds to every lane (its symbols keep their width).
LANE_STEP: Final = 4.0


@dataclass(frozen=True)
class Room:
    """Extra height by step row, extra outer tracks by (step, side), extra lane width."""

    rows: Mapping[int, Pt] = field(default_factory=dict)
    gutters: Mapping[tuple[int, Side], int] = field(default_factory=dict)
    lanes: Pt = 0.0

    def __bool__(self) -> bool:
        return bool(self.rows) or bool(self.gutters) or self.lanes > 0

    def plus(self, other: Room) -> Room:
        """Both requests together: heights and tracks added up."""
        rows = dict(self.rows)
        for step, extra in other.rows.items():
            rows[step] = rows.get(step, 0.0) + extra
        gutters = dict(self.gutters)
        for key, count in other.gutters.items():
            gutters[key] = gutters.get(key, 0) + count
        return Room(rows, gutters, self.lanes + other.lanes)

    def without_rows(self, steps: Iterable[int]) -> Room:
        """The same request, those steps' rows left as they are."""
        gone = set(steps)
        rows = {s: h for s, h in self.rows.items() if s not in gone}
        return Room(rows, self.gutters, self.lanes)

    def row(self, step: int) -> Pt:
        return self.rows.get(step, 0.0)

    def tracks(self, step: int, side: Side) -> int:
        return self.gutters.get((step, side), 0)
