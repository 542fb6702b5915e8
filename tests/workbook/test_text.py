"""Cell text rules: HTML lists, line breaks, inline ' - ' lists, markers kept as written."""

from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sopdoc.layout.wrap import split_marker
from sopdoc.workbook.text import (
    cell_text,
    is_html,
    plain_text,
    remove_control_chars,
    split_items,
)

SEED_DASAR_HUKUM = (
    '<ol style="list-style-type: none"><li>1. Undang-Undang Nomor 25 Tahun 2009 tentang '
    "Pelayanan Publik;</li><li>2. Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan "
    "Daerah;</li><li>3. Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas "
    "Kinerja Instansi Pemerintah;</li><li>4. Peraturan Menteri Pendayagunaan Aparatur Negara "
    "dan Reformasi Birokrasi Republik Indonesia Nomor 15 Tahun 2014 tentang Pedoman Standar "
    "Pelayanan;</li><li>5. Peraturan Daerah Kabupaten Lumajang Nomor 15 Tahun 2007;</li>"
    "<li>6. Peraturan Daerah Kabupaten Lumajang Nomor 1 Tahun 2015 tentang Rencana "
    "Pembangunan Jangka Menengah (RPJMD) Tahun 2015-2020.</li></ol>"
)
SEED_STEP1 = (
    '<ul style="list-style-type: none"> <li>- Mempelajari Dasar Hukum Lap.SPM;</li> '
    "<li>- Mempelajari SK Tim;</li> <li>- Menyusun langkah teknis kegiatan;</li> "
    "<li>- Menentukan jadwal rapat.</li> </ul>"
)
SEED2_STEP1 = (
    "- Mempelajari Dasar Pelayanan Publik; - Melakukan konsultasi dan koordinasi ke Biro "
    "Organisasi Setda Provinsi."
)
SEED2_STEP8 = (
    "- Menyusun draf Peraturan Bupati; - Menyusun Telaahan Staf kepada Bupati; - Finalisasi/ "
    "Penyelesaian - Diajukan ke Bag. Hukum untuk proses lebih lanjut; - Sosialisasi dan "
    "Pendistribusian Peraturan."
)


def test_seed_html_ordered_list_keeps_its_markers() -> None:
    items = split_items(SEED_DASAR_HUKUM)
    assert len(items) == 6
    assert items[0] == "1. Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik;"
    assert items[5].endswith("(RPJMD) Tahun 2015-2020.")


def test_seed_html_unordered_list_with_dash_markers() -> None:
    assert split_items(SEED_STEP1) == (
        "- Mempelajari Dasar Hukum Lap.SPM;",
        "- Mempelajari SK Tim;",
        "- Menyusun langkah teknis kegiatan;",
        "- Menentukan jadwal rapat.",
    )


def test_seed_inline_dash_lists() -> None:
    assert split_items(SEED2_STEP1) == (
        "- Mempelajari Dasar Pelayanan Publik;",
        "- Melakukan konsultasi dan koordinasi ke Biro Organisasi Setda Provinsi.",
    )
    items = split_items(SEED2_STEP8)
    assert len(items) == 5
    assert items[2] == "- Finalisasi/ Penyelesaian"
    assert items[3] == "- Diajukan ke Bag. Hukum untuk proses lebih lanjut;"


