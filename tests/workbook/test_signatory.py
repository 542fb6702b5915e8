"""Splitting DISAHKAN OLEH into jabatan, nama, pangkat and NIP."""

from __future__ import annotations

from sopdoc.workbook.signatory import nip_digits, split_signatory

SEED1 = "CAMAT RANUYOSO  IKO SAWARISDIYANTO, S.Sos, MM NIP. 19640706 198603 1 027"
SEED2 = " CAMAT RANUYOSO IKO SAWARISDIYANTO, S.Sos, MM NIP. 19640705 198603 1 027"


def fields(text: str, *hints: str) -> tuple[str, str, str, str]:
    s = split_signatory(text, jabatan_hints=hints)
    return (s.jabatan, s.nama, s.pangkat, s.nip)


def test_seed_one_line_with_double_space() -> None:
    assert fields(SEED1) == (
        "CAMAT RANUYOSO",
        "IKO SAWARISDIYANTO, S.Sos, MM",
        "",
        "NIP. 19640706 198603 1 027",
    )


def test_seed_one_line_split_after_instansi_jabatan() -> None:
    assert fields(SEED2, "Camat  Ranuyoso") == (
        "CAMAT RANUYOSO",
        "IKO SAWARISDIYANTO, S.Sos, MM",
        "",
        "NIP. 19640705 198603 1 027",
    )


def test_one_line_without_hint_cannot_be_split() -> None:
    jabatan, nama, _, nip = fields(SEED2)
    assert jabatan == "CAMAT RANUYOSO IKO SAWARISDIYANTO, S.Sos, MM"
    assert nama == ""
    assert nip == "NIP. 19640705 198603 1 027"


def test_multi_line_with_pangkat() -> None:
    text = "KEPALA DINAS\nDr. ANI, M.Si\nPembina Utama Muda (IV/c)\nNIP 19700101 199003 2 001"
    assert fields(text) == (
        "KEPALA DINAS",
        "Dr. ANI, M.Si",
        "Pembina Utama Muda (IV/c)",
        "NIP 19700101 199003 2 001",
    )


def test_one_line_with_pangkat_between_gaps() -> None:
    text = "SEKRETARIS  BUDI, S.H.  Penata Tk. I (III/d)  NIP: 19800202 200501 1 003"
    assert fields(text) == (
        "SEKRETARIS",
        "BUDI, S.H.",
        "Penata Tk. I (III/d)",
        "NIP: 19800202 200501 1 003",
    )


def test_nip_line_anywhere_and_no_nip() -> None:
    assert fields("LURAH\nNIP. 1970 01\nSITI") == ("LURAH", "SITI", "", "NIP. 1970 01")
    assert fields("CAMAT  ANDI") == ("CAMAT", "ANDI", "", "")


def test_word_nip_inside_a_name_is_not_a_nip() -> None:
    assert fields("KEPALA  NIPAH SARI") == ("KEPALA", "NIPAH SARI", "", "")


def test_nip_digits() -> None:
    assert nip_digits("NIP. 19640706 198603 1 027") == "196407061986031027"
