"""`vnextract serve`: the HTTP service under uvicorn (api/server.py)."""

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
    from vnextract.api.server import serve

    host = f"[{args.host}]" if ":" in args.host else args.host
    pages = "page at /, API docs at /docs" + (", explorer at /explore" if args.db else "")
    print(f"vnextract: serving on http://{host}:{args.port} ({pages}); Ctrl-C stops", file=sys.stderr, flush=True)
    serve(args.host, args.port, workers=args.workers, log_level="info" if args.verbose else "warning")
    return 0
