"""`vnextract evaluate`: load gold, get predictions (a file, or the extractor), score and render."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from vnextract.evaluation.analysis import summarise_errors
from vnextract.evaluation.metrics import evaluate
from vnextract.evaluation.peers import peer_predictions
from vnextract.evaluation.report import RENDERERS
from vnextract.extractor.read.documents import load_documents

log = logging.getLogger(__name__)


def predict_with_extractor(gold_docs: dict[str, dict[str, Any]], model: str = "auto") -> dict[str, dict[str, Any]]:
    from vnextract.extractor import Extractor

    extractor = Extractor(model=model)
    inputs = [{"id": doc_id, "text": doc["text"], "meta": doc.get("meta") or {}} for doc_id, doc in gold_docs.items()]
    return {doc.id: doc.to_dict() for doc in extractor.pipe(inputs)}


def run_evaluate(
    gold_path: str | Path,
    *,
    pred_path: str | Path | None = None,
    output_format: str = "table",
    errors: int = 0,
    labels: list[str] | None = None,
    peers: list[str] | None = None,
    model: str = "auto",
) -> str:
    gold_docs = load_documents(gold_path)
    pred_docs = load_documents(pred_path) if pred_path else predict_with_extractor(gold_docs, model)
    report, matches = evaluate(gold_docs, pred_docs, labels=labels)
    error_summary = summarise_errors(matches, errors) if errors else None
    peer_reports = {}
    for name in peers or []:
        peer_report, _ = evaluate(gold_docs, peer_predictions(name, gold_docs), labels=labels)
        peer_reports[name] = peer_report
    return RENDERERS[output_format](report, errors=error_summary, peers=peer_reports)
