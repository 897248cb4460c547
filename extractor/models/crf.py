"""The PERSON/ORGANIZATION model at run time: a CRF sequence labeller over syllables (underthesea_core's
CRF) or a small neural tagger run from numpy weights (cnn.py), loaded with its combination
settings; tagging paragraphs or windows with a probability for every span (training is in
models/training.py and models/neural.py, outside the library)."""

from __future__ import annotations

import json
import logging
import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

from vnextract.extractor.errors import ModelError
from vnextract.extractor.lexicon import country_names, title_spans
from vnextract.extractor.models.features import Syllable, featurise, syllables
from vnextract.extractor.resources import MODELS_DIR
from vnextract.extractor.types import Mention, SegmentedText

log = logging.getLogger(__name__)

LABELS = ("PERSON", "ORGANIZATION")
DEFAULT_MODEL = MODELS_DIR / "ner" / "crf-person-organization.bin"


class Span(NamedTuple):
    """A span the model tags, with its probability: the least of the marginals of its tags, and of
    the next syllable not continuing it (so a span the model is unsure where to end scores low)."""

    label: str
    start: int
    end: int
    p: float
    repeated: bool = False        # another occurrence of a name the model tagged surely elsewhere in the text


READS = ("gaps", "rule-gaps", "paragraphs")


@dataclass(frozen=True)
class Combination:
    """How the model's spans meet the rules' (chosen on held-out data, written in the model's card):
    a span below `floor` is not output; one at `override` or above outranks an open-ended rule
    pattern; a strong rule (a lexicon hit) always wins. `per_label` may set other (floor, override)
    pairs for one label. A span at a label's `repeat` or above also names its other occurrences in
    the text that nothing else covers (the model reads only gaps, and one name's contexts differ)."""

    floor: float = 0.5
    override: float = 0.9
    reads: str = "gaps"     # what the model reads: "gaps", windows around capitals no strong rule hit explains;
                            # "rule-gaps", those no rule mention at all explains; "paragraphs", everything
    per_label: dict[str, tuple[float, float]] = field(default_factory=dict)
    repeat: dict[str, float] = field(default_factory=dict)   # label → the p at or above which a name's other
                                                             # occurrences in the text are tagged too

    def __post_init__(self) -> None:
        if self.reads not in READS:
            raise ValueError(f"the model reads one of {', '.join(READS)}, not {self.reads!r}")

    def thresholds(self, label: str) -> tuple[float, float]:
        """(floor, override) for `label`."""
        chosen = self.per_label.get(label)
        return (chosen[0], chosen[1]) if chosen else (self.floor, self.override)


Tagger = Callable[[str, list[Syllable], list[tuple[int, int]]], list[Span]]     # (text, syllables, words) → spans


@dataclass(frozen=True)
class LoadedModel:
    spans: Tagger
    combination: Combination
    kind: str                    # "crf" (underthesea_core) or "cnn" (numpy weights: extractor/models/cnn.py)


@cache
def load_model(path: str = str(DEFAULT_MODEL)) -> LoadedModel:
    """The model at `path` (a CRF `.bin`, or a convolutional tagger's `.npz`) and the settings in the
    card beside it (`<model>.json`)."""
    model_path = Path(path)
    if not model_path.is_file():
        raise ModelError(f"the NER model is missing: {model_path} (train it with `vnextract train ner`)")
    card = model_path.with_suffix(".json")
    info: dict[str, Any] = json.loads(card.read_text(encoding="utf-8")) if card.is_file() else {}
    try:
        combination = Combination(**info.get("combination", {}))
    except (TypeError, ValueError) as exc:
        raise ModelError(f"the model card {card} has a bad combination: {exc}") from exc
    kind = "cnn" if model_path.suffix == ".npz" else "crf"
    tagger = _cnn_tagger(model_path) if kind == "cnn" else _crf_tagger(model_path, info)
    calibration = Calibration.from_card(info.get("calibration"))
    if calibration is None:
        return LoadedModel(tagger, combination, kind)

    def calibrated(text: str, sylls: list[Syllable], word_spans: list[tuple[int, int]]) -> list[Span]:
        return [s._replace(p=calibration(s.p)) for s in tagger(text, sylls, word_spans)]

    return LoadedModel(calibrated, combination, kind)


@dataclass(frozen=True)
class Calibration:
    """A monotone map from the model's span probability to the share of such spans that are right,
    fitted on held-out documents (isotonic regression, at training time) and kept in the card as
    points joined by straight lines."""

    raw: tuple[float, ...]
    calibrated: tuple[float, ...]

    @classmethod
    def from_card(cls, entry: dict[str, list[float]] | None) -> Calibration | None:
        return cls(tuple(entry["raw"]), tuple(entry["calibrated"])) if entry else None

    def __call__(self, p: float) -> float:
        raw, out = self.raw, self.calibrated
        if p <= raw[0]:
            return out[0]
        if p >= raw[-1]:
            return out[-1]
        k = bisect_right(raw, p)
        share = (p - raw[k - 1]) / (raw[k] - raw[k - 1])
        return out[k - 1] + share * (out[k] - out[k - 1])


