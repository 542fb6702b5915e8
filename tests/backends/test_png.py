"""PNG pictures from our vector PDFs: sizes, resolution, transparency and exact pixels."""

from __future__ import annotations

import io
import zlib

import pypdfium2
import pytest
from factories import seed_sop
from PIL import Image, ImageChops
from reportlab.pdfgen.canvas import Canvas

from sopdoc.backends.pdf.slides import render_slides_pdf
from sopdoc.backends.png import pdf_to_pngs, pixels_for, png_file
from sopdoc.drawing.document import diagram


def _pdf(pages: list[tuple[float, float]]) -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=pages[0], invariant=True)
    for width, height in pages:
        canvas.setPageSize((width, height))
        canvas.setFillColorRGB(0, 0, 0)
        canvas.rect(width / 2 - 10, height / 2 - 10, 20, 20, stroke=0, fill=1)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


@pytest.mark.parametrize("alpha", [False, True])
def test_png_file_keeps_every_pixel_of_its_scanlines(alpha: bool) -> None:
    channels = 4 if alpha else 3
    width, height = 5, 3
    rows = [
        bytes((x * 40 + y * 7 + c * 3) % 256 for x in range(width) for c in range(channels))
        for y in range(height)
    ]
    scanlines = b"".join(b"\x00" + row for row in rows)
    png = png_file(zlib.compress(scanlines), width=width, height=height, alpha=alpha, dpi=300)
    image = Image.open(io.BytesIO(png))
    assert image.mode == ("RGBA" if alpha else "RGB")
    assert image.size == (width, height)
    assert image.tobytes() == b"".join(rows)
    assert image.info["dpi"] == pytest.approx((300, 300), abs=0.01)


def test_pdf_pages_become_pngs_of_the_asked_resolution() -> None:
    pages = [(960.0, 540.0), (123.4, 456.7)]
    pngs = pdf_to_pngs(_pdf(pages), dpi=300)
    assert len(pngs) == 2
    for png, (width, height) in zip(pngs, pages, strict=True):
        image = Image.open(io.BytesIO(png))
        assert image.mode == "RGB"
        assert image.size[0] == pixels_for(width, 300)
        assert abs(image.size[1] - height * 300 / 72) <= 1
        assert image.getpixel((0, 0)) == (255, 255, 255)
        middle = (image.size[0] // 2, image.size[1] // 2)
        assert image.getpixel(middle) == (0, 0, 0)
    assert Image.open(io.BytesIO(pngs[0])).size == (4000, 2250)


def test_transparent_pictures_are_clear_where_nothing_is_drawn() -> None:
    (png,) = pdf_to_pngs(_pdf([(100.0, 80.0)]), dpi=150, transparent=True)
    image = Image.open(io.BytesIO(png))
    assert image.mode == "RGBA"
    corner = image.getpixel((0, 0))
    assert isinstance(corner, tuple)
    assert corner[3] == 0
    middle = (image.size[0] // 2, image.size[1] // 2)
    assert image.getpixel(middle) == (0, 0, 0, 255)


def _over(image: Image.Image, background: tuple[int, int, int]) -> Image.Image:
    if image.mode != "RGBA":
        return image
    return Image.alpha_composite(Image.new("RGBA", image.size, (*background, 255)), image)


@pytest.mark.parametrize("transparent", [False, True])
def test_pictures_hold_the_pixels_pdfium_renders_on_its_own(transparent: bool) -> None:
    """Drawn band by band straight into PNG scanlines, a slide has the pixels of PDFium's
    own bitmap of the whole page, to 2 levels of 255: anti-aliased text and lines across
    the bands' edges, the coloured head, each page."""
    pdf = render_slides_pdf(diagram(seed_sop()))
    pngs = pdf_to_pngs(pdf, dpi=150, transparent=transparent)
    document = pypdfium2.PdfDocument(pdf)
    assert len(pngs) == len(document) >= 2
    for index, png in enumerate(pngs):
        page = document[index]
        width = pixels_for(page.get_size()[0], 150)
        expected = page.render(
            scale=(width - 1e-3) / page.get_size()[0],
            fill_color=(255, 255, 255, 0 if transparent else 255),
            rev_byteorder=True,
        ).to_pil()
        image = Image.open(io.BytesIO(png))
        assert image.size == expected.size
        assert image.mode == expected.mode
        # Anti-aliased glyph edges depend a little on the band's origin: at most 2 of 255,
        # as seen over any background (a clear pixel's colour is never seen).
        for background in ((255, 255, 255), (0, 0, 0)):
            ours, theirs = _over(image, background), _over(expected, background)
            assert max(ImageChops.difference(ours, theirs).convert("RGB").tobytes()) <= 2
        assert len(image.getcolors(1 << 24) or ()) > 2  # anti-aliased, not a blank page
