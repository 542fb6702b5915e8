"""Building the documents of a workbook: every format asked for, one SOP at a time."""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Final

from sopdoc import messages as msg
from sopdoc.drawing.document import Document, diagram, prepare
from sopdoc.errors import SopdocError
from sopdoc.files import write_atomic
from sopdoc.model import Sop, Workbook
from sopdoc.publish.paths import BOOK_SUFFIX, DIAGRAM_SUFFIX, workbook_stem

FORMATS: Final = ("docx", "pdf", "png", "svg")
#: Resolution of the flowchart pictures in the DOCX.
PICTURE_DPI: Final = 300
DEFAULT_FORMATS: Final = ("docx", "pdf")
#: The modules each format needs, imported only when it is asked for: a PDF-only build never
#: loads python-docx (about 0.2 s), python-pptx or PDFium.
_MODULES: Final = {
    "docx": ("sopdoc.backends.docx.document", "sopdoc.backends.pdf.canvas", "sopdoc.backends.png"),
    "pdf": ("sopdoc.backends.pdf.document",),
    "png": ("sopdoc.publish.flowcharts", "sopdoc.backends.pdf.slides", "sopdoc.backends.png"),
    "svg": ("sopdoc.publish.flowcharts", "sopdoc.backends.dot"),
}


def preload(formats: Sequence[str]) -> None:
    """Import what ``formats`` need now, once: before worker processes start (they share it)
    or in each worker before its first SOP."""
    for fmt in formats:
        for name in _MODULES.get(fmt, ()):
            importlib.import_module(name)


def require_tools(formats: Iterable[str]) -> None:
    """Before anything is written: ToolMissingError (exit 3, saying how to install it on this
    system) when a program ``formats`` need is missing. Only SVG needs one, Graphviz."""
    if "svg" in formats:
        from sopdoc.backends.dot import graphviz_program

        graphviz_program()


def check_template(template: Path | None) -> None:
    """SopdocError, before anything is written, when ``--template`` names no file or a file
    that is not a Word document."""
    if template is None:
        return
    if not template.is_file():
        raise SopdocError(msg.TEMPLATE_MISSING.format(path=template))
    from sopdoc.backends.docx.package import empty_document

    empty_document(template)


def parse_formats(text: str) -> tuple[str, ...]:
    """``"pdf,png"`` -> ``("pdf", "png")``; SopdocError naming the bad value and the choices."""
    chosen: list[str] = []
    for part in text.split(","):
        fmt = part.strip().lower()
        if not fmt:
            continue
        if fmt not in FORMATS:
            raise SopdocError(msg.FORMAT_INVALID.format(value=fmt, choices=", ".join(FORMATS)))
        if fmt not in chosen:
            chosen.append(fmt)
    if not chosen:
        raise SopdocError(msg.FORMAT_INVALID.format(value=text, choices=", ".join(FORMATS)))
    return tuple(chosen)


def flow_pictures(document: Document) -> list[bytes]:
    """The flowchart of each procedure page as a transparent PNG for the DOCX: drawn once as
    vectors by the PDF backend, rasterized at once by PDFium."""
    from sopdoc.backends.pdf.canvas import flow_pdf
    from sopdoc.backends.png import pdf_to_pngs

    if not document.pages:
        return []
    pdf = flow_pdf(document.pages, font=document.font)
    return pdf_to_pngs(pdf, dpi=PICTURE_DPI, transparent=True)


def page_pictures(pdf: bytes, *, dpi: int) -> list[bytes]:
    """Every page of a PDF sopdoc wrote as a PNG of ``dpi`` (the pratinjau's pictures)."""
    from sopdoc.backends.png import pdf_to_pngs

    return pdf_to_pngs(pdf, dpi=dpi)


def read_logo(sop: Sop) -> bytes | None:
    """The logo file's bytes; None without a logo, or when the file the reader checked has
    vanished or become unreadable since: the documents then print without it."""
    if sop.agency.logo is None:
        return None
    try:
        return Path(sop.agency.logo).read_bytes()
    except OSError:
        return None


def read_document(sop: Sop) -> Document:
    """One SOP's document laid out and routed, with its logo's bytes."""
    return prepare(sop, logo=read_logo(sop))


def build_sop(
    sop: Sop,
    *,
    formats: Sequence[str],
    out_dir: Path,
    stem: str,
    template: Path | None = None,
    locked: bool = False,
) -> tuple[Path, ...]:
    """Write one SOP in every format; raises SopdocError when it cannot be drawn. The DOCX
    flowcharts are Word shapes, or with ``locked`` pictures staff cannot edit."""
    preload(formats)
    files: list[Path] = []
    document = read_document(sop) if {"docx", "pdf"} & set(formats) else None
    if document is not None and "docx" in formats:
        from sopdoc.backends.docx.document import render_docx

        path = out_dir / f"{stem}.docx"
        pictures = flow_pictures(document) if locked else None
        write_atomic(path, render_docx(document, pictures=pictures, template=template))
        files.append(path)
    if document is not None and "pdf" in formats:
        from sopdoc.backends.pdf.document import render_pdf

        path = out_dir / f"{stem}.pdf"
        write_atomic(path, render_pdf(document))
        files.append(path)
    images = [f for f in formats if f in ("png", "svg")]
    if images:
        from sopdoc.publish.flowcharts import write_images

        slides = diagram(sop)
        for fmt in images:
            files += write_images(slides, fmt, stem=f"{stem}{DIAGRAM_SUFFIX}", out_dir=out_dir)
    return tuple(files)


def book_year(sops: Sequence[Sop]) -> int:
    """The year on the book's cover: of the latest date written in its SOPs."""
    dates = [
        d
        for s in sops
        for d in (
            s.identity.tanggal_revisi,
            s.identity.tanggal_efektif,
            s.identity.tanggal_pembuatan,
        )
        if d is not None
    ]
    return max(dates).year if dates else date.today().year


def write_book(
    workbook: Workbook,
    sops: Sequence[Sop],
    *,
    folder: Path,
    template: Path | None = None,
    locked: bool = False,
) -> tuple[Path, Path]:
    """The Buku SOP of a workbook as ``<workbook>-buku-sop.pdf`` and ``.docx`` in ``folder``.

    The DOCX Daftar Isi shows the PDF's page numbers until Word or LibreOffice updates its
    PAGEREF fields.
    """
    from sopdoc.backends.docx.book import render_book_docx
    from sopdoc.backends.pdf.book import render_book_pdf

    documents = [read_document(s) for s in sops]
    year = book_year(sops)
    data, starts = render_book_pdf(documents, year=year)
    stem = f"{workbook_stem(workbook.path)}{BOOK_SUFFIX}"
    pdf, docx = folder / f"{stem}.pdf", folder / f"{stem}.docx"
    write_atomic(pdf, data)
    pictures = [flow_pictures(d) for d in documents] if locked else None
    book = render_book_docx(
        documents, pictures=pictures, year=year, starts=starts, template=template
    )
    write_atomic(docx, book)
    return pdf, docx
