"""The benchmark: sopdoc's build against LibreOffice, PlantUML and bare Graphviz, as one table.

Usage: python -m bench.run [--sizes 10,100,1000] [--sample 10] [--write BENCHMARKS.md]
"""

from __future__ import annotations

import argparse
import compileall
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from bench.generate import cached_path, generate
from bench.measure import Run, run
from bench.plantuml import plantuml_text
from sopdoc import __version__
from sopdoc.publish.batch import default_jobs

ROOT: Final = Path(__file__).resolve().parent.parent
SOPDOC: Final = (sys.executable, "-m", "sopdoc")
#: sopdoc runs as an installed package does, its modules' bytecode cached (compiled once at
#: the start): a PYTHONDONTWRITEBYTECODE in the environment would compile every module again
#: at each start (0.1 s of each command here), which no user's installation does.
SOPDOC_ENV: Final = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
FULL: Final = "docx,pdf,png"
PLANTUML_JAR: Final = Path("/usr/share/plantuml/plantuml.jar")
BEGIN: Final = "<!-- bench:begin -->"
END: Final = "<!-- bench:end -->"
REVISION_DATE: Final = "2026-11-24"
#: Rounds of each comparison, sopdoc and the other route alternating: the median counts.
ROUNDS: Final = 3


@dataclass(frozen=True)
class Row:
    """One line of the results table."""

    what: str
    sops: int
    jobs: int | str
    measured: Run

    @property
    def rate(self) -> float:
        return self.sops / self.measured.seconds if self.measured.seconds else 0.0


@dataclass(frozen=True)
class Ratio:
    """sopdoc against another route, per SOP."""

    what: str
    sopdoc: float
    other: float
    other_name: str
    target: float

    @property
    def ratio(self) -> float:
        return self.other / self.sopdoc if self.sopdoc else 0.0

    @property
    def met(self) -> bool:
        return self.ratio >= self.target


