"""What an Extractor does: the labels it outputs, the record types it assembles, and its limits."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

MAX_CHARS = 5_000_000


@dataclass(frozen=True)
class ExtractorConfig:
    labels: frozenset[str]
    records: frozenset[str]
    segment_words: bool = True
    max_chars: int = MAX_CHARS

    @classmethod
    def checked(cls, *, labels: Iterable[str] | None, records: Iterable[str] | None, known_labels: Iterable[str],
                known_records: Iterable[str], segment_words: bool = True) -> ExtractorConfig:
        """The configuration asked for, refusing unknown labels and record types by name."""
        known_labels, known_records = tuple(known_labels), tuple(known_records)
        chosen_labels = frozenset(known_labels if labels is None else labels)
        chosen_records = frozenset(known_records if records is None else records)
        for kind, chosen, known in (("labels", chosen_labels, known_labels),
                                    ("record types", chosen_records, known_records)):
            unknown = sorted(chosen - set(known))
            if unknown:
                raise ValueError(f"unknown {kind} {unknown}; known: {', '.join(known)}")
        return cls(labels=chosen_labels, records=chosen_records, segment_words=segment_words)
