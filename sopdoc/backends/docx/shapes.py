"""A page's scene as one Word drawing group (``wpg:wgp`` of ``wps:wsp``): editable shapes."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, Final

from lxml import etree

from sopdoc import words
from sopdoc.backends.drawingml import (
    NSMAP,
    element,
    hex_color,
    outline,
    preset_geometry,
    solid_fill,
    w_element,
)
from sopdoc.drawing.scene import Label, Point, Polyline, Scene, Shape
from sopdoc.layout import Box
from sopdoc.layout.fonts import FontFiles
from sopdoc.layout.linebox import line_ascent, line_height
from sopdoc.namespaces import WPG
from sopdoc.units import Pt, to_emu

#: The prefixes a Word drawing group declares.
GROUP_NSMAP: Final = {prefix: NSMAP[prefix] for prefix in ("a", "w", "wps", "wpg")}
#: The a:graphicData URI of a Word drawing group.
GROUP_URI: Final = WPG
XML_SPACE: Final = "{http://www.w3.org/XML/1998/namespace}space"


def _xfrm(parent: Any, tag: str, *, x: int, y: int, cx: int, cy: int) -> Any:
    xfrm = element(parent, tag)
    element(xfrm, "a:off", x=str(x), y=str(y))
    element(xfrm, "a:ext", cx=str(cx), cy=str(cy))
    return xfrm


class GroupWriter:
    """Builds the ``wpg:wgp`` of one page's scene over ``area``; ``next_id`` hands out the
    drawing ids unique in the document."""

    def __init__(
        self, scene: Scene, area: Box, *, font: FontFiles, next_id: Callable[[], int]
    ) -> None:
        self.scene = scene
        self.font = font
        self.next_id = next_id
        self.arrows = 0
        self.labels = 0
        self.frame = _union([area, *(self._extent(item) for item in scene.items)])

    def text_box(self, label: Label) -> Box:
        """The text box of a label: the scene's frame, grown to hold the label's
        single-spaced line where Word and LibreOffice set it (its top the line's ascent
        above the baseline)."""
        frame = label.frame
        line_top, line_bottom = self._line(label)
        top = min(frame.y, line_top)
        return Box(frame.x, top, frame.width, max(frame.bottom, line_bottom) - top)

    def inset(self, label: Label) -> Pt:
        """The space above the label's line in its text box."""
        return self._line(label)[0] - self.text_box(label).y

    def _line(self, label: Label) -> tuple[Pt, Pt]:
        """The top and bottom of the label's single-spaced line."""
        line = label.line
        path = self.font.bold if line.bold else self.font.regular
        top = line.baseline - line_ascent(path, line.size)
        return top, top + line_height(path, line.size)

    def _extent(self, item: Shape | Polyline | Label) -> Box:
        if isinstance(item, Shape):
            return item.box
        if isinstance(item, Label):
            return self.text_box(item)
        head = item.arrowhead.points if item.arrowhead is not None else ()
        return _bounds([*item.points, *head])

    def emu(self, point: Point) -> tuple[int, int]:
        """A page point as EMU from the group's top-left corner."""
        return to_emu(point[0] - self.frame.x), to_emu(point[1] - self.frame.y)

    def _shape(self, group: Any, name: str) -> tuple[Any, Any]:
        """A new ``wps:wsp`` with its id and name; returns it and its ``wps:spPr``."""
        wsp = element(group, "wps:wsp")
        element(wsp, "wps:cNvPr", id=str(self.next_id()), name=name)
        element(wsp, "wps:cNvSpPr")
        return wsp, element(wsp, "wps:spPr")

    def _box_shape(self, group: Any, name: str, box: Box) -> tuple[Any, Any]:
        wsp, sp_pr = self._shape(group, name)
        x, y = self.emu((box.x, box.y))
        _xfrm(sp_pr, "a:xfrm", x=x, y=y, cx=to_emu(box.width), cy=to_emu(box.height))
        return wsp, sp_pr

    def group(self) -> Any:
        """The group: an invisible frame as large as the group first (LibreOffice places a
        group by the union of its children), then every primitive in the scene's order."""
        group = etree.Element(f"{{{WPG}}}wgp", nsmap=GROUP_NSMAP)
        element(group, "wpg:cNvGrpSpPr")
        cx, cy = to_emu(self.frame.width), to_emu(self.frame.height)
        xfrm = element(element(group, "wpg:grpSpPr"), "a:xfrm")
        element(xfrm, "a:off", x="0", y="0")
        element(xfrm, "a:ext", cx=str(cx), cy=str(cy))
        element(xfrm, "a:chOff", x="0", y="0")
        element(xfrm, "a:chExt", cx=str(cx), cy=str(cy))
        wsp, sp_pr = self._box_shape(group, words.SHAPE_FRAME_NAME, self.frame)
        element(element(sp_pr, "a:prstGeom", prst="rect"), "a:avLst")
        solid_fill(sp_pr, None)
        outline(sp_pr, None)
        element(wsp, "wps:bodyPr")
        for item in self.scene.items:
            if isinstance(item, Shape):
                self.symbol(group, item)
            elif isinstance(item, Polyline):
                self.polyline(group, item)
            else:
                self.label(group, item)
        return group

    def symbol(self, group: Any, shape: Shape) -> None:
        """A symbol as its preset over its box, named after its step or connector."""
        node = shape.node
        if node.kind == "step":
            name = words.SHAPE_STEP_NAME.format(step=node.step)
        elif node.kind == "end":
            name = words.SHAPE_END_NAME.format(step=node.step)
        else:
            name = words.SHAPE_CONNECTOR_NAME.format(letter=node.letter)
        wsp, sp_pr = self._box_shape(group, name, shape.box)
        box = shape.box
        preset_geometry(sp_pr, shape.kind, width=box.width, height=box.height, radius=shape.radius)
        solid_fill(sp_pr, shape.fill)
        outline(sp_pr, shape.stroke)
        element(wsp, "wps:bodyPr")

    def _path_shape(
        self, group: Any, name: str, points: Sequence[Point], *, closed: bool
    ) -> tuple[Any, Any]:
        """A free-form shape through ``points``: its frame is their bounding box, its path
        in EMU from the frame's corner (a path 1 EMU wide where the frame has no width)."""
        emus = [self.emu(p) for p in points]
        x0, y0 = min(x for x, _ in emus), min(y for _, y in emus)
        cx, cy = max(x for x, _ in emus) - x0, max(y for _, y in emus) - y0
        wsp, sp_pr = self._shape(group, name)
        _xfrm(sp_pr, "a:xfrm", x=x0, y=y0, cx=cx, cy=cy)
        geom = element(sp_pr, "a:custGeom")
        for tag in ("a:avLst", "a:gdLst", "a:ahLst", "a:cxnLst"):
            element(geom, tag)
        element(geom, "a:rect", l="0", t="0", r="r", b="b")
        path = element(
            element(geom, "a:pathLst"),
            "a:path",
            w=str(max(cx, 1)),
            h=str(max(cy, 1)),
            **({} if closed else {"fill": "none"}),
        )
        for i, (x, y) in enumerate(emus):
            step = element(path, "a:moveTo" if i == 0 else "a:lnTo")
            element(step, "a:pt", x=str(x - x0), y=str(y - y0))
        if closed:
            element(path, "a:close")
        return wsp, sp_pr

    def polyline(self, group: Any, line: Polyline) -> None:
        """An arrow's line to its tip, then its head as a filled triangle of the PDF's size."""
        self.arrows += 1
        name = words.SHAPE_ARROW_NAME.format(number=self.arrows)
        wsp, sp_pr = self._path_shape(group, name, line.points, closed=False)
        solid_fill(sp_pr, None)
        outline(sp_pr, line.stroke)
        element(wsp, "wps:bodyPr")
        head = line.arrowhead
        if head is not None:
            name = words.SHAPE_HEAD_NAME.format(number=self.arrows)
            wsp, sp_pr = self._path_shape(group, name, head.points, closed=True)
            solid_fill(sp_pr, head.fill)
            outline(sp_pr, line.stroke)
            element(wsp, "wps:bodyPr")

    def label(self, group: Any, label: Label) -> None:
        """A label in its text box (``text_box``): single spacing, no wrap, no insets but the
        top one (``inset``) that puts its baseline where the scene does."""
        self.labels += 1
        name = words.SHAPE_TEXT_NAME.format(number=self.labels)
        wsp, sp_pr = self._box_shape(group, name, self.text_box(label))
        element(element(sp_pr, "a:prstGeom", prst="rect"), "a:avLst")
        solid_fill(sp_pr, None)
        outline(sp_pr, None)
        content = element(element(wsp, "wps:txbx"), "w:txbxContent")
        paragraph(content, [label], font=self.font.family)
        element(
            wsp,
            "wps:bodyPr",
            rot="0",
            vert="horz",
            wrap="none",
            lIns="0",
            tIns=str(to_emu(self.inset(label))),
            rIns="0",
            bIns="0",
            anchor="t",
            anchorCtr="0",
            upright="1",
        )


