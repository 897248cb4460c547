"""The article page in a real headless browser (Debian's chromium and chromedriver, driven by
Selenium): upload a file with its date, see the highlights and the tables in Vietnamese, filter the
labels, click a row to reach its highlight, save screenshots. Skipped, with the reason, when no
Chromium is installed; `.ci/run` installs it."""

from __future__ import annotations

import pytest

from tests.helpers.browser import CHROMEDRIVER, CHROMIUM, NO_BROWSER, chromium, screenshot, serving
from vnextract.corpora import SAMPLE_ARTICLE

pytestmark = pytest.mark.skipif(not (CHROMIUM and CHROMEDRIVER), reason=NO_BROWSER)


@pytest.fixture(scope="module")
def server_url():
    from vnextract.api.main import create_app
    from vnextract.api.settings import Settings

    with serving(create_app(Settings())) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with chromium() as driver:
        yield driver


def _wait(browser, condition, seconds=60):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(browser, seconds).until(condition)


def test_upload_a_file_and_see_entities_and_records(server_url, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec

    browser.get(server_url + "/")
    _wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#label-filter input"))
    browser.find_element(By.ID, "file").send_keys(str(SAMPLE_ARTICLE))
    browser.execute_script("document.getElementById('date').value = '2024-12-18'")
    browser.find_element(By.ID, "run").click()
    _wait(browser, ec.visibility_of_element_located((By.ID, "output")))

    marks = browser.find_elements(By.CSS_SELECTOR, "#rendered mark")
    by_label: dict[str, list[str]] = {}
    for mark in marks:
        by_label.setdefault(mark.get_attribute("data-label"), []).append(mark.text)
    assert any("Ninh Bình" in t for t in by_label["PROVINCE"]) and any("Tỉnh/thành" in t for t in by_label["PROVINCE"])
    assert any("Phạm Quang Ngọc" in t for t in by_label["PERSON"])
    assert "PERCENT" in by_label and "AWARD" in by_label
    colour = browser.execute_script("return getComputedStyle(document.querySelector('mark[data-label=PROVINCE]'))"
                                    ".backgroundColor")
    assert colour == "rgb(254, 202, 116)"                               # #feca74, from GET /v1/labels
    officials = browser.find_element(By.CSS_SELECTOR, "#officials tbody").text
    assert "Phạm Quang Ngọc" in officials and "Chủ tịch UBND tỉnh Ninh Bình" in officials
    awards = browser.find_element(By.CSS_SELECTOR, "#awards tbody").text
    assert "UBND tỉnh Hưng Yên" in awards and "đề nghị" in awards and "proposed" not in awards
    provinces = browser.find_element(By.CSS_SELECTOR, "#provinces tbody").text
    assert "Hà Nam" in provinces and "Ninh Bình" in provinces
    assert '"date": "2024-12-18"' in browser.find_element(By.ID, "json").text      # the upload took the date
    screenshot(browser, "web-page.png")


def test_a_row_scrolls_to_its_highlight_and_labels_filter(server_url, browser):
    from selenium.webdriver.common.by import By

    row = browser.find_elements(By.CSS_SELECTOR, "#percentages tbody tr")[-1]
    target = row.get_attribute("data-target")
    browser.execute_script("window.scrollTo(0, 0)")
    row.click()
    mark = browser.find_element(By.ID, f"ent-{target}")
    assert mark.get_attribute("data-label") == "PERCENT" and row.text.split()[0] in mark.text
    _wait(browser, lambda d: d.execute_script(
        "const r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight;", mark), 10)
    browser.find_element(By.CSS_SELECTOR, "#label-filter input[value=PERSON]").click()
    assert not browser.find_elements(By.CSS_SELECTOR, "#rendered mark[data-label=PERSON]")
    assert browser.find_elements(By.CSS_SELECTOR, "#rendered mark[data-label=PROVINCE]")
    screenshot(browser, "web-page-filtered.png")


def test_empty_tables_say_so(server_url, browser):
    from selenium.webdriver.common.by import By

    browser.get(server_url + "/")
    _wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#label-filter input"))
    browser.find_element(By.ID, "text").send_keys("Sáng 13/12, tỉnh Ninh Bình đạt 91,6%.")
    browser.find_element(By.ID, "run").click()
    _wait(browser, lambda d: "thực thể" in d.find_element(By.ID, "status").text)
    assert browser.find_element(By.CSS_SELECTOR, "#awards tbody tr.empty").text == "Không có"
    assert browser.find_element(By.CSS_SELECTOR, "#officials tbody tr.empty").text == "Không có"


def test_an_unsupported_upload_shows_the_error(server_url, browser, tmp_path):
    from selenium.webdriver.common.by import By

    bad = tmp_path / "bang.xlsx"
    bad.write_bytes(b"PK\x03\x04")
    browser.get(server_url + "/")
    browser.find_element(By.ID, "file").send_keys(str(bad))
    browser.find_element(By.ID, "run").click()
    _wait(browser, lambda d: "Lỗi" in d.find_element(By.ID, "status").text, 30)
    assert "unsupported file type" in browser.find_element(By.ID, "status").text
