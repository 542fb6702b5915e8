"""The swimlane flowcharts for sosialisasi slides: PNG, SVG, PDF, or one PPTX deck."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Final

from sopdoc import messages as msg
from sopdoc.errors import SopdocError
from sopdoc.flowchart import RoutedPage, route_layout, run_graphviz, slide_dot
from sopdoc.fonts import FontMetrics, metrics_for
from sopdoc.layout import ProcedureLayout, layout_swimlane
from sopdoc.model import Sop, Workbook
from sopdoc.output import atomic_path, write_atomic
from sopdoc.paths import safe_stem, unique_stems
from sopdoc.pdfdraw import HEADER_FILL, PageCanvas, draw_flow
from sopdoc.raster import pdf_to_pngs
from sopdoc.units import to_emu

FORMATS: Final = ("png", "svg", "pdf", "pptx")
#: Resolution of PNG pictures, for print-sharp slides.
PNG_DPI: Final = 300
#: Fixed document dates so that the same workbook gives the same files.
FIXED_TIME: Final = datetime(2020, 1, 1)


@dataclass(frozen=True)
class Diagram:
    """One SOP's swimlane pages, laid out and routed."""

    sop: Sop
    layout: ProcedureLayout
    pages: tuple[RoutedPage, ...]
    font: FontMetrics


@dataclass(frozen=True)
class Outcome:
    """What happened to one SOP: the files written, or why none were."""

    sop: Sop
    files: tuple[Path, ...] = ()
    error: str = ""


def select_sops(workbook: Workbook, wanted: Sequence[str]) -> list[Sop]:
    """The SOPs named by nomor or sheet (all when ``wanted`` is empty), in workbook order."""
    if not wanted:
        return list(workbook.sops)

    def key(text: str) -> str:
        return "".join(text.split()).casefold()

    chosen: list[Sop] = []
    for name in wanted:
        found = [s for s in workbook.sops if key(name) in (key(s.identity.nomor), key(s.sheet))]
        if not found:
            choices = "; ".join(f"{s.identity.nomor} ({s.sheet})" for s in workbook.sops)
            raise SopdocError(msg.SOP_NOT_FOUND.format(name=name, choices=choices))
        chosen.extend(s for s in found if s not in chosen)
    return [s for s in workbook.sops if s in chosen]


def diagram(sop: Sop) -> Diagram:
    """Lay out and route the slides of one SOP."""
    font = metrics_for(sop.agency.font)
    layout = layout_swimlane(sop, font=font)
    return Diagram(sop, layout, route_layout(layout, measure=font), font)


def page_names(stem: str, count: int, suffix: str) -> list[str]:
    """``stem.png`` for one page, ``stem-1.png``, ``stem-2.png``... for several."""
    if count == 1:
        return [f"{stem}.{suffix}"]
    return [f"{stem}-{i}.{suffix}" for i in range(1, count + 1)]


def render_images(d: Diagram, fmt: str) -> list[bytes]:
    """Every slide page as PNG (300 dpi, rasterized from the slides' vector PDF by PDFium) or
    as SVG (drawn by Graphviz from the pinned DOT)."""
    if fmt == "png":
        return pdf_to_pngs(render_pdf(d), dpi=PNG_DPI)
    return [render_svg(d, page) for page in d.pages]


def render_svg(d: Diagram, page: RoutedPage) -> bytes:
    """One slide page as SVG, drawn by Graphviz."""
    dot = slide_dot(d.layout, page, font=d.sop.agency.font)
    what = f"{d.sop.identity.nomor} halaman {page.page.index + 1}"
    return run_graphviz(dot, fmt="svg", what=what)


