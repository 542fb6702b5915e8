"""SVG through Graphviz: DOT, built with the ``graphviz`` package, that pins every primitive
of a page's scene.

Every shape is a node pinned at its box (``pos``, fixed size), every line an edge pinned
along its points, every label a plaintext node at the centre of its glyph box, so that
``neato -n2`` draws exactly the scene. Building DOT is pure; only ``run_graphviz`` starts
a process (with a timeout, which the package's ``pipe`` does not offer).
"""

from __future__ import annotations

import itertools
import math
import shutil
import subprocess
from collections.abc import Sequence
from typing import Final, Literal, cast

import graphviz  # type: ignore[import-untyped]  # no stubs, no py.typed

from sopdoc import messages as msg
from sopdoc.drawing.pages import RoutedPage
from sopdoc.drawing.scene import Label, Polyline, Rgb, Shape, ShapeKind
from sopdoc.errors import SopdocError, ToolMissingError
from sopdoc.layout.geometry import Box, ProcedureLayout, Span
from sopdoc.units import Pt, to_inches

#: Seconds one Graphviz run may take before it is stopped as stuck.
GRAPHVIZ_TIMEOUT: Final = 60.0
#: Graphviz's ``normal`` arrowhead is this long at ``arrowsize=1``.
GRAPHVIZ_ARROW_LENGTH: Final = 10.0
#: Slide header cells: the PDF slides' fill and grid colours.
HEADER_FILL: Final = "#D9E2F3"
HEADER_LINE: Final = "#7F7F7F"

Point = tuple[Pt, Pt]
Format = Literal["png", "svg", "pdf", "json"]

#: Graphviz's preset for each kind of shape (the scene's box gives its place and size).
_SHAPES: Final[dict[ShapeKind, tuple[str, str]]] = {
    "terminator": ("box", "rounded,filled"),
    "process": ("box", "filled"),
    "decision": ("diamond", "filled"),
    "connector": ("invhouse", "filled"),
}


# --- DOT ---------------------------------------------------------------------------------------


def dot_label(text: str) -> str:
    """User text as a label Graphviz prints literally, for the package to quote.

    ``graphviz.escape`` defuses backslashes (Graphviz's ``\\N``, ``\\l``...) and keeps
    ``<...>`` from being read as an HTML label; ``&`` becomes ``&amp;`` because Graphviz
    decodes HTML entities in ordinary labels; line breaks become Graphviz's ``\\n``.
    """
    escaped = graphviz.escape(text.replace("\r", "").replace("&", "&amp;"))
    # cast, not str(): str() would drop the NoHtml type that keeps <...> from being HTML.
    return cast(str, graphviz.nohtml(escaped.replace("\n", "\\n")))


def _num(value: float) -> str:
    """A coordinate as DOT text: fixed precision, so the same layout gives the same bytes."""
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _color(rgb: Rgb) -> str:
    return "#" + "".join(f"{round(v * 255):02X}" for v in rgb)


class _Frame:
    """Converts page points (y down) to Graphviz points (y up) local to the drawn area."""

    def __init__(self, area: Box) -> None:
        self.area = area

    def point(self, x: Pt, y: Pt) -> str:
        return f"{_num(x - self.area.x)},{_num(self.area.bottom - y)}"

    def pos(self, box: Box) -> str:
        """A node pinned with its centre at the centre of ``box``."""
        return self.point(box.center_x, box.center_y) + "!"

    def spline(self, points: Sequence[Point], *, tip: Point | None = None) -> str:
        """A polyline as an edge ``pos`` of straight cubic pieces, ``e,tip`` for an arrow."""
        spline = [points[0]]
        for (ax, ay), (bx, by) in itertools.pairwise(points):
            spline += [
                (ax + (bx - ax) / 3, ay + (by - ay) / 3),
                (ax + 2 * (bx - ax) / 3, ay + 2 * (by - ay) / 3),
                (bx, by),
            ]
        body = " ".join(self.point(x, y) for x, y in spline)
        return body if tip is None else f"e,{self.point(*tip)} {body}"


def _size(box: Box) -> dict[str, str]:
    return {"width": _num(to_inches(box.width)), "height": _num(to_inches(box.height))}


def _shape(graph: graphviz.Digraph, shape: Shape, frame: _Frame) -> None:
    preset, style = _SHAPES[shape.kind]
    graph.node(
        shape.node.name,
        shape=preset,
        style=style,
        fillcolor=_color(shape.fill),
        color=_color(shape.stroke.color),
        penwidth=_num(shape.stroke.width),
        pos=frame.pos(shape.box),
        **_size(shape.box),
    )


def _line(graph: graphviz.Digraph, line: Polyline, index: int, frame: _Frame) -> None:
    stroke = {"color": _color(line.stroke.color), "penwidth": _num(line.stroke.width)}
    if line.arrow is not None and line.arrowhead is not None:
        head = line.arrowhead
        length = math.dist(head.base, head.tip)
        graph.edge(
            line.arrow.tail.name,
            line.arrow.head.name,
            pos=frame.spline([*line.points[:-1], head.base], tip=head.tip),
            arrowsize=_num(length / GRAPHVIZ_ARROW_LENGTH),
            **stroke,
        )
        return
    # A plain line (a lane's outline): an edge between two invisible pinned points.
    ends = (f"line{index}a", f"line{index}b")
    for name, (x, y) in zip(ends, (line.points[0], line.points[-1]), strict=True):
        graph.node(
            name,
            shape="point",
            style="invis",
            width="0.0001",
            height="0.0001",
            pos=frame.point(x, y) + "!",
        )
    graph.edge(*ends, pos=frame.spline(line.points), arrowhead="none", **stroke)


