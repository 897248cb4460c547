"""Frozen types that cross stage boundaries: read → normalise → segment → recognise → resolve → assemble."""

from __future__ import annotations

import time
from bisect import bisect_left, bisect_right
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


_WORD_CHUNK = 20_000     # characters segmented into words at a time (real paragraphs are shorter; see _pieces)


@dataclass
class _ParagraphWords:
    tokens: tuple[Token, ...]
    starts: list[int]
    ends: frozenset[int]


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
    _words: dict[int, _ParagraphWords] = field(default_factory=dict, repr=False, compare=False)

    @property
    def text(self) -> str:
        return self.shadow.text

    @property
    def meta(self) -> dict[str, Any]:
        return self.shadow.raw.meta

    @cached_property
    def _paragraph_starts(self) -> list[int]:
        return [start for start, _ in self.paragraphs]

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [start for start, _ in self.sentences]

    def sentence_end(self, position: int) -> int:
        """Where the sentence that holds `position` ends (the text's end outside every sentence)."""
        k = bisect_right(self._sentence_starts, position) - 1
        if k >= 0 and position < self.sentences[k][1]:
            return self.sentences[k][1]
        return len(self.text)

    def _paragraph(self, k: int) -> _ParagraphWords:
        if k not in self._words:
            tokens: list[Token] = []
            if self.segmenter is not None:
                for piece in _pieces(self.text, *self.paragraphs[k]):
                    self.deadline.check("word segmentation")
                    tokens += self.segmenter(self.text, piece)
            self._words[k] = _ParagraphWords(tuple(tokens), [t.start for t in tokens], frozenset(t.end for t in tokens))
        return self._words[k]

    def _index(self, position: int) -> int:
        return bisect_right(self._paragraph_starts, position) - 1

    def paragraph_words(self, position: int) -> tuple[Token, ...]:
        """The words of the paragraph that holds (or ends at, or precedes) `position`."""
        k = self._index(position)
        return self._paragraph(k).tokens if k >= 0 else ()

    def word_at_or_after(self, position: int) -> tuple[tuple[Token, ...], int]:
        """The words of `position`'s paragraph and the index of the first word starting at or after it."""
        k = self._index(position)
        if k < 0:
            return (), 0
        words = self._paragraph(k)
        return words.tokens, bisect_left(words.starts, position)

    def word_ends(self, position: int) -> frozenset[int]:
        """Where the words of `position`'s paragraph end."""
        k = self._index(position)
        return self._paragraph(k).ends if k >= 0 else frozenset()

    def words_in(self, start: int, end: int) -> list[Token]:
        """The words that start in [start, end)."""
        first = max(0, self._index(start))
        last = self._index(max(start, end - 1))
        found: list[Token] = []
        for k in range(first, last + 1):
            words = self._paragraph(k)
            found += words.tokens[bisect_left(words.starts, start):bisect_left(words.starts, end)]
        return found

    def original(self, start: int, end: int) -> str:
        """The text as read behind a shadow span (records quote the user's own spelling)."""
        a, b = self.shadow.offsets.to_original(start, end)
        return self.shadow.raw.text[a:b]


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A paragraph cut, for word segmentation, into pieces of at most _WORD_CHUNK characters at a
    sentence end (or else a space): the cost stays linear and a deadline is checked between pieces.
    Real paragraphs are shorter than that (the longest of 18,188 in ../shared: 19,846), so their
    words are the model's own on the whole paragraph."""
    pieces = []
    while end - start > _WORD_CHUNK:
        limit = start + _WORD_CHUNK
        cut = text.rfind(". ", start, limit) + 1 or text.rfind(" ", start, limit)
        cut = cut if cut > start else limit
        pieces.append((start, cut))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        pieces.append((start, end))
    return pieces


# Scores that order mentions of one label in resolution: rules score lexicon and strong-pattern hits
# STRONG_RULE_SCORE or more and open-ended patterns 0.6–0.7; the statistical model's mentions score
# OVERRIDE_SCORE when it is confident enough to outrank an open pattern, MODEL_SCORE otherwise
# (recognise/model.py states the rule).
STRONG_RULE_SCORE = 0.9
OVERRIDE_SCORE = 0.8
MODEL_SCORE = 0.5


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
