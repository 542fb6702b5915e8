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
#: Letters a hyphenation leaves on each side at least: never ``F-ront`` nor ``Pengelo-la``.
MIN_HYPHEN_LETTERS: Final = 3
#: Characters a word may break after without a hyphen, before it is hyphenated at all:
#: ``Petugas/`` ``Front Office``, ``Kasi-`` ``Kesra`` (an existing hyphen).
BREAK_AFTER: Final = "/-"
_LEADING_LETTERS: Final = re.compile(r"^[^\W\d_]*")
_TRAILING_LETTERS: Final = re.compile(r"[^\W\d_]*$")

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


#: How a wrapped line joins the line above it into the paragraph the user wrote: at a space,
#: inside a word cut to fit, or after a hyphen the wrap added (dropped when joined).
SPACE_JOINT: Final = " "
CUT_JOINT: Final = ""
HYPHEN_JOINT: Final = HYPHEN


@dataclass(frozen=True)
class Line:
    """One wrapped line and its indent from the text's left edge.

    ``joint`` says how it continues the line above into one paragraph (``SPACE_JOINT``,
    ``CUT_JOINT``, ``HYPHEN_JOINT``); None starts a paragraph: a line or an item as the user
    wrote it. ``hang`` is that paragraph's hanging indent (a list marker's width), on each
    of its lines: a word processor wraps the paragraph again with it.
    """

    text: str
    indent: Pt = 0.0
    joint: str | None = None
    hang: Pt = 0.0


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

    Only at the syllable breaks of the Indonesian dictionary, never right after a hyphen
    the word already has, and never leaving fewer than ``MIN_HYPHEN_LETTERS`` letters of the
    broken part on either side (``Petugas/F-ront`` is not a break).
    """
    return [
        (head, tail)
        for head, tail in _dictionary().iterate(word)
        if head
        and tail
        and not head.endswith(HYPHEN)
        and len(_TRAILING_LETTERS.search(head).group(0)) >= MIN_HYPHEN_LETTERS  # type: ignore[union-attr]
        and len(_LEADING_LETTERS.match(tail).group(0)) >= MIN_HYPHEN_LETTERS  # type: ignore[union-attr]
    ]


def _break_after_into(
    word: str, room: Pt, size: Pt, measure: Measure, bold: bool
) -> tuple[str, str] | None:
    """The longest part of ``word`` up to a ``/`` or an existing hyphen that fits ``room``,
    and the rest: a break there needs no added hyphen."""
    for end in range(len(word) - 1, 0, -1):
        if word[end - 1] in BREAK_AFTER and measure.width(word[:end], size, bold=bold) <= room:
            return word[:end], word[end:]
    return None


def _hyphenate_into(
    word: str, room: Pt, size: Pt, measure: Measure, bold: bool
) -> tuple[str, str] | None:
    """Where ``word`` breaks to fit ``room``: after a ``/`` or its own hyphen when one fits,
    else the longest syllable prefix that fits with its hyphen; and the rest."""
    plain = _break_after_into(word, room, size, measure, bold)
    if plain is not None:
        return plain
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
    return [
        text
        for text, _ in wrap_joined(
            text, width=width, size=size, measure=measure, bold=bold, hyphenate=hyphenate
        )
    ]


def wrap_joined(
    text: str,
    *,
    width: Pt,
    size: Pt,
    measure: Measure,
    bold: bool = False,
    hyphenate: bool = False,
) -> list[tuple[str, str | None]]:
    """``wrap_text``'s lines, each with how it joins the line above (None for the first)."""
    lines: list[tuple[str, str | None]] = []
    current = ""
    # How the line being built joins the last finished one.
    joint: str | None = None
    words = text.split()

    def finish(line: str, then: str) -> None:
        nonlocal joint
        lines.append((line, joint))
        joint = then

    while words:
        word = words.pop(0)
        candidate = f"{current} {word}" if current else word
        if measure.width(candidate, size, bold=bold) <= width:
            current = candidate
            continue
        if measure.width(word, size, bold=bold) <= width:
            finish(current, SPACE_JOINT)
            current = word
            continue
        if hyphenate:
            prefix = f"{current} " if current else ""
            room = width - measure.width(prefix, size, bold=bold)
            split = _hyphenate_into(word, room, size, measure, bold)
            if split is None and current:
                finish(current, SPACE_JOINT)
                current = ""
                words.insert(0, word)  # the whole line's room, on the next line
                continue
            if split is not None:
                added = split[0].endswith(HYPHEN) and not word.startswith(split[0])
                finish(prefix + split[0], HYPHEN_JOINT if added else CUT_JOINT)
                current = ""
                words.insert(0, split[1])
                continue
        if current:
            finish(current, SPACE_JOINT)
        *full, current = _break_word(word, width, size, measure, bold)
        for piece in full:
            finish(piece, CUT_JOINT)
    if current:
        lines.append((current, joint))
    return lines


