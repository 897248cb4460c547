"""Choosing how the model combines with the rules, and cross-validating it (training time only).

The combination (`extractor/models/crf.py:Combination`, stated in `extractor/recognise/model.py`)
has three settings: what the model reads, the probability below which its spans are dropped
(`floor`) and the one from which they outrank an open-ended rule pattern (`override`). They are
chosen on held-out data only, end to end on raw text:
- the VLSP validation documents, tagged by a model trained without them;
- with `folds` = K, the documents of one genre file cut into K folds, each tagged by a model
  trained on everything but that fold (K extra trainings; `vnextract evaluate --cv K` trains the
  same fold models and reuses them from the same folder).
The objective is the mean strict F1 of PERSON and ORGANIZATION over the held-out sets, each set
weighted equally. The rules and the model's spans with their probabilities are computed once per
document and reading mode; each setting then costs one resolution.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import logging
import time
from collections.abc import Iterable
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any

from vnextract.evaluation.metrics import evaluate
from vnextract.extractor import Extractor
from vnextract.extractor.models import crf
from vnextract.extractor.normalise import normalise
from vnextract.extractor.recognise.model import mentions as model_mentions
from vnextract.extractor.resolve import resolve
from vnextract.extractor.segment import segment
from vnextract.extractor.segment.words import word_tokens
from vnextract.extractor.types import STRONG_RULE_SCORE, Mention, RawDocument
from vnextract.models import data
from vnextract.models.training import WordCache, read_card, train, training_documents, write_card

log = logging.getLogger(__name__)

READS = crf.READS
FLOORS = (0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8)
OVERRIDES = (0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.98, 1.01)          # 1.01: never outranks a rule
REPEATS = (0.7, 0.8, 0.9, 0.95, 0.98)
MIN_GAIN = 0.001
LABELS = list(data.MODEL_LABELS)


class Cached:
    """One document's rule mentions and, per reading mode, the model's spans."""

    def __init__(self, doc: dict[str, Any], rules: Extractor, model_path: Path) -> None:
        self.doc = doc
        self.shadow = normalise(RawDocument(text=doc["text"], id=doc["id"]))
        self.segmented = segmented = segment(self.shadow, segmenter=word_tokens)
        found: list[Mention] = []
        for recogniser in rules.recognisers:
            found += recogniser.run(segmented, found)
        self.rules = found
        path = str(model_path)
        self.spans = {
            "gaps": crf.fill_gaps(segmented, found, path=path, explaining=STRONG_RULE_SCORE),
            "rule-gaps": crf.fill_gaps(segmented, found, path=path, explaining=0.0),
            "paragraphs": crf.recognise(segmented, path=path),
        }

    def calibrate(self, calibration: dict[str, list[float]]) -> None:
        mapping = crf.Calibration.from_card(calibration)
        assert mapping is not None
        self.spans = {mode: [s._replace(p=mapping(s.p)) for s in spans] for mode, spans in self.spans.items()}

    def entities(self, combination: crf.Combination) -> list[dict[str, Any]]:
        model = model_mentions(self.shadow.text, self.spans[combination.reads], combination, earlier=self.rules,
                               doc=self.segmented)
        out = []
        for m in resolve(self.rules + model):
            start, end = self.shadow.offsets.to_original(m.start, m.end)
            out.append({"label": m.label, "start": start, "end": end, "text": self.doc["text"][start:end]})
        return out


def _outcomes(cached: list[Cached]) -> list[tuple[float, bool]]:
    """(p, whether the span is exactly a gold span) for every span the model tags alone."""
    out = []
    for c in cached:
        gold = {(e["label"], e["start"], e["end"]) for e in c.doc["entities"] if e["label"] in LABELS}
        for s in c.spans["paragraphs"]:
            start, end = c.shadow.offsets.to_original(s.start, s.end)
            out.append((s.p, (s.label, start, end) in gold))
    return out


def fit_calibration(cached: list[Cached]) -> dict[str, list[float]]:
    """Isotonic regression of being right on p, over the model's spans on held-out documents."""
    from sklearn.isotonic import IsotonicRegression

    outcomes = _outcomes(cached)
    fitted = IsotonicRegression(y_min=0.0, y_max=1.0, out_of_bounds="clip").fit(
        [p for p, _ in outcomes], [float(right) for _, right in outcomes])
    return {"raw": [round(float(x), 6) for x in fitted.X_thresholds_],
            "calibrated": [round(float(y), 4) for y in fitted.y_thresholds_]}


BINS = (0.0, 0.3, 0.5, 0.7, 0.8, 0.9, 0.95, 0.99, 1.01)


