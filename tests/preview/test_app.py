"""The preview's routes through starlette's test client: the page, pictures, downloads, events."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from markupsafe import escape
from previews import one_thread, save_like_excel, sheets, wait_until
from starlette.testclient import TestClient

from sopdoc import messages as msg
from sopdoc.model import Severity
from sopdoc.preview.app import create_app
from sopdoc.preview.live import Preview
from sopdoc.publish.workbooks import with_layout_problems
from sopdoc.workbook import read_workbook


@pytest.fixture
def workbook(tmp_path: Path) -> Path:
    path = tmp_path / "sop.xlsx"
    save_like_excel(path, sheets())
    return path


@pytest.fixture
def served(workbook: Path, tmp_path: Path) -> Iterator[tuple[Preview, TestClient]]:
    """The app of a preview of ``workbook``, with its first reading built."""
    work = tmp_path / "pratinjau"
    work.mkdir()
    preview = Preview(workbook, workdir=work, workers=one_thread)
    with TestClient(create_app(preview), base_url="http://127.0.0.1:8000") as client:
        wait_until(lambda: preview.version >= 1, seconds=30, what="the first reading")
        yield preview, client


def section(page: str, index: int) -> str:
    """The HTML of the ``index``-th SOP's section (1-based)."""
    start = page.index(f'<section id="sop-{index}"')
    return page[start : page.index("</section>", start)]


def test_page_lists_every_sop_with_the_problems_check_reports_errors_first(
    served: tuple[Preview, TestClient], workbook: Path
) -> None:
    _preview, client = served
    response = client.get("/")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    page = response.text
    checked = with_layout_problems(read_workbook(workbook))
    assert checked.errors
    assert checked.warnings
    for index, sop in enumerate(checked.sops, start=1):
        part = section(page, index)
        assert escape(sop.identity.nomor) in part
        assert escape(sop.identity.nama) in part
        problems = checked.problems_of(sop)
        for problem in problems:
            assert f"<code>{problem.where}</code> {escape(problem.message)}" in part
        labels = [msg.SEVERITY_LABELS[p.severity.value] for p in problems]
        shown = sorted(labels, key=lambda label: part.index(label))
        assert shown == sorted(labels, key=lambda label: label != "KESALAHAN")
    rusak = section(page, 3)
    assert rusak.index("KESALAHAN") < rusak.index("PERINGATAN")
    assert "tidak bisa digambar" in rusak
    assert "/unduh/" not in rusak
    assert any(p.severity is Severity.ERROR for p in checked.problems_of(checked.sops[2]))


def test_pages_and_slides_are_pictures_of_the_built_sop(
    served: tuple[Preview, TestClient],
) -> None:
    preview, client = served
    page = client.get("/").text
    entry = preview.snapshot.entries[0] if preview.snapshot else None
    assert entry is not None
    assert entry.fingerprint
    view = preview.view(entry.fingerprint)
    assert view is not None
    assert len(view.pages) >= 2
    assert len(view.slides) >= 1
    for picture in (*view.pages, *view.slides):
        address = f"/sop/{entry.fingerprint}/{picture.name}"
        assert f'src="{address}" width="{picture.width}" height="{picture.height}"' in page
        response = client.get(address)
        assert response.status_code == 200
        assert response.content.startswith(b"\x89PNG")
        assert "immutable" in response.headers["cache-control"]
    assert client.get(f"/sop/{entry.fingerprint}/halaman-99.png").status_code == 404
    missing = client.get(f"/sop/{entry.fingerprint}/dokumen.pdf")
    assert missing.status_code == 404
    assert missing.text == msg.PREVIEW_NOT_FOUND


def test_downloads_of_one_sop_and_all_in_a_zip(served: tuple[Preview, TestClient]) -> None:
    preview, client = served
    assert preview.snapshot is not None
    good = [e for e in preview.snapshot.entries if e.fingerprint]
    assert [e.sop.identity.nomor for e in good] == ["A/1", "A/2"]
    magic = {"docx": b"PK", "pdf": b"%PDF", "pptx": b"PK"}
    for fmt, start in magic.items():
        response = client.get(f"/unduh/{good[0].fingerprint}.{fmt}")
        assert response.status_code == 200
        assert response.content.startswith(start)
        suffix = "-diagram-alir.pptx" if fmt == "pptx" else f".{fmt}"
        assert f'filename="A-1{suffix}"' in response.headers["content-disposition"]
    response = client.get("/unduh/semua.zip")
    assert response.status_code == 200
    names = zipfile.ZipFile(io.BytesIO(response.content)).namelist()
    assert sorted(names) == sorted(
        f"{stem}{suffix}"
        for stem in ("A-1", "A-2")
        for suffix in (".docx", ".pdf", "-diagram-alir.pptx")
    )
    gone = client.get("/unduh/" + "0" * 64 + ".pdf")
    assert gone.status_code == 404
    assert gone.text == msg.PREVIEW_GONE
    assert client.get(f"/unduh/{good[0].fingerprint}.exe").status_code == 404


def test_only_pages_opened_as_this_machine_are_answered(
    served: tuple[Preview, TestClient],
) -> None:
    _preview, client = served
    assert client.get("/", headers={"host": "localhost:8000"}).status_code == 200
    rebound = client.get("/", headers={"host": "sop.example:8000"})
    assert rebound.status_code == 400
    assert "PELAYANAN" not in rebound.text


def test_events_tell_the_current_version(served: tuple[Preview, TestClient]) -> None:
    preview, client = served
    with client.stream("GET", "/peristiwa") as response:
        assert response.headers["content-type"].startswith("text/event-stream")
        lines = response.iter_lines()
        assert next(lines) == "event: versi"
        assert next(lines) == f"data: {preview.version}"


def test_a_workbook_that_cannot_be_read_at_first_shows_the_notice(tmp_path: Path) -> None:
    path = tmp_path / "sop.xlsx"
    path.write_bytes(b"PK\x03\x04 setengah tersimpan")
    preview = Preview(path, workdir=tmp_path, workers=one_thread)
    with TestClient(create_app(preview), base_url="http://localhost:8000") as client:
        wait_until(lambda: bool(preview.notice), seconds=10, what="the notice")
        page = client.get("/").text
    assert "Buku kerja belum bisa dibaca" in page
    assert 'class="pemberitahuan"' in page
    assert '<section id="sop-' not in page


def test_the_page_says_everything_in_its_words_module(
    served: tuple[Preview, TestClient], workbook: Path
) -> None:
    """The page's words come from sopdoc.preview.words, filled in and escaped; the workbook's
    name in the 'disconnected' banner is code, escaped too."""
    from sopdoc.preview import words

    _preview, client = served
    page = client.get("/").text
    sops = read_workbook(workbook).sops
    assert f"<title>{escape(words.TITLE.format(workbook=workbook.name))}</title>" in page
    assert escape(words.SOPS.format(count=len(sops))) in page
    banner = words.DISCONNECTED.format(command=f"<code>sopdoc preview {workbook.name}</code>")
    assert banner in page
    for word in (words.PAGES, words.SLIDES, words.DOWNLOAD_PDF, words.DOWNLOAD_ALL):
        assert word in page
    first = sops[0]
    sheet = words.SHEET.format(sheet=first.sheet, steps=len(first.steps), actors=len(first.actors))
    assert escape(sheet) in section(page, 1)
