"""The live state of a preview: the last good reading, a notice, and builds of changed SOPs."""

from __future__ import annotations

import asyncio
import contextlib
import functools
import shutil
import zipfile
from collections.abc import Callable, Coroutine
from concurrent.futures import BrokenExecutor, Executor
from datetime import datetime
from pathlib import Path
from typing import Any, Final, TypeVar

from sopdoc import messages as msg
from sopdoc.errors import SopdocError
from sopdoc.model import Problem
from sopdoc.preview.render import View, render_download, render_view
from sopdoc.preview.state import Entry, Snapshot, take_snapshot
from sopdoc.workbook import read_workbook

T = TypeVar("T")

#: A workbook that cannot be read is tried again this often (seconds) and this many times:
#: it is usually still being saved.
RETRY_DELAY: Final = 0.4
RETRIES: Final = 8
#: How long (seconds) a new reading waits for its SOPs' pictures before it is shown anyway:
#: the page then goes from one finished state to the next instead of flashing "being built".
PUBLISH_WAIT: Final = 3.0


def _reason(error: BaseException) -> str:
    """What went wrong, in Bahasa Indonesia when sopdoc knows it."""
    if isinstance(error, SopdocError):
        return " ".join(str(error).split())
    return msg.PREVIEW_INTERNAL.format(error=f"{type(error).__name__}: {error}"[:200])