def reliability(cached: list[Cached]) -> list[dict[str, Any]]:
    """Per bin of p (after calibration, when applied): how many spans, their mean p, the share right."""
    outcomes = _outcomes(cached)
    table = []
    for low, high in itertools.pairwise(BINS):
        inside = [(p, right) for p, right in outcomes if low <= p < high]
        if inside:
            table.append({"p": f"[{low}, {min(high, 1.0)}{']' if high > 1 else ')'}", "spans": len(inside),
                          "mean_p": round(sum(p for p, _ in inside) / len(inside), 3),
                          "right": round(sum(r for _, r in inside) / len(inside), 3)})
    return table


def cache_documents(documents: Iterable[dict[str, Any]], model_path: Path) -> list[Cached]:
    rules = Extractor(model="off")
    return [Cached(doc, rules, model_path) for doc in documents]


def score(cached: list[Cached], combination: crf.Combination, labels: list[str] | None = None) -> dict[str, Any]:
    gold = {c.doc["id"]: c.doc for c in cached}
    pred = {c.doc["id"]: {"id": c.doc["id"], "entities": c.entities(combination)} for c in cached}
    report, _ = evaluate(gold, pred, labels=labels)
    return report


def grid(reads: Iterable[str] = READS) -> list[crf.Combination]:
    return [crf.Combination(floor=f, override=o, reads=r) for r, f, o in itertools.product(reads, FLOORS, OVERRIDES)
            if o >= f]


def fold_models(paths: list[Path], genre: list[dict[str, Any]], folds: int, work: Path, base_model: Path,
                words: WordCache | None = None) -> list[tuple[list[dict[str, Any]], Path]]:
    """For each of `folds` folds of the `genre` documents, (its documents, a model trained on the
    documents of `paths` (VLSP train, the genre files) and the other folds, without this fold's),
    with the features, settings and combination of `base_model`'s card. A fold model already in
    `work` is reused when it was trained without the same documents."""
    base = read_card(base_model)
    features = base.get("features", {})
    table = base_model.parent / features["clusters"] if features.get("clusters") else None
    settings = {key: base.get(key) for key in ("features", "iterations", "l1", "l2")}
    out = []
    for k in range(folds):
        held = [d for d in genre if data.fold_of(d["id"], folds) == k]
        held_ids = sorted(d["id"] for d in held)
        path = work / f"fold-{k}.bin"
        docs = training_documents(paths, final=False, exclude_ids=held_ids)
        known = {d["id"] for d in docs}
        docs += [d for d in genre if d["id"] not in known and d["id"] not in set(held_ids)]
        trained_on = _digest([*sorted(d["id"] for d in docs), json.dumps(settings, sort_keys=True)])
        if not (path.is_file() and read_card(path).get("trained_on") == trained_on):
            started = time.perf_counter()
            info = train(docs, path, iterations=base.get("iterations", 200), l1=base.get("l1", 0.02),
                         l2=base.get("l2", 0.01), cluster_table=table, gazetteers=bool(features.get("gazetteers")),
                         document=bool(features.get("document")), words=words)
            info.update({"held_out": held_ids, "train_documents": len(docs), "trained_on": trained_on,
                         "train_seconds": round(time.perf_counter() - started, 1)})
            write_card(path, info)
            log.info("fold %d/%d trained in %.0f s", k + 1, folds, time.perf_counter() - started)
        card = {key: value for key, value in read_card(path).items() if key not in ("combination", "calibration")}
        write_card(path, card | {key: base[key] for key in ("combination", "calibration") if key in base})
        out.append((held, path))
    crf.load_model.cache_clear()
    return out


def _digest(ids: list[str]) -> str:
    return hashlib.sha256("\n".join(ids).encode()).hexdigest()[:16]


def cross_validated_predictions(gold: dict[str, dict[str, Any]], paths: list[Path], folds: int, work: Path,
                                base_model: Path, words: WordCache | None = None) -> dict[str, dict[str, Any]]:
    """Predictions of the whole extractor for every gold document, each from a model that never saw it."""
    genre = [{"id": doc_id, "text": d["text"], "meta": d.get("meta") or {}, "entities": d.get("entities") or []}
             for doc_id, d in gold.items()]
    predicted: dict[str, dict[str, Any]] = {}
    for held, path in fold_models(paths, genre, folds, work, base_model, words):
        extractor = Extractor(model=str(path))
        for doc in extractor.pipe([{"id": d["id"], "text": d["text"], "meta": d["meta"]} for d in held]):
            predicted[doc.id] = doc.to_dict()
    return predicted


def run_selection(paths: list[Path], model_path: Path, *, folds: int = 0, cv_gold: Path | None = None,
                  word_cache: Path | None = None, write: Path | None = None, cv_dir: Path | None = None,
                  reads: Iterable[str] = READS) -> dict[str, Any]:
    """Score every combination of `grid()` on the held-out sets and pick the best. `paths` are the
    training files (VLSP and genre sets); with `folds`, the documents of `cv_gold` (a genre file)
    are cross-validated, the fold models trained on `paths` and the other folds."""
    card = read_card(model_path)
    try:
        if "calibration" in card:               # spans are cached with the model's raw probabilities
            write_card(model_path, {key: value for key, value in card.items() if key != "calibration"})
            crf.load_model.cache_clear()
        return _select(paths, model_path, folds=folds, cv_gold=cv_gold, word_cache=word_cache, write=write,
                       cv_dir=cv_dir, reads=reads)
    finally:
        if write != model_path:                 # a dry run leaves the card as it found it
            write_card(model_path, card)
            crf.load_model.cache_clear()


