"""The identity page(s) of an SOP: kop, identity rows, signature and section pairs (pure)."""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Final

from sopdoc import messages as msg
from sopdoc import words
from sopdoc.dates import identity_date_text
from sopdoc.errors import LayoutError
from sopdoc.layout.geometry import (
    Align,
    Box,
    Column,
    FontMeasure,
    IdentityCellId,
    IdentityPart,
    LayoutStyle,
    PlacedLine,
    TextCell,
)
from sopdoc.layout.identity_geometry import (
    IdentityLayout,
    IdentityPage,
    IdentityRow,
    IdentityStyle,
)
from sopdoc.layout.text import place_lines, running_line, wrap_width
from sopdoc.layout.wrap import Line, item_markers, wrap_item, wrap_lines
from sopdoc.model import Paper, Signatory, Sop
from sopdoc.units import Pt, mm

#: The kop, label and value columns of the identity table.
IdentityColumns = tuple[Column[IdentityPart], Column[IdentityPart], Column[IdentityPart]]

# --- text --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Text:
    """Wrapped lines of one size and weight, before placing."""

    lines: tuple[Line, ...]
    size: Pt
    bold: bool = False
    underline: bool = False
    #: Indices of lines a page may break before (the start of an item).
    breaks: frozenset[int] = frozenset()


class _Placer:
    """Places groups of wrapped lines one under the other in a cell, with ``place_lines``."""

    def __init__(self, style: IdentityStyle, font: FontMeasure) -> None:
        self.style = style
        self.font = font
        self.lines = LayoutStyle(pad_x=style.pad_x, pad_y=0.0, leading=style.leading)

    def height(self, texts: Sequence[_Text]) -> Pt:
        return sum(len(t.lines) * t.size * self.style.leading for t in texts)

    def place(
        self, texts: Sequence[_Text], *, x: Pt, top: Pt, width: Pt, align: Align = "left"
    ) -> tuple[PlacedLine, ...]:
        placed: list[PlacedLine] = []
        for text in texts:
            box = Box(x, top, width, 0.0)
            lines = place_lines(
                text.lines,
                box,
                size=text.size,
                style=self.lines,
                font=self.font,
                bold=text.bold,
                align=align,
                table_cell=True,
            )
            placed += [replace(p, underline=text.underline and bool(p.text)) for p in lines]
            top += len(text.lines) * text.size * self.style.leading
        return tuple(placed)


def _wrap(text: str, *, width: Pt, size: Pt, font: FontMeasure, bold: bool = False) -> _Text:
    """One value, wrapped (its own line breaks kept); an empty value is one empty line."""
    lines = [
        line
        for part in text.splitlines() or [""]
        for line in (
            wrap_lines(part, width=width, size=size, measure=font, bold=bold) or (Line(""),)
        )
    ]
    return _Text(tuple(lines), size, bold)


def _items(items: Sequence[str], *, width: Pt, size: Pt, font: FontMeasure) -> _Text:
    """List items, markers hanging; a page may break before any item."""
    lines: list[Line] = []
    breaks: set[int] = set()
    for marker, rest in item_markers(items):
        breaks.add(len(lines))
        lines += wrap_item(marker, rest, width=width, size=size, measure=font)
    return _Text(tuple(lines), size, breaks=frozenset(breaks))


def _signature(
    signatory: Signatory | None, *, width: Pt, style: IdentityStyle, font: FontMeasure
) -> list[_Text]:
    """Jabatan, the blank lines to sign on, nama (bold, underlined), pangkat and NIP."""
    size = style.value_size
    if signatory is None:
        return [_wrap(words.DOC_NO_VALUE, width=width, size=size, font=font)]
    texts = [
        _wrap(signatory.jabatan, width=width, size=size, font=font),
        _Text(tuple(Line("") for _ in range(style.signature_lines)), size),
    ]
    if signatory.nama:
        name = _wrap(signatory.nama, width=width, size=size, font=font, bold=True)
        texts.append(replace(name, underline=True))
    texts += [
        _wrap(line, width=width, size=size, font=font)
        for line in (signatory.pangkat, signatory.nip)
        if line
    ]
    return texts


