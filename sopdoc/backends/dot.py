"""SVG through Graphviz: DOT text that pins every node and arrow of a routed page.

The DOT text pins every node and every routed arrow (``pos``), so ``neato -n2`` draws exactly
the layout's geometry. Building DOT is pure; only ``run_graphviz`` starts a process.
"""

from __future__ import annotations

import itertools
import math
import shutil
import subprocess
from collections.abc import Sequence
from typing import Final, Literal

from sopdoc import messages as msg
from sopdoc.drawing.routing import HEAD_LENGTH
from sopdoc.drawing.scene import RoutedPage
from sopdoc.errors import SopdocError, ToolMissingError
from sopdoc.layout.geometry import Box, ProcedureLayout, Span
from sopdoc.model import Symbol
from sopdoc.units import Pt, to_inches

#: Seconds one Graphviz run may take before it is stopped as stuck.
GRAPHVIZ_TIMEOUT: Final = 60.0

Point = tuple[Pt, Pt]
Format = Literal["png", "svg", "pdf", "json"]


# --- DOT text ----------------------------------------------------------------------------------


def dot_string(text: str) -> str:
    """``text`` as a quoted DOT string that Graphviz prints literally.

    Quotes and backslashes are escaped (so ``"]; node [`` stays inside the string), Graphviz's
    own escapes (``\\N``, ``\\l``...) are defused by the doubled backslash, and ``&`` becomes
    ``&amp;`` because Graphviz decodes HTML entities in ordinary labels.
    """
    escaped = (
        text.replace("\\", "\\\\")
        .replace('"', '\\"')
        .replace("&", "&amp;")
        .replace("\r", "")
        .replace("\n", "\\n")
    )
    return f'"{escaped}"'


def _num(value: float) -> str:
    """A coordinate as DOT text: fixed precision, so the same layout gives the same bytes."""
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


class _Frame:
    """Converts page points (y down) to Graphviz points (y up) local to the flow area."""

    def __init__(self, area: Box) -> None:
        self.area = area

    def to_gv(self, x: Pt, y: Pt) -> Point:
        return (x - self.area.x, self.area.bottom - y)

    def to_page(self, x: Pt, y: Pt) -> Point:
        return (x + self.area.x, self.area.bottom - y)


#: Symbols are filled white so that table and lane lines never show through them.
_SHAPES: Final = {
    Symbol.START: 'shape=box, style="rounded,filled", fillcolor=white',
    Symbol.END: 'shape=box, style="rounded,filled", fillcolor=white',
    Symbol.PROCESS: "shape=box, style=filled, fillcolor=white",
    Symbol.DECISION: "shape=diamond, style=filled, fillcolor=white",
    Symbol.CONNECTOR: "shape=invhouse, style=filled, fillcolor=white",
}


def _node(name: str, box: Box, frame: _Frame, attrs: str, label: str = "") -> str:
    x, y = frame.to_gv(box.center_x, box.center_y)
    return (
        f'  {name} [{attrs}, pos="{_num(x)},{_num(y)}!", width={_num(to_inches(box.width))}, '
        f"height={_num(to_inches(box.height))}, label={dot_string(label)}];"
    )


def _spline(points: Sequence[Point], frame: _Frame) -> str:
    """A routed polyline as a Graphviz edge ``pos``: straight cubic pieces, arrow at the tip."""
    (x0, y0), (x1, y1) = points[-2], points[-1]
    length = math.dist((x0, y0), (x1, y1)) or 1.0
    base = (x1 - (x1 - x0) / length * HEAD_LENGTH, y1 - (y1 - y0) / length * HEAD_LENGTH)
    line = [*points[:-1], base]
    spline = [line[0]]
    for (ax, ay), (bx, by) in itertools.pairwise(line):
        spline += [
            (ax + (bx - ax) / 3, ay + (by - ay) / 3),
            (ax + 2 * (bx - ax) / 3, ay + 2 * (by - ay) / 3),
            (bx, by),
        ]
    tip = frame.to_gv(*points[-1])
    body = " ".join(f"{_num(x)},{_num(y)}" for x, y in (frame.to_gv(*p) for p in spline))
    return f"e,{_num(tip[0])},{_num(tip[1])} {body}"


