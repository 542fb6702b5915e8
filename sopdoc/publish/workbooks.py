"""The commands' work on whole workbooks: check one, build several (with the Buku SOP), each
read no more than its changes need. The CLI and the pratinjau reach the layout and the
backends through here."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from sopdoc import messages as msg
from sopdoc import words
from sopdoc.errors import LayoutError
from sopdoc.layout import layout_procedure
from sopdoc.layout.fonts import metrics_for
from sopdoc.layout.geometry import IdentityPart
from sopdoc.layout.identity import FIT_SIZES, layout_identity
from sopdoc.layout.identity_geometry import IdentityLayout
from sopdoc.model import Problem, Severity, Sop, Workbook
from sopdoc.publish import batch
from sopdoc.publish.documents import check_template, require_tools, write_book
from sopdoc.publish.execute import Writing
from sopdoc.publish.flowcharts import select_sops
from sopdoc.publish.outcome import Outcome
from sopdoc.publish.paths import workbook_stem
from sopdoc.publish.plan import plan_build
from sopdoc.publish.revision import named_sops
from sopdoc.workbook import read_workbook
from sopdoc.workbook.locks import editor_lock


def with_layout_problems(workbook: Workbook) -> Workbook:
    """The workbook plus an error for every drawable SOP that does not fit its paper, so
    that ``check`` finds a step too tall for a page before ``build`` does; and a warning for
    an identity part that goes on to a second page, naming the sections that continue."""
    extra = []
    for sop in workbook.drawable():
        font = metrics_for(sop.agency.font)
        try:
            layout_procedure(sop, font=font)
            identity = layout_identity(sop, font=font)
        except LayoutError as error:
            extra.append(
                Problem(Severity.ERROR, error.reason, cell=error.cell, sheet=sop.sheet, sop=sop.key)
            )
            continue
        if len(identity.pages) > 1:
            extra.append(_identity_continues(sop, identity))
    return replace(workbook, problems=(*workbook.problems, *extra)) if extra else workbook


def _identity_continues(sop: Sop, identity: IdentityLayout) -> Problem:
    """The warning for an identity part on more than one page: which sections continue."""
    titles = {}
    for left, left_title, right, right_title in words.DOC_SECTION_TITLES:
        titles[(IdentityPart.LEFT, left)] = (left, left_title)
        titles[(IdentityPart.RIGHT, left)] = (right, right_title)
    continued = [
        titles[(cell.key.part, cell.key.field)]
        for page in identity.pages[1:]
        for row in page.rows
        for cell in row.cells
        if cell.lines and (cell.key.part, cell.key.field) in titles
    ]
    names = list(dict.fromkeys(title.rstrip(":") for _, title in continued))
    first = getattr(sop.sections, continued[0][0]).cell if continued else None
    return Problem(
        Severity.WARNING,
        msg.IDENTITY_CONTINUES.format(sections=", ".join(names), size=f"{FIT_SIZES[-1]:g}"),
        cell=first or sop.key,
        sheet=sop.sheet,
        sop=sop.key,
    )


def check_workbook(path: Path, *, jobs: int, strict: bool = False) -> Workbook:
    """The workbook with every problem ``check`` reports (with ``strict``, warnings as errors)."""
    result = with_layout_problems(read_workbook(path, jobs=jobs))
    return result.strict() if strict else result


@dataclass(frozen=True)
class BuildOptions:
    """How ``build`` writes a set of workbooks."""

    writing: Writing
    output: Path
    #: ``--sop``: the SOPs named, by nomor or sheet; empty for all.
    wanted: Sequence[str] = ()
    strict: bool = False
    force: bool = False
    clean: bool = False
    #: ``--buku``: one Buku SOP per workbook too.
    book: bool = False
    jobs: int = 1


@dataclass
class Built:
    """What ``build_workbooks`` did."""

    report: batch.Report
    #: The Buku SOP files written.
    books: list[Path] = field(default_factory=list)
    #: Workbooks an editor had open: their last saved content was read.
    open_in_editor: list[Path] = field(default_factory=list)
    #: The warnings of each workbook (``check`` lists them).
    warnings: dict[Path, int] = field(default_factory=dict)


def build_workbooks(
    paths: Sequence[Path],
    options: BuildOptions,
    *,
    progress: Callable[[Outcome, int, int], None] | None = None,
) -> Built:
    """Build the SOPs of ``paths``, each workbook into its folder (``output`` itself for one
    workbook), reading of each only the sheets whose content changed or that ``wanted``
    names; then, with ``book``, each workbook's Buku SOP."""
    writing = options.writing
    check_template(writing.template)
    require_tools(writing.formats)
    planned = [_book(path, options, single=len(paths) == 1) for path in paths]
    books = [book for book, _ in planned]
    report = batch.build_batch(
        books,
        writing=writing,
        jobs=options.jobs,
        force=options.force,
        clean=options.clean,
        everything=not options.wanted,
        progress=progress,
    )
    built = Built(
        report,
        open_in_editor=[p for p in paths if editor_lock(p) is not None],
        warnings={path: count for path, (_, count) in zip(paths, planned, strict=True) if count},
    )
    if options.book:
        for book in books:
            drawable = [s for s in book.sops if book.workbook.is_drawable(s)]
            if drawable:
                built.books += write_book(
                    book.workbook,
                    drawable,
                    folder=book.folder,
                    template=writing.template,
                    locked=writing.locked,
                )
    return built


def _book(path: Path, options: BuildOptions, *, single: bool) -> tuple[batch.Book, int]:
    """The SOPs of one workbook to build, and the workbook's warnings."""
    folder = options.output if single else options.output / workbook_stem(path)
    wanted = options.wanted
    full = options.strict or options.force or options.book
    sheets = None
    if wanted and not full:  # read the sheets of the SOPs named, not the whole workbook
        _, found = named_sops(
            path, wanted, folder=folder, formats=options.writing.formats, jobs=options.jobs
        )
        sheets = sorted({ref.sheet for refs in found for ref in refs})
    plan = plan_build(
        path,
        folder=folder,
        inputs=options.writing.inputs,
        jobs=options.jobs,
        full=full,
        sheets=sheets,
    )
    result = plan.workbook.strict() if options.strict else plan.workbook
    unchanged = () if wanted else plan.unchanged
    book = batch.Book(
        result, select_sops(result, wanted), folder, plan.stems, plan.prints, unchanged
    )
    return book, plan.warnings