@pytest.mark.parametrize(
    ("value", "items"),
    [
        (None, ()),
        ("   ", ()),
        ("Data SPM", ("Data SPM",)),
        ("a. ATK\nb. Komputer\n\n", ("a. ATK", "b. Komputer")),
        ("baris satu\r\nbaris dua", ("baris satu", "baris dua")),
        ("Satu<br>Dua<br/>Tiga<BR />Empat", ("Satu", "Dua", "Tiga", "Empat")),
        ("<p>Satu</p><p>Dua &amp; Tiga</p>", ("Satu", "Dua & Tiga")),
        ("<ul><li>Induk<ul><li>Anak</li></ul></li></ul>", ("Induk", "Anak")),
        ("<li><p>Dalam</p></li>", ("Dalam",)),
        ("<ol><li>Jam 08.00 &#8211; 12.00</li></ol>", ("Jam 08.00 – 12.00",)),
        ("<p><span style='color:red'>Merah</span> <b>tebal</b></p>", ("Merah tebal",)),
        (
            "<b>tebal</b> & <font color=red>merah</font>",
            ("<b>tebal</b> & <font color=red>merah</font>",),
        ),
        ("<ul><li>   </li><li></li></ul>", ()),
        ("<p>a<script>alert(1)</script>b</p>", ("ab",)),
        ("nilai < 5 & > 3", ("nilai < 5 & > 3",)),
        ("a &amp; b", ("a &amp; b",)),
        ("- hanya satu butir", ("- hanya satu butir",)),
        ("Tahun 2015 - 2020", ("Tahun 2015 - 2020",)),
        ("•  ATK   lengkap", ("• ATK lengkap",)),
        ("-", ()),
        (1.0, ("1",)),
    ],
)
def test_split_items(value: object, items: tuple[str, ...]) -> None:
    assert split_items(value) == items


def test_markers_are_never_doubled() -> None:
    assert split_items("<ol><li>1. Satu</li><li>2. Dua</li></ol>") == ("1. Satu", "2. Dua")
    assert split_items("<ol><li>Satu</li></ol>") == ("Satu",)


def test_plain_text_joins_items_by_line() -> None:
    assert plain_text("<ul><li>- Surat</li><li>- Sosialisasi</li></ul>") == "- Surat\n- Sosialisasi"
    assert plain_text(None) == ""


@pytest.mark.parametrize(
    ("item", "marker", "rest"),
    [
        ("1. Undang-Undang", "1.", "Undang-Undang"),
        ("12) Peraturan", "12)", "Peraturan"),
        ("a. Mampu", "a.", "Mampu"),
        ("B) Besar", "B)", "Besar"),
        ("iv. Keempat", "iv.", "Keempat"),
        ("(2) Kedua", "(2)", "Kedua"),
        ("- SK Tim", "-", "SK Tim"),
        ("• ATK", "•", "ATK"),
        ("Data SPM", "", "Data SPM"),
        ("Lap.SPM", "", "Lap.SPM"),
        ("30 Menit", "", "30 Menit"),
        ("2015-2020", "", "2015-2020"),
        ("-5 derajat", "", "-5 derajat"),
    ],
)
def test_split_marker(item: str, marker: str, rest: str) -> None:
    assert split_marker(item) == (marker, rest)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, ""),
        (" \u00a0 ", ""),
        (3.0, "3"),
        (2.5, "2.5"),
        (7, "7"),
        ("  070/ /35.07.25/2017 ", "070/ /35.07.25/2017"),
        (datetime(2020, 1, 13), "2020-01-13"),
    ],
)
def test_cell_text(value: object, text: str) -> None:
    assert cell_text(value) == text


def test_is_html() -> None:
    assert is_html("<ol><li>a</li></ol>")
    assert is_html("satu<br>dua")
    assert not is_html("a < b > c")
    assert not is_html("<nama pelaksana>")
    assert not is_html("<b>tebal</b> <font color=red>x</font> <para>")


def test_remove_control_chars() -> None:
    assert remove_control_chars("Nama\x07 SOP\x00") == ("Nama SOP", True)
    assert remove_control_chars("baris\r\nbaru\tkolom") == ("baris\nbaru\tkolom", False)
    assert remove_control_chars("a\x0bb") == ("a\nb", True)
    assert remove_control_chars("Ranuyoso ✓ 日本 👩‍💻") == ("Ranuyoso ✓ 日本 👩‍💻", False)


@given(st.text())
def test_split_items_never_fails_on_text(text: str) -> None:
    for item in split_items(text):
        assert item
        assert item == item.strip()


_TAGS = st.sampled_from(
    ["<ol>", "</ol>", "<li>", "</li>", "<br>", "<p>", "</p>", "<b>", "&amp;", "<", ">"]
)


@given(st.lists(st.one_of(_TAGS, st.text(max_size=8)), max_size=30))
def test_split_items_never_fails_on_html_soup(parts: list[str]) -> None:
    for item in split_items("".join(parts)):
        assert item
        assert item == item.strip()
