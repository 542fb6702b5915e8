"""Checks beyond the reader: can each SOP be laid out on its paper?"""

from __future__ import annotations

from dataclasses import replace

from sopdoc.errors import LayoutError
from sopdoc.layout import layout_procedure
from sopdoc.layout.fonts import metrics_for
from sopdoc.model import Problem, Severity, Workbook


def with_layout_problems(workbook: Workbook) -> Workbook:
    """The workbook plus an error for every drawable SOP that does not fit its paper.

    `sopdoc check` runs this so that a step too tall for a page is found before `build`.
    """
    extra = []
    for sop in workbook.drawable():
        try:
            layout_procedure(sop, font=metrics_for(sop.agency.font))
        except LayoutError as error:
            extra.append(
                Problem(Severity.ERROR, error.reason, cell=error.cell, sheet=sop.sheet, sop=sop.key)
            )
    return replace(workbook, problems=(*workbook.problems, *extra)) if extra else workbook
