"""Words from underthesea, realigned to character offsets (the only importer of underthesea).

underthesea rewrites text unless told not to, so it is called with use_token_normalize=False on
the already-normalised shadow text, one paragraph at a time (it slows down on long inputs), and
its bare strings are put back on the text by align_tokens, which fails loudly on a mismatch.
"""

from __future__ import annotations

import logging

from extractor.errors import AlignmentError
from extractor.offsets import align_tokens
from extractor.types import Token

log = logging.getLogger(__name__)


def word_tokens(text: str, paragraph: tuple[int, int]) -> list[Token]:
    from underthesea import word_tokenize

    start, end = paragraph
    chunk = text[start:end]
    words = word_tokenize(chunk, use_token_normalize=False)
    try:
        spans = align_tokens(chunk, words, offset=start)
    except AlignmentError as exc:
        log.warning("word segmentation skipped for a paragraph at %d: %s", start, exc)
        return []
    return [Token(s, e, text[s:e]) for s, e in spans]
