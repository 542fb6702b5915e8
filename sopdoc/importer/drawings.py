"""The drawings of a DOCX: every shape of every floating or inline drawing (DrawingML groups,
single shapes, drawing canvases, VML), in the coordinates of where it is anchored."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any, Final, Literal

from sopdoc.importer.package import w
from sopdoc.importer.text import Table
from sopdoc.namespaces import MC, PIC, WP, WPG, WPS, A, R, V
from sopdoc.units import EMU_PER_POINT

ShapeKind = Literal[
    "terminator", "process", "decision", "connector", "line", "head", "text", "picture", "other"
]

#: DrawingML presets by the symbol they draw.
_PRESETS: Final[dict[str, ShapeKind]] = {
    "flowChartTerminator": "terminator",
    "roundRect": "terminator",
    "ellipse": "terminator",
    "flowChartAlternateProcess": "terminator",
    "rect": "process",
    "flowChartProcess": "process",
    "flowChartPredefinedProcess": "process",
    "flowChartDocument": "process",
    "flowChartDecision": "decision",
    "diamond": "decision",
    "flowChartConnector": "connector",
    "flowChartOffpageConnector": "connector",
    "line": "line",
    "straightConnector1": "line",
    "bentConnector2": "line",
    "bentConnector3": "line",
    "bentConnector4": "line",
    "bentConnector5": "line",
    "curvedConnector3": "line",
}
#: VML shape types (``#_x0000_tNNN``) by the symbol they draw.
_VML_TYPES: Final[dict[str, ShapeKind]] = {
    "116": "terminator",
    "176": "terminator",
    "109": "process",
    "1": "process",
    "110": "decision",
    "4": "decision",
    "120": "connector",
    "177": "connector",
    "32": "line",
    "33": "line",
    "34": "line",
    "20": "line",
    "202": "text",
}
_VML_TAGS: Final[dict[str, ShapeKind]] = {
    "rect": "process",
    "roundrect": "terminator",
    "oval": "terminator",
    "line": "line",
    "polyline": "line",
}
_LENGTH: Final = re.compile(r"^(-?[\d.]+)\s*(pt|in|cm|mm|px|emu)?$")
_UNITS: Final = {"pt": EMU_PER_POINT, "in": 914400, "cm": 360000, "mm": 36000, "px": 9525, "emu": 1}

Point = tuple[float, float]
#: The largest an arrowhead is across, in EMU (sopdoc's are 6 pt long).
HEAD_SIZE: Final = 12 * EMU_PER_POINT


@dataclass(frozen=True)
class Shape:
    """One shape: its kind, box (EMU) and text; a line's points, and which of its ends
    carry an arrowhead."""

    kind: ShapeKind
    x: float
    y: float
    width: float
    height: float
    text: str = ""
    points: tuple[Point, ...] = ()
    head_at_end: bool = False
    head_at_start: bool = False
    #: A picture's relationship id (its image in the package).
    image: str = ""

    @property
    def center(self) -> Point:
        return self.x + self.width / 2, self.y + self.height / 2


@dataclass(frozen=True)
class Drawing:
    """A drawing and where it is anchored: in a table cell (table index, row, grid column)
    and laid out from the cell's corner, or in the body; its shapes in EMU from that
    reference (a body drawing's: from the page's or the margin's corner, ``reference``)."""

    cell: tuple[int, int, int] | None
    shapes: tuple[Shape, ...]
    reference: str = "cell"


Transform = Callable[[float, float], Point]


def _identity(x: float, y: float) -> Point:
    return x, y


def _text(element: Any) -> str:
    """The text of a shape's text box, a line per paragraph."""
    lines = []
    for content in element.iter(w("txbxContent")):
        for p in content.iter(w("p")):
            lines.append(" ".join("".join(t.text or "" for t in p.iter(w("t"))).split()))
    return "\n".join(line for line in lines if line)


def _xfrm(properties: Any | None) -> tuple[float, float, float, float, bool, bool]:
    xfrm = properties.find(f"{{{A}}}xfrm") if properties is not None else None
    if xfrm is None:
        return 0.0, 0.0, 0.0, 0.0, False, False
    off, ext = xfrm.find(f"{{{A}}}off"), xfrm.find(f"{{{A}}}ext")
    x = float(off.get("x", 0)) if off is not None else 0.0
    y = float(off.get("y", 0)) if off is not None else 0.0
    cx = float(ext.get("cx", 0)) if ext is not None else 0.0
    cy = float(ext.get("cy", 0)) if ext is not None else 0.0
    return x, y, cx, cy, xfrm.get("flipH") == "1", xfrm.get("flipV") == "1"


def _line_ends(properties: Any | None) -> tuple[bool, bool]:
    line = properties.find(f"{{{A}}}ln") if properties is not None else None
    if line is None:
        return False, False
    head, tail = line.find(f"{{{A}}}headEnd"), line.find(f"{{{A}}}tailEnd")
    return (
        tail is not None and tail.get("type", "none") != "none",
        head is not None and head.get("type", "none") != "none",
    )


def _shape(element: Any, transform: Transform) -> Shape | None:
    """A ``wps:wsp`` (or ``pic:pic``) through the group transforms above it."""
    properties = element.find(f"{{{WPS}}}spPr")
    if properties is None:
        properties = element.find(f"{{{PIC}}}spPr")
    x, y, cx, cy, flip_h, flip_v = _xfrm(properties)
    (x0, y0), (x1, y1) = transform(x, y), transform(x + cx, y + cy)
    box = (min(x0, x1), min(y0, y1), abs(x1 - x0), abs(y1 - y0))
    if element.tag == f"{{{PIC}}}pic":
        blip = element.find(f".//{{{A}}}blip")
        rid = blip.get(f"{{{R}}}embed", "") if blip is not None else ""
        return Shape("picture", *box, image=rid)
    head_at_end, head_at_start = _line_ends(properties)
    text = _text(element)
    preset = properties.find(f"{{{A}}}prstGeom") if properties is not None else None
    custom = properties.find(f"{{{A}}}custGeom") if properties is not None else None
    if custom is not None:
        points, closed = _path(custom, x, y, cx, cy, transform)
        if not closed and len(points) >= 2:
            return Shape("line", *box, text, points, head_at_end, head_at_start)
        if closed:
            return Shape(_outline_kind(custom, points, box), *box, text, points)
        return Shape("other", *box, text)
    kind = _PRESETS.get(preset.get("prst", "") if preset is not None else "", "other")
    if head_at_end or head_at_start:  # a shape with an arrowhead is an arrow, whatever its
        kind = "line"  # preset (LibreOffice saves a .doc's connectors as rectangles)
    if kind == "line":
        start = transform(x + (cx if flip_h else 0), y + (cy if flip_v else 0))
        end = transform(x + (0 if flip_h else cx), y + (0 if flip_v else cy))
        return Shape("line", *box, text, (start, end), head_at_end, head_at_start)
    if _no_outline(properties):
        # Text without an outline is a label; an empty invisible box (a group's frame) no
        # symbol at all.
        kind = "text" if text else "other"
    return Shape(kind, *box, text)


def _no_outline(properties: Any | None) -> bool:
    line = properties.find(f"{{{A}}}ln") if properties is not None else None
    return line is not None and line.find(f"{{{A}}}noFill") is not None


def _outline_kind(
    geometry: Any, points: Sequence[Point], box: tuple[float, float, float, float]
) -> ShapeKind:
    """What a closed free-form outline draws (a .doc's symbols come back so from
    LibreOffice): a small triangle is an arrowhead; curves a capsule; four points on the
    middles of its box's sides a diamond, on its corners a box; any other outline larger
    than an arrowhead a box."""
    x, y, width, height = box
    curved = any(
        geometry.find(f".//{{{A}}}{tag}") is not None
        for tag in ("arcTo", "cubicBezTo", "quadBezTo")
    )
    if len(points) <= 3 and not curved:
        return "head"
    if curved:
        return "terminator"
    if len(points) == 4 and width > 0 and height > 0:
        middles = {(round((px - x) / width, 1), round((py - y) / height, 1)) for px, py in points}
        if middles == {(0.5, 0.0), (1.0, 0.5), (0.5, 1.0), (0.0, 0.5)}:
            return "decision"
        if middles == {(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0)}:
            return "process"
    # Another outline as large as a symbol is one (LibreOffice's .doc export writes a
    # rounded rectangle as a path of stray points).
    return "process" if max(width, height) > HEAD_SIZE else "other"


def _path(
    geometry: Any, x: float, y: float, cx: float, cy: float, transform: Transform
) -> tuple[tuple[Point, ...], bool]:
    path = geometry.find(f".//{{{A}}}path")
    if path is None:
        return (), False
    scale_x = cx / (float(path.get("w") or 0) or cx or 1)
    scale_y = cy / (float(path.get("h") or 0) or cy or 1)
    points = []
    for step in path:
        point = step.find(f"{{{A}}}pt")
        if point is not None:
            px, py = float(point.get("x", 0)), float(point.get("y", 0))
            points.append(transform(x + px * scale_x, y + py * scale_y))
    return tuple(points), path.find(f"{{{A}}}close") is not None


def _group(element: Any, transform: Transform) -> Iterator[Shape]:
    """The shapes of a group (``wpg:wgp``, ``wpg:grpSp``) or canvas, its children's
    coordinates mapped through its own transform."""
    properties = element.find(f"{{{WPG}}}grpSpPr")
    xfrm = properties.find(f"{{{A}}}xfrm") if properties is not None else None
    inner = transform
    if xfrm is not None:
        x, y, cx, cy, _, _ = _xfrm(properties)
        ch_off, ch_ext = xfrm.find(f"{{{A}}}chOff"), xfrm.find(f"{{{A}}}chExt")
        ox = float(ch_off.get("x", 0)) if ch_off is not None else x
        oy = float(ch_off.get("y", 0)) if ch_off is not None else y
        ex = float(ch_ext.get("cx", 0)) if ch_ext is not None else cx
        ey = float(ch_ext.get("cy", 0)) if ch_ext is not None else cy
        sx, sy = (cx / ex if ex else 1.0), (cy / ey if ey else 1.0)

        def inner(px: float, py: float) -> Point:
            return transform(x + (px - ox) * sx, y + (py - oy) * sy)

    for child in element:
        if child.tag == f"{{{WPS}}}wsp":
            shape = _shape(child, inner)
            if shape is not None:
                yield shape
        elif child.tag in (f"{{{WPG}}}grpSp", f"{{{WPG}}}wgp"):
            yield from _group(child, inner)
        elif child.tag == f"{{{PIC}}}pic":
            shape = _shape(child, inner)
            if shape is not None:
                yield shape


def _graphic(graphic: Any, transform: Transform) -> list[Shape]:
    data = graphic.find(f"{{{A}}}graphicData")
    if data is None:
        return []
    shapes: list[Shape] = []
    for child in data:
        if child.tag == f"{{{WPG}}}wgp" or child.tag.endswith("}wpc"):
            shapes += _group(child, transform)
        elif child.tag == f"{{{WPS}}}wsp" or child.tag == f"{{{PIC}}}pic":
            shape = _shape(child, transform)
            shapes += [shape] if shape is not None else []
    return shapes


def _anchor(element: Any) -> tuple[list[Shape], str, bool]:
    """The shapes of a ``wp:anchor`` or ``wp:inline`` at their place from its reference,
    the reference, and whether it is laid out in its table cell."""
    x = y = 0.0
    reference = "paragraph"
    for axis in ("H", "V"):
        position = element.find(f"{{{WP}}}position{axis}")
        if position is None:
            continue
        offset = position.find(f"{{{WP}}}posOffset")
        value = float(offset.text) if offset is not None and offset.text else 0.0
        if axis == "H":
            x = value
            reference = position.get("relativeFrom", "column")
        else:
            y = value
    extent = element.find(f"{{{WP}}}extent")
    cx = float(extent.get("cx", 0)) if extent is not None else 0.0
    cy = float(extent.get("cy", 0)) if extent is not None else 0.0
    graphic = element.find(f"{{{A}}}graphic")
    if graphic is None:
        return [], reference, False

    def place(px: float, py: float) -> Point:
        return x + px, y + py

    shapes = _graphic(graphic, place)
    # A single shape or picture is as large as the anchor's extent, at its offset.
    shapes = [
        s if s.width or s.height or s.points else replace(s, x=x, y=y, width=cx, height=cy)
        for s in shapes
    ]
    in_cell = element.get("layoutInCell", "1") == "1"
    return shapes, reference, in_cell


def _length(value: str, unit: int = EMU_PER_POINT) -> float:
    match = _LENGTH.match(value.strip())
    if match is None:
        return 0.0
    number, suffix = float(match.group(1)), match.group(2)
    return number * (_UNITS[suffix] if suffix else unit)


def _style(element: Any) -> dict[str, str]:
    pairs = (item.split(":", 1) for item in (element.get("style") or "").split(";") if ":" in item)
    return {key.strip(): value.strip() for key, value in pairs}


def _vml(element: Any, transform: Transform, unit: float) -> Iterator[Shape]:
    """VML shapes (Word 2007's and older documents' floating shapes and groups)."""
    for child in element:
        tag = child.tag.rpartition("}")[2]
        if not child.tag.startswith(f"{{{V}}}"):
            continue
        style = _style(child)
        x = _length(style.get("margin-left", style.get("left", "0")), int(unit))
        y = _length(style.get("margin-top", style.get("top", "0")), int(unit))
        cx = _length(style.get("width", "0"), int(unit))
        cy = _length(style.get("height", "0"), int(unit))
        if tag == "group":
            size = (child.get("coordsize") or "1000,1000").split(",")
            origin = (child.get("coordorigin") or "0,0").split(",")
            sx = cx / (float(size[0] or 0) or 1)
            sy = cy / (float(size[1] or 0) or 1) if len(size) > 1 else sx
            ox, oy = float(origin[0] or 0), float(origin[1] if len(origin) > 1 else 0)
            yield from _vml(child, _scaled(transform, (x, y), (ox, oy), (sx, sy)), 1)
            continue
        if tag == "shapetype":
            continue
        stroke = child.find(f"{{{V}}}stroke")
        head_end = stroke is not None and stroke.get("endarrow", "none") != "none"
        head_start = stroke is not None and stroke.get("startarrow", "none") != "none"
        if tag == "line":
            start = [_length(v, int(unit)) for v in (child.get("from") or "0,0").split(",")]
            end = [_length(v, int(unit)) for v in (child.get("to") or "0,0").split(",")]
            p0, p1 = transform(start[0], start[1]), transform(end[0], end[1])
            box = (min(p0[0], p1[0]), min(p0[1], p1[1]), abs(p1[0] - p0[0]), abs(p1[1] - p0[1]))
            yield Shape(
                "line", *box, points=(p0, p1), head_at_end=head_end, head_at_start=head_start
            )
            continue
        kind: ShapeKind = _VML_TAGS.get(tag, "other")
        if tag == "shape":
            kind = _VML_TYPES.get((child.get("type") or "").rpartition("t")[2], "other")
        (x0, y0), (x1, y1) = transform(x, y), transform(x + cx, y + cy)
        box = (min(x0, x1), min(y0, y1), abs(x1 - x0), abs(y1 - y0))
        if kind == "line":
            flip = style.get("flip", "")
            tail = (x1 if "x" in flip else x0, y1 if "y" in flip else y0)
            tip = (x0 if "x" in flip else x1, y0 if "y" in flip else y1)
            yield Shape(
                "line", *box, points=(tail, tip), head_at_end=head_end, head_at_start=head_start
            )
            continue
        text = _text(child)
        if kind in ("process", "other") and text and child.get("stroked") == "f":
            kind = "text"
        yield Shape(kind, *box, text)


def _scaled(transform: Transform, offset: Point, origin: Point, scale: Point) -> Transform:
    """A VML group's transform: its coordinate space's ``origin`` at ``offset``, scaled."""

    def inner(px: float, py: float) -> Point:
        return transform(
            offset[0] + (px - origin[0]) * scale[0], offset[1] + (py - origin[1]) * scale[1]
        )

    return inner


def _drawings_in(element: Any) -> Iterator[tuple[list[Shape], str, bool]]:
    """The drawings in a paragraph's runs (DrawingML, or VML where no DrawingML choice)."""
    for run in element.iter(w("r")):
        for child in run:
            if child.tag == f"{{{MC}}}AlternateContent":
                choice = child.find(f"{{{MC}}}Choice")
                target = choice if choice is not None else child.find(f"{{{MC}}}Fallback")
                if target is None:
                    continue
                for drawing in target.iter(w("drawing")):
                    yield from _drawing(drawing)
                if not any(True for _ in target.iter(w("drawing"))):
                    for pict in target.iter(w("pict")):
                        yield list(_vml(pict, _identity, EMU_PER_POINT)), "paragraph", True
            elif child.tag == w("drawing"):
                yield from _drawing(child)
            elif child.tag == w("pict"):
                yield list(_vml(child, _identity, EMU_PER_POINT)), "paragraph", True


def _drawing(drawing: Any) -> Iterator[tuple[list[Shape], str, bool]]:
    for item in drawing:
        if item.tag in (f"{{{WP}}}anchor", f"{{{WP}}}inline"):
            shapes, reference, in_cell = _anchor(item)
            yield shapes, reference, in_cell


def drawings(body: Any, tables: list[tuple[Table, Any]]) -> list[Drawing]:
    """Every drawing of the body: those in table cells with their cell, the others with
    where they are positioned from."""
    found: list[Drawing] = []
    in_tables: set[int] = set()
    for table, _ in tables:
        for cell in table.cells:
            for tc in cell.elements:
                in_tables.add(id(tc))
                for p in tc.iter(w("p")):
                    for shapes, reference, in_cell in _drawings_in(p):
                        where = (table.index, cell.row, cell.column)
                        found.append(Drawing(where if in_cell else None, tuple(shapes), reference))
    for p in body.iter(w("p")):
        if any(id(parent) in in_tables for parent in p.iterancestors(w("tc"))):
            continue
        if any(True for _ in p.iterancestors(w("txbxContent"))):
            continue
        for shapes, reference, _ in _drawings_in(p):
            found.append(Drawing(None, tuple(shapes), reference))
    return found
