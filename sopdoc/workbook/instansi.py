"""Reading the optional ``Instansi`` sheet: settings shared by every SOP of a workbook."""

from __future__ import annotations

import re
import struct
from pathlib import Path, PurePath
from typing import Final

from sopdoc import messages as msg
from sopdoc.model import Agency, CellRef, Paper, Signatory, frozen_cells
from sopdoc.workbook import labels
from sopdoc.workbook.grid import Grid
from sopdoc.workbook.problems import Problems
from sopdoc.workbook.text import cell_text, remove_control_chars

#: A logo larger than this many pixels would exhaust memory when decoded; it is refused.
MAX_LOGO_PIXELS: Final = 40_000_000
#: Logo files larger than this are refused before they are read.
MAX_LOGO_BYTES: Final = 20 * 1024 * 1024

_FIELDS: Final = {
    "PEMERINTAH": "pemerintah",
    "UNIT KERJA": "unit",
    "KOP BARIS 1": "kop1",
    "KOP BARIS 2": "kop2",
    "KOP BARIS 3": "kop3",
    "KOP BARIS 4": "kop4",
    "FORMAT TANGGAL": "date_format",
    "JUDUL HALAMAN": "running_title",
    "ALAMAT": "alamat",
    "LOGO": "logo",
    "KERTAS": "paper",
    "HURUF": "font",
    "JABATAN PENGESAH": "jabatan",
    "NAMA PENGESAH": "nama",
    "PANGKAT PENGESAH": "pangkat",
    "NIP PENGESAH": "nip",
}


def is_instansi(grid: Grid) -> bool:
    return is_instansi_title(grid.name)


def is_instansi_title(title: str) -> bool:
    """Whether a sheet of this name holds the workbook's settings."""
    return labels.normalize(title) == labels.INSTANSI_SHEET.upper()


def is_petunjuk(grid: Grid) -> bool:
    """Sheets for people, which the reader skips: Petunjuk and the revision history."""
    return labels.normalize(grid.name) in (
        labels.PETUNJUK_SHEET.upper(),
        labels.RIWAYAT_SHEET.upper(),
    )


def read_agency(grid: Grid | None, *, folder: Path, problems: Problems) -> Agency:
    """The settings of an ``Instansi`` sheet (defaults when there is none)."""
    if grid is None:
        return Agency()
    values: dict[str, str] = {}
    cells: dict[str, CellRef] = {}
    for row in grid.rows():
        cells_of_row = grid.row(row)
        column, key_value = cells_of_row[0]
        if column != 1:
            continue
        key = labels.normalize(key_value)
        field_name = _FIELDS.get(key)
        if field_name is None:
            if row > 1 or key not in {"KUNCI", "NAMA", "PENGATURAN"}:
                problems.warning(
                    grid.ref(row, column),
                    msg.INSTANSI_KEY_UNKNOWN.format(
                        key=cell_text(key_value), keys=", ".join(_FIELDS)
                    ),
                )
            continue
        raw = grid.get(row, 2)
        ref = grid.ref(row, 2)
        if field_name == "nip" and isinstance(raw, int | float) and not isinstance(raw, bool):
            problems.warning(ref, msg.NIP_AS_NUMBER)
        text, changed = remove_control_chars(cell_text(raw))
        if changed:
            problems.warning(ref, msg.CONTROL_CHARS_REMOVED)
        if text:
            values[field_name] = " ".join(text.split())
            cells[field_name] = ref
    logo = _logo(values.get("logo"), cells.get("logo"), folder=folder, problems=problems)
    return Agency(
        pemerintah=values.get("pemerintah", ""),
        unit=values.get("unit", ""),
        alamat=values.get("alamat", ""),
        logo=logo[0] if logo else None,
        logo_pixels=logo[1] if logo else None,
        paper=_paper(values.get("paper"), cells.get("paper"), problems=problems),
        font=values.get("font", "Arial"),
        signatory=_signatory(values, cells),
        cells=frozen_cells(cells),
        two_digit_day=_date_format(values.get("date_format"), cells.get("date_format"), problems),
        kop_lines=tuple(values[f"kop{n}"] for n in range(1, 5) if values.get(f"kop{n}")),
        running_title=_yes(values.get("running_title"), cells.get("running_title"), problems),
    )


