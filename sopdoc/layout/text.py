"""Placing wrapped lines in boxes: baselines from real font metrics, and fitted sizes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final, Literal

from sopdoc.layout.geometry import Align, Box, FontMeasure, LayoutStyle, PlacedLine
from sopdoc.layout.wrap import Line, Measure
from sopdoc.units import Pt

#: Smallest font size a header label may shrink to so that its longest word fits its column.
MIN_HEADER_SIZE: Final = 5.0


def place_lines(
    lines: Sequence[Line],
    box: Box,
    *,
    size: Pt,
    style: LayoutStyle,
    font: FontMeasure,
    bold: bool = False,
    align: Align = "left",
    valign: Literal["top", "middle"] = "top",
) -> tuple[PlacedLine, ...]:
    """Baselines for wrapped lines in a box: each glyph box centred in its line's leading."""
    leading = size * style.leading
    block = leading * len(lines)
    top = box.y + style.pad_y if valign == "top" else box.center_y - block / 2
    ascent, descent = font.ascent(size), font.descent(size)
    placed = []
    for i, line in enumerate(lines):
        if align == "center":
            x = box.center_x - font.width(line.text, size, bold=bold) / 2
        else:
            x = box.x + style.pad_x + line.indent
        baseline = top + i * leading + (leading - ascent - descent) / 2 + ascent
        placed.append(PlacedLine(line.text, x, baseline, size, bold))
    return tuple(placed)


def fit_size(text: str, width: Pt, size: Pt, measure: Measure, *, bold: bool) -> Pt:
    """The largest size, at most ``size``, at which the longest word of ``text`` fits."""
    words = text.split() or [""]
    while size > MIN_HEADER_SIZE and max(measure.width(w, size, bold=bold) for w in words) > width:
        size -= 0.5
    return size
