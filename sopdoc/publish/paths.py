"""Output file names that are safe on every file system and stay inside the output folder."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import PurePath
from typing import Final

from sopdoc.model import CellRef, Workbook

#: After an SOP's stem: its slide pictures (``build``). After a workbook's stem: its slide deck.
DIAGRAM_SUFFIX: Final = "-diagram-alir"
#: After a workbook's stem: its Buku SOP.
BOOK_SUFFIX: Final = "-buku-sop"
#: Longest name stem in bytes (UTF-8), leaving room for a suffix such as ``-2.docx``.
MAX_STEM_BYTES: Final = 120
_UNSAFE: Final = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]+')
_RESERVED: Final = frozenset(
    {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"}
    | {f"COM{i}" for i in range(1, 10)}
    | {f"LPT{i}" for i in range(1, 10)}
)


def safe_stem(text: str, *, fallback: str = "sop") -> str:
    """A file-name stem from user text: no separators, no reserved names, bounded length.

    ``KEC/TT-LA/ 427.110/2020`` -> ``KEC-TT-LA-427.110-2020``; ``../../etc/x`` -> ``etc-x``;
    ``CON`` -> ``CON_``; text with nothing usable gives ``fallback``.
    """
    normalized = unicodedata.normalize("NFC", text)
    cleaned = _UNSAFE.sub("-", normalized)
    cleaned = re.sub(r"\s+", " ", cleaned)
    cleaned = re.sub(r"\s*-[\s-]*", "-", cleaned)
    cleaned = cleaned.strip(" .-")
    cleaned = re.sub(r"\.{2,}", ".", cleaned)
    while len(cleaned.encode("utf-8")) > MAX_STEM_BYTES:
        cleaned = cleaned[:-1]
    cleaned = cleaned.rstrip(" .-")
    if not cleaned:
        return fallback
    if cleaned.split(".")[0].upper() in _RESERVED:
        cleaned = f"{cleaned}_"
    return cleaned


def unique_stems(stems: Iterable[str]) -> list[str]:
    """Make stems unique ignoring case, as Windows and macOS do: ``a``, ``A`` -> ``a``, ``A-2``."""
    seen: set[str] = set()
    result: list[str] = []
    for stem in stems:
        candidate, n = stem, 1
        while candidate.casefold() in seen:
            n += 1
            candidate = f"{stem}-{n}"
        seen.add(candidate.casefold())
        result.append(candidate)
    return result


def sop_stems(workbook: Workbook) -> dict[CellRef, str]:
    """The file stem of every SOP of a workbook, by its key: its NOMOR SOP (else its sheet),
    safe and unique over the whole workbook, so that a name does not depend on which SOPs a
    run selects."""
    return stems_of([(s.key, s.identity.nomor) for s in workbook.sops])


def stems_of(refs: Sequence[tuple[CellRef, str]]) -> dict[CellRef, str]:
    """The file stems of SOPs given by (key, nomor), in workbook order: the nomor (else the
    sheet) made safe and unique."""
    stems = unique_stems(safe_stem(nomor or ref.sheet) for ref, nomor in refs)
    return dict(zip((ref for ref, _ in refs), stems, strict=True))


def workbook_stem(path: PurePath | str) -> str:
    """The file stem of a workbook's own outputs (deck, Buku SOP, folder): its file name."""
    return safe_stem(PurePath(path).stem)


def page_names(stem: str, count: int, suffix: str) -> list[str]:
    """``stem.png`` for one page, ``stem-1.png``, ``stem-2.png``... for several."""
    if count == 1:
        return [f"{stem}.{suffix}"]
    return [f"{stem}-{i}.{suffix}" for i in range(1, count + 1)]
