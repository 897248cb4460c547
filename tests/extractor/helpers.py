"""Helpers for extractor tests."""

from __future__ import annotations


def spans(extractor, text: str, label: str, meta: dict | None = None) -> list[str]:
    """What the offsets of the `label` entities the full pipeline finds in `text` point at (the
    tables compare these with the spans they expect, so a wrong offset fails there)."""
    return [text[e.start:e.end] for e in extractor.extract(text, meta).entities if e.label == label]


def attrs(extractor, text: str, label: str, meta: dict | None = None) -> list[dict]:
    return [e.attrs for e in extractor.extract(text, meta).entities if e.label == label]
