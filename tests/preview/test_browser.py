"""End to end in a real headless Chromium: the page shows the SOPs and their problems, and
follows the workbook's saves, a half-written one included, without losing its scroll."""

from __future__ import annotations

import time
from pathlib import Path

from browsers import chromium, running_preview
from previews import save_like_excel, sheets
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import WebDriverWait

TOP_OF_SOP_2 = "return document.getElementById('sop-2').getBoundingClientRect().top"
#: Every wait is bounded; the preview normally updates within about a second.
WAIT = 20


def text_of(driver: WebDriver, element_id: str) -> str:
    return str(driver.find_element(By.ID, element_id).text)


def pictures_loaded(driver: WebDriver) -> bool:
    return bool(
        driver.execute_script(
            "var i = document.querySelectorAll('#sop-1 img, #sop-2 img');"
            "return i.length > 0 && Array.prototype.every.call(i, function (x) {"
            " return x.complete && x.naturalWidth > 0; });"
        )
    )


def test_the_page_follows_the_workbook_as_it_is_saved(tmp_path: Path) -> None:
    path = tmp_path / "sop.xlsx"
    save_like_excel(path, sheets())
    work = tmp_path / "pratinjau"
    work.mkdir()
    driver = chromium()
    try:
        with running_preview(path, workdir=work) as (url, _preview):
            driver.get(url)
            wait = WebDriverWait(driver, WAIT)
            wait.until(lambda d: "PELAYANAN PUBLIK" in text_of(d, "sop-2"))
            wait.until(pictures_loaded)
            broken = text_of(driver, "sop-3")
            assert "SURAT KETERANGAN" in broken
            assert "KESALAHAN Rusak!D20 Tanda 'ya' di kolom pelaksana tidak dikenali." in broken
            assert "tidak bisa digambar" in broken
            # the events stream is connected before we save
            wait.until(lambda d: d.execute_script("return document.readyState") == "complete")
            driver.execute_script(
                "window.scrollTo(0, 1400); document.getElementById('sop-1').mark = 1;"
            )
            time.sleep(0.5)
            scrolled = driver.execute_script("return window.scrollY")
            assert scrolled == 1400

            save_like_excel(path, sheets(nama="PELAYANAN PUBLIK DIUBAH"))
            wait.until(lambda d: "PELAYANAN PUBLIK DIUBAH" in text_of(d, "sop-2"))
            assert abs(driver.execute_script("return window.scrollY") - scrolled) <= 1
            # the unchanged SOP's part of the page stayed as it was
            assert driver.execute_script("return document.getElementById('sop-1').mark") == 1

            # a part above the window grows (a new problem): what is in the window stays put
            driver.execute_script("document.getElementById('sop-2').scrollIntoView();")
            time.sleep(0.3)
            top = driver.execute_script(TOP_OF_SOP_2)
            save_like_excel(path, sheets(nama="PELAYANAN PUBLIK DIUBAH", first_warned=True))
            wait.until(lambda d: "PERINGATAN Baik!B7" in text_of(d, "sop-1"))
            assert abs(driver.execute_script(TOP_OF_SOP_2) - top) <= 1
            scrolled = driver.execute_script("return window.scrollY")

            data = path.read_bytes()
            path.write_bytes(data[: len(data) // 3])  # a save caught halfway
            wait.until(lambda d: "Buku kerja belum bisa dibaca" in text_of(d, "ringkasan"))
            assert "PELAYANAN PUBLIK DIUBAH" in text_of(driver, "sop-2")

            save_like_excel(path, sheets(nama="SESUDAH DISIMPAN", first_warned=True))
            wait.until(lambda d: "SESUDAH DISIMPAN" in text_of(d, "sop-2"))
            assert "belum bisa dibaca" not in text_of(driver, "ringkasan")
            assert abs(driver.execute_script("return window.scrollY") - scrolled) <= 1
    finally:
        driver.quit()
