"""WordprocessingML and DrawingML pieces python-docx lacks: table geometry, borders, shading,
exact rows and lines, runs with every font slot set, anchored drawings, fixed zip times."""

from __future__ import annotations

import copy
import io
import zipfile
from collections.abc import Sequence
from typing import Any, Final

from docx.enum.table import WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Pt

from sopdoc import words
from sopdoc.units import to_emu

#: Zip entries and document properties get this time so the same workbook gives the same bytes.
ZIP_TIME: Final = (2020, 1, 1, 0, 0, 0)


def twips(points: float) -> str:
    return str(round(points * 20))


def set_cell_margins(table: Any, *, left: float, right: float, top: float, bottom: float) -> None:
    pr = table._tbl.tblPr
    margins = OxmlElement("w:tblCellMar")
    for side, value in (("top", top), ("left", left), ("bottom", bottom), ("right", right)):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:w"), twips(value))
        el.set(qn("w:type"), "dxa")
        margins.append(el)
    pr.append(margins)


def fixed_layout(table: Any, widths: Sequence[float]) -> None:
    """Fixed column widths (tblLayout fixed, tblGrid and every cell), in points."""
    table.autofit = False
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    table._tbl.tblPr.append(layout)
    width_el = table._tbl.tblPr.find(qn("w:tblW"))
    if width_el is None:
        width_el = OxmlElement("w:tblW")
        table._tbl.tblPr.append(width_el)
    width_el.set(qn("w:w"), twips(sum(widths)))
    width_el.set(qn("w:type"), "dxa")
    indent = OxmlElement("w:tblInd")
    indent.set(qn("w:w"), "0")
    indent.set(qn("w:type"), "dxa")
    table._tbl.tblPr.append(indent)
    for col, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths, strict=True):
        col.set(qn("w:w"), twips(width))
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = Emu(to_emu(width))


def set_borders(table: Any) -> None:
    pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:val"), "single")
        el.set(qn("w:sz"), "4")
        el.set(qn("w:space"), "0")
        el.set(qn("w:color"), "000000")
        borders.append(el)
    pr.append(borders)


def shade(cell: Any, fill: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


def remove_border(cell: Any, side: str) -> None:
    """Remove one border of a cell (``side`` "none" does nothing)."""
    if side == "none":
        return
    pr = cell._tc.get_or_add_tcPr()
    borders = pr.find(qn("w:tcBorders"))
    if borders is None:
        borders = OxmlElement("w:tcBorders")
        pr.append(borders)
    el = OxmlElement(f"w:{side}")
    el.set(qn("w:val"), "nil")
    borders.append(el)


def repeat_header(row: Any) -> None:
    el = OxmlElement("w:tblHeader")
    row._tr.get_or_add_trPr().append(el)


def no_split(row: Any) -> None:
    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def exact_height(row: Any, height: float) -> None:
    row.height = Emu(to_emu(height))
    row.height_rule = WD_ROW_HEIGHT_RULE.EXACTLY


def paragraph_format(paragraph: Any, *, size: float, leading: float | None = None) -> None:
    fmt = paragraph.paragraph_format
    fmt.space_before = Pt(0)
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


def anchor_inline(inline: Any, *, x: int, y: int, ident: int) -> Any:
    """Turn an inline picture into one anchored at (x, y) EMU on the page, in front of text."""
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
        ("layoutInCell", "0"),
        ("allowOverlap", "1"),
    ):
        anchor.set(key, value)
    simple = OxmlElement("wp:simplePos")
    simple.set("x", "0")
    simple.set("y", "0")
    anchor.append(simple)
    for axis, offset_emu in (("H", x), ("V", y)):
        position = OxmlElement(f"wp:position{axis}")
        position.set("relativeFrom", "page")
        offset = OxmlElement("wp:posOffset")
        offset.text = str(offset_emu)
        position.append(offset)
        anchor.append(position)
    anchor.append(copy.deepcopy(inline.find(qn("wp:extent"))))
    effect = OxmlElement("wp:effectExtent")
    for side in ("l", "t", "r", "b"):
        effect.set(side, "0")
    anchor.append(effect)
    anchor.append(OxmlElement("wp:wrapNone"))
    doc_pr = copy.deepcopy(inline.find(qn("wp:docPr")))
    doc_pr.set("id", str(ident))
    doc_pr.set("name", words.DOC_PICTURE_NAME.format(number=ident))
    anchor.append(doc_pr)
    anchor.append(OxmlElement("wp:cNvGraphicFramePr"))
    anchor.append(copy.deepcopy(inline.find(qn("a:graphic"))))
    return anchor


def fixed_zip(data: bytes) -> bytes:
    """The same package with fixed timestamps, so equal input gives equal bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()