def paragraph(parent: Any, labels: Iterable[Label], *, font: str) -> Any:
    """One left-aligned paragraph, no spacing, single lines, a run per label."""
    p = w_element(parent, "p")
    p_pr = w_element(p, "pPr")
    w_element(p_pr, "spacing", before="0", after="0", line="240", lineRule="auto")
    w_element(p_pr, "ind", left="0", right="0", firstLine="0")
    w_element(p_pr, "jc", val="left")
    for label in labels:
        run = w_element(p, "r")
        r_pr = w_element(run, "rPr")
        w_element(r_pr, "rFonts", ascii=font, hAnsi=font, cs=font, eastAsia=font)
        if label.line.bold:
            w_element(r_pr, "b")
            w_element(r_pr, "bCs")
        w_element(r_pr, "color", val=hex_color(label.color))
        size = str(round(label.line.size * 2))
        w_element(r_pr, "sz", val=size)
        w_element(r_pr, "szCs", val=size)
        text = w_element(run, "t")
        text.set(XML_SPACE, "preserve")
        text.text = label.line.text
    return p


def _bounds(points: Sequence[Point]) -> Box:
    xs, ys = [x for x, _ in points], [y for _, y in points]
    return Box(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))


def _union(boxes: Sequence[Box]) -> Box:
    return _bounds([(b.x, b.y) for b in boxes] + [(b.right, b.bottom) for b in boxes])


def scene_group(
    scene: Scene, *, area: Box, font: FontFiles, next_id: Callable[[], int]
) -> tuple[Any, Box]:
    """The ``wpg:wgp`` of ``scene`` drawn over ``area`` (page points), every id from
    ``next_id``; and the group's frame on the page: ``area``, grown to hold whatever the
    scene draws beyond it (a label past the last lane)."""
    writer = GroupWriter(scene, area, font=font, next_id=next_id)
    return writer.group(), writer.frame
