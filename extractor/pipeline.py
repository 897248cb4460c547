"""The only module that knows the order: read → normalise → segment → recognise → resolve → assemble → output."""

from __future__ import annotations

import functools
import logging
import time
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from vnextract.extractor.assemble import assemble_records
from vnextract.extractor.config import LABELS, RECORD_TYPES, ExtractorConfig
from vnextract.extractor.errors import EmptyInput, ExtractorError, InputTooLarge
from vnextract.extractor.normalise import normalise
from vnextract.extractor.output import assemble_document
from vnextract.extractor.recognise import DEFAULT_RECOGNISERS, Recogniser
from vnextract.extractor.resolve import resolve
from vnextract.extractor.schema import Document
from vnextract.extractor.segment import segment
from vnextract.extractor.segment.words import word_tokens
from vnextract.extractor.types import Mention, RawDocument, Token

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class FailedDocument:
    """What `pipe(..., on_error="report")` yields for a document that could not be processed."""

    id: str | None
    error: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "error": self.error, "reason": self.reason}


_WARM_UP = ("Sáng 5/11/2025, tại tỉnh Quảng Ninh, ông Nguyễn Văn An, Giám đốc Sở Nội vụ, nhận Bằng khen của "
            "Thủ tướng Chính phủ theo Quyết định số 123/QĐ-TTg; tỷ lệ hài lòng đạt 95,5%, bà Maria Lopez dự.")


class Extractor:
    """Vietnamese text in; provinces, officials, percentages, awards, dates, organisations and legal
    references out, with offsets into the text exactly as given.

    >>> Extractor(labels=["PROVINCE", "PERCENT"]).extract("Tỉnh Ninh Bình đạt 91,6%.").entities[0].text
    'Ninh Bình'
    """

    def __init__(
        self,
        *,
        labels: Iterable[str] | None = None,
        records: Iterable[str] | None = None,
        segment_words: bool = True,
        explain: bool = False,
        model: str | None = "auto",
        recognisers: Mapping[str, Recogniser] | None = None,
    ) -> None:
        self.config = ExtractorConfig(
            labels=frozenset(labels) if labels is not None else frozenset(LABELS),
            records=frozenset(records) if records is not None else frozenset(RECORD_TYPES),
            segment_words=segment_words,
        )
        self.explain = explain
        self.stage_seconds: dict[str, float] = dict.fromkeys(
            ("normalise", "segment", "segment.words", "resolve", "assemble", "output"), 0.0)
        available = dict(recognisers or DEFAULT_RECOGNISERS)
        # Records need the labels they are built from, even when those labels are not output.
        needed = set(self.config.labels)
        if "official" in self.config.records:
            needed |= {"PERSON", "ORGANIZATION"}
        if "award" in self.config.records:
            needed |= {"AWARD", "PERSON", "ORGANIZATION", "PROVINCE"}
        if "percentage" in self.config.records:
            needed |= {"PERCENT", "PROVINCE"}
        self.recognisers = {label: fn for label, fn in available.items() if label in needed}
        self.model = _model_gap_filler(model) if needed & {"PERSON", "ORGANIZATION"} else None

    def warm_up(self) -> None:
        """Load every lexicon and model now, so that no first document pays for them: one sentence
        that reaches every recogniser, and the word segmenter (loaded only when a paragraph first
        needs words)."""
        self.extract(_WARM_UP)
        if self.config.segment_words:
            word_tokens(_WARM_UP, (0, len(_WARM_UP)))

    def extract(self, text: str, meta: Mapping[str, Any] | None = None, *, id: str | None = None) -> Document:
        return self.extract_raw(RawDocument(text=text, meta=dict(meta or {}), id=id))

    def extract_raw(self, raw: RawDocument) -> Document:
        if not isinstance(raw.text, str):
            raise ExtractorError("text must be a string")
        if not raw.text.strip():
            raise EmptyInput(f"document {raw.id or ''} has no text".replace("  ", " "))
        if len(raw.text) > self.config.max_chars:
            raise InputTooLarge(f"document has {len(raw.text):,} characters; the limit is {self.config.max_chars:,}")
        clock, timed_words = self._clock()
        shadow = normalise(raw)
        clock("normalise")
        segmented = segment(shadow, segmenter=timed_words if self.config.segment_words else None)
        clock("segment")
        mentions: list[Mention] = []
        for label, recognise in self.recognisers.items():
            mentions += recognise(segmented)
            clock(f"recognise.{label}")
        if self.model:
            mentions += self.model(segmented, mentions)
            clock("recognise.MODEL")
        resolved = resolve(mentions, text=segmented.text)
        clock("resolve")
        records = assemble_records(segmented, resolved, kinds=self.config.records)
        clock("assemble")
        shown = [m for m in resolved if m.label in self.config.labels]
        document = assemble_document(shadow, shown, records, explain=self.explain)
        clock("output")
        return document

    def _clock(self):
        """A tick that adds the time since the last tick to a stage's total (`stage_seconds`, read by
        bench/), and the word segmenter, timed: words are segmented on demand inside the recognisers,
        so their time goes to "segment.words" rather than to the stage that asked first."""
        last = [time.perf_counter()]
        in_words = [0.0]

        def tick(stage: str) -> None:
            now = time.perf_counter()
            self.stage_seconds[stage] = self.stage_seconds.get(stage, 0.0) + now - last[0] - in_words[0]
            self.stage_seconds["segment.words"] = self.stage_seconds.get("segment.words", 0.0) + in_words[0]
            last[0], in_words[0] = now, 0.0

        def timed_words(text: str, paragraph: tuple[int, int]) -> list[Token]:
            started = time.perf_counter()
            try:
                return word_tokens(text, paragraph)
            finally:
                in_words[0] += time.perf_counter() - started

        return tick, timed_words

    def pipe(
        self,
        items: Iterable[str | Mapping[str, Any] | RawDocument],
        *,
        on_error: Literal["raise", "report"] = "raise",
    ) -> Iterator[Document | FailedDocument]:
        """Documents in the order given. Items are texts, `{"id", "text", "meta"}` mappings or
        RawDocuments; with on_error="report" a bad item yields a FailedDocument and the rest go on."""
        for n, item in enumerate(items):
            raw = _as_raw(item, n)
            try:
                yield self.extract_raw(raw)
            except ExtractorError as exc:
                if on_error == "raise":
                    raise
                log.warning("document %s failed: %s", raw.id, exc)
                yield FailedDocument(raw.id, type(exc).__name__, str(exc))


def _model_gap_filler(model: str | None):
    """The CRF for PERSON/ORGANIZATION, consulted where the rules left gaps: "auto" uses the shipped
    model when it is there, "off" none, and a path that model (a missing or corrupt file is then an
    error, not a silent fallback)."""
    if model in (None, "off"):
        return None
    from vnextract.extractor.models import crf

    path = crf.DEFAULT_MODEL if model == "auto" else Path(model)
    if model == "auto" and not path.is_file():
        log.info("no CRF model at %s; PERSON and ORGANIZATION come from rules only", path)
        return None
    crf.load_tagger(str(path))                       # fail now, not on the first document
    return functools.partial(crf.fill_gaps, path=str(path))


def _as_raw(item: str | Mapping[str, Any] | RawDocument, n: int) -> RawDocument:
    if isinstance(item, RawDocument):
        return item
    if isinstance(item, str):
        return RawDocument(text=item, id=str(n))
    return RawDocument(text=item.get("text"), meta=dict(item.get("meta") or {}),
                       id=str(item["id"]) if item.get("id") is not None else str(n))
