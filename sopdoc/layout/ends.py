"""The terminators a page draws beside its symbols: the end beside each decision whose
branch ends the flow (small, or as large as the words the workbook gives it), clear of
the Ya/Tidak of the arrow into it; and the words terminators carry on slides."""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping, Sequence

from sopdoc import words
from sopdoc.layout.capsule import CapsuleText, fit_capsule
from sopdoc.layout.context import PageContext
from sopdoc.layout.geometry import (
    ARROWHEAD_LENGTH,
    Box,
    Column,
    ColumnId,
    FontMeasure,
    LayoutStyle,
    NodeId,
    PlacedLine,
    SymbolBox,
)
from sopdoc.layout.lanes import (
    END_ASPECT,
    END_MIN_WIDTH,
    end_lane,
    lane_beyond,
    word_room,
    wordless_end,
)
from sopdoc.layout.pagination import RowPlan
from sopdoc.layout.text import place_lines
from sopdoc.layout.wrap import Line, rejoined
from sopdoc.model import Step, Symbol
from sopdoc.units import Pt


def terminal_lines(
    label: str, box: Box, *, style: LayoutStyle, font: FontMeasure
) -> tuple[PlacedLine, ...]:
    """A terminator's own word (Mulai, Selesai) inside it, where terminators carry text
    (slides); none in the document. An end the workbook names is fitted (``fit_capsule``)."""
    if not style.terminal_text:
        return ()
    return place_lines(
        [Line(label)],
        box,
        size=style.symbol_text_size,
        style=style,
        font=font,
        align="center",
        valign="middle",
    )


def end_capsule_height(
    step: Step, lanes: Sequence[Column[ColumnId]], *, style: LayoutStyle, font: FontMeasure
) -> Pt:
    """How tall the end capsule beside a deciding step must be to hold the words the
    workbook gives its end at their full size (0 for none): the row plans room for it, the
    page then sets it (``fit_capsule``) in the room it got."""
    ending = step.ending() if step.is_decision and step.ends else None
    if ending is None or not ending.label or ending.label == words.END_LABEL:
        return 0.0
    lane, shared = end_lane(step, lanes, style)
    column = lanes[lane]
    width = (column.width / 2 if shared else column.width) - 2 * style.symbol_margin_x
    width = float(math.floor(min(width, style.symbol_max_width)))
    size = style.symbol_text_size if style.terminal_text else style.label_size
    fitted = fit_capsule(
        ending.label,
        width=width,
        height=style.symbol_height,
        most=math.inf,
        sizes=(size, min(size, style.min_text_size)),
        style=style,
        font=font,
    )
    return fitted.height


def centred(
    lines: Sequence[Line], box: Box, *, size: Pt, context: PageContext
) -> tuple[PlacedLine, ...]:
    """Lines centred across and down in a symbol's box."""
    return place_lines(
        lines,
        box,
        size=size,
        style=context.style,
        font=context.font,
        align="center",
        valign="middle",
    )


def end_terminals(
    context: PageContext,
    plans: Sequence[RowPlan],
    symbols: Sequence[SymbolBox],
    *,
    zones: Mapping[int, Box],
    gutters: tuple[Pt, Pt],
) -> list[SymbolBox]:
    """A small end terminator beside each decision with a branch that ends the flow: in the
    right half of the decision's own last lane (the actor who decides ends the flow), or in
    the next lane when that lane is too narrow to hold both."""
    lanes, style, font = context.lanes, context.style, context.font
    extra = []
    by_step = {s.step: s for s in symbols if s.node == NodeId.symbol(s.step)}
    for plan in plans:
        step = plan.step
        if not (step.is_decision and step.ends):
            continue
        own = by_step[step.number]
        lane, shared = end_lane(step, lanes, style)
        zone = zones[step.number]
        height = style.symbol_height
        ending = step.ending()
        label = ending.label if ending is not None and ending.label else words.END_LABEL
        if shared:
            # The diamond keeps left, the end takes its last lane's right half.
            column = lanes[own.lanes[-1]]
            right = gutters[1] if own.lanes[-1] == len(lanes) - 1 else style.symbol_margin_x
            x0, x1 = column.center_x + style.symbol_margin_x, column.right - right
            lane_index = own.lanes[-1]
        else:
            lane = lane_beyond(own.box.x, own.box.right, lane, lanes, style)
            column = lanes[lane]
            x0 = column.x + (style.outer_margin_x if lane == 0 else style.symbol_margin_x)
            x1 = column.right - (
                style.outer_margin_x if lane == len(lanes) - 1 else style.symbol_margin_x
            )
            lane_index = lane
        fitted = None
        if label != words.END_LABEL:  # an end the workbook names: its words inside it
            x, width, fitted = _named_end(
                context, step, own.box, (x0, x1), label=label, height=height, most=zone.height
            )
            height = fitted.height
        else:
            if wordless_end(step, style):  # no words inside: it may be small
                x0, x1 = _end_span(context, step, own.box, x0, x1)
                height = min(height, float(math.floor((x1 - x0) / END_ASPECT)))
            width = min(x1 - x0, style.symbol_max_width)
            x = x0 + (x1 - x0 - width) / 2
            width = float(math.floor(width))
        box = Box(float(round(x)), float(round(zone.center_y - height / 2)), width, height)
        if fitted is not None:
            lines = centred(fitted.lines, box, size=fitted.size, context=context)
        else:
            lines = terminal_lines(label, box, style=style, font=font)
        extra.append(
            SymbolBox(
                NodeId.end_of(step.number),
                step.number,
                Symbol.END,
                box,
                (lane_index,),
                lines,
                label,
            )
        )
    return extra