def _value(
    sop: Sop, field: str, *, width: Pt, style: IdentityStyle, font: FontMeasure
) -> list[_Text]:
    identity = sop.identity
    size = style.value_size
    if field == "disahkan":
        return _signature(identity.disahkan, width=width, style=style, font=font)
    if field == "nama":
        return [_wrap(identity.nama, width=width, size=size, font=font, bold=True)]
    if field == "nomor":
        return [_wrap(identity.nomor, width=width, size=size, font=font)]
    return [_wrap(identity_date_text(identity, field), width=width, size=size, font=font)]


# --- the identity rows and the kop -------------------------------------------------------------


def _columns(x0: Pt, width: Pt, style: IdentityStyle) -> IdentityColumns:
    kop = float(round(width * style.shares[0]))
    label = float(round(width * style.shares[1]))
    value = float(math.floor(width)) - kop - label
    return (
        Column(IdentityPart.KOP, "", x0, kop),
        Column(IdentityPart.LABEL, "", x0 + kop, label),
        Column(IdentityPart.VALUE, "", x0 + kop + label, value),
    )


def _logo_size(
    sop: Sop, column: Column[IdentityPart], style: IdentityStyle
) -> tuple[Pt, Pt] | None:
    """The logo's drawn (width, height): at most ``logo_max_height`` high and
    ``logo_max_share`` of the kop column wide, its aspect kept."""
    agency = sop.agency
    if agency.logo is None:
        return None
    if agency.logo_pixels is None:
        raise ValueError(f"logo {agency.logo} has no pixel size: the reader sets logo_pixels")
    px_w, px_h = agency.logo_pixels
    scale = min(style.logo_max_height / px_h, column.width * style.logo_max_share / px_w)
    return px_w * scale, px_h * scale


def _kop_texts(
    sop: Sop, column: Column[IdentityPart], style: IdentityStyle, font: FontMeasure
) -> list[_Text]:
    inner = column.width - 2 * style.pad_x
    header = sop.header or sop.agency.kop
    texts = [
        _wrap(line.upper(), width=inner, size=style.kop_size, font=font, bold=True)
        for line in header
    ]
    if sop.agency.alamat:
        texts.append(_wrap(sop.agency.alamat, width=inner, size=style.alamat_size, font=font))
    return texts


def _row_height(content: Pt, style: IdentityStyle, *, bottom: Pt | None = None) -> Pt:
    pad_bottom = style.pad_y if bottom is None else bottom
    return float(math.ceil(content + style.pad_y + pad_bottom - 1e-6))


def _identity_rows(
    sop: Sop,
    columns: IdentityColumns,
    *,
    y0: Pt,
    style: IdentityStyle,
    font: FontMeasure,
) -> tuple[list[IdentityRow], TextCell[IdentityCellId], Box | None, Pt]:
    """The six identity rows with the kop spanning them, centred; the logo's box and the top
    of the kop's text."""
    kop_col, label_col, value_col = columns
    placer = _Placer(style, font)
    contents = []
    for field, label in words.DOC_IDENTITY_LABELS:
        label_text = _wrap(
            label,
            width=label_col.width - 2 * style.pad_x,
            size=style.label_size,
            font=font,
            bold=True,
        )
        value = _value(
            sop, field, width=wrap_width(value_col.width, style.pad_x), style=style, font=font
        )
        height = _row_height(max(placer.height([label_text]), placer.height(value)), style)
        contents.append((field, [label_text], value, height))
    kop_texts = _kop_texts(sop, kop_col, style, font)
    logo = _logo_size(sop, kop_col, style)
    block = placer.height(kop_texts)
    if logo is not None:
        block += logo[1] + (style.logo_gap if kop_texts else 0.0)
    short = _row_height(block, style) - sum(c[3] for c in contents)
    if short > 0:  # a tall kop makes the signature row taller
        i = [c[0] for c in contents].index("disahkan")
        field, label_texts, value, height = contents[i]
        contents[i] = (field, label_texts, value, height + short)
    rows = []
    y = y0
    for field, label_texts, value, height in contents:
        cells = []
        for part, column, texts in (
            (IdentityPart.LABEL, label_col, label_texts),
            (IdentityPart.VALUE, value_col, value),
        ):
            box = Box(column.x, y, column.width, height)
            lines = placer.place(texts, x=box.x, top=y + style.pad_y, width=box.width)
            cells.append(TextCell(IdentityCellId(part, field), box, lines))
        rows.append(
            IdentityRow(field, Box(kop_col.x, y, value_col.right - kop_col.x, height), tuple(cells))
        )
        y += height
    span = Box(kop_col.x, y0, kop_col.width, y - y0)
    top = span.center_y - block / 2
    logo_box = None
    if logo is not None:
        logo_box = Box(span.center_x - logo[0] / 2, top, logo[0], logo[1])
        top += logo[1] + (style.logo_gap if kop_texts else 0.0)
    lines = placer.place(kop_texts, x=span.x, top=top, width=span.width, align="center")
    return rows, TextCell(IdentityCellId(IdentityPart.KOP), span, lines, "center"), logo_box, top


