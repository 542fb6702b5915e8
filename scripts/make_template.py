"""Regenerates sopdoc/resources/sopdoc.docx: python-docx's default styles with sopdoc's Normal
style, single-spaced defaults with no space after paragraphs, and compatibility mode 15.

An agency may pass its own styles document with --template instead (fonts, colours, header).
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn
from docx.shared import Pt

from sopdoc.backends.docx.ooxml import normalise_package

OUTPUT = Path(__file__).resolve().parent.parent / "sopdoc" / "resources" / "sopdoc.docx"


def build(path: Path) -> None:
    document = Document()
    normal = document.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(9)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.space_after = Pt(0)
    # docDefaults: python-docx's are 1.15 lines with 10 pt after; every paragraph sopdoc
    # writes sets its own spacing, and text an office adds later should not drift either.
    defaults = document.styles.element.find(qn("w:docDefaults"))
    spacing = defaults.find(f"{qn('w:pPrDefault')}/{qn('w:pPr')}/{qn('w:spacing')}")
    for attr in list(spacing.attrib):
        del spacing.attrib[attr]
    for key, value in (("after", "0"), ("line", "240"), ("lineRule", "auto")):
        spacing.set(qn(f"w:{key}"), value)
    normalise_package(document)
    body = document.element.body
    for child in list(body):
        if not child.tag.endswith("sectPr"):
            body.remove(child)
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))


if __name__ == "__main__":
    build(Path(sys.argv[1]) if len(sys.argv) > 1 else OUTPUT)
