"""Warnings across the SOPs of one workbook: a signatory with two NIPs, a unit spelled two ways."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from difflib import SequenceMatcher
from typing import Final

from sopdoc import messages as msg
from sopdoc.model import Agency, CellRef, Sop
from sopdoc.workbook.problems import Problems
from sopdoc.workbook.signatory import nip_digits

_ABBREVIATIONS: Final = (
    (re.compile(r"\bKEC\b\.?"), "KECAMATAN"),
    (re.compile(r"\bKAB\b\.?"), "KABUPATEN"),
    (re.compile(r"\bKEL\b\.?"), "KELURAHAN"),
    (re.compile(r"\bPEMKAB\b\.?"), "PEMERINTAH KABUPATEN"),
    (re.compile(r"\bPEMKOT\b\.?"), "PEMERINTAH KOTA"),
)
#: Two unit names this similar (0..1) but not equal are probably one name mistyped.
SIMILARITY: Final = 0.9


def _name_key(text: str) -> str:
    upper = text.upper()
    for pattern, full in _ABBREVIATIONS:
        upper = pattern.sub(full, upper)
    return re.sub(r"[^0-9A-Z]", "", upper)


def check_consistency(agency: Agency, sops: Sequence[Sop], problems: Problems) -> None:
    """Add warnings for values that should agree across the SOPs of a workbook."""
    problems.sop = None
    _check_nips(agency, sops, problems)
    _check_units(agency, sops, problems)


def _check_nips(agency: Agency, sops: Sequence[Sop], problems: Problems) -> None:
    occurrences: dict[str, list[tuple[str, str, CellRef | None, CellRef | None]]] = {}
    default = agency.signatory
    if default is not None and default.nip:
        occurrences.setdefault(_name_key(default.nama), []).append(
            (default.nama, default.nip, default.cells.get("nip"), None)
        )
    for sop in sops:
        sig = sop.identity.disahkan
        if sig is None or not sig.nama or not sig.nip or sig is default:
            continue
        occurrences.setdefault(_name_key(sig.nama), []).append(
            (sig.nama, sig.nip, sig.cells.get("disahkan"), sop.key)
        )
    for entries in occurrences.values():
        counts = Counter(nip_digits(nip) for _, nip, _, _ in entries)
        if len(counts) < 2:
            continue
        reference = (
            entries[0]
            if entries[0][3] is None
            else max(entries, key=lambda e: counts[nip_digits(e[1])])
        )
        for nama, nip, cell, owner in entries:
            if nip_digits(nip) != nip_digits(reference[1]):
                problems.sop = owner
                problems.warning(
                    cell,
                    msg.NIP_MISMATCH.format(
                        nama=nama,
                        nip=nip,
                        other=reference[1],
                        where=reference[2] or "lembar Instansi",
                    ),
                )
    problems.sop = None


def _unit_names(agency: Agency, sops: Iterable[Sop]) -> list[tuple[str, CellRef | None]]:
    names: list[tuple[str, CellRef | None]] = []
    for value, field_name in ((agency.pemerintah, "pemerintah"), (agency.unit, "unit")):
        if value:
            names.append((value, agency.cells.get(field_name)))
    names.extend((line, agency.cells.get(f"kop{n}")) for n, line in enumerate(agency.kop_lines, 1))
    for sop in sops:
        names.extend((line, sop.key) for line in sop.header)
    return names


def _check_units(agency: Agency, sops: Sequence[Sop], problems: Problems) -> None:
    first_seen: dict[str, tuple[str, CellRef | None]] = {}
    warned: set[tuple[str, str]] = set()
    for written, where in _unit_names(agency, sops):
        text = " ".join(written.split())
        key = _name_key(text)
        match = first_seen.get(key)
        if match is None:
            match = next(
                (
                    seen
                    for other_key, seen in first_seen.items()
                    if SequenceMatcher(None, key, other_key).ratio() >= SIMILARITY
                ),
                None,
            )
        if match is None:
            first_seen[key] = (text, where)
            continue
        pair = (match[0], text)
        if match[0] != text and pair not in warned:
            warned.add(pair)
            problems.warning(
                where, msg.UNIT_SPELLING.format(name=text, other=match[0], where=match[1] or "")
            )
