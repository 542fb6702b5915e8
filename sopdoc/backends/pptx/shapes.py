"""A slide page as PowerPoint shapes: lane heads, lanes, symbols with their text, arrows."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

from sopdoc import words
from sopdoc.backends.drawingml import element, outline, preset_geometry, solid_fill
from sopdoc.drawing.pages import RoutedPage
from sopdoc.drawing.scene import (
    GRAY,
    Label,
    Point,
    Polyline,
    Rgb,
    Shape,
    Stroke,
)
from sopdoc.layout import Box, PlacedLine, Span
from sopdoc.layout.fonts import FontMetrics
from sopdoc.layout.linebox import exact_line_ascent
from sopdoc.model import Sop
from sopdoc.namespaces import P
from sopdoc.units import Pt, to_emu

#: The lane heads' fill and outline, as on the PDF slides.
HEAD_FILL: Final[Rgb] = (0.851, 0.886, 0.953)  # #D9E2F3
HEAD_STROKE: Final = Stroke(0.6, GRAY)
#: The language of the text runs (spell checking in PowerPoint).
LANGUAGE: Final = "id-ID"
ELLIPSIS: Final = "…"


def _bounds(points: Sequence[Point]) -> Box:
    xs, ys = [x for x, _ in points], [y for _, y in points]
    return Box(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))


class SlideDrawer:
    """Appends one slide page's shapes to a slide's shape tree (``p:spTree``)."""

    def __init__(self, tree: Any, *, sop: Sop, font: FontMetrics, leading: float) -> None:
        self.tree = tree
        self.sop = sop
        self.font = font
        self.leading = leading
        self.next_id = 2 + sum(1 for _ in tree.iter(f"{{{P}}}cNvPr"))
        self.counts: dict[str, int] = {}

    def _number(self, what: str) -> int:
        self.counts[what] = self.counts.get(what, 0) + 1
        return self.counts[what]

    # --- one shape ---------------------------------------------------------------------------

    def _sp(self, name: str, *, descr: str = "", text_box: bool = False) -> tuple[Any, Any]:
        """A new ``p:sp`` with its id and name; returns it and its ``p:spPr``."""
        sp = element(self.tree, "p:sp")
        nv = element(sp, "p:nvSpPr")
        c_nv = element(nv, "p:cNvPr", id=str(self.next_id), name=name)
        if descr:
            c_nv.set("descr", descr)
        self.next_id += 1
        element(nv, "p:cNvSpPr", **({"txBox": "1"} if text_box else {}))
        element(nv, "p:nvPr")
        return sp, element(sp, "p:spPr")

    @staticmethod
    def _xfrm(sp_pr: Any, box: Box) -> None:
        xfrm = element(sp_pr, "a:xfrm")
        element(xfrm, "a:off", x=str(to_emu(box.x)), y=str(to_emu(box.y)))
        element(xfrm, "a:ext", cx=str(to_emu(box.width)), cy=str(to_emu(box.height)))

    def preset(
        self,
        name: str,
        box: Box,
        prst: str | Shape,
        *,
        fill: Rgb | None,
        stroke: Stroke | None,
        descr: str = "",
        text_box: bool = False,
    ) -> Any:
        """A preset shape over ``box``: ``prst`` names the preset, or is the scene's shape
        (its kind's geometry, a terminator's round corners)."""
        sp, sp_pr = self._sp(name, descr=descr, text_box=text_box)
        self._xfrm(sp_pr, box)
        if isinstance(prst, Shape):
            preset_geometry(
                sp_pr, prst.kind, width=box.width, height=box.height, radius=prst.radius
            )
        else:
            element(element(sp_pr, "a:prstGeom", prst=prst), "a:avLst")
        solid_fill(sp_pr, fill)
        outline(sp_pr, stroke)
        return sp

    def freeform(self, name: str, points: Sequence[Point], *, closed: bool) -> tuple[Any, Any]:
        """A free-form shape through ``points``: frame their bounding box, path in EMU from
        its corner (1 EMU wide where the frame has no width)."""
        sp, sp_pr = self._sp(name)
        frame = _bounds(points)
        x0, y0 = to_emu(frame.x), to_emu(frame.y)
        emus = [(to_emu(x) - x0, to_emu(y) - y0) for x, y in points]
        cx, cy = max(x for x, _ in emus), max(y for _, y in emus)
        xfrm = element(sp_pr, "a:xfrm")
        element(xfrm, "a:off", x=str(x0), y=str(y0))
        element(xfrm, "a:ext", cx=str(cx), cy=str(cy))
        geom = element(sp_pr, "a:custGeom")
        for tag in ("a:avLst", "a:gdLst", "a:ahLst", "a:cxnLst"):
            element(geom, tag)
        element(geom, "a:rect", l="0", t="0", r="r", b="b")
        attrs = {"w": str(max(cx, 1)), "h": str(max(cy, 1))}
        if not closed:
            attrs["fill"] = "none"
        path = element(element(geom, "a:pathLst"), "a:path", **attrs)
        for i, (x, y) in enumerate(emus):
            element(element(path, "a:moveTo" if i == 0 else "a:lnTo"), "a:pt", x=str(x), y=str(y))
        if closed:
            element(path, "a:close")
        return sp, sp_pr

    # --- text ----------------------------------------------------------------------------------

    def _shift(self, line: PlacedLine) -> Pt:
        """How far below the layout's baseline PowerPoint and LibreOffice put a line of
        ``line.size`` in an exact line of the layout's leading, in a centred block of lines.

        The application keeps the font's descent at the bottom of the line, the layout
        (``place_lines``) centres the font's ascent and descent in it.
        """
        path = self.font.files.bold if line.bold else self.font.files.regular
        size = line.size
        pitch = size * self.leading
        ascent, descent = self.font.ascent(size), self.font.descent(size)
        return exact_line_ascent(path, size, pitch) - (pitch + ascent - descent) / 2

    def text(
        self,
        sp: Any,
        lines: Sequence[PlacedLine],
        *,
        align: str,
        left: Pt = 0.0,
        color: Rgb,
        whole: Sequence[str] = (),
        pad: Pt = 0.0,
    ) -> None:
        """``lines`` in ``sp``: one paragraph, a line break between lines (they never re-wrap),
        the block centred on the shape's text area and its baselines moved where the layout
        puts them; with ``whole`` the text the layout shortened, each item a paragraph,
        wrapped and shrunk to fit by the application instead."""
        first = lines[0]
        shift = self._shift(first)
        body = element(sp, "p:txBody")
        pr = {
            "wrap": "square" if whole else "none",
            "lIns": str(to_emu(left if align == "l" else pad)),
            "tIns": str(to_emu(max(0.0, -2 * shift))),
            "rIns": str(to_emu(pad)),
            "bIns": str(to_emu(max(0.0, 2 * shift))),
            "anchor": "ctr",
            "rtlCol": "0",
        }
        body_pr = element(body, "a:bodyPr", **pr)
        element(body_pr, "a:normAutofit" if whole else "a:noAutofit")
        element(body, "a:lstStyle")
        texts: list[list[str]] = [[t] for t in whole] if whole else [[ln.text for ln in lines]]
        for paragraph in texts:
            p = element(body, "a:p")
            p_pr = element(p, "a:pPr", algn=align, marL="0", indent="0")
            spacing = str(round(first.size * self.leading * 100))
            element(element(p_pr, "a:lnSpc"), "a:spcPts", val=spacing)
            element(element(p_pr, "a:spcBef"), "a:spcPts", val="0")
            element(element(p_pr, "a:spcAft"), "a:spcPts", val="0")
            element(p_pr, "a:buNone")
            for i, text in enumerate(paragraph):
                if i:
                    self._run(element(p, "a:br"), first, color=color, tag="a:rPr")
                run = element(p, "a:r")
                self._run(run, first, color=color, tag="a:rPr")
                element(run, "a:t").text = text
            self._run(p, first, color=color, tag="a:endParaRPr")

    def _run(self, parent: Any, line: PlacedLine, *, color: Rgb, tag: str) -> None:
        r_pr = element(
            parent,
            tag,
            lang=LANGUAGE,
            sz=str(round(line.size * 100)),
            b="1" if line.bold else "0",
            dirty="0",
        )
        solid_fill(r_pr, color)
        for face in ("a:latin", "a:ea", "a:cs"):
            element(r_pr, face, typeface=self.font.files.family)

    # --- the page ------------------------------------------------------------------------------

    def page(self, routed: RoutedPage) -> list[int]:
        """Every lane head, then every primitive of the scene in its order; returns the steps
        whose symbols are on the page."""
        for cell in routed.page.header:
            if cell.key is Span.TITLE:
                if cell.lines:
                    name = words.SHAPE_TITLE_NAME
                    sp = self.preset(name, cell.box, "rect", fill=None, stroke=None, text_box=True)
                    left = cell.lines[0].x - cell.box.x
                    self.text(sp, cell.lines, align="l", left=left, color=(0.0, 0.0, 0.0))
                continue
            name = words.SHAPE_LANE_HEAD_NAME.format(number=self._number("head"))
            sp = self.preset(name, cell.box, "rect", fill=HEAD_FILL, stroke=HEAD_STROKE)
            if cell.lines:
                self.text(sp, cell.lines, align="ctr", color=(0.0, 0.0, 0.0))
            else:
                self._empty_text(sp)
        owned: dict[Any, list[Label]] = {}
        for label in routed.scene.labels:
            if label.owner is not None:
                owned.setdefault(label.owner, []).append(label)
        steps: list[int] = []
        for item in routed.scene.items:
            if isinstance(item, Shape):
                if item.node.kind == "step":
                    steps.append(item.node.step)
                self.symbol(item, owned.get(item.node, []))
            elif isinstance(item, Polyline):
                self.polyline(item)
            elif item.owner is None:
                self.label(item)
        return steps

    def _empty_text(self, sp: Any) -> None:
        body = element(sp, "p:txBody")
        element(body, "a:bodyPr", rtlCol="0", anchor="ctr")
        element(body, "a:lstStyle")
        element(body, "a:p")

    def symbol(self, shape: Shape, labels: Sequence[Label]) -> None:
        """A symbol as its preset over its box, its text inside it: the step's whole kegiatan
        (alt text too), named after its step or connector."""
        node = shape.node
        descr = ""
        whole: tuple[str, ...] = ()
        if node.kind == "step":
            name = words.SHAPE_STEP_NAME.format(step=node.step)
            kegiatan = self.sop.step(node.step).kegiatan
            descr = step_text(kegiatan)
            if labels and labels[-1].line.text.endswith(ELLIPSIS):
                whole = kegiatan
        elif node.kind == "end":
            name = words.SHAPE_END_NAME.format(step=node.step)
        else:
            name = words.SHAPE_CONNECTOR_NAME.format(letter=node.letter)
        sp = self.preset(name, shape.box, shape, fill=shape.fill, stroke=shape.stroke, descr=descr)
        if labels:
            lines = [label.line for label in labels]
            self.text(sp, lines, align="ctr", color=labels[0].color, whole=whole, pad=0.0)
        else:
            self._empty_text(sp)

    def polyline(self, line: Polyline) -> None:
        """An arrow's line to its tip and its head as a filled triangle of the PDF's size, or
        a lane's outline."""
        if line.arrow is None:
            name = words.SHAPE_LANE_NAME.format(number=self._number("lane"))
        else:
            name = words.SHAPE_ARROW_NAME.format(number=self._number("arrow"))
        sp, sp_pr = self.freeform(name, line.points, closed=False)
        solid_fill(sp_pr, None)
        outline(sp_pr, line.stroke)
        self._empty_text(sp)
        head = line.arrowhead
        if head is not None:
            name = words.SHAPE_HEAD_NAME.format(number=self.counts["arrow"])
            sp, sp_pr = self.freeform(name, head.points, closed=True)
            solid_fill(sp_pr, head.fill)
            outline(sp_pr, line.stroke)
            self._empty_text(sp)

    def label(self, label: Label) -> None:
        """An arrow's Ya/Tidak: a text box of the scene's frame (one leading high, centred
        on the glyph box)."""
        name = words.SHAPE_TEXT_NAME.format(number=self._number("text"))
        sp = self.preset(name, label.frame, "rect", fill=None, stroke=None, text_box=True)
        self.text(sp, [label.line], align="ctr", color=label.color)


def step_text(kegiatan: Sequence[str]) -> str:
    """A step's kegiatan as one line of text (notes, alt text)."""
    return " ".join(" ".join(kegiatan).split())
