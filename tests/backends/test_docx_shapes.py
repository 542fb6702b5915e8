"""The DOCX flowchart as Word shapes: read back with python-docx and lxml, against the scene."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

import pytest
from docx import Document as open_docx
from docx.oxml.ns import qn
from factories import big_sop
from geometry_checks import expected_geometry

from sopdoc.backends.docx.document import render_docx
from sopdoc.drawing.document import Document, prepare
from sopdoc.drawing.scene import Label, Point, Polyline, Shape
from sopdoc.layout import ColumnId, ColumnKind
from sopdoc.layout.linebox import line_ascent
from sopdoc.model import Paper, Sop
from sopdoc.namespaces import WPG, WPS
from sopdoc.publish.documents import flow_pictures
from sopdoc.units import EMU_PER_POINT

A = "http://schemas.openxmlformats.org/drawingml/2006/main"
#: EMU rounding of a point value, and the sum of two such roundings.
EMU_SLACK = 2


@pytest.fixture(scope="module")
def documents(contoh_sops: tuple[Sop, ...]) -> dict[str, Document]:
    cases = {
        "keputusan": contoh_sops[2],
        "besar": big_sop(steps=25, actors=4, seed=25, paper=Paper.F4),
    }
    return {name: prepare(sop) for name, sop in cases.items()}


def _groups(data: bytes) -> tuple[Any, list[Any]]:
    word = open_docx(io.BytesIO(data))
    return word, list(word.element.body.iter(f"{{{WPG}}}wgp"))


def _emu(value: float) -> int:
    return round(value * EMU_PER_POINT)


def _xfrm(element: Any) -> tuple[int, int, int, int]:
    xfrm = element.find(f"{{{WPS}}}spPr/{{{A}}}xfrm")
    off, ext = xfrm.find(f"{{{A}}}off"), xfrm.find(f"{{{A}}}ext")
    return int(off.get("x")), int(off.get("y")), int(ext.get("cx")), int(ext.get("cy"))


def _geometry(geom: Any) -> tuple[str, str | None]:
    adjust = geom.find(f"{{{A}}}avLst/{{{A}}}gd")
    return geom.get("prst"), None if adjust is None else adjust.get("fmla")


def _near(found: tuple[int, ...], expected: tuple[int, ...]) -> bool:
    return all(abs(a - b) <= EMU_SLACK for a, b in zip(found, expected, strict=True))


def _frame(group: Any) -> tuple[int, int, int, int]:
    """The group's invisible frame, which must be its first child and as large as it."""
    first = group.find(f"{{{WPS}}}wsp")
    sp_pr = first.find(f"{{{WPS}}}spPr")
    assert sp_pr.find(f"{{{A}}}noFill") is not None
    assert sp_pr.find(f"{{{A}}}ln/{{{A}}}noFill") is not None
    return _xfrm(first)


@pytest.mark.parametrize("name", ["keputusan", "besar"])
def test_one_group_per_page_in_the_first_lane_cell(
    name: str, documents: dict[str, Document]
) -> None:
    document = documents[name]
    word, groups = _groups(render_docx(document))
    assert len(groups) == len(document.pages)
    lane = [c.key for c in document.layout.columns].index(ColumnId(ColumnKind.LANE, 0))
    procedure = word.tables[-len(document.pages) :]
    for table, group, routed in zip(procedure, groups, document.pages, strict=True):
        cell = table.rows[3].cells[lane]._tc  # under the running line and the two header rows
        assert group in list(cell.iter(f"{{{WPG}}}wgp"))
        anchor = next(a for a in group.iterancestors() if a.tag == qn("wp:anchor"))
        assert anchor.get("layoutInCell") == "1"
        assert anchor.find(qn("wp:wrapNone")) is not None
        extent = anchor.find(qn("wp:extent"))
        x, y, cx, cy = _frame(group)
        assert (x, y) == (0, 0)
        assert (int(extent.get("cx")), int(extent.get("cy"))) == (cx, cy)
        area = routed.page.flow_area
        assert cx >= _emu(area.width) - EMU_SLACK
        assert cy >= _emu(area.height) - EMU_SLACK


def _origin(group: Any, area: Any) -> tuple[float, float]:
    """The page point of the group's top-left corner, from the anchor's offset to the area."""
    anchor = next(a for a in group.iterancestors() if a.tag == qn("wp:anchor"))
    offsets = [int(p.findtext(qn("wp:posOffset"))) for p in anchor.iter(qn("wp:positionH"))]
    offsets += [int(p.findtext(qn("wp:posOffset"))) for p in anchor.iter(qn("wp:positionV"))]
    return area.x + offsets[0] / EMU_PER_POINT, area.y + offsets[1] / EMU_PER_POINT


