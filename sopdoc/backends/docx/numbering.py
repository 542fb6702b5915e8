"""Word lists: the item markers a user typed (``1.``, ``a)``, ``-``) as numbering.xml lists."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final

from lxml import etree

from sopdoc.backends.docx import wml
from sopdoc.namespaces import W

_ROMAN: Final = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x")
#: A numbered marker: what stands before the number, the number, what follows it.
_NUMBERED: Final = re.compile(r"^(\(?)(\d{1,3}|[a-zA-Z]|[ivxIVX]{1,4})([.)]?)$")
#: The markers that are bullets, as the layout knows them (``layout.wrap``).
_BULLETS: Final = frozenset("-–—•·●▪◦*>")


@dataclass(frozen=True)
class ListFormat:
    """How a list numbers its items: ``kind`` is w:numFmt (``decimal``, ``lowerLetter``,
    ``upperLetter``, ``lowerRoman``, ``upperRoman``, ``bullet``) and ``text`` w:lvlText
    (``%1.``, ``(%1)``, or the bullet)."""

    kind: str
    text: str


def _value(number: str, kind: str) -> int:
    if kind == "decimal":
        return int(number)
    if kind in ("lowerRoman", "upperRoman"):
        return _ROMAN.index(number.lower()) + 1
    return ord(number.lower()) - ord("a") + 1


def _kinds(number: str) -> list[str]:
    """The numbering kinds ``number`` may be: ``i`` is a letter or a roman one."""
    if number.isdigit():
        return ["decimal"]
    kinds = []
    if number.lower() in _ROMAN:
        kinds.append("lowerRoman" if number.islower() else "upperRoman")
    if len(number) == 1:
        kinds.append("lowerLetter" if number.islower() else "upperLetter")
    return kinds


def list_format(markers: Sequence[str]) -> tuple[ListFormat, int] | None:
    """The list format and first number of ``markers`` when they are one consistent list
    (the same bullet each time, or the same kind of number counting on by one); None when
    they are not, and the markers stay typed text."""
    if not markers:
        return None
    if all(m == markers[0] for m in markers) and markers[0] in _BULLETS:
        return ListFormat("bullet", markers[0]), 1
    parsed = [_NUMBERED.match(m) for m in markers]
    if any(p is None for p in parsed):
        return None
    shapes = {(p.group(1), p.group(3)) for p in parsed if p is not None}
    if len(shapes) != 1:
        return None
    before, after = next(iter(shapes))
    if before == "(" and after != ")":
        return None
    numbers = [p.group(2) for p in parsed if p is not None]
    for kind in _kinds(numbers[0]):
        try:
            values = [_value(n, kind) for n in numbers]
        except ValueError:
            continue
        if all(kind in _kinds(n) for n in numbers) and values == list(
            range(values[0], values[0] + len(values))
        ):
            return ListFormat(kind, f"{before}%1{after}"), values[0]
    return None


class Numbering:
    """The lists of one document: an abstract list per format, a list (``w:num``) per run
    of items, numbered from its first marker; ids go on after those of ``template`` (the
    template's numbering part)."""

    def __init__(self, template: bytes) -> None:
        self.template = template
        self.abstract_base, self.num_base = _bases(template)
        self.formats: dict[ListFormat, int] = {}
        self.lists: list[tuple[int, int]] = []  # (format index, start)

    def add(self, format_: ListFormat, start: int) -> int:
        """A new list of ``format_`` starting at ``start``; returns its ``w:numId``."""
        index = self.formats.setdefault(format_, len(self.formats))
        self.lists.append((index, start))
        return self.num_base + len(self.lists) - 1

    def merged(self) -> bytes:
        """The template's numbering part with these lists added."""
        if not self.lists:
            return self.template
        root = etree.fromstring(self.template)
        first_num = root.find(f"{{{W}}}num")
        for format_, index in self.formats.items():
            element = wml.parse(_abstract(self.abstract_base + index, format_))
            if first_num is not None:
                first_num.addprevious(element)
            else:
                _append(root, element)
        for number, (index, start) in enumerate(self.lists):
            ident, abstract = self.num_base + number, self.abstract_base + index
            _append(root, wml.parse(_num(ident, abstract, start)))
        return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


@functools.lru_cache(maxsize=8)
def _bases(blob: bytes) -> tuple[int, int]:
    """The first abstract list id and list id after the template's own."""
    root = etree.fromstring(blob)
    key = f"{{{W}}}"
    abstract = [int(e.get(f"{key}abstractNumId", "0")) for e in root.iter(f"{key}abstractNum")]
    nums = [int(e.get(f"{key}numId", "0")) for e in root.iter(f"{key}num")]
    return max([0, *abstract]) + 1, max([0, *nums]) + 1


def _append(root: Any, element: Any) -> None:
    """``element`` at the end of the numbering part, before ``numIdMacAtCleanup``."""
    cleanup = root.find(f"{{{W}}}numIdMacAtCleanup")
    if cleanup is not None:
        cleanup.addprevious(element)
    else:
        root.append(element)


def _abstract(ident: int, format_: ListFormat) -> str:
    """One level, its number followed by a tab: the paragraph's own hanging indent (the
    layout's, the marker's width) puts the text where the layout put it."""
    return (
        f'<w:abstractNum w:abstractNumId="{ident}"><w:multiLevelType w:val="singleLevel"/>'
        f'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="{format_.kind}"/>'
        f'<w:suff w:val="tab"/><w:lvlText w:val="{wml.escape(format_.text)}"/>'
        '<w:lvlJc w:val="left"/></w:lvl></w:abstractNum>'
    )


def _num(ident: int, abstract: int, start: int) -> str:
    """A list numbered from ``start`` (each list restarts, though they share a format)."""
    return (
        f'<w:num w:numId="{ident}"><w:abstractNumId w:val="{abstract}"/>'
        f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{start}"/></w:lvlOverride></w:num>'
    )
