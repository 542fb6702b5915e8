"""WordprocessingML and DrawingML pieces python-docx lacks: table geometry, borders, shading,
exact rows and lines, runs with every font slot set, anchored drawings, fixed zip times."""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from typing import Any, Final, Literal

from docx.enum.table import WD_ROW_HEIGHT_RULE
from docx.enum.text import WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Pt

from sopdoc import words
from sopdoc.units import to_emu

#: Child order of w:tblPr and w:tcPr in the schema (ECMA-376 Part 1, 17.4.60 and 17.4.70):
#: Word treats an element out of this order as damage and repairs the file.
TBL_PR_ORDER: Final = (
    "tblStyle",
    "tblpPr",
    "tblOverlap",
    "bidiVisual",
    "tblStyleRowBandSize",
    "tblStyleColBandSize",
    "tblW",
    "jc",
    "tblCellSpacing",
    "tblInd",
    "tblBorders",
    "shd",
    "tblLayout",
    "tblCellMar",
    "tblLook",
    "tblCaption",
    "tblDescription",
)
TC_PR_ORDER: Final = (
    "cnfStyle",
    "tcW",
    "gridSpan",
    "hMerge",
    "vMerge",
    "tcBorders",
    "shd",
    "noWrap",
    "tcMar",
    "textDirection",
    "tcFitText",
    "vAlign",
    "hideMark",
)
#: Child order of w:tblBorders, w:tcBorders and the margin elements (top, left, bottom, right).
SIDES: Final = ("top", "left", "bottom", "right", "insideH", "insideV")


def twips(points: float) -> str:
    """Points as a whole number of twentieths of a point (dxa), the unit of table geometry."""
    return str(round(points * 20))


def put(parent: Any, child: Any, order: Sequence[str]) -> Any:
    """Put ``child`` into ``parent`` at its schema position, replacing one of the same tag."""
    tag = child.tag.rpartition("}")[2]
    rank = order.index(tag)
    for existing in parent.findall(qn(f"w:{tag}")):
        parent.remove(existing)
    for sibling in parent:
        name = sibling.tag.rpartition("}")[2]
        if name in order and order.index(name) > rank:
            sibling.addprevious(child)
            return child
    parent.append(child)
    return child


def _element(tag: str, **attrs: str) -> Any:
    element = OxmlElement(tag)
    for key, value in attrs.items():
        element.set(qn(f"w:{key}"), value)
    return element


def _margins(tag: str, margins: Mapping[str, float]) -> Any:
    """A w:tblCellMar or w:tcMar with the given sides, in points, in schema order."""
    element = OxmlElement(tag)
    for side in SIDES[:4]:
        if side in margins:
            element.append(_element(f"w:{side}", w=twips(margins[side]), type="dxa"))
    return element


def table_geometry(
    table: Any, *, widths: Sequence[float], margins: Mapping[str, float], borders: bool = True
) -> None:
    """The whole w:tblPr of a fixed table, in schema order and each property once.

    The table starts at the left margin (``tblInd`` 0 is where the border's outer edge
    sits under compatibility mode 15, which every output declares), its grid columns equal
    the cell widths, its layout is fixed, and ``margins`` (points, keys top/left/bottom/right)
    are the default cell margins.
    """
    pr = table._tbl.tblPr
    for child in list(pr):
        if child.tag != qn("w:tblStyle"):
            pr.remove(child)
    put(pr, _element("w:tblW", w=twips(sum(widths)), type="dxa"), TBL_PR_ORDER)
    put(pr, _element("w:jc", val="left"), TBL_PR_ORDER)
    put(pr, _element("w:tblInd", w="0", type="dxa"), TBL_PR_ORDER)
    if borders:
        lines = OxmlElement("w:tblBorders")
        for side in SIDES:
            lines.append(_element(f"w:{side}", val="single", sz="4", space="0", color="000000"))
        put(pr, lines, TBL_PR_ORDER)
    put(pr, _element("w:tblLayout", type="fixed"), TBL_PR_ORDER)
    put(pr, _margins("w:tblCellMar", margins), TBL_PR_ORDER)
    put(
        pr,
        _element(
            "w:tblLook",
            val="0000",
            firstRow="0",
            lastRow="0",
            firstColumn="0",
            lastColumn="0",
            noHBand="1",
            noVBand="1",
        ),
        TBL_PR_ORDER,
    )
    for col, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths, strict=True):
        col.set(qn("w:w"), twips(width))
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = Emu(to_emu(width))


