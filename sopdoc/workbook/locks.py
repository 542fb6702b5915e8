"""The lock files editors keep beside an open workbook: Excel's ``~$name.xlsx``, LibreOffice's
``.~lock.name.xlsx#``."""

from __future__ import annotations

from pathlib import Path

_EXCEL_PREFIX = "~$"
_CALC_PREFIX, _CALC_SUFFIX = ".~lock.", "#"


def is_lock_file(path: Path) -> bool:
    """Whether ``path`` is an editor's lock file rather than a workbook."""
    name = path.name
    return name.startswith(_EXCEL_PREFIX) or (
        name.startswith(_CALC_PREFIX) and name.endswith(_CALC_SUFFIX)
    )


def locked_workbook(path: Path) -> Path:
    """The workbook a lock file stands for (``~$sop.xlsx`` -> ``sop.xlsx``)."""
    name = path.name
    if name.startswith(_EXCEL_PREFIX):
        return path.with_name(name[len(_EXCEL_PREFIX) :])
    if name.startswith(_CALC_PREFIX) and name.endswith(_CALC_SUFFIX):
        return path.with_name(name[len(_CALC_PREFIX) : -len(_CALC_SUFFIX)])
    return path


def editor_lock(workbook: Path) -> Path | None:
    """The lock file of an editor that has ``workbook`` open now, or None.

    Excel names it ``~$`` and the file name (for long names, ``~$`` replaces the first two
    letters); LibreOffice ``.~lock.`` and the name and ``#``. A lock left by an editor that
    crashed looks the same: the messages say to delete it then.
    """
    name = workbook.name
    candidates = [f"{_EXCEL_PREFIX}{name}", f"{_CALC_PREFIX}{name}{_CALC_SUFFIX}"]
    if len(name) > 2:
        candidates.append(f"{_EXCEL_PREFIX}{name[2:]}")
    for candidate in candidates:
        lock = workbook.with_name(candidate)
        if lock.is_file():
            return lock
    return None
