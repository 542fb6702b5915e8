"""SOP documents typed by hand in Word, as offices have them: built with python-docx and the
XML Word writes for what python-docx lacks (floating shapes, VML, pictures, Word lists)."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from docx import Document as new_docx
from docx.document import Document as DocxDocument
from docx.enum.table import WD_ROW_HEIGHT_RULE
from docx.enum.text import WD_BREAK
from docx.oxml import parse_xml
from docx.shared import Emu, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from factories import tiny_png

EMU_PER_PT = 12700
#: How the flowchart is made: shapes or VML anchored in the table's cells, shapes floating
#: beside it (anchored in the paragraph above the table), a picture, marks typed in the
#: actor columns, or nothing.
Flowchart = Literal["shapes", "vml", "beside", "picture", "marks", "none"]

NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"'
)


@dataclass(frozen=True)
class Step:
    """A step of a hand-made SOP: its text, the actor (lane) its symbol stands in, whether
    it is a decision, and where Ya and Tidak go (a decision) or where it goes next."""

    kegiatan: str
    lane: int
    decision: bool = False
    yes: int | None = None
    no: int | None = None
    waktu: str = "1 Hari"


@dataclass(frozen=True)
class Office:
    """How the office typed its SOP."""

    identity_columns: Literal[2, 3] = 2
    word_numbering: bool = False
    split_table: bool = False
    column_numbers: bool = True
    flowchart: Flowchart = "shapes"
    #: The procedure table on a page of its own, or right under the identity part.
    page_break: bool = True
    actors: tuple[str, ...] = ("Pemohon", "Petugas", "Kasi", "Camat")
    steps: tuple[Step, ...] = field(
        default_factory=lambda: (
            Step("Mengajukan permohonan dengan berkas lengkap", 0),
            Step("Menerima dan memeriksa berkas permohonan", 1),
            Step("Berkas lengkap?", 1, decision=True, yes=4, no=1),
            Step("Memeriksa dan memaraf konsep surat", 2),
            Step("Menandatangani surat", 3),
        )
    )


NOMOR = "800/15/427.75/2023"
NAMA = "Pelayanan Surat Keterangan Domisili"
DASAR = (
    "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik;",
    "Peraturan Bupati Nomor 12 Tahun 2020 tentang Pelimpahan Kewenangan;",
    "Peraturan Camat Nomor 3 Tahun 2021 tentang Standar Pelayanan.",
)
KUALIFIKASI = ("Memahami tugas pokok dan fungsi;", "Mampu mengoperasikan komputer.")
#: Row heights of the step rows, in points (exact, so shapes can be placed over them).
ROW = 40.0
#: Width of every lane column, in points, and where the first lane starts (after NO and
#: KEGIATAN).
LANE = 60.0
LANES_LEFT = 24.0 + 150.0


def _numbered(items: tuple[str, ...], *, word: bool, cell: _Cell) -> None:
    """Items in ``cell``: Word numbering (the List Number style) or typed ``1.``."""
    for number, item in enumerate(items, start=1):
        if word:
            paragraph = cell.add_paragraph(item, style="List Number")
        else:
            paragraph = cell.add_paragraph(f"{number}. {item}")
        paragraph.paragraph_format.space_after = Pt(0)


def _anchor(inner: str, *, x: float, y: float, width: float, height: float, ident: int) -> str:
    return (
        f'<w:r {NS}><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0"'
        f' relativeHeight="{ident}" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
        '<wp:simplePos x="0" y="0"/>'
        f'<wp:positionH relativeFrom="column"><wp:posOffset>{int(x * EMU_PER_PT)}</wp:posOffset>'
        f'</wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>'
        f"{int(y * EMU_PER_PT)}</wp:posOffset></wp:positionV>"
        f'<wp:extent cx="{int(width * EMU_PER_PT)}" cy="{int(height * EMU_PER_PT)}"/>'
        f'<wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>'
        f'<wp:docPr id="{ident}" name="Shape {ident}"/><wp:cNvGraphicFramePr/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/'
        f'wordprocessingShape">{inner}</a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>'
    )


def _shape(preset: str, width: float, height: float, *, text: str = "", line: bool = True) -> str:
    outline = '<a:ln><a:solidFill><a:srgbClr val="000000"/></a:solidFill></a:ln>'
    if not line:
        outline = "<a:ln><a:noFill/></a:ln>"
    box = ""
    if text:
        box = (
            "<wps:txbx><w:txbxContent><w:p><w:r><w:t>"
            f"{text}</w:t></w:r></w:p></w:txbxContent></wps:txbx>"
        )
    return (
        f'<wps:wsp><wps:cNvSpPr/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext'
        f' cx="{int(width * EMU_PER_PT)}" cy="{int(height * EMU_PER_PT)}"/></a:xfrm>'
        f'<a:prstGeom prst="{preset}"><a:avLst/></a:prstGeom>{outline}</wps:spPr>{box}'
        "<wps:bodyPr/></wps:wsp>"
    )


def _arrow(width: float, height: float, *, flip_v: bool = False, flip_h: bool = False) -> str:
    flips = (' flipV="1"' if flip_v else "") + (' flipH="1"' if flip_h else "")
    return (
        f'<wps:wsp><wps:cNvCnPr/><wps:spPr><a:xfrm{flips}><a:off x="0" y="0"/><a:ext'
        f' cx="{int(width * EMU_PER_PT)}" cy="{int(height * EMU_PER_PT)}"/></a:xfrm>'
        '<a:prstGeom prst="straightConnector1"><a:avLst/></a:prstGeom><a:ln><a:solidFill>'
        '<a:srgbClr val="000000"/></a:solidFill><a:tailEnd type="triangle"/></a:ln></wps:spPr>'
        "<wps:bodyPr/></wps:wsp>"
    )


def _vml(kind: str, box: tuple[float, float, float, float], *, text: str = "", **extra: str) -> str:
    """A VML shape in a run, positioned in points from its anchor (``box``: x, y, w, h)."""
    x, y, width, height = box
    style = f"position:absolute;margin-left:{x}pt;margin-top:{y}pt;width:{width}pt"
    style += f";height:{height}pt"
    attributes = " ".join(f'{k}="{v}"' for k, v in extra.items())
    inner = ""
    if text:
        content = f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"
        inner = f"<v:textbox><w:txbxContent>{content}</w:txbxContent></v:textbox>"
    shape = f'<v:{kind} style="{style}" {attributes}>{inner}</v:{kind}>'
    return f"<w:r {NS}><w:pict>{shape}</w:pict></w:r>"


def _vml_line(x0: float, y0: float, x1: float, y1: float) -> str:
    return (
        f'<w:r {NS}><w:pict><v:line style="position:absolute" from="{x0}pt,{y0}pt"'
        f' to="{x1}pt,{y1}pt"><v:stroke endarrow="block"/></v:line></w:pict></w:r>'
    )


def build(office: Office, path: Path) -> None:
    """Write the hand-made SOP document at ``path``."""
    document = new_docx()
    for line in ("PEMERINTAH KABUPATEN CONTOH", "KECAMATAN SUKAMAJU"):
        document.add_paragraph(line).runs[0].bold = True
    document.add_paragraph("Jl. Merdeka No. 1, Sukamaju")
    fields = (
        ("Nomor SOP", NOMOR),
        ("Tanggal Pembuatan", "2 Januari 2023"),
        ("Tanggal Revisi", "-"),
        ("Tanggal Efektif", "9 Januari 2023"),
        ("Disahkan Oleh", "CAMAT SUKAMAJU\n\n\nBUDI SANTOSO, S.STP\nNIP. 19800101 200501 1 001"),
        ("Nama SOP", NAMA),
    )
    columns = office.identity_columns
    identity = document.add_table(rows=len(fields), cols=columns)
    identity.style = "Table Grid"
    for row, (label, value) in enumerate(fields):
        identity.cell(row, 0).text = label
        if columns == 3:
            identity.cell(row, 1).text = ":"
        identity.cell(row, columns - 1).text = value
    sections = document.add_table(rows=6, cols=2)
    sections.style = "Table Grid"
    titles = (
        ("Dasar Hukum :", "Kualifikasi Pelaksana :"),
        ("Keterkaitan :", "Peralatan/Perlengkapan :"),
        ("Peringatan :", "Pencatatan dan Pendataan :"),
    )
    for pair, (left, right) in enumerate(titles):
        sections.cell(pair * 2, 0).text = left
        sections.cell(pair * 2, 1).text = right
    _numbered(DASAR, word=office.word_numbering, cell=sections.cell(1, 0))
    _numbered(KUALIFIKASI, word=False, cell=sections.cell(1, 1))
    sections.cell(3, 0).text = "SOP Pelayanan Surat Pengantar"
    sections.cell(3, 1).text = "Komputer, printer, ATK"
    sections.cell(5, 0).text = "Apabila tidak dilaksanakan, pelayanan terhambat."
    sections.cell(5, 1).text = "Buku agenda surat keluar"
    if office.page_break:
        document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    _procedure(document, office)
    document.save(str(path))


def _header(table: Table, office: Office) -> int:
    """The procedure table's header rows; returns how many."""
    n = len(office.actors)
    top, second = table.rows[0].cells, table.rows[1].cells
    top[0].text, top[1].text = "No", "Uraian Kegiatan"
    top[0].merge(second[0])
    top[1].merge(second[1])
    pelaksana = top[2].merge(top[1 + n])
    pelaksana.text = "Pelaksana"
    mutu = top[2 + n].merge(top[4 + n])
    mutu.text = "Mutu Baku"
    top[5 + n].text = "Ket."
    top[5 + n].merge(second[5 + n])
    for lane, name in enumerate(office.actors):
        second[2 + lane].text = name
    for offset, name in enumerate(("Persyaratan", "Waktu", "Output")):
        second[2 + n + offset].text = name
    if office.column_numbers:
        numbers = table.rows[2].cells
        for column, cell in enumerate(numbers):
            cell.text = str(column + 1)
        return 3
    return 2


