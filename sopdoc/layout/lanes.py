"""Which lanes a step's row uses: its symbol's span, the end terminator beside a deciding
step, and the free lane an off-page connector may take beside the symbol."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from sopdoc import words
from sopdoc.layout.geometry import (
    ARROWHEAD_LENGTH,
    LABEL_PAD,
    Column,
    ColumnId,
    Direction,
    LayoutStyle,
)
from sopdoc.model import Step
from sopdoc.units import Pt

#: The narrowest half lane an end terminator beside its decision may take.
MIN_SHARED_HALF: Final = 24.0
#: Room kept on each side of a connector standing in a lane beside its symbol.
CONNECTOR_ROOM: Final = 4.0
#: The narrowest a wordless end terminator is made to leave its arrow's label room, and
#: the least its width is of its height (it grows lower to stay a capsule, never a circle
#: that would read as a connector).
END_MIN_WIDTH: Final = 16.0
END_ASPECT: Final = 1.4
#: The widest branch word, "Tidak", in ems of the label size (2.4 to 2.7 in the fonts an
#: agency may choose): a lane narrower than an end and this word's room is crossed, the word
#: standing over the arrow inside it, and the end stands in the lane beyond.
BRANCH_WORD_EMS: Final = 2.8


def word_room(width: Pt) -> Pt:
    """The length of arrow a Ya/Tidak ``width`` wide takes over it, LABEL_PAD round it
    and a point more."""
    return width + 2 * LABEL_PAD + 1.0


def _label_room(style: LayoutStyle) -> Pt:
    """The room of the widest branch word, estimated from the label size (the layout
    decides lanes before it measures words)."""
    return word_room(style.label_size * BRANCH_WORD_EMS)


def end_lane_room(style: LayoutStyle) -> Pt:
    """How wide the lane of a wordless end beside its decision must be to hold it and,
    before it, the Ya/Tidak over the arrow into it."""
    return _label_room(style) + ARROWHEAD_LENGTH + END_MIN_WIDTH + 2 * style.symbol_margin_x


def lanes_of(step: Step) -> tuple[int, ...]:
    """The lanes a step's symbol spans (its first to its last actor)."""
    first, last = (min(step.actors), max(step.actors)) if step.actors else (0, 0)
    return tuple(range(first, last + 1))


def free_lane(taken: tuple[int, ...], count: int) -> int | None:
    """The free lane nearest to the right of ``taken``, else to its left."""
    if taken[-1] + 1 < count:
        return taken[-1] + 1
    if taken[0] > 0:
        return taken[0] - 1
    return None


def shares(step: Step, lanes: Sequence[Column[ColumnId]], style: LayoutStyle) -> bool:
    """True when a deciding step's end terminator fits in the right half of its last lane."""
    if not style.end_in_own_lane:
        return False
    column = lanes[lanes_of(step)[-1]]
    half = column.width / 2 - style.symbol_margin_x - style.outer_margin_x
    if not wordless_end(step, style):  # its words want the half; its label may go over it
        return half >= MIN_SHARED_HALF
    return half >= max(MIN_SHARED_HALF, END_MIN_WIDTH + _label_room(style) + ARROWHEAD_LENGTH)


def wordless_end(step: Step, style: LayoutStyle) -> bool:
    """True when a deciding step's end beside it carries no words (the document's plain
    end; slides write Selesai in theirs, and an end the workbook names writes its name):
    it may be made small to leave its arrow's label room."""
    ending = step.ending()
    named = ending is not None and bool(ending.label) and ending.label != words.END_LABEL
    return not (style.terminal_text or named)


def end_lane(step: Step, lanes: Sequence[Column[ColumnId]], style: LayoutStyle) -> tuple[int, bool]:
    """The lane of a deciding step's end terminator, and whether it shares the decision's
    last lane (its right half): the lane the workbook names (``selesai di Pemohon``), else
    the decision's own lane when its half is wide enough, else the next free lane (the one
    beyond it when it is too narrow for a wordless end and its arrow's label)."""
    own = lanes_of(step)
    ending = step.ending()
    asked = ending.lane if ending is not None else None
    if asked is not None and asked not in own and asked < len(lanes):
        return asked, False
    if asked is not None or shares(step, lanes, style):
        return own[-1], True
    free = free_lane(own, len(lanes))
    if free is None:
        return own[-1], True
    beyond = free + 1 if free > own[-1] else free - 1
    narrow = wordless_end(step, style) and lanes[free].width < end_lane_room(style)
    if narrow and 0 <= beyond < len(lanes):
        return beyond, False
    return free, False