def page_dot(
    routed: RoutedPage,
    *,
    font: str = "Arial",
    area: Box | None = None,
    extra: Sequence[str] = (),
    symbol_labels: dict[str, str] | None = None,
) -> str:
    """DOT text that draws one routed page exactly: pinned nodes, pinned arrows, labels.

    ``area`` is the part of the page drawn (default: the flow area, for the picture laid
    over the table's actor columns); ``extra`` adds node lines (lane headers on slides);
    ``symbol_labels`` writes text inside symbols by node id.
    """
    page = routed.page
    area = area or page.flow_area
    frame = _Frame(area)
    labels = symbol_labels or {}
    w, h = area.width, area.height
    lines = [
        f"digraph page{page.index + 1} {{",
        '  graph [pad=0, margin=0, bgcolor="white", outputorder=nodesfirst, '
        f'bb="0,0,{_num(w)},{_num(h)}"];',
        f"  node [fixedsize=true, penwidth=0.8, fontname={dot_string(font)}, fontsize=8, "
        'margin=0, label=""];',
        "  edge [penwidth=0.8, arrowsize=0.6, arrowhead=normal];",
        '  corner_a [shape=point, style=invis, width=0.0001, height=0.0001, pos="0,0!"];',
        f"  corner_b [shape=point, style=invis, width=0.0001, height=0.0001, "
        f'pos="{_num(w)},{_num(h)}!"];',
        *extra,
    ]
    for symbol in page.symbols:
        lines.append(
            _node(
                symbol.node, symbol.box, frame, _SHAPES[symbol.symbol], labels.get(symbol.node, "")
            )
        )
    for connector in page.connectors:
        lines.append(
            _node(connector.node, connector.box, frame, _SHAPES[Symbol.CONNECTOR], connector.letter)
        )
    for i, arrow in enumerate(routed.arrows):
        lines.append(
            f'  {arrow.spec.tail} -> {arrow.spec.head} [pos="{_spline(arrow.points, frame)}"];'
        )
        if arrow.label_at is not None:
            x, y = frame.to_gv(*arrow.label_at)
            label = dot_string(arrow.spec.label)
            lines.append(
                f"  label{i + 1} [shape=plaintext, fixedsize=false, width=0, height=0, fontsize="
                f'{_num(routed.label_size)}, pos="{_num(x)},{_num(y)}!", label={label}];'
            )
    lines.append("}")
    return "\n".join(lines) + "\n"


# --- running Graphviz --------------------------------------------------------------------------


def graphviz_program(name: str = "neato") -> str:
    """The path of a Graphviz program; ToolMissingError with the install command if absent."""
    path = shutil.which(name)
    if path is None:
        raise ToolMissingError(msg.GRAPHVIZ_MISSING)
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


def slide_dot(layout: ProcedureLayout, routed: RoutedPage, *, font: str = "Arial") -> str:
    """DOT text of a whole swimlane slide: title, lane headers and lanes, text in symbols."""
    page = routed.page
    area = Box(0.0, 0.0, layout.page_width, layout.page_height)
    frame = _Frame(area)
    extra: list[str] = []
    lanes_bottom = page.flow_area.bottom
    for cell in page.header:
        if cell.key is Span.TITLE:
            line = cell.lines[0] if cell.lines else None
            size = line.size if line else 14.0
            text = "\n".join(line.text for line in cell.lines)
            extra.append(
                _node(
                    "title",
                    cell.box,
                    frame,
                    f"shape=plaintext, fontname={dot_string(font + ' Bold')}, "
                    f"fontsize={_num(size)}, labeljust=l",
                    text,
                )
            )
            continue
        size = cell.lines[0].size if cell.lines else 10.0
        text = "\n".join(line.text for line in cell.lines)
        name = f"head_{cell.lane}"
        extra.append(
            _node(
                name,
                cell.box,
                frame,
                f'shape=box, style=filled, fillcolor="#D9E2F3", color="#7F7F7F", '
                f"fontname={dot_string(font + ' Bold')}, fontsize={_num(size)}",
                text,
            )
        )
        lane = Box(cell.box.x, cell.box.bottom, cell.box.width, lanes_bottom - cell.box.bottom)
        extra.append(_node(f"lane_{cell.lane}", lane, frame, 'shape=box, color="#7F7F7F"'))
    labels = {s.node: "\n".join(line.text for line in s.lines) for s in page.symbols if s.lines}
    size = layout.style.symbol_text_size
    dot = page_dot(routed, font=font, area=area, extra=extra, symbol_labels=labels)
    return dot.replace("fontsize=8, margin=0", f"fontsize={_num(size)}, margin=0", 1)