# --- section pairs and pages -------------------------------------------------------------------


@dataclass(frozen=True)
class _Side:
    """One column of a section pair: its title and items, not yet placed."""

    title: _Text
    items: _Text


def _sides(
    sop: Sop, columns: IdentityColumns, *, style: IdentityStyle, font: FontMeasure
) -> list[tuple[str, _Side, _Side]]:
    kop_col, label_col, value_col = columns
    widths = (label_col.right - kop_col.x, value_col.width)
    size = style.section_size
    pairs = []
    for left, left_title, right, right_title in words.DOC_SECTION_TITLES:
        sides = []
        for key, title, width in ((left, left_title, widths[0]), (right, right_title, widths[1])):
            inner = wrap_width(width, style.pad_x)
            # An empty section prints "-", as an empty date does (the reader warns).
            items = getattr(sop.sections, key).items or (words.DOC_NO_VALUE,)
            sides.append(
                _Side(
                    _wrap(title, width=inner, size=size, font=font, bold=True),
                    _items(items, width=inner, size=size, font=font),
                )
            )
        pairs.append((left, sides[0], sides[1]))
    return pairs


def _section_height(lines: int, style: IdentityStyle) -> Pt:
    return _row_height(
        lines * style.section_size * style.leading, style, bottom=style.section_pad_bottom
    )


def _lines(side: _Side) -> int:
    return len(side.title.lines) + len(side.items.lines)


def _cut(side: _Side, room: int) -> tuple[_Side, _Side | None]:
    """The part of ``side`` that fits ``room`` lines (title included) and the rest: cut
    before an item when one fits, else inside the item."""
    title = len(side.title.lines)
    items = side.items
    if title + len(items.lines) <= room:
        return side, None
    keep = room - title
    starts = [b for b in items.breaks if 0 < b <= keep]
    if starts:
        keep = max(starts)
    head = replace(
        items, lines=items.lines[:keep], breaks=frozenset(b for b in items.breaks if b < keep)
    )
    rest = replace(
        items,
        lines=items.lines[keep:],
        breaks=frozenset({0} | {b - keep for b in items.breaks if b >= keep}),
    )
    return replace(side, items=head), replace(side, items=rest)


def _section_row(
    key: str,
    left: _Side | None,
    right: _Side | None,
    columns: IdentityColumns,
    *,
    y: Pt,
    style: IdentityStyle,
    font: FontMeasure,
) -> IdentityRow:
    kop_col, label_col, value_col = columns
    count = max(_lines(s) for s in (left, right) if s is not None)
    height = _section_height(count, style)
    placer = _Placer(style, font)
    cells = []
    for part, side, x0, x1 in (
        (IdentityPart.LEFT, left, kop_col.x, label_col.right),
        (IdentityPart.RIGHT, right, value_col.x, value_col.right),
    ):
        box = Box(x0, y, x1 - x0, height)
        texts = [side.title, side.items] if side is not None else []
        lines = placer.place(texts, x=box.x, top=y + style.pad_y, width=box.width)
        cells.append(TextCell(IdentityCellId(part, key), box, lines))
    return IdentityRow(key, Box(kop_col.x, y, value_col.right - kop_col.x, height), tuple(cells))


