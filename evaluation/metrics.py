"""Scores of ANNOTATION.md: strict and partial P/R/F1, mission score, attribute accuracy, record pairs."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from vnextract.evaluation.match import (
    award_pair_matches,
    award_pairs,
    match_pairs,
    match_partial,
    match_strict,
    normalize_award_text,
    normalize_record_text,
    official_pair_matches,
    official_pairs,
)
from vnextract.extractor.recognise import REGISTRY

MISSION_LABELS = ("PROVINCE", "PERSON", "PERCENT", "AWARD")
RECORD_TYPES = ("official", "award")
ROUND = 4


@dataclass
class Counts:
    tp: int = 0
    pred: int = 0
    gold: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.pred += other.pred
        self.gold += other.gold

    @property
    def precision(self) -> float:
        return self.tp / self.pred if self.pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {"p": round(self.precision, ROUND), "r": round(self.recall, ROUND), "f1": round(self.f1, ROUND),
                "tp": self.tp, "pred": self.pred, "gold": self.gold}


@dataclass
class DocumentMatch:
    """What was matched in one document: kept for error analysis."""

    doc_id: str
    text: str
    gold: list[dict[str, Any]]
    pred: list[dict[str, Any]]
    strict: list[tuple[int, int]]
    partial: list[tuple[int, int]]
    record_pairs: dict[str, tuple[list, list, list[tuple[int, int]]]] = field(default_factory=dict)


def _attrs_equal(gold: Mapping[str, Any], pred: Mapping[str, Any] | None) -> bool:
    pred = pred or {}
    for key, expected in gold.items():
        if key not in pred:
            return False
        got = pred[key]
        numeric = (int, float)
        if isinstance(expected, numeric) and not isinstance(expected, bool):
            if not isinstance(got, numeric) or isinstance(got, bool) or abs(float(expected) - float(got)) > 0.01 + 1e-9:
                return False
        elif expected != got:
            return False
    return True


def duplicate_conferrals(records: Iterable[Mapping[str, Any]]) -> int:
    """(Award, recipient) conferrals of one document that an earlier record already gives: the same
    award (classes as words, case-folded), recipient, issuer and status. Two Bằng khen from two
    issuers are two conferrals; one conferral mentioned in the headline and the body is one."""
    seen: set[tuple[str, str, str, str]] = set()
    repeated = 0
    for record in records:
        if record.get("type") != "award":
            continue
        award = normalize_award_text(record.get("award"))
        issuer = normalize_record_text(record.get("issuer"))
        status = str(record.get("status"))
        keys = {(award, normalize_record_text(r), issuer, status) for r in record.get("recipients") or []}
        repeated += len(keys & seen)
        seen |= keys
    return repeated


def _entities(doc: Mapping[str, Any] | None, labels: set[str] | None) -> list[dict[str, Any]]:
    if not doc:
        return []
    return [e for e in doc.get("entities") or [] if labels is None or e.get("label") in labels]


def evaluate(
    gold_docs: Mapping[str, Mapping[str, Any]],
    pred_docs: Mapping[str, Mapping[str, Any]],
    *,
    labels: Iterable[str] | None = None,
) -> tuple[dict[str, Any], list[DocumentMatch]]:
    """Score predictions against gold, document by document (matched by id).

    Returns the JSON report and the per-document matches for error analysis. A gold document with
    no prediction counts as predicting nothing; predictions for unknown ids are ignored.
    """
    label_filter = set(labels) if labels else None
    strict: dict[str, Counts] = {}
    partial: dict[str, Counts] = {}
    attr_hits: dict[str, list[int]] = {}
    records = {kind: Counts() for kind in RECORD_TYPES}
    duplicates = {"gold": 0, "pred": 0, "pred_docs": 0}
    matches: list[DocumentMatch] = []
    missing = 0

    for doc_id, gold_doc in gold_docs.items():
        pred_doc = pred_docs.get(doc_id)
        if pred_doc is None:
            missing += 1
        gold = _entities(gold_doc, label_filter)
        pred = _entities(pred_doc, label_filter)
        strict_pairs = match_strict(gold, pred)
        partial_pairs = match_partial(gold, pred)
        for table, pairs in ((strict, strict_pairs), (partial, partial_pairs)):
            for e in gold:
                table.setdefault(e["label"], Counts()).gold += 1
            for e in pred:
                table.setdefault(e["label"], Counts()).pred += 1
            for i, _ in pairs:
                table[gold[i]["label"]].tp += 1
        for i, j in strict_pairs:
            gold_attrs = gold[i].get("attrs")
            if gold_attrs:
                hits = attr_hits.setdefault(gold[i]["label"], [0, 0])
                hits[0] += _attrs_equal(gold_attrs, pred[j].get("attrs"))
                hits[1] += 1

        doc_match = DocumentMatch(doc_id, gold_doc.get("text", ""), gold, pred, strict_pairs, partial_pairs)
        gold_records = gold_doc.get("records") or []
        pred_records = (pred_doc or {}).get("records") or []
        repeated = duplicate_conferrals(pred_records)
        duplicates["gold"] += duplicate_conferrals(gold_records)
        duplicates["pred"] += repeated
        duplicates["pred_docs"] += repeated > 0
        for kind, extract, matches_fn in (
            ("official", official_pairs, official_pair_matches),
            ("award", award_pairs, award_pair_matches),
        ):
            g_pairs, p_pairs = extract(gold_records), extract(pred_records)
            pairs = match_pairs(g_pairs, p_pairs, matches_fn)
            records[kind].add(Counts(len(pairs), len(p_pairs), len(g_pairs)))
            doc_match.record_pairs[kind] = (g_pairs, p_pairs, pairs)
        matches.append(doc_match)

    known = REGISTRY.label_names()
    shown = sorted(set(strict) | (set(known) if label_filter is None else label_filter),
                   key=lambda lab: (known.index(lab) if lab in known else len(known), lab))
    report: dict[str, Any] = {"docs": len(gold_docs), "missing_predictions": missing}
    for name, table in (("strict", strict), ("partial", partial)):
        micro = Counts()
        section = {}
        for label in shown:
            counts = table.get(label, Counts())
            section[label] = counts.as_dict()
            micro.add(counts)
        section["micro"] = micro.as_dict()
        report[name] = section
    report["attrs"] = {label: round(h[0] / h[1], ROUND) for label, h in sorted(attr_hits.items()) if h[1]}
    mission = [strict.get(label, Counts()).f1 for label in MISSION_LABELS]
    report["mission_score"] = round(sum(mission) / len(mission), ROUND)
    report["records"] = {kind: counts.as_dict() for kind, counts in records.items()}
    report["duplicate_conferrals"] = duplicates
    return report, matches
