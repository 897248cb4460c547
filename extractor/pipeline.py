"""The only module that knows the order: read → normalise → segment → recognise → resolve → assemble → output."""

from __future__ import annotations

import gc
import json
import logging
import re
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import Any, Literal

from vnextract.extractor.assemble import RECORD_TYPES, assemble_records, needed_labels
from vnextract.extractor.config import ExtractorConfig
from vnextract.extractor.errors import EmptyInput, ExtractorError, InputTooLarge, InvalidInput, ModelError, error_code
from vnextract.extractor.normalise import normalise, normalised
from vnextract.extractor.output import assemble_document
from vnextract.extractor.recognise import MODEL, REGISTRY, model
from vnextract.extractor.registry import Recogniser, Registry
from vnextract.extractor.resolve import VETOES, resolve
from vnextract.extractor.schema import Document
from vnextract.extractor.segment import segment
from vnextract.extractor.segment.words import word_tokens
from vnextract.extractor.types import NO_DEADLINE, Deadline, Mention, RawDocument, SegmentedText, ShadowText, Token

log = logging.getLogger(__name__)

Item = str | Mapping[str, Any] | RawDocument


@dataclass(frozen=True)
class FailedDocument:
    """What `pipe(..., on_error="report")` yields for a document that could not be processed:
    `code` is the error vocabulary's (errors.py), `error` the exception's type, `reason` its message."""

    id: str | None
    error: str
    reason: str
    code: str

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "error": self.error, "reason": self.reason, "code": self.code}


_WARM_UP = ("Sáng 5/11/2025, tại tỉnh Quảng Ninh, ông Nguyễn Văn An, Giám đốc Sở Nội vụ, nhận Bằng khen của "
            "Thủ tướng Chính phủ theo Quyết định số 123/QĐ-TTg; tỷ lệ hài lòng đạt 95,5%, bà Maria Lopez dự.")
_MODEL_LABELS = model.LABELS
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


