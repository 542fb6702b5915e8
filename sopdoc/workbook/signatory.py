"""Splitting a DISAHKAN OLEH value into jabatan, nama, pangkat and NIP."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from sopdoc.model import Signatory

_NIP: Final = re.compile(r"\bNIP\b\s*[.:]?\s*(?=[\d\s.]{6,})", re.IGNORECASE)
_GAP: Final = re.compile(r"\s{2,}")


def nip_digits(nip: str) -> str:
    """Only the digits of a NIP, for comparing NIPs written with different spacing."""
    return "".join(ch for ch in nip if ch.isdigit())


def _collapse(text: str) -> str:
    return " ".join(text.split())


def _split_nip(text: str) -> tuple[str, str]:
    """(text before the NIP, the NIP as written) — the NIP is empty when there is none."""
    match = _NIP.search(text)
    if match is None:
        return text, ""
    return text[: match.start()], _collapse(text[match.start() :])


def split_signatory(text: str, *, jabatan_hints: Sequence[str] = ()) -> Signatory:
    """Split a DISAHKAN OLEH value; nama is empty when it cannot be split reliably."""
    lines = [line for line in (line.strip() for line in text.splitlines()) if line]
    if len(lines) > 1:
        return _from_lines(lines)
    before, nip = _split_nip(text.strip())
    parts = [p for p in (_collapse(x) for x in _GAP.split(before.strip())) if p]
    if len(parts) == 1:
        parts = _split_by_hint(parts[0], jabatan_hints)
    jabatan = parts[0] if parts else ""
    nama = parts[1] if len(parts) > 1 else ""
    pangkat = " ".join(parts[2:])
    return Signatory(jabatan=jabatan, nama=nama, pangkat=pangkat, nip=nip)


def _split_by_hint(text: str, hints: Sequence[str]) -> list[str]:
    """Split after a leading jabatan equal (ignoring case and spaces) to one of ``hints``."""
    words = text.split()
    for hint in sorted(hints, key=len, reverse=True):
        hint_words = hint.split()
        n = len(hint_words)
        if (
            n
            and n < len(words)
            and [w.upper() for w in words[:n]] == [w.upper() for w in hint_words]
        ):
            return [" ".join(words[:n]), " ".join(words[n:])]
    return [text]


def _from_lines(lines: list[str]) -> Signatory:
    """One field per line: jabatan, nama, optional pangkat; the line starting with NIP is NIP."""
    nip = ""
    others: list[str] = []
    for line in lines:
        before, found = _split_nip(line)
        if found and not nip:
            nip = found
            if before.strip():
                others.append(_collapse(before))
        else:
            others.append(_collapse(line))
    jabatan = others[0] if others else ""
    nama = others[1] if len(others) > 1 else ""
    pangkat = " ".join(others[2:])
    return Signatory(jabatan=jabatan, nama=nama, pangkat=pangkat, nip=nip)