def _crf_tagger(model_path: Path, info: dict[str, Any]) -> Tagger:
    from underthesea_core import CRFModel, CRFTagger

    try:
        tagger = CRFTagger.from_model(CRFModel.load(str(model_path)))
    except Exception as exc:                                    # the Rust loader raises plain exceptions
        raise ModelError(f"the CRF model at {model_path} cannot be loaded: {exc}") from exc
    labels = tuple(tagger.labels())
    clusters = _clusters(model_path, info)
    gazetteers = bool(info.get("features", {}).get("gazetteers", False))
    document = bool(info.get("features", {}).get("document", False))

    def spans(text: str, sylls: list[Syllable], word_spans: list[tuple[int, int]]) -> list[Span]:
        features = featurise(text, sylls, word_spans, clusters=clusters, gazetteers=gazetteers, document=document)
        # posterior decoding, each syllable's most probable tag: one pass over the features instead of two
        # (Viterbi, then forward-backward), and no worse on the VLSP validation documents (models/ner/README.md)
        marginals = tagger.marginals(features)
        return decode(sylls, [labels[max(range(len(row)), key=row.__getitem__)] for row in marginals], marginals, labels)

    return spans


def _clusters(model_path: Path, info: dict[str, Any]) -> dict[str, str]:
    """The syllable → cluster-path table the model's features were trained with (none: {})."""
    name = info.get("features", {}).get("clusters")
    if not name:
        return {}
    table = model_path.parent / name
    if not table.is_file():
        raise ModelError(f"the CRF model at {model_path} needs its cluster table {table}")
    rows = (line.split("\t") for line in table.read_text(encoding="utf-8").splitlines() if line)
    return {word: path for word, path in rows}


def _cnn_tagger(model_path: Path) -> Tagger:
    from vnextract.extractor.models.cnn import CNNTagger, encode

    try:
        tagger = CNNTagger(model_path)
    except Exception as exc:                                    # numpy and zipfile raise many kinds
        raise ModelError(f"the neural model at {model_path} cannot be loaded: {exc}") from exc

    def spans(text: str, sylls: list[Syllable], word_spans: list[tuple[int, int]]) -> list[Span]:
        tags, marginals = tagger.tag(encode(tagger.vocab, text, sylls, word_spans))
        return decode(sylls, tags, marginals.tolist(), tagger.vocab.labels)

    return spans


def decode(sylls: Sequence[Syllable], tags: Sequence[str], marginals: Sequence[Sequence[float]] | None = None,
           labels: Sequence[str] = ()) -> list[Span]:
    """The spans a B-/I- tag sequence marks, each with its probability (1.0 without marginals)."""
    index = {label: k for k, label in enumerate(labels)}
    spans: list[Span] = []
    k, n = 0, len(tags)
    while k < n:
        tag = tags[k]
        if tag == "O":
            k += 1
            continue
        label = tag[2:]
        first = k
        k += 1
        while k < n and tags[k] == "I-" + label:
            k += 1
        p = 1.0
        if marginals is not None:
            inside = index["I-" + label]
            p = min(marginals[j][index[tags[j]]] for j in range(first, k))
            if k < n:
                p = min(p, 1.0 - marginals[k][inside])
        spans.append(Span(label, sylls[first].start, sylls[k - 1].end, p))
    return spans


def tag(model: LoadedModel, text: str, sylls: list[Syllable], word_spans: list[tuple[int, int]]) -> list[Span]:
    return model.spans(text, sylls, word_spans)


def recognise(doc: SegmentedText, *, path: str = str(DEFAULT_MODEL),
              ranges: Iterable[tuple[int, int]] | None = None) -> list[Span]:
    """The model's PERSON and ORGANIZATION spans in each paragraph (or in the given ranges),
    reusing the pipeline's word segmentation."""
    model = load_model(path)
    text = doc.text
    found: list[Span] = []
    for start, end in ranges if ranges is not None else doc.paragraphs:
        sylls = syllables(text, start, end)
        if sylls:
            found += tag(model, text, sylls, [(t.start, t.end) for t in doc.words_in(start, end)])
    return found


def fill_gaps(doc: SegmentedText, mentions: list[Mention], *, path: str = str(DEFAULT_MODEL),
              explaining: float = 0.0) -> list[Span]:
    """Ask the model only about sentences where the rules left a capitalised word unexplained: not
    the sentence's first word, not inside a mention scoring at least `explaining`, a title ("Phó Chủ
    tịch") or a country name. Elsewhere it could only repeat the rules. It reads a window of about
    _REACH characters around each such word (whole sentences cost twice as much); a span cut by a
    window's edge is dropped."""
    text = doc.text
    covered = sorted([(m.start, m.end) for m in mentions if m.score >= explaining] + list(title_spans(text))
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
    return [s for s in recognise(doc, path=path, ranges=windows) if s.start not in edges and s.end not in edges]


def _window(text: str, position: int, start: int, end: int) -> tuple[int, int]:
    """About _REACH characters each side of position, widened to whole words, within the sentence."""
    reach = max(start, position - _REACH)
    left = text.rfind(" ", max(start, reach - 4 * _REACH), reach) + 1 or text.rfind(" ", start, reach) + 1 or start
    right = text.find(" ", min(end, position + _REACH), end)
    return left, right if right != -1 else end


_WORD_START = re.compile(r"(?<!\w)[^\W\d_]")
_REACH = 80                                           # characters of context on each side of a gap
_FIRST_WORD = re.compile(r"[\W\d_]*\w+")            # a sentence's first word, after any quotes or dashes