class Extractor:
    """Vietnamese text in; provinces, officials, percentages, awards, dates, organisations and legal
    references out, with offsets into the text exactly as given.

    `labels` chooses what is output and `records` which record types are assembled; every recogniser
    that their resolution or their records depend on runs regardless, so the same text gives the
    same spans whatever is asked for. `model` is the PERSON/ORGANIZATION model: "auto" (the shipped
    one), "off", or a model file; `model_labels` the labels it may add (default both; ["PERSON"]
    keeps the rules alone for organisations, [] is the same as model="off").

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
        model_labels: Iterable[str] | None = None,
        registry: Registry | None = None,
    ) -> None:
        self.registry = registry or REGISTRY
        self.config = ExtractorConfig.checked(labels=labels, records=records, known_labels=self.registry.label_names(),
                                              known_records=RECORD_TYPES, segment_words=segment_words)
        self.explain = explain
        chosen_model_labels = tuple(_MODEL_LABELS if model_labels is None else model_labels)
        switched_off = [MODEL] if model in (None, "off") or not chosen_model_labels else []
        planned = self.registry.plan(self.config.labels | needed_labels(self.config.records), vetoes=VETOES,
                                     exclude=switched_off)
        self.recognisers: tuple[Recogniser, ...] = tuple(_configured(r, model, chosen_model_labels)
                                                            for r in planned)

    def warm_up(self) -> None:
        """Load every lexicon and model now, so that no first document pays for them: one sentence
        that reaches every recogniser, and the word segmenter (loaded only when a paragraph first
        needs words)."""
        self.extract(_WARM_UP)
        if self.config.segment_words:
            word_tokens(_WARM_UP, (0, len(_WARM_UP)))

    def extract(self, text: str, meta: Mapping[str, Any] | None = None, *, id: str | int | None = None,
                timeout: float | None = None) -> Document:
        return self.extract_raw(_as_raw({"text": text, "meta": meta, "id": id}), timeout=timeout)

    def extract_raw(self, raw: RawDocument, *, timeout: float | None = None,
                    deadline: Deadline | None = None) -> Document:
        return self._run(raw, _earliest(deadline, timeout))[0]

    def profile(self, raw: RawDocument) -> tuple[Document, dict[str, float]]:
        """The document and the seconds each stage took on it (bench/ reads these)."""
        return self._run(raw, NO_DEADLINE)

    def pipe(
        self,
        items: Iterable[Item],
        *,
        on_error: Literal["raise", "report"] = "raise",
        timeout: float | None = None,
        deadline: Deadline | None = None,
    ) -> Iterator[Document | FailedDocument]:
        """Documents in the order given: every way in (CLI, API, batch) goes through here.

        Items are texts, `{"id", "text", "meta"}` mappings or RawDocuments. With on_error="report" an
        item that fails for any reason (bad input, a time limit, or a bug) yields a FailedDocument and
        the rest go on. `timeout` bounds each document; `deadline` all of them together.
        """
        for n, item in enumerate(items):
            raw: RawDocument | None = None
            try:
                raw = item if isinstance(item, RawDocument) else _as_raw(item, default_id=str(n))
                yield self._run(raw, _earliest(deadline, timeout))[0]
            except Exception as exc:
                if on_error == "raise":
                    raise
                doc_id = raw.id if raw is not None else _id_of(item, n)
                if isinstance(exc, ExtractorError) and error_code(exc) != "internal":
                    log.warning("document %s failed: %s", doc_id, exc)
                else:
                    log.exception("document %s failed unexpectedly", doc_id)
                yield FailedDocument(doc_id, type(exc).__name__, str(exc) or type(exc).__name__, error_code(exc))

    def _run(self, raw: RawDocument, deadline: Deadline) -> tuple[Document, dict[str, float]]:
        _check(raw, self.config.max_chars)
        with _collector_paused():
            return self._stages(raw, deadline)

    def resolved(self, raw: RawDocument) -> tuple[SegmentedText, list[Mention]]:
        """The document as record assembly sees it: its segmented text and the resolved mentions (in
        shadow offsets), for training and analysing the assemblers."""
        _check(raw, self.config.max_chars)
        with _collector_paused():
            segmented, mentions, _ = self._recognised(raw, NO_DEADLINE, *_clock({}))
        return segmented, mentions

    def _stages(self, raw: RawDocument, deadline: Deadline) -> tuple[Document, dict[str, float]]:
        timings: dict[str, float] = {}
        clock, timed_words = _clock(timings)
        segmented, resolved, shadow = self._recognised(raw, deadline, clock, timed_words)
        deadline.check("record assembly")
        records = assemble_records(segmented, resolved, kinds=self.config.records)
        clock("assemble")
        shown = [m for m in resolved if m.label in self.config.labels]
        document = assemble_document(shadow, shown, records, renormalise=normalised, explain=self.explain)
        clock("output")
        return document, timings

    def _recognised(self, raw: RawDocument, deadline: Deadline, clock: Callable[[str], None],
                    timed_words: Callable[[str, tuple[int, int]], list[Token]],
                    ) -> tuple[SegmentedText, list[Mention], ShadowText]:
        shadow = normalise(raw)
        clock("normalise")
        segmented = segment(shadow, segmenter=timed_words if self.config.segment_words else None, deadline=deadline)
        clock("segment")
        found: dict[str, list[Mention]] = {}
        for recogniser in self.recognisers:
            deadline.check(f"recognition ({recogniser.name})")
            earlier = [m for name in recogniser.after if name in found for m in found[name]]
            found[recogniser.name] = recogniser.run(segmented, earlier)
            clock(f"recognise.{recogniser.name}")
        deadline.check("resolution")
        resolved = resolve([m for mentions in found.values() for m in mentions])
        clock("resolve")
        return segmented, resolved, shadow


_pause_lock = threading.Lock()
_pausing = [0]                  # documents being extracted (in any thread) while the collector is paused


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector paused while a document is extracted. Extraction makes no
    reference cycles, but it makes many objects, and each collection walks all that are alive: on a
    1 MB document that made the cost per character grow by two thirds (bench/scaling.py). The
    collector is switched back on when the last document in progress ends, and only if it was on."""
    with _pause_lock:
        if _pausing[0] == 0:
            _pausing.append(gc.isenabled())
            gc.disable()
        _pausing[0] += 1
    try:
        yield
    finally:
        with _pause_lock:
            _pausing[0] -= 1
            if _pausing[0] == 0 and _pausing.pop():
                gc.enable()


