"""A layout's text cell as a Word table cell's paragraphs: one per paragraph the user wrote,
in its named style, wrapped by the word processor where the layout wrapped it, and list
items as Word lists."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any, Final

from sopdoc.backends.docx import wml
from sopdoc.backends.docx.numbering import Numbering, list_format
from sopdoc.backends.docx.styles import Role, Styles, TextStyle
from sopdoc.layout.geometry import PlacedLine, TextCell
from sopdoc.layout.wrap import HYPHEN, HYPHEN_JOINT
from sopdoc.units import Pt as Points

#: Word and LibreOffice 25.2 start a cell's text below the lower half of its top line (a
#: line of ``w:sz`` 4 is half a point wide); the layout measures its padding from the
#: line's middle.
BORDER: Final = wml.LINE_WIDTH / 2
#: The paragraph of an empty cell, 1 pt high: it must not grow the row.
TINY_PARAGRAPH: Final = wml.paragraph(leading=1)


@dataclass(frozen=True)
class CellText:
    """How a document writes its cells' text: its named styles, its lists (None: markers
    stay typed text), the layout's padding and leading."""

    styles: Styles
    numbering: Numbering | None
    pad_x: Points
    leading: Callable[[Points], Points]

    def lines(
        self,
        text_cell: TextCell[Any],
        *,
        role: Role,
        title: Role | None = None,
        before: Points = 0.0,
        page_break: bool = False,
        reflow: bool = True,
    ) -> str:
        """The cell's paragraphs in the style of ``role`` (bold lines in that of ``title``,
        when given), with exact line spacing.

        With ``reflow`` (text the user wrote), each paragraph the user wrote (a line, a list
        item) is one paragraph, its wrapped lines joined again as the layout's joints say,
        with the item's hanging indent: Word and LibreOffice wrap it where the layout did,
        and wrap it again when it is edited; a run of list items whose markers count on
        (``1.`` ``2.``, or one bullet) is a Word list, so an item added in Word gets the
        next number. Without (headers the layout hyphenated, the kop), each line is a
        paragraph, an indented one continuing the item above after a line break. An empty
        line is an empty paragraph of the same height. ``before`` is the layout's top
        padding, written as space above the first paragraph less the line the text already
        starts below (not as a cell margin: LibreOffice 25.2 moves drawings anchored in a
        row by the row's largest top cell margin). With ``page_break`` the first paragraph
        starts a page.
        """
        if not text_cell.lines:  # an empty cell: its paragraph must not grow the row
            return wml.paragraph(leading=1, page_break=page_break)
        groups = _reflowed(text_cell.lines) if reflow else self._broken(text_cell)
        numbers = self._lists(groups) if reflow else [None] * len(groups)
        paragraphs = []
        for number, ((indent, lines), item) in enumerate(zip(groups, numbers, strict=True)):
            first = lines[0]
            style = self.styles[title if title is not None and first.bold else role]
            num_id = None
            if item is not None:  # Word numbers the item: its typed marker is left out
                num_id, marker = item
                lines = [replace(first, text=first.text[len(marker) + 1 :]), *lines[1:]]
            content = "".join(
                self._run(line.text, line, style, line_break=i < len(lines) - 1)
                for i, line in enumerate(lines)
                if line.text  # an empty line: the paragraph's exact height is the line
            )
            paragraphs.append(
                wml.paragraph(
                    content,
                    style=style.role.value,
                    leading=None if first.size == style.size else self.leading(first.size),
                    before=max(0.0, before - BORDER) if number == 0 else 0.0,
                    align=text_cell.align if text_cell.align != style.align else None,
                    indent=indent,
                    page_break=page_break and number == 0,
                    num_id=num_id,
                    mark=self._mark(first, style) if num_id is not None else "",
                )
            )
        return "".join(paragraphs)

    def _broken(self, text_cell: TextCell[Any]) -> list[tuple[Points, list[PlacedLine]]]:
        """The layout's lines, an indented line joined to the item above."""
        left = text_cell.box.x + self.pad_x
        groups: list[tuple[Points, list[PlacedLine]]] = []
        for line in text_cell.lines:
            indent = line.x - left
            if groups and text_cell.align != "center" and indent >= 0.5 and line.text:
                groups[-1] = (indent, [*groups[-1][1], line])
            else:
                groups.append((0.0, [line]))
        return groups

    def _lists(
        self, groups: Sequence[tuple[Points, list[PlacedLine]]]
    ) -> list[tuple[int, str] | None]:
        """Each paragraph's Word list and typed marker, where a run of items is a list."""
        found: list[tuple[int, str] | None] = [None] * len(groups)
        if self.numbering is None:
            return found
        start = 0
        while start < len(groups):
            end = start
            while end < len(groups) and _marker(groups[end][1][0]):
                end += 1
            if end == start:
                start += 1
                continue
            markers = [_marker(groups[i][1][0]) for i in range(start, end)]
            known = list_format(markers)
            if known is not None:
                num_id = self.numbering.add(*known)
                for i, marker in zip(range(start, end), markers, strict=True):
                    found[i] = (num_id, marker)
            start = end
        return found

    @staticmethod
    def _run(text: str, line: PlacedLine, style: TextStyle, *, line_break: bool = False) -> str:
        """A run with only what differs from ``style`` set on it."""
        return wml.run(
            text,
            size=None if line.size == style.size else line.size,
            bold=None if line.bold == style.bold else line.bold,
            underline=line.underline,
            line_break=line_break,
        )

    @staticmethod
    def _mark(line: PlacedLine, style: TextStyle) -> str:
        """A list item's paragraph mark (its number's look): the text's size and weight."""
        return wml.run_properties(
            size=None if line.size == style.size else line.size,
            bold=None if line.bold == style.bold else line.bold,
        )


def _marker(line: PlacedLine) -> str:
    """The typed marker of a list item's first line ("" when it is not an item)."""
    if not line.hang:
        return ""
    marker, space, _ = line.text.partition(" ")
    return marker if space else ""


def _reflowed(lines: Sequence[PlacedLine]) -> list[tuple[Points, list[PlacedLine]]]:
    """One group per paragraph the user wrote, its wrapped lines joined into one line."""
    groups: list[list[PlacedLine]] = []
    for line in lines:
        if groups and line.joint is not None and groups[-1][-1].text:
            groups[-1].append(line)
        else:
            groups.append([line])
    joined = []
    for group in groups:
        first = group[0]
        text = first.text
        for line in group[1:]:
            if line.joint == HYPHEN_JOINT and text.endswith(HYPHEN):
                text = text[: -len(HYPHEN)] + line.text
            else:
                text += (line.joint or "") + line.text
        joined.append((first.hang, [replace(first, text=text)]))
    return joined
