"""Running the preview: uvicorn on a loopback port, worker processes, a temporary folder."""

from __future__ import annotations

import contextlib
import signal
import socket
import tempfile
import threading
import webbrowser
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from types import FrameType
from typing import Final

import uvicorn

from sopdoc import messages as msg
from sopdoc.errors import SopdocError, WorkbookError
from sopdoc.preview.app import create_app
from sopdoc.preview.live import Preview
from sopdoc.processes import process_pool
from sopdoc.publish.batch import default_jobs

#: The only address the preview listens on: nothing is reachable from another machine.
HOST: Final = "127.0.0.1"
#: Seconds an open page's event stream may hold up Ctrl-C.
GRACE: Final = 2


def bind(port: int | None) -> socket.socket:
    """A listening socket on the loopback address (a free port when ``port`` is None).

    It listens before the address is printed: a browser (or a test) that connects while the
    app is still starting waits in the backlog instead of being refused.
    """
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.bind((HOST, port or 0))
        sock.listen(128)
    except OSError as error:
        sock.close()
        raise SopdocError(msg.PREVIEW_PORT_BUSY.format(port=port, reason=error.strerror)) from None
    return sock


def _quiet_worker() -> None:
    """Ctrl-C in the terminal reaches the workers too: the main process alone handles it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def workers() -> ProcessPoolExecutor:
    """Worker processes for the builds, started fresh (not forked from a threaded server)."""
    return process_pool(min(2, default_jobs()), initializer=_quiet_worker, method="spawn")


class PreviewServer(uvicorn.Server):
    """uvicorn's server that ends the pages' event streams when it is told to stop."""

    def __init__(self, config: uvicorn.Config, *, preview: Preview) -> None:
        super().__init__(config)
        self.preview = preview

    def handle_exit(self, sig: int, frame: FrameType | None) -> None:
        """Ctrl-C: the open pages let go at once instead of holding up the stop."""
        self.preview.end_streams()
        super().handle_exit(sig, frame)

    def stop(self) -> None:
        """Stop serving, from any thread."""
        self.preview.end_streams()
        self.should_exit = True


def make_server(preview: Preview, *, on_ready: Callable[[], None] | None = None) -> PreviewServer:
    """The uvicorn server of a preview, quiet apart from real problems."""
    config = uvicorn.Config(
        create_app(preview, on_ready=on_ready),
        log_level="warning",
        access_log=False,
        lifespan="on",
        timeout_graceful_shutdown=GRACE,
    )
    return PreviewServer(config, preview=preview)


def serve(path: Path, *, port: int | None, open_browser: bool, echo: Callable[[str], None]) -> None:
    """Show ``path`` on a local page until Ctrl-C; everything built is removed on the way out."""
    if not path.is_file():
        raise WorkbookError(msg.PREVIEW_MISSING.format(path=path), path=None)
    sock = bind(port)
    url = f"http://{HOST}:{sock.getsockname()[1]}/"

    def ready() -> None:
        echo(msg.PREVIEW_RUNNING.format(path=path, url=url))
        if open_browser:
            threading.Thread(target=webbrowser.open, args=(url,), daemon=True).start()

    with sock, tempfile.TemporaryDirectory(prefix="sopdoc-pratinjau-") as work:
        preview = Preview(path, workdir=Path(work), workers=workers, log=echo)
        # Ctrl-C is how a preview ends: uvicorn stops, then raises the signal again once done.
        with contextlib.suppress(KeyboardInterrupt):
            make_server(preview, on_ready=ready).run(sockets=[sock])
    echo(msg.PREVIEW_STOPPED)
