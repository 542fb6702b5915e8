"""What a build did with one SOP: the files it wrote, or why it wrote none."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sopdoc import messages as msg
from sopdoc.model import Sop, Workbook


@dataclass(frozen=True)
class Outcome:
    """What happened to one SOP: the files written, or why none were."""

    sop: Sop
    files: tuple[Path, ...] = ()
    error: str = ""


def cannot_draw(workbook: Workbook, sop: Sop) -> Outcome | None:
    """The failed outcome of an SOP that errors keep from being drawn, naming the first
    error; None when the SOP can be drawn."""
    first = workbook.first_error(sop)
    if first is None:
        return None
    return Outcome(sop, error=msg.SOP_HAS_ERRORS.format(problem=first))
