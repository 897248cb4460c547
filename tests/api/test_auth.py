"""API keys: off by default; when set, every /v1 route needs one; health and the page stay open."""

from __future__ import annotations

import logging

import pytest


def test_without_keys_everything_is_open(client):
    assert client.post("/v1/extract", json={"text": "Hà Nội"}).status_code == 200


@pytest.mark.parametrize("headers", [{}, {"X-API-Key": "wrong"}, {"Authorization": "Bearer k-gamma"},
                                     {"Authorization": "Basic k-alpha"}])
def test_a_missing_or_wrong_key_is_refused(keyed_client, headers):
    for method, path, kwargs in (("post", "/v1/extract", {"json": {"text": "Hà Nội"}}), ("get", "/v1/labels", {}),
                                 ("get", "/v1/schema", {})):
        response = getattr(keyed_client, method)(path, headers=headers, **kwargs)
        assert response.status_code == 401 and response.json()["error"]["code"] == "unauthorized"


@pytest.mark.parametrize("headers", [{"X-API-Key": "k-alpha"}, {"Authorization": "Bearer k-beta"},
                                     {"authorization": "bearer k-alpha"}])
def test_a_right_key_is_accepted(keyed_client, headers):
    assert keyed_client.post("/v1/extract", json={"text": "Hà Nội"}, headers=headers).status_code == 200


def test_health_and_page_need_no_key_and_keys_are_never_logged(keyed_client, caplog):
    caplog.set_level(logging.DEBUG)
    assert keyed_client.get("/healthz").status_code == 200 and keyed_client.get("/").status_code == 200
    keyed_client.post("/v1/extract", json={"text": "Hà Nội"}, headers={"X-API-Key": "k-alpha"})
    keyed_client.post("/v1/extract", json={"text": "Hà Nội"}, headers={"X-API-Key": "leaked-guess"})
    assert "k-alpha" not in caplog.text and "leaked-guess" not in caplog.text


def test_settings_come_from_the_environment(monkeypatch):
    from vnextract.api.settings import Settings

    monkeypatch.setenv("VNEXTRACT_API_KEYS", "k1, k2")
    monkeypatch.setenv("VNEXTRACT_CORS_ORIGINS", "https://a.example")
    monkeypatch.setenv("VNEXTRACT_MAX_BYTES", "1000")
    monkeypatch.setenv("VNEXTRACT_TIMEOUT_SECONDS", "2.5")
    settings = Settings()
    assert settings.api_keys == ["k1", "k2"] and settings.cors_origins == ["https://a.example"]
    assert settings.max_bytes == 1000 and settings.timeout_seconds == 2.5


def test_the_service_can_run_without_the_crf(monkeypatch):
    from fastapi.testclient import TestClient

    from vnextract.api.main import create_app
    from vnextract.api.settings import Settings

    monkeypatch.setenv("VNEXTRACT_NER_MODEL", "off")
    with TestClient(create_app(Settings())) as client:
        assert "ner-model" not in [r.name for r in client.app.state.extractor.recognisers]
        body = client.post("/v1/extract", json={"text": "Ông Nguyễn Văn An dự họp tại Hà Nội."}).json()
    assert [e["text"] for e in body["entities"]] == ["Nguyễn Văn An", "Hà Nội"]
    with TestClient(create_app(Settings(ner_model="auto"))) as client:
        assert "ner-model" in [r.name for r in client.app.state.extractor.recognisers]
