"""The ``sopdoc`` command line: a thin click layer; errors become messages and exit codes here."""

from __future__ import annotations

import io
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import click

from sopdoc import __version__, words
from sopdoc import messages as msg
from sopdoc.errors import SopdocError
from sopdoc.help import HelpCommand, translate_usage
from sopdoc.model import Problem, Severity, Workbook
from sopdoc.publish import batch, documents
from sopdoc.publish.execute import Writing, default_jobs
from sopdoc.publish.flowcharts import FORMATS, export_flowcharts, select_sops
from sopdoc.publish.outcome import Outcome
from sopdoc.publish.workbooks import BuildOptions, build_workbooks, check_workbook
from sopdoc.serialize import workbook_data
from sopdoc.workbook import read_workbook

F = TypeVar("F", bound=Callable[..., Any])

#: Exit codes: 0 fine, 1 the workbook has errors, 2 the file cannot be read, 3 a tool is missing.
EXIT_INTERNAL = 70
EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141


def tolerant_console() -> None:
    """Print what a console cannot show as ``?`` instead of failing: a Windows console or a
    redirected output may use cp1252 or cp437, which lack letters a workbook may hold."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and stream.errors == "strict":
            stream.reconfigure(errors="replace")


def _console_is_unicode() -> bool:
    encoding = (getattr(sys.stdout, "encoding", None) or "").lower().replace("-", "")
    return encoding in ("utf8", "utf16", "utf32")


class _Group(HelpCommand, click.Group):
    """Turns every SopdocError into a one-line Bahasa Indonesia message and its exit code;
    its help is in Bahasa Indonesia like its commands'."""

    command_class = HelpCommand

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("subcommand_metavar", msg.HELP_COMMAND_METAVAR)
        super().__init__(*args, **kwargs)

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        super().format_options(ctx, formatter)
        self.format_commands(ctx, formatter)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """Every command with its whole one-line summary (click would cut it at a period)."""
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                rows.append((name, command.short_help or command.get_short_help_str(200)))
        if rows:
            with formatter.section(msg.HELP_COMMANDS):
                formatter.write_dl(rows)

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        **extra: Any,
    ) -> Any:
        """Click's entry point, with usage errors told in Bahasa Indonesia."""
        tolerant_console()
        try:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.exceptions.NoArgsIsHelpError as error:  # plain ``sopdoc``: the help
            click.echo(error.ctx.get_help() if error.ctx is not None else msg.CLI_HELP)
            sys.exit(0)
        except click.UsageError as error:
            click.echo(f"sopdoc: {translate_usage(error)}", err=True)
            sys.exit(error.exit_code)
        except click.exceptions.Abort:
            click.echo(f"sopdoc: {msg.INTERRUPTED}", err=True)
            sys.exit(EXIT_INTERRUPTED)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except SopdocError as error:
            click.echo(f"sopdoc: {' '.join(str(error).split())}", err=True)  # always one line
            sys.exit(error.exit_code)
        except BrokenPipeError:  # the reader of our output went away (| head): stop quietly
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(EXIT_BROKEN_PIPE)
        except batch.Interrupted as stop:
            text = msg.BUILD_INTERRUPTED.format(done=stop.done, total=stop.total)
            click.echo(f"sopdoc: {text}", err=True)
            sys.exit(EXIT_INTERRUPTED)
        except KeyboardInterrupt:
            click.echo(f"sopdoc: {msg.INTERRUPTED}", err=True)
            sys.exit(EXIT_INTERRUPTED)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except Exception as error:
            if os.environ.get("SOPDOC_DEBUG"):
                raise
            text = f"{type(error).__name__}: {error}"[:300]
            click.echo(f"sopdoc: {msg.INTERNAL_ERROR.format(error=text)}", err=True)
            sys.exit(EXIT_INTERNAL)


@click.group(
    cls=_Group, help=msg.CLI_HELP, context_settings={"help_option_names": ["-h", "--help"]}
)
@click.version_option(
    __version__, prog_name="sopdoc", help=msg.VERSION_OPTION, message=msg.VERSION_MESSAGE
)
@click.help_option("-h", "--help", help=msg.HELP_OPTION)
def main() -> None:
    """Entry point of the console script."""


def _problem_line(problem: Problem) -> str:
    label = msg.SEVERITY_LABELS[problem.severity.value]
    return f"  {label} {problem}"


