"""Length units: the layout works in points (1/72 inch); helpers convert from and to others."""

from __future__ import annotations

from typing import Final, TypeAlias

#: A length in PostScript points, 1/72 inch. Every geometry value of sopdoc is in points.
Pt: TypeAlias = float
#: A length in English Metric Units (python-docx, python-pptx): 914,400 per inch.
Emu: TypeAlias = int

POINTS_PER_INCH: Final = 72.0
EMU_PER_POINT: Final = 12_700
#: EMU per twentieth of a point (dxa, the unit of Word's table geometry).
EMU_PER_TWIP: Final = 635


def mm(value: float) -> Pt:
    """Millimetres to points."""
    return value * POINTS_PER_INCH / 25.4


def inches(value: float) -> Pt:
    """Inches to points."""
    return value * POINTS_PER_INCH


def to_inches(value: Pt) -> float:
    """Points to inches (Graphviz sizes nodes in inches)."""
    return value / POINTS_PER_INCH


def to_emu(value: Pt) -> Emu:
    """Points to EMU, rounded to the nearest unit."""
    return round(value * EMU_PER_POINT)
