"""doccano sequence-labelling JSONL: `{"id", "text", "label": [[start, end, label], …]}`.

doccano keeps unknown keys as document metadata, so `meta` and `records` travel as extra keys.
Entity attributes are not carried.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


def to_doccano(docs: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for doc in docs:
        item: dict[str, Any] = {"id": doc["id"], "text": doc["text"],
                                "label": [[e["start"], e["end"], e["label"]] for e in doc.get("entities") or []]}
        if doc.get("meta"):
            item["meta"] = doc["meta"]
        item["records"] = doc.get("records") or []
        out.append(item)
    return out


def from_doccano(items: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    docs = []
    for item in items:
        text = item["text"]
        entities = [{"start": s, "end": e, "label": label, "text": text[s:e]}
                    for s, e, label in item.get("label") or item.get("labels") or []]
        doc: dict[str, Any] = {"id": item["id"], "text": text}
        if item.get("meta"):
            doc["meta"] = item["meta"]
        doc["entities"] = entities
        doc["records"] = item.get("records") or []
        docs.append(doc)
    return docs