def _print_check(workbook: Workbook, *, path: Path) -> None:
    click.echo(
        msg.CHECK_SUMMARY.format(
            path=path,
            sops=len(workbook.sops),
            errors=len(workbook.errors),
            warnings=len(workbook.warnings),
        )
    )
    for sop in workbook.sops:
        click.echo("")
        click.echo(
            msg.CHECK_SOP_LINE.format(
                sheet=sop.sheet,
                nomor=sop.identity.nomor or msg.NO_VALUE,
                nama=sop.identity.nama or msg.NO_VALUE,
            )
        )
        counts = msg.CHECK_SOP_COUNTS.format(
            steps=len(sop.steps),
            actors=len(sop.actors),
            names=", ".join(a.name for a in sop.actors),
        )
        broken = "" if workbook.is_drawable(sop) else f"; {msg.CHECK_SOP_BROKEN}"
        click.echo(f"  {counts}{broken}")
        for problem in workbook.problems_of(sop):
            click.echo(_problem_line(problem))
    general = [p for p in workbook.problems if p.sop is None]
    if general:
        click.echo("")
        click.echo(msg.CHECK_WORKBOOK_PROBLEMS)
        for problem in general:
            click.echo(_problem_line(problem))
    click.echo("")
    click.echo(msg.CHECK_HAS_ERRORS if workbook.errors else msg.CHECK_OK)


#: ``--format`` of the commands that write documents (a comma-separated list).
_document_formats = click.option(
    "--format",
    "formats",
    default=",".join(documents.DEFAULT_FORMATS),
    metavar=msg.METAVAR_FORMATS,
    help=msg.BUILD_FORMAT_HELP.format(
        choices=", ".join(documents.FORMATS), default=",".join(documents.DEFAULT_FORMATS)
    ),
)
#: ``-o/--output`` of every command that writes files.
_output_folder = click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    default=Path("output"),
    metavar=msg.METAVAR_FOLDER,
    help=msg.OUTPUT_HELP,
)


#: ``--template`` of the commands that write DOCX.
_template_option = click.option(
    "--template",
    type=click.Path(path_type=Path),
    default=None,
    metavar=msg.METAVAR_TEMPLATE,
    help=msg.TEMPLATE_HELP,
)


def _read(path: Path, *, strict: bool, jobs: int = 1) -> Workbook:
    """Read a workbook; with ``--strict`` its warnings count as errors."""
    result = read_workbook(path, jobs=jobs)
    return result.strict() if strict else result


@main.command(help=msg.CHECK_HELP, short_help=msg.CHECK_SHORT)
@click.argument("workbook", metavar=msg.METAVAR_WORKBOOK, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help=msg.CHECK_JSON_HELP)
@click.option("--strict", is_flag=True, help=msg.STRICT_HELP)
def check(workbook: Path, as_json: bool, strict: bool) -> None:
    # strict after the layout's problems, so that they count as errors too
    result = check_workbook(workbook, jobs=default_jobs(), strict=strict)
    if as_json:
        # \u escapes where the console's code page lacks letters: still the same JSON.
        text = json.dumps(workbook_data(result), ensure_ascii=not _console_is_unicode(), indent=2)
        click.echo(text)
    else:
        _print_check(result, path=workbook)
    sys.exit(1 if any(p.severity is Severity.ERROR for p in result.problems) else 0)


@main.command(help=msg.NEW_HELP, short_help=msg.NEW_SHORT)
@click.argument("path", metavar=msg.METAVAR_NEW_PATH, type=click.Path(path_type=Path))
@click.option("--contoh", is_flag=True, help=msg.NEW_CONTOH_HELP)
@click.option(
    "--pelaksana", type=click.IntRange(1, 12), default=None, metavar="N", help=msg.NEW_ACTORS_HELP
)
@click.option(
    "--langkah", type=click.IntRange(1, 500), default=None, metavar="N", help=msg.NEW_STEPS_HELP
)
def new(path: Path, contoh: bool, pelaksana: int | None, langkah: int | None) -> None:
    from sopdoc.workbook.form import write_form

    write_form(path, contoh=contoh, actors=pelaksana, steps=langkah)
    click.echo(msg.NEW_DONE.format(path=path))


