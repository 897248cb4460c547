"""`vnextract serve --workers 2`: the processes come up, share the port, and answer."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

from vnextract.api.server import listening_socket


def test_the_shared_socket_gives_accepted_connections_tcp_nodelay():
    async def accepted_nodelay() -> int:
        sock = listening_socket("127.0.0.1", 0)
        seen: list[int] = []

        async def handle(reader, writer):
            seen.append(writer.get_extra_info("socket").getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
            writer.close()

        server = await asyncio.start_server(handle, sock=sock)
        port = sock.getsockname()[1]
        _, writer = await asyncio.open_connection("127.0.0.1", port)
        for _ in range(100):
            if seen:
                break
            await asyncio.sleep(0.01)
        writer.close()
        server.close()
        return seen[0]

    assert asyncio.run(accepted_nodelay()) != 0


def test_two_workers_serve_requests():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen([sys.executable, "-m", "vnextract", "serve", "--port", str(port), "--workers", "2"],
                               cwd=Path(__file__).resolve().parents[2], start_new_session=True)
    try:
        deadline = time.time() + 90
        while time.time() < deadline:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.3)
        response = httpx.post(f"http://127.0.0.1:{port}/v1/extract", json={"text": "Tỉnh Hà Nam đạt 98,4%."}, timeout=30)
        assert response.status_code == 200
        assert [e["text"] for e in response.json()["entities"]] == ["Hà Nam", "98,4%"]
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
