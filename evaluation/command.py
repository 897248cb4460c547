"""`vnextract evaluate`: load gold, get predictions (a file, the extractor, or the extractor with
cross-validated models), score and render, saying which data every figure comes from."""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path
from typing import Any

from vnextract.evaluation.analysis import summarise_errors
from vnextract.evaluation.metrics import evaluate
from vnextract.evaluation.peers import peer_predictions
from vnextract.evaluation.report import RENDERERS
from vnextract.extractor.read.documents import load_documents

log = logging.getLogger(__name__)


VLSP_LABELS = ["PERSON", "ORGANIZATION"]


def load_vlsp_part(path: str | Path, part: str) -> dict[str, dict[str, Any]]:
    """The documents of one part ("test", "validation", "train") of the VLSP split the models are trained
    and selected on, with the outermost PERSON and ORGANIZATION spans as gold."""
    from vnextract.models.data import vlsp_documents, vlsp_part

    return {doc["id"]: doc for doc in vlsp_documents(Path(path)) if vlsp_part(doc["id"]) == part}


def predict_with_extractor(gold_docs: dict[str, dict[str, Any]], model: str = "auto") -> dict[str, dict[str, Any]]:
    from vnextract.extractor import Extractor

    extractor = Extractor(model=model)
    inputs = [{"id": doc_id, "text": doc["text"], "meta": doc.get("meta") or {}} for doc_id, doc in gold_docs.items()]
    return {doc.id: doc.to_dict() for doc in extractor.pipe(inputs)}


def predict_cross_validated(gold_docs: dict[str, dict[str, Any]], *, folds: int, train_data: list[Path],
                            model: str = "auto", work: Path | None = None) -> dict[str, dict[str, Any]]:
    """The extractor's predictions on every gold document from a model trained without it: the gold
    documents cut into `folds` folds; each fold tagged with a model trained on `train_data` and the
    other folds, with the shipped (or given) model's features, settings and combination."""
    from vnextract.extractor.models.crf import DEFAULT_MODEL
    from vnextract.models.selection import cross_validated_predictions

    base = DEFAULT_MODEL if model == "auto" else Path(model)
    if work is None:
        work = Path(tempfile.mkdtemp(prefix="vnextract-cv-"))
    work.mkdir(parents=True, exist_ok=True)
    return cross_validated_predictions(gold_docs, train_data, folds, work, base)


def describe(gold_path: str | Path, gold_docs: dict[str, Any], *, pred_path: str | Path | None, model: str,
             folds: int, train_data: list[Path]) -> str:
    """Where the figures come from, in one sentence for the report's head."""
    gold = f"gold: {gold_path} ({len(gold_docs)} documents)"
    if pred_path:
        return f"{gold}; predictions: {pred_path}"
    if model in (None, "off"):
        return f"{gold}; predictions: the extractor, rules only (model off)"
    if folds:
        others = ", ".join(str(p) for p in train_data) or "nothing else"
        return (f"{gold}; predictions: the extractor, {folds}-fold cross-validation over the gold documents: each "
                f"fold tagged by a model trained on the other folds and {others} (VLSP files: their train part), "
                f"with the settings of {'the shipped model' if model == 'auto' else model}")
    from vnextract.extractor.models.crf import DEFAULT_MODEL

    return (f"{gold}; predictions: the extractor with {'the shipped model ' + DEFAULT_MODEL.name if model == 'auto' else model}"
            " (if the gold documents were in its training data, these figures are not held-out)")


def run_evaluate(
    gold_path: str | Path,
    *,
    pred_path: str | Path | None = None,
    output_format: str = "table",
    errors: int = 0,
    labels: list[str] | None = None,
    peers: list[str] | None = None,
    model: str = "auto",
    folds: int = 0,
    train_data: list[Path] | None = None,
    cv_dir: Path | None = None,
    vlsp_part: str | None = None,
) -> str:
    gold_docs = load_vlsp_part(gold_path, vlsp_part) if vlsp_part else load_documents(gold_path)
    if vlsp_part:
        labels = [label for label in labels or VLSP_LABELS if label in VLSP_LABELS]
        if folds:
            raise ValueError("--vlsp-part scores the held-out VLSP documents: they are not cross-validated")
    train_data = train_data or []
    if folds and pred_path:
        raise ValueError("--cv tags the gold documents with cross-validated models: it takes no --pred file")
    if folds and model in (None, "off"):
        raise ValueError("--cv cross-validates the model: it cannot be off")
    if pred_path:
        pred_docs = load_documents(pred_path)
    elif folds:
        pred_docs = predict_cross_validated(gold_docs, folds=folds, train_data=train_data, model=model, work=cv_dir)
    else:
        pred_docs = predict_with_extractor(gold_docs, model)
    report, matches = evaluate(gold_docs, pred_docs, labels=labels)
    report["source"] = describe(gold_path, gold_docs, pred_path=pred_path, model=model, folds=folds,
                                train_data=train_data)
    if vlsp_part:                                      # VLSP annotates no records, provinces or percentages
        for key in ("mission_score", "records", "duplicate_conferrals"):
            report.pop(key, None)
        report["source"] += (f"; the VLSP {vlsp_part} part of the models' split (models/data.py), outermost PERSON and "
                             "ORGANIZATION spans, scored against VLSP's conventions")
    error_summary = summarise_errors(matches, errors) if errors else None
    peer_reports = {}
    for name in peers or []:
        peer_report, _ = evaluate(gold_docs, peer_predictions(name, gold_docs), labels=labels)
        peer_reports[name] = peer_report
    return RENDERERS[output_format](report, errors=error_summary, peers=peer_reports)