@pytest.mark.parametrize("name", ["keputusan", "besar"])
def test_every_primitive_is_a_shape_where_the_scene_puts_it(
    name: str, documents: dict[str, Document]
) -> None:
    document = documents[name]
    _, groups = _groups(render_docx(document))
    font = document.font.files
    for group, routed in zip(groups, document.pages, strict=True):
        ox, oy = _origin(group, routed.page.flow_area)
        shapes = group.findall(f"{{{WPS}}}wsp")[1:]
        expected = 0
        for item in routed.scene.items:
            expected += 2 if isinstance(item, Polyline) and item.arrowhead else 1
        assert len(shapes) == expected
        it = iter(shapes)
        for item in routed.scene.items:
            wsp = next(it)
            name_ = wsp.find(f"{{{WPS}}}cNvPr").get("name")
            if isinstance(item, Shape):
                b = item.box
                assert _near(
                    _xfrm(wsp),
                    (_emu(b.x - ox), _emu(b.y - oy), _emu(b.width), _emu(b.height)),
                )
                geom = wsp.find(f"{{{WPS}}}spPr/{{{A}}}prstGeom")
                assert _geometry(geom) == expected_geometry(item)
                if item.node.kind == "step":
                    assert name_ == f"Langkah {item.node.step}"
                line = wsp.find(f"{{{WPS}}}spPr/{{{A}}}ln")
                assert int(line.get("w")) == _emu(item.stroke.width)
            elif isinstance(item, Polyline):
                assert _same_points(_path_points(wsp, ox, oy), item.points)
                if item.arrowhead is not None:
                    head = next(it)
                    assert _same_points(_path_points(head, ox, oy), item.arrowhead.points)
                    assert head.find(f".//{{{A}}}path/{{{A}}}close") is not None
                    assert head.find(f"{{{WPS}}}spPr/{{{A}}}solidFill") is not None
            else:
                assert isinstance(item, Label)
                assert "".join(t.text for t in wsp.iter(qn("w:t"))) == item.line.text
                x, y, _, _ = _xfrm(wsp)
                path = font.bold if item.line.bold else font.regular
                top = item.line.baseline - line_ascent(path, item.line.size)
                assert _near((x, y), (_emu(item.line.x - ox), _emu(top - oy)))
                body = wsp.find(f"{{{WPS}}}bodyPr")
                assert [body.get(k) for k in ("lIns", "tIns", "wrap")] == ["0", "0", "none"]
                size = wsp.find(f".//{qn('w:sz')}")
                assert int(size.get(qn("w:val"))) == round(item.line.size * 2)


def _same_points(found: Sequence[Point], expected: Sequence[Point]) -> bool:
    """The same points to a thousandth of a point (an EMU is 1/12700 point)."""
    flat = [c for p in found for c in p]
    return flat == pytest.approx([c for p in expected for c in p], abs=1e-3)


def _path_points(wsp: Any, ox: float, oy: float) -> list[tuple[float, float]]:
    """The points of a free-form shape's path, in page points."""
    x, y, cx, cy = _xfrm(wsp)
    path = wsp.find(f".//{{{A}}}path")
    sx = cx / int(path.get("w")) if cx else 0.0
    sy = cy / int(path.get("h")) if cy else 0.0
    points = []
    for pt in path.iter(f"{{{A}}}pt"):
        px, py = x + int(pt.get("x")) * sx, y + int(pt.get("y")) * sy
        points.append((ox + px / EMU_PER_POINT, oy + py / EMU_PER_POINT))
    return points


def test_drawing_ids_are_unique(documents: dict[str, Document]) -> None:
    word, _ = _groups(render_docx(documents["besar"]))
    body = word.element.body
    ids = [e.get("id") for e in body.iter(qn("wp:docPr"), f"{{{WPS}}}cNvPr")]
    assert len(ids) == len(set(ids))


def test_shapes_bytes_are_deterministic(documents: dict[str, Document]) -> None:
    document = documents["keputusan"]
    assert render_docx(document) == render_docx(document)


def test_locked_pictures_stay_an_option(documents: dict[str, Document]) -> None:
    document = documents["keputusan"]
    word, groups = _groups(render_docx(document, pictures=flow_pictures(document)))
    assert groups == []
    pictures = list(word.element.body.iter(qn("pic:pic")))
    assert len(pictures) == len(document.pages)
