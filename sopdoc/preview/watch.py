"""Watching the workbook's folder for saves of the workbook itself, with watchfiles."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable, Collection
from pathlib import Path
from typing import Final

from watchfiles import Change, awatch

#: Changes closer together than this (milliseconds) are one save: Excel writes a temporary file,
#: renames, and touches its lock file ``~$name.xlsx`` in a burst.
QUIET_MS: Final = 150


def _key(path: str | Path) -> str:
    return os.path.normcase(os.path.abspath(path))


def is_workbook(
    path: Path, *, also: Callable[[], Collection[Path]] = frozenset
) -> Callable[[Change, str], bool]:
    """A watchfiles filter that lets through the workbook's own path, and the files ``also``
    names at the time (its logo), but not Excel's lock file ``~$name.xlsx`` nor its temporary
    files, which live in the same folder."""
    wanted = _key(path.resolve())

    def keep(change: Change, name: str) -> bool:
        key = _key(name)
        return key == wanted or key in {_key(p) for p in also()}

    return keep


async def watch_workbook(
    path: Path,
    *,
    on_save: Callable[[], None],
    stop: asyncio.Event,
    also: Callable[[], Collection[Path]] = frozenset,
) -> None:
    """Call ``on_save`` after each burst of changes to ``path`` (or to a file ``also`` names
    then, in the same folder) until ``stop`` is set."""
    folder = path.resolve().parent
    async for _changes in awatch(
        folder,
        watch_filter=is_workbook(path, also=also),
        step=QUIET_MS,
        stop_event=stop,
        recursive=False,
    ):
        on_save()