_BARE_NUMBER: Final = re.compile(r"^(\d{1,3})\s+(?=\S)")


def item_markers(items: Sequence[str]) -> list[tuple[str, str]]:
    """Each item's marker and text. Besides the markers ``split_marker`` knows, a bare number
    (``1 Staf Bidang``, as offices type lists without a period) is a marker when the list's
    items count on by one from it: ``3 hari kerja`` alone stays text."""
    split = [split_marker(item) for item in items]
    bare = [_BARE_NUMBER.match(item) for item in items]
    if len(items) >= 2 and all(b is not None for b in bare):
        numbers = [int(b.group(1)) for b in bare if b is not None]
        if numbers == list(range(numbers[0], numbers[0] + len(numbers))):
            return [(b.group(1), item[b.end() :]) for b, item in zip(bare, items, strict=True) if b]
    return split


def wrap_lines(
    text: str, *, width: Pt, size: Pt, measure: Measure, bold: bool = False
) -> tuple[Line, ...]:
    """One paragraph as the user wrote it, wrapped: its lines know how they join."""
    return tuple(
        Line(t, joint=j)
        for t, j in wrap_joined(text, width=width, size=size, measure=measure, bold=bold)
    )


def wrap_item(
    marker: str, rest: str, *, width: Pt, size: Pt, measure: Measure, bold: bool = False
) -> tuple[Line, ...]:
    """One list item: continuation lines hang under the text after its marker."""
    hang = measure.width(f"{marker} ", size, bold=bold) if marker else 0.0
    if not marker or not rest or hang > width / 3:
        item = f"{marker} {rest}" if marker and rest else marker or rest
        return wrap_lines(item, width=width, size=size, measure=measure, bold=bold)
    body = wrap_joined(rest, width=width - hang, size=size, measure=measure, bold=bold)
    first, joint = body[0]
    return (
        Line(f"{marker} {first}", joint=joint, hang=hang),
        *(Line(t, hang, joint=j, hang=hang) for t, j in body[1:]),
    )


def wrap_items(
    items: Sequence[str], *, width: Pt, size: Pt, measure: Measure, bold: bool = False
) -> tuple[Line, ...]:
    """Wrap list items; continuation lines hang under the text after a marker (``1.``, ``-``)."""
    return tuple(
        line
        for marker, rest in item_markers(items)
        for line in wrap_item(marker, rest, width=width, size=size, measure=measure, bold=bold)
    )


def rejoined(lines: Sequence[str]) -> list[str]:
    """The words of wrapped lines, a syllable hyphen at a line's end joining the next: the
    words wrapped, unless a word was cut between letters (no hyphen)."""
    text = ""
    for line in lines:
        if text.endswith("-") and text[-2:-1].isalpha() and line[:1].isalpha():
            text = text[:-1] + line
        else:
            text = f"{text} {line}" if text else line
    return text.split()