def _first_line(args: Sequence[str]) -> str:
    try:
        done = subprocess.run(args, capture_output=True, text=True, timeout=120, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return "not found"
    text = (done.stdout or done.stderr).strip()
    return text.splitlines()[0] if text else "not found"


def machine() -> dict[str, str]:
    """What the figures were measured on."""
    memory = ""
    with open("/proc/meminfo", encoding="ascii") as info:
        for line in info:
            if line.startswith("MemTotal:"):
                memory = f"{int(line.split()[1]) / (1 << 20):.1f} GiB"
    model = ""
    with open("/proc/cpuinfo", encoding="utf-8") as info:
        for line in info:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    return {
        "CPU": f"{default_jobs()} cores usable ({os.cpu_count()} online), {model}",
        "Memory": memory,
        "System": f"{platform.system()} {platform.release()}, Python {platform.python_version()}",
        "sopdoc": __version__,
        "Graphviz": _first_line(["dot", "-V"]),
        "LibreOffice": _first_line(["soffice", "--version"]),
        "PlantUML": _first_line(["java", "-jar", str(PLANTUML_JAR), "-version"]),
        "Java": _first_line(["java", "-version"]),
    }


def sopdoc_build(workbook: Path, out: Path, *, formats: str, jobs: int, log: Path) -> Run:
    return run(
        [*SOPDOC, "build", workbook, "--format", formats, "--jobs", str(jobs), "-o", out],
        log=log,
        env=SOPDOC_ENV,
    )


def _fresh(folder: Path) -> Path:
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return folder


def full_builds(
    books: dict[int, Path], *, work: Path, jobs: Sequence[int], say: Callable[[str], None]
) -> list[Row]:
    rows = []
    for size, book in books.items():
        for count in jobs:
            say(f"full build of {size} SOPs with {count} job(s)")
            out = _fresh(work / f"full-{size}-{count}")
            measured = sopdoc_build(
                book, out, formats=FULL, jobs=count, log=work / f"full-{size}-{count}.log"
            )
            pdfs = len(list(out.glob("*.pdf")))
            if pdfs != size:
                raise RuntimeError(f"{size} SOPs gave {pdfs} PDFs; see {out}")
            rows.append(Row("Full build (DOCX + PDF + PNG)", size, count, measured))
    return rows


#: (steps, actors) of the SOPs of the workbooks that show how the cost grows.
SHAPES: Final = ((10, 2), (10, 8), (30, 2), (30, 8), (60, 2), (60, 8))


def scaling(*, work: Path, sops: int, say: Callable[[str], None]) -> list[Row]:
    """Full builds (1 job) of workbooks whose SOPs all have the same number of steps and
    actors: how the cost per SOP grows with them (start-up shared by ``sops`` SOPs)."""
    rows = []
    for steps, actors in SHAPES:
        say(f"scaling: {sops} SOPs of {steps} steps and {actors} actors")
        book = generate(
            cached_path(work, sops=sops, shape=(steps, actors)), sops=sops, shape=(steps, actors)
        )
        name = f"shape-{steps}-{actors}"
        out = _fresh(work / name)
        measured = sopdoc_build(book, out, formats=FULL, jobs=1, log=work / f"{name}.log")
        if measured.returncode != 0:
            raise RuntimeError(f"the build of {book} failed; see {work / name}.log")
        rows.append(
            Row(f"Full build, SOPs of {steps} steps and {actors} actors", sops, 1, measured)
        )
    return rows


def incremental(book: Path, *, size: int, work: Path, jobs: int) -> tuple[Row, Row]:
    """Change one TGL. REVISI in a copy of the workbook with `sopdoc revise` (which writes that
    SOP's DOCX and PDF into the folder the full build with ``jobs`` wrote, as a user revises
    into the folder they build into), then build it again into that folder."""
    copy = work / f"incremental-{size}.xlsx"
    shutil.copyfile(book, copy)
    out = work / f"full-{size}-{jobs}"
    sheet = f"SOP {size // 2}"
    revised = run(
        [*SOPDOC, "revise", copy, "--sop", sheet, "--tanggal", REVISION_DATE, "-o", out],
        log=work / "incremental-revise.log",
        env=SOPDOC_ENV,
    )
    again = sopdoc_build(copy, out, formats=FULL, jobs=jobs, log=work / "incremental-build.log")
    if f"1 SOP dibuat, {size - 1} dilewati" not in again.output:
        raise RuntimeError(f"the rebuild did not build exactly one SOP:\n{again.output[-500:]}")
    return (
        Row(
            f"`sopdoc revise` of one TGL. REVISI ({sheet}), into the built folder", size, 1, revised
        ),
        Row("Incremental rebuild after that change", size, jobs, again),
    )


#: Sets one SOP's TGL. REVISI to a typed date (with the cell format Excel adds) and saves the
#: workbook with openpyxl, which renumbers the styles and rewrites every part.
RESAVE_SCRIPT: Final = """
import sys, datetime, openpyxl
workbook = openpyxl.load_workbook(sys.argv[1])
sheet = workbook[sys.argv[2]]
for row in sheet.iter_rows(max_col=1):
    if str(row[0].value or "").strip().upper().startswith("TGL. REVISI"):
        cell = sheet.cell(row=row[0].row, column=2)
        cell.value = datetime.datetime(2026, 12, 1)
        cell.number_format = "d mmmm yyyy"
        break
else:
    raise SystemExit("no TGL. REVISI row in " + sys.argv[2])
workbook.save(sys.argv[1])
"""


def resaved(book: Path, *, size: int, work: Path, jobs: int) -> list[Row]:
    """One TGL. REVISI typed in a copy of ``book`` (the workbook the folder of the full build
    with ``jobs`` was last built from) and saved by openpyxl, then
    another one saved the same way and the whole workbook re-saved by LibreOffice Calc
    (headless): each time the build rewrites exactly that one SOP."""
    copy = work / f"resaved-{size}.xlsx"
    shutil.copyfile(book, copy)
    out = work / f"full-{size}-{jobs}"
    rows = []
    for step, sheet in enumerate((f"SOP {size // 3}", f"SOP {2 * size // 3}")):
        subprocess.run([sys.executable, "-c", RESAVE_SCRIPT, copy, sheet], check=True)
        editor = "openpyxl"
        if step == 1:
            calc = work / "calc"
            profile = (work / "calc-profile").as_uri()
            subprocess.run(
                [
                    "soffice",
                    f"-env:UserInstallation={profile}",
                    "--headless",
                    "--norestore",
                    "--convert-to",
                    "xlsx",
                    "--outdir",
                    calc,
                    copy,
                ],
                check=True,
                capture_output=True,
            )
            shutil.copyfile(calc / copy.name, copy)
            editor = "openpyxl, then the whole workbook by LibreOffice Calc"
        again = sopdoc_build(copy, out, formats=FULL, jobs=jobs, log=work / f"resaved-{step}.log")
        if f"1 SOP dibuat, {size - 1} dilewati" not in again.output:
            raise RuntimeError(f"the rebuild did not build exactly one SOP:\n{again.output[-500:]}")
        rows.append(Row(f"Rebuild after one TGL. REVISI saved by {editor}", size, jobs, again))
    return rows


READ_SCRIPT: Final = """
import sys, time
from pathlib import Path
from sopdoc.workbook import read_workbook
start = time.perf_counter()
workbook = read_workbook(Path(sys.argv[1]))
print(f"{time.perf_counter() - start:.3f} s for {len(workbook.sops)} SOPs")
"""


def read_only(book: Path, *, size: int, work: Path) -> Row:
    return Row(
        "Read the workbook alone (`read_workbook`)",
        size,
        1,
        run(
            [sys.executable, "-c", READ_SCRIPT, book], log=work / f"read-{size}.log", env=SOPDOC_ENV
        ),
    )


def _docx_from(work: Path, size: int, jobs: int) -> list[Path]:
    docx = sorted((work / f"full-{size}-{jobs}").glob("*.docx"))
    if not docx:
        raise RuntimeError(f"no DOCX in {work / f'full-{size}-{jobs}'}")
    return docx


def pdf_vs_libreoffice(book: Path, *, size: int, work: Path) -> list[Ratio]:
    """sopdoc's PDF of the sample against LibreOffice converting the sample's DOCX, in
    ``ROUNDS`` alternating rounds (the median of each side)."""
    docx = _docx_from(work, size, 1)
    profile = (work / "lo-profile").resolve()
    soffice = [
        "soffice",
        f"-env:UserInstallation=file://{profile}",
        "--headless",
        "--norestore",
        "--convert-to",
        "pdf",
    ]
    warm = _fresh(work / "lo-warm")  # the first start creates the profile: not timed
    run([*soffice, "--outdir", warm, docx[0]], log=work / "lo-warm.log")
    ours, batch, single = [], [], []
    for _ in range(ROUNDS):
        ours.append(
            sopdoc_build(
                book, _fresh(work / "pdf-only"), formats="pdf", jobs=1, log=work / "pdf-only.log"
            ).seconds
        )
        out = _fresh(work / "lo-batch")
        batch.append(run([*soffice, "--outdir", out, *docx], log=work / "lo-batch.log").seconds)
        out = _fresh(work / "lo-single")
        start = time.perf_counter()
        for path in docx:
            run([*soffice, "--outdir", out, path], log=work / "lo-single.log")
        single.append(time.perf_counter() - start)
        for folder in ("lo-batch", "lo-single"):
            made = len(list((work / folder).glob("*.pdf")))
            if made != len(docx):
                raise RuntimeError(f"LibreOffice made {made} of {len(docx)} PDFs in {folder}")
    return [
        Ratio(
            "PDF: `sopdoc build --format pdf` vs LibreOffice DOCX→PDF, one call for all",
            statistics.median(ours) / size,
            statistics.median(batch) / len(docx),
            "LibreOffice",
            20,
        ),
        Ratio(
            "PDF: `sopdoc build --format pdf` vs LibreOffice DOCX→PDF, one call per SOP",
            statistics.median(ours) / size,
            statistics.median(single) / len(docx),
            "LibreOffice",
            20,
        ),
    ]


def png_vs_plantuml(book: Path, *, size: int, work: Path) -> Ratio:
    """sopdoc's flowchart PNGs against PlantUML rendering the same flows, both at 300 dpi, in
    ``ROUNDS`` alternating rounds (the median of each side)."""
    from sopdoc.workbook import read_workbook

    folder = _fresh(work / "plantuml")
    sources = []
    for index, sop in enumerate(read_workbook(book).sops, start=1):
        source = folder / f"sop-{index:04d}.puml"
        source.write_text(plantuml_text(sop), encoding="utf-8")
        sources.append(source)
    plantuml: list[str | Path] = [
        "java",
        "-Djava.awt.headless=true",
        "-DPLANTUML_LIMIT_SIZE=20000",  # the default 4096 px would crop the 300 dpi images
        "-jar",
        PLANTUML_JAR,
        "-tpng",
        *sources,
    ]
    ours, theirs = [], []
    for _ in range(ROUNDS):
        out = _fresh(work / "png-only")
        ours.append(
            sopdoc_build(book, out, formats="png", jobs=1, log=work / "png-only.log").seconds
        )
        for old in folder.glob("*.png"):
            old.unlink()
        theirs.append(run(plantuml, log=work / "plantuml.log").seconds)
        made = len(list(folder.glob("*.png")))
        if made != len(sources):
            raise RuntimeError(f"PlantUML made {made} of {len(sources)} PNGs")
    return Ratio(
        "PNG: `sopdoc build --format png` vs PlantUML activity diagrams with swimlanes",
        statistics.median(ours) / size,
        statistics.median(theirs) / len(sources),
        "PlantUML",
        10,
    )


def graphviz_floor(book: Path, *, work: Path) -> tuple[float, int]:
    """Seconds of bare Graphviz runs drawing this workbook's pictures: one 300 dpi PNG per
    procedure page (the DOCX picture) and per slide page (the PNG), from pinned DOT."""
    from sopdoc.backends.dot import page_dot, slide_dot
    from sopdoc.drawing.document import diagram, prepare
    from sopdoc.workbook import read_workbook

    folder = _fresh(work / "graphviz-floor")
    dots = []
    for index, sop in enumerate(read_workbook(book).sops, start=1):
        font = sop.agency.font
        document = prepare(sop)
        for n, routed in enumerate(document.pages, start=1):
            dots.append((f"{index:04d}-page-{n}", page_dot(routed, font=font)))
        slides = diagram(sop)
        for n, routed in enumerate(slides.pages, start=1):
            dots.append((f"{index:04d}-slide-{n}", slide_dot(slides.layout, routed, font=font)))
    paths = []
    for name, text in dots:
        path = folder / f"{name}.dot"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    start = time.perf_counter()
    for path in paths:
        subprocess.run(
            ["neato", "-n2", "-Tpng", "-Gdpi=300", "-o", str(path.with_suffix(".png")), str(path)],
            check=True,
        )
    return time.perf_counter() - start, len(paths)


def _fmt(value: float) -> str:
    return f"{value:.2f}" if value < 100 else f"{value:.0f}"


def report(
    info: dict[str, str],
    rows: Sequence[Row],
    ratios: Sequence[Ratio],
    floor: tuple[float, float, int, int],
    targets: Sequence[tuple[str, str, bool]],
    command: str,
) -> str:
    lines = ["Machine and tools:", ""]
    lines += [f"- {key}: {value}" for key, value in info.items()]
    lines += [
        "",
        f"Command: `{command}`",
        "",
        "| Measurement | SOPs | Jobs | Seconds | SOPs/s | Peak memory (MiB) |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        lines.append(
            f"| {row.what} | {row.sops} | {row.jobs} | {_fmt(row.measured.seconds)} | "
            f"{_fmt(row.rate)} | {row.measured.peak_mib:.0f} |"
        )
    lines += [
        "",
        "| Per SOP | sopdoc (s) | Other (s) | Other is slower by | Target |",
        "|---|---:|---:|---:|---:|",
    ]
    for r in ratios:
        lines.append(
            f"| {r.what} | {r.sopdoc:.3f} | {r.other:.3f} | {r.ratio:.1f}× | ≥ {r.target:g}× |"
        )
    ours, bare, sops, pictures = floor
    lines += [
        "",
        f"Graphviz floor: {pictures} bare `neato -n2 -Tpng -Gdpi=300` runs for the pictures of "
        f"the same {sops} SOPs took {bare:.2f} s ({bare / sops:.3f} s per SOP); sopdoc's full "
        f"build of them with 1 job took {ours:.2f} s ({ours / sops:.3f} s per SOP), "
        f"{ours / bare:.2f}× the floor (target ≤ 3×).",
        "",
        "| Target | Figure | Met |",
        "|---|---|---|",
    ]
    lines += [f"| {name} | {figure} | {'yes' if met else 'no'} |" for name, figure, met in targets]
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="10,100,1000", help="workbook sizes, in SOPs")
    parser.add_argument("--sample", type=int, default=10, help="SOPs in the comparisons")
    parser.add_argument("--work", type=Path, default=ROOT / "bench" / ".work")
    parser.add_argument("--write", type=Path, help="replace the table in this Markdown file")
    parser.add_argument(
        "--no-scaling", action="store_true", help="skip the builds by steps and actors"
    )
    args = parser.parse_args(argv)
    sizes = sorted({int(s) for s in args.sizes.split(",") if s.strip()})
    work: Path = args.work.resolve()
    work.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()

    def say(text: str) -> None:
        print(f"[{time.perf_counter() - started:6.0f} s] {text}", file=sys.stderr, flush=True)

    every = default_jobs()
    jobs = sorted({1, every})
    compileall.compile_dir(ROOT / "sopdoc", quiet=1)  # the bytecode an installation has
    say("generating workbooks")
    books = {n: generate(cached_path(work, sops=n), sops=n) for n in sorted({*sizes, args.sample})}
    info = machine()
    rows = full_builds({n: books[n] for n in sizes}, work=work, jobs=jobs, say=say)
    largest = sizes[-1]
    say(f"incremental rebuild in the {largest}-SOP workbook")
    rows.extend(incremental(books[largest], size=largest, work=work, jobs=every))
    say(f"rebuilds after an editor's save in the {largest}-SOP workbook")
    revised = work / f"incremental-{largest}.xlsx"  # the folder was built from this one last
    rows.extend(resaved(revised, size=largest, work=work, jobs=every))
    say(f"reading the {largest}-SOP workbook")
    rows.append(read_only(books[largest], size=largest, work=work))
    if not args.no_scaling:
        rows.extend(scaling(work=work, sops=args.sample, say=say))

    sample = args.sample
    if sample not in sizes:
        rows.extend(full_builds({sample: books[sample]}, work=work, jobs=[1], say=say))
    ours_full = next(
        r.measured.seconds
        for r in rows
        if r.sops == sample and r.jobs == 1 and r.what.startswith("Full")
    )
    say("LibreOffice")
    ratios = pdf_vs_libreoffice(books[sample], size=sample, work=work)
    say("PlantUML")
    ratios.append(png_vs_plantuml(books[sample], size=sample, work=work))
    say("Graphviz floor")
    bare, pictures = graphviz_floor(books[sample], work=work)

    full_all = next(
        r for r in rows if r.sops == largest and r.jobs == every and r.what.startswith("Full")
    )
    incremental_row = next(r for r in rows if r.what.startswith("Incremental"))
    targets = [
        (
            f"{largest} SOPs, all three formats, {every} jobs: under 60 s",
            f"{full_all.measured.seconds:.1f} s",
            full_all.measured.seconds < 60,
        ),
        (
            f"{largest} SOPs, peak memory under 1 GiB",
            f"{full_all.measured.peak_mib:.0f} MiB",
            full_all.measured.peak_bytes < (1 << 30),
        ),
        (
            f"Incremental rebuild of one changed SOP of {largest}: under 2 s",
            f"{incremental_row.measured.seconds:.2f} s",
            incremental_row.measured.seconds < 2,
        ),
        *(
            (
                f"{r.what} of {largest}: under 2 s",
                f"{r.measured.seconds:.2f} s",
                r.measured.seconds < 2,
            )
            for r in rows
            if r.what.startswith("Rebuild after")
        ),
        *((f"{r.what}: ≥ {r.target:g}×", f"{r.ratio:.1f}×", r.met) for r in ratios),
        (
            "Total per SOP within 3× the bare Graphviz floor",
            f"{ours_full / bare:.2f}×",
            ours_full / bare <= 3,
        ),
    ]
    command = " ".join(["python -m bench.run", *(sys.argv[1:] if argv is None else argv)])
    text = report(info, rows, ratios, (ours_full, bare, sample, pictures), targets, command)
    print(text)
    if args.write:
        _replace_between_markers(args.write, text)
    say("done")


def _replace_between_markers(path: Path, text: str) -> None:
    old = path.read_text(encoding="utf-8") if path.exists() else f"{BEGIN}\n{END}\n"
    if BEGIN not in old or END not in old:
        old += f"\n{BEGIN}\n{END}\n"
    head, rest = old.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    path.write_text(f"{head}{BEGIN}\n{text}{END}{tail}", encoding="utf-8")


if __name__ == "__main__":
    main()
