"""What the preview shows and offers of one SOP, made by the build layer in worker processes."""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Final

from sopdoc.errors import SopdocError
from sopdoc.files import write_atomic
from sopdoc.model import Sop, Workbook
from sopdoc.publish.documents import build_sop, page_pictures
from sopdoc.publish.flowcharts import export_flowcharts

#: Resolution of the page and slide pictures on screen.
SCREEN_DPI: Final = 100
#: What a download link can ask for, and the file each one is in its SOP's folder.
DOWNLOADS: Final = ("docx", "pdf", "pptx")


@dataclass(frozen=True)
class Picture:
    """One PNG in an SOP's folder, with its size in pixels (for a page that does not jump)."""

    name: str
    width: int
    height: int


@dataclass(frozen=True)
class View:
    """The pictures of one SOP: its document pages (identity and procedure) and its slides."""

    pages: tuple[Picture, ...]
    slides: tuple[Picture, ...]


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height of a PNG, from its IHDR chunk."""
    width, height = struct.unpack(">II", data[16:24])
    return int(width), int(height)


def _pictures(pdf: bytes, *, folder: Path, prefix: str) -> tuple[Picture, ...]:
    pictures = []
    for number, data in enumerate(page_pictures(pdf, dpi=SCREEN_DPI), start=1):
        name = f"{prefix}-{number}.png"
        write_atomic(folder / name, data)
        pictures.append(Picture(name, *png_size(data)))
    return tuple(pictures)


def _alone(sop: Sop) -> Workbook:
    """A workbook of this SOP alone, for the build functions that take one."""
    return Workbook(path=PurePath("pratinjau.xlsx"), agency=sop.agency, sops=(sop,))


def _one_file(sop: Sop, *, fmt: str, folder: Path) -> Path:
    """The slides of one SOP in ``fmt`` (pdf or pptx), written under ``folder``."""
    (outcome,) = export_flowcharts(_alone(sop), sops=[sop], fmt=fmt, out_dir=folder)
    if outcome.error:
        raise SopdocError(outcome.error)
    return outcome.files[0]


def render_view(sop: Sop, *, folder: Path) -> View:
    """Write the document's PDF and the page and slide pictures of ``sop`` into ``folder``."""
    (pdf,) = build_sop(sop, formats=("pdf",), out_dir=folder, stem="dokumen")
    pages = _pictures(pdf.read_bytes(), folder=folder, prefix="halaman")
    slides_pdf = _one_file(sop, fmt="pdf", folder=folder / "slide")
    slides = _pictures(slides_pdf.read_bytes(), folder=folder, prefix="slide")
    return View(pages=pages, slides=slides)


def render_download(sop: Sop, *, fmt: str, folder: Path) -> Path:
    """The DOCX, PDF or PPTX of ``sop`` in ``folder`` (written when not there yet)."""
    if fmt == "pptx":
        target = folder / "slide.pptx"
        if not target.is_file():
            write_atomic(target, _one_file(sop, fmt="pptx", folder=folder / "pptx").read_bytes())
        return target
    target = folder / f"dokumen.{fmt}"
    if not target.is_file():
        build_sop(sop, formats=(fmt,), out_dir=folder, stem="dokumen")
    return target
