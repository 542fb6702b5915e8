"""PNG pictures of our own vector PDF drawings, rasterized by PDFium."""

from __future__ import annotations

import ctypes
import math
import struct
from typing import Final

import pypdfium2
import pypdfium2.raw as pdfium

from sopdoc.units import Pt

try:  # ISA-L's deflate: 6x faster at the same size, where the platform has its wheels
    from isal import isal_zlib as _deflate

    #: Deflate level of the picture data (ISA-L's levels are 0-3). A 4000x2250 slide takes
    #: 7 ms at level 2 where zlib takes 40 ms at its fastest level, for a file of the same
    #: size (~400 KB).
    COMPRESSION: Final = 2
except ImportError:  # pragma: no cover - exercised by the installed-wheel test
    import zlib as _deflate  # type: ignore[no-redef]

    #: zlib's fastest level: the same pixels, a larger file.
    COMPRESSION: Final = 1  # type: ignore[misc]

#: Bytes of picture drawn and deflated at a time: a band that stays in the processor's cache.
BAND_BYTES: Final = 1_500_000
_SIGNATURE: Final = b"\x89PNG\r\n\x1a\n"
#: Clear white, as PDFium's ARGB fill colour.
_CLEAR_WHITE: Final = 0x00FFFFFF


def _chunk(kind: bytes, body: bytes) -> bytes:
    crc = _deflate.crc32(body, _deflate.crc32(kind))
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)


def png_file(picture: bytes, *, width: int, height: int, alpha: bool, dpi: int) -> bytes:
    """A PNG of ``picture``: 8-bit RGB or RGBA scanlines as PNG stores them (each row led by
    its filter type byte), deflated; the resolution is recorded in a pHYs chunk."""
    per_metre = round(dpi / 0.0254)
    header = struct.pack(">IIBBBBB", width, height, 8, 6 if alpha else 2, 0, 0, 0)
    return b"".join(
        (
            _SIGNATURE,
            _chunk(b"IHDR", header),
            _chunk(b"pHYs", struct.pack(">IIB", per_metre, per_metre, 1)),
            _chunk(b"IDAT", picture),
            _chunk(b"IEND", b""),
        )
    )


def pixels_for(length: Pt, dpi: int) -> int:
    """Whole pixels covering ``length`` points at ``dpi``."""
    return max(1, round(length * dpi / 72))


class _Canvas:
    """A PDFium bitmap a band of rows high, reused band after band and page after page, that
    holds PNG's scanlines.

    A page is drawn band by band, each deflated at once: a band (about 1.5 MB) stays in the
    processor's cache from the fill through the drawing to the deflating, where a whole
    4000x2250 page (27 MB) went to memory three times; 10-30% faster, most when two
    processes draw at the same time.

    Opaque, the band is laid out in memory as PNG stores the picture: each row one byte after
    the previous one ends, that byte being the row's filter type (0), so what PDFium draws is
    the PNG's data without a copy. With alpha the rows are 4-byte aligned, as PDFium draws
    32-bit pixels only there, and copied out behind their filter bytes.
    """

    def __init__(self, width: int, height: int, *, alpha: bool) -> None:
        self.width, self.height, self.alpha = width, height, alpha
        self.row = width * (4 if alpha else 3)
        self.stride = self.row if alpha else self.row + 1
        self.band = max(1, min(height, BAND_BYTES // self.stride))
        # One row more than the band: PDFium clips glyphs a row early at a bitmap's bottom.
        drawn = self.band + 1
        self._buffer = (ctypes.c_ubyte * (self.stride * drawn + 1))()
        kind = pdfium.FPDFBitmap_BGRA if alpha else pdfium.FPDFBitmap_BGR
        first_row = ctypes.cast(ctypes.byref(self._buffer, 0 if alpha else 1), ctypes.c_void_p)
        self._bitmap = pdfium.FPDFBitmap_CreateEx(width, drawn, kind, first_row, self.stride)
        if not self._bitmap:
            raise MemoryError(f"PDFium could not make a {width}x{drawn} bitmap")

    def deflate(self, page: pypdfium2.PdfPage) -> bytes:
        """``page`` drawn over white (clear white with alpha) at the canvas's size, as the
        deflated scanlines of a PNG."""
        memory = memoryview(self._buffer).cast("B")
        flags = pdfium.FPDF_ANNOT | pdfium.FPDF_REVERSE_BYTE_ORDER  # RGB(A), as PNG stores it
        compressor = _deflate.compressobj(COMPRESSION)
        parts = []
        for top in range(0, self.height, self.band):
            rows = min(self.band, self.height - top)
            if self.alpha:
                pdfium.FPDFBitmap_FillRect(self._bitmap, 0, 0, self.width, rows + 1, _CLEAR_WHITE)
            else:  # white at memset speed; the filter bytes are set below
                ctypes.memset(self._buffer, 0xFF, self.stride * (rows + 1))
            # The whole page, shifted up by ``top``: PDFium draws what falls in the band.
            pdfium.FPDF_RenderPageBitmap(
                self._bitmap, page.raw, 0, -top, self.width, self.height, 0, flags
            )
            parts.append(compressor.compress(self._scanlines(memory, rows)))
        parts.append(compressor.flush())
        return b"".join(parts)

    def _scanlines(self, memory: memoryview, rows: int) -> memoryview:
        if not self.alpha:
            scanlines = memory[: self.stride * rows]
            scanlines[:: self.stride] = bytes(rows)
            return scanlines
        copy = bytearray((self.row + 1) * rows)
        for y in range(rows):
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
                pictures.append(
                    png_file(
                        canvas.deflate(page),
                        width=size[0],
                        height=size[1],
                        alpha=transparent,
                        dpi=dpi,
                    )
                )
            finally:
                page.close()
        return pictures
    finally:
        if canvas is not None:
            canvas.close()
        document.close()
