"""Writing files atomically: a temporary name in the same folder, then a rename or a link."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from sopdoc import messages as msg
from sopdoc.errors import SopdocError


@contextlib.contextmanager
def atomic_path(path: Path, *, replace: bool = True) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; on success it becomes ``path`` in one step.

    With ``replace`` False an existing ``path`` is never replaced: FileExistsError instead,
    also when the file appears while the temporary is written. A crash or an exception
    leaves ``path`` as it was and removes the temporary file. Missing folders are made.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(handle)
    temp = Path(name)
    try:
        yield temp
        os.chmod(temp, 0o666 & ~current_umask())  # mkstemp makes 0600; outputs are shared
        if replace:
            _replace(temp, path)
        else:
            _publish_new(temp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()


def _replace(temp: Path, path: Path) -> None:
    """``os.replace``; on Windows a file open in Word or a PDF reader cannot be replaced:
    SopdocError saying to close it, with ``path`` left as it was."""
    try:
        os.replace(temp, path)
    except PermissionError as error:
        if not path.exists():
            raise
        raise SopdocError(msg.OUTPUT_IN_USE.format(path=path)) from error


def _publish_new(temp: Path, path: Path) -> None:
    """Give ``temp`` the name ``path`` unless that exists (FileExistsError)."""
    try:
        os.link(temp, path)  # fails, atomically, if path appeared meanwhile
    except FileExistsError:
        raise
    except OSError:  # file systems without hard links
        if path.exists():
            raise FileExistsError(path) from None
        os.replace(temp, path)


def current_umask() -> int:
    """The process umask (read by setting and restoring it)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically."""
    with atomic_path(path) as temp:
        temp.write_bytes(data)
