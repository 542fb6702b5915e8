"""The model as plain JSON data: the schema `sopdoc check --json` prints (see README)."""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Mapping
from datetime import date
from pathlib import PurePath
from typing import Any, Final

from sopdoc import __version__
from sopdoc.model import CellRef, Problem, Sop, Workbook

#: Bumped when the JSON schema changes incompatibly.
SCHEMA_VERSION: Final = 1

JSON = dict[str, Any]


def to_data(value: object) -> Any:
    """Convert model values recursively: dates to ISO strings, cells to ``Sheet!A1``."""
    if isinstance(value, CellRef):
        return str(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_data(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, enum.Enum):
        return value.value if not isinstance(value.value, tuple) else value.name
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, PurePath):
        return value.as_posix()
    if isinstance(value, Mapping):
        return {str(k): to_data(v) for k, v in value.items()}
    if isinstance(value, tuple | list):
        return [to_data(v) for v in value]
    return value


def sop_data(sop: Sop, *, drawable: bool) -> JSON:
    """One SOP as JSON data, with each step's symbol and actor names added."""
    data: JSON = to_data(sop)
    data["drawable"] = drawable
    for step_data, step in zip(data["steps"], sop.steps, strict=True):
        step_data["symbol"] = sop.symbol(step).value
        step_data["actor_names"] = [sop.actors[i].name for i in step.actors if i < len(sop.actors)]
    return data


def problem_data(problem: Problem) -> JSON:
    return {
        "severity": problem.severity.value,
        "sheet": problem.sheet,
        "cell": str(problem.cell) if problem.cell else None,
        "sop": str(problem.sop) if problem.sop else None,
        "message": problem.message,
    }


def workbook_data(workbook: Workbook) -> JSON:
    """The whole workbook: settings, every SOP and every problem."""
    return {
        "schema": SCHEMA_VERSION,
        "sopdoc": __version__,
        "workbook": PurePath(workbook.path).as_posix(),
        "summary": {
            "sops": len(workbook.sops),
            "drawable": len(workbook.drawable()),
            "errors": len(workbook.errors),
            "warnings": len(workbook.warnings),
        },
        "agency": to_data(workbook.agency),
        "sops": [sop_data(s, drawable=workbook.is_drawable(s)) for s in workbook.sops],
        "problems": [problem_data(p) for p in workbook.problems],
    }
