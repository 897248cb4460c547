"""A CRF sequence labeller for PERSON and ORGANIZATION over syllables (underthesea_core's CRF),
at run time: loading the model and tagging the windows the rules left unexplained (training is in
models/training.py, outside the library)."""

from __future__ import annotations

import logging
import re
from bisect import bisect_right
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

from vnextract.extractor.errors import ModelError
from vnextract.extractor.lexicon import country_names, title_spans
from vnextract.extractor.models.features import Syllable, featurise, syllables
from vnextract.extractor.resources import MODELS_DIR
from vnextract.extractor.types import MODEL_SCORE, Mention, SegmentedText

log = logging.getLogger(__name__)

LABELS = ("PERSON", "ORGANIZATION")
DEFAULT_MODEL = MODELS_DIR / "ner" / "crf-person-organization.bin"


@cache
def load_tagger(path: str = str(DEFAULT_MODEL)):
    from underthesea_core import CRFModel, CRFTagger

    model_path = Path(path)
    if not model_path.is_file():
        raise ModelError(f"the CRF model is missing: {model_path} (train it with `vnextract train ner`)")
    try:
        return CRFTagger.from_model(CRFModel.load(str(model_path)))
    except Exception as exc:                                    # the Rust loader raises plain exceptions
        raise ModelError(f"the CRF model at {model_path} cannot be loaded: {exc}") from exc


def decode(sylls: list[Syllable], tags: list[str], text: str) -> list[tuple[str, int, int]]:
    spans: list[tuple[str, int, int]] = []
    current: list[Any] | None = None
    for s, tag in zip(sylls, tags, strict=True):
        if tag.startswith("B-") or (tag.startswith("I-") and (current is None or current[0] != tag[2:])):
            current = [tag[2:], s.start, s.end]
            spans.append(current)  # type: ignore[arg-type]
        elif tag.startswith("I-") and current is not None:
            current[2] = s.end
        else:
            current = None
    return [(label, start, end) for label, start, end in spans]


def recognise(doc: SegmentedText, *, path: str = str(DEFAULT_MODEL),
              ranges: Iterable[tuple[int, int]] | None = None) -> list[Mention]:
    """The model's PERSON and ORGANIZATION mentions in each paragraph (or in the given ranges),
    reusing the pipeline's word segmentation."""
    tagger = load_tagger(path)
    text = doc.text
    mentions = []
    for start, end in ranges if ranges is not None else doc.paragraphs:
        sylls = syllables(text, start, end)
        if not sylls:
            continue
        spans = [(t.start, t.end) for t in doc.words_in(start, end)]
        for label, s, e in decode(sylls, tagger.tag(featurise(text, sylls, spans)), text):
            mentions.append(Mention(label, s, e, text[s:e], score=MODEL_SCORE, explanation="CRF model"))
    return mentions


def fill_gaps(doc: SegmentedText, mentions: list[Mention], *, path: str = str(DEFAULT_MODEL)) -> list[Mention]:
    """Ask the model only about sentences where the rules left a capitalised word unexplained: not
    the sentence's first word, not inside a mention, a title ("Phó Chủ tịch") or a country name.
    Elsewhere it could only repeat the rules. It reads a window of about _REACH characters around
    each such word (whole sentences cost twice as much); a span cut by a window's edge is dropped."""
    text = doc.text
    covered = sorted([(m.start, m.end) for m in mentions] + title_spans(text)
                     + [m.span() for m in country_names().finditer(text)])
    starts = [c[0] for c in covered]

    def explained(position: int) -> bool:
        k = bisect_right(starts, position) - 1
        while k >= 0 and covered[k][0] <= position:
            if position < covered[k][1]:
                return True
            k -= 1
            if position - covered[k + 1][0] > 400:
                break
        return False

    windows: list[tuple[int, int]] = []
    for start, end in doc.sentences:
        first = _FIRST_WORD.match(text, start, end)
        opening = first.end() if first else start
        for m in _WORD_START.finditer(text, start, end):
            if text[m.start()].isupper() and m.start() >= opening and not explained(m.start()):
                window = _window(text, m.start(), start, end)
                if windows and window[0] <= windows[-1][1]:
                    windows[-1] = (windows[-1][0], max(windows[-1][1], window[1]))
                else:
                    windows.append(window)
    if not windows:
        return []
    sentence_edges = {edge for span in doc.sentences for edge in span}
    edges = {edge for span in windows for edge in span} - sentence_edges
    return [m for m in recognise(doc, path=path, ranges=windows) if m.start not in edges and m.end not in edges]


def _window(text: str, position: int, start: int, end: int) -> tuple[int, int]:
    """About _REACH characters each side of position, widened to whole words, within the sentence."""
    reach = max(start, position - _REACH)
    left = text.rfind(" ", max(start, reach - 4 * _REACH), reach) + 1 or text.rfind(" ", start, reach) + 1 or start
    right = text.find(" ", min(end, position + _REACH), end)
    return left, right if right != -1 else end


_WORD_START = re.compile(r"(?<!\w)[^\W\d_]")
_REACH = 80                                           # characters of context on each side of a gap
_FIRST_WORD = re.compile(r"[\W\d_]*\w+")            # a sentence's first word, after any quotes or dashes