@main.command(name="import", help=msg.IMPORT_HELP, short_help=msg.IMPORT_SHORT)
@click.argument(
    "paths", nargs=-1, required=True, metavar=msg.METAVAR_DOCUMENTS, type=click.Path(path_type=Path)
)
@click.option(
    "-o",
    "--output",
    required=True,
    metavar=msg.METAVAR_NEW_PATH,
    type=click.Path(path_type=Path),
    help=msg.IMPORT_OUTPUT_HELP,
)
def import_command(paths: tuple[Path, ...], output: Path) -> None:
    from sopdoc.publish.importing import import_documents

    report = import_documents(paths, output)
    for line in report.lines:
        click.echo(line)
    if report.read:
        click.echo(
            msg.IMPORT_DONE.format(sops=report.read, documents=report.documents, path=output)
        )
    if report.to_fill:
        click.echo(msg.IMPORT_TO_FILL.format(count=report.to_fill))
    sys.exit(1 if report.failed or not report.read else 0)


@main.command(help=msg.FLOWCHART_HELP, short_help=msg.FLOWCHART_SHORT)
@click.argument("workbook", metavar=msg.METAVAR_WORKBOOK, type=click.Path(path_type=Path))
@click.option(
    "--sop", "wanted", multiple=True, metavar=msg.METAVAR_SOP, help=msg.FLOWCHART_SOP_HELP
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="png",
    help=msg.FLOWCHART_FORMAT_HELP,
)
@_output_folder
@click.option("--strict", is_flag=True, help=msg.STRICT_HELP)
def flowchart(
    workbook: Path, wanted: tuple[str, ...], fmt: str, output: Path, strict: bool
) -> None:
    result = _read(workbook, strict=strict)
    outcomes = export_flowcharts(result, sops=select_sops(result, wanted), fmt=fmt, out_dir=output)
    _report(outcomes, folder=output)


def _outcome_line(outcome: Outcome) -> str:
    sop = outcome.sop
    if outcome.error:
        return msg.FLOWCHART_FAILED.format(
            sheet=sop.sheet, nomor=sop.identity.nomor, reason=outcome.error
        )
    names = ", ".join(p.name for p in outcome.files)
    return msg.FLOWCHART_DONE.format(sheet=sop.sheet, nomor=sop.identity.nomor, files=names)


def _report(outcomes: list[Outcome], *, folder: Path) -> None:
    """One line per SOP, a summary, and exit 1 when any SOP failed."""
    for outcome in outcomes:
        click.echo(_outcome_line(outcome))
    failed = sum(1 for o in outcomes if o.error)
    click.echo(
        msg.FLOWCHART_SUMMARY.format(done=len(outcomes) - failed, failed=failed, folder=folder)
    )
    sys.exit(1 if failed else 0)


@main.command(name="build", help=msg.BUILD_HELP, short_help=msg.BUILD_SHORT)
@click.argument(
    "workbooks",
    nargs=-1,
    required=True,
    metavar=msg.METAVAR_WORKBOOKS,
    type=click.Path(path_type=Path),
)
@_document_formats
@click.option(
    "--sop", "wanted", multiple=True, metavar=msg.METAVAR_SOP, help=msg.FLOWCHART_SOP_HELP
)
@_output_folder
@click.option("--strict", is_flag=True, help=msg.STRICT_HELP)
@_template_option
@click.option(
    "--jobs", "-j", type=click.IntRange(min=1), default=None, metavar="N", help=msg.JOBS_HELP
)
@click.option("--force", is_flag=True, help=msg.FORCE_HELP)
@click.option("--clean", is_flag=True, help=msg.CLEAN_HELP)
@click.option("--buku", is_flag=True, help=msg.BUKU_HELP)
@click.option("--gambar-terkunci", "locked", is_flag=True, help=msg.LOCKED_HELP)
def build_command(
    workbooks: tuple[Path, ...],
    formats: str,
    wanted: tuple[str, ...],
    output: Path,
    strict: bool,
    template: Path | None,
    jobs: int | None,
    force: bool,
    clean: bool,
    buku: bool,
    locked: bool,
) -> None:
    options = BuildOptions(
        writing=Writing(documents.parse_formats(formats), template, locked),
        output=output,
        wanted=wanted,
        strict=strict,
        force=force,
        clean=clean,
        book=buku,
        jobs=jobs or default_jobs(),
    )
    built = build_workbooks(workbooks, options, progress=_progress())
    for path in built.open_in_editor:
        click.echo(msg.WORKBOOK_OPEN_NOTE.format(path=path), err=True)
    report = built.report
    for outcome in report.outcomes:
        click.echo(_outcome_line(outcome))
    for path in report.stale:
        click.echo(msg.BUILD_STALE.format(path=path))
    for path in report.removed:
        click.echo(msg.BUILD_REMOVED.format(path=path))
    for path in built.books:
        click.echo(msg.BOOK_DONE.format(path=path))
    for path, count in built.warnings.items():
        click.echo(msg.BUILD_WARNINGS.format(count=count, workbook=path))
    failed = report.failed
    click.echo(
        msg.BUILD_SUMMARY.format(
            done=len(report.outcomes) - failed,
            skipped=report.skipped_count,
            failed=failed,
            folder=output,
        )
    )
    sys.exit(1 if failed else 0)


