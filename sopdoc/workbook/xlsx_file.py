"""A new workbook file as sopdoc writes it: fixed times (the same bytes on every run), font
properties in schema order, written atomically and never over an existing file."""

from __future__ import annotations

import errno
import io
import os
import re
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Final

import openpyxl
from lxml import etree
from openpyxl.workbook.workbook import Workbook as XlsxWorkbook

from sopdoc import messages as msg
from sopdoc.errors import SopdocError
from sopdoc.files import atomic_path
from sopdoc.namespaces import S

FORM_TIMESTAMP: Final = datetime(2020, 1, 1)
_ZIP_TIMESTAMP: Final = (2020, 1, 1, 0, 0, 0)
_CORE_PROPERTIES: Final = "docProps/core.xml"
_MODIFIED = re.compile(r"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")


def new_workbook() -> XlsxWorkbook:
    """An empty workbook with fixed document properties."""
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    workbook.properties.creator = "sopdoc"
    workbook.properties.created = FORM_TIMESTAMP
    workbook.properties.modified = FORM_TIMESTAMP
    return workbook


def workbook_bytes(workbook: XlsxWorkbook) -> bytes:
    """The .xlsx file's bytes, the same on every run: fixed zip times and modified date."""
    buffer = io.BytesIO()
    workbook.save(buffer)  # stamps the current time, undone below
    modified = FORM_TIMESTAMP.strftime("%Y-%m-%dT%H:%M:%SZ")
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            data = source.read(info)
            if info.filename == _CORE_PROPERTIES:
                text = _MODIFIED.sub(rf"\g<1>{modified}\g<2>", data.decode("utf-8"))
                data = text.encode("utf-8")
            elif info.filename == _STYLES:
                data = _fonts_in_schema_order(data)
            entry = zipfile.ZipInfo(info.filename, date_time=_ZIP_TIMESTAMP)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = info.external_attr
            target.writestr(entry, data)
    return out.getvalue()


_STYLES: Final = "xl/styles.xml"
#: Child order of a font in styles.xml (CT_Font as Excel writes and checks it); openpyxl
#: writes name and family first, which Excel's validator reports as damage.
_FONT_ORDER: Final = (
    "b",
    "i",
    "strike",
    "condense",
    "extend",
    "outline",
    "shadow",
    "u",
    "vertAlign",
    "sz",
    "color",
    "name",
    "family",
    "charset",
    "scheme",
)


def _fonts_in_schema_order(styles: bytes) -> bytes:
    """styles.xml with the children of every font in schema order (our own output only)."""
    root = etree.fromstring(styles)
    for font in root.iter(f"{{{S}}}font"):
        children = sorted(font, key=lambda child: _FONT_ORDER.index(etree.QName(child).localname))
        for child in children:
            font.append(child)  # appending an existing child moves it to the end
    data: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return data


def save_new(workbook: XlsxWorkbook, path: Path) -> None:
    """Save atomically to ``path``, never replacing an existing file."""
    if path.suffix.lower() != ".xlsx":
        raise SopdocError(msg.FORM_SUFFIX.format(path=path))
    if path.exists():
        raise SopdocError(msg.FORM_EXISTS.format(path=path))
    if not path.parent.is_dir():  # a typo in the folder: say so rather than make it
        reason = os.strerror(errno.ENOENT)
        raise SopdocError(msg.FORM_WRITE_FAILED.format(path=path, reason=reason))
    data = workbook_bytes(workbook)
    try:
        with atomic_path(path, replace=False) as temp:
            temp.write_bytes(data)
    except FileExistsError as exc:
        raise SopdocError(msg.FORM_EXISTS.format(path=path)) from exc
    except OSError as exc:
        raise SopdocError(msg.FORM_WRITE_FAILED.format(path=path, reason=exc.strerror)) from exc
