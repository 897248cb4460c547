"""assemble: resolved mentions → records (officials, awards, percentages).

Each assembler declares the labels its records are built from: the Extractor runs the recognisers
of those labels even when they are not output.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from vnextract.extractor.assemble.awards import assemble_awards
from vnextract.extractor.assemble.officials import assemble_officials
from vnextract.extractor.assemble.percentages import assemble_percentages
from vnextract.extractor.types import Mention, Record, SegmentedText


@dataclass(frozen=True)
class Assembler:
    assemble: Callable[[SegmentedText, list[Mention]], list[Record]]
    needs: frozenset[str]


ASSEMBLERS = {
    "official": Assembler(assemble_officials, frozenset({"PERSON", "ORGANIZATION"})),
    "award": Assembler(assemble_awards, frozenset({"AWARD", "PERSON", "ORGANIZATION", "PROVINCE"})),
    "percentage": Assembler(assemble_percentages, frozenset({"PERCENT", "PROVINCE"})),
}
RECORD_TYPES = tuple(ASSEMBLERS)


def needed_labels(kinds: Iterable[str]) -> frozenset[str]:
    return frozenset().union(*(ASSEMBLERS[kind].needs for kind in kinds))


def assemble_records(doc: SegmentedText, mentions: list[Mention], *, kinds: Iterable[str]) -> list[Record]:
    wanted = set(kinds)
    records: list[Record] = []
    for kind, assembler in ASSEMBLERS.items():
        if kind in wanted:
            records += assembler.assemble(doc, mentions)
    return records
