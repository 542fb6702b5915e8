"""DOCX and PPTX per SOP, in process: time (best of 3) and size, flowcharts as shapes and as
the locked DOCX picture. Usage: python -m bench.office_shapes WORKBOOK.xlsx"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from sopdoc.backends.docx.document import render_docx
from sopdoc.backends.pptx import render_pptx
from sopdoc.drawing.document import Diagram, Document, diagram, prepare
from sopdoc.publish.documents import flow_pictures
from sopdoc.workbook import read_workbook


def _best(make: Callable[[], bytes], runs: int = 3) -> tuple[float, int]:
    times, size = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        size = len(make())
        times.append(time.perf_counter() - start)
    return min(times), size


def _report(name: str, figures: Sequence[tuple[float, int]]) -> None:
    ms = statistics.mean(t for t, _ in figures) * 1000
    kb = statistics.mean(s for _, s in figures) / 1024
    print(f"{name}: {ms:.0f} ms and {kb:.0f} KB per SOP")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("workbook", type=Path)
    args = parser.parse_args()
    sops = read_workbook(args.workbook).sops
    documents: list[Document] = [prepare(s) for s in sops]
    diagrams: list[Diagram] = [diagram(s) for s in sops]

    def shapes(d: Document) -> Callable[[], bytes]:
        return lambda: render_docx(d)

    def picture(d: Document) -> Callable[[], bytes]:
        return lambda: render_docx(d, pictures=flow_pictures(d))

    def deck(d: Diagram) -> Callable[[], bytes]:
        return lambda: render_pptx([d])

    _report("DOCX, shapes", [_best(shapes(d)) for d in documents])
    _report("DOCX, locked picture (--gambar-terkunci)", [_best(picture(d)) for d in documents])
    _report("PPTX, shapes", [_best(deck(d)) for d in diagrams])


if __name__ == "__main__":
    main()
