"""Paragraphs (newlines are respected) and sentences; words for each paragraph on demand."""

from __future__ import annotations

import re
from collections.abc import Callable

from vnextract.extractor.lexicon import UPPER
from vnextract.extractor.segment.words import word_tokens
from vnextract.extractor.types import NO_DEADLINE, Deadline, SegmentedText, ShadowText, Token

_SENTENCE_END = re.compile(rf"(?<=[.!?…])[\"')\]]*\s+(?=[\"'(\[]?[{UPPER}0-9])")


def paragraphs(text: str) -> list[tuple[int, int]]:
    spans, position = [], 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = position + line.index(stripped[0])
            spans.append((start, start + len(stripped)))
        position += len(line) + 1
    return spans


def sentences(text: str, paragraph: tuple[int, int]) -> list[tuple[int, int]]:
    start, end = paragraph
    spans, position = [], start
    for m in _SENTENCE_END.finditer(text, start, end):
        spans.append((position, m.start()))
        position = m.end()
    spans.append((position, end))
    return [(s, e) for s, e in spans if e > s]


def segment(shadow: ShadowText, *, segmenter: Callable[[str, tuple[int, int]], list[Token]] | None = word_tokens,
            deadline: Deadline = NO_DEADLINE) -> SegmentedText:
    """Paragraphs and sentences now; words per paragraph when first asked for (SegmentedText);
    segmenter=None for no words."""
    text = shadow.text
    paras = paragraphs(text)
    sents = [s for p in paras for s in sentences(text, p)]
    return SegmentedText(shadow=shadow, paragraphs=tuple(paras), sentences=tuple(sents), segmenter=segmenter,
                         deadline=deadline)