def _configured(recogniser: Recogniser, choice: str | None, labels: tuple[str, ...]) -> Recogniser:
    """The model's entry bound to the model file chosen (the shipped one for "auto") and the labels
    it may output."""
    if recogniser.name != MODEL:
        return recogniser
    path = model.DEFAULT_MODEL if choice == "auto" else choice
    if choice == "auto" and not model.DEFAULT_MODEL.is_file():
        raise ModelError(f"the shipped model is missing from {model.DEFAULT_MODEL}; reinstall vnextract, "
                         "or pass model='off'")
    return replace(recogniser, find=model.loaded(str(path), labels=labels))


def _clock(timings: dict[str, float]):
    """A tick that adds the time since the last tick to a stage's total, and the word segmenter,
    timed: words are segmented on demand inside the recognisers, so their time goes to
    "segment.words" rather than to the stage that asked first."""
    last = [time.perf_counter()]
    in_words = [0.0]
    timings["segment.words"] = 0.0

    def tick(stage: str) -> None:
        now = time.perf_counter()
        timings[stage] = timings.get(stage, 0.0) + now - last[0] - in_words[0]
        timings["segment.words"] += in_words[0]
        last[0], in_words[0] = now, 0.0

    def timed_words(text: str, paragraph: tuple[int, int]) -> list[Token]:
        started = time.perf_counter()
        try:
            return word_tokens(text, paragraph)
        finally:
            in_words[0] += time.perf_counter() - started

    return tick, timed_words


def _earliest(deadline: Deadline | None, timeout: float | None) -> Deadline:
    candidates = [d.at for d in (deadline, Deadline.after(timeout)) if d is not None and d.at is not None]
    return Deadline(min(candidates)) if candidates else NO_DEADLINE


def _check(raw: RawDocument, max_chars: int) -> None:
    """What every document must be, however it came in (a RawDocument may be built by hand)."""
    if not isinstance(raw.text, str) or not isinstance(raw.meta, dict):
        raise InvalidInput("a RawDocument holds a string text and a dict meta")
    surrogate = _LONE_SURROGATE.search(raw.text)
    if surrogate:
        raise InvalidInput(f"'text' holds a lone surrogate (U+{ord(surrogate.group()):04X}) at position "
                           f"{surrogate.start()}: it is not valid Unicode text")
    try:
        json.dumps(raw.meta, ensure_ascii=False, allow_nan=False).encode("utf-8")
    except (TypeError, ValueError, RecursionError) as exc:        # UnicodeEncodeError is a ValueError
        raise InvalidInput(f"'meta' is not a JSON object the output can carry: {exc}") from exc
    if not raw.text.strip():
        raise EmptyInput(f"document {raw.id or ''} has no text".replace("  ", " "))
    if len(raw.text) > max_chars:
        raise InputTooLarge(f"document has {len(raw.text):,} characters; the limit is {max_chars:,}")


def _as_raw(item: str | Mapping[str, Any], *, default_id: str | None = None) -> RawDocument:
    """A RawDocument from a text or an {"id", "text", "meta"} mapping, refusing what the format does
    not allow with an InvalidInput that says what was wrong."""
    if isinstance(item, str):
        item = {"text": item}
    if not isinstance(item, Mapping):
        raise InvalidInput(f"a document is a text or a mapping with 'text', not {type(item).__name__}")
    text, meta, doc_id = item.get("text"), item.get("meta"), item.get("id")
    if not isinstance(text, str):
        raise InvalidInput(f"'text' must be a string, not {type(text).__name__}")
    if meta is not None and not isinstance(meta, Mapping):
        raise InvalidInput(f"'meta' must be a mapping, not {type(meta).__name__}")
    if doc_id is not None and (isinstance(doc_id, bool) or not isinstance(doc_id, str | int)):
        raise InvalidInput(f"'id' must be a string or an integer, not {type(doc_id).__name__}")
    return RawDocument(text=text, meta=dict(meta or {}), id=str(doc_id) if doc_id is not None else default_id)


def _id_of(item: object, n: int) -> str:
    doc_id = item.get("id") if isinstance(item, Mapping) else None
    return str(doc_id) if isinstance(doc_id, str | int) and not isinstance(doc_id, bool) else str(n)
