"""Wrapping with real font metrics, and Indonesian hyphenation of words wider than a line."""

from __future__ import annotations

import pytest

from sopdoc.layout.fonts import FontMetrics
from sopdoc.layout.wrap import syllable_splits, wrap_text


def test_syllable_splits_follow_indonesian_syllables() -> None:
    # Never fewer than three letters on either side: Penge-lola, not Pengelo-la.
    assert syllable_splits("Pengelola") == [("Penge", "lola")]
    assert ("KETE", "RANGAN") in syllable_splits("KETERANGAN")
    assert all(not head.endswith("-") for head, _ in syllable_splits("Sub-bagian"))


@pytest.mark.parametrize(
    ("text", "width"),
    [
        ("KETERANGAN", 40.0),
        ("Pengelola", 32.0),
        ("Kasi Pemerintahan", 45.0),
        ("Sekretaris Kecamatan Ranuyoso", 38.0),
    ],
)
def test_hyphenated_lines_fit_and_rejoin_to_the_text(
    text: str, width: float, font: FontMetrics
) -> None:
    lines = wrap_text(text, width=width, size=9, measure=font, bold=True, hyphenate=True)
    assert all(font.width(line, 9, bold=True) <= width for line in lines)
    joined = " ".join(lines).replace("- ", "")
    assert joined.split() == text.split()
    assert any(line.endswith("-") for line in lines)


def test_words_that_fit_a_line_are_never_hyphenated(font: FontMetrics) -> None:
    text = "Tim Pelayanan Publik Kecamatan"
    lines = wrap_text(text, width=50, size=9, measure=font, bold=True, hyphenate=True)
    assert lines == ["Tim", "Pelayanan", "Publik", "Kecamatan"]


def test_without_syllables_a_word_is_still_cut_to_fit(font: FontMetrics) -> None:
    lines = wrap_text("x" * 30, width=30, size=9, measure=font, hyphenate=True)
    assert "".join(lines) == "x" * 30
    assert all(font.width(line, 9) <= 30 for line in lines)
