"""Every endpoint and its errors, through TestClient; bad input never gets a 500."""

from __future__ import annotations

import pytest

from tests.helpers.documents import make_docx, make_pdf, to_cp1258

ARTICLE = ("Sáng 13/12, tại Sở Thông tin và Truyền thông tỉnh Vĩnh Phúc, đồng chí Trần Gia Long, Tỉnh ủy viên, "
           "Giám đốc Sở Thông tin và Truyền thông tỉnh Vĩnh Phúc chủ trì hội nghị. Tỉnh Ninh Bình đạt 91,6%. "
           "Hội nghị đề xuất Bộ Thông tin và Truyền thông tặng Cờ thi đua cho Sở Thông tin và Truyền thông Quảng Ninh.")


def test_extract_returns_the_document(client):
    response = client.post("/v1/extract", json={"text": ARTICLE, "meta": {"date": "2019-12-13", "source": "x"}})
    assert response.status_code == 200
    document = response.json()
    assert document["text"] == ARTICLE and document["meta"] == {"date": "2019-12-13", "source": "x"}
    for e in document["entities"]:
        assert ARTICLE[e["start"]:e["end"]] == e["text"]
    officials = [r for r in document["records"] if r["type"] == "official" and r["person"] == "Trần Gia Long"]
    assert [r["titles"] for r in officials] == [["Tỉnh ủy viên", "Giám đốc Sở Thông tin và Truyền thông tỉnh Vĩnh Phúc"]]
    (position,) = [p for p in officials[0]["positions"] if p["role"] == "Giám đốc"]
    assert position["province"] == "Vĩnh Phúc" and officials[0]["evidence"]["sentences"]


def test_labels_filter(client):
    document = client.post("/v1/extract", json={"text": ARTICLE, "labels": ["PERCENT"]}).json()
    assert [(e["label"], e["text"]) for e in document["entities"]] == [("PERCENT", "91,6%")]


@pytest.mark.parametrize("data, name", [
    (ARTICLE.encode("utf-8"), "bai-viet.txt"),
    (ARTICLE.encode("utf-16"), "bai-viet-utf16.txt"),
    (to_cp1258(ARTICLE), "bai-viet-1258.txt"),
    (f"<html><body><article><p>{ARTICLE}</p></article></body></html>".encode(), "bai-viet.html"),
    (make_docx([ARTICLE]), "bai-viet.docx"),
    (make_pdf([ARTICLE]), "bai-viet.pdf"),
])
def test_file_upload_in_every_format(client, data, name):
    response = client.post("/v1/extract/file", files={"file": (name, data)})
    assert response.status_code == 200, response.text
    document = response.json()
    assert document["meta"]["filename"] == name
    assert ("PERCENT", "91,6%") in [(e["label"], e["text"]) for e in document["entities"]]


def test_batch_keeps_order_and_reports_bad_items(client):
    body = {"documents": [{"id": "b", "text": "Tỉnh Hà Nam đạt 98,4%."}, {"id": "a", "text": "   "},
                          {"id": "c", "text": "Bộ Y tế tặng Bằng khen cho Sở Y tế tỉnh Nam Định."}]}
    results = client.post("/v1/extract/batch", json=body).json()["documents"]
    assert [r["id"] for r in results] == ["b", "a", "c"]
    assert results[1]["error"]["message"].endswith("has no text")
    assert results[2]["records"][0]["recipients"] == ["Sở Y tế tỉnh Nam Định"]


@pytest.mark.parametrize("method, path, kwargs, status, code", [
    ("post", "/v1/extract", {"json": {"text": "  "}}, 422, "invalid_input"),
    ("post", "/v1/extract", {"json": {"txt": "Hà Nội"}}, 422, "invalid_input"),
    ("post", "/v1/extract", {"json": {"text": "Hà Nội", "labels": ["CITY"]}}, 422, "invalid_input"),
    ("post", "/v1/extract", {"content": b"{not json", "headers": {"Content-Type": "application/json"}}, 422,
     "invalid_input"),
    ("post", "/v1/extract", {"json": {"text": "a" * 300_000}}, 413, "too_large"),
    ("post", "/v1/extract/file", {"files": {"file": ("a.xlsx", b"PK..")}}, 415, "unsupported_type"),
    ("post", "/v1/extract/file", {"files": {"file": ("a.txt", b"\x00\x01\x02")}}, 400, "undecodable"),
    ("post", "/v1/extract/file", {"files": {"file": ("a.pdf", b"%PDF-1.4 broken")}}, 400, "undecodable"),
    ("post", "/v1/extract/file", {"files": {"file": ("a.txt", b"x" * 200_001)}}, 413, "too_large"),
    ("post", "/v1/extract/file", {"data": {"nothing": "here"}}, 422, "invalid_input"),
    ("post", "/v1/extract/batch", {"json": {"documents": [{"id": str(i), "text": "x"} for i in range(101)]}}, 422,
     "invalid_input"),
    ("get", "/v1/nowhere", {}, 404, "not_found"),
])
def test_errors_are_json_with_the_right_status(client, method, path, kwargs, status, code):
    response = getattr(client, method)(path, **kwargs)
    assert response.status_code == status, response.text
    assert response.json()["error"]["code"] == code and response.json()["error"]["message"]


def test_metadata_health_and_docs(client):
    assert [x["label"] for x in client.get("/v1/labels").json()["labels"]][:2] == ["PROVINCE", "PERSON"]
    assert client.get("/v1/schema").json()["title"] == "Document"
    assert client.get("/healthz").json() == {"status": "ok"}
    assert client.get("/readyz").json() == {"status": "ready"}
    assert client.get("/docs").status_code == 200
    assert "/v1/extract/file" in client.get("/openapi.json").json()["paths"]


def test_the_web_page_and_its_assets_are_served_by_the_app(client):
    page = client.get("/")
    assert page.status_code == 200 and "vnextract" in page.text
    assert "http" not in page.text.replace("http-equiv", "")       # no CDN, no external fonts
    for asset in ("/static/app.js", "/static/style.css"):
        assert client.get(asset).status_code == 200


def test_a_slow_extraction_times_out_with_504():
    from fastapi.testclient import TestClient

    from vnextract.api.main import create_app
    from vnextract.api.settings import Settings

    long_text = "\n".join([ARTICLE] * 60)            # about a second of work, against a limit of 50 ms
    with TestClient(create_app(Settings(timeout_seconds=0.05))) as slow:
        response = slow.post("/v1/extract", json={"text": long_text})
    assert response.status_code == 504 and response.json()["error"]["code"] == "timeout"
