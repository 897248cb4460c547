"""Frozen types that cross stage boundaries: read → normalise → segment → recognise → resolve → assemble."""

from __future__ import annotations

import time
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, NamedTuple

from vnextract.extractor.errors import DeadlineExceeded
from vnextract.extractor.offsets import OffsetMap


@dataclass(frozen=True)
class RawDocument:
    """Text as read (after decoding), with its metadata; every output offset points into `text`."""

    text: str
    meta: dict[str, Any] = field(default_factory=dict)
    id: str | None = None


@dataclass(frozen=True)
class ShadowText:
    """The normalised copy that recognisers read, and the map back to the original."""

    raw: RawDocument
    text: str
    offsets: OffsetMap


class Token(NamedTuple):
    """A word (a tuple: thousands are made per document, and a frozen dataclass costs 3× more)."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Deadline:
    """When the work on one document must stop (time.monotonic() seconds; None: never). Stages check
    it between steps and inside their long loops, so that a request past its time limit frees its
    worker instead of running on."""

    at: float | None = None

    @classmethod
    def after(cls, seconds: float | None) -> Deadline:
        return cls(None if seconds is None else time.monotonic() + seconds)

    def check(self, where: str) -> None:
        if self.at is not None and time.monotonic() > self.at:
            raise DeadlineExceeded(f"the time limit was reached during {where}")


NO_DEADLINE = Deadline()


@dataclass(frozen=True)
class SegmentedText:
    """Shadow text cut into paragraphs and sentences (spans in shadow offsets), and into words on
    demand: a paragraph is segmented the first time a recogniser asks for its words, because word
    segmentation is the costliest step and many paragraphs never need it."""

    shadow: ShadowText
    paragraphs: tuple[tuple[int, int], ...]
    sentences: tuple[tuple[int, int], ...]
    segmenter: Callable[[str, tuple[int, int]], list[Token]] | None = None    # None: no words
    deadline: Deadline = NO_DEADLINE
    _words: dict[int, tuple[Token, ...]] = field(default_factory=dict, repr=False, compare=False)

    @property
    def text(self) -> str:
        return self.shadow.text

    @property
    def meta(self) -> dict[str, Any]:
        return self.shadow.raw.meta

    @cached_property
    def _paragraph_starts(self) -> list[int]:
        return [start for start, _ in self.paragraphs]

    def paragraph_words(self, position: int) -> tuple[Token, ...]:
        """The words of the paragraph that holds (or ends at, or precedes) `position`."""
        k = bisect_right(self._paragraph_starts, position) - 1
        if k < 0 or self.segmenter is None:
            return ()
        if k not in self._words:
            self.deadline.check("word segmentation")
            self._words[k] = tuple(self.segmenter(self.text, self.paragraphs[k]))
        return self._words[k]

    def words_in(self, start: int, end: int) -> list[Token]:
        """The words that start in [start, end)."""
        first = max(0, bisect_right(self._paragraph_starts, start) - 1)
        last = bisect_right(self._paragraph_starts, max(start, end - 1)) - 1
        return [t for k in range(first, last + 1) for t in self.paragraph_words(self.paragraphs[k][0])
                if start <= t.start < end]

    def original(self, start: int, end: int) -> str:
        """The text as read behind a shadow span (records quote the user's own spelling)."""
        a, b = self.shadow.offsets.to_original(start, end)
        return self.shadow.raw.text[a:b]


MODEL_SCORE = 0.5      # the score of a statistical model's mentions; rules score higher, and resolve checks the shape of these


@dataclass(frozen=True, slots=True)
class Mention:
    """A recognised span in shadow offsets, with why it was found (change one with dataclasses.replace)."""

    label: str
    start: int
    end: int
    text: str
    score: float = 1.0
    attrs: dict[str, Any] = field(default_factory=dict)
    explanation: str = ""

    def overlaps(self, other: Mention) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: Mention) -> bool:
        return self.start <= other.start and other.end <= self.end


@dataclass(frozen=True)
class Record:
    """An assembled fact: an official, an award or a percentage (fields as in ANNOTATION.md)."""

    type: str
    fields: dict[str, Any]
