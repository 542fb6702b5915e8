"""PNG pictures of our own vector PDF drawings, rasterized by PDFium."""

from __future__ import annotations

import ctypes
import math
import struct
from typing import Final

import pypdfium2
import pypdfium2.raw as pdfium
from isal import isal_zlib

from sopdoc.units import Pt

#: Deflate level of the picture data (ISA-L's levels are 0-3). A 4000x2250 slide takes 7 ms at
#: level 2 where zlib takes 40 ms at its fastest level, for a file of the same size (~400 KB).
COMPRESSION: Final = 2
_SIGNATURE: Final = b"\x89PNG\r\n\x1a\n"
#: Clear white, as PDFium's ARGB fill colour.
_CLEAR_WHITE: Final = 0x00FFFFFF


def _chunk(kind: bytes, body: bytes) -> bytes:
    crc = isal_zlib.crc32(body, isal_zlib.crc32(kind))
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)


def png_file(scanlines: memoryview, *, width: int, height: int, alpha: bool, dpi: int) -> bytes:
    """A PNG of 8-bit RGB or RGBA ``scanlines`` as PNG stores them: each row led by its filter
    type byte (0, none); the resolution is recorded in a pHYs chunk."""
    per_metre = round(dpi / 0.0254)
    header = struct.pack(">IIBBBBB", width, height, 8, 6 if alpha else 2, 0, 0, 0)
    return b"".join(
        (
            _SIGNATURE,
            _chunk(b"IHDR", header),
            _chunk(b"pHYs", struct.pack(">IIB", per_metre, per_metre, 1)),
            _chunk(b"IDAT", isal_zlib.compress(scanlines, COMPRESSION)),
            _chunk(b"IEND", b""),
        )
    )


def pixels_for(length: Pt, dpi: int) -> int:
    """Whole pixels covering ``length`` points at ``dpi``."""
    return max(1, round(length * dpi / 72))


class _Canvas:
    """A PDFium bitmap, reused page after page, that holds PNG's scanlines.

    Opaque, it is laid out in memory as PNG stores the picture: each row one byte after the
    previous one ends, that byte being the row's filter type (0), so what PDFium draws is
    the PNG's picture data without a copy. With alpha the rows are 4-byte aligned, as PDFium
    draws 32-bit pixels only there, and copied out behind their filter bytes.
    """

    def __init__(self, width: int, height: int, *, alpha: bool) -> None:
        self.width, self.height, self.alpha = width, height, alpha
        self.row = width * (4 if alpha else 3)
        self.stride = self.row if alpha else self.row + 1
        self.size = (self.row + 1) * height  # of the scanlines
        self._buffer = (ctypes.c_ubyte * (self.stride * height + 1))()
        kind = pdfium.FPDFBitmap_BGRA if alpha else pdfium.FPDFBitmap_BGR
        first_row = ctypes.cast(ctypes.byref(self._buffer, 0 if alpha else 1), ctypes.c_void_p)
        self._bitmap = pdfium.FPDFBitmap_CreateEx(width, height, kind, first_row, self.stride)
        if not self._bitmap:
            raise MemoryError(f"PDFium could not make a {width}x{height} bitmap")

    def draw(self, page: pypdfium2.PdfPage) -> memoryview:
        """``page`` drawn over white (clear white with alpha) at the canvas's size; returns
        its scanlines."""
        memory = memoryview(self._buffer).cast("B")
        if self.alpha:
            pdfium.FPDFBitmap_FillRect(self._bitmap, 0, 0, self.width, self.height, _CLEAR_WHITE)
        else:  # white everywhere at memset speed; the filter bytes are set below
            ctypes.memset(self._buffer, 0xFF, self.size)
        flags = pdfium.FPDF_ANNOT | pdfium.FPDF_REVERSE_BYTE_ORDER  # RGB(A), as PNG stores it
        pdfium.FPDF_RenderPageBitmap(
            self._bitmap, page.raw, 0, 0, self.width, self.height, 0, flags
        )
        if not self.alpha:
            scanlines = memory[: self.size]
            scanlines[:: self.stride] = bytes(self.height)
            return scanlines
        copy = bytearray(self.size)
        for y in range(self.height):
            start = y * (self.row + 1) + 1
            copy[start : start + self.row] = memory[y * self.row : (y + 1) * self.row]
        return memoryview(copy)

    def close(self) -> None:
        pdfium.FPDFBitmap_Destroy(self._bitmap)


def pdf_to_pngs(pdf: bytes, *, dpi: int, transparent: bool = False) -> list[bytes]:
    """Every page of ``pdf`` as a PNG of ``dpi`` (white, or transparent where nothing is drawn)."""
    document = pypdfium2.PdfDocument(pdf)
    canvas: _Canvas | None = None
    try:
        pictures = []
        for index in range(len(document)):
            page = document[index]
            try:
                width_pt, height_pt = page.get_size()
                width = pixels_for(width_pt, dpi)
                # PDFium rounds the page's size up: aim a hair under the whole pixel count.
                scale = (width - 1e-3) / width_pt
                size = math.ceil(width_pt * scale), math.ceil(height_pt * scale)
                if canvas is None or (canvas.width, canvas.height) != size:
                    if canvas is not None:
                        canvas.close()
                    canvas = _Canvas(*size, alpha=transparent)
                scanlines = canvas.draw(page)
                pictures.append(
                    png_file(scanlines, width=size[0], height=size[1], alpha=transparent, dpi=dpi)
                )
            finally:
                page.close()
        return pictures
    finally:
        if canvas is not None:
            canvas.close()
        document.close()
