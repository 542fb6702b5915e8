"""Placing wrapped lines in boxes: baselines from real font metrics, and fitted sizes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final, Literal, TypeVar

from sopdoc.layout.geometry import (
    Align,
    Box,
    CellId,
    FontMeasure,
    IdentityPart,
    LayoutStyle,
    PlacedLine,
    TextCell,
)
from sopdoc.layout.wrap import Line, Measure
from sopdoc.units import Pt

#: What a running line's cell is keyed by.
Key = TypeVar("Key", bound=CellId | IdentityPart)

#: Smallest size the column heads may share so that their words fit whole; below it, the
#: words that still do not fit are hyphenated instead.
MIN_HEADER_SIZE: Final = 7.0


#: Word processors give a cell's text this much more room on each side than the layout's
#: padding (the DOCX cell margins are the padding less this): they must never wrap a line
#: the layout kept whole.
TEXT_SLACK: Final = 0.5
#: The layout wraps text a word processor wraps again (a step's text, identity values and
#: sections) within the word processor's room less this much, its measure being at most
#: this much narrower than ours: both break the same lines in the same places.
WRAP_TOLERANCE: Final = 0.3
#: Word and LibreOffice (25.2; 7.4 centred the glyphs) put the baseline of a line of exact
#: line spacing this share of the line below its top, whatever the font: the text of table
#: cells, which the DOCX writes with exact spacing, stands where they print it.
TABLE_BASELINE: Final = 0.8


def wrap_width(width: Pt, pad_x: Pt) -> Pt:
    """The width text is wrapped to in a cell ``width`` wide with ``pad_x`` each side, the
    width a word processor wraps it to again."""
    return width - 2 * (pad_x - TEXT_SLACK) - WRAP_TOLERANCE


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
    table_cell: bool = False,
) -> tuple[PlacedLine, ...]:
    """Baselines for wrapped lines in a box: each glyph box centred in its line's leading,
    or in a ``table_cell`` where word processors put it (``TABLE_BASELINE``)."""
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
        if table_cell:
            baseline = top + (i + TABLE_BASELINE) * leading
        else:
            baseline = top + i * leading + (leading - ascent - descent) / 2 + ascent
        placed.append(
            PlacedLine(line.text, x, baseline, size, bold, joint=line.joint, hang=line.hang)
        )
    return tuple(placed)


def common_size(
    texts: Sequence[tuple[str, Pt]],
    *,
    size: Pt,
    measure: Measure,
    bold: bool,
    minimum: Pt = MIN_HEADER_SIZE,
) -> Pt:
    """One size for a set of heads: the largest, at most ``size`` and at least ``minimum``,
    at which every word of every (text, width) fits its width whole."""

    def fits(at: Pt) -> bool:
        return all(
            measure.width(word, at, bold=bold) <= width
            for text, width in texts
            for word in text.split()
        )

    while size > minimum and not fits(size):
        size -= 0.5
    return max(size, minimum)


def running_line(
    key: Key,
    text: str,
    *,
    x: Pt,
    y: Pt,
    width: Pt,
    size: Pt,
    leading: float,
    gap: Pt,
    font: FontMeasure,
) -> TextCell[Key]:
    """A one-line cell above a table naming its SOP: ``text`` at ``size``, cut with an
    ellipsis to ``width``, and ``gap`` below it before the table."""
    text = " ".join(text.split())
    while text and font.width(text, size) > width:
        text = text[:-2].rstrip() + "…"
    line_height = size * leading
    plain = LayoutStyle(pad_x=0.0, pad_y=0.0, leading=leading)
    box = Box(x, y, width, line_height)
    lines = place_lines([Line(text)], box, size=size, style=plain, font=font, table_cell=True)
    return TextCell(key, Box(x, y, width, line_height + gap), lines)
