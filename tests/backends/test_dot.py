"""DOT (golden, escaped), the SVG Graphviz draws from it read back, and what happens when
Graphviz is missing or stuck."""

from __future__ import annotations

import json
import os
import re
import sys
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import graphviz  # type: ignore[import-untyped]
import pytest
from factories import big_sop, seed_sop

from sopdoc.backends.dot import dot_label, page_dot, run_graphviz, slide_dot
from sopdoc.drawing.document import diagram, prepare
from sopdoc.drawing.pages import RoutedPage, route_page
from sopdoc.drawing.scene import Label, Polyline, Shape
from sopdoc.errors import SopdocError, ToolMissingError
from sopdoc.layout import Box, layout_procedure
from sopdoc.layout.fonts import FontMetrics

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "seed-page1.dot"
HOSTILE = [
    'Kutip "ganda" dan \\ garis miring',
    '"]; node [shape=star, label="diretas"]; x [label="',
    "<b>tebal</b> & <font color=red>merah</font> &amp; &lt;",
    "kurung {kurawal} [siku] ; titik koma",
    "\\N \\G \\l \\r \\E baris\nbaru",
    "emoji 👩‍💻 dan 日本語 ✓ – —",
]


def seed_dot(font: FontMetrics) -> str:
    layout = layout_procedure(seed_sop(), font=font)
    return page_dot(route_page(layout.pages[0], lanes=layout.lanes, measure=font))


def test_seed_page_dot_matches_golden(font: FontMetrics) -> None:
    dot = seed_dot(font)
    if os.environ.get("SOPDOC_UPDATE_GOLDEN"):
        GOLDEN.write_text(dot, encoding="utf-8")
    assert dot == GOLDEN.read_text(encoding="utf-8")


def test_dot_is_deterministic(font: FontMetrics) -> None:
    assert seed_dot(font) == seed_dot(font)


def test_svg_is_byte_identical_between_runs(font: FontMetrics) -> None:
    dot = seed_dot(font)
    first = run_graphviz(dot, fmt="svg", what="uji")
    assert first == run_graphviz(dot, fmt="svg", what="uji")
    assert b"<svg" in first


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_stays_one_label(text: str) -> None:
    dot = graphviz.Digraph("g")
    dot.node("a", dot_label(text), shape="box", pos="10,10!")
    dot.node("b", "b", shape="box", pos="100,10!")
    dot.edge("a", "b")
    graph = json.loads(run_graphviz(dot.source, fmt="json", what="uji"))
    names = sorted(obj["name"] for obj in graph["objects"])
    assert names == ["a", "b"]
    assert len(graph["edges"]) == 1
    label = next(o for o in graph["objects"] if o["name"] == "a")["label"]
    # Graphviz hands back the label as written in DOT: unescaping it gives the text back.
    assert label.replace("\\n", "\n").replace('\\"', '"').replace("\\\\", "\\").replace(
        "&amp;", "&"
    ) == text.replace("\r", "")
    assert all(o.get("shape") != "star" for o in graph["objects"])


def test_hostile_text_draws_literally_in_svg() -> None:
    text = '<b>tebal</b> & "kutip" \\N'
    dot = graphviz.Digraph("g")
    dot.node("a", dot_label(text), shape="box", pos="50,20!", width="3")
    svg = run_graphviz(dot.source, fmt="svg", what="uji").decode("utf-8")
    assert "&lt;b&gt;tebal&lt;/b&gt; &amp; &quot;kutip&quot; \\N" in svg


def test_hostile_names_on_a_slide_stay_text(font: FontMetrics) -> None:
    """Title and actor names from the workbook go through the package's quoting."""
    sop = seed_sop()
    actors = tuple(replace(a, name=HOSTILE[i % len(HOSTILE)]) for i, a in enumerate(sop.actors))
    sop = replace(sop, actors=actors, identity=replace(sop.identity, nama=HOSTILE[1]))
    d = diagram(sop)
    graph = json.loads(run_graphviz(slide_dot(d.layout, d.pages[0]), fmt="json", what="uji"))
    names = {o["name"] for o in graph["objects"]}
    assert "x" not in names
    assert all(o.get("shape") != "star" for o in graph["objects"])
    assert len(graph["edges"]) == len(d.pages[0].scene.polylines)


# --- the SVG draws the scene where the layout puts it ------------------------------------------

SVG = "{http://www.w3.org/2000/svg}"