def _progress() -> Callable[[Outcome, int, int], None]:
    """A bar on a terminal, plain lines otherwise; both on stderr."""
    tty = sys.stderr.isatty()

    def show(outcome: Outcome, done: int, total: int) -> None:
        if tty:
            width = 30
            filled = width * done // max(total, 1)
            bar = "#" * filled + "-" * (width - filled)
            end = "\n" if done == total else ""
            click.echo(f"\r[{bar}] {done}/{total}", err=True, nl=False)
            if end:
                click.echo("", err=True)
        else:
            line = msg.PROGRESS_FAILED if outcome.error else msg.PROGRESS_DONE
            click.echo(
                line.format(done=done, total=total, nomor=outcome.sop.identity.nomor), err=True
            )

    return show


@main.command(help=msg.PREVIEW_HELP, short_help=msg.PREVIEW_SHORT)
@click.argument("workbook", metavar=msg.METAVAR_WORKBOOK, type=click.Path(path_type=Path))
@click.option(
    "--port", type=click.IntRange(1, 65535), default=None, metavar="N", help=msg.PREVIEW_PORT_HELP
)
@click.option("--no-browser", is_flag=True, help=msg.PREVIEW_NO_BROWSER_HELP)
def preview(workbook: Path, port: int | None, no_browser: bool) -> None:
    from sopdoc.preview.server import serve

    serve(workbook, port=port, open_browser=not no_browser, echo=click.echo)


@main.command(help=msg.REVISE_HELP, short_help=msg.REVISE_SHORT)
@click.argument("workbook", metavar=msg.METAVAR_WORKBOOK, type=click.Path(path_type=Path))
@click.option("--sop", "wanted", required=True, metavar=msg.METAVAR_SOP, help=msg.REVISE_SOP_HELP)
@click.option("--tanggal", required=True, metavar=msg.METAVAR_DATE, help=msg.REVISE_DATE_HELP)
@click.option("--catatan", default="", metavar=msg.METAVAR_TEXT, help=msg.REVISE_NOTE_HELP)
@_document_formats
@_output_folder
@_template_option
def revise(
    workbook: Path,
    wanted: str,
    tanggal: str,
    catatan: str,
    formats: str,
    output: Path,
    template: Path | None,
) -> None:
    from sopdoc.dates import format_date, parse_date
    from sopdoc.publish.revision import revise_sop

    chosen = documents.parse_formats(formats)
    try:
        when = parse_date(tanggal)
    except ValueError:
        when = None
    if when is None:
        raise SopdocError(msg.REVISE_DATE_INVALID.format(value=tanggal))
    done = revise_sop(
        workbook,
        wanted,
        when=when,
        note=catatan,
        formats=chosen,
        folder=output,
        template=template,
    )
    sop, revision = done.sop, done.revision
    click.echo(
        msg.REVISE_DONE.format(
            nomor=sop.identity.nomor,
            cell=revision.cell,
            date=format_date(when),
            backup=revision.backup,
        )
    )
    old = revision.number - 1
    click.echo(
        msg.REVISE_NUMBERED.format(
            nomor=sop.identity.nomor,
            old=f"{old:02d}" if old > 0 else words.DOC_NO_VALUE,
            new=f"{revision.number:02d}",
        )
    )
    if done.effective_before is not None:
        click.echo(
            msg.REVISE_EFFECTIVE_BEFORE.format(
                effective=format_date(done.effective_before), date=format_date(when)
            ),
            err=True,
        )
    for outcome in done.report.outcomes:
        click.echo(_outcome_line(outcome))
    sys.exit(1 if done.report.failed else 0)