def _flowing(
    pairs: list[tuple[str, _Side, _Side]],
    columns: IdentityColumns,
    *,
    y: Pt,
    style: IdentityStyle,
    font: FontMeasure,
) -> list[IdentityRow]:
    """The section pairs with each column flowing on its own: the left sections stacked at
    their own heights, the right ones likewise, the last of the shorter column reaching down
    to the longer one's end. Rows are the stretches between any two section boundaries; a
    section's cell (its whole box) stands in each row it spans, its lines in the first."""
    kop_col, label_col, value_col = columns
    placer = _Placer(style, font)
    stacks: list[list[tuple[IdentityCellId, float, float, tuple[PlacedLine, ...]]]] = []
    for part, x0, x1 in (
        (IdentityPart.LEFT, kop_col.x, label_col.right),
        (IdentityPart.RIGHT, value_col.x, value_col.right),
    ):
        stack: list[tuple[IdentityCellId, float, float, tuple[PlacedLine, ...]]] = []
        top = y
        for field, left, right in pairs:
            side = left if part is IdentityPart.LEFT else right
            height = _section_height(_lines(side), style)
            texts = [side.title, side.items]
            lines = placer.place(texts, x=x0, top=top + style.pad_y, width=x1 - x0)
            stack.append((IdentityCellId(part, field), top, height, lines))
            top += height
        stacks.append(stack)
    bottom = max(stack[-1][1] + stack[-1][2] for stack in stacks)
    for stack in stacks:  # the shorter column's last section reaches the end
        cell_id, top, _, lines = stack[-1]
        stack[-1] = (cell_id, top, bottom - top, lines)
    edges = sorted({top for stack in stacks for _, top, _, _ in stack} | {bottom})
    spans = ((kop_col.x, label_col.right), (value_col.x, value_col.right))
    rows = []
    for start, end in itertools.pairwise(edges):
        cells = []
        for stack, (x0, x1) in zip(stacks, spans, strict=True):
            cell_id, top, height, lines = next(c for c in stack if c[1] <= start < c[1] + c[2])
            box = Box(x0, top, x1 - x0, height)
            cells.append(TextCell(cell_id, box, lines if top == start else ()))
        box = Box(kop_col.x, start, value_col.right - kop_col.x, end - start)
        rows.append(IdentityRow(cells[0].key.field, box, tuple(cells)))
    return rows


