"""`vnextract batch`: items → engine → ordered outcomes → JSONL (and Parquet), with resume,
an errors file, a progress bar and a summary."""

from __future__ import annotations

import json
import logging
import signal
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from vnextract.extractor.batch.engines import run_dask, run_local
from vnextract.extractor.batch.output import LineWriter, done_keys, repair_tail
from vnextract.extractor.batch.process import content_hash
from vnextract.extractor.batch.sources import Item, count_items, iter_items

log = logging.getLogger(__name__)


@dataclass
class BatchSummary:
    """What a run did with every item it met: written, failed (in the errors file), skipped
    (already done by an earlier run, or of a type that is not read)."""

    ok: int = 0                       # documents written
    failed: int = 0
    skipped: int = 0                  # by --resume
    unsupported: int = 0              # files and members of a type that is not read
    characters: int = 0
    seconds: float = 0.0
    interrupted: bool = False

    @property
    def read(self) -> int:
        return self.ok + self.failed

    def as_dict(self) -> dict:
        rate = self.read / self.seconds if self.seconds else 0.0
        return {"read": self.read, "written": self.ok, "failed": self.failed, "skipped_by_resume": self.skipped,
                "skipped_unsupported": self.unsupported, "interrupted": self.interrupted,
                "characters": self.characters, "seconds": round(self.seconds, 2),
                "documents_per_second": round(rate, 2),
                "characters_per_second": round(self.characters / self.seconds) if self.seconds else 0}


def output_paths(out: Path, fmt: str) -> tuple[Path, Path]:
    """Where the JSONL goes: OUT itself, or OUT/documents.jsonl beside the Parquet tables."""
    if fmt == "parquet":
        return out / "documents.jsonl", out / "errors.jsonl"
    return out, out.with_name(out.name + ".errors.jsonl")


def canonical_inputs(inputs: list[Path]) -> list[Path]:
    """Each input once, by its resolved path: keys (and so resume) do not depend on how it was typed."""
    return list(dict.fromkeys(Path(p).resolve() for p in inputs))


def run_batch(
    inputs: list[Path],
    out: Path | None,
    *,
    fmt: str = "jsonl",
    workers: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    resume: bool = False,
    errors_path: Path | None = None,
    chunk_size: int = 8,
    progress: bool = True,
    db: Path | None = None,
) -> BatchSummary:
    """Process every input; write the JSONL/Parquet output to `out`, and/or load the archive `db`
    (incremental: without `out`, what the archive already has is skipped, as --resume does). Ctrl-C
    stops the run cleanly (what was written stays, resumable) and returns the summary with
    `interrupted` set."""
    if out is None and db is None:
        raise ValueError("batch needs an output: --out OUT, --db ARCHIVE.duckdb, or both")
    inputs = canonical_inputs(inputs)
    archive = _open_archive(db) if db else None
    jsonl_path: Path | None
    if out:
        jsonl_path, default_errors = output_paths(out, fmt)
    else:
        assert db is not None
        jsonl_path, default_errors = None, db.with_name(db.name + ".errors.jsonl")
    errors_path = errors_path or default_errors
    summary = BatchSummary()
    if resume:                                          # a torn last line is dropped before anything reads it
        if jsonl_path:
            repair_tail(jsonl_path)
        repair_tail(errors_path)
    done = done_keys(jsonl_path, errors_path) if resume and jsonl_path else set()
    if archive and not jsonl_path:
        done = archive.done_keys()

    def pending() -> Iterator[Item]:
        for item in iter_items(inputs):
            if done and (item.key, content_hash(item)) in done:
                summary.skipped += 1
                continue
            yield item

    writer = LineWriter(jsonl_path, append=resume) if jsonl_path else None
    errors = LineWriter(errors_path, append=resume or not jsonl_path)
    bar = _progress(count_items(inputs), progress) if progress else None
    started = time.perf_counter()
    interrupts = _DeferredInterrupts()
    try:
        interrupts.install()
        if engine == "dask":
            outcomes = run_dask(pending(), workers=workers, chunk_size=chunk_size, scheduler=scheduler)
        else:
            outcomes = run_local(pending(), workers=workers, chunk_size=chunk_size)
        for outcome in outcomes:
            with _whole(interrupts):
                if outcome.skipped:
                    summary.unsupported += 1
                elif outcome.line is not None:
                    if writer:
                        writer.write(outcome.line)
                    if archive:
                        archive.add(outcome.line)
                    summary.ok += 1
                    summary.characters += outcome.chars
                else:
                    errors.write(json.dumps({"key": outcome.key, "source": outcome.source,
                                             "content_hash": outcome.content_hash, "error": outcome.error,
                                             "code": outcome.code}, ensure_ascii=False))
                    if archive:
                        archive.add_failure(outcome.key, outcome.source, outcome.content_hash, outcome.error or "")
                    summary.failed += 1
            if bar:
                bar.update(1)
    except KeyboardInterrupt:
        summary.interrupted = True
    finally:
        interrupts.uninstall()
        if writer:
            writer.close()
        errors.close()
        if archive:
            archive.close()                  # what was extracted is kept, whatever stopped the run
        if bar:
            bar.update(summary.skipped)
            bar.close()
    summary.seconds = time.perf_counter() - started
    if fmt == "parquet" and jsonl_path and out and not summary.interrupted:
        from vnextract.extractor.batch.tables import write_parquet

        write_parquet(jsonl_path, out)
    return summary


class _DeferredInterrupts:
    """Ctrl-C as usual, except while one outcome is being recorded: then it waits until the line, the
    archive row and the summary's count all agree (an interrupt between a write and its count left
    the summary one short of the file)."""

    def __init__(self) -> None:
        self.recording = False
        self.pending = False
        self.previous: Any = None

    def install(self) -> None:
        if threading.current_thread() is threading.main_thread():
            self.previous = signal.signal(signal.SIGINT, self._handle)

    def uninstall(self) -> None:
        if self.previous is not None:
            signal.signal(signal.SIGINT, self.previous)
            self.previous = None

    def _handle(self, signum: int, frame: Any) -> None:
        if self.recording:
            self.pending = True
        else:
            raise KeyboardInterrupt


@contextmanager
def _whole(interrupts: _DeferredInterrupts) -> Iterator[None]:
    """One outcome recorded whole: a Ctrl-C that came meanwhile is raised after it."""
    interrupts.recording = True
    try:
        yield
    finally:
        interrupts.recording = False
    if interrupts.pending:
        raise KeyboardInterrupt


def _open_archive(db: Path):
    from vnextract.extractor.archive import Archive

    return Archive(db)


def _progress(total: int, enabled: bool):
    if not enabled:
        return None
    from tqdm import tqdm

    return tqdm(total=total, unit="doc", file=sys.stderr, smoothing=0.1, dynamic_ncols=True)
