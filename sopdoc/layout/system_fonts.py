"""Finding a family's TrueType files on this computer, on Windows, macOS and Linux alike."""

from __future__ import annotations

import functools
import os
import shutil
import struct
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Final

#: Style names of the regular and the bold face, as fonts name them (name IDs 2 and 17).
_REGULAR: Final = frozenset({"regular", "normal", "book", "roman"})
_BOLD: Final = frozenset({"bold"})
#: How long fontconfig may take to answer.
FC_MATCH_SECONDS: Final = 10


def font_folders() -> list[Path]:
    """Where this operating system keeps fonts, for every user and for this one."""
    home = Path.home()
    if sys.platform == "win32":
        windows = Path(os.environ.get("WINDIR", r"C:\Windows"))
        local = os.environ.get("LOCALAPPDATA")
        folders = [windows / "Fonts"]
        if local:
            folders.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
        return folders
    if sys.platform == "darwin":
        return [
            home / "Library" / "Fonts",
            Path("/Library/Fonts"),
            Path("/System/Library/Fonts"),
            Path("/System/Library/Fonts/Supplemental"),
        ]
    data = os.environ.get("XDG_DATA_HOME")
    return [
        Path(data) / "fonts" if data else home / ".local" / "share" / "fonts",
        home / ".fonts",
        Path("/usr/local/share/fonts"),
        Path("/usr/share/fonts"),
    ]


def _fc_match(pattern: str) -> Path | None:
    """The file fontconfig picks for ``pattern``, where fontconfig exists."""
    if shutil.which("fc-match") is None:
        return None
    try:
        out = subprocess.run(
            ["fc-match", "-f", "%{file}", pattern],
            capture_output=True,
            text=True,
            timeout=FC_MATCH_SECONDS,
            check=False,
        ).stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        return None
    path = Path(out)
    return path if out and path.suffix.lower() == ".ttf" and path.is_file() else None


def font_names(path: Path) -> tuple[str, str] | None:
    """The (family, style) a TrueType file gives itself in its ``name`` table, lower case;
    None for a file that is not a single TrueType font."""
    try:
        with path.open("rb") as file:
            head = file.read(12)
            if len(head) < 12 or head[:4] not in (b"\x00\x01\x00\x00", b"true"):
                return None
            (count,) = struct.unpack(">H", head[4:6])
            directory = file.read(16 * count)
            for i in range(count):
                tag, _, offset, length = struct.unpack(">4sIII", directory[16 * i : 16 * i + 16])
                if tag == b"name":
                    file.seek(offset)
                    return _family_and_style(file.read(length))
    except (OSError, struct.error):
        return None
    return None


def _family_and_style(table: bytes) -> tuple[str, str] | None:
    _, count, strings = struct.unpack(">HHH", table[:6])
    found: dict[int, str] = {}
    for i in range(count):
        platform, encoding, _, name_id, length, offset = struct.unpack(
            ">HHHHHH", table[6 + 12 * i : 18 + 12 * i]
        )
        if name_id not in (1, 2, 16, 17) or name_id in found:
            continue
        raw = table[strings + offset : strings + offset + length]
        if platform == 3 or platform == 0:
            found[name_id] = raw.decode("utf-16-be", errors="replace")
        elif platform == 1 and encoding == 0:
            found[name_id] = raw.decode("latin-1")
    family = found.get(16) or found.get(1)
    style = found.get(17) or found.get(2)
    if not family or not style:
        return None
    return " ".join(family.lower().split()), " ".join(style.lower().split())


def _font_files(folders: list[Path]) -> Iterator[Path]:
    for folder in folders:
        if folder.is_dir():
            for path in sorted(folder.rglob("*")):
                if path.suffix.lower() == ".ttf" and path.is_file():
                    yield path


@functools.cache
def _families() -> dict[str, dict[str, Path]]:
    """Every TrueType family in the font folders: its regular and bold file by style."""
    families: dict[str, dict[str, Path]] = {}
    for path in _font_files(font_folders()):
        names = font_names(path)
        if names is None:
            continue
        family, style = names
        kind = "regular" if style in _REGULAR else "bold" if style in _BOLD else None
        if kind is not None:
            families.setdefault(family, {}).setdefault(kind, path)
    return families


def find_system_family(family: str) -> tuple[Path, Path] | None:
    """The regular and bold TrueType files of ``family`` on this computer, or None.

    fontconfig answers where it exists (Linux), but only with the family asked for, never a
    substitute; elsewhere the operating system's font folders are read.
    """
    wanted = " ".join(family.lower().split())
    regular, bold = _fc_match(f"{family}:style=Regular"), _fc_match(f"{family}:style=Bold")
    if regular is not None and bold is not None:
        names = font_names(regular), font_names(bold)
        if all(n is not None and n[0] == wanted for n in names):
            return regular, bold
    files = _families().get(wanted, {})
    if "regular" in files:
        return files["regular"], files.get("bold", files["regular"])
    return None
