"""Throughput of Extractor.pipe (default, with the CRF filling gaps, and rules alone) beside
underthesea.word_tokenize (per paragraph) and underthesea.ner (per paragraph), in one run and on
the same texts; cost per stage; peak RSS; import plus first document.

The extractor, the rules alone and word_tokenize are timed in turns over chunks of the documents,
so that a shared machine that slows down or speeds up during the run weighs on each alike (timed
one after another, the same code measured 0.75× to 0.95× of word_tokenize in three runs).

    python -m bench.throughput [--docs 300] [--corpus ../shared/corpus/bench/baomoi-5k.jsonl.gz]
                               [--ner-docs 300] [--profile] [--out bench/results/throughput.json]
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

from bench.report import emit

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "bench" / "baomoi-5k.jsonl.gz"
FIRST_DOCUMENT = (
    "import time; t = time.perf_counter(); from vnextract.extractor import Extractor; "
    "Extractor().extract('Sáng 13/12, tại Sở Thông tin và Truyền thông tỉnh Vĩnh Phúc, đồng chí Trần Gia Long "
    "chủ trì hội nghị; tỉnh Ninh Bình đạt 91,6%.'); print(time.perf_counter() - t)"
)


def load(path: Path, limit: int) -> list[dict]:
    docs = []
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            docs.append(json.loads(line))
            if len(docs) >= limit:
                break
    return docs


def paragraphs(text: str) -> list[str]:
    return [p for p in text.split("\n") if p.strip()]


def timed(fn, docs: list[dict]) -> float:
    start = time.perf_counter()
    fn(docs)
    return time.perf_counter() - start


def interleaved(runs: dict, docs: list[dict], chunk: int = 20) -> dict[str, float]:
    """Seconds each of `runs` takes over all `docs`, taking turns over chunks of `chunk` documents."""
    seconds = dict.fromkeys(runs, 0.0)
    for k in range(0, len(docs), chunk):
        for name, fn in runs.items():
            seconds[name] += timed(fn, docs[k:k + chunk])
    return seconds


def run_extractor(extractor, stages: dict[str, float]):
    """Extract every document, adding each stage's seconds to `stages`."""
    from vnextract.extractor.types import RawDocument

    def go(docs):
        for d in docs:
            _, timings = extractor.profile(RawDocument(text=d["text"], id=str(d["id"])))
            for stage, spent in timings.items():
                stages[stage] = stages.get(stage, 0.0) + spent
    return go


def run_word_tokenize(docs):
    from underthesea import word_tokenize

    for d in docs:
        for p in paragraphs(d["text"]):
            word_tokenize(p)


def run_ner(docs):
    from underthesea import ner

    for d in docs:
        for p in paragraphs(d["text"]):
            ner(p)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--ner-docs", type=int, default=None, help="documents for underthesea.ner (default: --docs)")
    parser.add_argument("--profile", action="store_true", help="print a pyinstrument profile of the extractor")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    if not args.corpus.exists():
        print(f"benchmark corpus not found: {args.corpus}", file=sys.stderr)
        return 2

    first = float(subprocess.run([sys.executable, "-c", FIRST_DOCUMENT], capture_output=True, text=True,
                                 check=True).stdout.strip())
    docs = load(args.corpus, args.docs)
    ner_docs = docs[: args.ner_docs or args.docs]
    chars = sum(len(d["text"]) for d in docs)
    ner_chars = sum(len(d["text"]) for d in ner_docs)

    from vnextract.extractor import Extractor

    extractor = Extractor()
    extractor.warm_up()                                # load lexicons and models once, as a service would
    stage_totals: dict[str, float] = {}
    if args.profile:
        from pyinstrument import Profiler

        profiler = Profiler()
        profiler.start()
    timed(run_extractor(extractor, stage_totals), docs)      # stages and peak memory, the extractor alone
    if args.profile:
        profiler.stop()
        print(profiler.output_text(unicode=True, color=False, show_all=False))
    stages = dict(sorted(stage_totals.items(), key=lambda kv: -kv[1]))
    rss_extractor = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rules_only = Extractor(model="off")
    rules_only.warm_up()
    run_word_tokenize(docs[:5])                        # load underthesea's model before timing it
    seconds = interleaved({"extractor": run_extractor(extractor, {}), "rules_only": run_extractor(rules_only, {}),
                           "word_tokenize": run_word_tokenize}, docs)
    seconds["ner"] = timed(run_ner, ner_docs)

    rate = {"extractor": chars / seconds["extractor"], "rules_only": chars / seconds["rules_only"],
            "word_tokenize": chars / seconds["word_tokenize"],
            "ner": ner_chars / seconds["ner"]}
    result = {
        "documents": len(docs), "characters": chars, "ner_documents": len(ner_docs),
        "chars_per_second": {k: round(v) for k, v in rate.items()},
        "docs_per_second_extractor": round(len(docs) / seconds["extractor"], 1),
        "model_cost_vs_rules_only": round(1 - rate["extractor"] / rate["rules_only"], 3),
        "ratio_vs_word_tokenize": round(rate["extractor"] / rate["word_tokenize"], 2),
        "ratio_vs_ner": round(rate["extractor"] / rate["ner"], 1),
        "stage_seconds": {k: round(v, 3) for k, v in stages.items()},
        "stage_ms_per_document": {k: round(1000 * v / len(docs), 2) for k, v in stages.items()},
        "peak_rss_mb_after_extractor": round(rss_extractor),
        "import_plus_first_document_s": round(first, 2),
    }
    return emit(result, args.out)


if __name__ == "__main__":
    sys.exit(main())
