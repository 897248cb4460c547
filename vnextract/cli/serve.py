"""`vnextract serve`: the HTTP service under uvicorn (api/server.py)."""

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
    from vnextract.api.server import serve

    serve(args.host, args.port, workers=args.workers, log_level="info" if args.verbose else "warning")
    return 0