class Preview:
    """One workbook being previewed: read again on request, changed SOPs built by workers made
    with ``workers`` (made again should they break, shut down by ``close``): processes, or one
    thread, as PDFium is not thread-safe."""

    def __init__(
        self,
        path: Path,
        *,
        workdir: Path,
        workers: Callable[[], Executor],
        log: Callable[[str], None] = lambda line: None,
    ) -> None:
        self.path = path.resolve()
        self.workdir = workdir
        self._workers = workers
        self._pool: Executor | None = None
        self.log = log
        self.snapshot: Snapshot | None = None
        #: Shown above everything while the workbook cannot be read (empty when it can).
        self.notice = ""
        #: Bumped each time what the page shows changes; the page asks for it by SSE.
        self.version = 0
        #: How many SOP views were built in all (what "only the changed SOPs" is measured by).
        self.builds = 0
        self._views: dict[str, asyncio.Future[View]] = {}
        self._files: dict[tuple[str, str], asyncio.Future[Path]] = {}
        self._layout: dict[str, tuple[Problem, ...]] = {}
        self._changed = asyncio.Condition()
        self._wanted = asyncio.Event()
        self._attempt = 0
        self._tasks: set[asyncio.Task[None]] = set()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._ended = False

    # --- reading ---------------------------------------------------------------------------

    def request_refresh(self) -> None:
        """Read the workbook again soon (the watcher calls this on every save)."""
        self._attempt = 0
        self._wanted.set()

    async def run(self) -> None:
        """Read the workbook each time it is asked for, one reading at a time, until cancelled."""
        self._loop = asyncio.get_running_loop()
        self._wanted.set()
        while True:
            await self._wanted.wait()
            self._wanted.clear()
            try:
                await self.refresh()
            except Exception as error:  # the preview goes on; the next save is read again
                self.log(msg.PREVIEW_INTERNAL.format(error=f"{type(error).__name__}: {error}"))

    def _read(self) -> Snapshot:
        workbook = read_workbook(self.path)
        return take_snapshot(workbook, read_at=datetime.now(), layout_cache=self._layout)

    async def refresh(self) -> None:
        """Read the workbook once: publish it and build its changed SOPs, or show a notice and
        keep the last good state (and try again shortly: the workbook may be half-saved)."""
        try:
            snapshot = await asyncio.to_thread(self._read)
        except Exception as error:  # an unreadable workbook must never stop the preview
            self._attempt += 1
            if self._attempt <= RETRIES:
                asyncio.get_running_loop().call_later(RETRY_DELAY, self._wanted.set)
            shown = self.snapshot.read_at.strftime("%H:%M:%S") if self.snapshot else None
            notice = (
                msg.PREVIEW_UNREADABLE.format(reason=_reason(error), time=shown)
                if shown
                else msg.PREVIEW_UNREADABLE_FIRST.format(reason=_reason(error))
            )
            if notice != self.notice:
                self.notice = notice
                self.log(notice)
                await self._publish()
            return
        self._attempt = 0
        new = [e for e in snapshot.entries if e.fingerprint and e.fingerprint not in self._views]
        for entry in new:
            self._views[entry.fingerprint] = self._submit_view(entry)
        futures = [self._views[e.fingerprint] for e in new]
        pending: set[asyncio.Future[View]] = set()
        if futures:
            _done, pending = await asyncio.wait(futures, timeout=PUBLISH_WAIT)
        self.notice = ""
        self.snapshot = snapshot
        self._prune(snapshot)
        read_at = snapshot.read_at.strftime("%H:%M:%S")
        self.log(msg.PREVIEW_READ.format(time=read_at, sops=len(snapshot.entries), built=len(new)))
        await self._publish()
        if pending:
            self._spawn(self._publish_when_built(snapshot, futures))

    # --- building --------------------------------------------------------------------------

    def logos(self) -> frozenset[Path]:
        """The logo files the SOPs show: changing one changes their pages too."""
        if self.snapshot is None:
            return frozenset()
        return frozenset(
            Path(e.sop.agency.logo) for e in self.snapshot.entries if e.sop.agency.logo
        )

    def folder(self, fingerprint: str) -> Path:
        """Where the files of one version of an SOP are."""
        return self.workdir / fingerprint[:24]

    def _submit_view(self, entry: Entry) -> asyncio.Future[View]:
        self.builds += 1
        call = functools.partial(render_view, entry.sop, folder=self.folder(entry.fingerprint))
        return self._submit(call)

    async def _publish_when_built(
        self, snapshot: Snapshot, futures: list[asyncio.Future[View]]
    ) -> None:
        await asyncio.wait(futures)
        if self.snapshot is snapshot:
            await self._publish()

    def _submit(self, call: Callable[[], T]) -> asyncio.Future[T]:
        """Run ``call`` in a worker; workers that broke (one was killed) are replaced first."""
        loop = asyncio.get_running_loop()
        for attempt in (1, 2):
            if self._pool is None:
                self._pool = self._workers()
            try:
                future = loop.run_in_executor(self._pool, call)
                break
            except BrokenExecutor:
                self._pool.shutdown(wait=False, cancel_futures=True)
                self._pool = None
                if attempt == 2:
                    raise
        future.add_done_callback(self._forget_if_broken)
        return future

    def _forget_if_broken(self, future: asyncio.Future[Any]) -> None:
        """A build lost with its worker is built again on the next reading, not shown as failed."""
        if future.cancelled() or not isinstance(future.exception(), BrokenExecutor):
            return
        self._views = {k: v for k, v in self._views.items() if v is not future}
        self._files = {k: v for k, v in self._files.items() if v is not future}
        self._wanted.set()

    def view(self, fingerprint: str) -> View | None:
        """The pictures of an SOP, once built (None while building or when it failed)."""
        future = self._views.get(fingerprint)
        if future is None or not future.done() or future.exception() is not None:
            return None
        return future.result()

    def failure(self, fingerprint: str) -> str:
        """Why an SOP could not be built, or an empty string."""
        future = self._views.get(fingerprint)
        if future is None or not future.done() or future.exception() is None:
            return ""
        return _reason(future.exception())  # type: ignore[arg-type]

    def entry(self, fingerprint: str) -> Entry | None:
        """The SOP of the current state with this fingerprint."""
        if self.snapshot is None:
            return None
        return next((e for e in self.snapshot.entries if e.fingerprint == fingerprint), None)

    async def download(self, entry: Entry, fmt: str) -> Path:
        """The DOCX, PDF or PPTX of an SOP, built once when first asked for."""
        key = (entry.fingerprint, fmt)
        future = self._files.get(key)
        if future is None or (future.done() and future.exception() is not None):
            call = functools.partial(
                render_download, entry.sop, fmt=fmt, folder=self.folder(entry.fingerprint)
            )
            future = self._submit(call)
            self._files[key] = future
        return await asyncio.shield(future)

    async def archive(self) -> Path:
        """Every drawable SOP's DOCX, PDF and PPTX in one ZIP."""
        snapshot = self.snapshot
        entries = [e for e in snapshot.entries if e.fingerprint] if snapshot else []
        if not entries:
            raise SopdocError(msg.PREVIEW_NOTHING_TO_ZIP)
        names = {"docx": "{}.docx", "pdf": "{}.pdf", "pptx": "{}-diagram-alir.pptx"}
        jobs = [(e, fmt) for e in entries for fmt in names]
        files = await asyncio.gather(*(self.download(e, fmt) for e, fmt in jobs))
        target = self.workdir / f"semua-{abs(hash(tuple(e.fingerprint for e in entries)))}.zip"

        def pack() -> None:
            temporary = target.with_suffix(".tmp")
            with zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as archive:
                for (entry, fmt), path in zip(jobs, files, strict=True):
                    archive.write(path, names[fmt].format(entry.stem))
            temporary.replace(target)

        if not target.is_file():
            await asyncio.to_thread(pack)
        return target

    def _prune(self, snapshot: Snapshot) -> None:
        """Forget finished builds of SOP versions the workbook no longer has."""
        keep = snapshot.fingerprints
        self._layout = {k: v for k, v in self._layout.items() if k in keep}
        for fingerprint, future in list(self._views.items()):
            if fingerprint in keep or not future.done():
                continue
            if any(not f.done() for (fp, _), f in self._files.items() if fp == fingerprint):
                continue
            del self._views[fingerprint]
            for key in [k for k in self._files if k[0] == fingerprint]:
                del self._files[key]
            shutil.rmtree(self.folder(fingerprint), ignore_errors=True)
        for stale in self.workdir.glob("semua-*.zip"):
            with contextlib.suppress(OSError):  # still being sent on Windows: removed next time
                stale.unlink()

    # --- telling the page ------------------------------------------------------------------

    async def _publish(self) -> None:
        async with self._changed:
            self.version += 1
            self._changed.notify_all()

    async def next_version(self, seen: int) -> int | None:
        """Wait until the state is newer than ``seen``: the version it has then, or None when
        the preview is stopping (the page's event stream ends then)."""
        async with self._changed:
            await self._changed.wait_for(lambda: self.version != seen or self._ended)
            return None if self._ended else self.version

    def end_streams(self) -> None:
        """End every page's event stream, so that the server can stop (from any thread)."""

        async def end() -> None:
            async with self._changed:
                self._ended = True
                self._changed.notify_all()

        if self._loop is not None and not self._loop.is_closed():
            self._loop.call_soon_threadsafe(lambda: self._spawn(end()))

    def _spawn(self, work: Coroutine[Any, Any, None]) -> None:
        task = asyncio.get_running_loop().create_task(work)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def close(self) -> None:
        """Stop the background work and the workers (a build under way is let finish)."""
        for task in list(self._tasks):
            task.cancel()
        for task in list(self._tasks):
            with contextlib.suppress(asyncio.CancelledError):
                await task
        if self._pool is not None:
            pool, self._pool = self._pool, None
            await asyncio.to_thread(pool.shutdown, wait=True, cancel_futures=True)
