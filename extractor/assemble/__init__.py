"""assemble: resolved mentions → records (officials, awards, percentages)."""

from __future__ import annotations

from collections.abc import Iterable

from vnextract.extractor.assemble.awards import assemble_awards
from vnextract.extractor.assemble.officials import assemble_officials
from vnextract.extractor.assemble.percentages import assemble_percentages
from vnextract.extractor.types import Mention, Record, SegmentedText

ASSEMBLERS = {"official": assemble_officials, "award": assemble_awards, "percentage": assemble_percentages}


def assemble_records(doc: SegmentedText, mentions: list[Mention], *, kinds: Iterable[str]) -> list[Record]:
    records: list[Record] = []
    for kind in ASSEMBLERS:
        if kind in kinds:
            records += ASSEMBLERS[kind](doc, mentions)
    return records
