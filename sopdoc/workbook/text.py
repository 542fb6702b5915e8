"""Cell text: plain values, HTML lists from web e-SOP systems, and list items with their markers."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, time
from html import unescape
from html.parser import HTMLParser
from typing import Final

#: Structural tags that make a cell HTML (as web e-SOP systems export lists). Inline tags
#: alone (``<b>``, ``<font>``) do not: such a cell prints literally, markup and all.
_HTML_TAG: Final = re.compile(
    r"</?(?:ol|ul|li|p|br|div|table|tr|td|th|h[1-6])(?:\s[^<>]*)?/?>",
    re.IGNORECASE,
)
#: Tags whose start or end separates items.
_BLOCK_TAGS: Final = frozenset(
    {
        "ol",
        "ul",
        "li",
        "p",
        "br",
        "div",
        "table",
        "tr",
        "td",
        "th",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
    }
)
_DROPPED_TAGS: Final = frozenset({"script", "style", "head", "title"})
_SPACES: Final = re.compile(r"[ \t\u00a0\u2007\u202f\u3000]+")
_DASH_LIST: Final = re.compile(r"\s+-\s+")


def cell_text(value: object) -> str:
    """A raw cell value as stripped text; None and whitespace are ``""``, ``1.0`` is ``"1"``."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "BENAR" if value else "SALAH"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip(" \t\r\n\u00a0\u2007\u202f\u3000\ufeff")


def is_html(text: str) -> bool:
    """True when the text holds a structural HTML tag (a list, paragraph or line break)."""
    return _HTML_TAG.search(text) is not None


class _ItemParser(HTMLParser):
    """Collects the text of an HTML fragment, one line per block element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = [""]
        self._dropped = 0

    def _break(self) -> None:
        if self.lines[-1].strip():
            self.lines.append("")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _DROPPED_TAGS:
            self._dropped += 1
        elif tag in _BLOCK_TAGS:
            self._break()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            self._break()

    def handle_endtag(self, tag: str) -> None:
        if tag in _DROPPED_TAGS:
            self._dropped = max(0, self._dropped - 1)
        elif tag in _BLOCK_TAGS:
            self._break()

    def handle_data(self, data: str) -> None:
        if not self._dropped:
            # Newlines inside HTML source are layout, not content.
            self.lines[-1] += data.replace("\r", " ").replace("\n", " ")


def _html_lines(text: str) -> list[str]:
    parser = _ItemParser()
    try:
        parser.feed(text)
        parser.close()
    except (AssertionError, ValueError):  # pragma: no cover - HTMLParser is very tolerant
        return [unescape(re.sub(r"<[^>]*>", " ", text))]
    return parser.lines


def _split_dash_list(item: str) -> list[str]:
    """``- a; - b - c`` -> ``- a;``, ``- b``, ``- c`` (only for items that start with ``- ``)."""
    if not item.startswith("- "):
        return [item]
    parts = _DASH_LIST.split(item[2:])
    return [f"- {part.strip()}" for part in parts if part.strip()]


def split_items(value: object) -> tuple[str, ...]:
    """The list items of a cell: HTML and line breaks become items; markers are kept as written."""
    text = cell_text(value)
    if not text:
        return ()
    lines = _html_lines(text) if is_html(text) else text.splitlines()
    items: list[str] = []
    for line in lines:
        collapsed = _SPACES.sub(" ", line).strip()
        if collapsed:
            items.extend(_split_dash_list(collapsed))
    return tuple(item for item in items if item and item != "-")


def plain_text(value: object) -> str:
    """A single-value cell (WAKTU, KETERANGAN) as text: its items, one per line."""
    return "\n".join(split_items(value))


_ASCII_CONTROL: Final = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def remove_control_chars(text: str) -> tuple[str, bool]:
    """Drop invisible control characters, keeping tab and newline; report whether any were.

    Vertical tab and form feed (pasted from word processors) become newlines; carriage returns
    are line ends and are not reported.
    """
    normalized = text.replace("\r\n", "\n").replace("\r", "\n")
    converted = normalized.replace("\x0b", "\n").replace("\x0c", "\n")
    if converted.isascii() and not _ASCII_CONTROL.search(converted):
        return converted, converted != normalized  # the common case, without a per-character scan
    cleaned = "".join(
        ch for ch in converted if ch in "\t\n\u200d" or unicodedata.category(ch) not in ("Cc", "Cf")
    )
    return cleaned, cleaned != normalized
