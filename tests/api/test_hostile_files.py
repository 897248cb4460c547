"""Hostile files through /v1/extract/file: each gets a 4xx or a 504 within the time limit, and
/healthz keeps answering while it is being read."""

from __future__ import annotations

import threading
import time

import pytest
from fastapi.testclient import TestClient

from tests.helpers import hostile as H
from vnextract.api.main import create_app
from vnextract.api.settings import Settings

TIMEOUT = 6.0


@pytest.fixture(scope="module")
def hostile_client():
    settings = Settings(api_keys=[], max_bytes=6 * 1024 * 1024, timeout_seconds=TIMEOUT, ner_model="off")
    with TestClient(create_app(settings)) as client:
        yield client


CASES = [
    ("malformed.docx", H.malformed_docx, {400}),
    ("xxe.docx", H.external_entity_docx, {400}),
    ("zeros.docx", H.zeros_docx, {413}),
    ("deep-tree.pdf", H.deep_page_tree_pdf, {400}),
    ("flate-bomb.pdf", H.flate_bomb_pdf, {413}),
    ("nested.html", H.nested_html, {200}),
    ("one-line.txt", H.one_line_text, {200, 413, 504}),
    ("nul-words.txt", H.nul_separated_words, {400}),
]


@pytest.mark.parametrize("name, make, statuses", CASES, ids=[c[0] for c in CASES])
def test_a_hostile_upload_is_answered_in_time_and_healthz_keeps_answering(hostile_client, name, make, statuses):
    data = make()
    answer: dict = {}

    def upload() -> None:
        started = time.monotonic()
        response = hostile_client.post("/v1/extract/file", files={"file": (name, data)})
        answer.update(status=response.status_code, body=response.json(), seconds=time.monotonic() - started)

    worker = threading.Thread(target=upload)
    worker.start()
    health = []
    while worker.is_alive():
        started = time.monotonic()
        response = hostile_client.get("/healthz")
        health.append((response.status_code, time.monotonic() - started))
        time.sleep(0.2)
    worker.join()
    assert answer["status"] in statuses, answer["body"]
    assert answer["seconds"] < TIMEOUT + 3
    if answer["status"] != 200:
        assert answer["body"]["error"]["message"]
    assert all(status == 200 and seconds < 2 for status, seconds in health), health
