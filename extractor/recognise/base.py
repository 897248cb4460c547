"""The recogniser contract and small text helpers shared by the recognisers.

A recogniser is a callable from SegmentedText to a list of Mentions in shadow offsets, each with
an explanation. Recognisers never see each other's output: conflicts are settled in resolve.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from vnextract.extractor.resources import read_lines
from vnextract.extractor.types import Mention, SegmentedText

Recogniser = Callable[[SegmentedText], list[Mention]]


def left_context(text: str, position: int, limit: int = 40) -> str:
    """Text before `position` on the same line, casefolded, for cue matching."""
    return text[max(0, position - limit):position].rsplit("\n", 1)[-1].casefold()


def alternation(phrases: list[str]) -> str:
    """A regex alternation of literal phrases, longest first, white space matching any run."""
    parts = sorted({p for p in phrases if p}, key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in parts)


@cache
def country_names() -> re.Pattern[str]:
    """Country and region names (models/lexicons/countries.txt): places, never a person's name
    ("Đại sứ Tây Ban Nha" holds no person "Ban Nha")."""
    return re.compile(rf"(?<!\w)(?:{alternation(read_lines('countries.txt'))})(?!\w)")


_TITLE_MODIFIER = r"(?:(?:nguyên|cựu|tân|quyền|Nguyên|Cựu|Tân|Quyền|NGUYÊN)\s+)?(?:(?:Phó|phó|PHÓ)\s+)?"


@cache
def title_words() -> re.Pattern[str]:
    """Position titles with their modifiers ("nguyên Phó Chủ tịch", "Giám đốc"), in any case
    (models/lexicons/titles.txt): the CRF's gap filler and the officials' assembly both use it."""
    return re.compile(rf"(?<![\w]){_TITLE_MODIFIER}(?:{alternation(read_lines('titles.txt'))})(?![\w])", re.IGNORECASE)


def title_spans(text: str) -> list[tuple[int, int]]:
    """Where the title words alone are ("Phó Chủ tịch", "Giám đốc")."""
    return [m.span() for m in title_words().finditer(text)]
