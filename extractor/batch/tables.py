"""The Parquet output: the archive's typed tables (extractor/archive/tables.py), one file each, so
that a Parquet folder and an archive answer the same queries."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

PARQUET_TABLES = ("documents", "entities", "officials", "official_titles", "awards", "percentages", "persons",
                  "award_ledger")


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def write_parquet(jsonl_path: Path, folder: Path) -> None:
    from vnextract.extractor.archive.database import in_memory

    folder.mkdir(parents=True, exist_ok=True)
    con = in_memory(read_jsonl(jsonl_path))
    try:
        for name in PARQUET_TABLES:
            target = str(folder / f"{name}.parquet").replace("'", "''")
            con.execute(f"COPY (SELECT * FROM {name}) TO '{target}' (FORMAT parquet)")
    finally:
        con.close()
