"""Helpers for extractor tests."""

from __future__ import annotations


def spans(extractor, text: str, label: str, meta: dict | None = None) -> list[str]:
    """The texts of the `label` entities the full pipeline finds in `text`."""
    document = extractor.extract(text, meta)
    for e in document.entities:
        assert text[e.start:e.end] == e.text
    return [e.text for e in document.entities if e.label == label]


def attrs(extractor, text: str, label: str, meta: dict | None = None) -> list[dict]:
    return [e.attrs for e in extractor.extract(text, meta).entities if e.label == label]
