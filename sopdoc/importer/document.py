"""One hand-made SOP document read into what the form holds, with what the clerk must still
fill or check."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any, Final

from sopdoc import dates, words
from sopdoc.importer.drawings import Drawing, drawings
from sopdoc.importer.fields import (
    SECTIONS,
    Columns,
    StepText,
    identity,
    is_identity_table,
    procedure_columns,
    sections,
    step_texts,
)
from sopdoc.importer.flow import Flow, Reading, read_flow
from sopdoc.importer.package import Package, read_package
from sopdoc.importer.text import Block, Numbers, Paragraph, Table, blocks
from sopdoc.workbook import labels
from sopdoc.workbook.contoh import ExampleSop, StepRow

#: The marks the form's actor columns take: an activity's and a decision's.
ACTIVITY: Final = labels.ACTIVITY_MARKS[0].lower()
DECISION: Final = labels.DECISION_MARKS[0]
#: The actor columns of a sheet whose document had no procedure table.
BLANK_ACTORS: Final = 4
#: What LANJUT KE, YA and TIDAK say of an end.
END: Final = labels.SELESAI[0].lower()


@dataclass(frozen=True)
class Gap:
    """Something the document did not say or sopdoc could not read: a field (``nomor``,
    ``dasar_hukum``...), a step's actors or flow (``step``), or the whole flowchart."""

    kind: str
    key: str
    step: int = 0


@dataclass
class Imported:
    """One document as the form holds it, the Instansi values its kop and signatory give,
    and the gaps the clerk must fill."""

    source: Path
    sop: ExampleSop
    instansi: dict[str, str]
    gaps: list[Gap] = field(default_factory=list)
    #: The flow came from the document's drawn flowchart (False: from marks in the table).
    drawn: bool = False
    #: The kop's logo: its file suffix and bytes.
    logo: tuple[str, bytes] | None = None


def import_document(path: Path) -> list[Imported]:
    """Read the SOP AP document at ``path`` (a DOCX): an SOP per identity table (NOMOR
    SOP) it holds, usually one, a whole Buku SOP's in a book."""
    package = read_package(path)
    numbers = Numbers(package.numbering, package.styles)
    found = list(blocks(package.body, numbers))
    all_drawings = drawings(package.body, [(b, e) for b, e in found if isinstance(b, Table)])
    starts = [i for i, (b, _) in enumerate(found) if isinstance(b, Table) and is_identity_table(b)]
    if not starts:
        starts = [0]
    starts[0] = 0  # the kop above the first identity table belongs to the first SOP
    segments = [found[a:b] for a, b in zip(starts, [*starts[1:], len(found)], strict=True)]
    return [_import_part(path, segment, package, all_drawings) for segment in segments]


def _import_part(
    path: Path,
    found: list[tuple[Block, Any]],
    package: Package,
    all_drawings: list[Drawing],
) -> Imported:
    """One SOP from its part of the document's blocks."""
    tables = [(b, e) for b, e in found if isinstance(b, Table)]
    procedure: list[tuple[Table, Columns]] = []
    columns: Columns | None = None
    for table, _ in tables:
        own = procedure_columns(table)
        if own is not None:
            columns = own
            procedure.append((table, own))
        elif columns is not None and len(table.widths) == len(procedure[0][0].widths):
            procedure.append((table, _continued(columns)))  # the table goes on, headerless
    first_procedure = procedure[0][0].index if procedure else 1 << 30
    above = [t for t, _ in tables if t.index < first_procedure]
    before: list[Paragraph] = []
    for block, _ in found:
        if isinstance(block, Table):
            break
        before.append(block)
    gaps: list[Gap] = []
    ident = identity(
        [t for t in above if is_identity_table(t)] or above or [t for t, _ in tables], before
    )
    for key in ("nomor", "nama", "tanggal_pembuatan", "tanggal_efektif", "disahkan"):
        if not ident.values.get(key):
            gaps.append(Gap("field", key))
    found_sections = sections(above or [t for t, _ in tables])
    for key in SECTIONS:
        if key not in found_sections:
            gaps.append(Gap("field", key))
    steps: list[StepText] = []
    for table, own in procedure:
        steps += step_texts(table, own, start=own.header_rows)
    # No procedure table: blank actor columns for the clerk, as ``sopdoc new`` makes them.
    actors = procedure[0][1].actors if procedure else ("",) * BLANK_ACTORS
    if not procedure:
        gaps.append(Gap("field", "procedure"))
    reading = Reading({}, [s.number for s in steps])
    if procedure:
        reading = read_flow(procedure, steps, all_drawings, margin_left=package.margin_left)
    rows = []
    drawn = bool(reading.flows)
    for step in steps:
        row, gap = _step_row(step, reading.flows.get(step.number), steps)
        rows.append(row)
        if gap:
            gaps.append(Gap("step", gap, step.number))
    if reading.pictures and not reading.flows:
        gaps.append(Gap("flowchart", "picture"))
    kop = [line for line in ident.kop if line.strip()]
    header = [line for line in kop if line == line.upper()] or kop[:2]
    sop = ExampleSop(
        header=tuple(header),
        nomor=ident.values.get("nomor", ""),
        pembuatan=_date(ident.values.get("tanggal_pembuatan", "")),
        revisi=_revision(ident.values.get("tanggal_revisi", ""), ident.values.get("revisi", "")),
        efektif=_date(ident.values.get("tanggal_efektif", "")),
        disahkan=ident.values.get("disahkan", ""),
        nama=ident.values.get("nama", ""),
        sections=tuple(
            tuple("\n".join(found_sections.get(key, [])) for key, _ in pair)  # type: ignore[misc]
            for pair in labels.SECTION_PAIRS
        ),
        actors=tuple(actors),
        steps=tuple(rows),
    )
    logo = _logo(package, all_drawings, ident.kop_cell, [t.index for t, _ in tables])
    instansi = _instansi(kop, header, ident.values)
    instansi["KERTAS"] = package.paper or instansi["KERTAS"]
    instansi["HURUF"] = package.font or instansi["HURUF"]
    return Imported(path, sop, instansi, gaps, drawn, logo)


