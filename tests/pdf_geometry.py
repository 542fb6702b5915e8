"""Reading table lines and pictures back from a PDF page (ours, or LibreOffice's rendering)."""

from __future__ import annotations

from typing import Any

Segment = tuple[float, float, float, float]


def segments(page: Any) -> list[Segment]:
    """Every straight stroke on a pymupdf page as (x0, y0, x1, y1): lines, rectangle edges,
    and the thin filled rectangles some renderers draw borders with."""
    found: list[Segment] = []
    for drawing in page.get_drawings():
        for item in drawing["items"]:
            if item[0] == "l":
                p, q = item[1], item[2]
                found.append((p.x, p.y, q.x, q.y))
            elif item[0] == "re":
                r = item[1]
                if drawing.get("type") == "f" and min(r.width, r.height) < 1.5:
                    if r.height < r.width:
                        mid = (r.y0 + r.y1) / 2
                        found.append((r.x0, mid, r.x1, mid))
                    else:
                        mid = (r.x0 + r.x1) / 2
                        found.append((mid, r.y0, mid, r.y1))
                elif drawing.get("color") is not None:
                    found += [
                        (r.x0, r.y0, r.x1, r.y0),
                        (r.x0, r.y1, r.x1, r.y1),
                        (r.x0, r.y0, r.x0, r.y1),
                        (r.x1, r.y0, r.x1, r.y1),
                    ]
    return found


def horizontal_lines_at(page: Any, x: float) -> list[float]:
    """The y of every horizontal stroke that crosses the vertical line at ``x``."""
    return sorted(
        {
            round(y0, 2)
            for x0, y0, x1, y1 in segments(page)
            if abs(y0 - y1) < 0.01 and min(x0, x1) - 0.5 <= x <= max(x0, x1) + 0.5
        }
    )


def vertical_lines_at(page: Any, y: float) -> list[float]:
    """The x of every vertical stroke that crosses the horizontal line at ``y``."""
    return sorted(
        {
            round(x0, 2)
            for x0, y0, x1, y1 in segments(page)
            if abs(x0 - x1) < 0.01 and min(y0, y1) - 0.5 <= y <= max(y0, y1) + 0.5
        }
    )


def nearest(value: float, found: list[float]) -> float:
    """How far ``value`` is from the nearest of ``found`` (infinite when none)."""
    return min((abs(value - f) for f in found), default=float("inf"))


def picture_boxes(page: Any) -> list[tuple[float, float, float, float]]:
    """Where each raster picture is drawn on the page, as (x0, y0, x1, y1)."""
    return [tuple(info["bbox"]) for info in page.get_image_info()]


Box4 = tuple[float, float, float, float]


def drawing_boxes(page: Any, within: Box4, *, slack: float = 1.0) -> list[Box4]:
    """The bounding box (x0, y0, x1, y1) of every path drawn inside ``within``."""
    x0, y0, x1, y1 = within
    found = []
    for drawing in page.get_drawings():
        r = drawing["rect"]
        if r.x0 >= x0 - slack and r.y0 >= y0 - slack and r.x1 <= x1 + slack and r.y1 <= y1 + slack:
            found.append((r.x0, r.y0, r.x1, r.y1))
    return found


def box_distance(a: Box4, b: Box4) -> float:
    """How far apart two boxes are: the largest difference of their sides."""
    return max(abs(p - q) for p, q in zip(a, b, strict=True))


def text_origins(page: Any) -> list[tuple[str, float, float]]:
    """Every span of text on the page as (text, x, baseline)."""
    found = []
    for block in page.get_text("dict")["blocks"]:
        for line in block.get("lines", []):
            for span in line["spans"]:
                if span["text"].strip():
                    found.append((span["text"].strip(), span["origin"][0], span["origin"][1]))
    return found


def text_lines(page: Any) -> dict[str, list[tuple[float, float]]]:
    """Each printed line's text -> the (x, y) of its left end and its baseline, top to
    bottom (the baseline, not the glyph box's top, which depends on the ascent each
    application writes into the PDF's font descriptor)."""
    found: dict[str, list[tuple[float, float]]] = {}
    for block in page.get_text("dict")["blocks"]:
        for line in block.get("lines", []):
            text = "".join(span["text"] for span in line["spans"]).strip()
            if text:
                baseline = line["spans"][0]["origin"][1]
                found.setdefault(text, []).append((line["bbox"][0], baseline))
    return found