def end_shares(step: Step, lanes: Sequence[Column[ColumnId]], style: LayoutStyle) -> bool:
    """True when a step's end terminator stands in the step's own last lane."""
    return step.is_decision and step.ends and end_lane(step, lanes, style)[1]


def room_beside_end(
    step: Step, lanes: Sequence[Column[ColumnId]], style: LayoutStyle
) -> tuple[Pt, Pt]:
    """How wide a deciding step's diamond may grow across a slide, beside its end terminator
    in the next lane: on the side away from the terminator (up to its lane), and toward it
    (all but the outermost lane there, where the terminator then stands beyond the diamond)."""
    end, _ = end_lane(step, lanes, style)
    left, right = lanes[0].x + style.outer_margin_x, lanes[-1].right - style.outer_margin_x
    gap = style.symbol_margin_x
    if end > max(step.actors, default=0):  # the terminator stands right of the diamond
        return lanes[end].x - gap - left, lanes[-1].x - gap - left
    return right - (lanes[end].right + gap), right - (lanes[0].right + gap)


def lane_beyond(
    box_x0: Pt, box_x1: Pt, lane: int, lanes: Sequence[Column[ColumnId]], style: LayoutStyle
) -> int:
    """``lane``, or when a widened diamond reaches into it, the first lane beyond the diamond
    on that side (the end terminator beside it stands there)."""
    column = lanes[lane]
    if box_x1 <= column.x or box_x0 >= column.right:
        return lane
    if column.center_x >= (box_x0 + box_x1) / 2:  # the terminator stands right of it
        right = [i for i, c in enumerate(lanes) if c.x >= box_x1 + style.symbol_margin_x - 0.5]
        return right[0] if right else lane
    left = [i for i, c in enumerate(lanes) if c.right <= box_x0 - style.symbol_margin_x + 0.5]
    return left[-1] if left else lane


def taken_lanes(step: Step, lanes: Sequence[Column[ColumnId]], style: LayoutStyle) -> set[int]:
    """The lanes of a step's row holding its symbol or its end terminator."""
    taken = set(lanes_of(step))
    if step.is_decision and step.ends:
        taken.add(end_lane(step, lanes, style)[0])
    return taken


def connector_lane(
    step: Step,
    direction: Direction,
    *,
    lanes: Sequence[Column[ColumnId]],
    style: LayoutStyle,
    taken: set[int] | None = None,
    labelled: bool = False,
    beside_start: bool = False,
) -> int | None:
    """A free lane beside a step's symbol wide enough for an off-page connector: right of it
    for an outgoing one, left for an incoming one (else the other side); None without one,
    and for an incoming one to a decision, whose side vertices its own arrows leave by. The
    connector of a ``labelled`` arrow (a decision's Ya or Tidak) stands in the free lane
    beyond a lane too narrow for it and the word over its arrow: the word stands over the
    arrow inside the lane crossed. A loop into a deciding first step (``beside_start``)
    stands beside the start terminator over it, its arrow joining the start's."""
    if direction == "in" and step.is_decision and not beside_start:  # its sides are exits
        return None
    own = taken_lanes(step, lanes, style)
    used = own | (taken or set())
    lo, hi = min(own), max(own)  # right beside the symbol: nothing between them
    if step.is_decision and step.ends:  # away from the end terminator beside the symbol
        end_left = min(own) < min(lanes_of(step))
        order: tuple[int, ...] = (hi + 1,) if end_left else (lo - 1,)
    else:
        order = (hi + 1, lo - 1) if direction == "out" else (lo - 1, hi + 1)

    def fits(lane: int) -> bool:
        return (
            0 <= lane < len(lanes)
            and lane not in used
            and lanes[lane].width >= style.connector_size + 2 * CONNECTOR_ROOM
        )

    for lane in order:
        if fits(lane):
            beyond = lane + 1 if lane > hi else lane - 1
            if labelled and lanes[lane].width < labelled_connector_lane(style) and fits(beyond):
                return beyond
            return lane
    return None


def labelled_connector_lane(style: LayoutStyle) -> Pt:
    """How wide a lane must be for a connector centred in it and, between the lane line and
    its arrow's head, the Ya/Tidak over that arrow."""
    return 2 * (_label_room(style) + ARROWHEAD_LENGTH) + style.connector_size
