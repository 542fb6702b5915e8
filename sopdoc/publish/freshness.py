"""When an SOP's files are up to date: one fingerprint of everything they show or depend on,
and one test of it against what the output folder's manifest records.

An SOP's files depend on its content (which holds the Instansi settings it prints and the
names of its actors), the logo's bytes, the formats, the template's bytes, the DOCX
flowchart's kind and sopdoc's version; nothing else. Its content is fingerprinted as the
reader read it, so however the workbook was saved (Excel, LibreOffice Calc, WPS, openpyxl,
``sopdoc revise``), an SOP whose content did not change keeps its fingerprint.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from sopdoc import __version__
from sopdoc.model import Sop
from sopdoc.serialize import sop_data


def file_hash(path: Path | None) -> str:
    """The SHA-256 of a file's bytes; empty for no file."""
    if path is None or not Path(path).is_file():
        return ""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def digest(items: Sequence[Any]) -> str:
    """One SHA-256 of JSON-able items, the same on every machine."""
    text = json.dumps(list(items), ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Inputs:
    """What every SOP of one build depends on besides its own content."""

    formats: tuple[str, ...]
    #: The template's SHA-256, empty for sopdoc's own template.
    template: str = ""
    #: The DOCX flowcharts as pictures (``--gambar-terkunci``) rather than shapes.
    locked: bool = False

    @classmethod
    def of(
        cls, *, formats: Sequence[str], template: Path | None = None, locked: bool = False
    ) -> Inputs:
        return cls(tuple(sorted(formats)), file_hash(template), locked)

    @property
    def key(self) -> str:
        return digest([list(self.formats), self.template, self.locked, __version__])


#: Where a value stands in the workbook: for messages, never printed on a document.
_POSITIONS: Final = frozenset({"cells", "cell", "row", "key"})
#: Instansi settings the reader has already applied to the SOP's own fields (the default
#: signatory to DISAHKAN OLEH, FORMAT TANGGAL to its dates).
_APPLIED: Final = ("signatory", "two_digit_day")
#: Instansi settings an SOP prints only when it has no kop of its own.
_KOP: Final = ("kop_lines", "pemerintah", "unit")


def content_print(sop: Sop) -> str:
    """The fingerprint of what an SOP's files show: its content as read, the Instansi
    settings it prints, and its logo's bytes; not where it stands in the workbook."""
    data = sop_data(sop, drawable=True)
    agency = data["agency"]
    for name in (*_APPLIED, *(_KOP if sop.header else ())):
        agency.pop(name, None)
    logo = file_hash(Path(sop.agency.logo)) if sop.agency.logo else ""
    return digest([_without_positions(data), logo])


def _without_positions(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_positions(v) for k, v in value.items() if k not in _POSITIONS}
    if isinstance(value, list):
        return [_without_positions(v) for v in value]
    return value


def build_print(content: str, inputs: Inputs) -> str:
    """The fingerprint of an SOP's files, from its content's fingerprint."""
    return digest([content, inputs.key])


def fingerprint(sop: Sop, inputs: Inputs) -> str:
    """The fingerprint of an SOP's files."""
    return build_print(content_print(sop), inputs)


def is_current(entry: Any, print_: str, folder: Path) -> bool:
    """Whether a manifest entry records files of this fingerprint that are all still there."""
    if not isinstance(entry, Mapping) or entry.get("hash") != print_:
        return False
    files = entry.get("files", [])
    return isinstance(files, list) and all((folder / str(name)).is_file() for name in files)