#: How a yes/no setting may be written.
_YES: Final = frozenset({"YA", "Y", "ADA", "AKTIF", "YES", "1", "BENAR", "TRUE"})
_NO: Final = frozenset({"TIDAK", "T", "TDK", "NO", "0", "SALAH", "FALSE", "-"})


def _yes(value: str | None, ref: CellRef | None, problems: Problems) -> bool:
    """A YA/TIDAK setting (YA when empty); anything else is a warning and YA."""
    if value is None:
        return True
    key = labels.normalize(value)
    if key in _YES or key in _NO:
        return key in _YES
    if ref is not None:
        problems.warning(ref, msg.YES_NO_INVALID.format(value=value))
    return True


def _date_format(value: str | None, ref: CellRef | None, problems: Problems) -> bool | None:
    """FORMAT TANGGAL: an example date or a pattern; the day's digits are what matters."""
    if value is None:
        return None
    text = value.strip().lower()
    if re.match(r"dd(?!d)", text) or re.match(r"0\d\s", text):
        return True
    if re.match(r"d(?!d)", text) or re.match(r"[1-9]\s", text):
        return False
    problems.warning(ref, msg.DATE_FORMAT_INVALID.format(value=value))
    return None


def _paper(value: str | None, ref: CellRef | None, *, problems: Problems) -> Paper:
    if value is None:
        return Paper.F4
    try:
        return Paper.from_name(value)
    except ValueError:
        choices = ", ".join(p.label for p in Paper)
        problems.error(ref, msg.PAPER_INVALID.format(value=value, choices=choices))
        return Paper.F4


def _signatory(values: dict[str, str], cells: dict[str, CellRef]) -> Signatory | None:
    if not any(values.get(k) for k in ("jabatan", "nama", "nip")):
        return None
    nip = values.get("nip", "")
    if nip and not nip.upper().startswith("NIP"):
        nip = f"NIP. {nip}"
    return Signatory(
        jabatan=values.get("jabatan", ""),
        nama=values.get("nama", ""),
        pangkat=values.get("pangkat", ""),
        nip=nip,
        cells=frozen_cells(
            {k: cells[k] for k in ("jabatan", "nama", "pangkat", "nip") if k in cells}
        ),
    )


def _logo(
    value: str | None, ref: CellRef | None, *, folder: Path, problems: Problems
) -> tuple[PurePath, tuple[int, int]] | None:
    """The logo's resolved path and its (width, height) in pixels, or None with a warning."""
    if value is None or ref is None:
        return None
    written = PurePath(value.replace("\\", "/"))
    if written.is_absolute() or (len(value) > 1 and value[1] == ":"):
        problems.warning(ref, msg.LOGO_ABSOLUTE.format(value=value))
        return None
    base = folder.resolve()
    path = (base / written).resolve()
    if not path.is_relative_to(base):
        problems.warning(ref, msg.LOGO_OUTSIDE.format(value=value))
        return None
    if not path.is_file():
        problems.warning(ref, msg.LOGO_MISSING.format(value=value))
        return None
    if path.stat().st_size > MAX_LOGO_BYTES:
        problems.warning(ref, msg.LOGO_TOO_BIG.format(value=value))
        return None
    with path.open("rb") as handle:
        head = handle.read(64 * 1024)
    size = image_size(head)
    if size is None:
        problems.warning(ref, msg.LOGO_NOT_IMAGE.format(value=value))
        return None
    if size[0] * size[1] > MAX_LOGO_PIXELS:
        problems.warning(ref, msg.LOGO_TOO_BIG.format(value=value))
        return None
    if size[0] < 1 or size[1] < 1:
        problems.warning(ref, msg.LOGO_NOT_IMAGE.format(value=value))
        return None
    return path, size


def image_size(head: bytes) -> tuple[int, int] | None:
    """(width, height) of a PNG or JPEG from its first bytes; None for anything else."""
    if head.startswith(b"\x89PNG\r\n\x1a\n") and len(head) >= 24 and head[12:16] == b"IHDR":
        width, height = struct.unpack(">II", head[16:24])
        return int(width), int(height)
    if head.startswith(b"\xff\xd8"):
        index = 2
        while index + 9 < len(head):
            if head[index] != 0xFF:
                index += 1
                continue
            marker = head[index + 1]
            if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
                index += 2
                continue
            (length,) = struct.unpack(">H", head[index + 2 : index + 4])
            if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
                height, width = struct.unpack(">HH", head[index + 5 : index + 9])
                return int(width), int(height)
            index += 2 + length
        return None
    return None