def _label(graph: graphviz.Digraph, label: Label, index: int, frame: _Frame, *, font: str) -> None:
    line = label.line
    graph.node(
        f"label{index}",
        dot_label(line.text),
        shape="plaintext",
        fixedsize="false",
        width="0",
        height="0",
        fontname=f"{font} Bold" if line.bold else font,
        fontsize=_num(line.size),
        fontcolor=_color(label.color),
        pos=frame.pos(label.box),
    )


def _graph(index: int, area: Box, *, font: str) -> graphviz.Digraph:
    w, h = _num(area.width), _num(area.height)
    graph = graphviz.Digraph(
        f"page{index + 1}",
        graph_attr={
            "pad": "0",
            "margin": "0",
            "bgcolor": "white",
            "outputorder": "edgesfirst",  # lane outlines under the symbols
            "bb": f"0,0,{w},{h}",
        },
        node_attr={"fixedsize": "true", "fontname": font, "margin": "0", "label": ""},
        edge_attr={"arrowhead": "normal"},
    )
    corner = {"shape": "point", "style": "invis", "width": "0.0001", "height": "0.0001"}
    graph.node("corner_a", pos="0,0!", **corner)
    graph.node("corner_b", pos=f"{w},{h}!", **corner)
    return graph


def _draw_scene(graph: graphviz.Digraph, routed: RoutedPage, frame: _Frame, *, font: str) -> None:
    for index, item in enumerate(routed.scene.items, start=1):
        if isinstance(item, Shape):
            _shape(graph, item, frame)
        elif isinstance(item, Polyline):
            _line(graph, item, index, frame)
        else:
            _label(graph, item, index, frame, font=font)


def page_dot(routed: RoutedPage, *, font: str = "Arial") -> str:
    """DOT of one page's flowchart alone, over its flow area (the picture laid over the
    table's actor columns)."""
    area = routed.page.flow_area
    graph = _graph(routed.page.index, area, font=font)
    _draw_scene(graph, routed, _Frame(area), font=font)
    return str(graph.source)


def slide_dot(layout: ProcedureLayout, routed: RoutedPage, *, font: str = "Arial") -> str:
    """DOT of a whole swimlane slide: the title and lane headers (cells of the layout), then
    the scene (lane outlines, symbols with their text, arrows)."""
    area = Box(0.0, 0.0, layout.page_width, layout.page_height)
    frame = _Frame(area)
    graph = _graph(routed.page.index, area, font=font)
    for index, cell in enumerate(routed.page.header, start=1):
        size = cell.lines[0].size if cell.lines else layout.style.header_size
        text = dot_label("\n".join(line.text for line in cell.lines))
        common = {"fontname": f"{font} Bold", "fontsize": _num(size), "pos": frame.pos(cell.box)}
        if cell.key is Span.TITLE:
            graph.node("title", text, shape="plaintext", labeljust="l", **common, **_size(cell.box))
            continue
        graph.node(
            f"head{index}",
            text,
            shape="box",
            style="filled",
            fillcolor=HEADER_FILL,
            color=HEADER_LINE,
            **common,
            **_size(cell.box),
        )
    _draw_scene(graph, routed, frame, font=font)
    return str(graph.source)


# --- running Graphviz --------------------------------------------------------------------------


def graphviz_program(name: str = "neato") -> str:
    """The path of a Graphviz program; ToolMissingError with the install command if absent."""
    path = shutil.which(name)
    if path is None:
        raise ToolMissingError(
            msg.GRAPHVIZ_MISSING.format(install=msg.install_hint(msg.INSTALL_GRAPHVIZ))
        )
    return path


def run_graphviz(
    dot: str, *, fmt: Format | str, what: str, timeout: float = GRAPHVIZ_TIMEOUT
) -> bytes:
    """Run ``neato -n2`` on DOT text and return its output in ``fmt``."""
    args = [graphviz_program(), "-n2", f"-T{fmt}"]
    try:
        result = subprocess.run(
            args, input=dot.encode("utf-8"), capture_output=True, timeout=timeout, check=False
        )
    except subprocess.TimeoutExpired as exc:
        raise SopdocError(msg.GRAPHVIZ_TIMEOUT.format(what=what, seconds=int(timeout))) from exc
    except OSError as exc:
        raise SopdocError(msg.GRAPHVIZ_FAILED.format(what=what, reason=exc.strerror)) from exc
    if result.returncode != 0 or not result.stdout:
        reason = result.stderr.decode("utf-8", "replace").strip().splitlines()
        text = reason[-1] if reason else f"kode keluar {result.returncode}"
        raise SopdocError(msg.GRAPHVIZ_FAILED.format(what=what, reason=text))
    return result.stdout