def cell_margins(cell: Any, margins: Mapping[str, float]) -> None:
    """This cell's own margins (points), overriding the table's on the sides given."""
    put(cell._tc.get_or_add_tcPr(), _margins("w:tcMar", margins), TC_PR_ORDER)


def shade(cell: Any, fill: str) -> None:
    """A solid background colour (hex RGB) for one cell."""
    put(
        cell._tc.get_or_add_tcPr(),
        _element("w:shd", val="clear", color="auto", fill=fill),
        TC_PR_ORDER,
    )


def vertical_align(cell: Any, value: Literal["top", "center", "bottom"]) -> None:
    """Where the cell's paragraphs sit vertically."""
    put(cell._tc.get_or_add_tcPr(), _element("w:vAlign", val=value), TC_PR_ORDER)


def remove_borders(cell: Any, sides: Sequence[str]) -> None:
    """No border on these sides of one cell (the table's borders stay elsewhere)."""
    if not sides:
        return
    borders = OxmlElement("w:tcBorders")
    for side in SIDES:
        if side in sides:
            borders.append(_element(f"w:{side}", val="nil"))
    put(cell._tc.get_or_add_tcPr(), borders, TC_PR_ORDER)


def repeat_header(row: Any) -> None:
    el = OxmlElement("w:tblHeader")
    row._tr.get_or_add_trPr().append(el)


def no_split(row: Any) -> None:
    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def exact_height(row: Any, height: float) -> None:
    row.height = Emu(to_emu(height))
    row.height_rule = WD_ROW_HEIGHT_RULE.EXACTLY


def paragraph_format(
    paragraph: Any, *, size: float, leading: float | None = None, before: float = 0.0
) -> None:
    """No space after, ``before`` points above, and with ``leading`` exact line spacing."""
    fmt = paragraph.paragraph_format
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(0)
    if leading is not None:
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = Pt(leading)


def add_run(paragraph: Any, text: str, *, font: str, size: float, bold: bool = False) -> Any:
    run = paragraph.add_run(text)
    run.font.name = font
    run.font.size = Pt(size)
    run.font.bold = bold
    fonts = run._r.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), font)
    return run


def anchor_in_cell(inline: Any, *, ident: int, x: int = 0, y: int = 0) -> Any:
    """Turn an inline picture into a drawing anchored ``x``, ``y`` EMU from the top-left
    corner of its table cell, in front of the text (see ``anchor_drawing``)."""
    extent = inline.find(qn("wp:extent"))
    return anchor_drawing(
        copy.deepcopy(inline.find(qn("a:graphic"))),
        size=(int(extent.get("cx")), int(extent.get("cy"))),
        ident=ident,
        name=words.DOC_PICTURE_NAME.format(number=ident),
        x=x,
        y=y,
    )


def anchor_drawing(
    graphic: Any, *, size: tuple[int, int], ident: int, name: str, x: int = 0, y: int = 0
) -> Any:
    """A ``wp:anchor`` holding ``graphic`` (an ``a:graphic``) of ``size`` EMU, ``x``, ``y`` EMU
    from the top-left corner of its table cell, in front of the text.

    ``layoutInCell`` with page-relative offsets: Word 2013+ and LibreOffice lay out any
    anchor in a table cell inside the cell, so the cell's corner is the reference whatever
    the compatibility mode; the caller gives the cell no margins.
    """
    anchor = OxmlElement("wp:anchor")
    for key, value in (
        ("distT", "0"),
        ("distB", "0"),
        ("distL", "0"),
        ("distR", "0"),
        ("simplePos", "0"),
        ("relativeHeight", str(251658240 + ident)),
        ("behindDoc", "0"),
        ("locked", "1"),
        ("layoutInCell", "1"),
        ("allowOverlap", "1"),
    ):
        anchor.set(key, value)
    simple = OxmlElement("wp:simplePos")
    simple.set("x", "0")
    simple.set("y", "0")
    anchor.append(simple)
    for axis, emu in (("H", x), ("V", y)):
        position = OxmlElement(f"wp:position{axis}")
        position.set("relativeFrom", "page")
        offset = OxmlElement("wp:posOffset")
        offset.text = str(emu)
        position.append(offset)
        anchor.append(position)
    extent = OxmlElement("wp:extent")
    extent.set("cx", str(size[0]))
    extent.set("cy", str(size[1]))
    anchor.append(extent)
    effect = OxmlElement("wp:effectExtent")
    for side in ("l", "t", "r", "b"):
        effect.set(side, "0")
    anchor.append(effect)
    anchor.append(OxmlElement("wp:wrapNone"))
    doc_pr = OxmlElement("wp:docPr")
    doc_pr.set("id", str(ident))
    doc_pr.set("name", name)
    anchor.append(doc_pr)
    anchor.append(OxmlElement("wp:cNvGraphicFramePr"))
    anchor.append(graphic)
    return anchor