def _procedure(document: DocxDocument, office: Office) -> None:
    n = len(office.actors)
    header = 3 if office.column_numbers else 2
    steps = office.steps
    split = len(steps) // 2 + 1 if office.split_table else len(steps)
    parts = [steps[:split], steps[split:]] if office.split_table else [steps]
    number = 0
    widths = [Pt(24), Pt(150), *[Pt(LANE)] * n, Pt(70), Pt(40), Pt(60), Pt(40)]
    for part, chunk in enumerate(parts):
        if part:
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        above = document.add_paragraph() if office.flowchart == "beside" else None
        table = document.add_table(rows=header + len(chunk), cols=6 + n)
        table.style = "Table Grid"
        table.autofit = False
        for row in table.rows:
            for cell, width in zip(row.cells, widths, strict=True):
                cell.width = width
        _header(table, office)
        for index, step in enumerate(chunk):
            number += 1
            row = table.rows[header + index]
            row.height = Pt(ROW)
            row.height_rule = WD_ROW_HEIGHT_RULE.EXACTLY
            cells = row.cells
            cells[0].text = str(number)
            cells[1].text = step.kegiatan
            cells[2 + n].text = "Berkas"
            cells[3 + n].text = step.waktu
            cells[4 + n].text = "Dokumen"
            if office.flowchart == "marks":
                cells[2 + step.lane].text = "?" if step.decision else "v"
        if office.flowchart in ("shapes", "vml", "beside"):
            first = number - len(chunk) + 1
            _draw(table, chunk, first=first, header=header, office=office, above=above)
        elif office.flowchart == "picture":
            anchor = table.rows[header].cells[2].paragraphs[0]
            anchor.add_run().add_picture(
                io.BytesIO(tiny_png(80, 60)), width=Emu(int(LANE * n * EMU_PER_PT))
            )


