"""Error analysis: each error classed as missed, spurious, boundary or wrong label, with context."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from vnextract.evaluation.match import spans_overlap
from vnextract.evaluation.metrics import DocumentMatch

CONTEXT = 40


def context(text: str, start: int, end: int, width: int = CONTEXT) -> str:
    """The span in ±width characters of its text, marked with ⟦ ⟧, on one line."""
    left = text[max(0, start - width):start]
    right = text[end:end + width]
    return f"{left}⟦{text[start:end]}⟧{right}".replace("\n", " ⏎ ")


def entity_errors(matches: Sequence[DocumentMatch]) -> list[dict[str, Any]]:
    """Every entity error of every document, in document order."""
    errors: list[dict[str, Any]] = []
    for m in matches:
        strict_g = {i for i, _ in m.strict}
        strict_p = {j for _, j in m.strict}
        partial = {i: j for i, j in m.partial if i not in strict_g}
        partial_p = set(partial.values())
        wrong_label_p: set[int] = set()
        for i, g in enumerate(m.gold):
            if i in strict_g:
                continue
            if i in partial:
                p = m.pred[partial[i]]
                errors.append(_error(m, "boundary", g["label"], g, p))
                continue
            same_span = [j for j, p in enumerate(m.pred) if j not in strict_p and p["label"] != g["label"]
                         and (p["start"], p["end"]) == (g["start"], g["end"])]
            if same_span:
                wrong_label_p.add(same_span[0])
                errors.append(_error(m, "wrong label", g["label"], g, m.pred[same_span[0]]))
            else:
                errors.append(_error(m, "missed", g["label"], g, None))
        for j, p in enumerate(m.pred):
            if j in strict_p or j in partial_p or j in wrong_label_p:
                continue
            errors.append(_error(m, "spurious", p["label"], None, p))
    return errors


def _error(m: DocumentMatch, kind: str, label: str, gold: dict | None, pred: dict | None) -> dict[str, Any]:
    anchor = gold or pred
    assert anchor is not None
    start = min(e["start"] for e in (gold, pred) if e)
    end = max(e["end"] for e in (gold, pred) if e)
    return {
        "doc": m.doc_id,
        "type": kind,
        "label": label,
        "gold": gold and {"start": gold["start"], "end": gold["end"], "text": gold.get("text")},
        "pred": pred and {"start": pred["start"], "end": pred["end"], "text": pred.get("text"),
                          "label": pred["label"]},
        "context": context(m.text, start, end),
    }


def label_confusion(matches: Sequence[DocumentMatch]) -> Counter:
    """(gold label, predicted label) counts for overlapping spans of different labels.

    Only entities without a strict match of their own are counted, so that a province correctly
    nested in an organisation is not reported as confusion.
    """
    confusion: Counter = Counter()
    for m in matches:
        strict_g = {i for i, _ in m.strict}
        strict_p = {j for _, j in m.strict}
        for i, g in enumerate(m.gold):
            if i in strict_g:
                continue
            for j, p in enumerate(m.pred):
                if j not in strict_p and p["label"] != g["label"] and spans_overlap(g, p):
                    confusion[(g["label"], p["label"])] += 1
    return confusion


def record_errors(matches: Sequence[DocumentMatch]) -> dict[str, dict[str, list[dict[str, Any]]]]:
    """Missed and spurious record pairs per record type."""
    out: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for m in matches:
        for kind, (gold, pred, pairs) in m.record_pairs.items():
            section = out.setdefault(kind, {"missed": [], "spurious": []})
            matched_g = {i for i, _ in pairs}
            matched_p = {j for _, j in pairs}
            section["missed"] += [{"doc": m.doc_id, "pair": list(g)} for i, g in enumerate(gold) if i not in matched_g]
            section["spurious"] += [{"doc": m.doc_id, "pair": list(p)} for j, p in enumerate(pred)
                                    if j not in matched_p]
    return out


def summarise_errors(matches: Sequence[DocumentMatch], per_label: int) -> dict[str, Any]:
    """The first N errors of each label, counts by class, the confusion table and record errors."""
    errors = entity_errors(matches)
    by_label: dict[str, list[dict[str, Any]]] = {}
    counts: dict[str, Counter] = {}
    for e in errors:
        counts.setdefault(e["label"], Counter())[e["type"]] += 1
        bucket = by_label.setdefault(e["label"], [])
        if len(bucket) < per_label:
            bucket.append(e)
    return {
        "counts": {label: dict(c) for label, c in sorted(counts.items())},
        "entities": dict(sorted(by_label.items())),
        "confusion": [{"gold": g, "pred": p, "count": n} for (g, p), n in label_confusion(matches).most_common()],
        "records": record_errors(matches),
    }
