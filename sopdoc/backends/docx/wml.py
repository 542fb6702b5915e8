"""WordprocessingML written as text: runs, paragraphs, cells, rows and tables in schema order."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Final, Literal

from docx.oxml import parse_xml

from sopdoc.namespaces import W
from sopdoc.units import EMU_PER_POINT, EMU_PER_TWIP, to_emu

#: Characters XML 1.0 does not allow (python-docx raised on them; the reader drops them).
_ILLEGAL: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
#: What a run's text turns into besides ``w:t``, as python-docx writes it.
_SPECIAL: Final = re.compile("([\t\r\n])")
_ESCAPES: Final = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})
#: Child order of w:tblBorders, w:tcBorders and the margin elements (top, left, bottom, right).
SIDES: Final = ("top", "left", "bottom", "right", "insideH", "insideV")
#: The empty paragraph every table cell must hold at least.
EMPTY_PARAGRAPH: Final = "<w:p/>"
#: The width of a table line (``w:sz`` 4, in eighths of a point).
LINE_WIDTH: Final = 0.5
#: An empty paragraph that starts a page.
BREAK_PARAGRAPH: Final = "<w:p><w:pPr><w:pageBreakBefore/></w:pPr></w:p>"

VerticalMerge = Literal["restart", "continue"]


def escape(text: str) -> str:
    """Text or an attribute value (in double quotes), escaped; characters XML 1.0 forbids
    are left out."""
    return _ILLEGAL.sub("", text).translate(_ESCAPES)


def twips(points: float) -> str:
    """Points as a whole number of twentieths of a point (dxa), the unit of table geometry."""
    return str(round(points * 20))


def length_twips(points: float) -> int:
    """Points in twips as python-docx writes a ``Pt`` length (EMU truncated, then rounded)."""
    return round(int(points * EMU_PER_POINT) / EMU_PER_TWIP)


def emu_twips(points: float) -> int:
    """Points in twips by way of whole EMU (row heights and cell widths)."""
    return round(to_emu(points) / EMU_PER_TWIP)


def half_points(size: float) -> int:
    """A font size in half points, truncated as python-docx writes it."""
    return int(int(size * EMU_PER_POINT) / EMU_PER_POINT * 2)


def run(
    text: str,
    *,
    font: str | None = None,
    size: float | None = None,
    bold: bool | None = None,
    underline: bool = False,
    line_break: bool = False,
) -> str:
    """A ``w:r`` with its text as python-docx writes it (tabs as ``w:tab``, line ends as
    ``w:br``); ``line_break`` ends it with a ``w:br``. Only what is given is set on the run
    (direct formatting): the rest is the paragraph style's. A ``font`` sets every font slot
    and an explicit bold."""
    parts = ["<w:r>", run_properties(font=font, size=size, bold=bold, underline=underline)]
    for piece in _SPECIAL.split(text):
        if piece == "\t":
            parts.append("<w:tab/>")
        elif piece in ("\r", "\n"):
            parts.append("<w:br/>")
        elif piece:
            space = ' xml:space="preserve"' if len(piece.strip()) < len(piece) else ""
            parts.append(f"<w:t{space}>{escape(piece)}</w:t>")
    if line_break:
        parts.append("<w:br/>")
    parts.append("</w:r>")
    return "".join(parts)


def run_properties(
    *,
    font: str | None = None,
    size: float | None = None,
    bold: bool | None = None,
    underline: bool = False,
) -> str:
    """A ``w:rPr`` of what is given, in schema order; "" when nothing is."""
    inner = []
    if font is not None:
        name = escape(font)
        inner.append(
            f'<w:rFonts w:ascii="{name}" w:hAnsi="{name}" w:cs="{name}" w:eastAsia="{name}"/>'
        )
        if bold is None:
            bold = False
    if bold is not None:
        inner.append("<w:b/>" if bold else '<w:b w:val="0"/>')
    if size is not None:
        inner.append(f'<w:sz w:val="{half_points(size)}"/>')
    if underline:
        inner.append('<w:u w:val="single"/>')
    return f"<w:rPr>{''.join(inner)}</w:rPr>" if inner else ""


def paragraph(
    content: str = "",
    *,
    leading: float | None,
    before: float = 0.0,
    after: float = 0.0,
    indent: float = 0.0,
    page_break: bool = False,
    style: str | None = None,
    align: str | None = None,
    num_id: int | None = None,
    mark: str = "",
) -> str:
    """A ``w:p`` holding ``content`` (runs): ``before`` and ``after`` points above and
    below, exact ``leading`` (None: single); aligned as ``align`` says (``w:jc``: "center",
    "right"...; None: as its style), with a hanging ``indent`` (points), or starting a
    page. With a ``style`` (its id) only what differs from it is written: a ``leading`` of
    None is the style's. ``num_id`` makes it an item of that Word list; ``mark`` is its
    paragraph mark's run properties (the number's)."""
    properties = [
        f'<w:pStyle w:val="{style}"/>' if style else "",
        "<w:pageBreakBefore/>" if page_break else "",
    ]
    if num_id is not None:
        properties.append(f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>')
    if style is None or before or after or leading is not None:
        spacing = f' w:before="{length_twips(before)}"'
        if style is None or after:
            spacing += f' w:after="{length_twips(after)}"'
        if leading is not None:
            spacing += f' w:line="{length_twips(leading)}" w:lineRule="exact"'
        properties.append(f"<w:spacing{spacing}/>")
    if indent:
        hang = length_twips(indent)
        properties.append(f'<w:ind w:left="{hang}" w:hanging="{hang}"/>')
    if align is not None:
        properties.append(f'<w:jc w:val="{align}"/>')
    properties.append(mark)
    return f"<w:p><w:pPr>{''.join(properties)}</w:pPr>{content}</w:p>"


def margins(tag: str, sides: Mapping[str, float]) -> str:
    """A ``w:tblCellMar`` or ``w:tcMar`` with the given sides, in points, in schema order."""
    inner = "".join(
        f'<w:{s} w:w="{twips(sides[s])}" w:type="dxa"/>' for s in SIDES[:4] if s in sides
    )
    return f"<w:{tag}>{inner}</w:{tag}>"


def cell(
    content: str = EMPTY_PARAGRAPH,
    *,
    width: int,
    span: int = 1,
    merge: VerticalMerge | None = None,
    fill: str | None = None,
    cell_margins: Mapping[str, float] | None = None,
    valign: Literal["top", "center", "bottom"] | None = None,
    borders: Mapping[str, str] | None = None,
) -> str:
    """A ``w:tc`` of ``width`` twips over ``span`` grid columns; its w:tcPr in schema order
    (ECMA-376 Part 1, 17.4.70): Word repairs a file whose properties are out of order."""
    properties = [f'<w:tcW w:w="{width}" w:type="dxa"/>']
    if span > 1:
        properties.append(f'<w:gridSpan w:val="{span}"/>')
    if merge == "restart":
        properties.append('<w:vMerge w:val="restart"/>')
    elif merge == "continue":
        properties.append("<w:vMerge/>")
    if borders is not None:  # side -> w:val ("nil": none), in schema order
        sides = "".join(f'<w:{s} w:val="{borders[s]}"/>' for s in SIDES if s in borders)
        properties.append(f"<w:tcBorders>{sides}</w:tcBorders>")
    if fill is not None:
        properties.append(f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>')
    if cell_margins is not None:
        properties.append(margins("tcMar", cell_margins))
    if valign is not None:
        properties.append(f'<w:vAlign w:val="{valign}"/>')
    return f"<w:tc><w:tcPr>{''.join(properties)}</w:tcPr>{content}</w:tc>"


def row(
    cells: Iterable[str],
    *,
    height: float | None,
    header: bool = False,
    exact: bool = False,
    lines: float = LINE_WIDTH,
) -> str:
    """A ``w:tr`` at least ``height`` points high (it grows with text a clerk adds, never
    hiding it) that never splits across pages; a ``header`` row repeats on every page the
    table runs onto. ``exact``: exactly that high, for the row a flowchart is anchored in,
    which holds no text (LibreOffice grows such a row to hold the whole drawing).

    Word and LibreOffice 25.2 add half of each of a row's top and bottom lines to an "at
    least" height, not to an exact one: ``lines`` is what they add (a line's width when both
    are drawn, half of it for a row without a top line), taken off the written height so
    that the row is ``height`` high as laid out. A ``height`` of None: as high as its text.
    """
    repeat = "<w:tblHeader/>" if header else ""
    rule = "exact" if exact else "atLeast"
    size = ""
    if height is not None:
        written = height if exact else max(height - lines, 0.0)
        size = f'<w:trHeight w:val="{emu_twips(written)}" w:hRule="{rule}"/>'
    return f"<w:tr><w:trPr>{size}{repeat}<w:cantSplit/></w:trPr>{''.join(cells)}</w:tr>"


def table_properties(
    *,
    widths: Sequence[float],
    cell_margins: Mapping[str, float],
    borders: bool = True,
) -> str:
    """The whole w:tblPr of a fixed table, in schema order (17.4.60) and each property once.

    The table starts at the left margin (``tblInd`` 0 is where the border's outer edge
    sits under compatibility mode 15, which every output declares), its layout is fixed,
    and ``cell_margins`` (points, keys top/left/bottom/right) are the default cell margins.
    """
    lines = ""
    if borders:
        single = 'w:val="single" w:sz="4" w:space="0" w:color="000000"'
        lines = f"<w:tblBorders>{''.join(f'<w:{s} {single}/>' for s in SIDES)}</w:tblBorders>"
    return (
        f'<w:tblPr><w:tblW w:w="{twips(sum(widths))}" w:type="dxa"/>'
        '<w:jc w:val="left"/><w:tblInd w:w="0" w:type="dxa"/>'
        f'{lines}<w:tblLayout w:type="fixed"/>{margins("tblCellMar", cell_margins)}'
        '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0"'
        ' w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>'
    )


def table(
    rows: Iterable[str], *, widths: Sequence[float], cell_margins: Mapping[str, float]
) -> str:
    """A bordered ``w:tbl`` whose grid columns are ``widths`` (points)."""
    grid = "".join(f'<w:gridCol w:w="{twips(w)}"/>' for w in widths)
    return (
        f"<w:tbl>{table_properties(widths=widths, cell_margins=cell_margins)}"
        f"<w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"
    )


def bookmarked(paragraphs: str, name: str, ident: int) -> str:
    """``paragraphs`` (XML) with the first one's content a bookmark ``name``."""
    start = f'<w:bookmarkStart w:id="{ident}" w:name="{escape(name)}"/>'
    end = f'<w:bookmarkEnd w:id="{ident}"/>'
    first_end = paragraphs.index("</w:p>")
    head, tail = paragraphs[:first_end], paragraphs[first_end:]
    at = head.find("</w:pPr>")
    at = at + len("</w:pPr>") if at >= 0 else head.index(">") + 1
    return head[:at] + start + head[at:] + end + tail


def page_reference(bookmark: str, shown: str, *, font: str, size: float) -> str:
    """A PAGEREF field to ``bookmark`` showing ``shown`` until Word or LibreOffice updates it."""

    def char(kind: str) -> str:
        return f'<w:r><w:fldChar w:fldCharType="{kind}"/></w:r>'

    instruction = f" PAGEREF {escape(bookmark)} \\h "
    return (
        f'{char("begin")}<w:r><w:instrText xml:space="preserve">{instruction}</w:instrText></w:r>'
        f"{char('separate')}{run(shown, font=font, size=size)}{char('end')}"
    )


#: A paragraph holding a page break, before text that starts a new page.
PAGE_BREAK: Final = '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'


def parse(xml: str) -> Any:
    """The one element ``xml`` writes (its ``w`` prefix declared), as python-docx's class."""
    return parse_xml(f'<w:body xmlns:w="{W}">{xml}</w:body>')[0]


def add_block(word: Any, xml: str) -> Any:
    """Parse ``xml`` (a table or paragraph) once and put it at the end of the document's
    body, before its section properties; returns the element."""
    element = parse(xml)
    body = word.element.body
    section = body.sectPr
    if section is not None:
        section.addprevious(element)
    else:
        body.append(element)
    return element
