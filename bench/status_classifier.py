"""Award status (granted / proposed / other): the rules against a learned classifier (scikit-learn
logistic regression over the words before the award), trained on the corpus's train split and
compared on held-out documents (the corpus's dev and test splits, and ../shared's dev set when present).

    python -m bench.status_classifier [--out bench/results/status_classifier.json]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bench.report import emit
from vnextract.corpora import GOLD_DIR
from vnextract.extractor.assemble.awards import status_of
from vnextract.extractor.assemble.index import DocumentIndex
from vnextract.extractor.normalise import normalise
from vnextract.extractor.read.documents import iter_documents
from vnextract.extractor.segment import segment
from vnextract.extractor.types import RawDocument

SHARED_DEV = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev" / "gold.jsonl"


def examples(paths: list[Path]) -> list[tuple[str, str, str]]:
    """(words before the award in its sentence, rule status, gold status) for every award record."""
    out = []
    for path in paths:
        for doc in iter_documents(path):
            records = [r for r in doc.get("records") or [] if r["type"] == "award"]
            if not records:
                continue
            segmented = segment(normalise(RawDocument(doc["text"])), segmenter=None)
            for record in records:
                spans = [e for e in doc["entities"] if e["label"] == "AWARD" and e["text"] == record["award"]]
                if not spans:
                    continue
                start = spans[0]["start"]
                s_start, _ = DocumentIndex(segmented, []).sentence(start)
                before = segmented.text[s_start:start]
                out.append((before, status_of(before), record["status"]))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    train = examples([GOLD_DIR / "train.jsonl"])
    held_out = examples([GOLD_DIR / "dev.jsonl", GOLD_DIR / "test.jsonl"] + ([SHARED_DEV] if SHARED_DEV.exists() else []))
    model = make_pipeline(TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True),
                          LogisticRegression(max_iter=1000, class_weight="balanced", random_state=13))
    model.fit([b[-120:] for b, _, _ in train], [g for _, _, g in train])
    learned = model.predict([b[-120:] for b, _, _ in held_out])
    result = {
        "train_examples": len(train), "held_out_examples": len(held_out),
        "held_out_status_counts": {s: sum(1 for *_, g in held_out if g == s) for s in ("granted", "proposed", "other")},
        "rules_accuracy": round(sum(r == g for _, r, g in held_out) / len(held_out), 4),
        "learned_accuracy": round(sum(p == g for p, (_, _, g) in zip(learned, held_out, strict=True)) / len(held_out), 4),
    }
    result["kept"] = "rules" if result["rules_accuracy"] >= result["learned_accuracy"] else "learned"
    return emit(result, args.out)


if __name__ == "__main__":
    sys.exit(main())
