"""Frozen types that cross stage boundaries: read → normalise → segment → recognise → resolve → assemble."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from extractor.offsets import OffsetMap


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


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class SegmentedText:
    """Shadow text cut into paragraphs, sentences and words (all spans in shadow offsets)."""

    shadow: ShadowText
    paragraphs: tuple[tuple[int, int], ...]
    sentences: tuple[tuple[int, int], ...]
    words: tuple[Token, ...]

    @property
    def text(self) -> str:
        return self.shadow.text

    @property
    def meta(self) -> dict[str, Any]:
        return self.shadow.raw.meta

    @cached_property
    def word_starts(self) -> list[int]:
        return [t.start for t in self.words]

    @cached_property
    def word_ends(self) -> frozenset[int]:
        return frozenset(t.end for t in self.words)

    def original(self, start: int, end: int) -> str:
        """The text as read behind a shadow span (records quote the user's own spelling)."""
        a, b = self.shadow.offsets.to_original(start, end)
        return self.shadow.raw.text[a:b]


@dataclass
class Mention:
    """A recognised span in shadow offsets, with why it was found."""

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


@dataclass
class Record:
    """An assembled fact: an official, an award or a percentage (fields as in ANNOTATION.md)."""

    type: str
    fields: dict[str, Any]
