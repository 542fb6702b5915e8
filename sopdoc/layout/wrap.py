"""Wrapping text into lines that fit a width, measured with real font metrics."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final, Protocol

from sopdoc.units import Pt

_MARKER: Final = re.compile(
    r"^(?:"
    r"\d{1,3}[.)]"  # 1.  12)
    r"|[a-zA-Z][.)]"  # a.  B)
    r"|(?:i{1,3}|iv|v|vi{1,3}|ix|x|I{1,3}|IV|V|VI{1,3}|IX|X)[.)]"  # roman
    r"|\(\d{1,3}\)|\([a-zA-Z]\)"  # (1)  (a)
    r"|[-–—•·●▪◦*>]"  # bullets
    r")(?=\s|$)"
)


class Measure(Protocol):
    """Anything that measures text: ``sopdoc.layout.fonts.FontMetrics`` in practice."""

    def width(self, text: str, size: Pt, *, bold: bool = False) -> Pt: ...


@dataclass(frozen=True)
class Line:
    """One wrapped line and its indent from the text's left edge."""

    text: str
    indent: Pt = 0.0


def split_marker(item: str) -> tuple[str, str]:
    """Split a list item into its marker and the rest: ``"1. Undang"`` -> ``("1.", "Undang")``."""
    match = _MARKER.match(item)
    if match is None:
        return "", item
    return match.group(0), item[match.end() :].lstrip()


def _break_word(word: str, width: Pt, size: Pt, measure: Measure, bold: bool) -> list[str]:
    """Cut a word wider than ``width`` into pieces that fit (at least one character each)."""
    pieces: list[str] = []
    while word:
        cut = len(word)
        while cut > 1 and measure.width(word[:cut], size, bold=bold) > width:
            cut -= 1
        pieces.append(word[:cut])
        word = word[cut:]
    return pieces


def wrap_text(text: str, *, width: Pt, size: Pt, measure: Measure, bold: bool = False) -> list[str]:
    """Greedy word wrap of one paragraph; words wider than ``width`` are broken."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if measure.width(candidate, size, bold=bold) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        if measure.width(word, size, bold=bold) <= width:
            current = word
        else:
            *full, current = _break_word(word, width, size, measure, bold)
            lines.extend(full)
    if current:
        lines.append(current)
    return lines


def wrap_items(
    items: Sequence[str], *, width: Pt, size: Pt, measure: Measure, bold: bool = False
) -> tuple[Line, ...]:
    """Wrap list items; continuation lines hang under the text after a marker (``1.``, ``-``)."""
    lines: list[Line] = []
    for item in items:
        marker, rest = split_marker(item)
        hang = measure.width(f"{marker} ", size, bold=bold) if marker else 0.0
        if not marker or not rest or hang > width / 3:
            lines.extend(
                Line(t) for t in wrap_text(item, width=width, size=size, measure=measure, bold=bold)
            )
            continue
        body = wrap_text(rest, width=width - hang, size=size, measure=measure, bold=bold)
        lines.append(Line(f"{marker} {body[0]}"))
        lines.extend(Line(t, hang) for t in body[1:])
    return tuple(lines)
