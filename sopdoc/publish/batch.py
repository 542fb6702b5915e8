"""Building many SOPs: schedule what is not current, run it (in parallel worker processes),
record each SOP as it is written, and report."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sopdoc.model import Sop
from sopdoc.publish.documents import require_tools
from sopdoc.publish.execute import Result, Writing, default_jobs, execute
from sopdoc.publish.outcome import Outcome
from sopdoc.publish.record import Recorder
from sopdoc.publish.schedule import Book, Task, schedule

__all__ = ["Book", "Interrupted", "Report", "Writing", "build_batch", "default_jobs"]


@dataclass
class Report:
    """What a batch did: outcomes in workbook order, skipped SOPs, stale files."""

    outcomes: list[Outcome] = field(default_factory=list)
    skipped: list[Sop] = field(default_factory=list)
    #: SOPs skipped without being read (their sheets did not change).
    unchanged: int = 0
    stale: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return sum(1 for o in self.outcomes if o.error)

    @property
    def skipped_count(self) -> int:
        return len(self.skipped) + self.unchanged


class Interrupted(KeyboardInterrupt):
    """Ctrl-C during a batch: how many SOPs were built (and recorded) before it."""

    def __init__(self, *, done: int, total: int, skipped: int) -> None:
        super().__init__(done, total)
        self.done = done
        self.total = total
        self.skipped = skipped


def build_batch(
    books: Sequence[Book],
    *,
    writing: Writing,
    jobs: int = 1,
    force: bool = False,
    clean: bool = False,
    everything: bool = True,
    progress: Callable[[Outcome, int, int], None] | None = None,
) -> Report:
    """Build the SOPs of several workbooks, each into its folder.

    SOPs whose files are current are skipped unless ``force``. With ``everything`` (no --sop
    filter), files of SOPs no longer in a workbook are reported as stale and, with ``clean``,
    removed. Progress is reported as each SOP finishes.
    """
    require_tools(writing.formats)
    for book in books:
        for leftover in book.folder.glob(".*.tmp") if book.folder.is_dir() else ():
            leftover.unlink(missing_ok=True)  # our own temporaries, from a build that was killed
    plan = schedule(books, inputs=writing.inputs, force=force, everything=everything)
    recorder = Recorder(plan.manifests)
    report = Report(skipped=plan.skipped, unchanged=plan.unchanged)
    for stems in plan.stale.values():
        report.stale += [path for files in stems.values() for path in files if path.is_file()]
    if clean:
        report.removed = recorder.remove(plan.stale)
        report.stale = []
    tasks = plan.tasks
    recorder.rewriting(tasks)
    results: dict[int, Result] = {}

    def finish(index: int, result: Result) -> None:
        results[index] = result
        recorder.finished(tasks[index], result)
        if progress is not None:
            progress(_outcome(tasks[index], result), len(results), len(tasks))

    try:
        execute(tasks, writing=writing, jobs=jobs, finish=finish)
    except KeyboardInterrupt:
        built = sum(1 for result in results.values() if not result.error)
        raise Interrupted(done=built, total=len(tasks), skipped=len(plan.skipped)) from None
    finally:
        recorder.close()
    index_of = {id(task): i for i, task in enumerate(tasks)}
    for slot in plan.slots:
        if isinstance(slot, Task):
            report.outcomes.append(_outcome(slot, results[index_of[id(slot)]]))
        else:
            report.outcomes.append(slot)
    return report


def _outcome(task: Task, result: Result) -> Outcome:
    return Outcome(task.sop, files=result.files, error=result.error)
