"""`vnextract train ner`: the data (VLSP 2018 mapped to our labels, plus the corpus's train split),
a fixed seeded split, training, and scores on the held-out documents beside underthesea.ner."""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from vnextract.evaluation.metrics import evaluate
from vnextract.extractor.models.crf import LABELS, split_of, tag_text, train
from vnextract.extractor.read.documents import iter_documents

log = logging.getLogger(__name__)

# VLSP 2018 → ours: PERSON → PERSON, ORGANIZATION → ORGANIZATION; LOCATION and MISCELLANEOUS are
# not trained (provinces come from the gazetteer). Only the outermost span (depth 0) is kept.
VLSP_MAP = {"PERSON": "PERSON", "ORGANIZATION": "ORGANIZATION"}


def mapped(documents: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for doc in documents:
        entities = []
        for e in doc.get("entities") or []:
            label = VLSP_MAP.get(e["label"], e["label"] if e["label"] in LABELS else None)
            if label and e.get("depth", 0) == 0:
                entities.append({**e, "label": label})
        out.append({"id": doc["id"], "text": doc["text"], "entities": entities})
    return out


def load_split(paths: list[Path], *, dev_fraction: float, seed: int) -> tuple[list[dict], list[dict]]:
    """Train and dev documents. Files whose name contains 'vlsp' are split by the seeded hash; other
    files (the corpus's train split) go to training whole."""
    train_docs, dev_docs = [], []
    for path in paths:
        docs = mapped(iter_documents(path))
        if "vlsp" in path.name:
            for doc in docs:
                (dev_docs if split_of(doc["id"], dev_fraction=dev_fraction, seed=seed) == "dev" else train_docs).append(doc)
        else:
            train_docs += docs
    return train_docs, dev_docs


def predictions(documents: list[dict], predict) -> dict[str, dict]:
    return {d["id"]: {"id": d["id"], "entities": [{"label": label, "start": s, "end": e, "text": d["text"][s:e]}
                                                  for label, s, e in predict(d["text"])]} for d in documents}


def underthesea_spans(text: str) -> list[tuple[str, int, int]]:
    from vnextract.evaluation.peers import underthesea_entities

    return [(e["label"], e["start"], e["end"]) for e in underthesea_entities(text) if e["label"] in LABELS]


def run_train(paths: list[Path], out: Path, *, dev_fraction: float = 0.15, seed: int = 13, iterations: int = 200,
              peer: bool = False, train_model: bool = True, l1: float = 0.02, l2: float = 0.01) -> dict[str, Any]:
    train_docs, dev_docs = load_split(paths, dev_fraction=dev_fraction, seed=seed)
    card = out.with_suffix(".json")
    info: dict[str, Any] = json.loads(card.read_text(encoding="utf-8")) if card.exists() and not train_model else {}
    if train_model:
        started = time.perf_counter()
        info = train(train_docs, out, iterations=iterations, l1=l1, l2=l2)
        info.update({"l1": l1, "l2": l2})
        info["train_seconds"] = round(time.perf_counter() - started, 1)
    info.update({"train_documents": len(train_docs), "dev_documents": len(dev_docs), "seed": seed,
                 "dev_fraction": dev_fraction, "iterations": iterations, "size_bytes": out.stat().st_size})
    gold = {d["id"]: d for d in dev_docs}
    started = time.perf_counter()
    model_report, _ = evaluate(gold, predictions(dev_docs, lambda t: tag_text(t, path=str(out))), labels=list(LABELS))
    chars = sum(len(d["text"]) for d in dev_docs)
    info["tag_chars_per_second"] = round(chars / (time.perf_counter() - started))
    info["dev_strict"] = {label: model_report["strict"][label] for label in LABELS}
    if peer:
        peer_report, _ = evaluate(gold, predictions(dev_docs, underthesea_spans), labels=list(LABELS))
        info["underthesea_dev_strict"] = {label: peer_report["strict"][label] for label in LABELS}
    out.with_suffix(".json").write_text(json.dumps(info, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return info
