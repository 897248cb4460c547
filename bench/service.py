"""Load test of `vnextract serve --workers 2` on loopback: 1,000 requests of real articles at
concurrency 1 and 8 (p50/p95/p99 latency, requests per second, errors), and the servers' resident
memory before, during (every tenth) and after a soak of 10,000 requests.

    python -m bench.service [--requests 1000] [--soak 10000] [--max-kb 5] [--out bench/results/service.json]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import socket
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

from bench.report import emit
from bench.throughput import DEFAULT_CORPUS


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def rss_mb(root: int) -> float:
    """Resident memory of a process and its children (the uvicorn workers), from /proc."""
    pids = {root}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == root:
                pids.add(int(entry.name))
    total = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return round(total / 1024, 1)


def articles(limit_bytes: int, count: int) -> list[str]:
    texts = []
    with gzip.open(DEFAULT_CORPUS, "rt", encoding="utf-8") as handle:
        for line in handle:
            text = json.loads(line)["text"]
            if text.strip() and len(text.encode("utf-8")) <= limit_bytes:
                texts.append(text)
            if len(texts) >= count:
                break
    return texts


def load(url: str, texts: list[str], requests: int, concurrency: int, *, rss_of: int | None = None) -> dict:
    """Latency and throughput; with rss_of (the server's pid), its resident memory after every
    tenth of the requests, to tell bounded caches filling up from a leak."""
    latencies: list[float] = []
    errors = 0
    rss_series: list[float] = []

    def one(i: int, client: httpx.Client) -> tuple[float, bool]:
        start = time.perf_counter()
        response = client.post(url + "/v1/extract", json={"text": texts[i % len(texts)]})
        return time.perf_counter() - start, response.status_code == 200

    started = time.perf_counter()
    with httpx.Client(timeout=60) as client, ThreadPoolExecutor(concurrency) as pool:
        for n, (seconds, ok) in enumerate(pool.map(lambda i: one(i, client), range(requests)), start=1):
            latencies.append(seconds)
            errors += not ok
            if rss_of is not None and n % max(1, requests // 10) == 0:
                rss_series.append(rss_mb(rss_of))
    elapsed = time.perf_counter() - started
    quantiles = statistics.quantiles(latencies, n=100)
    result = {"requests": requests, "concurrency": concurrency, "errors": errors,
              "requests_per_second": round(requests / elapsed, 1),
              "p50_ms": round(1000 * quantiles[49], 1), "p95_ms": round(1000 * quantiles[94], 1),
              "p99_ms": round(1000 * quantiles[98], 1)}
    if rss_of is not None:
        result["rss_mb_every_tenth"] = rss_series
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--soak", type=int, default=10_000)
    parser.add_argument("--max-kb", type=float, default=5)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--ner-model", default="auto", help="the servers' VNEXTRACT_NER_MODEL (auto or off)")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    if not DEFAULT_CORPUS.exists():
        print(f"benchmark corpus not found: {DEFAULT_CORPUS}", file=sys.stderr)
        return 2
    texts = articles(int(args.max_kb * 1024), 500)
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([sys.executable, "-m", "vnextract", "serve", "--port", str(port),
                               "--workers", str(args.workers)], env={**os.environ, "VNEXTRACT_THREADS": "1",
                                                                     "VNEXTRACT_NER_MODEL": args.ner_model})
    try:
        deadline = time.time() + 120
        while time.time() < deadline:
            try:
                if httpx.get(url + "/readyz", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.5)
        load(url, texts, 50, 2)                                   # warm both workers
        result = {"ner_model": args.ner_model, "articles": len(texts), "max_bytes": int(args.max_kb * 1024),
                  "mean_bytes": round(statistics.mean(len(t.encode()) for t in texts)),
                  "rss_mb_after_warm_up": rss_mb(server.pid)}
        result["concurrency_1"] = load(url, texts, args.requests, 1)
        result["concurrency_8"] = load(url, texts, args.requests, 8)
        result["rss_mb_before_soak"] = rss_mb(server.pid)
        result["soak"] = load(url, texts, args.soak, 8, rss_of=server.pid)
        result["rss_mb_after_soak"] = rss_mb(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=30)
    return emit(result, args.out)


if __name__ == "__main__":
    sys.exit(main())
