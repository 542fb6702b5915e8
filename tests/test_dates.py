"""Dates as clerks write them, and as documents print them."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from sopdoc.dates import (
    MONTHS,
    format_date,
    parse_date,
    parse_revision,
    parse_revision_number,
    written_with_two_digit_day,
)

JAN_13 = date(2020, 1, 13)


@pytest.mark.parametrize(
    "value",
    [
        "13 Januari 2020",
        "13 januari 2020",
        "13 JANUARI 2020",
        "13 Jan 2020",
        "13 Jan. 2020",
        "13-Jan-2020",
        "13 January 2020",
        "13-01-2020",
        "13/01/2020",
        "13.01.2020",
        "13-1-2020",
        "2020-01-13",
        "2020/01/13",
        "  13   Januari   2020 ",
        datetime(2020, 1, 13, 0, 0),
        JAN_13,
        43843,
        43843.0,
    ],
)
def test_parse_date_forms(value: object) -> None:
    assert parse_date(value) == JAN_13


@pytest.mark.parametrize(
    ("text", "month"),
    [
        ("1 Feb 2021", 2),
        ("1 Pebruari 2021", 2),
        ("1 Mar 2021", 3),
        ("1 Mei 2021", 5),
        ("1 May 2021", 5),
        ("1 Agt 2021", 8),
        ("1 Agu 2021", 8),
        ("1 Ags 2021", 8),
        ("1 Agustus 2021", 8),
        ("1 Aug 2021", 8),
        ("1 Sept 2021", 9),
        ("1 Okt 2021", 10),
        ("1 Oct 2021", 10),
        ("1 Nop 2021", 11),
        ("1 Des 2021", 12),
        ("1 Dec 2021", 12),
    ],
)
def test_month_names(text: str, month: int) -> None:
    assert parse_date(text) == date(2021, month, 1)


@pytest.mark.parametrize("value", [None, "", "   "])
def test_empty_is_none(value: object) -> None:
    assert parse_date(value) is None


@pytest.mark.parametrize(
    "value", ["besok", "31-02-2020", "13 Januar 2020", "13-01-20", "2020", "13 Abc 2020", 0, -5]
)
def test_unrecognised_dates_raise_naming_the_value(value: object) -> None:
    with pytest.raises(ValueError, match=str(value).split()[0]):
        parse_date(value)


def test_excel_serials_around_the_1900_bug() -> None:
    assert parse_date(1) == date(1900, 1, 1)
    assert parse_date(59) == date(1900, 2, 28)
    assert parse_date(61) == date(1900, 3, 1)


def test_format_date() -> None:
    assert format_date(JAN_13) == "13 Januari 2020"
    assert format_date(date(2026, 11, 3)) == "3 November 2026"
    assert len(MONTHS) == 12
    assert format_date(date(2017, 1, 3), two_digit_day=True) == "03 Januari 2017"


JULY_22 = date(2019, 7, 22)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("22 Juli 2019 rev 01", (JULY_22, 1)),
        ("Rev. 2 – 22/07/2019", (JULY_22, 2)),
        ("Revisi ke-1, 22 Juli 2019", (JULY_22, 1)),
        ("22 Juli 2019 (Revisi 01)", (JULY_22, 1)),
        ("rev03 22-07-2019", (JULY_22, 3)),
        ("REVISI 4", (None, 4)),
        ("22 Juli 2019", (JULY_22, None)),
        (JULY_22, (JULY_22, None)),
    ],
)
def test_revision_with_its_date_as_offices_write_it(
    text: object, expected: tuple[date | None, int | None]
) -> None:
    assert parse_revision(text) == expected


def test_a_revision_with_a_bad_date_still_raises() -> None:
    with pytest.raises(ValueError, match="besok"):
        parse_revision("besok rev 01")


@pytest.mark.parametrize(
    ("value", "number"), [(1, 1), ("01", 1), ("Rev. 2", 2), ("ke-3", 3), (None, None), ("", None)]
)
def test_revision_numbers(value: object, number: int | None) -> None:
    assert parse_revision_number(value) == number


@pytest.mark.parametrize("value", ["dua", 1.5, -1, "2019-07-22"])
def test_bad_revision_numbers_raise(value: object) -> None:
    with pytest.raises(ValueError, match="not a revision number"):
        parse_revision_number(value)


@pytest.mark.parametrize(
    ("value", "two"),
    [
        ("03 Januari 2017", True),
        ("03-01-2017", True),
        ("2017-01-03", True),
        ("03 Januari 2017 rev 01", True),
        ("3 Januari 2017", False),
        ("13 Januari 2017", False),
        ("2017-01-13", False),
        (date(2017, 1, 3), False),
    ],
)
def test_two_digit_days_are_recognised(value: object, two: bool) -> None:
    assert written_with_two_digit_day(value) is two
