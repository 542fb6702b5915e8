"""The fonts text is measured with: the bundled metric twins of the Office families, and their
real advance widths and vertical metrics."""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from reportlab.pdfbase.ttfonts import TTFont

from sopdoc.layout.system_fonts import find_system_family
from sopdoc.resources import font_path
from sopdoc.units import Pt

#: Families that the bundled Liberation fonts replace metric for metric.
_METRIC_TWINS: Final = {
    "arial": "LiberationSans",
    "helvetica": "LiberationSans",
    "liberation sans": "LiberationSans",
    "arimo": "LiberationSans",
    "times new roman": "LiberationSerif",
    "times": "LiberationSerif",
    "liberation serif": "LiberationSerif",
    "tinos": "LiberationSerif",
    "courier new": "LiberationMono",
    "courier": "LiberationMono",
    "liberation mono": "LiberationMono",
    "cousine": "LiberationMono",
}
DEFAULT_FAMILY: Final = "Arial"
#: Characters the main font lacks (such as ✓) are drawn with this family, bundled too.
FALLBACK_FAMILY: Final = "DejaVu Sans"
_FALLBACK_FILES: Final = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")


@dataclass(frozen=True)
class FontFiles:
    """The regular and bold TrueType files that stand for a family name."""

    family: str
    regular: Path
    bold: Path


def _bundled(stem: str) -> tuple[Path, Path]:
    return font_path(f"{stem}-Regular.ttf"), font_path(f"{stem}-Bold.ttf")


def is_bundled(family: str) -> bool:
    """Whether ``family`` is measured and drawn with a font that ships with sopdoc."""
    return " ".join(family.lower().split()) in _METRIC_TWINS


@functools.cache
def find_font(family: str = DEFAULT_FAMILY) -> FontFiles:
    """The files for ``family``: its bundled metric twin (Arial, Times New Roman, Courier
    New), else the family's own files on this computer, else the twin of Arial.

    The Office families are always the bundled fonts, so that a PDF or a PNG is the same
    on every machine and operating system; the DOCX and PPTX keep naming ``family``.
    """
    twin = _METRIC_TWINS.get(" ".join(family.lower().split()))
    if twin is not None:
        return FontFiles(family, *_bundled(twin))
    found = find_system_family(family)
    if found is not None:
        return FontFiles(family, *found)
    return FontFiles(DEFAULT_FAMILY, *_bundled(_METRIC_TWINS["arial"]))


def _content_key(*paths: Path) -> str:
    """A short name for the fonts' contents: the same on every machine, wherever the files
    are installed, so the same workbook gives the same PDF bytes."""
    digest = hashlib.sha1()
    for path in paths:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:8]


class FontMetrics:
    """Text widths and vertical metrics of one font family, regular and bold.

    Characters the family lacks are measured and drawn with the bundled DejaVu Sans
    (``runs``), so marks such as ✓ print instead of an empty box. The fonts are read here,
    not registered anywhere: the PDF backend registers ``faces`` under their names.
    """

    def __init__(self, files: FontFiles) -> None:
        self.files = files
        key = _content_key(files.regular, files.bold)
        self.regular_name = f"sopdoc-{key}-r"
        self.bold_name = f"sopdoc-{key}-b"
        #: Every face read so far, by the name the runs give it.
        self.faces: dict[str, TTFont] = {
            self.regular_name: TTFont(self.regular_name, str(files.regular)),
            self.bold_name: TTFont(self.bold_name, str(files.bold)),
        }
        regular = self.faces[self.regular_name].face
        self._ascent = float(regular.ascent) / 1000.0
        self._descent = -float(regular.descent) / 1000.0
        self._glyphs = {
            False: frozenset(regular.charToGlyph),
            True: frozenset(self.faces[self.bold_name].face.charToGlyph),
        }
        self._chars = {bold: frozenset(map(chr, codes)) for bold, codes in self._glyphs.items()}
        # The fallback family is read (40 ms) only when a text needs it: most workbooks never do.
        self._fallbacks = {
            False: ("sopdoc-fallback-r", _FALLBACK_FILES[0]),
            True: ("sopdoc-fallback-b", _FALLBACK_FILES[1]),
        }
        self._advances = {name: _Advances(font) for name, font in self.faces.items()}

    def font_name(self, *, bold: bool = False) -> str:
        """The name of the main face (regular or bold) in ``faces``."""
        return self.bold_name if bold else self.regular_name

    def runs(self, text: str, *, bold: bool = False) -> list[tuple[str, str]]:
        """``text`` split into (face name, piece) runs: the main font, or the fallback."""
        main = self.font_name(bold=bold)
        if self._chars[bold].issuperset(text):
            return [(main, text)] if text else []
        glyphs = self._glyphs[bold]
        fallback = self._fallback(bold)
        runs: list[tuple[str, str]] = []
        for ch in text:
            name = main
            if ord(ch) not in glyphs and not ch.isspace():
                name = fallback
            if runs and runs[-1][0] == name:
                runs[-1] = (name, runs[-1][1] + ch)
            else:
                runs.append((name, ch))
        return runs

    def _fallback(self, bold: bool) -> str:
        """The fallback face's name, read the first time it is used."""
        name, file_name = self._fallbacks[bold]
        if name not in self.faces:
            self.faces[name] = TTFont(name, str(font_path(file_name)))
            self._advances[name] = _Advances(self.faces[name])
        return name

    def width(self, text: str, size: Pt, *, bold: bool = False) -> Pt:
        """The advance width of ``text`` at ``size`` points (as reportlab measures it, to the
        last bit: the same advances summed in the same order, from a table per font)."""
        return float(
            sum(
                0.001 * size * sum(map(self._advances[name].__getitem__, piece))
                for name, piece in self.runs(text, bold=bold)
            )
        )

    def ascent(self, size: Pt) -> Pt:
        return self._ascent * size

    def descent(self, size: Pt) -> Pt:
        """Depth below the baseline, positive."""
        return self._descent * size


class _Advances(dict[str, float]):
    """The advance of each character of one face, in thousandths of its size, looked up in
    the font's tables the first time the character is measured."""

    def __init__(self, font: TTFont) -> None:
        super().__init__()
        face = font.face
        self._widths, self._default = face.charWidths, face.defaultWidth

    def __missing__(self, char: str) -> float:
        advance: float = self._widths.get(ord(char), self._default)
        self[char] = advance
        return advance


@functools.cache
def metrics_for(family: str = DEFAULT_FAMILY) -> FontMetrics:
    """The (cached, per process) metrics of a family name."""
    return FontMetrics(find_font(family))
