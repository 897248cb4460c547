"""The web page in a real headless browser (Debian's chromium and chromedriver, driven by Selenium):
upload a file, see the highlights and the tables, save a screenshot. Skipped, with the reason, when
no Chromium is installed; `.ci/run` installs it."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

from vnextract.corpora import SAMPLE_ARTICLE

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
ARTIFACTS = Path(__file__).resolve().parents[1] / "_artifacts"

pytestmark = pytest.mark.skipif(not (CHROMIUM and CHROMEDRIVER),
                                reason="no Chromium/chromedriver installed (apt-get install chromium chromium-driver)")


@pytest.fixture(scope="module")
def server_url():
    import uvicorn

    from vnextract.api.main import create_app
    from vnextract.api.settings import Settings

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(Settings()), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.time() + 60
    while not server.started and time.time() < deadline:
        time.sleep(0.1)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                 "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--window-size=1280,1800"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    yield driver
    driver.quit()


def test_upload_a_file_and_see_entities_and_records(server_url, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(server_url + "/")
    browser.find_element(By.ID, "file").send_keys(str(SAMPLE_ARTICLE))
    browser.find_element(By.ID, "run").click()
    WebDriverWait(browser, 60).until(ec.visibility_of_element_located((By.ID, "output")))

    marks = browser.find_elements(By.CSS_SELECTOR, "#rendered mark")
    by_label: dict[str, list[str]] = {}
    for mark in marks:
        text = mark.text.rsplit("\n", 1)[0].replace(mark.get_attribute("data-label"), "").strip()
        by_label.setdefault(mark.get_attribute("data-label"), []).append(text)
    assert any("Ninh Bình" in t for t in by_label["PROVINCE"])
    assert any("Phạm Quang Ngọc" in t for t in by_label["PERSON"])
    assert "PERCENT" in by_label and "AWARD" in by_label
    officials = browser.find_element(By.CSS_SELECTOR, "#officials tbody").text
    assert "Phạm Quang Ngọc" in officials and "Chủ tịch UBND tỉnh Ninh Bình" in officials
    awards = browser.find_element(By.CSS_SELECTOR, "#awards tbody").text
    assert "UBND tỉnh Hưng Yên" in awards and "proposed" in awards
    provinces = browser.find_element(By.CSS_SELECTOR, "#provinces tbody").text
    assert "Hà Nam" in provinces and "Ninh Bình" in provinces
    assert '"entities"' in browser.find_element(By.ID, "json").text
    ARTIFACTS.mkdir(exist_ok=True)
    assert browser.save_screenshot(str(ARTIFACTS / "web-page.png"))


def test_an_unsupported_upload_shows_the_error(server_url, browser, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    bad = tmp_path / "bang.xlsx"
    bad.write_bytes(b"PK\x03\x04")
    browser.get(server_url + "/")
    browser.find_element(By.ID, "file").send_keys(str(bad))
    browser.find_element(By.ID, "run").click()
    WebDriverWait(browser, 30).until(lambda d: "Lỗi" in d.find_element(By.ID, "status").text)
    assert "unsupported file type" in browser.find_element(By.ID, "status").text
