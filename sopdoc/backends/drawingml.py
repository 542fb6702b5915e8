"""DrawingML and package pieces both Office backends write (not a backend itself): elements
by prefix, colours, fills, strokes as the PDF strokes, presets, and fixed zip times."""

from __future__ import annotations

import io
import zipfile
from typing import Any, Final

from lxml import etree

from sopdoc.drawing.scene import Rgb, ShapeKind, Stroke
from sopdoc.namespaces import WPG, WPS, A, P, W
from sopdoc.units import Pt, to_emu

NSMAP: Final = {"a": A, "w": W, "wps": WPS, "wpg": WPG, "p": P}

#: The DrawingML preset drawn over a shape's box for each kind of symbol (a terminator is
#: written as a rounded rectangle, ``preset_geometry``).
PRESETS: Final[dict[ShapeKind, str]] = {
    "terminator": "flowChartTerminator",
    "process": "rect",
    "decision": "flowChartDecision",
    "connector": "flowChartOffpageConnector",
}
#: Miter joins, as the PDF draws its lines (DrawingML's limit is in thousandths of a percent).
MITER_LIMIT: Final = "800000"
#: Zip entries get this time so the same workbook gives the same bytes.
ZIP_TIME: Final = (2020, 1, 1, 0, 0, 0)


def element(parent: Any, tag: str, **attrs: str) -> Any:
    """A child ``prefix:name`` of ``parent`` (prefixes of NSMAP), unqualified attributes."""
    prefix, _, name = tag.partition(":")
    child = etree.SubElement(parent, f"{{{NSMAP[prefix]}}}{name}")
    for key, value in attrs.items():
        child.set(key, value)
    return child


def preset_geometry(parent: Any, kind: ShapeKind, *, width: Pt, height: Pt, radius: Pt) -> Any:
    """The ``a:prstGeom`` of a symbol: a terminator as a rounded rectangle whose corners
    are ``radius`` round, as the PDF draws it (Office's own terminator shape rounds its ends
    a sixth of its width deep: a wide capsule's text would stand outside them)."""
    if kind != "terminator":
        geometry = element(parent, "a:prstGeom", prst=PRESETS[kind])
        element(geometry, "a:avLst")
        return geometry
    geometry = element(parent, "a:prstGeom", prst="roundRect")
    shortest = min(width, height)
    share = min(radius / shortest, 0.5) if shortest > 0 else 0.0
    element(element(geometry, "a:avLst"), "a:gd", name="adj", fmla=f"val {round(share * 100000)}")
    return geometry


def w_element(parent: Any, tag: str, **attrs: str) -> Any:
    """A WordprocessingML child ``w:tag`` of ``parent`` with ``w:``-qualified attributes."""
    child = etree.SubElement(parent, f"{{{W}}}{tag}")
    for key, value in attrs.items():
        child.set(f"{{{W}}}{key}", value)
    return child


def hex_color(rgb: Rgb) -> str:
    """An RGB triple of 0..1 floats as DrawingML's ``RRGGBB``."""
    return "".join(f"{round(c * 255):02X}" for c in rgb)


def solid_fill(parent: Any, rgb: Rgb | None) -> None:
    """A solid fill of ``rgb``, or none."""
    if rgb is None:
        element(parent, "a:noFill")
    else:
        element(element(parent, "a:solidFill"), "a:srgbClr", val=hex_color(rgb))


def outline(parent: Any, stroke: Stroke | None) -> None:
    """``a:ln``: the stroke, flat caps and miter joins as the PDF; none when ``stroke`` is None."""
    if stroke is None:
        element(element(parent, "a:ln"), "a:noFill")
        return
    ln = element(parent, "a:ln", w=str(to_emu(stroke.width)), cap="flat")
    solid_fill(ln, stroke.color)
    element(ln, "a:prstDash", val="solid")
    element(ln, "a:miter", lim=MITER_LIMIT)


def fixed_entry(name: str) -> zipfile.ZipInfo:
    """A deflated zip entry with a fixed time and mode, so equal input gives equal bytes."""
    entry = zipfile.ZipInfo(name, date_time=ZIP_TIME)
    entry.compress_type = zipfile.ZIP_DEFLATED
    entry.external_attr = 0o644 << 16
    return entry


def fixed_zip(data: bytes) -> bytes:
    """The same package with fixed timestamps, so equal input gives equal bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(fixed_entry(info.filename), source.read(info.filename))
    return out.getvalue()
