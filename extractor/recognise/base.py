"""Small text helpers shared by the recognisers.

A recogniser is a callable from SegmentedText to a list of Mentions in shadow offsets, each with
an explanation (its registry entry is in recognise/__init__.py). Rule recognisers never see each
other's output: conflicts are settled in resolve. Shared word lists are in extractor/lexicon.py.
"""

from __future__ import annotations


def left_context(text: str, position: int, limit: int = 40) -> str:
    """Text before `position` on the same line, casefolded, for cue matching."""
    return text[max(0, position - limit):position].rsplit("\n", 1)[-1].casefold()


class Claimed:
    """Which characters of a text a recogniser has already claimed: its patterns run in order of
    preference and a later match may not overlap an earlier one. One byte per character, so each
    check costs the length of the span, not the number of spans found so far."""

    def __init__(self, length: int) -> None:
        self._taken = bytearray(length)

    def free(self, start: int, end: int) -> bool:
        return self._taken.find(1, start, end) == -1

    def claim(self, start: int, end: int) -> None:
        self._taken[start:end] = b"\x01" * (end - start)
