"""Offsets between the text as read and its normalised shadow copy."""

from __future__ import annotations

from dataclasses import dataclass


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
