"""What users install: the wheel, in a fresh virtual environment outside the repository, run
from an empty folder with the system's fonts hidden and no Graphviz on PATH."""

from __future__ import annotations

import io
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pymupdf
import pytest

REPO = Path(__file__).resolve().parent.parent
#: Folders whose fonts an office PC does not have; hidden while the installed sopdoc runs.
SYSTEM_FONTS = ("/usr/share/fonts", "/usr/local/share/fonts")
UNSHARE = shutil.which("unshare")
MOUNT = shutil.which("mount") or "/bin/mount"


def _can_hide_folders() -> bool:
    if UNSHARE is None or os.geteuid() != 0:
        return False
    probe = subprocess.run(
        [UNSHARE, "--mount", "--propagation", "private", "true"], capture_output=True, check=False
    )
    return probe.returncode == 0


pytestmark = pytest.mark.skipif(
    not _can_hide_folders(), reason="needs root and unshare to hide the system's fonts"
)


@dataclass(frozen=True)
class Installed:
    """A fresh virtual environment with the wheel installed, and a home without fonts."""

    venv: Path
    home: Path
    wheel: Path

    @property
    def bin(self) -> Path:
        return self.venv / "bin"

    def run(self, *args: str, cwd: Path, timeout: float = 300) -> subprocess.CompletedProcess[str]:
        """``sopdoc ARGS`` in ``cwd``, in a private mount namespace where the system's font
        folders are empty, with only the environment's own programs on PATH."""
        return subprocess.run(
            self.hidden_command(str(self.bin / "sopdoc"), *args),
            cwd=cwd,
            env=self.env(),
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )

    def hidden_command(self, *args: str) -> list[str]:
        mounts = " && ".join(f"{MOUNT} -t tmpfs none {f}" for f in SYSTEM_FONTS if Path(f).is_dir())
        script = f'{mounts} && exec "$@"'
        assert UNSHARE is not None
        return [
            UNSHARE,
            "--mount",
            "--propagation",
            "private",
            "/bin/sh",
            "-c",
            script,
            "sh",
            *args,
        ]

    def env(self) -> dict[str, str]:
        return {
            "PATH": str(self.bin),  # no dot, no fc-match, no soffice
            "HOME": str(self.home),
            "LANG": "C.UTF-8",
            "PYTHONDONTWRITEBYTECODE": "1",
        }


def _build_wheel(out: Path) -> Path:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(REPO)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    [wheel] = out.glob("sopdoc-*.whl")
    return wheel


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    root = tmp_path_factory.mktemp("installed")
    assert REPO not in root.parents
    wheel = _build_wheel(root / "dist")
    venv = root / "venv"
    base = getattr(sys, "_base_executable", sys.executable)
    subprocess.run([base, "-m", "venv", str(venv)], check=True, timeout=300)
    subprocess.run(
        [str(venv / "bin" / "python"), "-m", "pip", "install", "-q", str(wheel)],
        check=True,
        capture_output=True,
        timeout=900,
    )
    home = root / "home"
    home.mkdir()
    return Installed(venv, home, wheel)