def svg_groups(svg: bytes) -> tuple[dict[str, list[tuple[float, float]]], float]:
    """Each node's and edge's points (page coordinates of the drawn area), by title."""
    root = ET.fromstring(svg)
    graph = root.find(f"{SVG}g")
    assert graph is not None
    shift = float(re.findall(r"translate\([-\d.]+ ([-\d.]+)\)", graph.attrib["transform"])[0])
    groups: dict[str, list[tuple[float, float]]] = {}
    for g in graph.findall(f"{SVG}g"):
        title = g.find(f"{SVG}title")
        assert title is not None
        assert title.text is not None
        numbers: list[str] = []
        for shape in g:
            if shape.tag in (f"{SVG}polygon", f"{SVG}polyline"):
                numbers += re.findall(r"-?[\d.]+", shape.attrib["points"])
            elif shape.tag == f"{SVG}path":
                numbers += re.findall(r"-?[\d.]+", shape.attrib["d"])
            elif shape.tag == f"{SVG}text":
                numbers += [shape.attrib["x"], shape.attrib["y"]]
        values = [float(n) for n in numbers]
        groups[title.text] = [
            (x, y + shift) for x, y in zip(values[::2], values[1::2], strict=True)
        ]
    return groups, shift


def check_svg(routed: RoutedPage, svg: bytes, area: Box) -> None:
    groups, _ = svg_groups(svg)
    near = 0.1  # Graphviz writes 2 decimals and shifts the picture by 0.01 pt

    def local(x: float, y: float) -> tuple[float, float]:
        return (x - area.x, y - area.y)

    for index, item in enumerate(routed.scene.items, start=1):
        if isinstance(item, Shape):
            points = groups[item.node.name]
            xs, ys = [p[0] for p in points], [p[1] for p in points]
            x0, y0 = local(item.box.x, item.box.y)
            x1, y1 = local(item.box.right, item.box.bottom)
            assert min(xs) == pytest.approx(x0, abs=near), item
            assert max(xs) == pytest.approx(x1, abs=near), item
            assert max(ys) == pytest.approx(y1, abs=near), item
            if item.kind == "connector":  # Graphviz's invhouse keeps a little under the top
                assert y0 - near <= min(ys) <= y0 + 0.1 * item.box.height, item
            else:
                assert min(ys) == pytest.approx(y0, abs=near), item
        elif isinstance(item, Polyline) and item.arrow is not None:
            assert item.arrowhead is not None
            title = f"{item.arrow.tail.name}->{item.arrow.head.name}"
            points = groups[title]
            assert points[0] == pytest.approx(local(*item.points[0]), abs=near)
            # Graphviz draws its own arrowhead (a little narrower), from the base to the tip.
            assert any(p == pytest.approx(local(*item.arrowhead.tip), abs=near) for p in points)
            base = local(*item.arrowhead.base)
            assert points[-4][1] == points[-2][1] or points[-4][0] == points[-2][0]
            middle = ((points[-4][0] + points[-2][0]) / 2, (points[-4][1] + points[-2][1]) / 2)
            assert middle == pytest.approx(base, abs=near)
        elif isinstance(item, Label):
            ((x, baseline),) = groups[f"label{index}"]
            # Graphviz centres the text itself: within a point of the font's baseline.
            assert x == pytest.approx(local(item.box.center_x, 0)[0], abs=near)
            assert baseline == pytest.approx(local(0, item.line.baseline)[1], abs=1.0)


def test_the_svg_draws_every_node_and_arrow_where_the_layout_puts_them() -> None:
    for sop in (seed_sop(), big_sop(steps=25, actors=4, seed=3)):
        document = prepare(sop)
        for routed in document.pages:
            svg = run_graphviz(page_dot(routed), fmt="svg", what="uji")
            check_svg(routed, svg, routed.page.flow_area)
        d = diagram(sop)
        for routed in d.pages:
            svg = run_graphviz(slide_dot(d.layout, routed), fmt="svg", what="uji")
            check_svg(routed, svg, Box(0.0, 0.0, d.layout.page_width, d.layout.page_height))


@pytest.mark.parametrize(
    ("platform", "install"),
    [
        ("win32", "winget install graphviz"),
        ("darwin", "brew install graphviz"),
        ("linux", "sudo apt-get install graphviz"),  # this machine is Debian
    ],
)
def test_graphviz_missing_says_how_to_install_it_on_the_users_system(
    monkeypatch: pytest.MonkeyPatch, platform: str, install: str
) -> None:
    monkeypatch.setenv("PATH", "")
    monkeypatch.setattr(sys, "platform", platform)
    with pytest.raises(ToolMissingError) as caught:
        run_graphviz("digraph g {}", fmt="svg", what="uji")
    assert install in caught.value.message
    assert "SVG" in caught.value.message  # the only format that needs it
    assert caught.value.exit_code == 3


def test_stuck_graphviz_is_stopped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = tmp_path / "neato"
    fake.write_text("#!/bin/sh\nexec /bin/sleep 30\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(SopdocError, match="dihentikan"):
        run_graphviz("digraph g {}", fmt="svg", what="halaman 1", timeout=0.5)


def test_graphviz_error_is_reported(tmp_path: Path) -> None:
    with pytest.raises(SopdocError, match="Graphviz gagal"):
        run_graphviz("digraph g { a -> }", fmt="svg", what="halaman 1")
