"""A layout's text cell as a Word table cell's paragraphs: one per paragraph the user wrote,
wrapped by the word processor where the layout wrapped it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Final

from sopdoc.backends.docx import wml
from sopdoc.layout.geometry import PlacedLine, TextCell
from sopdoc.layout.wrap import HYPHEN, HYPHEN_JOINT
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
    reflow: bool = True,
) -> str:
    """The layout's lines as paragraphs with exact line spacing.

    With ``reflow`` (text the user wrote), each paragraph the user wrote (a line, a list
    item) is one paragraph, its wrapped lines joined again as the layout's joints say, with
    the item's hanging indent: Word and LibreOffice wrap it where the layout did, and wrap
    it again when it is edited. Without (headers the layout hyphenated, the kop), each line
    is a paragraph, an indented one continuing the item above after a line break. An empty
    line is an empty paragraph of the same height. ``before`` is
    the layout's top padding, written as space above the first paragraph less the border the
    text already starts below (not as a cell margin: LibreOffice 25.2 moves drawings
    anchored in a row by the row's largest top cell margin). With ``page_break`` the first
    paragraph starts a page.
    """
    if not text_cell.lines:  # an empty cell: its paragraph must not grow the row
        return wml.paragraph(leading=1, page_break=page_break)
    if reflow:
        return _paragraphs(
            text_cell, font=font, leading=leading, before=before, page_break=page_break
        )
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


def _paragraphs(
    text_cell: TextCell[Any],
    *,
    font: str,
    leading: Callable[[Points], Points],
    before: Points,
    page_break: bool,
) -> str:
    """One paragraph per paragraph the user wrote: lines joined where the layout wrapped."""
    groups: list[list[PlacedLine]] = []
    for line in text_cell.lines:
        if groups and line.joint is not None and groups[-1][-1].text:
            groups[-1].append(line)
        else:
            groups.append([line])
    paragraphs = []
    for number, lines in enumerate(groups):
        first = lines[0]
        text = first.text
        for line in lines[1:]:
            if line.joint == HYPHEN_JOINT and text.endswith(HYPHEN):
                text = text[: -len(HYPHEN)] + line.text
            else:
                text += (line.joint or "") + line.text
        content = ""
        if text:
            content = wml.run(
                text, font=font, size=first.size, bold=first.bold, underline=first.underline
            )
        paragraphs.append(
            wml.paragraph(
                content,
                leading=leading(first.size),
                before=max(0.0, before - BORDER) if number == 0 else 0.0,
                center=text_cell.align == "center",
                indent=first.hang,
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
