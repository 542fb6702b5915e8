"""Dates as Indonesian clerks write them, and as the documents print them."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Final

from sopdoc import words

if TYPE_CHECKING:
    from sopdoc.model import Identity

MONTHS: Final[tuple[str, ...]] = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)

_MONTH_NAMES: Final[dict[str, int]] = {
    name: number
    for number, names in enumerate(
        (
            ("januari", "jan", "january"),
            ("februari", "feb", "pebruari", "peb", "february"),
            ("maret", "mar", "march"),
            ("april", "apr"),
            ("mei", "may"),
            ("juni", "jun", "june"),
            ("juli", "jul", "july"),
            ("agustus", "agt", "agu", "ags", "agus", "aug", "august"),
            ("september", "sep", "sept"),
            ("oktober", "okt", "oct", "october"),
            ("november", "nov", "nop", "nopember"),
            ("desember", "des", "dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_NAMED: Final = re.compile(r"^(\d{1,2})\s*[-/. ]?\s*([A-Za-z]+)\.?\s*[-/. ]?\s*(\d{4})$")
_DMY: Final = re.compile(r"^(\d{1,2})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{4})$")
_YMD: Final = re.compile(r"^(\d{4})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{1,2})$")
#: Excel's serial day 0 (serials count from 1900-01-00 and wrongly include 1900-02-29).
_EXCEL_EPOCH: Final = date(1899, 12, 30)
_EXCEL_MAX_SERIAL: Final = 2_958_465  # 9999-12-31


def _make(year: int, month: int, day: int, text: str) -> date:
    try:
        return date(year, month, day)
    except ValueError as exc:
        raise ValueError(f"{text!r} is not a valid date: {exc}") from None


#: What offices write for a date never set: dashes (sopdoc prints "-" itself).
_NOT_SET: Final = re.compile(r"[-‐‑‒–—―/.\s]+")


def parse_date(value: object) -> date | None:
    """Parse a cell's date; None when empty, ValueError naming the text when unrecognised."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _from_serial(value)
    text = " ".join(str(value).split())
    if not text or _NOT_SET.fullmatch(text):
        return None  # "-": a date never set, as sopdoc itself prints it
    if match := _NAMED.match(text):
        day, name, year = match.groups()
        number = _MONTH_NAMES.get(name.lower())
        if number is None:
            raise ValueError(f"unknown month name {name!r} in {text!r}")
        return _make(int(year), number, int(day), text)
    if match := _DMY.match(text):
        return _make(int(match[4]), int(match[3]), int(match[1]), text)
    if match := _YMD.match(text):
        return _make(int(match[1]), int(match[3]), int(match[4]), text)
    raise ValueError(f"{text!r} is not a date in a known form (13 Januari 2020, 13-01-2020)")


def _from_serial(serial: float) -> date:
    if not 1 <= serial <= _EXCEL_MAX_SERIAL:
        raise ValueError(f"{serial!r} is outside Excel's date serials 1..{_EXCEL_MAX_SERIAL}")
    days = int(serial)
    if days < 61:  # before Excel's phantom 1900-02-29
        days += 1
    return _EXCEL_EPOCH + timedelta(days=days)


def format_date(value: date, *, two_digit_day: bool = False) -> str:
    """``13 Januari 2020``; ``03 Januari 2017`` with ``two_digit_day``."""
    day = f"{value.day:02d}" if two_digit_day else str(value.day)
    return f"{day} {MONTHS[value.month - 1]} {value.year}"


#: A revision number written with the date: ``rev 01``, ``Rev. 2``, ``Revisi ke-1``.
_REVISION: Final = re.compile(r"(?i)\brev(?:isi)?(?![a-z])\.?\s*(?:ke\s*-?\s*)?(\d{1,3})\b")
#: What may separate the number from the date: commas, dashes, brackets, spaces.
_SEPARATORS: Final = " \t,;:-\u2013\u2014()[]"


def parse_revision(value: object) -> tuple[date | None, int | None]:
    """A TGL. REVISI cell: its date and the revision number written with it, if any.

    ``22 Juli 2019 rev 01``, ``Rev. 2 – 22/07/2019``, ``Revisi ke-1, 22 Juli 2019`` and
    ``22 Juli 2019 (Revisi 01)`` (as sopdoc prints it); ValueError like ``parse_date``.
    """
    if not isinstance(value, str):
        return parse_date(value), None
    match = _REVISION.search(value)
    if match is None:
        return parse_date(value), None
    rest = f"{value[: match.start()]} {value[match.end() :]}".strip(_SEPARATORS)
    rest = re.sub(r"\(\s*\)", " ", rest).strip(_SEPARATORS)
    return parse_date(rest), int(match.group(1))


def parse_revision_number(value: object) -> int | None:
    """The number of a revision row (``1``, ``01``, ``Rev. 2``, ``ke-3``); None when empty,
    ValueError when it holds no number."""
    if value is None:
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        if value != int(value) or value < 0:
            raise ValueError(f"{value!r} is not a revision number")
        return int(value)
    text = " ".join(str(value).split())
    if not text:
        return None
    match = re.fullmatch(r"(?i)(?:rev(?:isi)?\.?\s*)?(?:ke\s*-?\s*)?(\d{1,3})", text)
    if match is None:
        raise ValueError(f"{text!r} is not a revision number")
    return int(match.group(1))


def written_with_two_digit_day(value: object) -> bool:
    """Whether a date written as text gives its day with two digits (``03 Januari 2017``)."""
    if not isinstance(value, str):
        return False
    text = " ".join(value.split())
    match = _REVISION.search(text)
    if match is not None:
        text = f"{text[: match.start()]} {text[match.end() :]}".strip(_SEPARATORS)
    if _YMD.match(text):
        return re.search(r"[-/.]\s*0\d$", text) is not None
    return re.match(r"0\d(?!\d)", text) is not None


def identity_date_text(identity: Identity, field: str) -> str:
    """A date row of the identity page as printed: TGL. REVISI with its number,
    ``22 Juli 2019 (Revisi 01)``; a dash when empty."""
    value: date | None = getattr(identity, field)
    text = format_date(value, two_digit_day=identity.two_digit_day) if value else ""
    if field == "tanggal_revisi" and identity.revisi is not None:
        number = words.DOC_REVISION.format(number=identity.revisi)
        return f"{text} ({number})" if text else number
    return text or words.DOC_NO_VALUE
