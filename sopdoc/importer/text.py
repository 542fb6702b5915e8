"""The text of a DOCX's body: paragraphs with the numbers Word numbering shows, and tables as
grids of cells (spans and vertical merges resolved), in document order."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Final

from sopdoc.importer.package import w
from sopdoc.namespaces import MC
from sopdoc.units import EMU_PER_TWIP

#: Bullets written in the Symbol or Wingdings fonts, as the characters they show.
_SYMBOL_BULLETS: Final = {"\uf0b7": "•", "\uf0a7": "▪", "\uf0d8": "➢", "\uf076": "❖", "o": "◦"}
_ROMAN: Final = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)
#: What holds a paragraph's runs besides the paragraph: links, tags, fields, insertions.
_CONTAINERS: Final = frozenset(
    w(t) for t in ("hyperlink", "smartTag", "fldSimple", "ins", "sdt", "sdtContent")
)
#: A Word list's default levels, when its definition is missing: decimal "1.".
_DEFAULT_LEVEL: Final = ("decimal", "%1.", 1)


@dataclass(frozen=True)
class Paragraph:
    """A paragraph's text (line breaks as ``\\n``), the number or bullet Word numbering shows
    before it ("" when none), and whether all its text is bold."""

    text: str
    marker: str = ""
    bold: bool = False

    @property
    def typed(self) -> str:
        """The paragraph as the user sees it: its number, a space, its text."""
        return f"{self.marker} {self.text}" if self.marker and self.text else self.text


@dataclass
class Cell:
    """A table cell at grid ``column`` of ``row``, ``span`` columns wide and ``rows`` rows
    high (a vertical merge), its paragraphs, and its element (for anchored drawings)."""

    row: int
    column: int
    span: int
    paragraphs: list[Paragraph]
    elements: list[Any] = field(default_factory=list)
    rows: int = 1

    @property
    def text(self) -> str:
        """The cell's text, a line per paragraph (and per line break)."""
        return "\n".join(p.typed for p in self.paragraphs).strip()


@dataclass
class Table:
    """A table: its grid columns' widths and rows' heights (EMU; None: as high as the text)
    and its cells by (row, column)."""

    index: int
    widths: list[int]
    heights: list[int | None]
    cells: list[Cell]

    def at(self, row: int, column: int) -> Cell | None:
        """The cell covering grid ``column`` of ``row`` (a merged cell from above too)."""
        for cell in self.cells:
            if (
                cell.row <= row < cell.row + cell.rows
                and cell.column <= column < cell.column + cell.span
            ):
                return cell
        return None

    def row_cells(self, row: int) -> list[Cell]:
        """The cells that start in ``row``, left to right."""
        return sorted((c for c in self.cells if c.row == row), key=lambda c: c.column)

    @property
    def row_count(self) -> int:
        return len(self.heights)

    def column_left(self, column: int) -> int:
        return sum(self.widths[:column])