def _paginate(
    first: list[IdentityRow],
    pairs: list[tuple[str, _Side, _Side]],
    columns: IdentityColumns,
    *,
    y0: Pt,
    available: Pt,
    continued: Pt,
    style: IdentityStyle,
    font: FontMeasure,
) -> list[list[IdentityRow]]:
    """Section rows after the identity rows; a pair too tall for what is left of the page is
    cut (before an item where possible) and goes on at ``continued`` on the next page, whose
    rows are section content only (the kop is not repeated: a running line names the SOP)."""
    pages: list[list[IdentityRow]] = [list(first)]
    y = first[-1].box.bottom
    leading = style.section_size * style.leading
    queue: list[tuple[str, _Side | None, _Side | None]] = [(k, a, b) for k, a, b in pairs]
    while queue:
        key, left, right = queue.pop(0)
        count = max(_lines(s) for s in (left, right) if s is not None)
        room = y0 + available - y
        if _section_height(count, style) <= room:
            pages[-1].append(_section_row(key, left, right, columns, y=y, style=style, font=font))
            y = pages[-1][-1].box.bottom
            continue
        lines = int((room - style.pad_y - style.section_pad_bottom) // leading)
        least = max(len(s.title.lines) + 1 for s in (left, right) if s is not None)
        if lines < least:
            if pages[-1]:
                pages.append([])
                y = continued
                queue.insert(0, (key, left, right))
                continue
            raise LayoutError(
                msg.IDENTITY_TOO_TALL.format(
                    height=_section_height(count, style), available=available
                )
            )
        heads, rests = [], []
        for side in (left, right):
            head, rest = _cut(side, lines) if side is not None else (None, None)
            heads.append(head)
            rests.append(rest)
        pages[-1].append(
            _section_row(key, heads[0], heads[1], columns, y=y, style=style, font=font)
        )
        pages.append([])
        y = continued
        if rests[0] is not None or rests[1] is not None:
            queue.insert(0, (key, rests[0], rests[1]))
    return [p for p in pages if p]


#: Section text sizes tried, largest first, with tight spacing, to keep the identity part on
#: one page. The smallest is the floor: below 8 pt a printed list of regulations is no longer
#: comfortably read, so the part goes on to a continuation page instead (and check says so).
FIT_SIZES: Final = (9.5, 9.0, 8.5, 8.0)
#: Room under a section pair's last line once spacing is tightened.
TIGHT_PAD_BOTTOM: Final = 2.0
#: Blank lines left to sign on once the page is tight: still room for a signature and a
#: stamp over the name.
TIGHT_SIGNATURE_LINES: Final = 2


def fitting_styles(style: IdentityStyle) -> list[IdentityStyle]:
    """The style, then variants in the order they are tried: the signature gap and the
    spacing give way first, then the section text shrinks step by step to the floor."""
    gap = min(style.signature_lines, TIGHT_SIGNATURE_LINES)
    tight = replace(style, signature_lines=gap, section_pad_bottom=TIGHT_PAD_BOTTOM)
    smaller = [replace(tight, section_size=size) for size in FIT_SIZES if size < style.section_size]
    return [style, tight, *smaller]


def layout_identity(
    sop: Sop,
    *,
    font: FontMeasure,
    paper: Paper | None = None,
    page_style: LayoutStyle | None = None,
    style: IdentityStyle | None = None,
) -> IdentityLayout:
    """Lay out the identity page(s) of ``sop`` on the procedure pages' paper and margins.

    The identity part keeps to one page whenever it can with tighter spacing and section text
    down to 8 pt; when even that does not fit it goes on at ``style``'s own sizes, the
    continuation pages full of section content. Raises LayoutError when the identity rows
    alone do not fit a page.
    """
    page_style = page_style or LayoutStyle()
    style = style or IdentityStyle()
    paper = paper or sop.agency.paper
    for candidate in fitting_styles(style):
        layout = _layout(sop, font=font, paper=paper, page_style=page_style, style=candidate)
        if len(layout.pages) == 1:
            return layout
    return _layout(sop, font=font, paper=paper, page_style=page_style, style=style)


def _running(
    sop: Sop, *, x0: Pt, y: Pt, width: Pt, style: IdentityStyle, font: FontMeasure
) -> TextCell[IdentityCellId]:
    """The line above a continuation page's table: the kop's name line, the SOP's name and
    number, cut with an ellipsis to the table's width."""
    issuer = sop.issuer[-1] if sop.issuer else ""
    text = words.DOC_IDENTITY_RUNNING.format(
        kop=issuer, nama=sop.identity.nama, nomor=sop.identity.nomor
    )
    return running_line(
        IdentityCellId(IdentityPart.RUNNING),
        " ".join(text.split()).strip(" —"),
        x=x0,
        y=y,
        width=width,
        size=style.running_size,
        leading=style.leading,
        gap=style.running_gap,
        font=font,
    )


def _layout(
    sop: Sop,
    *,
    font: FontMeasure,
    paper: Paper,
    page_style: LayoutStyle,
    style: IdentityStyle,
) -> IdentityLayout:
    page_w, page_h = (mm(v) for v in paper.landscape_mm)
    x0, y0 = float(round(page_style.margin_left)), float(round(page_style.margin_top))
    width = page_w - page_style.margin_left - page_style.margin_right
    available = page_h - page_style.margin_top - page_style.margin_bottom - page_style.footer
    columns = _columns(x0, width, style)
    rows, kop, logo, kop_top = _identity_rows(sop, columns, y0=y0, style=style, font=font)
    used = rows[-1].box.bottom - y0
    if used > available:
        raise LayoutError(msg.IDENTITY_TOO_TALL.format(height=used, available=available))
    pairs = _sides(sop, columns, style=style, font=font)
    running = _running(sop, x0=x0, y=y0, width=columns[2].right - x0, style=style, font=font)
    page_rows = _paginate(
        rows,
        pairs,
        columns,
        y0=y0,
        available=available,
        continued=running.box.bottom,
        style=style,
        font=font,
    )
    if len(page_rows) > 1:  # each column flowing on its own may keep the part on one page
        flowing = _flowing(pairs, columns, y=rows[-1].box.bottom, style=style, font=font)
        if flowing[-1].box.bottom <= y0 + available:
            page_rows = [[*rows, *flowing]]
    pages = []
    for index, page in enumerate(page_rows):
        table = Box(x0, page[0].box.y, columns[2].right - x0, page[-1].box.bottom - page[0].box.y)
        first = index == 0
        pages.append(
            IdentityPage(
                index,
                table,
                tuple(page),
                kop if first else None,
                logo if first else None,
                kop_top if first else 0.0,
                None if first else running,
            )
        )
    return IdentityLayout(
        paper=paper,
        page_width=page_w,
        page_height=page_h,
        columns=columns,
        pages=tuple(pages),
        style=style,
        section_size=style.section_size,
    )