def _logo(
    package: Package,
    found: list[Drawing],
    kop_cell: tuple[int, int, int] | None,
    tables: list[int],
) -> tuple[str, bytes] | None:
    """The picture in the kop's cell, or (a kop typed above the tables) the first picture
    outside the tables."""
    for drawing in found:
        if kop_cell is not None and drawing.cell != kop_cell:
            continue
        if kop_cell is None and drawing.cell is not None:
            continue
        for shape in drawing.shapes:
            if shape.kind == "picture" and shape.image:
                image = package.image(shape.image)
                if image is not None:
                    return image
    return None


def _continued(columns: Columns) -> Columns:
    """A table that continues the procedure table without repeating its header."""
    return replace(columns, header_rows=0)


def _date(text: str) -> date | str | None:
    """A date cell's value: a date when the text is one, else the text as written (the
    form's reader then says what is wrong with it)."""
    try:
        return dates.parse_date(text) if text.strip() else None
    except ValueError:
        return text


def _revision(text: str, number: str) -> date | str | None:
    """TGL. REVISI with the number a REVISI KE row gives, as sopdoc prints them:
    ``22 Juli 2019 (Revisi 01)`` (a number it cannot read is left out)."""
    try:
        revision = dates.parse_revision_number(number or None)
    except ValueError:
        revision = None
    value = _date(text)
    if not text.strip() or revision is None:
        return value
    shown = dates.format_date(value) if isinstance(value, date) else text
    return f"{shown} ({words.DOC_REVISION.format(number=revision)})"


def _step_row(step: StepText, flow: Flow | None, steps: list[StepText]) -> tuple[StepRow, str]:
    """A step as the form holds it, from its drawn symbol, or from marks typed in its
    actor cells; and what could not be read of it ("" when all was)."""
    gap = ""
    if flow is not None:
        actors, decision = flow.actors, flow.decision
    elif step.marks:
        actors = tuple(sorted(step.marks))
        decision = any(m.upper() in labels.DECISION_MARKS for m in step.marks.values())
    else:
        return StepRow(
            step.kegiatan, (), step.kelengkapan, step.waktu, step.output, keterangan=step.keterangan
        ), "actors"
    targets: dict[str, object] = {}
    last = steps[-1].number
    if flow is not None:
        if decision:
            yes, no = flow.targets.get("yes", step.number + 1), flow.targets.get("no")
            if "no" not in flow.targets:
                gap = "flow"
            targets[labels.YA[0]] = _target(yes, flow.ends.get("yes"))
            if "no" in flow.targets:
                targets[labels.TIDAK[0]] = _target(no, flow.ends.get("no"))
        elif "next" in flow.targets:
            target = flow.targets["next"]
            default = step.number + 1 if step.number < last else None
            if target != default or flow.ends.get("next"):
                targets[labels.LANJUT_KE[0]] = _target(target, flow.ends.get("next"))
    elif decision:
        gap = "flow"
    mark = DECISION if decision else ACTIVITY
    return (
        StepRow(
            step.kegiatan,
            actors,
            step.kelengkapan,
            step.waktu,
            step.output,
            mark=mark,
            flow=targets,
            keterangan=step.keterangan,
        ),
        gap,
    )


def _target(target: int | None, end: str | None) -> object:
    if target is not None:
        return target
    return f"{END}: {end}" if end else END


def _instansi(kop: list[str], header: list[str], values: dict[str, str]) -> dict[str, str]:
    """The Instansi sheet from the first kop and signatory."""
    found = {"KERTAS": "F4", "HURUF": "Arial"}
    if header:
        found["PEMERINTAH"] = header[0]
    if len(header) > 1:
        found["UNIT KERJA"] = header[-1]
    rest = [line for line in kop if line not in header]
    if rest:
        found["ALAMAT"] = " ".join(rest)
    lines = [line.strip() for line in values.get("disahkan", "").split("\n") if line.strip()]
    if lines:
        found["JABATAN PENGESAH"] = lines[0]
    nip = next((line for line in lines if line.upper().startswith("NIP")), "")
    if nip:
        found["NIP PENGESAH"] = nip
    names = [line for line in lines[1:] if line != nip]
    if names:
        found["NAMA PENGESAH"] = names[0]
    return found
