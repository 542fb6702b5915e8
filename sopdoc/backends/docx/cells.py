"""A layout's text cell as a Word table cell's paragraphs: its own lines, never re-wrapped."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Final

from sopdoc.backends.docx import wml
from sopdoc.layout.geometry import PlacedLine, TextCell
from sopdoc.units import Pt as Points

#: Word and LibreOffice start a cell's text below its top border (sz 4: half a point); the
#: layout measures its padding from the border's middle line.
BORDER: Final = 0.5
#: The paragraph of an empty cell, 1 pt high: it must not grow the row.
TINY_PARAGRAPH: Final = wml.paragraph(leading=1)


def cell_lines(
    text_cell: TextCell[Any],
    *,
    font: str,
    pad_x: Points,
    leading: Callable[[Points], Points],
    before: Points = 0.0,
    page_break: bool = False,
) -> str:
    """The layout's lines as paragraphs, with its own breaks and exact line spacing.

    An indented line continues the item above it (a hanging indent under its marker); every
    other line, and every line of centred text, is a paragraph of its own with its own
    size's leading; an empty line is an empty paragraph of the same height. ``before`` is
    the layout's top padding, written as space above the first paragraph less the border the
    text already starts below (not as a cell margin: LibreOffice 25.2 moves drawings
    anchored in a row by the row's largest top cell margin). With ``page_break`` the first
    paragraph starts a page.
    """
    if not text_cell.lines:  # an empty cell: its paragraph must not grow the row
        return wml.paragraph(leading=1, page_break=page_break)
    center = text_cell.align == "center"
    left = text_cell.box.x + pad_x
    groups: list[tuple[float, list[PlacedLine]]] = []
    for line in text_cell.lines:
        indent = line.x - left
        if groups and not center and indent >= 0.5 and line.text:
            groups[-1][1].append(line)
            groups[-1] = (indent, groups[-1][1])
        else:
            groups.append((0.0, [line]))
    paragraphs = []
    for number, (indent, lines) in enumerate(groups):
        size = lines[0].size
        paragraphs.append(
            wml.paragraph(
                _runs(lines, font=font),
                leading=leading(size),
                before=max(0.0, before - BORDER) if number == 0 else 0.0,
                center=center,
                indent=indent,
                page_break=page_break and number == 0,
            )
        )
    return "".join(paragraphs)


def _runs(lines: Sequence[PlacedLine], *, font: str) -> str:
    last = len(lines) - 1
    return "".join(
        wml.run(
            line.text,
            font=font,
            size=line.size,
            bold=line.bold,
            underline=line.underline,
            line_break=i < last,
        )
        for i, line in enumerate(lines)
        if line.text  # an empty line: the paragraph's exact height is the line
    )
