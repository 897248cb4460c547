"""Small text helpers shared by the recognisers.

A recogniser is a callable from SegmentedText to a list of Mentions in shadow offsets, each with
an explanation (its registry entry is in recognise/__init__.py). Rule recognisers never see each
other's output: conflicts are settled in resolve. Shared word lists are in extractor/lexicon.py.
"""

from __future__ import annotations


def left_context(text: str, position: int, limit: int = 40) -> str:
    """Text before `position` on the same line, casefolded, for cue matching."""
    return text[max(0, position - limit):position].rsplit("\n", 1)[-1].casefold()