@pytest.fixture(scope="module")
def folder(installed: Installed, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty folder with a form filled with the example, made by the installed sopdoc."""
    work = tmp_path_factory.mktemp("Dokumen SOP Kécamatan")
    result = installed.run("new", "--contoh", "SOP Désa 2026.xlsx", cwd=work)
    assert result.returncode == 0, result.stderr
    return work


WORKBOOK = "SOP Désa 2026.xlsx"


def test_the_wheel_carries_the_template_the_fonts_and_their_licences(installed: Installed) -> None:
    names = set(zipfile.ZipFile(installed.wheel).namelist())
    assert "sopdoc/resources/sopdoc.docx" in names
    for face in ("LiberationSans-Regular", "LiberationSans-Bold", "DejaVuSans"):
        assert f"sopdoc/resources/fonts/{face}.ttf" in names
    assert {
        "sopdoc/resources/fonts/LICENSE-Liberation.txt",
        "sopdoc/preview/templates/pratinjau.html",
    } <= names
    licences = [n for n in names if "/licenses/" in n]
    assert any(n.endswith("/LICENSE") for n in licences)
    assert any(n.endswith("LICENSE-DejaVu.txt") for n in licences)


def test_the_hidden_namespace_really_hides_the_fonts(installed: Installed, tmp_path: Path) -> None:
    listing = subprocess.run(
        installed.hidden_command("/bin/ls", "-A", *SYSTEM_FONTS[:1]),
        capture_output=True,
        text=True,
        env=installed.env(),
        check=False,
    )
    assert listing.returncode == 0
    assert listing.stdout.strip() == ""
    assert Path("/usr/share/fonts").is_dir()  # outside the namespace they are still there


def test_check_and_build_every_format_from_the_wheel(installed: Installed, folder: Path) -> None:
    checked = installed.run("check", WORKBOOK, cwd=folder)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    built = installed.run(
        "build", WORKBOOK, "--format", "docx,pdf,png", "--buku", "-o", "hasil", cwd=folder
    )
    assert built.returncode == 0, built.stdout + built.stderr
    out = folder / "hasil"
    docx = sorted(out.glob("*.docx"))
    pdfs = sorted(out.glob("*.pdf"))
    assert docx
    assert pdfs
    assert list(out.glob("*.png"))
    assert any(p.name.endswith("-buku-sop.pdf") for p in pdfs)
    for path in docx:
        assert "word/document.xml" in zipfile.ZipFile(path).namelist()
    for path in pdfs:
        with pymupdf.open(path) as pdf:
            fonts = {f[3] for page in pdf for f in page.get_fonts()}
        assert fonts
        assert all("Liberation" in f or "DejaVu" in f for f in fonts), fonts


def test_the_installed_pdf_is_the_checkouts_to_the_byte(
    installed: Installed, folder: Path, tmp_path: Path
) -> None:
    built = installed.run("build", WORKBOOK, "--format", "pdf", "-o", "pdf", cwd=folder)
    assert built.returncode == 0, built.stderr
    here = subprocess.run(
        [
            sys.executable,
            "-m",
            "sopdoc",
            "build",
            str(folder / WORKBOOK),
            "--format",
            "pdf",
            "-o",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert here.returncode == 0, here.stderr
    ours = sorted(tmp_path.glob("*.pdf"))
    assert ours
    for path in ours:
        assert (folder / "pdf" / path.name).read_bytes() == path.read_bytes(), path.name


def test_flowchart_pptx_and_revise_from_the_wheel(installed: Installed, folder: Path) -> None:
    deck = installed.run("flowchart", WORKBOOK, "--format", "pptx", "-o", "slide", cwd=folder)
    assert deck.returncode == 0, deck.stdout + deck.stderr
    assert list((folder / "slide").glob("*.pptx"))
    revised = installed.run(
        "revise",
        WORKBOOK,
        "--sop",
        "SOP 1",
        "--tanggal",
        "2026-12-01",
        "-o",
        "hasil",
        cwd=folder,
    )
    assert revised.returncode == 0, revised.stdout + revised.stderr
    assert "-> 01" in revised.stdout or "-> 0" in revised.stdout
    assert list(folder.glob("SOP Désa 2026.cadangan-*.xlsx"))


def test_svg_alone_asks_for_graphviz_with_exit_3(installed: Installed, folder: Path) -> None:
    for args in (
        ("build", WORKBOOK, "--format", "pdf,svg", "-o", "svg"),
        ("flowchart", WORKBOOK, "--format", "svg", "-o", "svg"),
    ):
        result = installed.run(*args, cwd=folder)
        assert result.returncode == 3, result.stdout + result.stderr
        assert "Graphviz" in result.stderr
        assert "apt-get install graphviz" in result.stderr
        assert not (folder / "svg").exists()  # nothing written before the check


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def served(installed: Installed, folder: Path) -> Iterator[str]:
    port = _free_port()
    server = subprocess.Popen(
        installed.hidden_command(
            str(installed.bin / "sopdoc"), "preview", WORKBOOK, "--no-browser", "--port", str(port)
        ),
        cwd=folder,
        env=installed.env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=30)


def _get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return int(response.status), response.read()
    except urllib.error.HTTPError as error:
        return error.code, b""
    except OSError:
        return 0, b""


def test_preview_serves_the_page_and_the_documents(served: str) -> None:
    deadline = time.monotonic() + 120
    status, body = 0, b""
    while time.monotonic() < deadline:
        status, body = _get(f"{served}/unduh/semua.zip")
        if status == 200:
            break
        time.sleep(0.5)
    assert status == 200, status  # 409 while the DOCX could not be written
    names = zipfile.ZipFile(io.BytesIO(body)).namelist()
    assert any(n.endswith(".docx") for n in names)
    assert any(n.endswith(".pdf") for n in names)
    page_status, page = _get(f"{served}/")
    assert page_status == 200
    assert b"KEC/STDR-KIN/427.110/2020" in page


def test_without_the_accelerators_the_same_pages(
    installed: Installed, folder: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """isal and rl_accel are optional: without them the PDF bytes and the PNG pixels are the
    same (this test runs last of the module: it uninstalls them)."""
    built = installed.run("build", WORKBOOK, "--format", "pdf,png", "-o", "cepat", cwd=folder)
    assert built.returncode == 0, built.stderr
    subprocess.run(
        [str(installed.bin / "python"), "-m", "pip", "uninstall", "-q", "-y", "isal", "rl_accel"],
        check=True,
        capture_output=True,
    )
    probe = subprocess.run(
        [str(installed.bin / "python"), "-c", "import isal"], capture_output=True, check=False
    )
    assert probe.returncode != 0
    slow = installed.run("build", WORKBOOK, "--format", "pdf,png", "-o", "lambat", cwd=folder)
    assert slow.returncode == 0, slow.stderr
    fast_files = sorted((folder / "cepat").glob("*.p*"))
    assert fast_files
    for path in fast_files:
        other = folder / "lambat" / path.name
        if path.suffix == ".pdf":
            assert other.read_bytes() == path.read_bytes(), path.name
        else:
            a, b = pymupdf.Pixmap(str(path)), pymupdf.Pixmap(str(other))
            assert (a.width, a.height, a.n) == (b.width, b.height, b.n)
            assert a.samples == b.samples, path.name
