"""Text inside a capsule (an end terminator with the workbook's own words): wrapped within
the capsule's round ends, and the capsule as tall as its lines need, the text stepping down
to a floor where the row has no room for it."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from sopdoc.layout.geometry import FontMeasure, LayoutStyle
from sopdoc.layout.wrap import CUT_JOINT, Line, wrap_joined, wrap_text
from sopdoc.units import Pt

#: A terminator's corner radius: round ends, or rounded corners no rounder than this on a
#: tall one (the scene draws it so).
TERMINATOR_RADIUS: Final = 15.0
#: How round the corners of a capsule far taller than wide are, as a share of its width
#: (the Office terminator's ends are a sixth of its width deep), and how much taller than
#: wide it is then.
TALL_ROUNDING: Final = 1 / 6
TALL_SHAPE: Final = 1.5
#: Room kept between a line of text and the capsule's outline, across.
TEXT_MARGIN: Final = 1.5
#: How much smaller each try sets the text when it does not fit, and the most lines tried.
SIZE_STEP: Final = 0.5
MAX_LINES: Final = 12


def corner_radius(width: Pt, height: Pt) -> Pt:
    """A terminator's corner radius (``scene.terminator_radius``'s rule): round ends, no
    rounder than TERMINATOR_RADIUS; a capsule far taller than wide (TALL_SHAPE: an end's
    words in a narrow lane) a box with rounded corners, TALL_ROUNDING of its width, as
    Word's and PowerPoint's terminator shape rounds its ends."""
    if height > width * TALL_SHAPE:
        return min(width * TALL_ROUNDING, TERMINATOR_RADIUS)
    return min(height / 2, width / 2, TERMINATOR_RADIUS)


def _inset(y: Pt, height: Pt, radius: Pt) -> Pt:
    """How far in from the capsule's side its outline stands at ``y`` below its top."""
    if radius <= 0:
        return 0.0
    dy = max(radius - y, y - (height - radius), 0.0)
    if dy >= radius:
        return radius
    return radius - math.sqrt(radius * radius - dy * dy)


@dataclass(frozen=True)
class CapsuleText:
    """The lines of a capsule's text, their size, and the capsule's height."""

    lines: tuple[Line, ...]
    size: Pt
    height: Pt


def fits(
    lines: Sequence[str], *, width: Pt, height: Pt, size: Pt, leading: float, font: FontMeasure
) -> bool:
    """Whether ``lines`` centred in a capsule ``width`` x ``height`` stay inside its outline."""
    pitch = size * leading
    top = (height - pitch * len(lines)) / 2
    if top < 0:
        return False
    radius = corner_radius(width, height)
    for i, text in enumerate(lines):
        y0, y1 = top + i * pitch, top + (i + 1) * pitch
        inset = max(_inset(y0, height, radius), _inset(y1, height, radius))
        if font.width(text, size) > width - 2 * (inset + TEXT_MARGIN):
            return False
    return True


def _wrapped(
    label: str,
    *,
    width: Pt,
    height: Pt,
    size: Pt,
    leading: float,
    font: FontMeasure,
    cut: bool = False,
) -> list[str] | None:
    """``label`` wrapped to stay inside a capsule ``width`` x ``height`` at ``size``: the
    widest wrap that does, narrowing two points at a time, cutting a word without a hyphen
    only with ``cut``; None when none does."""
    radius = corner_radius(width, height)
    inner = width - 2 * (radius * 0.3 + TEXT_MARGIN)
    while inner > 1.0:
        joined = wrap_joined(label, width=inner, size=size, measure=font, hyphenate=True)
        if not cut and any(joint == CUT_JOINT for _, joint in joined):
            return None  # narrower still only cuts more words
        lines = [text for text, _ in joined]
        if fits(lines, width=width, height=height, size=size, leading=leading, font=font):
            return lines
        inner -= 2.0
    return None


def fit_capsule(
    label: str,
    *,
    width: Pt,
    height: Pt,
    most: Pt,
    sizes: tuple[Pt, Pt],
    style: LayoutStyle,
    font: FontMeasure,
) -> CapsuleText:
    """``label`` in a capsule ``width`` wide, at least ``height`` and at most ``most`` high,
    as low as can be: in as few lines as fit, at the first of ``sizes`` or a step smaller
    down to the second (the floor) before a line more. Where even the floor does not fit,
    the text keeps the floor and the capsule the most height (its words still wrap inside
    its width)."""
    size, floor = sizes
    steps = round((size - floor) / SIZE_STEP)
    tries = [size - k * SIZE_STEP for k in range(steps + 1)]
    # The lowest capsule first (it stands beside its decision, clear of the arrows under
    # it), the largest text that fits there; words cut without a hyphen only where nothing
    # else fits (a lane too narrow for a word).
    for cut in (False, True):
        for count in range(1, MAX_LINES + 1):
            for current in tries:
                need = max(height, count * current * style.leading + 2 * style.pad_y)
                if need > most + 0.01:
                    continue
                lines = _wrapped(
                    label,
                    width=width,
                    height=need,
                    size=current,
                    leading=style.leading,
                    font=font,
                    cut=cut,
                )
                if lines is not None and len(lines) <= count:
                    texts = tuple(Line(t) for t in lines)
                    return CapsuleText(texts, current, float(math.ceil(need)))
    inner = max(1.0, width - 2 * TEXT_MARGIN)
    lines = wrap_text(label, width=inner, size=floor, measure=font, hyphenate=True)
    tallest = len(lines) * floor * style.leading + 2 * style.pad_y
    return CapsuleText(tuple(Line(t) for t in lines), floor, float(math.floor(min(most, tallest))))
