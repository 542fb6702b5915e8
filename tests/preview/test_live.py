"""The live preview: only changed SOPs rebuilt, the last good state kept through a bad save,
and the watcher reacting to the workbook's saves and nothing else."""

from __future__ import annotations

import asyncio
from pathlib import Path

from previews import one_thread, save_like_excel, sheets

from sopdoc.preview import live
from sopdoc.preview.live import Preview
from sopdoc.preview.watch import watch_workbook


def names(preview: Preview) -> list[str]:
    assert preview.snapshot is not None
    return [e.sop.identity.nama for e in preview.snapshot.entries]


def test_only_the_changed_sop_is_built_again(tmp_path: Path) -> None:
    path = tmp_path / "sop.xlsx"
    save_like_excel(path, sheets())

    async def scenario() -> None:
        preview = Preview(path, workdir=tmp_path, workers=one_thread)
        try:
            await preview.refresh()
            assert preview.builds == 2  # the SOP with an error is not drawn
            first = preview.snapshot
            assert first is not None
            save_like_excel(path, sheets(nama="PELAYANAN PUBLIK BARU"))
            await preview.refresh()
            assert preview.builds == 3
            assert names(preview) == [
                "STANDAR PELAYANAN",
                "PELAYANAN PUBLIK BARU",
                "SURAT KETERANGAN",
            ]
            second = preview.snapshot
            assert second is not None
            assert second.entries[0].fingerprint == first.entries[0].fingerprint
            assert second.entries[1].fingerprint != first.entries[1].fingerprint
            for entry in second.entries[:2]:
                assert preview.view(entry.fingerprint) is not None
            # the old version of the changed SOP is forgotten, its files removed
            assert preview.view(first.entries[1].fingerprint) is None
            assert not preview.folder(first.entries[1].fingerprint).exists()
            version = preview.version
            await preview.refresh()
            assert (preview.builds, preview.version) == (3, version + 1)
        finally:
            await preview.close()

    asyncio.run(scenario())


def test_a_half_written_save_keeps_the_last_good_state_with_a_notice(tmp_path: Path) -> None:
    path = tmp_path / "sop.xlsx"
    save_like_excel(path, sheets())

    async def scenario() -> None:
        preview = Preview(path, workdir=tmp_path, workers=one_thread)
        try:
            await preview.refresh()
            good = preview.snapshot
            version = preview.version
            data = path.read_bytes()
            path.write_bytes(data[: len(data) // 2])  # Excel is still writing
            await preview.refresh()
            assert preview.snapshot is good
            assert preview.notice.startswith("Buku kerja belum bisa dibaca")
            assert good is not None
            assert good.read_at.strftime("%H:%M:%S") in preview.notice
            assert preview.version == version + 1
            assert preview._wanted.is_set() is False
            await asyncio.sleep(live.RETRY_DELAY + 0.2)
            assert preview._wanted.is_set()  # it tries again by itself
            save_like_excel(path, sheets(nama="SESUDAH DISIMPAN"))
            await preview.refresh()
            assert preview.notice == ""
            assert names(preview)[1] == "SESUDAH DISIMPAN"
        finally:
            await preview.close()

    asyncio.run(scenario())


def test_the_watcher_sees_saves_of_the_workbook_and_its_logo_not_excels_other_files(
    tmp_path: Path,
) -> None:
    path = tmp_path / "sop.xlsx"
    save_like_excel(path, sheets())

    async def scenario() -> list[float]:
        loop = asyncio.get_running_loop()
        saves: list[float] = []
        stop = asyncio.Event()
        logo = tmp_path / "logo.png"
        task = loop.create_task(
            watch_workbook(
                path, on_save=lambda: saves.append(loop.time()), stop=stop, also=lambda: {logo}
            )
        )
        await asyncio.sleep(0.5)  # the watcher is running
        (tmp_path / f"~${path.name}").write_bytes(b"kunci")
        (tmp_path / "lain.xlsx").write_bytes(b"lain")
        (tmp_path / "~WRL0001.tmp").write_bytes(b"sementara")
        await asyncio.sleep(1.0)
        assert saves == []
        saved = loop.time()
        save_like_excel(path, sheets(nama="DISIMPAN"))
        for _ in range(40):
            if saves:
                break
            await asyncio.sleep(0.1)
        await asyncio.sleep(0.5)
        assert len(saves) == 1  # one save is one burst, not one call per file event
        logo.write_bytes(b"\x89PNG")  # the logo the SOPs show changed: their pages too
        for _ in range(40):
            if len(saves) == 2:
                break
            await asyncio.sleep(0.1)
        stop.set()
        await asyncio.wait_for(task, timeout=5)
        return [when - saved for when in saves]

    delays = asyncio.run(scenario())
    assert len(delays) == 2
    assert delays[0] < delays[1]
