"""`vnextract train records`: the learned scorers of official and award links (extractor/assemble/),
trained with scikit-learn on the gold records of the training documents and compared with the rules
alone by k-fold cross-validation over documents (never on ../shared/corpus/dev).

Each document is run through the pipeline up to resolution; every candidate link the assemblers
generate is labelled by whether it makes a gold pair (ANNOTATION.md's pair matching); a logistic
regression over the links' features is fitted; its threshold is chosen by an inner k-fold on the
training folds only. The shipped model is the fit on all documents, written as JSON.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from vnextract.evaluation.match import (
    award_pair_matches,
    normalize_award_text,
    normalize_record_text,
    official_pair_matches,
)
from vnextract.evaluation.metrics import duplicate_conferrals, evaluate
from vnextract.extractor import Extractor
from vnextract.extractor.assemble import RULES, assemble_records
from vnextract.extractor.assemble.awards import award_readings
from vnextract.extractor.assemble.index import DocumentIndex
from vnextract.extractor.assemble.names import NameIndex
from vnextract.extractor.assemble.officials import candidate_links, clean_title
from vnextract.extractor.assemble.scorer import RECORDS_MODEL_DIR, Scorer
from vnextract.extractor.read.documents import iter_documents
from vnextract.extractor.types import Mention, RawDocument, SegmentedText

log = logging.getLogger(__name__)

KINDS = ("official", "award")
THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)     # 1.01: nothing but what `keep_rules` keeps
MODES = (False, True)                                           # keep_rules: the scorer decides alone, or adds to the rules
C_VALUES = (0.3, 1.0, 3.0)


@dataclass
class Example:
    doc_id: str
    gold: dict[str, Any]
    segmented: SegmentedText
    mentions: list[Mention]

    @property
    def index(self) -> DocumentIndex:
        return DocumentIndex(self.segmented, self.mentions)


def prepare(paths: Iterable[Path], extractor: Extractor | None = None) -> list[Example]:
    """Every gold document run through the pipeline up to resolution, as the assemblers see it."""
    extractor = extractor or Extractor()
    examples = []
    for path in paths:
        for doc in iter_documents(path):
            raw = RawDocument(doc["text"], dict(doc.get("meta") or {}), str(doc["id"]))
            segmented, mentions = extractor.resolved(raw)
            examples.append(Example(str(doc["id"]), doc, segmented, mentions))
    return examples


def _gold_pairs(gold: dict[str, Any], kind: str) -> list[tuple[str, str]]:
    pairs = []
    for r in gold.get("records") or []:
        if r.get("type") == kind == "official":
            pairs += [(normalize_record_text(r["person"]), normalize_record_text(t)) for t in r.get("titles") or []]
        elif r.get("type") == kind == "award":
            pairs += [(normalize_award_text(r["award"]), normalize_record_text(x)) for x in r.get("recipients") or []]
    return pairs


def labelled_links(example: Example, kind: str) -> tuple[list[dict[str, float]], list[int]]:
    """The features of every candidate link of one document, and 1 where it makes a gold pair."""
    index = example.index
    gold = _gold_pairs(example.gold, kind)
    features, labels = [], []
    if kind == "official":
        names = NameIndex(index.mentions("PERSON"))
        for link in candidate_links(index):
            person = names.fullest(names.canonical(link.person.text)).text
            pair = (normalize_record_text(person), normalize_record_text(clean_title(link.title.text)))
            features.append(link.features)
            labels.append(int(any(official_pair_matches(g, pair) for g in gold)))
    else:
        text = index.text
        for reading, candidates in award_readings(index):
            for c in candidates:
                pair = (normalize_award_text(reading.award.text), normalize_record_text(text[c.start:c.end]))
                features.append(c.features)
                labels.append(int(any(award_pair_matches(g, pair) for g in gold)))
    return features, labels


def fit(examples: list[Example], kind: str, c: float, threshold: float = 0.5, keep_rules: bool = False) -> Scorer:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    features, labels = [], []
    for example in examples:
        f, y = labelled_links(example, kind)
        features += f
        labels += y
    vectoriser = DictVectorizer()
    x = vectoriser.fit_transform(features)
    model = LogisticRegression(C=c, max_iter=2000, class_weight=None)
    model.fit(x, labels)
    weights = {name: float(w) for name, w in zip(vectoriser.feature_names_, model.coef_[0], strict=True) if abs(w) > 1e-6}
    return Scorer(weights, float(model.intercept_[0]), threshold, keep_rules)


def predict(examples: list[Example], scorers: dict[str, Scorer | str]) -> dict[str, dict[str, Any]]:
    out = {}
    for example in examples:
        records = assemble_records(example.segmented, example.mentions, kinds=KINDS, scorers=scorers)
        out[example.doc_id] = {"records": [{"type": r.type, **r.fields} for r in records]}
    return out


def score(examples: list[Example], predictions: dict[str, dict[str, Any]]) -> dict[str, Any]:
    gold = {e.doc_id: e.gold for e in examples}
    report, _ = evaluate(gold, predictions)
    duplicates = sum(duplicate_conferrals(p["records"]) for p in predictions.values())
    return {"official": report["records"]["official"], "award": report["records"]["award"],
            "duplicate_conferrals": duplicates, "docs": len(examples)}


def _folds(examples: list[Example], k: int) -> list[tuple[list[Example], list[Example]]]:
    """k folds over documents, documents dealt in turn by a stable order of their ids."""
    ordered = sorted(examples, key=lambda e: e.doc_id)
    return [([e for n, e in enumerate(ordered) if n % k != i], [e for n, e in enumerate(ordered) if n % k == i])
            for i in range(k)]


def _with(scorer: Scorer, threshold: float, keep_rules: bool) -> Scorer:
    return Scorer(scorer.weights, scorer.bias, threshold, keep_rules)


def choose(examples: list[Example], kind: str, k: int) -> tuple[float, float, bool]:
    """(C, threshold, keep_rules) with the best pair F1 of `kind` by k-fold over `examples` alone."""
    folds = _folds(examples, k)
    best = (-1.0, C_VALUES[0], THRESHOLDS[0], False)
    for c in C_VALUES:
        fitted = [(fit(train, kind, c), held) for train, held in folds]
        for keep_rules in MODES:
            for threshold in THRESHOLDS:
                if threshold > 1 and not keep_rules:
                    continue
                predictions: dict[str, dict[str, Any]] = {}
                for scorer, held in fitted:
                    predictions.update(predict(held, {kind: _with(scorer, threshold, keep_rules)}))
                f1 = score(examples, predictions)[kind]["f1"]
                if f1 > best[0] + 1e-9:
                    best = (f1, c, threshold, keep_rules)
    return best[1], best[2], best[3]


def _pair_counts(examples: list[Example], predictions: dict[str, dict[str, Any]], kind: str) -> list[tuple[int, int, int]]:
    """(true positive, predicted, gold) pairs of `kind` in each document."""
    counts = []
    for e in examples:
        report, _ = evaluate({e.doc_id: e.gold}, {e.doc_id: predictions[e.doc_id]})
        pairs = report["records"][kind]
        counts.append((pairs["tp"], pairs["pred"], pairs["gold"]))
    return counts


def _f1(counts: Iterable[tuple[int, int, int]]) -> float:
    tp, pred, gold = (sum(c) for c in zip(*counts, strict=True))
    return 2 * tp / (pred + gold) if pred + gold else 0.0


def gain_interval(rules: list[tuple[int, int, int]], learned: list[tuple[int, int, int]], *, rounds: int = 2000,
                  seed: int = 13) -> tuple[float, float]:
    """The 95% interval of learned − rules pair F1, by a paired bootstrap over documents."""
    import random

    rng = random.Random(seed)
    n = len(rules)
    gains = []
    for _ in range(rounds):
        sample = [rng.randrange(n) for _ in range(n)]
        gains.append(_f1(learned[i] for i in sample) - _f1(rules[i] for i in sample))
    gains.sort()
    return round(gains[int(0.025 * rounds)], 4), round(gains[int(0.975 * rounds) - 1], 4)


def cross_validate(examples: list[Example], k: int = 5, inner: int = 4) -> dict[str, Any]:
    """Rules alone against the learned scorers, each fold's scorer fitted and tuned on the other folds;
    with the interval of the learned scorers' gain over documents."""
    rules_predictions = predict(examples, dict.fromkeys(KINDS, RULES))
    rules = score(examples, rules_predictions)
    learned_predictions: dict[str, dict[str, Any]] = {}
    chosen = []
    for train, held in _folds(examples, k):
        scorers: dict[str, Scorer | str] = {}
        for kind in KINDS:
            c, threshold, keep_rules = choose(train, kind, inner)
            scorers[kind] = fit(train, kind, c, threshold, keep_rules)
            chosen.append({"kind": kind, "C": c, "threshold": threshold, "keep_rules": keep_rules})
        learned_predictions.update(predict(held, scorers))
    gains = {kind: gain_interval(_pair_counts(examples, rules_predictions, kind),
                                 _pair_counts(examples, learned_predictions, kind)) for kind in KINDS}
    return {"folds": k, "rules": rules, "learned": score(examples, learned_predictions), "chosen": chosen,
            "gain_interval_95": gains}


