"""Worker processes: one way to start them, the platform's own or ``spawn`` as on Windows."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from typing import Any, Final

#: Set to ``spawn`` to start workers as Windows does (its only method) on any system: the
#: tests build both ways and compare the bytes. Empty: the platform's default.
START_METHOD_VARIABLE: Final = "SOPDOC_START_METHOD"


def start_method() -> str | None:
    """How worker processes start: None for the platform's default (fork on Linux)."""
    return os.environ.get(START_METHOD_VARIABLE) or None


def process_pool(
    workers: int,
    *,
    initializer: Callable[..., None] | None = None,
    initargs: tuple[Any, ...] = (),
    method: str | None = None,
) -> ProcessPoolExecutor:
    """A pool of ``workers`` processes started by ``method`` (else ``start_method()``)."""
    return ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context(method or start_method()),
        initializer=initializer,
        initargs=initargs,
    )
