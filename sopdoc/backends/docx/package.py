"""The DOCX package: the template read once per process, each document saved as fixed zip bytes."""

from __future__ import annotations

import copy
import functools
import io
import weakref
import zipfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Final

from docx import Document as open_docx
from docx.opc.packuri import PackURI
from docx.opc.pkgwriter import PackageWriter
from docx.oxml.ns import qn
from docx.parts.numbering import NumberingPart
from docx.parts.styles import StylesPart

from sopdoc import messages as msg
from sopdoc import words
from sopdoc.backends.drawingml import fixed_entry
from sopdoc.errors import SopdocError

#: The template's parts no document changes: every copy of the template shares them, and
#: they are serialized once (the default template's styles are 350 kB of XML).
_SHARED_TYPES: Final = (StylesPart, NumberingPart)
#: The serialized XML of each shared part.
_SHARED: weakref.WeakKeyDictionary[Any, bytes] = weakref.WeakKeyDictionary()


def empty_document(template: Path) -> Any:
    """A fresh copy of the template with its body emptied (its styles, header and footer
    kept); the template file is read and parsed once while it stays unchanged."""
    stat = template.stat() if template.is_file() else None
    key = (stat.st_mtime_ns, stat.st_size) if stat is not None else None
    word = _emptied(template, key)
    shared = {id(part): part for part in word.part.package.iter_parts() if part in _SHARED}
    return copy.deepcopy(word, shared)


def _indonesian(word: Any) -> None:
    """Make Indonesian the language of the template's default run properties, so that Word
    checks spelling (and LibreOffice hyphenates) in Indonesian, an agency's template too."""
    styles = word.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = styles.makeelement(qn("w:docDefaults"), {})
        styles.insert(0, defaults)
    run_default = defaults.find(qn("w:rPrDefault"))
    if run_default is None:
        run_default = defaults.makeelement(qn("w:rPrDefault"), {})
        defaults.insert(0, run_default)
    properties = run_default.find(qn("w:rPr"))
    if properties is None:
        properties = run_default.makeelement(qn("w:rPr"), {})
        run_default.append(properties)
    lang = properties.find(qn("w:lang"))
    if lang is None:
        lang = properties.makeelement(qn("w:lang"), {})
        # w:lang comes after the font, size and colour properties (CT_RPr's sequence) and
        # before the east-Asian layout and the effects that follow it.
        later = {qn(t) for t in ("w:eastAsianLayout", "w:specVanish", "w:oMath")}
        following = next((c for c in properties if c.tag in later), None)
        if following is None:
            properties.append(lang)
        else:
            following.addprevious(lang)
    lang.set(qn("w:val"), words.DOC_LANGUAGE)


@functools.lru_cache(maxsize=4)
def _emptied(template: Path, key: tuple[int, int] | None) -> Any:
    """The template, its body emptied; ``key`` (the file's time and size) makes a changed
    file be read again."""
    try:
        word = open_docx(str(template))
    except Exception as exc:  # python-docx raises several types for a bad package
        raise SopdocError(
            msg.TEMPLATE_INVALID.format(path=template, reason=type(exc).__name__)
        ) from exc
    body = word.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    _indonesian(word)
    for part in word.part.package.iter_parts():
        if isinstance(part, _SHARED_TYPES):
            _SHARED[part] = part.blob
    return word


class _FixedZipWriter:
    """python-docx's physical package writer, writing entries with fixed times."""

    def __init__(self, target: zipfile.ZipFile) -> None:
        self.target = target

    def write(self, pack_uri: PackURI, blob: bytes) -> None:
        self.target.writestr(fixed_entry(pack_uri.membername), blob)


def styles_and_numbering(word: Any) -> tuple[Any, Any]:
    """The document's styles and numbering parts (a numbering part is added when the
    template has none)."""
    numbering = word.part.numbering_part
    styles = next(p for p in word.part.package.iter_parts() if isinstance(p, StylesPart))
    return styles, numbering


def part_xml(part: Any) -> bytes:
    """A part's XML as the package would write it."""
    return _SHARED.get(part) or bytes(part.blob)


def package_bytes(word: Any, *, replaced: Mapping[Any, bytes] | None = None) -> bytes:
    """The document's package as zip bytes, written once with fixed entry times (what
    ``Document.save`` writes, in its order, so equal input gives equal bytes); the parts in
    ``replaced`` written as the XML it maps them to (the template's styles and numbering
    with the document's own added, the shared parts left untouched)."""
    replaced = replaced or {}
    package = word.part.package
    parts = list(package.iter_parts())
    for part in parts:
        part.before_marshal()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as target:
        # python-docx's own steps of PackageWriter.write, into a writer of fixed entries
        steps: Any = PackageWriter
        writer = _FixedZipWriter(target)
        steps._write_content_types_stream(writer, parts)
        steps._write_pkg_rels(writer, package.rels)
        for part in parts:  # steps._write_parts, with the shared parts' XML serialized once
            writer.write(part.partname, replaced.get(part) or part_xml(part))
            if len(part.rels):
                writer.write(part.partname.rels_uri, part.rels.xml)
    return out.getvalue()