def run_train_records(data: list[Path], out: Path = RECORDS_MODEL_DIR, *, folds: int = 5, train_model: bool = True,
                      ) -> dict[str, Any]:
    """Cross-validate rules against learned scorers; for each kind where the learned scorer wins beyond
    the noise of the documents (the 95% bootstrap interval of its gain lies above zero), fit it on every
    document and write it to `out`; otherwise remove the kind's file: the simpler design, the rules, decides."""
    started = time.perf_counter()
    examples = prepare(data)
    log.info("%d documents prepared in %.1f s", len(examples), time.perf_counter() - started)
    info: dict[str, Any] = {"data": [str(p) for p in data], "documents": len(examples)}
    cv = cross_validate(examples, k=folds)
    info["cross_validation"] = cv
    if train_model:
        out.mkdir(parents=True, exist_ok=True)
        for kind in KINDS:
            path = out / f"{kind}-links.json"
            low, high = cv["gain_interval_95"][kind]
            if low <= 0:
                path.unlink(missing_ok=True)
                info[kind] = {"shipped": "rules", "why": f"cross-validated, the learned scorer's gain over the rules "
                                                         f"is within noise (95% interval {low:+.3f} … {high:+.3f})"}
                continue
            c, threshold, keep_rules = choose(examples, kind, folds)
            scorer = fit(examples, kind, c, threshold, keep_rules)
            path.write_text(json.dumps({"kind": kind, "C": c, **scorer.to_json()}, ensure_ascii=False, indent=0) + "\n",
                            encoding="utf-8")
            info[kind] = {"shipped": "learned", "C": c, "threshold": threshold, "keep_rules": keep_rules,
                          "features": len(scorer.weights)}
    info["seconds"] = round(time.perf_counter() - started, 1)
    if train_model:
        (out / "training.json").write_text(json.dumps(info, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return info
