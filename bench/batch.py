"""Batch scaling over the benchmark corpus: the local engine with 1 and 2 workers and a Dask
LocalCluster with 2 workers; documents and characters per second, scaling efficiency, peak memory
per worker, and the projected time for a million documents.

    python -m bench.batch [--docs 1000] [--out bench/results/batch.json]
"""

from __future__ import annotations

import argparse
import gzip
import resource
import sys
import tempfile
import time
from pathlib import Path

from bench.report import emit
from bench.throughput import DEFAULT_CORPUS


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    if not DEFAULT_CORPUS.exists():
        print(f"benchmark corpus not found: {DEFAULT_CORPUS}", file=sys.stderr)
        return 2
    from vnextract.extractor.batch import run_batch

    work = Path(tempfile.mkdtemp(prefix="vnextract-bench-"))
    source = work / "docs.jsonl"
    with gzip.open(DEFAULT_CORPUS, "rt", encoding="utf-8") as handle, source.open("w", encoding="utf-8") as out:
        for n, line in enumerate(handle):
            if n >= args.docs:
                break
            out.write(line)

    runs = {}
    for name, engine, workers in (("local_1", "local", 1), ("local_2", "local", 2), ("dask_2", "dask", 2)):
        started = time.perf_counter()
        summary = run_batch([source], work / f"{name}.jsonl", engine=engine, workers=workers, progress=False,
                            chunk_size=16)
        seconds = time.perf_counter() - started                       # includes pool or cluster start-up
        children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        self_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        runs[name] = {"documents": summary.ok + summary.failed, "failed": summary.failed,
                      "characters": summary.characters, "seconds": round(seconds, 1),
                      "documents_per_second": round((summary.ok + summary.failed) / seconds, 1),
                      "characters_per_second": round(summary.characters / seconds),
                      "peak_rss_mb_per_worker": round(self_rss if workers == 1 else children)}
    identical = len({(work / f"{n}.jsonl").read_bytes() for n in runs}) == 1
    one, two = runs["local_1"]["documents_per_second"], runs["local_2"]["documents_per_second"]
    result = {
        "runs": runs,
        "identical_output": identical,
        "speedup_2_workers": round(two / one, 2),
        "scaling_efficiency_2_workers": round(two / one / 2, 2),
        "projected_hours_1M_docs": {
            "2_cores": round(1_000_000 / two / 3600, 1),
            "64_cores_at_the_same_efficiency": round(1_000_000 / (one * 64 * (two / one / 2)) / 3600, 2),
        },
    }
    return emit(result, args.out)


if __name__ == "__main__":
    sys.exit(main())
