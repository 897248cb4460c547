"""Hostile requests, the way real clients go wrong, and the answer each must get: never a 500,
always `{"error": {"code", "message"}}` with the status the OpenAPI document lists.

Read the table first; the tests below it run each row against the app (TestClient, small limits:
a 200,000-byte text, batches of at most 3) and, for what needs real sockets (slow clients, CPU
after a timeout, signals), against a live `vnextract serve`.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import threading
import time
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from tests.helpers.live import cpu_seconds, live_server, peak_rss_mb
from vnextract.api.main import create_app
from vnextract.api.settings import Settings

MAX_BYTES = 200_000
TEXT = "Sáng 5/1/2024, UBND tỉnh Hà Nam tổ chức hội nghị; tỷ lệ hộ nghèo giảm còn 1,75%."
JSON = {"Content-Type": "application/json"}


def nested(depth: int, leaf: str = "{}") -> str:
    return '{"a": ' * depth + leaf + "}" * depth


def chunked(total: int, piece: bytes = b"x" * 65536):
    """A body without Content-Length (sent chunked), `total` bytes long."""
    for _ in range(total // len(piece)):
        yield piece


# (what the client sends, request, status, error code); `None` for a code: a 200.
HOSTILE_REQUESTS = [
    # ids and meta
    ("an integer id in meta", ("post", "/v1/extract", {"json": {"text": TEXT, "meta": {"id": 5}}}), 200, None),
    ("an object as the id", ("post", "/v1/extract", {"json": {"text": TEXT, "meta": {"id": {"n": 5}}}}), 422,
     "invalid_input"),
    ("meta nested 900 levels", ("post", "/v1/extract", {"content": f'{{"text": "Hà Nam", "meta": {nested(900)}}}',
                                                         "headers": JSON}), 422, "invalid_input"),
    ("meta nested 100,000 levels (past the JSON parser)",
     ("post", "/v1/extract", {"content": '{"text": "Hà Nam", "meta": {"x": ' + "[" * 100_000 + "]" * 100_000 + "}}",
                              "headers": JSON}), 400, "bad_request"),
    ("meta with 5,000 values", ("post", "/v1/extract", {"json": {"text": TEXT, "meta": {"v": list(range(5000))}}}),
     422, "invalid_input"),
    ("NaN in meta", ("post", "/v1/extract", {"content": '{"text": "Hà Nam", "meta": {"x": NaN}}', "headers": JSON}),
     422, "invalid_input"),
    ("a lone surrogate in meta", ("post", "/v1/extract", {"content": '{"text": "Hà Nam", "meta": {"x": "\\udc00"}}',
                                                           "headers": JSON}), 422, "invalid_input"),
    # the text
    ("a lone surrogate in the text", ("post", "/v1/extract", {"content": '{"text": "T\\ud800nh"}', "headers": JSON}),
     422, "invalid_input"),
    ("an empty text", ("post", "/v1/extract", {"json": {"text": ""}}), 422, "invalid_input"),
    ("a text of spaces", ("post", "/v1/extract", {"json": {"text": " \n\t "}}), 422, "invalid_input"),
    ("a number as the text", ("post", "/v1/extract", {"json": {"text": 5}}), 422, "invalid_input"),
    ("an unknown label", ("post", "/v1/extract", {"json": {"text": TEXT, "labels": ["CITY"]}}), 422, "invalid_input"),
    ("an unknown field", ("post", "/v1/extract", {"json": {"text": TEXT, "txt": TEXT}}), 422, "invalid_input"),
    ("a text over the limit", ("post", "/v1/extract", {"json": {"text": "ă" * (MAX_BYTES // 2 + 1)}}), 413,
     "too_large"),
    # the body
    ("malformed JSON", ("post", "/v1/extract", {"content": "{not json", "headers": JSON}), 422, "invalid_input"),
    ("a JSON list as the body", ("post", "/v1/extract", {"json": [TEXT]}), 422, "invalid_input"),
    ("a body announced over the limit", ("post", "/v1/extract", {"content": b"{}", "headers": {
        **JSON, "Content-Length": str(10**9)}}), 413, "too_large"),
    ("a chunked body over the limit", ("post", "/v1/extract", {"content": chunked(50 * MAX_BYTES), "headers": JSON}),
     413, "too_large"),
    # batches
    ("a batch item with a lone surrogate", ("post", "/v1/extract/batch", {"content": json.dumps(
        {"documents": [{"id": 1, "text": "T\ud800nh"}, {"id": 2, "text": TEXT}]}), "headers": JSON}), 200, None),
    ("a batch over max_batch", ("post", "/v1/extract/batch", {"json": {"documents": [
        {"id": str(i), "text": TEXT} for i in range(4)]}}), 422, "invalid_input"),
    ("a boolean as a batch id", ("post", "/v1/extract/batch", {"json": {"documents": [{"id": True, "text": TEXT}]}}),
     422, "invalid_input"),
    # uploads
    ("an upload of an unsupported type", ("post", "/v1/extract/file", {"files": {"file": ("a.xlsx", b"PK..")}}), 415,
     "unsupported_type"),
    ("an upload that is not text", ("post", "/v1/extract/file", {"files": {"file": ("a.txt", b"\x00\x01\x02")}}), 400,
     "undecodable"),
    ("an upload of nothing but spaces", ("post", "/v1/extract/file", {"files": {"file": ("a.txt", b"  \n ")}}), 400,
     "empty"),
    ("an upload over the limit", ("post", "/v1/extract/file", {"files": {"file": ("a.txt", b"x" * (MAX_BYTES + 1))}}),
     413, "too_large"),
    ("a chunked upload far over the limit", ("post", "/v1/extract/file", {"files": {"file": (
        "a.txt", b"x" * (20 * MAX_BYTES))}}), 413, "too_large"),
    ("a form without the file", ("post", "/v1/extract/file", {"data": {"nothing": "here"}}), 422, "invalid_input"),
    # routes and methods
    ("a route that does not exist", ("get", "/v1/nowhere", {}), 404, "not_found"),
    ("a method the route does not take", ("put", "/v1/extract", {"json": {"text": TEXT}}), 405, "method_not_allowed"),
]

# With API keys configured: the key is checked before anything else, the body included.
KEYED_REQUESTS = [
    ("malformed JSON and no key", ("post", "/v1/extract", {"content": "{not json", "headers": JSON}), 401,
     "unauthorized"),
    ("a body over the limit and no key", ("post", "/v1/extract", {"content": chunked(50 * MAX_BYTES), "headers": JSON}),
     401, "unauthorized"),
    # both headers sent: both must be valid, neither outweighs the other (the old rule let the Bearer win)
    ("a wrong Bearer and a right X-API-Key", ("post", "/v1/extract", {"json": {"text": TEXT}, "headers": {
        "Authorization": "Bearer wrong", "X-API-Key": "k-alpha"}}), 401, "unauthorized"),
    ("a right Bearer and a wrong X-API-Key", ("post", "/v1/extract", {"json": {"text": TEXT}, "headers": {
        "Authorization": "Bearer k-beta", "X-API-Key": "wrong"}}), 401, "unauthorized"),
    ("two right keys", ("post", "/v1/extract", {"json": {"text": TEXT}, "headers": {
        "Authorization": "Bearer k-beta", "X-API-Key": "k-alpha"}}), 200, None),
    ("a Basic authorization and a right X-API-Key", ("post", "/v1/extract", {"json": {"text": TEXT}, "headers": {
        "Authorization": "Basic azphbHBoYQ==", "X-API-Key": "k-alpha"}}), 401, "unauthorized"),
    ("a wrong key on a route that does not exist", ("get", "/v1/nowhere", {"headers": {"X-API-Key": "x"}}), 401,
     "unauthorized"),
]


@pytest.fixture(scope="module")
def strict_client():
    with TestClient(create_app(Settings(max_bytes=MAX_BYTES, max_batch=3))) as client:
        yield client


@pytest.fixture(scope="module")
def keyed_strict_client():
    with TestClient(create_app(Settings(max_bytes=MAX_BYTES, api_keys=["k-alpha", "k-beta"]))) as client:
        yield client


def _check(client, request, status, code):
    method, path, kwargs = request
    response = getattr(client, method)(path, **kwargs)
    assert response.status_code == status, response.text[:300]
    if code is not None:
        assert response.json()["error"]["code"] == code and response.json()["error"]["message"]
    for header in ("x-content-type-options", "x-frame-options", "referrer-policy", "content-security-policy"):
        assert header in response.headers, f"{header} missing"
    return response


@pytest.mark.parametrize("what, request_, status, code", HOSTILE_REQUESTS, ids=[c[0] for c in HOSTILE_REQUESTS])
def test_hostile_request(strict_client, what, request_, status, code):
    _check(strict_client, request_, status, code)


@pytest.mark.parametrize("what, request_, status, code", KEYED_REQUESTS, ids=[c[0] for c in KEYED_REQUESTS])
def test_hostile_request_with_keys(keyed_strict_client, what, request_, status, code):
    _check(keyed_strict_client, request_, status, code)


def test_the_answers_in_the_table_say_what_they_should(strict_client):
    assert strict_client.post("/v1/extract", json={"text": TEXT, "meta": {"id": 5}}).json()["id"] == "5"
    batch = strict_client.post("/v1/extract/batch", content=json.dumps(
        {"documents": [{"id": 1, "text": "T\ud800nh"}, {"id": 2, "text": TEXT}]}), headers=JSON).json()["documents"]
    assert batch[0]["id"] == "1" and batch[0]["error"]["code"] == "invalid_input"
    assert batch[1]["id"] == "2" and ("PROVINCE", "Hà Nam") in [(e["label"], e["text"]) for e in batch[1]["entities"]]
    assert strict_client.put("/v1/extract").headers["allow"] == "POST"


def test_every_status_a_route_answers_is_in_the_openapi_document(strict_client):
    paths = strict_client.get("/openapi.json").json()["paths"]
    for what, (method, path, _), status, _ in HOSTILE_REQUESTS:
        if path in paths and method in paths[path] and status != 405:
            assert str(status) in paths[path][method]["responses"], what
    body = paths["/v1/extract"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    schema = strict_client.get("/openapi.json").json()["components"]["schemas"]
    text = schema[body["$ref"].rsplit("/", 1)[1]]["properties"]["text"]
    assert text["minLength"] == 1
    batch = schema[paths["/v1/extract/batch"]["post"]["requestBody"]["content"]["application/json"]["schema"]["$ref"]
                   .rsplit("/", 1)[1]]
    assert batch["properties"]["documents"]["maxItems"] == 3                           # max_batch, as configured


# Live: real sockets and processes. One server with short limits: a 1 s time limit, one
# extraction thread, 2 s for a request's head and for its body.
LIVE_ENV = {"VNEXTRACT_TIMEOUT_SECONDS": "1", "VNEXTRACT_THREADS": "1", "VNEXTRACT_BODY_TIMEOUT_SECONDS": "2",
            "VNEXTRACT_HEADER_TIMEOUT_SECONDS": "2"}
ARTICLE = ("Sáng 13/12, tại Sở Thông tin và Truyền thông tỉnh Vĩnh Phúc, đồng chí Trần Gia Long, Tỉnh ủy viên, "
           "Giám đốc Sở Thông tin và Truyền thông tỉnh Vĩnh Phúc chủ trì hội nghị. Tỉnh Ninh Bình đạt 91,6%.")


@pytest.fixture(scope="module")
def live():
    with live_server(LIVE_ENV) as server:
        yield server


def _raw(port: int, head: bytes) -> socket.socket:
    sock = socket.create_connection(("127.0.0.1", port), timeout=15)
    sock.sendall(head)
    return sock


def _answer(sock: socket.socket) -> bytes:
    """Everything the server sends until it closes the connection (head and body may come apart)."""
    answer = b""
    try:
        while chunk := sock.recv(65536):
            answer += chunk
    except OSError:
        pass
    return answer


def _trickle(sock: socket.socket, data: bytes, every: float) -> threading.Thread:
    def send() -> None:
        try:
            for byte in data:
                sock.sendall(bytes([byte]))
                time.sleep(every)
        except OSError:
            pass                                  # the server hung up: what the test waits for

    thread = threading.Thread(target=send, daemon=True)
    thread.start()
    return thread


def test_a_slow_body_is_cut_with_408(live):
    body = json.dumps({"text": TEXT}).encode()
    sock = _raw(live.port, b"POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                           b"Content-Length: %d\r\n\r\n" % len(body))
    started = time.monotonic()
    _trickle(sock, body, 0.2)
    answer = _answer(sock)
    sock.close()
    assert answer.startswith(b"HTTP/1.1 408") and b'"request_timeout"' in answer
    assert time.monotonic() - started < 8


def test_a_slow_request_head_is_cut(live):
    sock = _raw(live.port, b"POST /v1/extract HTTP/1.1\r\nHost: x\r\n")
    started = time.monotonic()
    _trickle(sock, b"X-Slow: " + b"a" * 200, 0.2)
    try:
        answer = sock.recv(65536)
    except ConnectionResetError:
        answer = b""
    sock.close()
    assert answer == b"" and time.monotonic() - started < 8               # closed, without an answer


def test_a_huge_chunked_body_is_cut_while_it_streams_in(live):
    pid = live.process.pid
    before = peak_rss_mb(pid)
    sock = _raw(live.port, b"POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                           b"Transfer-Encoding: chunked\r\n\r\n")
    sent = 0
    chunk = b"%x\r\n%s\r\n" % (1 << 20, b"a" * (1 << 20))
    try:
        while sent < 200 * (1 << 20):                  # 200 MB, if the server let it in
            sock.sendall(chunk)
            sent += 1 << 20
    except OSError:
        pass
    answer = sock.recv(65536)
    sock.close()
    assert answer.startswith(b"HTTP/1.1 413")
    assert sent < 100 * (1 << 20)                      # cut near the limit (15 MB), not read to the end
    assert peak_rss_mb(pid) - before < 100


def test_after_a_504_the_worker_is_free_and_the_next_request_is_fast(live):
    big = "\n".join([ARTICLE] * 8000)                  # ~2 MB: about 15 s of work, against a 1 s limit
    started = time.monotonic()
    response = httpx.post(f"{live.url}/v1/extract", json={"text": big}, timeout=60)
    assert response.status_code == 504 and response.json()["error"]["code"] == "timeout"
    assert time.monotonic() - started < 5
    time.sleep(0.5)
    cpu = cpu_seconds(live.process.pid)
    time.sleep(1.0)
    assert cpu_seconds(live.process.pid) - cpu < 0.3                          # nothing is running on
    started = time.monotonic()
    small = httpx.post(f"{live.url}/v1/extract", json={"text": TEXT}, timeout=30)
    assert small.status_code == 200 and time.monotonic() - started < 2         # one thread, and it is free


def test_live_answers_carry_security_headers_and_no_server_banner(live):
    for response in (httpx.get(f"{live.url}/"), httpx.get(f"{live.url}/v1/nowhere"),
                     httpx.post(f"{live.url}/v1/extract", json={"text": ""})):
        assert "server" not in response.headers
        assert response.headers["x-content-type-options"] == "nosniff"
        assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
        assert response.headers["referrer-policy"] == "no-referrer"


def test_sigterm_ends_the_service_in_bounded_time_even_with_a_wedged_worker():
    with live_server(LIVE_ENV, workers=2) as server:
        workers = server.children()
        assert len(workers) == 2
        os.kill(workers[0], signal.SIGSTOP)            # wedged: it will never answer SIGTERM by itself
        started = time.monotonic()
        os.kill(server.process.pid, signal.SIGTERM)
        server.process.wait(timeout=60)
        assert time.monotonic() - started < 20         # graceful 3 s, then killed 5 s later
        for pid in workers:
            status = Path(f"/proc/{pid}/status")
            assert not status.exists() or "zombie" in status.read_text()
