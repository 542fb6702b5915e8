"""What every page of one layout pass shares (built once per pass)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from sopdoc.layout.geometry import Column, ColumnId, FontMeasure, LayoutStyle
from sopdoc.layout.pagination import Pagination
from sopdoc.layout.room import Room
from sopdoc.model import Sop
from sopdoc.units import Pt


@dataclass(frozen=True)
class PageContext:
    """What every page of one layout pass shares: the SOP, the table's columns and its
    lanes, where the flow crosses pages (each step's page, the connectors' letters, the
    lanes beside a row where a connector stands), the room routing asked for, how much the
    lanes were widened for it, the style and the font. Built once per pass."""

    sop: Sop
    columns: Sequence[Column[ColumnId]]
    lanes: Sequence[Column[ColumnId]]
    style: LayoutStyle
    font: FontMeasure
    pagination: Pagination
    room: Room = field(default_factory=Room)
    widened: Pt = 0.0
