"""Dates as Indonesian clerks write them, and as the documents print them."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import Final

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
    if not text:
        return None
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


def format_date(value: date) -> str:
    """``13 Januari 2020``."""
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"
