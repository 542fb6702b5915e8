"""The DrawingML and settings pieces of the DOCX that are elements, not text templates:
anchored drawings and pictures, and the package's compatibility settings. They are built
with lxml, as the flowchart's shapes are (``shapes``); text is written with ``wml``."""

from __future__ import annotations

import io
from typing import Any, Final

from docx.oxml.ns import qn
from lxml import etree

from sopdoc import words
from sopdoc.backends.drawingml import element, w_element
from sopdoc.namespaces import PIC, WP, A, R, W

PICTURE_URI: Final = PIC
#: The prefixes Word writes, declared on each element made here.
_NSMAP: Final = {"w": W, "wp": WP, "a": A, "pic": PIC, "r": R}


def _wp(parent: Any, tag: str, **attrs: str) -> Any:
    """A child of the drawing's ``wp:`` namespace with unqualified attributes."""
    child = etree.SubElement(parent, f"{{{WP}}}{tag}")
    for key, value in attrs.items():
        child.set(key, value)
    return child


def picture_run(
    word: Any, png: bytes, *, size: tuple[int, int], ident: int, x: int = 0, y: int = 0
) -> Any:
    """A ``w:r`` holding the picture ``png`` of ``size`` EMU, added to the package and
    anchored ``x``, ``y`` EMU from the top-left corner of its table cell, in front of the
    text (see ``anchor_drawing``)."""
    anchor = anchor_drawing(
        graphic_of(_picture(word, png, size=size), uri=PICTURE_URI),
        size=size,
        ident=ident,
        name=words.DOC_PICTURE_NAME.format(number=ident),
        x=x,
        y=y,
    )
    return drawing_run(anchor)


def inline_picture_run(word: Any, png: bytes, *, size: tuple[int, int], ident: int) -> Any:
    """A ``w:r`` holding the picture ``png`` of ``size`` EMU in the line of text."""
    inline = etree.Element(f"{{{WP}}}inline", nsmap=_NSMAP, distT="0", distB="0", distL="0")
    inline.set("distR", "0")
    _wp(inline, "extent", cx=str(size[0]), cy=str(size[1]))
    _wp(inline, "effectExtent", l="0", t="0", r="0", b="0")
    _wp(inline, "docPr", id=str(ident), name=words.DOC_PICTURE_NAME.format(number=ident))
    _wp(inline, "cNvGraphicFramePr")
    inline.append(graphic_of(_picture(word, png, size=size), uri=PICTURE_URI))
    return drawing_run(inline)


def _picture(word: Any, png: bytes, *, size: tuple[int, int]) -> Any:
    """A ``pic:pic`` of ``png`` (added to the package) stretched over ``size`` EMU."""
    rid, image = word.part.get_or_add_image(io.BytesIO(png))
    picture = etree.Element(f"{{{PIC}}}pic", nsmap=_NSMAP)
    names = etree.SubElement(picture, f"{{{PIC}}}nvPicPr")
    etree.SubElement(names, f"{{{PIC}}}cNvPr", id="0", name=image.filename)
    etree.SubElement(names, f"{{{PIC}}}cNvPicPr")
    fill = etree.SubElement(picture, f"{{{PIC}}}blipFill")
    blip = element(fill, "a:blip")
    blip.set(f"{{{R}}}embed", rid)
    element(element(fill, "a:stretch"), "a:fillRect")
    shape = etree.SubElement(picture, f"{{{PIC}}}spPr")
    xfrm = element(shape, "a:xfrm")
    element(xfrm, "a:off", x="0", y="0")
    element(xfrm, "a:ext", cx=str(size[0]), cy=str(size[1]))
    element(element(shape, "a:prstGeom", prst="rect"), "a:avLst")
    return picture


def drawing_run(anchor: Any) -> Any:
    """A ``w:r`` holding one ``w:drawing`` (a ``wp:anchor`` or ``wp:inline``)."""
    run = etree.Element(qn("w:r"), nsmap=_NSMAP)
    w_element(run, "drawing").append(anchor)
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
    anchor = etree.Element(
        f"{{{WP}}}anchor",
        nsmap=_NSMAP,
        distT="0",
        distB="0",
        distL="0",
        distR="0",
        simplePos="0",
        relativeHeight=str(251658240 + ident),
        behindDoc="0",
        locked="1",
        layoutInCell="1",
        allowOverlap="1",
    )
    _wp(anchor, "simplePos", x="0", y="0")
    for axis, emu in (("H", x), ("V", y)):
        position = _wp(anchor, f"position{axis}", relativeFrom="page")
        _wp(position, "posOffset").text = str(emu)
    _wp(anchor, "extent", cx=str(size[0]), cy=str(size[1]))
    _wp(anchor, "effectExtent", l="0", t="0", r="0", b="0")
    _wp(anchor, "wrapNone")
    _wp(anchor, "docPr", id=str(ident), name=name)
    _wp(anchor, "cNvGraphicFramePr")
    anchor.append(graphic)
    return anchor


def graphic_of(data: Any, *, uri: str) -> Any:
    """An ``a:graphic`` whose ``a:graphicData`` of type ``uri`` holds ``data``."""
    graphic = etree.Element(f"{{{A}}}graphic", nsmap=_NSMAP)
    element(graphic, "a:graphicData", uri=uri).append(data)
    return graphic


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
        compat = etree.Element(qn("w:compat"), nsmap=_NSMAP)
        _insert_compat(settings, compat)
    mode = None
    for setting in compat.findall(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            mode = setting
    if mode is None:
        mode = w_element(compat, "compatSetting", name="compatibilityMode", uri=_WORD_URI)
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
