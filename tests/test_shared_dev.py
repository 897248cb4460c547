"""A guard on the shared development set (skipped when ../shared is absent): the accuracy the
closing notes report must not silently regress. The figures themselves come from `vnextract evaluate`."""

from __future__ import annotations

from vnextract.evaluation.metrics import evaluate
from vnextract.extractor.read.documents import load_documents


def test_dev_set_accuracy_does_not_regress(extractor, shared_dir):
    gold = load_documents(shared_dir / "corpus" / "dev" / "gold.jsonl")
    docs = [{"id": i, "text": d["text"], "meta": d.get("meta") or {}} for i, d in gold.items()]
    predictions = {doc.id: doc.to_dict() for doc in extractor.pipe(docs)}
    report, _ = evaluate(gold, predictions)
    strict = report["strict"]
    assert strict["PROVINCE"]["f1"] >= 0.95 and strict["PERCENT"]["f1"] >= 0.95
    assert strict["PERSON"]["f1"] >= 0.90 and strict["AWARD"]["f1"] >= 0.85
    assert report["mission_score"] >= 0.90
    assert report["records"]["official"]["f1"] >= 0.75 and report["records"]["award"]["f1"] >= 0.60
