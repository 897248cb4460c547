"""The token grid shared by the token-based formats (CoNLL BIO, spaCy): runs of word characters,
and each other non-space character alone. Entity edges in ANNOTATION.md fall on this grid."""

from __future__ import annotations

import re
from typing import Any

TOKEN = re.compile(r"\w+|[^\w\s]")


def tokenize(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in TOKEN.finditer(text)]


def token_range(tokens: list[tuple[int, int]], start: int, end: int) -> tuple[int, int] | None:
    """Indices [first, last] of the tokens that exactly cover [start, end), or None."""
    first = next((i for i, (s, _) in enumerate(tokens) if s == start), None)
    last = next((i for i, (_, e) in enumerate(tokens) if e == end), None)
    if first is None or last is None or last < first:
        return None
    return first, last


def nesting_levels(entities: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Entities split into levels with no overlap inside a level; outer spans go to lower levels."""
    levels: list[list[dict[str, Any]]] = []
    for e in sorted(entities, key=lambda e: (e["start"], -(e["end"] - e["start"]))):
        for level in levels:
            if all(e["end"] <= o["start"] or o["end"] <= e["start"] for o in level):
                level.append(e)
                break
        else:
            levels.append([e])
    return levels
