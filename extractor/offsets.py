"""Offsets between the text as read and its normalised shadow copy, and token realignment."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from extractor.errors import AlignmentError


@dataclass(frozen=True)
class OffsetMap:
    """For each character of the shadow text, the span of original text it came from.

    Normalisation only ever replaces a run of original characters by one or more shadow
    characters, so a shadow span [s, e) maps to [starts[s], ends[e - 1]) in the original.
    """

    starts: tuple[int, ...]
    ends: tuple[int, ...]
    original_length: int

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        return cls(tuple(range(length)), tuple(range(1, length + 1)), length)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        if start >= end:
            position = self.starts[start] if start < len(self.starts) else self.original_length
            return position, position
        return self.starts[start], self.ends[end - 1]


def align_tokens(text: str, tokens: Sequence[str], *, offset: int = 0) -> list[tuple[int, int]]:
    """Character spans of `tokens` in `text`, in order; white space inside a token matches any run.

    A segmenter such as underthesea returns bare strings; this puts them back on the text and
    raises AlignmentError when a token is not where it should be, rather than guessing.
    """
    spans: list[tuple[int, int]] = []
    position = 0
    length = len(text)
    for token in tokens:
        while position < length and text[position].isspace():
            position += 1
        start = position
        for char in token:
            if char.isspace() or char == "_":
                if position < length and (text[position].isspace() or text[position] == "_"):
                    while position < length and (text[position].isspace() or text[position] == "_"):
                        position += 1
                continue
            if position >= length or text[position] != char:
                found = text[position:position + 20]
                raise AlignmentError(f"token {token!r} does not match the text at {offset + position}: {found!r}")
            position += 1
        spans.append((offset + start, offset + position))
    return spans
