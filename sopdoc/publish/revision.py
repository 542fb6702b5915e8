"""``revise`` and ``build --sop``: finding the SOPs named, and a revision that either finishes
or leaves the workbook as it was."""

from __future__ import annotations

import dataclasses
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sopdoc import messages as msg
from sopdoc.errors import SopdocError
from sopdoc.model import CellRef, Sop
from sopdoc.publish import batch
from sopdoc.publish.documents import build_sop, check_template, require_tools
from sopdoc.publish.execute import Writing
from sopdoc.publish.flowcharts import find_named
from sopdoc.publish.freshness import Inputs
from sopdoc.publish.plan import Plan, plan_build
from sopdoc.workbook.locks import editor_lock
from sopdoc.workbook.revise import Revision, next_revision, write_revision


def named_sops(
    workbook: Path, names: Sequence[str], *, folder: Path, formats: Sequence[str], jobs: int
) -> tuple[Plan, list[list[CellRef]]]:
    """The SOPs each of ``names`` names, found with as little of the workbook read as the
    output folder's summaries allow (nothing, on a workbook built there and unchanged)."""
    inputs = Inputs.of(formats=formats)
    plan = plan_build(workbook, folder=folder, inputs=inputs, jobs=jobs, sheets=())
    refs = list(plan.nomors)
    names_of = [(plan.nomors[ref], ref.sheet) for ref in refs]
    found = [[refs[i] for i in find_named(name, names_of)] for name in names]
    return plan, found


def sop_to_revise(
    workbook: Path, wanted: str, *, folder: Path, formats: Sequence[str], template: Path | None
) -> tuple[Plan, Sop]:
    """The one SOP ``wanted`` names, with the plan it was read in; of a workbook built in
    ``folder`` before, its sheet is the only one read."""
    jobs = batch.default_jobs()
    plan, [refs] = named_sops(workbook, [wanted], folder=folder, formats=formats, jobs=jobs)
    if len(refs) != 1:
        choices = "; ".join(plan.nomors[ref] for ref in refs)
        raise SopdocError(
            msg.REVISE_AMBIGUOUS.format(name=wanted, count=len(refs), choices=choices)
        )
    found = [s for s in plan.workbook.sops if s.key == refs[0]]
    if not found:  # an unchanged sheet: read it now
        inputs = Inputs.of(formats=formats, template=template)
        plan = plan_build(workbook, folder=folder, inputs=inputs, jobs=jobs, sheets=[refs[0].sheet])
        found = [s for s in plan.workbook.sops if s.key == refs[0]]
    return plan, found[0]


@dataclass(frozen=True)
class Revised:
    """What ``revise_sop`` did: the revision written and the batch that rebuilt the SOP."""

    sop: Sop
    revision: Revision
    report: batch.Report
    #: TGL. EFEKTIF of the SOP when it is earlier than the new revision date.
    effective_before: date | None


def revise_sop(
    workbook: Path,
    wanted: str,
    *,
    when: date,
    note: str,
    formats: Sequence[str],
    folder: Path,
    template: Path | None = None,
    now: datetime | None = None,
) -> Revised:
    """Record a revision of the SOP ``wanted`` names and build it again.

    Everything that could stop it is checked before the workbook is touched: the template,
    the programs the formats need, an editor holding the workbook open, errors in the SOP,
    and the revised SOP itself, built once into a scratch folder. If any fails, the workbook
    is unchanged.
    """
    check_template(template)
    require_tools(formats)
    lock = editor_lock(workbook)
    if lock is not None:
        raise SopdocError(msg.WORKBOOK_OPEN_IN_EDITOR.format(lock=lock.name))
    plan, sop = sop_to_revise(workbook, wanted, folder=folder, formats=formats, template=template)
    problem = plan.workbook.first_error(sop)
    if problem is not None:
        raise SopdocError(
            msg.REVISE_SOP_HAS_ERRORS.format(
                nomor=sop.identity.nomor, problem=problem, workbook=workbook
            )
        )
    _try_build(sop, when=when, formats=formats, template=template)
    try:
        revision = write_revision(workbook, sop, when=when, note=note, now=now)
    except PermissionError:
        raise SopdocError(msg.WORKBOOK_IN_USE.format(path=workbook)) from None
    writing = Writing(tuple(formats), template)
    plan = plan_build(
        workbook,
        folder=folder,
        inputs=writing.inputs,
        jobs=batch.default_jobs(),
        sheets=[sop.sheet],
    )
    again = [s for s in plan.workbook.sops if s.key == sop.key]
    book = batch.Book(plan.workbook, again, folder, plan.stems, plan.prints)
    report = batch.build_batch([book], writing=writing, jobs=1, everything=False)
    effective = sop.identity.tanggal_efektif
    return Revised(sop, revision, report, effective if effective and effective < when else None)


def _try_build(sop: Sop, *, when: date, formats: Sequence[str], template: Path | None) -> None:
    """Build the SOP as it will read once revised, into a scratch folder: its SopdocError
    stops the revision before the workbook is written."""
    identity = dataclasses.replace(sop.identity, tanggal_revisi=when, revisi=next_revision(sop))
    revised = dataclasses.replace(sop, identity=identity)
    with tempfile.TemporaryDirectory(prefix="sopdoc-revise-") as scratch:
        build_sop(revised, formats=formats, out_dir=Path(scratch), stem="sop", template=template)