def render_pdf(d: Diagram) -> bytes:
    """All slide pages of one SOP as one vector PDF, fonts embedded."""
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(
        buffer,
        pagesize=(d.layout.page_width, d.layout.page_height),
        invariant=True,
        pageCompression=1,
        initialFontName=d.font.font_name(),  # no unembedded Helvetica in the file
    )
    canvas.setTitle(d.sop.identity.nama)
    canvas.setSubject(d.sop.identity.nomor)
    canvas.setAuthor(d.sop.agency.unit or (d.sop.header[-1] if d.sop.header else ""))
    canvas.setCreator("sopdoc")
    page_canvas = PageCanvas(canvas, page_height=d.layout.page_height, font=d.font)
    for routed in d.pages:
        canvas.setLineWidth(0.6)
        canvas.setStrokeColorRGB(0.5, 0.5, 0.5)
        for cell in routed.page.header:
            if cell.key == "title":
                for line in cell.lines:
                    page_canvas.text(line)
                continue
            page_canvas.cell(cell, fill=HEADER_FILL)
            lane = cell.box
            page_canvas.polyline(
                [
                    (lane.x, lane.bottom),
                    (lane.x, routed.page.flow_area.bottom),
                    (lane.right, routed.page.flow_area.bottom),
                    (lane.right, lane.bottom),
                ]
            )
        draw_flow(page_canvas, routed)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def write_pptx(diagrams: Sequence[Diagram], path: Path) -> None:
    """One deck: a title slide per SOP, then one slide per flowchart page, picture filling it."""
    from pptx import Presentation
    from pptx.util import Emu

    deck = Presentation()
    if diagrams:
        deck.slide_width = Emu(to_emu(diagrams[0].layout.page_width))
        deck.slide_height = Emu(to_emu(diagrams[0].layout.page_height))
    deck.core_properties.title = msg.PPTX_TITLE
    deck.core_properties.author = "sopdoc"
    deck.core_properties.created = FIXED_TIME
    deck.core_properties.modified = FIXED_TIME
    deck.core_properties.last_modified_by = "sopdoc"
    for d in diagrams:
        slide = deck.slides.add_slide(deck.slide_layouts[0])
        title, subtitle = slide.shapes.title, slide.placeholders[1]
        title.text = d.sop.identity.nama
        unit = d.sop.header[-1] if d.sop.header else d.sop.agency.unit
        subtitle.text = f"{d.sop.identity.nomor}\n{unit}"
        for shape in (title, subtitle):  # the default template is 4:3: centre on 16:9
            shape.left = Emu(deck.slide_width // 12)
            shape.width = Emu(deck.slide_width * 10 // 12)
        for png in render_images(d, "png"):
            slide = deck.slides.add_slide(deck.slide_layouts[6])
            picture = io.BytesIO(png)
            slide.shapes.add_picture(
                picture, 0, 0, width=deck.slide_width, height=deck.slide_height
            )
    with atomic_path(path) as temp:
        deck.save(str(temp))


def export_flowcharts(
    workbook: Workbook, *, sops: Sequence[Sop], fmt: str, out_dir: Path
) -> list[Outcome]:
    """Write the flowcharts of ``sops`` in ``fmt``; an SOP that fails does not stop the rest."""
    if fmt not in FORMATS:
        raise SopdocError(msg.FORMAT_INVALID.format(value=fmt, choices=", ".join(FORMATS)))
    stems = unique_stems(safe_stem(s.identity.nomor or s.sheet) for s in sops)
    outcomes: list[Outcome] = []
    diagrams: list[Diagram] = []
    for sop, stem in zip(sops, stems, strict=True):
        if not workbook.is_drawable(sop):
            first = next(
                (p for p in workbook.problems_of(sop) if p.severity.value == "error"), None
            )
            reason = msg.SOP_HAS_ERRORS.format(problem=str(first) if first else "")
            outcomes.append(Outcome(sop, error=reason))
            continue
        try:
            d = diagram(sop)
            files: list[Path] = []
            if fmt in ("png", "svg"):
                names = page_names(stem, len(d.pages), fmt)
                for data, name in zip(render_images(d, fmt), names, strict=True):
                    path = out_dir / name
                    write_atomic(path, data)
                    files.append(path)
            elif fmt == "pdf":
                path = out_dir / f"{stem}.pdf"
                write_atomic(path, render_pdf(d))
                files.append(path)
            else:
                diagrams.append(d)
            outcomes.append(Outcome(sop, tuple(files)))
        except SopdocError as error:
            outcomes.append(Outcome(sop, error=error.message))
    if fmt == "pptx" and diagrams:
        path = out_dir / f"{safe_stem(Path(workbook.path).stem, fallback='sop')}-diagram-alir.pptx"
        try:
            write_pptx(diagrams, path)
        except SopdocError as error:
            return [Outcome(o.sop, error=o.error or error.message) for o in outcomes]
        outcomes = [Outcome(o.sop, (path,)) if not o.error else o for o in outcomes]
    return outcomes
