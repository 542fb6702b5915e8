"""Where word processors put a line's baseline: the font's Windows ascent and line gap."""

from __future__ import annotations

import functools
import struct
from pathlib import Path

from sopdoc.units import Pt


@functools.cache
def _win_metrics(path: Path) -> tuple[float, float, float]:
    """usWinAscent, usWinDescent and the hhea line gap of a TrueType file, as shares of
    the em."""
    data = path.read_bytes()
    count = struct.unpack(">H", data[4:6])[0]
    tables: dict[bytes, int] = {}
    for i in range(count):
        entry = data[12 + 16 * i : 28 + 16 * i]
        tables[entry[:4]] = struct.unpack(">I", entry[8:12])[0]
    units = struct.unpack(">H", data[tables[b"head"] + 18 : tables[b"head"] + 20])[0]
    os2, hhea = tables[b"OS/2"], tables[b"hhea"]
    ascent, descent = struct.unpack(">HH", data[os2 + 74 : os2 + 78])
    gap = struct.unpack(">h", data[hhea + 8 : hhea + 10])[0]
    return ascent / units, descent / units, max(gap, 0) / units


def line_ascent(path: Path, size: Pt) -> Pt:
    """How far below the top of a single-spaced line Word and LibreOffice put its baseline:
    the line gap above the Windows ascent."""
    ascent, _, gap = _win_metrics(path)
    return (ascent + gap) * size


def line_height(path: Path, size: Pt) -> Pt:
    """The height of a single-spaced line in Word and LibreOffice: gap, ascent, descent."""
    ascent, descent, gap = _win_metrics(path)
    return (gap + ascent + descent) * size


def exact_line_ascent(path: Path, size: Pt, pitch: Pt) -> Pt:
    """How far below the top of a line of exactly ``pitch`` LibreOffice Impress puts its
    baseline: it keeps the font's descent and gives the rest of the line to the ascent."""
    _, descent, _ = _win_metrics(path)
    return pitch - descent * size
