"""Off-page connectors side by side in a page's top or bottom strip: shrunk to fit, and each
moved to the free place nearest the symbol its arrow meets (pure)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Final

from sopdoc import messages as msg
from sopdoc.errors import LayoutError
from sopdoc.layout.geometry import Box, NodeId
from sopdoc.units import Pt

#: Space between connectors side by side, and the smallest a connector may shrink to.
CONNECTOR_GAP: Final = 3.0
MIN_CONNECTOR: Final = 8.0


def fit_connectors(
    boxes: list[tuple[NodeId, Box]], *, x0: Pt, x1: Pt, page: int
) -> list[tuple[NodeId, Box]]:
    """Shrink a strip's connectors (not below MIN_CONNECTOR) until they fit side by side."""
    if not boxes:
        return boxes
    size = boxes[0][1].width
    count = len(boxes)
    room = x1 - x0
    if count * size + (count - 1) * CONNECTOR_GAP <= room:
        return boxes
    size = float(math.floor((room - (count - 1) * CONNECTOR_GAP) / count))
    if size < MIN_CONNECTOR:
        raise LayoutError(msg.TOO_MANY_CONNECTORS.format(page=page + 1, count=count))
    return [
        (
            n,
            Box(
                float(round(b.center_x - size / 2)), float(round(b.center_y - size / 2)), size, size
            ),
        )
        for n, b in boxes
    ]


#: How far a connector in a strip keeps from a lane line.
LINE_ROOM: Final = 2.0


def spread(
    boxes: list[tuple[NodeId, Box]],
    *,
    x0: Pt,
    x1: Pt,
    gap: Pt,
    near: dict[NodeId, int] | None = None,
    lines: Sequence[Pt] = (),
) -> list[tuple[NodeId, Box]]:
    """Boxes moved sideways so that none overlap, within [x0, x1]: in the order ``near``
    gives (then by x and letter), each keeps its place when free, else takes the free place
    nearest to it. The connector of the step nearest the strip stays right over its symbol,
    its arrow straight; the others go round. None straddles one of the lane ``lines`` (it
    would read as both actors'): it stands LINE_ROOM beside it where there is room."""
    near = near or {}
    order = sorted(boxes, key=lambda i: (near.get(i[0], 0), i[1].x, len(i[0].letter), i[0].letter))
    placed: list[tuple[NodeId, Box]] = []
    for node, box in order:
        width = box.width
        # Wanted beyond the strip's end (under a symbol reaching to the lanes' edge): at it.
        options = [min(max(box.x, x0), x1 - width)]
        for _, other in placed:
            options += [other.x - gap - width, other.right + gap]
        options += [x for line in lines for x in (line + LINE_ROOM, line - LINE_ROOM - width)]
        fits = [
            x
            for x in options
            if x0 <= x <= x1 - width
            and all(x + width + gap <= o.x or o.right + gap <= x for _, o in placed)
        ]
        clear = [x for x in fits if not _straddles(x, width, lines)]
        free = clear or fits
        if not free:
            return pack(boxes, x0=x0, x1=x1, gap=gap)
        x = min(free, key=lambda x: (abs(x - box.x), x))
        placed.append((node, Box(x, box.y, width, box.height)))
    return placed


def _straddles(x: Pt, width: Pt, lines: Sequence[Pt]) -> bool:
    """True when a box from ``x``, ``width`` wide, comes within LINE_ROOM of a line."""
    return any(x - LINE_ROOM < line < x + width + LINE_ROOM for line in lines)


def pack(boxes: list[tuple[NodeId, Box]], *, x0: Pt, x1: Pt, gap: Pt) -> list[tuple[NodeId, Box]]:
    """Boxes shifted sideways (keeping order by x, then letter) so that none overlap, within
    [x0, x1]."""
    ordered = sorted(boxes, key=lambda item: (item[1].x, len(item[0].letter), item[0].letter))
    placed: list[tuple[NodeId, Box]] = []
    cursor = float(math.ceil(x0))
    for node, box in ordered:
        x = max(box.x, cursor)
        placed.append((node, Box(x, box.y, box.width, box.height)))
        cursor = x + box.width + gap
    overflow = float(math.ceil(cursor - gap - x1))
    if overflow > 0:
        placed = [(n, Box(b.x - overflow, b.y, b.width, b.height)) for n, b in placed]
    return placed
