"""What sopdoc reads at run time (the DOCX template, the bundled fonts), found in the package."""

from __future__ import annotations

import atexit
import contextlib
import functools
from importlib.resources import as_file, files
from pathlib import Path
from typing import Final

#: The styles document every SOP starts from (``--template`` replaces it).
TEMPLATE_NAME: Final = "sopdoc.docx"
#: The folder of the bundled fonts and their licences.
FONTS_FOLDER: Final = "fonts"

_opened = contextlib.ExitStack()
atexit.register(_opened.close)


@functools.cache
def resource_path(*parts: str) -> Path:
    """A file of this package as a real path: the file itself in an installed package, a
    temporary copy (kept until the process ends) where the package is zipped."""
    resource = files(__name__).joinpath(*parts)
    if not resource.is_file():
        raise FileNotFoundError(f"sopdoc resource missing: {'/'.join(parts)}")
    return _opened.enter_context(as_file(resource))


def template_path() -> Path:
    """The default DOCX template."""
    return resource_path(TEMPLATE_NAME)


def font_path(file_name: str) -> Path:
    """A bundled font file, such as ``LiberationSans-Regular.ttf``."""
    return resource_path(FONTS_FOLDER, file_name)
