"""`vnextract train ner`: features and tags from documents, the data (VLSP 2018 mapped to our
labels, plus the corpus's train split), a fixed seeded split, training, and scores on the held-out
documents beside underthesea.ner."""

from __future__ import annotations

import hashlib
import json
import logging
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from vnextract.evaluation.metrics import evaluate
from vnextract.extractor.models.crf import DEFAULT_MODEL, LABELS, decode, load_tagger
from vnextract.extractor.models.features import Syllable, featurise, syllables
from vnextract.extractor.read.documents import iter_documents
from vnextract.extractor.segment.sentences import paragraphs

log = logging.getLogger(__name__)

def word_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """underthesea's words for one paragraph, as spans (empty when the text is not NFC)."""
    from vnextract.extractor.segment.words import word_tokens

    return [(t.start, t.end) for t in word_tokens(text, (start, end))]


def bio_tags(sylls: list[Syllable], entities: list[dict[str, Any]]) -> list[str]:
    """B-/I- tags of the outermost PERSON/ORGANIZATION spans that sit on syllable edges."""
    tags = ["O"] * len(sylls)
    starts = {s.start: i for i, s in enumerate(sylls)}
    ends = {s.end: i for i, s in enumerate(sylls)}
    chosen = sorted((e for e in entities if e["label"] in LABELS), key=lambda e: (e["start"], -e["end"]))
    taken_until = -1
    for e in chosen:
        if e["start"] < taken_until or e["start"] not in starts or e["end"] not in ends:
            continue
        first, last = starts[e["start"]], ends[e["end"]]
        tags[first] = "B-" + e["label"]
        for k in range(first + 1, last + 1):
            tags[k] = "I-" + e["label"]
        taken_until = e["end"]
    return tags


def sequences(documents: Iterable[dict[str, Any]]) -> Iterator[tuple[list[list[str]], list[str]]]:
    """(features, tags) for every paragraph of every document."""
    for doc in documents:
        text = doc["text"]
        for start, end in paragraphs(text):
            sylls = syllables(text, start, end)
            if not sylls:
                continue
            entities = [e for e in doc.get("entities") or [] if start <= e["start"] and e["end"] <= end]
            yield featurise(text, sylls, word_spans(text, start, end)), bio_tags(sylls, entities)


def split_of(doc_id: str, *, dev_fraction: float, seed: int) -> str:
    """A fixed train/dev split by a seeded hash of the document id."""
    digest = hashlib.sha256(f"{seed}:{doc_id}".encode()).digest()
    return "dev" if int.from_bytes(digest[:4], "big") / 2**32 < dev_fraction else "train"


def train(documents: Iterable[dict[str, Any]], out: Path, *, iterations: int = 200, l1: float = 0.02,
          l2: float = 0.01) -> dict[str, Any]:
    from underthesea_core import CRFTrainer

    features, tags = [], []
    for x, y in sequences(documents):
        features.append(x)
        tags.append(y)
    trainer = CRFTrainer()
    trainer.set_l1_penalty(l1)
    trainer.set_l2_penalty(l2)
    trainer.set_max_iterations(iterations)
    model = trainer.train(features, tags)
    out.parent.mkdir(parents=True, exist_ok=True)
    model.save(str(out))
    return {"sequences": len(features), "syllables": sum(len(x) for x in features),
            "attributes": _value(model.num_attributes), "labels": sorted(_value(model.get_labels))}


def _value(member):
    return member() if callable(member) else member


def tag_text(text: str, *, path: str = str(DEFAULT_MODEL)) -> list[tuple[str, int, int]]:
    """PERSON/ORGANIZATION spans in raw text (segmenting it itself): for evaluation and tests."""
    tagger = load_tagger(path)
    found = []
    for start, end in paragraphs(text):
        sylls = syllables(text, start, end)
        if sylls:
            found += decode(sylls, tagger.tag(featurise(text, sylls, word_spans(text, start, end))), text)
    return found


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
