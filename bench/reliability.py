"""The reliability suite's cases, measured: the answer each gets, the time it takes and the peak
memory it costs.

- requests: every row of tests/reliability/test_hostile_requests.py, sent to a live
  `vnextract serve` (one worker, one extraction thread, the suite's limits: 200,000-byte texts,
  batches of 3); peak memory is the server process's high-water mark during that request alone;
- at the real limits (a server with the default settings: 5 MB, 20 s): a 200 MB chunked JSON body,
  a 500 MB chunked upload, 5 MB texts against the time limit (and the CPU the server spends in the
  5 s after its 504), then a small request;
- archives: every row of tests/reliability/test_hostile_archives.py through `vnextract batch`
  (one worker), in a process of its own; peak memory is that process's.

    python -m bench.reliability [--out bench/results/reliability.json]
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from bench.report import emit
from tests.helpers.live import cpu_seconds, live_server
from tests.reliability.test_hostile_archives import HOSTILE_ARCHIVES
from tests.reliability.test_hostile_requests import ARTICLE, HOSTILE_REQUESTS, KEYED_REQUESTS, LIVE_ENV, TEXT

MB = 1 << 20


def _reset_peak(pid: int) -> None:
    Path(f"/proc/{pid}/clear_refs").write_text("5")           # resets VmHWM to the current RSS


def _peak_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024, 1)
    return 0.0


def _measured(pid: int, send) -> dict:
    _reset_peak(pid)
    started = time.perf_counter()
    answer = send()
    return {**answer, "seconds": round(time.perf_counter() - started, 3), "server_peak_rss_mb": _peak_mb(pid)}


def _table(server, rows) -> list[dict]:
    results = []
    with httpx.Client(base_url=server.url, timeout=120) as client:
        for what, (method, path, kwargs), expected, _ in rows:
            def send(method=method, path=path, kwargs=kwargs) -> dict:
                if "Content-Length" in kwargs.get("headers", {}):   # a length that lies: httpx will not send it
                    return _raw(server.port, method, path, kwargs["headers"], kwargs["content"])
                try:
                    return {"status": getattr(client, method)(path, **kwargs).status_code}
                except httpx.HTTPError as exc:                  # the server hung up on a body it cut
                    return {"status": f"connection closed ({type(exc).__name__})"}
            results.append({"case": what, "expected": expected, **_measured(server.process.pid, send)})
    return results


def _raw(port: int, method: str, path: str, headers: dict[str, str], body: bytes | str) -> dict:
    sock = socket.create_connection(("127.0.0.1", port), timeout=60)
    head = "".join(f"{k}: {v}\r\n" for k, v in headers.items())
    sock.sendall(f"{method.upper()} {path} HTTP/1.1\r\nHost: x\r\n{head}\r\n".encode()
                 + (body.encode() if isinstance(body, str) else body))
    answer = sock.recv(200)
    sock.close()
    return {"status": int(answer.split()[1]) if answer.startswith(b"HTTP/") else "no answer"}


def _stream(port: int, head: bytes, first: bytes, total: int) -> dict:
    """Send a chunked body of `total` bytes until the server answers or hangs up."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=120)
    sock.sendall(head)
    sent = 0
    piece = b"a" * MB
    try:
        sock.sendall(b"%x\r\n%s\r\n" % (len(first), first))
        while sent < total:
            sock.sendall(b"%x\r\n%s\r\n" % (MB, piece))
            sent += MB
    except OSError:
        pass
    answer = sock.recv(200)
    sock.close()
    return {"status": int(answer.split()[1]) if answer.startswith(b"HTTP/") else "no answer",
            "bytes_sent_before_the_cut_mb": round(sent / MB, 1)}


def _limits() -> list[dict]:
    results = []
    with live_server() as server:
        pid = server.process.pid
        json_head = (b"POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                     b"Transfer-Encoding: chunked\r\n\r\n")
        results.append({"case": "a 200 MB chunked JSON body", **_measured(
            pid, lambda: _stream(server.port, json_head, b'{"text": "', 200 * MB))})
        multipart_head = (b"POST /v1/extract/file HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
                          b"Content-Type: multipart/form-data; boundary=xyz\r\n\r\n")
        part = b'--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\n'
        results.append({"case": "a 500 MB chunked upload", **_measured(
            pid, lambda: _stream(server.port, multipart_head, part, 500 * MB))})
        for what, text in (("a 5 MB text of short paragraphs", "\n".join([ARTICLE] * 20_000)),
                           ("a 5 MB text in one paragraph", " ".join([ARTICLE] * 20_000))):
            text = text.encode()[:5_000_000].decode("utf-8", "ignore")
            row = {"case": f"{what}, against the 20 s limit", **_measured(pid, lambda text=text: {
                "status": httpx.post(f"{server.url}/v1/extract", json={"text": text}, timeout=600).status_code})}
            cpu = cpu_seconds(pid)
            time.sleep(5)
            row["server_cpu_seconds_in_the_5_s_after"] = round(cpu_seconds(pid) - cpu, 2)
            results.append(row)
            results.append({"case": "a small request right after it", **_measured(pid, lambda: {
                "status": httpx.post(f"{server.url}/v1/extract", json={"text": TEXT}, timeout=600).status_code})})
    return results


def _archives() -> list[dict]:
    results = []
    work = Path(tempfile.mkdtemp(prefix="vnextract-reliability-"))
    for filename, data, _, _ in HOSTILE_ARCHIVES:
        source = work / filename
        source.write_bytes(data)
        started = time.perf_counter()
        process = subprocess.Popen([sys.executable, "-m", "vnextract", "batch", str(source), "--out",
                                    str(work / f"{filename}.out.jsonl"), "--quiet"], stderr=subprocess.PIPE, text=True)
        stderr = process.stderr.read()
        _, status, usage = os.wait4(process.pid, 0)
        summary = json.loads(stderr.strip().splitlines()[-1])
        results.append({"case": filename, "exit_code": os.waitstatus_to_exitcode(status),
                        "written": summary["written"], "failed": summary["failed"],
                        "seconds": round(time.perf_counter() - started, 2),
                        "peak_rss_mb": round(usage.ru_maxrss / 1024, 1)})
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    small = {**LIVE_ENV, "VNEXTRACT_MAX_BYTES": "200000", "VNEXTRACT_MAX_BATCH": "3"}
    with live_server(small) as server:
        requests = _table(server, HOSTILE_REQUESTS)
    with live_server({**small, "VNEXTRACT_API_KEYS": "k-alpha,k-beta"}) as server:
        keyed = _table(server, KEYED_REQUESTS)
    result = {"requests": requests, "requests_with_keys": keyed, "at_the_real_limits": _limits(),
              "archives": _archives()}
    return emit(result, args.out)


if __name__ == "__main__":
    sys.exit(main())
