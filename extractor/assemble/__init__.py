"""assemble: resolved mentions → records (officials, awards, percentages)."""

from __future__ import annotations

from collections.abc import Iterable

from extractor.types import Mention, Record, SegmentedText


def assemble_records(doc: SegmentedText, mentions: list[Mention], *, kinds: Iterable[str]) -> list[Record]:
    return []
