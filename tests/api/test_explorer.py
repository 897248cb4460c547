"""The explorer (/explore, `vnextract serve --db`): its API under /v1/archive with TestClient, and
the page in headless Chromium: filters, the ledger and the register, the article with its evidence
highlighted, both charts and the 34/63 toggle. Screenshots go to tests/_artifacts/."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.helpers.browser import CHROMEDRIVER, CHROMIUM, NO_BROWSER, chromium, screenshot, serving

pytest.importorskip("duckdb")


@pytest.fixture(scope="module")
def explorer_app(archive_path):
    from vnextract.api.main import create_app
    from vnextract.api.settings import Settings

    return create_app(Settings(archive=str(archive_path)))


@pytest.fixture(scope="module")
def api(explorer_app):
    with TestClient(explorer_app) as c:
        yield c


def test_awards_filtered_by_an_old_province_name(api):
    rows = api.get("/v1/archive/awards", params={"province": "Vĩnh Phúc"}).json()["rows"]
    assert sorted(r["evidence_doc"] for r in rows) == ["phu-tho-2025", "vinh-phuc-de-nghi"]
    assert {r["status"] for r in rows} == {"granted", "proposed"}


def test_officials_rows_carry_their_evidence(api):
    rows = api.get("/v1/archive/officials", params={"person": "Nguyễn Văn Hùng"}).json()["rows"]
    assert len({r["person_id"] for r in rows}) == 2
    first = rows[0]
    doc = api.get(f"/v1/archive/documents/{first['evidence_doc']}").json()
    assert "Hùng" in doc["text"][first["evidence_start"]:first["evidence_end"]]


def test_charts_by_year_and_by_34_or_63_units(api):
    years = api.get("/v1/archive/charts/awards-per-year", params={"award_type": "Cờ thi đua"}).json()["rows"]
    assert [(r["year"], r["conferrals"]) for r in years] == [(2019, 1), (2024, 1)]
    units34 = api.get("/v1/archive/charts/awards-by-province").json()["rows"]
    units63 = api.get("/v1/archive/charts/awards-by-province", params={"units": "63"}).json()["rows"]
    assert len(units34) == 34 and len([r for r in units63 if not r["province"].endswith("(2025)")]) == 63
    assert {r["province"]: r["conferrals"] for r in units34}["Phú Thọ"] == 3
    assert {r["province"]: r["conferrals"] for r in units63}["Vĩnh Phúc"] == 1


def test_without_an_archive_the_api_says_how_to_open_one(client):
    response = client.get("/v1/archive/awards")
    assert response.status_code == 404 and "vnextract serve --db" in response.json()["error"]["message"]


@pytest.mark.skipif(not (CHROMIUM and CHROMEDRIVER), reason=NO_BROWSER)
def test_the_explorer_page(explorer_app):
    from selenium.common.exceptions import StaleElementReferenceException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    def click_row(driver, css: str, index: int) -> bool:
        driver.find_elements(By.CSS_SELECTOR, css)[index].click()
        return True

    with serving(explorer_app) as url, chromium() as browser:
        browser.get(url + "/explore")
        # tables and charts are redrawn as their data arrive: an element found a moment ago may be gone
        wait = WebDriverWait(browser, 60, ignored_exceptions=(StaleElementReferenceException,))
        wait.until(lambda d: "khen thưởng," in d.find_element(By.ID, "status").text)
        assert "11 văn bản" in browser.find_element(By.ID, "counts").text
        headers = browser.find_element(By.CSS_SELECTOR, "#ledger thead").text
        assert "Tỉnh/thành" in headers and "Trạng thái" in headers and "Văn bản" in headers
        assert len(browser.find_elements(By.CSS_SELECTOR, "#chart-years rect.bar")) >= 3
        assert len(browser.find_elements(By.CSS_SELECTOR, "#chart-provinces rect.bar")) == 34
        screenshot(browser, "explorer.png")

        browser.find_element(By.ID, "f-province").send_keys("Quảng Ninh")
        browser.find_element(By.ID, "f-status").send_keys("đã tặng")
        browser.find_element(By.ID, "apply").click()
        wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#ledger tbody tr")) == 2)
        ledger = wait.until(lambda d: d.find_element(By.CSS_SELECTOR, "#ledger tbody").text)
        assert "Cờ thi đua" in ledger and "đã tặng" in ledger and "co-quang-ninh-a (+1)" in ledger
        wait.until(lambda d: click_row(d, "#ledger tbody tr", 1))
        wait.until(lambda d: d.find_elements(By.ID, "evidence"))
        evidence = browser.find_element(By.ID, "evidence")
        assert "Quyết định số 45/QĐ-TTg" in evidence.text and "Cờ thi đua" in evidence.text
        assert browser.execute_script("const r = arguments[0].getBoundingClientRect(); "
                                      "return r.top >= 0 && r.bottom <= innerHeight;", evidence)
        screenshot(browser, "explorer-article.png")

        browser.find_element(By.ID, "f-province").clear()
        browser.find_element(By.ID, "f-status").send_keys("(tất cả)")
        browser.find_element(By.ID, "units-63").click()
        wait.until(lambda d: d.find_element(By.CSS_SELECTOR, "#chart-provinces svg").get_attribute("data-units") == "63")
        provinces = wait.until(lambda d: [b.get_attribute("data-province")
                                          for b in d.find_elements(By.CSS_SELECTOR, "#chart-provinces rect.bar")])
        assert len(provinces) >= 63 and "Vĩnh Phúc" in provinces
        screenshot(browser, "explorer-63.png")
        empty = browser.find_element(By.ID, "f-person")
        empty.send_keys("Không Ai Có Tên Này")
        browser.find_element(By.ID, "apply").click()
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#register tbody tr.empty"))
        assert "Không có quan chức" in browser.find_element(By.CSS_SELECTOR, "#register tbody").text
