"""A layout's text cell written into a Word table cell: its own lines, never re-wrapped."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Final

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from sopdoc.backends.docx.ooxml import add_run, paragraph_format
from sopdoc.layout.geometry import PlacedLine, TextCell
from sopdoc.units import Pt as Points

#: Word and LibreOffice start a cell's text below its top border (sz 4: half a point); the
#: layout measures its padding from the border's middle line.
BORDER: Final = 0.5


def write_lines(
    cell: Any,
    text_cell: TextCell[Any],
    *,
    font: str,
    pad_x: Points,
    leading: Callable[[Points], Points],
    before: Points = 0.0,
    first: bool = True,
) -> None:
    """The layout's lines with its own breaks and exact line spacing.

    An indented line continues the item above it (a hanging indent under its marker); every
    other line, and every line of centred text, is a paragraph of its own with its own
    size's leading; an empty line is an empty paragraph of the same height. ``before`` is
    the layout's top padding, written as space above the first paragraph less the border the
    text already starts below (not as a cell margin: LibreOffice 25.2 moves drawings
    anchored in a row by the row's largest top cell margin). With ``first`` the cell's
    existing first paragraph takes the first line.
    """
    if not text_cell.lines:  # an empty cell: its paragraph must not grow the row
        paragraph_format(cell.paragraphs[0], size=1, leading=1)
        return
    center = text_cell.align == "center"
    left = text_cell.box.x + pad_x
    groups: list[tuple[float, list[PlacedLine]]] = []
    for line in text_cell.lines:
        indent = line.x - left
        if groups and not center and indent >= 0.5 and line.text:
            groups[-1] = (indent, [*groups[-1][1], line])
        else:
            groups.append((0.0, [line]))
    for number, (indent, lines) in enumerate(groups):
        paragraph = cell.paragraphs[0] if first and number == 0 else cell.add_paragraph()
        size = lines[0].size
        above = max(0.0, before - BORDER) if number == 0 else 0.0
        paragraph_format(paragraph, size=size, leading=leading(size), before=above)
        if center:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if indent:
            paragraph.paragraph_format.left_indent = Pt(indent)
            paragraph.paragraph_format.first_line_indent = Pt(-indent)
        _runs(paragraph, lines, font=font)


def _runs(paragraph: Any, lines: Sequence[PlacedLine], *, font: str) -> None:
    for i, line in enumerate(lines):
        if not line.text:  # an empty line: the paragraph's exact height is the line
            continue
        run = add_run(paragraph, line.text, font=font, size=line.size, bold=line.bold)
        if line.underline:
            run.font.underline = True
        if i < len(lines) - 1:
            run.add_break()