def _after_label(context: PageContext, step: Step, diamond: Box, x0: Pt, x1: Pt) -> tuple[Pt, Pt]:
    """The part of [x0, x1], the span of the end beside ``diamond``, that leaves the
    Ya/Tidak of the arrow into it room over that arrow, between the side vertex (or the lane
    line the arrow crosses) and the arrowhead: there it reads as that arrow's, not the other
    branch's. [x0, x1] itself when the word fits between the vertex and a lane line, or two
    lane lines, already; it may come out narrower than the caller can use."""
    branch = next((b for target, b in step.targets if target is None), None)
    text = words.BRANCH_LABELS[branch] if branch is not None else ""
    if not text:
        return x0, x1
    vertex = diamond.right if x0 >= diamond.right else diamond.x
    style, font = context.style, context.font
    need = word_room(font.width(text, style.label_size))
    lines = sorted({x for lane in context.lanes for x in (lane.x, lane.right)})
    right = x0 >= vertex  # the span lies right of the vertex
    crossed = [x for x in lines if (vertex < x < x0 if right else x1 < x < vertex)]
    stops = sorted([vertex, *crossed])
    if any(b - a >= need for a, b in itertools.pairwise(stops)):
        return x0, x1
    if right:
        return max(x0, stops[-1] + need + ARROWHEAD_LENGTH), x1
    return x0, min(x1, stops[0] - need - ARROWHEAD_LENGTH)


def _named_end(
    context: PageContext,
    step: Step,
    diamond: Box,
    span: tuple[Pt, Pt],
    *,
    label: str,
    height: Pt,
    most: Pt,
) -> tuple[Pt, Pt, CapsuleText]:
    """The x, width and fitted words of an end the workbook names, in ``span``: clear of the
    label of the arrow into it (``_after_label``) where its words fit there as large and
    the capsule leaves the arrows over and under its row their room, else centred in the
    whole span."""
    style, font = context.style, context.font
    size = style.symbol_text_size if style.terminal_text else style.label_size

    def fit(x0: Pt, x1: Pt) -> tuple[Pt, Pt, CapsuleText]:
        width = float(math.floor(min(x1 - x0, style.symbol_max_width)))
        sizes = (size, min(size, style.min_text_size))
        words_in = fit_capsule(
            label, width=width, height=height, most=most, sizes=sizes, style=style, font=font
        )
        return x0 + (x1 - x0 - width) / 2, width, words_in

    whole = fit(*span)
    moved = _after_label(context, step, diamond, *span)
    if moved != span and moved[1] - moved[0] >= END_MIN_WIDTH:
        narrower = fit(*moved)
        # No taller than the whole span's, or than its row leaves the arrows above and below.
        tallest = max(whole[2].height, most - 2 * style.symbol_margin_y)
        cut = rejoined([line.text for line in narrower[2].lines]) != label.split()
        if narrower[2].size >= whole[2].size and narrower[2].height <= tallest and not cut:
            return narrower
    return whole


def _end_span(context: PageContext, step: Step, diamond: Box, x0: Pt, x1: Pt) -> tuple[Pt, Pt]:
    """The span [x0, x1] a wordless end terminator beside ``diamond`` takes: clear of the
    label of the arrow into it (``_after_label``) where that leaves it END_MIN_WIDTH."""
    moved = _after_label(context, step, diamond, x0, x1)
    return moved if moved[1] - moved[0] >= END_MIN_WIDTH else (x0, x1)
