"""assemble: resolved mentions → records (officials, awards, percentages).

Each assembler declares the labels its records are built from: the Extractor runs the recognisers
of those labels even when they are not output. One index per document (index.py) serves every
assembler, so that assembly costs time linear in the text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from vnextract.extractor.assemble.awards import assemble_awards
from vnextract.extractor.assemble.index import DocumentIndex
from vnextract.extractor.assemble.officials import assemble_officials
from vnextract.extractor.assemble.percentages import assemble_percentages
from vnextract.extractor.assemble.scorer import Scorer, shipped_scorer
from vnextract.extractor.types import Mention, Record, SegmentedText


@dataclass(frozen=True)
class Assembler:
    assemble: Callable[[DocumentIndex, Scorer | None], list[Record]]
    needs: frozenset[str]
    learned: bool = False           # links chosen by a shipped scorer (models/records/), else by the rules


ASSEMBLERS = {
    "official": Assembler(assemble_officials, frozenset({"PERSON", "ORGANIZATION", "PROVINCE", "AWARD"}), learned=True),
    "award": Assembler(assemble_awards,
                       frozenset({"AWARD", "PERSON", "ORGANIZATION", "PROVINCE", "DATE", "LEGAL_REF"}), learned=True),
    "percentage": Assembler(lambda index, _: assemble_percentages(index), frozenset({"PERCENT", "PROVINCE"})),
}
RECORD_TYPES = tuple(ASSEMBLERS)
RULES = "rules"


def needed_labels(kinds: Iterable[str]) -> frozenset[str]:
    return frozenset().union(*(ASSEMBLERS[kind].needs for kind in kinds))


def assemble_records(doc: SegmentedText, mentions: list[Mention], *, kinds: Iterable[str],
                     scorers: Mapping[str, Scorer | str | None] | None = None) -> list[Record]:
    """Records of the kinds asked for. `scorers` overrides the shipped scorer of a kind: a Scorer, or
    RULES for the structured rules alone (training and its comparison use both)."""
    wanted = set(kinds)
    index = DocumentIndex(doc, mentions)
    records: list[Record] = []
    for kind, assembler in ASSEMBLERS.items():
        if kind not in wanted:
            continue
        chosen = (scorers or {}).get(kind, shipped_scorer(kind) if assembler.learned else None)
        records += assembler.assemble(index, None if chosen == RULES else chosen)  # type: ignore[arg-type]
    return records
