"""Wrapping text into lines that fit a width, measured with real font metrics."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final, Protocol

import pyphen

from sopdoc.units import Pt

#: Hyphenation follows Indonesian syllables (pyphen's id_ID dictionary, from LibreOffice).
HYPHEN_LANGUAGE: Final = "id_ID"
HYPHEN: Final = "-"

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


@functools.cache
def _dictionary() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang=HYPHEN_LANGUAGE)


def syllable_splits(word: str) -> list[tuple[str, str]]:
    """Where ``word`` may be hyphenated, longest first part first: ``("Pengelo", "la")``...

    Only at the syllable breaks of the Indonesian dictionary, and never right after a hyphen
    the word already has.
    """
    return [
        (head, tail)
        for head, tail in _dictionary().iterate(word)
        if head and tail and not head.endswith(HYPHEN)
    ]


def _hyphenate_into(
    word: str, room: Pt, size: Pt, measure: Measure, bold: bool
) -> tuple[str, str] | None:
    """The longest syllable prefix of ``word`` that fits ``room`` with its hyphen, and the rest."""
    for head, tail in syllable_splits(word):
        if measure.width(head + HYPHEN, size, bold=bold) <= room:
            return head + HYPHEN, tail
    return None


def wrap_text(
    text: str,
    *,
    width: Pt,
    size: Pt,
    measure: Measure,
    bold: bool = False,
    hyphenate: bool = False,
) -> list[str]:
    """Greedy word wrap of one paragraph; words wider than ``width`` are broken.

    With ``hyphenate``, a word wider than a whole line is split at Indonesian syllable
    breaks, each piece but the last ending in a hyphen (its first piece may fill the rest of
    the current line); it is cut between letters only where no syllable break fits.
    Words that fit a line of their own are never hyphenated.
    """
    lines: list[str] = []
    current = ""
    words = text.split()
    while words:
        word = words.pop(0)
        candidate = f"{current} {word}" if current else word
        if measure.width(candidate, size, bold=bold) <= width:
            current = candidate
            continue
        if measure.width(word, size, bold=bold) <= width:
            lines.append(current)
            current = word
            continue
        if hyphenate:
            prefix = f"{current} " if current else ""
            room = width - measure.width(prefix, size, bold=bold)
            split = _hyphenate_into(word, room, size, measure, bold)
            if split is None and current:
                lines.append(current)
                current = ""
                words.insert(0, word)  # the whole line's room, on the next line
                continue
            if split is not None:
                lines.append(prefix + split[0])
                current = ""
                words.insert(0, split[1])
                continue
        if current:
            lines.append(current)
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
