"""The preview's web application (Starlette): the page, its pictures, downloads and live events."""

from __future__ import annotations

import asyncio
import contextlib
import re
from collections.abc import AsyncIterator, Callable
from typing import Any, Final

import jinja2
import markupsafe
from sse_starlette.sse import EventSourceResponse
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, PlainTextResponse, Response
from starlette.routing import Route

from sopdoc import __version__
from sopdoc import messages as msg
from sopdoc.errors import SopdocError
from sopdoc.model import Severity
from sopdoc.preview import words
from sopdoc.preview.live import Preview
from sopdoc.preview.render import DOWNLOADS
from sopdoc.preview.watch import watch_workbook

_TEMPLATES: Final = jinja2.Environment(
    loader=jinja2.PackageLoader("sopdoc.preview", "templates"),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)
#: Pictures and built files never change under their address (it holds the fingerprint).
_FOREVER: Final = {"Cache-Control": "public, max-age=31536000, immutable"}
_FRESH: Final = {"Cache-Control": "no-store"}
_MEDIA: Final = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
}
_SUFFIX: Final = {"docx": ".docx", "pdf": ".pdf", "pptx": "-diagram-alir.pptx"}
#: The names this machine answers to in a browser's address bar.
LOCAL_HOSTS: Final = ("127.0.0.1", "localhost")
_PICTURE: Final = re.compile(r"(halaman|slide)-\d+\.png")


def _missing(text: str = msg.PREVIEW_NOT_FOUND) -> Response:
    return PlainTextResponse(text, status_code=404, headers=_FRESH)


def page_context(preview: Preview) -> dict[str, Any]:
    """What the page template shows: the current state of the preview."""
    snapshot = preview.snapshot
    sops = []
    for entry in snapshot.entries if snapshot else ():
        fingerprint = entry.fingerprint
        view = preview.view(fingerprint) if fingerprint else None
        failure = preview.failure(fingerprint) if fingerprint else ""
        sops.append(
            {
                "entry": entry,
                "view": view,
                "failure": failure,
                "building": bool(fingerprint) and view is None and not failure,
                "base": f"/sop/{fingerprint}",
            }
        )
    return {
        "workbook": preview.path.name,
        "folder": str(preview.path.parent),
        "snapshot": snapshot,
        "notice": preview.notice,
        "sops": sops,
        "version": preview.version,
        "labels": msg.SEVERITY_LABELS,
        "w": words,
        "disconnected": markupsafe.Markup(words.DISCONNECTED).format(
            command=markupsafe.Markup("<code>{}</code>").format(
                f"sopdoc preview {preview.path.name}"
            )
        ),
        "error": Severity.ERROR,
        "downloads": DOWNLOADS,
        "sopdoc_version": __version__,
    }


def create_app(preview: Preview, *, on_ready: Callable[[], None] | None = None) -> Starlette:
    """The web application of ``preview``; it watches the workbook while it runs."""

    async def page(request: Request) -> Response:
        html = _TEMPLATES.get_template("pratinjau.html").render(page_context(preview))
        return HTMLResponse(html, headers=_FRESH)

    async def picture(request: Request) -> Response:
        fingerprint, name = request.path_params["fingerprint"], request.path_params["name"]
        view = preview.view(fingerprint)
        names = {p.name for p in (*view.pages, *view.slides)} if view else set()
        if name not in names or not _PICTURE.fullmatch(name):
            return _missing()
        return FileResponse(preview.folder(fingerprint) / name, headers=_FOREVER)

    async def download(request: Request) -> Response:
        fingerprint, fmt = request.path_params["fingerprint"], request.path_params["fmt"]
        entry = preview.entry(fingerprint)
        if fmt not in DOWNLOADS:
            return _missing()
        if entry is None:
            return _missing(msg.PREVIEW_GONE)
        try:
            path = await preview.download(entry, fmt)
        except SopdocError as error:
            return PlainTextResponse(str(error), status_code=409, headers=_FRESH)
        return FileResponse(
            path, media_type=_MEDIA[fmt], filename=entry.stem + _SUFFIX[fmt], headers=_FRESH
        )

    async def archive(request: Request) -> Response:
        try:
            path = await preview.archive()
        except SopdocError as error:
            return PlainTextResponse(str(error), status_code=409, headers=_FRESH)
        stem = preview.path.stem or "sop"
        return FileResponse(
            path, media_type="application/zip", filename=f"{stem}-dokumen.zip", headers=_FRESH
        )

    async def events(request: Request) -> Response:
        async def versions() -> AsyncIterator[dict[str, str]]:
            seen = preview.version
            yield {"event": "versi", "data": str(seen)}
            while (version := await preview.next_version(seen)) is not None:
                seen = version
                yield {"event": "versi", "data": str(seen)}

        return EventSourceResponse(versions(), ping=15, headers=_FRESH)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        tasks = [
            loop.create_task(preview.run()),
            loop.create_task(
                watch_workbook(preview.path, on_save=preview.request_refresh, stop=stop)
            ),
        ]
        if on_ready is not None:
            on_ready()
        try:
            yield
        finally:
            stop.set()
            for task in tasks:
                task.cancel()
            for task in tasks:
                with contextlib.suppress(asyncio.CancelledError):
                    await task
            await preview.close()

    routes = [
        Route("/", page),
        Route("/peristiwa", events),
        Route("/sop/{fingerprint:str}/{name:str}", picture),
        Route("/unduh/semua.zip", archive),
        Route("/unduh/{fingerprint:str}.{fmt:str}", download),
    ]

    async def not_found(request: Request, error: Exception) -> Response:
        return _missing()

    # Only pages opened as this machine's own address: a web site that points a name of its own
    # at 127.0.0.1 (DNS rebinding) gets no answer, so the workbook's content stays here.
    guard = Middleware(TrustedHostMiddleware, allowed_hosts=list(LOCAL_HOSTS))
    return Starlette(
        routes=routes,
        lifespan=lifespan,
        middleware=[guard],
        exception_handlers={404: not_found},
    )