def _select(paths: list[Path], model_path: Path, *, folds: int, cv_gold: Path | None, word_cache: Path | None,
            write: Path | None, cv_dir: Path | None, reads: Iterable[str]) -> dict[str, Any]:
    vlsp, _ = data.load(paths)
    sets: dict[str, list[Cached]] = {"vlsp-validation": cache_documents(vlsp["validation"], model_path)}
    if folds:
        if cv_gold is None:
            raise ValueError("cross-validation needs the genre file to cut into folds")
        genre = data.genre_documents([cv_gold])
        work = cv_dir or model_path.parent / f"{model_path.stem}-cv{folds}"
        work.mkdir(parents=True, exist_ok=True)
        pooled: list[Cached] = []
        for held, path in fold_models(paths, genre, folds, work, model_path, WordCache(word_cache)):
            pooled += cache_documents(held, path)
        sets[f"{cv_gold.name}-cv{folds}"] = pooled
    calibration = fit_calibration(sets["vlsp-validation"])
    checks = {"vlsp-validation, raw p (the calibration's own data)": reliability(sets["vlsp-validation"])}
    for cached in sets.values():
        for c in cached:
            c.calibrate(calibration)
    for name, cached in sets.items():
        if name != "vlsp-validation":
            checks[f"{name}, calibrated p (out of the calibration's sample)"] = reliability(cached)
    def evaluate_all(combination: crf.Combination) -> dict[str, Any]:
        scores = {name: {label: score(cached, combination, LABELS)["strict"][label]["f1"] for label in LABELS}
                  for name, cached in sets.items()}
        objective = sum(s[label] for s in scores.values() for label in LABELS) / (len(LABELS) * len(scores))
        return {"combination": asdict(combination), "scores": scores, "objective": round(objective, 4)}

    # ties go to the more cautious setting: the higher override, then the higher floor
    def key(r: dict[str, Any]) -> tuple[float, ...]:
        return -r["objective"], -r["combination"]["override"], -r["combination"]["floor"]

    results = sorted((evaluate_all(c) for c in grid()), key=key)
    best_by_reads = {mode: next(r for r in results if r["combination"]["reads"] == mode) for mode in READS}
    allowed = set(reads)
    shared = next(r for r in results if r["combination"]["reads"] in allowed)
    best = shared
    # then each label's own pair, the other label's kept at the shared one (labels barely interact)
    base = crf.Combination(**{k: v for k, v in shared["combination"].items() if k != "per_label"})
    per_label: dict[str, tuple[float, float]] = {}
    for label in LABELS:
        trials = []
        for c in grid([base.reads]):
            trial = evaluate_all(replace(base, per_label={**per_label, label: (c.floor, c.override)}))
            trial["combination"]["override"], trial["combination"]["floor"] = c.override, c.floor    # for the tie-break
            trials.append((key(trial), (c.floor, c.override)))
        per_label[label] = min(trials)[1]
    refined = evaluate_all(replace(base, per_label=per_label))
    if refined["objective"] > shared["objective"]:
        best = refined
    # last, each label's repeat floor, the thresholds kept: adopted only when it gains at least
    # MIN_GAIN (less is one or two entities on these sets); ties go to the higher floor
    chosen = crf.Combination(**best["combination"])
    repeat: dict[str, float] = {}
    for label in LABELS:
        without = evaluate_all(replace(chosen, repeat=repeat))["objective"]
        gain, floor = max((evaluate_all(replace(chosen, repeat={**repeat, label: f}))["objective"] - without, f)
                          for f in REPEATS)
        if gain >= MIN_GAIN:
            repeat[label] = floor
    if repeat:
        best = evaluate_all(replace(chosen, repeat=repeat))
    info = {"chosen": best, "shared": shared, "best_by_reads": best_by_reads, "top": results[:10],
            "sets": {name: len(c) for name, c in sets.items()},
            "model": str(model_path), "grid": len(results), "calibration": calibration,
            "reliability": checks, "all": results}
    if write is not None:
        card = read_card(write)
        card["combination"] = best["combination"]
        card["calibration"] = calibration
        card["reliability"] = info["reliability"]
        card["selection"] = {"objective": best["objective"], "scores": best["scores"], "sets": info["sets"],
                             "reads_considered": list(reads),
                             "chosen_on": "VLSP validation" + (f" + {folds}-fold cross-validation over {cv_gold}"
                                                               if folds else "")}
        write_card(write, card)
    return info
