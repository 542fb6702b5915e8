"""The swimlane flowcharts for sosialisasi slides: PNG, SVG, PDF, or one PPTX deck."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Final

from sopdoc import messages as msg
from sopdoc.drawing.document import Diagram, diagram
from sopdoc.drawing.pages import RoutedPage
from sopdoc.errors import SopdocError, ToolMissingError
from sopdoc.files import write_atomic
from sopdoc.model import Sop, Workbook
from sopdoc.publish.documents import require_tools
from sopdoc.publish.outcome import Outcome, cannot_draw
from sopdoc.publish.paths import DIAGRAM_SUFFIX, page_names, sop_stems, workbook_stem

FORMATS: Final = ("png", "svg", "pdf", "pptx")
#: Resolution of PNG pictures, for print-sharp slides.
PNG_DPI: Final = 300


def find_named(name: str, sops: Sequence[tuple[str, str]]) -> list[int]:
    """The positions of the SOPs (nomor, sheet) that ``name``, as a user types it, names by
    nomor or sheet (spaces and case aside); SopdocError listing every SOP when none is."""

    def key(text: str) -> str:
        return "".join(text.split()).casefold()

    found = [i for i, (nomor, sheet) in enumerate(sops) if key(name) in (key(nomor), key(sheet))]
    if not found:
        choices = "; ".join(f"{nomor} ({sheet})" for nomor, sheet in sops)
        raise SopdocError(msg.SOP_NOT_FOUND.format(name=name, choices=choices))
    return found


def select_sops(workbook: Workbook, wanted: Sequence[str]) -> list[Sop]:
    """The SOPs named by nomor or sheet (all when ``wanted`` is empty), in workbook order."""
    if not wanted:
        return list(workbook.sops)
    names = [(s.identity.nomor, s.sheet) for s in workbook.sops]
    chosen = {i for name in wanted for i in find_named(name, names)}
    return [s for i, s in enumerate(workbook.sops) if i in chosen]


def render_images(d: Diagram, fmt: str) -> list[bytes]:
    """Every slide page as PNG (300 dpi, rasterized from the slides' vector PDF by PDFium) or
    as SVG (drawn by Graphviz from the pinned DOT)."""
    if fmt == "png":
        from sopdoc.backends.pdf.slides import render_slides_pdf
        from sopdoc.backends.png import pdf_to_pngs

        return pdf_to_pngs(render_slides_pdf(d, compress=False), dpi=PNG_DPI)
    return [render_svg(d, page) for page in d.pages]


def write_images(d: Diagram, fmt: str, *, stem: str, out_dir: Path) -> list[Path]:
    """Every slide page as a PNG or SVG file named after ``stem``; returns their paths."""
    files = []
    names = page_names(stem, len(d.pages), fmt)
    for data, name in zip(render_images(d, fmt), names, strict=True):
        path = out_dir / name
        write_atomic(path, data)
        files.append(path)
    return files


def render_svg(d: Diagram, page: RoutedPage) -> bytes:
    """One slide page as SVG, drawn by Graphviz."""
    from sopdoc.backends.dot import run_graphviz, slide_dot

    dot = slide_dot(d.layout, page, font=d.sop.agency.font)
    what = f"{d.sop.identity.nomor} halaman {page.page.index + 1}"
    return run_graphviz(dot, fmt="svg", what=what)


def export_flowcharts(
    workbook: Workbook, *, sops: Sequence[Sop], fmt: str, out_dir: Path
) -> list[Outcome]:
    """Write the flowcharts of ``sops`` in ``fmt``; an SOP that fails does not stop the rest."""
    if fmt not in FORMATS:
        raise SopdocError(msg.FORMAT_INVALID.format(value=fmt, choices=", ".join(FORMATS)))
    require_tools([fmt])
    stem_of = sop_stems(workbook)
    outcomes: list[Outcome] = []
    diagrams: list[Diagram] = []
    for sop in sops:
        stem = stem_of[sop.key]
        failed = cannot_draw(workbook, sop)
        if failed is not None:
            outcomes.append(failed)
            continue
        try:
            d = diagram(sop)
            files: list[Path] = []
            if fmt in ("png", "svg"):
                files += write_images(d, fmt, stem=stem, out_dir=out_dir)
            elif fmt == "pdf":
                from sopdoc.backends.pdf.slides import render_slides_pdf

                path = out_dir / f"{stem}.pdf"
                write_atomic(path, render_slides_pdf(d))
                files.append(path)
            else:
                diagrams.append(d)
            outcomes.append(Outcome(sop, tuple(files)))
        except ToolMissingError:
            raise
        except SopdocError as error:
            outcomes.append(Outcome(sop, error=error.message))
    if fmt == "pptx" and diagrams:
        from sopdoc.backends.pptx import render_pptx

        path = out_dir / f"{workbook_stem(workbook.path)}{DIAGRAM_SUFFIX}.pptx"
        try:
            write_atomic(path, render_pptx(diagrams))
        except SopdocError as error:
            return [Outcome(o.sop, error=o.error or error.message) for o in outcomes]
        outcomes = [Outcome(o.sop, (path,)) if not o.error else o for o in outcomes]
    return outcomes
