"""Words from underthesea's segmentation model, as character spans (the only importer of underthesea).

This is `word_tokenize(text, use_token_normalize=False)` taken apart: underthesea's regex cuts the
syllables (their spans are the matches'), its CRF tags them B-W/I-W (run by word_model.py, 3×
faster than underthesea_core's featurizer and tagger), and each I-W syllable joins the word
before. The text needs no realignment afterwards, because nothing is rewritten.
"""

from __future__ import annotations

import functools
from pathlib import Path

from vnextract.extractor.errors import AlignmentError
from vnextract.extractor.types import Token

_MODEL_DIRECTORY = "ws_crf_vlsp2013_20230727"         # underthesea's word segmentation model


@functools.cache
def _segmenter():
    """(syllable regex, WordTagger), loaded once from underthesea's package."""
    import underthesea.pipeline.word_tokenize as word_tokenize_package
    from underthesea.pipeline.word_tokenize.regex_tokenize import patterns

    from vnextract.extractor.segment.word_model import WordTagger

    return patterns, WordTagger(Path(word_tokenize_package.__file__).parent / "models" / _MODEL_DIRECTORY)


def word_tokens(text: str, paragraph: tuple[int, int]) -> list[Token]:
    """The words of text[start:end] (one paragraph: the model slows down on long inputs)."""
    from underthesea.pipeline.text_normalize.character_normalize import normalize_characters_in_text

    syllable_pattern, tagger = _segmenter()
    start, end = paragraph
    chunk = text[start:end]
    # underthesea reads an NFC copy with ð/Ð → đ/Đ. The shadow text is NFC already, so only
    # those letters can differ and the match offsets are offsets into `text`.
    readable = normalize_characters_in_text(chunk)
    if len(readable) != len(chunk):
        raise AlignmentError(f"word segmentation at {start}: underthesea's copy of the paragraph is not the same length "
                             "(the shadow text should be NFC)")
    matches = list(syllable_pattern.finditer(readable))
    spans: list[list[int]] = []
    for match, label in zip(matches, tagger.tag([m.group(0) for m in matches]), strict=True):
        if label == "I-W" and spans:
            spans[-1][1] = match.end()
        else:
            spans.append([match.start(), match.end()])
    return [Token(start + s, start + e, text[start + s:start + e]) for s, e in spans]
