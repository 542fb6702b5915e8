"""``sopdoc import``: documents (a folder of them, .doc through LibreOffice) into a new
workbook, and the report of what the clerk must still fill."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from sopdoc import messages as msg
from sopdoc.errors import SopdocError
from sopdoc.files import write_atomic
from sopdoc.importer.document import Gap, Imported, import_document
from sopdoc.workbook.form import BlockCells, sheet_name, write_imported

#: The document files ``import`` reads from a folder.
SUFFIXES: Final = (".docx", ".doc")
#: The logo files the workbook's LOGO reads.
LOGO_SUFFIXES: Final = (".png", ".jpg", ".jpeg")
#: How long LibreOffice may take to convert the .doc files, in seconds.
CONVERT_TIMEOUT: Final = 600


@dataclass
class ImportReport:
    """What ``import`` did: a line per document read or not, the cells to fill."""

    lines: list[str] = field(default_factory=list)
    #: SOPs written, and the documents they came from.
    read: int = 0
    documents: int = 0
    failed: int = 0
    to_fill: int = 0


def documents(paths: Sequence[Path]) -> list[Path]:
    """The documents named, a folder standing for its .docx and .doc files (sorted); Word's
    lock files (``~$...``) left out."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            inside = sorted(
                p
                for p in path.iterdir()
                if p.suffix.lower() in SUFFIXES and not p.name.startswith("~$")
            )
            if not inside:
                raise SopdocError(msg.IMPORT_NO_DOCUMENTS.format(path=path))
            found += inside
        else:
            found.append(path)
    return found


def _converted(paths: Sequence[Path], folder: Path) -> dict[Path, Path]:
    """The .doc files among ``paths`` converted to .docx by LibreOffice into ``folder``."""
    old = [p for p in paths if p.suffix.lower() == ".doc"]
    if not old:
        return {}
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise SopdocError(msg.IMPORT_DOC_NEEDS_LIBREOFFICE.format(path=old[0]))
    profile = (folder / "profil").as_uri()
    command = [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore"]
    subprocess.run(
        [*command, "--convert-to", "docx", "--outdir", str(folder), *(str(p) for p in old)],
        capture_output=True,
        timeout=CONVERT_TIMEOUT,
        check=False,
    )
    return {p: folder / f"{p.stem}.docx" for p in old}


def _free(path: Path) -> Path:
    """``path``, or the first ``name (2).png``... that does not exist yet."""
    number = 2
    candidate = path
    while candidate.exists():
        candidate = path.with_name(f"{path.stem} ({number}){path.suffix}")
        number += 1
    return candidate


def _gap_lines(gap: Gap, cells: BlockCells, sheet: str) -> Iterator[str]:
    """Where the clerk fills what the document did not say."""
    if gap.kind == "field":
        cell = cells.identity.get(gap.key) or cells.sections.get(gap.key)
        if cell is None:
            cell = cells.step_cell(1, cells.kegiatan_column)
        yield msg.IMPORT_FILL.format(cell=cell, sheet=sheet, what=msg.IMPORT_FIELD[gap.key])
    elif gap.kind == "step":
        if gap.key == "actors":
            cell = cells.step_cell(gap.step, cells.first_actor_column)
            what = msg.IMPORT_STEP_ACTORS.format(step=gap.step)
        else:
            cell = cells.step_cell(gap.step, cells.flow_columns[2])
            what = msg.IMPORT_STEP_FLOW.format(step=gap.step)
        yield msg.IMPORT_FILL.format(cell=cell, sheet=sheet, what=what)
    elif gap.kind == "flowchart":
        cell = cells.step_cell(1, cells.first_actor_column)
        what = msg.IMPORT_PICTURE.format(cell=cell)
        yield msg.IMPORT_FILL.format(cell=cell, sheet=sheet, what=what)


def import_documents(paths: Sequence[Path], output: Path) -> ImportReport:
    """Read every document into a new workbook at ``output``: one broken document never
    stops the others; nothing is written when none could be read."""
    report = ImportReport()
    files = documents(paths)
    imported: list[tuple[str, Imported]] = []
    taken: set[str] = set()
    with tempfile.TemporaryDirectory(prefix="sopdoc-impor-") as scratch:
        converted = _converted(files, Path(scratch))
        for path in files:
            source = converted.get(path, path)
            try:
                if path in converted and not source.is_file():
                    raise SopdocError(msg.IMPORT_DOC_FAILED.format(path=path))
                parts = import_document(source)
            except SopdocError as error:
                report.failed += 1
                report.lines.append(msg.IMPORT_FAILED.format(path=path, reason=error))
                continue
            except Exception as error:  # one document sopdoc cannot read stops no other
                report.failed += 1
                reason = msg.IMPORT_INTERNAL.format(error=type(error).__name__)
                report.lines.append(msg.IMPORT_FAILED.format(path=path, reason=reason))
                continue
            report.documents += 1
            for number, document in enumerate(parts, start=1):
                document.source = path
                wanted = path.stem if len(parts) == 1 else f"{path.stem} {number}"
                imported.append((sheet_name(wanted, taken), document))
    if not imported:
        return report
    instansi = dict(imported[0][1].instansi)
    logo = imported[0][1].logo
    written: Path | None = None
    if logo is not None and logo[0] in LOGO_SUFFIXES:
        written = _free(output.with_name(f"{output.stem}-logo{logo[0]}"))
        instansi["LOGO"] = written.name
    blocks = write_imported(output, instansi, [(name, d.sop) for name, d in imported])
    if logo is not None and written is not None:
        write_atomic(written, logo[1])
        report.lines.append(msg.IMPORT_LOGO.format(path=written))
    for (name, document), cells in zip(imported, blocks, strict=True):
        report.read += 1
        drawn = msg.IMPORT_DRAWN if document.drawn else ""
        report.lines.append(
            msg.IMPORT_READ.format(
                path=document.source,
                sheet=name,
                steps=len(document.sop.steps),
                actors=len(document.sop.actors),
                drawn=drawn,
            )
        )
        for gap in document.gaps:
            for line in _gap_lines(gap, cells, name):
                report.to_fill += 1
                report.lines.append(line)
    return report
