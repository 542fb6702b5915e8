"""Fonts: the Office families from the bundled files, other families from the system's font
folders by their names, never a substitute; measured without registering anything."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sopdoc.layout import fonts, system_fonts
from sopdoc.resources import font_path

RESOURCES = Path(fonts.__file__).resolve().parent.parent / "resources" / "fonts"
DEJAVU_SERIF = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")


@pytest.mark.parametrize(
    ("family", "stem"),
    [
        ("Arial", "LiberationSans"),
        ("  times   NEW roman ", "LiberationSerif"),
        ("Courier New", "LiberationMono"),
        ("Helvetica", "LiberationSans"),
    ],
)
def test_office_families_are_the_bundled_twins(family: str, stem: str) -> None:
    found = fonts.find_font(family)
    assert found.family == family
    assert found.regular == RESOURCES / f"{stem}-Regular.ttf"
    assert found.bold == RESOURCES / f"{stem}-Bold.ttf"


def test_bundled_licences_stand_beside_the_fonts() -> None:
    for name in ("LICENSE-Liberation.txt", "LICENSE-DejaVu.txt"):
        assert "Permission" in font_path(name).read_text() or "OFL" in font_path(name).read_text()
    assert "SIL OPEN FONT LICENSE Version 1.1" in font_path("LICENSE-Liberation.txt").read_text()


@pytest.fixture
def no_fontconfig(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(system_fonts, "_fc_match", lambda pattern: None)
    system_fonts._families.cache_clear()
    fonts.find_font.cache_clear()


@pytest.mark.skipif(not DEJAVU_SERIF.is_file(), reason="fonts-dejavu-core not installed")
def test_another_family_is_found_by_its_name_table_as_on_windows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_fontconfig: None
) -> None:
    # Windows names its files in 8.3 style: the file name says nothing of the family.
    shutil.copy(DEJAVU_SERIF, tmp_path / "djvsr.ttf")
    shutil.copy(DEJAVU_SERIF.with_name("DejaVuSerif-Bold.ttf"), tmp_path / "djvsrb.ttf")
    monkeypatch.setattr(system_fonts, "font_folders", lambda: [tmp_path])
    found = fonts.find_font("DejaVu Serif")
    assert (found.family, found.regular.name, found.bold.name) == (
        "DejaVu Serif",
        "djvsr.ttf",
        "djvsrb.ttf",
    )
    assert system_fonts.font_names(tmp_path / "djvsrb.ttf") == ("dejavu serif", "bold")


def test_an_unknown_family_falls_back_to_arials_twin(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_fontconfig: None
) -> None:
    monkeypatch.setattr(system_fonts, "font_folders", lambda: [tmp_path])
    found = fonts.find_font("Bookman Old Style")
    assert found.family == fonts.DEFAULT_FAMILY
    assert found.regular == RESOURCES / "LiberationSans-Regular.ttf"


def test_fontconfigs_substitute_is_not_taken_for_the_family(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On Fedora, fc-match answers Liberation Sans for Calibri: that is not Calibri."""
    fake = tmp_path / "bin" / "fc-match"
    fake.parent.mkdir()
    fake.write_text(f"#!/bin/sh\nprintf %s {RESOURCES / 'LiberationSans-Regular.ttf'}\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", str(fake.parent))
    monkeypatch.setattr(system_fonts, "font_folders", lambda: [tmp_path / "kosong"])
    system_fonts._families.cache_clear()
    fonts.find_font.cache_clear()
    assert system_fonts._fc_match("Calibri") is not None  # it answered
    found = fonts.find_font("Calibri")
    assert found.family == fonts.DEFAULT_FAMILY  # told as the fallback, not as Calibri


def test_layout_measures_without_registering_fonts_with_reportlab() -> None:
    script = (
        "from reportlab.pdfbase import pdfmetrics\n"
        "from sopdoc.layout.fonts import metrics_for\n"
        "m = metrics_for('Arial')\n"
        "assert m.width('Kegiatan ✓', 9) > 0\n"
        "assert not [n for n in pdfmetrics.getRegisteredFontNames() if n.startswith('sopdoc')]\n"
        "from sopdoc.backends.pdf.fonts import use_fonts\n"
        "use_fonts(m)\n"
        "assert m.font_name() in pdfmetrics.getRegisteredFontNames()\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_font_names_do_not_depend_on_where_sopdoc_is_installed(tmp_path: Path) -> None:
    elsewhere = tmp_path / "lain"
    elsewhere.mkdir()
    regular, bold = (
        shutil.copy(font_path(f"LiberationSans-{s}.ttf"), elsewhere) for s in ("Regular", "Bold")
    )
    here = fonts.metrics_for("Arial")
    there = fonts.FontMetrics(fonts.FontFiles("Arial", Path(regular), Path(bold)))
    assert there.font_name() == here.font_name()
