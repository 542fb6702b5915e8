"""Office tools the tests use as a user's software would: LibreOffice converting files, and
openxml-audit applying the Open XML SDK's rules (Office 2016) the way Word, Excel and
PowerPoint check a file when they open it."""

from __future__ import annotations

import functools
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

import pytest
from openxml_audit import FileFormat, OpenXmlValidator, ValidationSeverity


@functools.cache
def _profile() -> str:
    """A LibreOffice user profile of this test run's own: two runs sharing the default
    profile make the second soffice return at once without converting anything."""
    return Path(tempfile.mkdtemp(prefix="sopdoc-libreoffice-")).as_uri()


#: The oldest LibreOffice the suite measures with: 25.2 places drawings anchored in table
#: cells, sizes "at least" rows and sets lines of exact spacing as Word does (7.4 does not).
MINIMUM_VERSION = (25, 2)


@functools.cache
def version() -> tuple[int, int]:
    """The installed LibreOffice's major and minor version."""
    if shutil.which("soffice") is None:
        pytest.fail("LibreOffice (soffice) is missing: run 'make test', which installs it")
    printed = subprocess.run(
        ["soffice", "--version"], capture_output=True, text=True, timeout=120, check=True
    ).stdout
    major, minor = printed.split()[1].split(".")[:2]
    return int(major), int(minor)


def convert(paths: Sequence[Path], folder: Path, *, to: str = "pdf") -> None:
    """Convert ``paths`` into ``folder`` with LibreOffice, in one run (a start costs seconds);
    a LibreOffice older than ``MINIMUM_VERSION`` fails the test: it would measure another
    word processor's layout than Word's."""
    if version() < MINIMUM_VERSION:
        pytest.fail(f"LibreOffice {version()} is older than {MINIMUM_VERSION}: run 'make test'")
    command = ["soffice", f"-env:UserInstallation={_profile()}", "--headless", "--norestore"]
    subprocess.run(
        [*command, "--convert-to", to, "--outdir", str(folder), *(str(p) for p in paths)],
        capture_output=True,
        timeout=600,
        check=True,
    )


def audit_errors(path: Path) -> list[str]:
    """Every error openxml-audit finds in ``path`` (warnings left out): [] means Office opens
    it without offering to repair it."""
    result = OpenXmlValidator(file_format=FileFormat.OFFICE_2016, max_errors=0).validate(str(path))
    return [str(e) for e in result.errors if e.severity is ValidationSeverity.ERROR]
