"""Finding TrueType fonts for a family name and measuring text with their real metrics."""

from __future__ import annotations

import functools
import hashlib
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from sopdoc import messages as msg
from sopdoc.errors import ToolMissingError
from sopdoc.units import Pt

_FONT_DIRS: Final = (
    Path("/usr/share/fonts/truetype/liberation2"),
    Path("/usr/share/fonts/truetype/liberation"),
    Path("/usr/share/fonts/liberation"),
    Path("/usr/local/share/fonts"),
    Path.home() / ".fonts",
)
#: Families that Liberation fonts replace metric for metric.
_METRIC_TWINS: Final = {
    "arial": "LiberationSans",
    "helvetica": "LiberationSans",
    "liberation sans": "LiberationSans",
    "times new roman": "LiberationSerif",
    "times": "LiberationSerif",
    "liberation serif": "LiberationSerif",
    "courier new": "LiberationMono",
    "courier": "LiberationMono",
    "liberation mono": "LiberationMono",
}
DEFAULT_FAMILY: Final = "Arial"


@dataclass(frozen=True)
class FontFiles:
    """The regular and bold TrueType files that stand for a family name."""

    family: str
    regular: Path
    bold: Path


def _fc_match(pattern: str) -> Path | None:
    if shutil.which("fc-match") is None:
        return None
    try:
        out = subprocess.run(
            ["fc-match", "-f", "%{file}", pattern],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        ).stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        return None
    path = Path(out)
    return path if out and path.suffix.lower() in (".ttf", ".otf") and path.is_file() else None


def _liberation(stem: str) -> tuple[Path, Path] | None:
    for folder in _FONT_DIRS:
        regular, bold = folder / f"{stem}-Regular.ttf", folder / f"{stem}-Bold.ttf"
        if regular.is_file() and bold.is_file():
            return regular, bold
    return None


@functools.cache
def find_font(family: str = DEFAULT_FAMILY) -> FontFiles:
    """The files for ``family``: its Liberation twin, else what fontconfig matches, else Arial's.

    Raises ToolMissingError (with the install command) when not even Liberation Sans exists.
    """
    twin = _METRIC_TWINS.get(" ".join(family.lower().split()))
    if twin is not None and (files := _liberation(twin)) is not None:
        return FontFiles(family, *files)
    regular, bold = _fc_match(f"{family}:style=Regular"), _fc_match(f"{family}:style=Bold")
    if regular is not None and bold is not None and regular.suffix.lower() == ".ttf":
        wanted = "".join(family.lower().split())
        if wanted in "".join(regular.stem.lower().split()):
            return FontFiles(family, regular, bold)
    fallback = _liberation("LiberationSans")
    if fallback is None:
        raise ToolMissingError(msg.FONT_MISSING)
    return FontFiles(DEFAULT_FAMILY, *fallback)


#: Characters the main font lacks (such as ✓) are drawn with this family.
FALLBACK_FAMILY: Final = "DejaVu Sans"
_FALLBACK_FILES: Final = (
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
)


def _register(name: str, path: Path) -> None:
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(name, str(path)))


def _fallback_files() -> tuple[Path, Path] | None:
    regular, bold = _FALLBACK_FILES
    if regular.is_file() and bold.is_file():
        return regular, bold
    found = _fc_match(f"{FALLBACK_FAMILY}:style=Book"), _fc_match(f"{FALLBACK_FAMILY}:style=Bold")
    if found[0] is not None and found[1] is not None:
        return found[0], found[1]
    return None


class FontMetrics:
    """Text widths and vertical metrics of one font family, regular and bold.

    Characters the family lacks are measured and drawn with DejaVu Sans when it is
    installed (``runs``), so marks such as ✓ print instead of an empty box.
    """

    def __init__(self, files: FontFiles) -> None:
        self.files = files
        # A stable name (not hash(), which varies per process) keeps PDFs byte-identical.
        key = hashlib.sha1(f"{files.regular}|{files.bold}".encode()).hexdigest()[:8]
        self.regular_name = f"sopdoc-{key}-r"
        self.bold_name = f"sopdoc-{key}-b"
        _register(self.regular_name, files.regular)
        _register(self.bold_name, files.bold)
        face = pdfmetrics.getFont(self.regular_name).face
        self._ascent = float(face.ascent) / 1000.0
        self._descent = -float(face.descent) / 1000.0
        self._glyphs = {
            False: frozenset(face.charToGlyph),
            True: frozenset(pdfmetrics.getFont(self.bold_name).face.charToGlyph),
        }
        self._chars = {bold: frozenset(map(chr, codes)) for bold, codes in self._glyphs.items()}
        # The fallback family is registered (40 ms of reading its files) only when a text
        # needs it: most workbooks never do.
        fallback = _fallback_files()
        self._fallbacks: dict[bool, tuple[str, Path]] | None = None
        if fallback is not None:
            self._fallbacks = {
                False: ("sopdoc-fallback-r", fallback[0]),
                True: ("sopdoc-fallback-b", fallback[1]),
            }
        self._advances = {name: _Advances(name) for name in (self.regular_name, self.bold_name)}

    def font_name(self, *, bold: bool = False) -> str:
        """The name under which reportlab knows this font."""
        return self.bold_name if bold else self.regular_name

    def runs(self, text: str, *, bold: bool = False) -> list[tuple[str, str]]:
        """``text`` split into (font name, piece) runs: the main font, or the fallback."""
        main = self.font_name(bold=bold)
        if self._fallbacks is None or self._chars[bold].issuperset(text):
            return [(main, text)] if text else []
        glyphs = self._glyphs[bold]
        fallback = self._registered(*self._fallbacks[bold])
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

    def _registered(self, name: str, path: Path) -> str:
        """A fallback font's name, registered with reportlab the first time it is used."""
        if name not in self._advances:
            _register(name, path)
            self._advances[name] = _Advances(name)
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
    """The advance of each character of one registered font, in thousandths of its size,
    looked up in the font's tables the first time the character is measured."""

    def __init__(self, name: str) -> None:
        super().__init__()
        face = pdfmetrics.getFont(name).face
        self._widths, self._default = face.charWidths, face.defaultWidth

    def __missing__(self, char: str) -> float:
        advance: float = self._widths.get(ord(char), self._default)
        self[char] = advance
        return advance


@functools.cache
def metrics_for(family: str = DEFAULT_FAMILY) -> FontMetrics:
    """The (cached, per process) metrics of a family name."""
    return FontMetrics(find_font(family))