def graphic_of(data: Any, *, uri: str) -> Any:
    """An ``a:graphic`` whose ``a:graphicData`` of type ``uri`` holds ``data``."""
    graphic = OxmlElement("a:graphic")
    graphic_data = OxmlElement("a:graphicData")
    graphic_data.set("uri", uri)
    graphic_data.append(data)
    graphic.append(graphic_data)
    return graphic


def start_page(table: Any) -> None:
    """The table starts a new page: "page break before" on its first paragraph, which Word
    and LibreOffice apply to the table, so no break paragraph stands above it."""
    table.rows[0].cells[0].paragraphs[0].paragraph_format.page_break_before = True


def field_run(paragraph: Any, instruction: str, *, font: str, size: float, shown: str) -> None:
    """A simple field (``PAGE``, ``NUMPAGES``...) whose result run has the paragraph's font."""
    simple = OxmlElement("w:fldSimple")
    simple.set(qn("w:instr"), f" {instruction} ")
    paragraph._p.append(simple)
    run = add_run(paragraph, shown, font=font, size=size)
    simple.append(run._r)


#: The compatibility mode of Word 2013 and later: table indents measure the border's edge and
#: every drawing anchored in a table cell is laid out in the cell.
COMPATIBILITY_MODE: Final = "15"
_WORD_URI: Final = "http://schemas.microsoft.com/office/word"


def normalise_package(word: Any) -> None:
    """What every output declares, whatever template it started from: compatibility mode 15,
    and no stylesWithEffects part (Word 2010's copy of the styles; a copy that disagrees
    with styles.xml makes Word repair the file, and Word rebuilds it when needed)."""
    settings = word.settings.element
    compat = settings.find(qn("w:compat"))
    if compat is None:
        compat = OxmlElement("w:compat")
        _insert_compat(settings, compat)
    mode = None
    for setting in compat.findall(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            mode = setting
    if mode is None:
        mode = OxmlElement("w:compatSetting")
        mode.set(qn("w:name"), "compatibilityMode")
        mode.set(qn("w:uri"), _WORD_URI)
        compat.append(mode)
    mode.set(qn("w:val"), COMPATIBILITY_MODE)
    part = word.part
    for rid, rel in list(part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            part.drop_rel(rid)


#: The w:settings children that come after w:compat in the schema (CT_Settings).
_AFTER_COMPAT: Final = (
    "docVars",
    "rsids",
    "mathPr",
    "attachedSchema",
    "themeFontLang",
    "clrSchemeMapping",
    "doNotIncludeSubdocsInStats",
    "doNotAutoCompressPictures",
    "forceUpgrade",
    "captions",
    "readModeInkLockDown",
    "smartTagType",
    "schemaLibrary",
    "shapeDefaults",
    "doNotEmbedSmartTags",
    "decimalSymbol",
    "listSeparator",
)


def _insert_compat(settings: Any, compat: Any) -> None:
    """w:compat before the first child the schema puts after it (extensions such as
    w14:docId, in other namespaces, come last)."""
    namespace = qn("w:compat").partition("}")[0] + "}"
    for child in settings:
        name = child.tag.rpartition("}")[2]
        if name in _AFTER_COMPAT or not child.tag.startswith(namespace):
            child.addprevious(compat)
            return
    settings.append(compat)
