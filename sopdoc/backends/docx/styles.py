"""The DOCX's named paragraph styles: what a clerk restyles at once from Word's Styles pane."""

from __future__ import annotations

import enum
import functools
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Final, Literal

from lxml import etree

from sopdoc import words
from sopdoc.backends.docx import wml
from sopdoc.drawing.document import Document
from sopdoc.namespaces import W
from sopdoc.units import Pt

#: The page number's size, as in the PDF.
FOOTER_SIZE: Final = 8.0


class Role(enum.Enum):
    """What a paragraph is; its value is the style's id (its name is in ``words``)."""

    STEP = "SopLangkah"
    HEADER = "SopKepalaTabel"
    RUNNING = "SopJudulHalaman"
    KOP = "SopKop"
    LABEL = "SopLabel"
    VALUE = "SopIsian"
    SECTION_TITLE = "SopJudulBagian"
    SECTION = "SopIsiBagian"
    FOOTER = "SopNomorHalaman"


@dataclass(frozen=True)
class TextStyle:
    """A paragraph style: its font, size and weight, and its lines' exact spacing and
    alignment. A paragraph of the style whose text differs (a smaller kop line) carries
    only the difference."""

    role: Role
    font: str
    size: Pt
    leading: Pt
    bold: bool = False
    align: Literal["left", "center", "right"] = "left"

    def xml(self) -> str:
        """The ``w:style``, its children and properties in schema order."""
        name = wml.escape(words.DOC_STYLE_NAMES[self.role.value])
        font = wml.escape(self.font)
        jc = f'<w:jc w:val="{self.align}"/>' if self.align != "left" else ""
        bold = "<w:b/><w:bCs/>" if self.bold else ""
        size = wml.half_points(self.size)
        return (
            f'<w:style w:type="paragraph" w:customStyle="1" w:styleId="{self.role.value}">'
            f'<w:name w:val="{name}"/><w:qFormat/>'
            f'<w:pPr><w:spacing w:before="0" w:after="0" w:line="{wml.length_twips(self.leading)}"'
            f' w:lineRule="exact"/><w:ind w:left="0" w:right="0" w:firstLine="0"/>{jc}</w:pPr>'
            f'<w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:cs="{font}"'
            f' w:eastAsia="{font}"/>{bold}<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>'
            "</w:rPr></w:style>"
        )


class Styles:
    """The styles of one document (a book's: of its first SOP), by role."""

    def __init__(self, styles: Iterable[TextStyle]) -> None:
        self.by_role = {style.role: style for style in styles}

    def __getitem__(self, role: Role) -> TextStyle:
        return self.by_role[role]

    def merged(self, template: bytes) -> bytes:
        """The template's styles part with these styles added (replacing its own of the
        same ids)."""
        return _merged(template, tuple(self.by_role.values()))


@functools.lru_cache(maxsize=16)
def _merged(template: bytes, styles: tuple[TextStyle, ...]) -> bytes:
    """Cached: the styles part is large (the default template's is 350 kB) and every SOP
    of a workbook has the same styles."""
    root = etree.fromstring(template)
    ids = {style.role.value for style in styles}
    key = f"{{{W}}}styleId"
    for old in [e for e in root.findall(f"{{{W}}}style") if e.get(key) in ids]:
        root.remove(old)
    for style in styles:
        root.append(wml.parse(style.xml()))
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def document_styles(document: Document) -> Styles:
    """The styles of ``document``'s text, at the sizes its layout set them in."""
    font = document.sop.agency.font
    procedure = document.layout.style
    identity = document.identity
    fitted = identity.style
    header = next(
        (c.lines[0].size for p in document.layout.pages for c in p.header if c.lines),
        procedure.header_size,
    )

    def text(role: Role, size: Pt, *, leading: float, **kwargs: Any) -> TextStyle:
        return TextStyle(role, font, size, size * leading, **kwargs)

    step, page = procedure.leading, fitted.leading
    return Styles(
        [
            text(Role.STEP, procedure.font_size, leading=step),
            text(Role.HEADER, header, leading=step, bold=True, align="center"),
            text(Role.RUNNING, procedure.running_size, leading=step),
            text(Role.KOP, fitted.kop_size, leading=page, bold=True, align="center"),
            text(Role.LABEL, fitted.label_size, leading=page, bold=True),
            text(Role.VALUE, fitted.value_size, leading=page),
            text(Role.SECTION_TITLE, identity.section_size, leading=page, bold=True),
            text(Role.SECTION, identity.section_size, leading=page),
            text(Role.FOOTER, FOOTER_SIZE, leading=1.2, align="right"),
        ]
    )
