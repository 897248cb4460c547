"""`vnextract serve`: the HTTP service under uvicorn."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from vnextract.cli.extras import require


def register(sub: Any) -> None:
    sv = sub.add_parser("serve", help="run the HTTP service (settings from VNEXTRACT_* environment variables)")
    sv.add_argument("--host", default="127.0.0.1")
    sv.add_argument("--port", type=int, default=8000)
    sv.add_argument("--workers", type=int, default=1, help="processes, each with its own extractor")
    sv.add_argument("--db", help="a DuckDB archive (vnextract batch … --db) to explore at /explore")
    sv.set_defaults(func=run_serve)


def run_serve(args: argparse.Namespace) -> int:
    require("api", "serve")
    if args.db:
        require("batch", "serve --db")
        if not Path(args.db).exists():
            raise FileNotFoundError(f"{args.db}: no such archive (make one with vnextract batch … --db {args.db})")
        os.environ["VNEXTRACT_ARCHIVE"] = str(Path(args.db).resolve())      # read by every worker's settings
    import uvicorn

    config = uvicorn.Config("vnextract.api.main:create_app", factory=True, host=args.host, port=args.port,
                            workers=args.workers, log_level="info" if args.verbose else "warning")
    host = f"[{args.host}]" if ":" in args.host else args.host
    pages = "page at /, API docs at /docs" + (", explorer at /explore" if args.db else "")
    print(f"vnextract: serving on http://{host}:{args.port} ({pages}); Ctrl-C stops", file=sys.stderr, flush=True)
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