class Numbers:
    """Counts Word list numbers in document order, as Word shows them."""

    def __init__(self, numbering: Any | None, styles: Any | None = None) -> None:
        self.levels: dict[tuple[str, int], tuple[str, str, int]] = {}
        self.counters: dict[str, list[int]] = {}
        #: Paragraph style id -> the list its paragraphs are items of (List Number...).
        self.styles: dict[str, tuple[str, int]] = {}
        for style in styles.iter(w("style")) if styles is not None else ():
            properties = style.find(w("pPr"))
            numbered = properties.find(w("numPr")) if properties is not None else None
            num_id = _val(numbered.find(w("numId"))) if numbered is not None else None
            if numbered is not None and num_id is not None:
                level = int(_val(numbered.find(w("ilvl"))) or "0")
                self.styles[str(style.get(w("styleId")))] = (num_id, level)
        if numbering is None:
            return
        abstract: dict[str, Any] = {
            str(a.get(w("abstractNumId"))): a for a in numbering.iter(w("abstractNum"))
        }
        for num in numbering.iter(w("num")):
            ident = num.get(w("numId"))
            ref = num.find(w("abstractNumId"))
            definition = abstract.get(str(ref.get(w("val"))) if ref is not None else "")
            starts = {
                int(o.get(w("ilvl"), "0")): int(s.get(w("val"), "1"))
                for o in num.iter(w("lvlOverride"))
                for s in o.iter(w("startOverride"))
            }
            if definition is None or ident is None:
                continue
            for level in definition.iter(w("lvl")):
                ilvl = int(level.get(w("ilvl"), "0"))
                fmt = _val(level.find(w("numFmt"))) or "decimal"
                text = _val(level.find(w("lvlText")))
                start = int(_val(level.find(w("start"))) or "1")
                self.levels[(ident, ilvl)] = (
                    fmt,
                    text if text is not None else "",
                    starts.get(ilvl, start),
                )

    def marker(self, num_id: str, ilvl: int) -> str:
        """The next number of list ``num_id`` at level ``ilvl``."""
        if num_id == "0":
            return ""
        fmt, text, _ = self.levels.get((num_id, ilvl), _DEFAULT_LEVEL)
        counters = self.counters.setdefault(num_id, [])
        while len(counters) <= ilvl:
            level = len(counters)
            counters.append(self.levels.get((num_id, level), _DEFAULT_LEVEL)[2] - 1)
        counters[ilvl] += 1
        del counters[ilvl + 1 :]
        if fmt == "bullet":
            return _SYMBOL_BULLETS.get(text, text or "•")
        shown = text
        for level, count in enumerate(counters):
            level_fmt = self.levels.get((num_id, level), _DEFAULT_LEVEL)[0]
            shown = shown.replace(f"%{level + 1}", _format(count, level_fmt))
        return shown.strip()


def _val(element: Any | None) -> str | None:
    return None if element is None else element.get(w("val"))


