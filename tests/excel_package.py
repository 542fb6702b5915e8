"""Workbooks written part by part as Excel 2016 writes them, with what openpyxl drops.

openpyxl cannot write a text box, a chart it did not make, or x14 data validations, so the
tests that must prove those survive build the package by hand: shared strings, a date style,
row spans and ``x14ac:dyDescent``, a drawing with a text box, a picture and a chart,
comments with their VML, a plain and an x14 data validation, merged cells, defined names,
and a second sheet the SOP sheet refers to.
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from openpyxl.writer.theme import theme_xml

from sopdoc.model import column_letter

Row = Sequence[object]

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
X14AC = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac"
X14 = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"
XM = "http://schemas.microsoft.com/office/excel/2006/main"
XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
OFFICE = "application/vnd.openxmlformats-officedocument"
SML = f"{OFFICE}.spreadsheetml"
HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
#: Style 1 is Excel's "d mmmm yyyy" in Indonesian (custom format 164).
DATE_STYLE = 1


@dataclass
class ExcelSheet:
    name: str
    rows: Sequence[Row]
    #: Parts attached to this sheet.
    drawing: bool = False
    comments: Sequence[tuple[str, str]] = ()
    x14_validation: str = ""
    validation: str = ""
    merges: Sequence[str] = ()
    dates: set[tuple[int, int]] = field(default_factory=set)


def _png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    raw = b"".join(b"\x00" + b"\xff\x00\x00" * 4 for _ in range(4))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 4, 4, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


class _Strings:
    def __init__(self) -> None:
        self.items: list[str] = []
        self.count = 0

    def index(self, text: str) -> int:
        self.count += 1
        if text not in self.items:
            self.items.append(text)
        return self.items.index(text)

    def xml(self) -> str:
        body = "".join(
            f'<si><t xml:space="preserve">{escape(s)}</t></si>'
            if s != s.strip() or "\n" in s
            else f"<si><t>{escape(s)}</t></si>"
            for s in self.items
        )
        return (
            f'{HEAD}<sst xmlns="{MAIN}" count="{self.count}" uniqueCount="{len(self.items)}">'
            f"{body}</sst>"
        )


def _sheet_xml(sheet: ExcelSheet, strings: _Strings, rels: list[str]) -> str:
    rows = []
    width = max((len(r) for r in sheet.rows), default=1)
    for number, values in enumerate(sheet.rows, start=1):
        cells = []
        for column, value in enumerate(values, start=1):
            ref = f"{column_letter(column)}{number}"
            if value is None:
                continue
            if isinstance(value, date):
                serial = (value - date(1899, 12, 30)).days
                cells.append(f'<c r="{ref}" s="{DATE_STYLE}"><v>{serial}</v></c>')
            elif isinstance(value, int | float):
                cells.append(f'<c r="{ref}"><v>{value}</v></c>')
            else:
                cells.append(f'<c r="{ref}" t="s"><v>{strings.index(str(value))}</v></c>')
        if cells:
            rows.append(
                f'<row r="{number}" spans="1:{width}" x14ac:dyDescent="0.25">{"".join(cells)}</row>'
            )
    last = f"{column_letter(width)}{max(len(sheet.rows), 1)}"
    parts = [
        f'{HEAD}<worksheet xmlns="{MAIN}" xmlns:r="{REL}" xmlns:mc="{MC}" '
        f'mc:Ignorable="x14ac" xmlns:x14ac="{X14AC}">',
        f'<dimension ref="A1:{last}"/>',
        '<sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews>',
        '<sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/>',
        '<cols><col min="1" max="1" width="18.7109375" customWidth="1"/>'
        '<col min="2" max="2" width="40.7109375" customWidth="1"/></cols>',
        f"<sheetData>{''.join(rows)}</sheetData>",
    ]
    if sheet.merges:
        merges = "".join(f'<mergeCell ref="{m}"/>' for m in sheet.merges)
        parts.append(f'<mergeCells count="{len(sheet.merges)}">{merges}</mergeCells>')
    if sheet.validation:
        parts.append(
            '<dataValidations count="1"><dataValidation type="list" allowBlank="1" '
            f'showInputMessage="1" showErrorMessage="1" sqref="{sheet.validation}">'
            '<formula1>"x,?"</formula1></dataValidation></dataValidations>'
        )
    parts.append(
        '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
    )
    if sheet.drawing:
        rels.append(f"{REL}/drawing|../drawings/drawing1.xml")
        parts.append(f'<drawing r:id="rId{len(rels)}"/>')
    if sheet.comments:
        rels.append(f"{REL}/vmlDrawing|../drawings/vmlDrawing1.vml")
        parts.append(f'<legacyDrawing r:id="rId{len(rels)}"/>')
        rels.append(f"{REL}/comments|../comments1.xml")
    if sheet.x14_validation:
        parts.append(
            f'<extLst><ext uri="{{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}}" xmlns:x14="{X14}">'
            f'<x14:dataValidations count="1" xmlns:xm="{XM}"><x14:dataValidation type="list" '
            'allowBlank="1" showInputMessage="1" showErrorMessage="1"><x14:formula1>'
            f"<xm:f>{sheet.x14_validation}</xm:f></x14:formula1><xm:sqref>C20:F30</xm:sqref>"
            "</x14:dataValidation></x14:dataValidations></ext></extLst>"
        )
    parts.append("</worksheet>")
    return "".join(parts)


def _rels(items: Sequence[str]) -> str:
    body = "".join(
        f'<Relationship Id="rId{n}" Type="{kind}" Target="{target}"/>'
        for n, (kind, target) in enumerate((i.split("|") for i in items), start=1)
    )
    return f'{HEAD}<Relationships xmlns="{PKG}">{body}</Relationships>'


def _drawing() -> str:
    def anchor(col: int, row: int, inner: str) -> str:
        return (
            f"<xdr:twoCellAnchor><xdr:from><xdr:col>{col}</xdr:col><xdr:colOff>0</xdr:colOff>"
            f"<xdr:row>{row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to>"
            f"<xdr:col>{col + 3}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>{row + 5}"
            f"</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>{inner}<xdr:clientData/>"
            "</xdr:twoCellAnchor>"
        )

    text_box = (
        '<xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="2" name="TextBox 1"/>'
        '<xdr:cNvSpPr txBox="1"/></xdr:nvSpPr><xdr:spPr><a:xfrm><a:off x="0" y="0"/>'
        '<a:ext cx="1828800" cy="952500"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/>'
        '</a:prstGeom><a:solidFill><a:schemeClr val="lt1"/></a:solidFill></xdr:spPr>'
        '<xdr:txBody><a:bodyPr vertOverflow="clip" wrap="square" rtlCol="0" anchor="t"/>'
        '<a:lstStyle/><a:p><a:r><a:rPr lang="id-ID" sz="1100"/><a:t>Catatan staf: cek '
        "ulang nomor surat sebelum diparaf.</a:t></a:r></a:p></xdr:txBody></xdr:sp>"
    )
    picture = (
        '<xdr:pic><xdr:nvPicPr><xdr:cNvPr id="3" name="Picture 2"/><xdr:cNvPicPr>'
        '<a:picLocks noChangeAspect="1"/></xdr:cNvPicPr></xdr:nvPicPr><xdr:blipFill>'
        '<a:blip r:embed="rId1"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill>'
        '<xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="381000" cy="381000"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic>'
    )
    chart = (
        '<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="4" name="Chart 3"/>'
        "<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm>"
        '<a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic>'
        f'<a:graphicData uri="{C}"><c:chart xmlns:c="{C}" r:id="rId2"/></a:graphicData>'
        "</a:graphic></xdr:graphicFrame>"
    )
    return (
        f'{HEAD}<xdr:wsDr xmlns:xdr="{XDR}" xmlns:a="{A}" xmlns:r="{REL}">'
        f"{anchor(10, 1, text_box)}{anchor(10, 8, picture)}{anchor(10, 15, chart)}</xdr:wsDr>"
    )


def _chart() -> str:
    axis = (
        '<c:{kind}><c:axId val="{id}"/><c:scaling><c:orientation val="minMax"/></c:scaling>'
        '<c:delete val="0"/><c:axPos val="{pos}"/><c:crossAx val="{other}"/></c:{kind}>'
    )
    return (
        f'{HEAD}<c:chartSpace xmlns:c="{C}" xmlns:a="{A}" xmlns:r="{REL}"><c:chart>'
        '<c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping '
        'val="clustered"/><c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef>'
        "<c:f>Catatan!$B$1:$B$3</c:f></c:numRef></c:val></c:ser>"
        '<c:axId val="500"/><c:axId val="501"/></c:barChart>'
        + axis.format(kind="catAx", id=500, pos="b", other=501)
        + axis.format(kind="valAx", id=501, pos="l", other=500)
        + "</c:plotArea></c:chart></c:chartSpace>"
    )


def _comments(items: Sequence[tuple[str, str]]) -> tuple[str, str]:
    comments = "".join(
        f'<comment ref="{ref}" authorId="0"><text><r><t>{escape(text)}</t></r></text></comment>'
        for ref, text in items
    )
    xml = (
        f'{HEAD}<comments xmlns="{MAIN}"><authors><author>Staf TU</author></authors>'
        f"<commentList>{comments}</commentList></comments>"
    )
    shapes = "".join(
        '<v:shape type="#_x0000_t202" style="position:absolute;visibility:hidden" '
        'fillcolor="#ffffe1"><x:ClientData ObjectType="Note"><x:MoveWithCells/>'
        f"<x:Row>{int(ref[1:]) - 1}</x:Row><x:Column>{ord(ref[0]) - 65}</x:Column>"
        "</x:ClientData></v:shape>"
        for ref, _ in items
    )
    vml = (
        '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:'
        'office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><v:shapetype '
        'id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,'
        f'l21600,xe"><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>{shapes}'
        "</xml>"
    )
    return xml, vml


def _styles() -> str:
    return (
        f'{HEAD}<styleSheet xmlns="{MAIN}" xmlns:mc="{MC}" mc:Ignorable="x14ac" '
        f'xmlns:x14ac="{X14AC}"><numFmts count="1"><numFmt numFmtId="164" '
        'formatCode="[$-421]d\\ mmmm\\ yyyy;@"/></numFmts><fonts count="1" x14ac:knownFonts="1">'
        '<font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/>'
        '<scheme val="minor"/></font></fonts><fills count="2"><fill><patternFill '
        'patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border>'
        '</borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" '
        'borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" '
        'fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" '
        'borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1">'
        '<cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/>'
        '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" '
        'defaultPivotStyle="PivotStyleLight16"/></styleSheet>'
    )


def write_excel_package(
    path: Path, sheets: Sequence[ExcelSheet], *, defined_names: Sequence[tuple[str, str]] = ()
) -> Path:
    """Write ``sheets`` as Excel would; the first sheet carries the drawing and comments."""
    strings = _Strings()
    parts: dict[str, str | bytes] = {}
    overrides = [
        ("/xl/workbook.xml", f"{SML}.sheet.main+xml"),
        ("/xl/styles.xml", f"{SML}.styles+xml"),
        ("/xl/sharedStrings.xml", f"{SML}.sharedStrings+xml"),
        ("/xl/theme/theme1.xml", f"{OFFICE}.theme+xml"),
        ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
        ("/docProps/app.xml", f"{OFFICE}.extended-properties+xml"),
    ]
    workbook_rels = []
    for number, sheet in enumerate(sheets, start=1):
        rels: list[str] = []
        parts[f"xl/worksheets/sheet{number}.xml"] = _sheet_xml(sheet, strings, rels)
        overrides.append(
            (
                f"/xl/worksheets/sheet{number}.xml",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
            )
        )
        workbook_rels.append(f"{REL}/worksheet|worksheets/sheet{number}.xml")
        if sheet.drawing:
            parts["xl/drawings/drawing1.xml"] = _drawing()
            parts["xl/drawings/_rels/drawing1.xml.rels"] = _rels(
                [f"{REL}/image|../media/image1.png", f"{REL}/chart|../charts/chart1.xml"]
            )
            parts["xl/media/image1.png"] = _png()
            parts["xl/charts/chart1.xml"] = _chart()
            overrides += [
                ("/xl/drawings/drawing1.xml", f"{OFFICE}.drawing+xml"),
                ("/xl/charts/chart1.xml", f"{OFFICE}.drawingml.chart+xml"),
            ]
        if sheet.comments:
            parts["xl/comments1.xml"], parts["xl/drawings/vmlDrawing1.vml"] = _comments(
                sheet.comments
            )
            overrides.append(
                (
                    "/xl/comments1.xml",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml",
                )
            )
        if rels:
            parts[f"xl/worksheets/_rels/sheet{number}.xml.rels"] = _rels(rels)
    workbook_rels += [
        f"{REL}/theme|theme/theme1.xml",
        f"{REL}/styles|styles.xml",
        f"{REL}/sharedStrings|sharedStrings.xml",
    ]
    sheet_elements = "".join(
        f'<sheet name={quoteattr(s.name)} sheetId="{n}" r:id="rId{n}"/>'
        for n, s in enumerate(sheets, start=1)
    )
    names = "".join(
        f"<definedName name={quoteattr(name)}>{escape(ref)}</definedName>"
        for name, ref in defined_names
    )
    parts["xl/workbook.xml"] = (
        f'{HEAD}<workbook xmlns="{MAIN}" xmlns:r="{REL}" xmlns:mc="{MC}" mc:Ignorable="x15" '
        'xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main">'
        '<fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="22228"/>'
        '<workbookPr defaultThemeVersion="166925"/><bookViews><workbookView xWindow="-120" '
        'yWindow="-120" windowWidth="29040" windowHeight="15840"/></bookViews>'
        f"<sheets>{sheet_elements}</sheets>"
        + (f"<definedNames>{names}</definedNames>" if names else "")
        + '<calcPr calcId="191029"/></workbook>'
    )
    parts["xl/_rels/workbook.xml.rels"] = _rels(workbook_rels)
    parts["xl/theme/theme1.xml"] = theme_xml  # Excel's default Office theme
    parts["xl/styles.xml"] = _styles()
    parts["xl/sharedStrings.xml"] = strings.xml()
    parts["docProps/core.xml"] = (
        f'{HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
        'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/'
        'XMLSchema-instance"><dc:creator>Staf TU</dc:creator><dcterms:created '
        'xsi:type="dcterms:W3CDTF">2020-01-13T01:00:00Z</dcterms:created>'
        "</cp:coreProperties>"
    )
    parts["docProps/app.xml"] = (
        f'{HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        'extended-properties"><Application>Microsoft Excel</Application></Properties>'
    )
    defaults = (
        '<Default Extension="png" ContentType="image/png"/>'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        '<Default Extension="vml" ContentType="application/vnd.openxmlformats-'
        'officedocument.vmlDrawing"/>'
    )
    override_xml = "".join(
        f'<Override PartName="{name}" ContentType="{kind}"/>' for name, kind in overrides
    )
    content_types = (
        f'{HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        f"{defaults}{override_xml}</Types>"
    )
    root_rels = _rels(
        [
            f"{REL}/officeDocument|xl/workbook.xml",
            "http://schemas.openxmlformats.org/package/2006/relationships/metadata/"
            "core-properties|docProps/core.xml",
            f"{REL}/extended-properties|docProps/app.xml",
        ]
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", content_types)
        archive.writestr("_rels/.rels", root_rels)
        for name, data in parts.items():
            archive.writestr(name, data)
    return path
