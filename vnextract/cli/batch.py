"""`vnextract batch` and `vnextract stats`: whole archives in, JSONL or Parquet out, and summaries over them."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from vnextract.cli.extras import require


def register(sub: Any) -> None:
    ba = sub.add_parser("batch", help="process folders, zip/tar archives and JSONL files into JSONL or Parquet")
    ba.add_argument("inputs", nargs="+", metavar="INPUT")
    ba.add_argument("--out", help="JSONL file, or a folder for --format parquet")
    ba.add_argument("--db", help="load a DuckDB archive (created if missing; a rerun adds only new documents)")
    ba.add_argument("--format", choices=("jsonl", "parquet"), default="jsonl")
    ba.add_argument("--workers", type=int, default=1)
    ba.add_argument("--chunk-size", type=int, default=8, help="documents sent to a worker at a time")
    ba.add_argument("--engine", choices=("local", "dask"), default="local")
    ba.add_argument("--scheduler", help="tcp://host:8786 of an existing Dask cluster (default: a LocalCluster)")
    ba.add_argument("--resume", action="store_true", help="skip documents already in the output (by id and hash)")
    ba.add_argument("--errors", help="errors file (default: OUT.errors.jsonl, or OUT/errors.jsonl)")
    ba.add_argument("--quiet", action="store_true", help="no progress bar")
    ba.set_defaults(func=run_batch_command)

    st = sub.add_parser("stats", help="summary tables over a batch output, with DuckDB")
    st.add_argument("out", help="a batch output: JSONL file, Parquet folder or DuckDB archive")
    st.add_argument("--sql", help="an ad-hoc query over the archive tables (documents, entities, awards, …)")
    st.set_defaults(func=run_stats_command)


# Exit codes of `vnextract batch` (README, "Batch processing").
EXIT_OK = 0                 # every document read was written (or was already, by an earlier run)
EXIT_USAGE = 2              # bad arguments, or an input that does not exist: nothing was done
EXIT_SOME_FAILED = 3        # some documents were written, some failed (see the errors file)
EXIT_NOTHING_WRITTEN = 4    # every document failed, or there was nothing to read
EXIT_INTERRUPTED = 130      # Ctrl-C: what was written stays, and --resume goes on from there


def exit_code(summary: Any) -> int:
    if summary.interrupted:
        return EXIT_INTERRUPTED
    if summary.ok == 0 and summary.skipped == 0:
        return EXIT_NOTHING_WRITTEN
    return EXIT_SOME_FAILED if summary.failed else EXIT_OK


def run_batch_command(args: argparse.Namespace) -> int:
    if args.format == "parquet" or args.db:
        require("batch", "batch")
    if args.engine == "dask":
        require("batch", "batch --engine dask", module="distributed")
    if not args.out and not args.db:
        print("vnextract batch: give --out OUT, --db ARCHIVE.duckdb, or both", file=sys.stderr)
        return EXIT_USAGE
    missing = [p for p in args.inputs if not Path(p).exists()]
    if missing:
        print(f"vnextract batch: no such file or folder: {', '.join(missing)}", file=sys.stderr)
        return EXIT_USAGE
    try:
        from vnextract.extractor.batch import run_batch

        summary = run_batch([Path(p) for p in args.inputs], Path(args.out) if args.out else None, fmt=args.format,
                            workers=args.workers, db=Path(args.db) if args.db else None,
                            engine=args.engine, scheduler=args.scheduler, resume=args.resume,
                            errors_path=Path(args.errors) if args.errors else None, progress=not args.quiet,
                            chunk_size=args.chunk_size)
    except KeyboardInterrupt:                          # before the run had begun
        print("vnextract batch: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    print(json.dumps(summary.as_dict(), ensure_ascii=False), file=sys.stderr)
    return exit_code(summary)


def run_stats_command(args: argparse.Namespace) -> int:
    require("batch", "stats")
    from vnextract.extractor.batch.stats import run_stats

    print(run_stats(Path(args.out), args.sql))
    return 0
