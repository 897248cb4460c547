"""Peer systems scored on the same gold: underthesea.ner, realigned to character offsets."""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Iterable
from typing import Any

log = logging.getLogger(__name__)

_TYPE_WORD = re.compile(r"^(?:tỉnh|thành phố|tp\.?)\s*", re.IGNORECASE)


def _base(char: str) -> str:
    return unicodedata.normalize("NFD", char)[0].casefold() if char else char


def align_loosely(text: str, tokens: Iterable[str]) -> list[tuple[int, int] | None]:
    """Spans of tokens that a peer may have re-spelled (NFC, tone placement): letters are compared
    without their marks, white space is skipped, and a token that cannot be placed gets None."""
    spans: list[tuple[int, int] | None] = []
    pos, n = 0, len(text)
    for token in tokens:
        chars = [c for c in token if not c.isspace() and c != "_"]
        if not chars:
            spans.append(None)
            continue
        placed = None
        for start in range(pos, min(n, pos + 200)):
            if text[start].isspace() or _base(text[start]) != _base(chars[0]):
                continue
            i, k = start, 0
            while k < len(chars) and i < n:
                if text[i].isspace():
                    i += 1
                    continue
                if _base(text[i]) != _base(chars[k]):
                    break
                i, k = i + 1, k + 1
            if k == len(chars):
                placed = (start, i)
                break
        spans.append(placed)
        if placed:
            pos = placed[1]
    return spans


def _bio_spans(tags: list[tuple], paragraph: str, offset: int) -> list[dict[str, Any]]:
    """Entity spans from underthesea's (word, pos, chunk, BIO tag) tuples."""
    spans = align_loosely(paragraph, [t[0] for t in tags])
    found: list[dict[str, Any]] = []
    current: dict[str, Any] | None = None
    for tag_tuple, span in zip(tags, spans, strict=True):
        tag = tag_tuple[-1]
        if tag == "O" or span is None:
            current = None
            continue
        kind = tag[2:]
        if tag.startswith("B-") or current is None or current["label"] != kind:
            current = {"label": kind, "start": offset + span[0], "end": offset + span[1]}
            found.append(current)
        else:
            current["end"] = offset + span[1]
    return found


def underthesea_entities(text: str) -> list[dict[str, Any]]:
    """underthesea.ner paragraph by paragraph, mapped to our labels (see report.PEER_NOTE)."""
    from underthesea import ner

    from vnextract.extractor.resources import province_gazetteer

    gazetteer = province_gazetteer()
    entities: list[dict[str, Any]] = []
    offset = 0
    for paragraph in text.split("\n"):
        if paragraph.strip():
            entities += _bio_spans(ner(paragraph), paragraph, offset)
        offset += len(paragraph) + 1

    mapped = []
    for e in entities:
        surface = text[e["start"]:e["end"]]
        if e["label"] == "PER":
            mapped.append({**e, "label": "PERSON", "text": surface})
        elif e["label"] == "ORG":
            mapped.append({**e, "label": "ORGANIZATION", "text": surface})
        elif e["label"] == "LOC":
            prefix = None if gazetteer.canonical(surface) else _TYPE_WORD.match(surface)
            start = e["start"] + (prefix.end() if prefix else 0)
            name = text[start:e["end"]]
            if name and gazetteer.canonical(name):
                mapped.append({"label": "PROVINCE", "start": start, "end": e["end"], "text": name})
    return mapped


def peer_predictions(name: str, gold_docs: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    if name != "underthesea":
        raise ValueError(f"unknown peer {name!r}; available: underthesea")
    import sys

    from tqdm import tqdm

    items = tqdm(gold_docs.items(), desc=name, unit="doc", file=sys.stderr, disable=None)   # on a terminal only
    return {doc_id: {"id": doc_id, "text": doc["text"], "entities": underthesea_entities(doc["text"]), "records": []}
            for doc_id, doc in items}
