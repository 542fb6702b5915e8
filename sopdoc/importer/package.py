"""A DOCX read as its parts: the body, the numbering, the page margins; safely, read-only."""

from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from lxml import etree

from sopdoc import messages as msg
from sopdoc.errors import SopdocError
from sopdoc.namespaces import RELS, W
from sopdoc.units import EMU_PER_TWIP

#: Parts larger than this are refused: no SOP document comes near it.
MAX_PART: Final = 64 * 1024 * 1024
_PARSER: Final = etree.XMLParser(resolve_entities=False, no_network=True, remove_comments=True)


def w(tag: str) -> str:
    """A WordprocessingML tag or attribute name."""
    return f"{{{W}}}{tag}"


@dataclass(frozen=True)
class Package:
    """The parts of a DOCX that an import reads."""

    path: Path
    body: Any
    numbering: Any | None
    #: The page's left margin (EMU), where a table at indent 0 starts.
    margin_left: int
    #: The paper (F4, A4, LETTER) the page's size is, None when another.
    paper: str | None = None
    #: The font most of the text is set in, None when the document names none.
    font: str | None = None
    #: The styles part (paragraph styles may carry Word numbering).
    styles: Any | None = None
    #: The document's pictures: relationship id -> part name in the package.
    images: dict[str, str] = field(default_factory=dict)

    def image(self, rid: str) -> tuple[str, bytes] | None:
        """The picture of relationship ``rid``: its file suffix and bytes (None when the
        package lacks it or it is too large)."""
        name = self.images.get(rid)
        if name is None:
            return None
        try:
            with zipfile.ZipFile(self.path) as archive:
                info = archive.getinfo(name)
                if info.file_size > MAX_PART:
                    return None
                return Path(name).suffix.lower(), archive.read(info)
        except (KeyError, zipfile.BadZipFile, OSError):
            return None


def _part(archive: zipfile.ZipFile, name: str) -> Any | None:
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    if info.file_size > MAX_PART:
        raise SopdocError(msg.IMPORT_NOT_DOCX.format(path=archive.filename))
    data = archive.read(info)
    if b"<!DOCTYPE" in data[:2048] or b"<!ENTITY" in data[:4096]:
        raise SopdocError(msg.IMPORT_NOT_DOCX.format(path=archive.filename))
    return etree.fromstring(data, _PARSER)


def read_package(path: Path) -> Package:
    """The body, numbering and page margin of the DOCX at ``path``."""
    try:
        with zipfile.ZipFile(path) as archive:
            document = _part(archive, "word/document.xml")
            numbering = _part(archive, "word/numbering.xml")
            styles = _part(archive, "word/styles.xml")
            relations = _part(archive, "word/_rels/document.xml.rels")
    except (zipfile.BadZipFile, etree.XMLSyntaxError, OSError) as exc:
        raise SopdocError(msg.IMPORT_NOT_DOCX.format(path=path)) from exc
    if document is None or document.find(w("body")) is None:
        raise SopdocError(msg.IMPORT_NOT_DOCX.format(path=path))
    body = document.find(w("body"))
    margin = 1440 * EMU_PER_TWIP
    paper = None
    section = body.find(w("sectPr"))
    if section is not None:
        page_margin = section.find(w("pgMar"))
        if page_margin is not None and page_margin.get(w("left")) is not None:
            margin = _twips(page_margin.get(w("left"))) * EMU_PER_TWIP
        size = section.find(w("pgSz"))
        if size is not None:
            paper = _paper(_twips(size.get(w("w"))), _twips(size.get(w("h"))))
    images: dict[str, str] = {}
    for relation in relations.iter(f"{{{RELS}}}Relationship") if relations is not None else ():
        if relation.get("Type", "").endswith("/image") and relation.get("TargetMode") != "External":
            target = relation.get("Target", "")
            images[relation.get("Id", "")] = posixpath.normpath(
                target[1:] if target.startswith("/") else posixpath.join("word", target)
            )
    font = _font(document, styles)
    return Package(path, body, numbering, margin, paper, font, styles, images)


#: The papers sopdoc prints on, by their sides in millimetres (short, long).
PAPERS: Final = {"F4": (215.0, 330.0), "A4": (210.0, 297.0), "LETTER": (215.9, 279.4)}
#: How far a page's side may be from a paper's, in millimetres.
PAPER_TOLERANCE: Final = 3.0
_MM_PER_TWIP: Final = 25.4 / 1440


def _paper(width: int, height: int) -> str | None:
    short, long = sorted((width * _MM_PER_TWIP, height * _MM_PER_TWIP))
    for name, (a, b) in PAPERS.items():
        if abs(short - a) <= PAPER_TOLERANCE and abs(long - b) <= PAPER_TOLERANCE:
            return name
    return None


def _font(document: Any, styles: Any | None) -> str | None:
    """The font named most often by the document's runs and paragraph styles."""
    counts: dict[str, int] = {}
    for root in (document, styles):
        if root is None:
            continue
        for fonts in root.iter(w("rFonts")):
            name = fonts.get(w("ascii")) or fonts.get(w("hAnsi"))
            if name:
                counts[name] = counts.get(name, 0) + 1
    return max(counts, key=lambda name: counts[name]) if counts else None


def _twips(value: str | None) -> int:
    try:
        return int(float(value or 0))
    except ValueError:
        return 0
