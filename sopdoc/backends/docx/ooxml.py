"""WordprocessingML and DrawingML pieces python-docx lacks: fixed tables, exact lines, runs with
every font slot set, anchored drawings and pictures, fields, the package's settings."""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from typing import Any, Final

from docx.enum.text import WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.shape import CT_Inline
from docx.shared import Emu, Pt
from docx.text.run import Run

from sopdoc import words
from sopdoc.backends.docx import wml
from sopdoc.units import to_emu


def table_geometry(
    table: Any, *, widths: Sequence[float], margins: Mapping[str, float], borders: bool = True
) -> None:
    """A python-docx table made fixed (``wml.table_properties``, its style kept): its grid
    columns and every cell as wide as ``widths`` (points)."""
    old = table._tbl.tblPr
    pr = wml.parse(wml.table_properties(widths=widths, cell_margins=margins, borders=borders))
    style = old.find(qn("w:tblStyle"))
    if style is not None:
        pr.insert(0, style)
    old.getparent().replace(old, pr)
    for col, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths, strict=True):
        col.set(qn("w:w"), wml.twips(width))
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = Emu(to_emu(width))


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
    """A run of ``text`` (``wml.run``) at the end of a python-docx paragraph."""
    r = wml.parse(wml.run(text, font=font, size=size, bold=bold))
    paragraph._p.append(r)
    return Run(r, paragraph)


def picture_run(
    word: Any, png: bytes, *, size: tuple[int, int], ident: int, x: int = 0, y: int = 0
) -> Any:
    """A ``w:r`` holding the picture ``png`` of ``size`` EMU, added to the package and
    anchored ``x``, ``y`` EMU from the top-left corner of its table cell, in front of the
    text (see ``anchor_drawing``)."""
    rid, image = word.part.get_or_add_image(io.BytesIO(png))
    inline = CT_Inline.new_pic_inline(0, rid, image.filename, Emu(size[0]), Emu(size[1]))
    anchor = anchor_drawing(
        inline.find(qn("a:graphic")),
        size=size,
        ident=ident,
        name=words.DOC_PICTURE_NAME.format(number=ident),
        x=x,
        y=y,
    )
    return drawing_run(anchor)


def drawing_run(anchor: Any) -> Any:
    """A ``w:r`` holding one ``w:drawing``."""
    run = OxmlElement("w:r")
    drawing = OxmlElement("w:drawing")
    drawing.append(anchor)
    run.append(drawing)
    return run


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
