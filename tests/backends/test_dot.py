"""DOT text (golden, escaped), Graphviz drawing, and what happens when Graphviz is missing."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from factories import seed_sop

from sopdoc.backends.dot import dot_string, page_dot, run_graphviz
from sopdoc.drawing.pages import route_page
from sopdoc.errors import SopdocError, ToolMissingError
from sopdoc.layout import layout_procedure
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
    dot = (
        "digraph g {\n"
        f'  a [shape=box, pos="10,10!", label={dot_string(text)}];\n'
        '  b [shape=box, pos="100,10!", label="b"];\n'
        "  a -> b;\n"
        "}\n"
    )
    graph = json.loads(run_graphviz(dot, fmt="json", what="uji"))
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
    dot = f'digraph g {{ a [shape=box, pos="50,20!", width=3, label={dot_string(text)}]; }}\n'
    svg = run_graphviz(dot, fmt="svg", what="uji").decode("utf-8")
    assert "&lt;b&gt;tebal&lt;/b&gt; &amp; &quot;kutip&quot; \\N" in svg


def test_graphviz_missing_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "")
    with pytest.raises(ToolMissingError) as caught:
        run_graphviz("digraph g {}", fmt="svg", what="uji")
    assert "sudo apt-get install graphviz" in caught.value.message
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
