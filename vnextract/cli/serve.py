"""`vnextract serve`: the HTTP service under uvicorn."""

from __future__ import annotations

import argparse
from typing import Any


def register(sub: Any) -> None:
    sv = sub.add_parser("serve", help="run the HTTP service (settings from VNEXTRACT_* environment variables)")
    sv.add_argument("--host", default="127.0.0.1")
    sv.add_argument("--port", type=int, default=8000)
    sv.add_argument("--workers", type=int, default=1, help="processes, each with its own extractor")
    sv.set_defaults(func=run_serve)


def run_serve(args: argparse.Namespace) -> int:
    import uvicorn

    config = uvicorn.Config("vnextract.api.main:create_app", factory=True, host=args.host, port=args.port,
                            workers=args.workers, log_level="info" if args.verbose else "warning")
    if args.workers <= 1:
        uvicorn.Server(config).run()
        return 0
    from uvicorn.supervisors import Multiprocess

    Multiprocess(config, sockets=[listening_socket(args.host, args.port)]).run()
    return 0


def listening_socket(host: str, port: int):
    """The socket the workers share. uvicorn's own is made with protocol 0, and asyncio then leaves
    TCP_NODELAY off on accepted connections: Nagle and delayed ACKs add ~40 ms to every response.
    Made with IPPROTO_TCP, accepted connections get TCP_NODELAY as a single worker's do."""
    import socket

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.set_inheritable(True)
    return sock