def _format(number: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        letters = ""
        while number > 0:
            number, rest = divmod(number - 1, 26)
            letters = chr(ord("a") + rest) + letters
        return letters.upper() if fmt == "upperLetter" else letters
    if fmt in ("lowerRoman", "upperRoman"):
        roman = ""
        for value, digits in _ROMAN:
            while number >= value:
                roman += digits
                number -= value
        return roman.upper() if fmt == "upperRoman" else roman
    return str(number)


def paragraph(element: Any, numbers: Numbers) -> Paragraph:
    """A ``w:p`` as text: its runs' text (tabs as spaces, breaks as new lines), leaving out
    text in text boxes and deleted text, with its list number."""
    parts: list[str] = []
    bold = []
    for run in _runs(element):
        properties = run.find(w("rPr"))
        is_bold = properties is not None and _on(properties.find(w("b")))
        for child in run:
            if child.tag == w("t"):
                parts.append(child.text or "")
                if (child.text or "").strip():
                    bold.append(is_bold)
            elif child.tag in (w("tab"), w("ptab")):
                parts.append(" ")
            elif child.tag in (w("br"), w("cr")):
                parts.append("\n")
    marker = ""
    properties = element.find(w("pPr"))
    numbered = properties.find(w("numPr")) if properties is not None else None
    style = properties.find(w("pStyle")) if properties is not None else None
    if numbered is not None:
        num_id = _val(numbered.find(w("numId")))
        level = _val(numbered.find(w("ilvl"))) or "0"
        if num_id is not None:
            marker = numbers.marker(num_id, int(level))
    elif style is not None and _val(style) in numbers.styles:
        marker = numbers.marker(*numbers.styles[str(_val(style))])
    text = "\n".join(" ".join(line.split()) for line in "".join(parts).split("\n"))
    return Paragraph(text.strip("\n"), marker, bool(bold) and all(bold))


def _on(element: Any | None) -> bool:
    return element is not None and element.get(w("val"), "true") not in ("0", "false", "off")


def _runs(element: Any) -> Iterator[Any]:
    """The runs of a paragraph, into hyperlinks, smart tags and fields, not into text boxes,
    drawings or deleted text."""
    for child in element:
        if child.tag == w("r"):
            yield child
        elif child.tag in (
            w("hyperlink"),
            w("smartTag"),
            w("fldSimple"),
            w("ins"),
            w("sdt"),
        ) or child.tag == w("sdtContent"):
            yield from _runs(child)
        elif child.tag == f"{{{MC}}}AlternateContent":
            continue


def table(element: Any, index: int, numbers: Numbers) -> Table:
    """A ``w:tbl`` as a grid: spans and vertical merges resolved."""
    grid = element.find(w("tblGrid"))
    widths = [
        int(float(col.get(w("w"), "0"))) * EMU_PER_TWIP
        for col in (grid.findall(w("gridCol")) if grid is not None else [])
    ]
    cells: list[Cell] = []
    heights: list[int | None] = []
    open_merges: dict[int, Cell] = {}
    cell_widths: dict[int, list[int]] = {}
    for row_number, row in enumerate(element.findall(w("tr"))):
        properties = row.find(w("trPr"))
        height = properties.find(w("trHeight")) if properties is not None else None
        value = height.get(w("val")) if height is not None else None
        heights.append(int(float(value)) * EMU_PER_TWIP if value else None)
        column = _grid_before(properties)
        for tc in row.findall(w("tc")):
            tc_properties = tc.find(w("tcPr"))
            span, merge = 1, None
            if tc_properties is not None:
                span = int(_val(tc_properties.find(w("gridSpan"))) or "1")
                merge = tc_properties.find(w("vMerge"))
                width = tc_properties.find(w("tcW"))
                if span == 1 and width is not None and width.get(w("type"), "dxa") == "dxa":
                    twips = int(float(width.get(w("w"), "0")))
                    if twips > 0:
                        cell_widths.setdefault(column, []).append(twips * EMU_PER_TWIP)
            paragraphs = [paragraph(p, numbers) for p in tc.iter(w("p")) if not _in_text_box(p, tc)]
            continues = merge is not None and merge.get(w("val"), "continue") == "continue"
            if continues and column in open_merges:
                above = open_merges[column]
                above.rows = row_number - above.row + 1
                above.paragraphs += [p for p in paragraphs if p.text or p.marker]
                above.elements.append(tc)
            else:
                cell = Cell(row_number, column, span, paragraphs, [tc])
                cells.append(cell)
                if merge is not None:
                    open_merges[column] = cell
                else:
                    open_merges.pop(column, None)
            column += span
        while len(widths) < column:
            widths.append(0)
    # Word lays a table out by its cells' widths where they disagree with the grid's.
    for column, found in cell_widths.items():
        if column < len(widths):
            widths[column] = max(set(found), key=found.count)
    return Table(index, widths, heights, cells)


def _grid_before(properties: Any | None) -> int:
    if properties is None:
        return 0
    before = properties.find(w("gridBefore"))
    return int(_val(before) or "0") if before is not None else 0


def _in_text_box(p: Any, stop: Any) -> bool:
    """Whether ``p`` stands in a text box or a nested table inside ``stop`` (a cell)."""
    parent = p.getparent()
    while parent is not None and parent is not stop:
        if parent.tag in (w("txbxContent"), w("tbl")):
            return True
        parent = parent.getparent()
    return False


Block = Paragraph | Table


def blocks(body: Any, numbers: Numbers) -> Iterator[tuple[Block, Any]]:
    """The body's paragraphs and tables in order (content controls opened), each with its
    element; tables numbered in document order."""
    count = 0

    def walk(parent: Any) -> Iterator[tuple[Block, Any]]:
        nonlocal count
        for child in parent:
            if child.tag == w("p"):
                yield paragraph(child, numbers), child
            elif child.tag == w("tbl"):
                yield table(child, count, numbers), child
                count += 1
            elif child.tag == w("sdt"):
                content = child.find(w("sdtContent"))
                if content is not None:
                    yield from walk(content)

    yield from walk(body)