def _draw(
    table: Table,
    steps: tuple[Step, ...],
    *,
    first: int,
    header: int,
    office: Office,
    above: Paragraph | None = None,
) -> None:
    """Each step's symbol anchored in its own row's first lane cell, positioned over its
    lane; arrows to the next step (and Ya/Tidak with their labels) anchored in the row they
    leave from; all coordinates from the anchor cell's corner. With ``above`` (a paragraph
    above the table) all are anchored there instead, from the table's left edge."""
    shapes = {"decision": "flowChartDecision", "first": "flowChartTerminator", "other": "rect"}
    box_w, box_h = 44.0, 20.0
    ident = 100 + first * 10
    count = len(office.steps)
    for index, step in enumerate(steps):
        number = first + index
        row = table.rows[header + index]
        paragraph = row.cells[2].paragraphs[0] if above is None else above
        dx, dy = (0.0, 0.0) if above is None else (LANES_LEFT, index * ROW)
        x = dx + step.lane * LANE + (LANE - box_w) / 2
        y = dy + (ROW - box_h) / 2
        kind = "decision" if step.decision else "first" if number in (1, count) else "other"
        if office.flowchart == "vml":
            vml = {
                "decision": ("shape", {"type": "#_x0000_t110"}),
                "first": ("roundrect", {}),
                "other": ("rect", {}),
            }
            tag, extra = vml[kind]
            paragraph._p.append(parse_xml(_vml(tag, (x, y, box_w, box_h), **extra)))
        else:
            inner = _shape(shapes[kind], box_w, box_h)
            paragraph._p.append(
                parse_xml(_anchor(inner, x=x, y=y, width=box_w, height=box_h, ident=ident))
            )
        ident += 1
        targets = (
            [(step.yes or number + 1, "Ya"), (step.no, "Tidak")]
            if step.decision
            else [(number + 1, "")]
        )
        for target, label in targets:
            if target is None or target > count:
                continue
            start = (x + box_w / 2, y + box_h)
            lane = office.steps[target - 1].lane
            end_x = dx + lane * LANE + LANE / 2
            end_y = dy + (target - number) * ROW + (ROW - box_h) / 2
            if target < number:  # back to an earlier step: leave by the right vertex, up
                start = (x + box_w, y + box_h / 2)
                end_y = dy + (target - number) * ROW + ROW / 2
                end_x = dx + lane * LANE + (LANE + box_w) / 2
            if target // 1 and (target - first) >= len(steps):
                continue  # the next table's step: drawn there as in split documents
            x0, y0 = start
            if office.flowchart == "vml":
                paragraph._p.append(parse_xml(_vml_line(x0, y0, end_x, end_y)))
            else:
                left, top = min(x0, end_x), min(y0, end_y)
                width, height = abs(end_x - x0) or 0.01, abs(end_y - y0) or 0.01
                inner = _arrow(width, height, flip_v=end_y < y0, flip_h=end_x < x0)
                paragraph._p.append(
                    parse_xml(
                        _anchor(inner, x=left, y=top, width=width, height=height, ident=ident)
                    )
                )
            ident += 1
            if label:
                lx, ly = (x0 + 3, y0 + 2) if label == "Ya" else (x0 + 2, y0 - 12)
                if office.flowchart == "vml":
                    paragraph._p.append(
                        parse_xml(_vml("rect", (lx, ly, 24, 10), text=label, stroked="f"))
                    )
                else:
                    inner = _shape("rect", 24, 10, text=label, line=False)
                    paragraph._p.append(
                        parse_xml(_anchor(inner, x=lx, y=ly, width=24, height=10, ident=ident))
                    )
                ident += 1
