"""`vnextract train ner`: features and tags from documents, the data (VLSP 2018 mapped to our
labels, plus the genre sets; models/data.py has the splits), training, and scores on held-out
documents, model alone (end-to-end scores and the combination's thresholds: models/selection.py)."""

from __future__ import annotations

import gzip
import json
import logging
import pickle
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from vnextract.evaluation.metrics import evaluate
from vnextract.extractor.models.crf import DEFAULT_MODEL, LABELS, load_model, tag
from vnextract.extractor.models.features import Syllable, featurise, syllables
from vnextract.extractor.segment.sentences import paragraphs
from vnextract.models import data

log = logging.getLogger(__name__)


def word_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """underthesea's words for one paragraph, as spans (empty when the text is not NFC)."""
    from vnextract.extractor.segment.words import word_tokens

    return [(t.start, t.end) for t in word_tokens(text, (start, end))]


class WordCache:
    """underthesea's words per paragraph, kept in a file between training runs (segmenting the
    training documents is most of the time spent before the CRF itself starts)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path
        self.spans: dict[tuple[str, int, int], list[tuple[int, int]]] = {}
        if path is not None and path.is_file():
            with gzip.open(path, "rb") as handle:
                self.spans = pickle.load(handle)
        self.changed = False

    def __call__(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        key = (text[start:start + 64], start, end)
        if key not in self.spans:
            self.spans[key] = word_spans(text, start, end)
            self.changed = True
        return self.spans[key]

    def save(self) -> None:
        if self.path is not None and self.changed:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with gzip.open(self.path, "wb") as handle:
                pickle.dump(self.spans, handle)


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


def read_clusters(path: Path | None) -> dict[str, str]:
    if path is None:
        return {}
    return dict(line.split("\t") for line in path.read_text(encoding="utf-8").splitlines() if line)


def sequences(documents: Iterable[dict[str, Any]], *, clusters: dict[str, str] | None = None, gazetteers: bool = False,
              document: bool = False, words: WordCache | None = None) -> Iterator[tuple[list[list[str]], list[str]]]:
    """(features, tags) for every paragraph of every document."""
    words = words or WordCache()
    for doc in documents:
        text = doc["text"]
        for start, end in paragraphs(text):
            sylls = syllables(text, start, end)
            if not sylls:
                continue
            entities = [e for e in doc.get("entities") or [] if start <= e["start"] and e["end"] <= end]
            yield (featurise(text, sylls, words(text, start, end), clusters=clusters, gazetteers=gazetteers,
                             document=document),
                   bio_tags(sylls, entities))


def train(documents: Iterable[dict[str, Any]], out: Path, *, iterations: int = 200, l1: float = 0.02,
          l2: float = 0.01, cluster_table: Path | None = None, gazetteers: bool = False, document: bool = False,
          words: WordCache | None = None) -> dict[str, Any]:
    """Train a CRF on `documents` and write it to `out`, with its card (`out`.json) naming the
    features it needs; a cluster table is copied beside the model."""
    from underthesea_core import CRFTrainer

    clusters = read_clusters(cluster_table)
    features, tags = [], []
    for x, y in sequences(documents, clusters=clusters, gazetteers=gazetteers, document=document, words=words):
        features.append(x)
        tags.append(y)
    if words is not None:
        words.save()
    trainer = CRFTrainer()
    trainer.set_l1_penalty(l1)
    trainer.set_l2_penalty(l2)
    trainer.set_max_iterations(iterations)
    model = trainer.train(features, tags)
    out.parent.mkdir(parents=True, exist_ok=True)
    model.save(str(out))
    table = None
    if cluster_table is not None:
        table = cluster_table.name
        if cluster_table.resolve() != (out.parent / table).resolve():
            (out.parent / table).write_text(cluster_table.read_text(encoding="utf-8"), encoding="utf-8")
    info = {"sequences": len(features), "syllables": sum(len(x) for x in features),
            "attributes": _value(model.num_attributes), "labels": sorted(_value(model.get_labels)),
            "iterations": iterations, "l1": l1, "l2": l2, "features": {"clusters": table, "gazetteers": gazetteers,
                                                                      "document": document}}
    write_card(out, info)
    load_model.cache_clear()
    return info


def write_card(model_path: Path, info: dict[str, Any]) -> None:
    model_path.with_suffix(".json").write_text(json.dumps(info, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def read_card(model_path: Path) -> dict[str, Any]:
    card = model_path.with_suffix(".json")
    return json.loads(card.read_text(encoding="utf-8")) if card.is_file() else {}


def _value(member):
    return member() if callable(member) else member


def tag_text(text: str, *, path: str = str(DEFAULT_MODEL)) -> list[tuple[str, int, int]]:
    """PERSON/ORGANIZATION spans in raw text, model alone (segmenting it itself): for evaluation and tests."""
    model = load_model(path)
    found = []
    for start, end in paragraphs(text):
        sylls = syllables(text, start, end)
        if sylls:
            found += [(s.label, s.start, s.end) for s in tag(model, text, sylls, word_spans(text, start, end))]
    return found


def predictions(documents: list[dict], predict) -> dict[str, dict]:
    return {d["id"]: {"id": d["id"], "entities": [{"label": label, "start": s, "end": e, "text": d["text"][s:e]}
                                                  for label, s, e in predict(d["text"])]} for d in documents}


def underthesea_spans(text: str) -> list[tuple[str, int, int]]:
    from vnextract.evaluation.peers import underthesea_entities

    return [(e["label"], e["start"], e["end"]) for e in underthesea_entities(text) if e["label"] in LABELS]


def score_alone(documents: list[dict[str, Any]], path: Path) -> dict[str, Any]:
    """Strict P/R/F1 of the model alone on `documents`, and its tagging speed."""
    gold = {d["id"]: d for d in documents}
    started = time.perf_counter()
    report, _ = evaluate(gold, predictions(documents, lambda t: tag_text(t, path=str(path))), labels=list(LABELS))
    chars = sum(len(d["text"]) for d in documents)
    return {"strict": {label: report["strict"][label] for label in LABELS},
            "chars_per_second": round(chars / (time.perf_counter() - started))}


def training_documents(paths: list[Path], *, final: bool, exclude_ids: Iterable[str] = ()) -> list[dict[str, Any]]:
    """VLSP train (and validation when `final`) and the genre documents, less `exclude_ids`."""
    vlsp, genre = data.load(paths)
    skip = set(exclude_ids)
    docs = vlsp["train"] + (vlsp["validation"] if final else []) + genre
    return [d for d in docs if d["id"] not in skip]


def run_train(paths: list[Path], out: Path, *, iterations: int = 200, l1: float = 0.02, l2: float = 0.01,
              clusters: Path | None = None, gazetteers: bool = False, document: bool = False, final: bool = False,
              peer: bool = False, train_model: bool = True, word_cache: Path | None = None) -> dict[str, Any]:
    vlsp, _ = data.load(paths)
    info = read_card(out) if not train_model else {}
    if train_model:
        started = time.perf_counter()
        docs = training_documents(paths, final=final)
        info = train(docs, out, iterations=iterations, l1=l1, l2=l2, cluster_table=clusters, gazetteers=gazetteers,
                     document=document, words=WordCache(word_cache))
        info["train_seconds"] = round(time.perf_counter() - started, 1)
        info["train_documents"] = len(docs)
        info["data"] = [str(p) for p in paths]
        info["final"] = final
    info["size_bytes"] = out.stat().st_size
    for part in ("validation", "test") if not final else ("test",):
        info[f"alone_{part}"] = score_alone(vlsp[part], out)
    if peer:
        gold = {d["id"]: d for d in vlsp["test"]}
        peer_report, _ = evaluate(gold, predictions(vlsp["test"], underthesea_spans), labels=list(LABELS))
        info["underthesea_test_strict"] = {label: peer_report["strict"][label] for label in LABELS}
    write_card(out, info)
    return info
