"""A headless Chromium for the tests, and a preview server running in a thread."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

from sopdoc.preview.live import Preview
from sopdoc.preview.server import bind, make_server, workers


def chromium(*, width: int = 1280, height: int = 900) -> webdriver.Chrome:
    """Debian's Chromium through its chromedriver (scripts/setup.sh --test installs both)."""
    browser, driver = shutil.which("chromium"), shutil.which("chromedriver")
    if browser is None or driver is None:
        raise RuntimeError("Chromium or chromedriver is missing: run scripts/setup.sh --test")
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(flag)
    options.add_argument(f"--window-size={width},{height}")
    return webdriver.Chrome(options=options, service=Service(executable_path=driver))


@contextmanager
def running_preview(path: Path, *, workdir: Path) -> Iterator[tuple[str, Preview]]:
    """The preview of ``path`` served on a free loopback port until the block ends."""
    sock = bind(None)
    url = f"http://127.0.0.1:{sock.getsockname()[1]}/"
    ready = threading.Event()
    with sock:
        preview = Preview(path, workdir=workdir, workers=workers)
        server = make_server(preview, on_ready=ready.set)
        thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
        thread.start()
        try:
            if not ready.wait(30):
                raise RuntimeError("the preview server did not start within 30 s")
            yield url, preview
        finally:
            server.stop()
            thread.join(timeout=15)
    if thread.is_alive():
        raise RuntimeError("the preview server did not stop within 15 s")
