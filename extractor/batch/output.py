"""Append-only JSONL files written one whole line per write() (a kill never leaves half a line),
and the resume index read back from them."""

from __future__ import annotations

import json
import os
from pathlib import Path


class LineWriter:
    def __init__(self, path: Path, *, append: bool) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        if append:
            repair_tail(path)
        flags = os.O_WRONLY | os.O_CREAT | (os.O_APPEND if append else os.O_TRUNC)
        self.fd = os.open(path, flags, 0o644)

    def write(self, line: str) -> None:
        data = (line + "\n").encode("utf-8")
        written = os.write(self.fd, data)
        while written < len(data):                     # a short write finishes before anything else is written
            written += os.write(self.fd, data[written:])

    def close(self) -> None:
        os.fsync(self.fd)
        os.close(self.fd)


def repair_tail(path: Path) -> None:
    """Drop an incomplete last line (a file written by another tool, or a disk that filled up)."""
    if not path.exists() or path.stat().st_size == 0:
        return
    with path.open("rb+") as handle:
        handle.seek(0, os.SEEK_END)
        size = handle.tell()
        position = size
        while position > 0:
            step = min(65536, position)
            handle.seek(position - step)
            chunk = handle.read(step)
            newline = chunk.rfind(b"\n")
            if newline != -1:
                end = position - step + newline + 1
                if end != size:
                    handle.truncate(end)
                return
            position -= step
        handle.truncate(0)


def done_keys(*paths: Path) -> set[tuple[str, str]]:
    """(key, content hash) of every item an earlier run already wrote (to the output or as an error).
    Read as bytes, line by line: a line that another tool damaged is ignored, not fatal."""
    done: set[tuple[str, str]] = set()
    for path in paths:
        if not path.exists():
            continue
        with path.open("rb") as handle:
            for line in handle:
                try:
                    record = json.loads(line.decode("utf-8"))
                except ValueError:
                    continue
                if isinstance(record, dict) and isinstance(record.get("key"), str):
                    done.add((record["key"], str(record.get("content_hash", ""))))
    return done
