"""What the extractor does: which labels and record types are on, and input limits."""

from __future__ import annotations

from dataclasses import dataclass, field

LABELS = ("PROVINCE", "PERSON", "ORGANIZATION", "PERCENT", "AWARD", "DATE", "LEGAL_REF")
RECORD_TYPES = ("official", "award", "percentage")


@dataclass(frozen=True)
class ExtractorConfig:
    labels: frozenset[str] = field(default_factory=lambda: frozenset(LABELS))
    records: frozenset[str] = field(default_factory=lambda: frozenset(RECORD_TYPES))
    segment_words: bool = True
    max_chars: int = 5_000_000

    def __post_init__(self) -> None:
        unknown = set(self.labels) - set(LABELS)
        if unknown:
            raise ValueError(f"unknown labels {sorted(unknown)}; known: {', '.join(LABELS)}")
        unknown = set(self.records) - set(RECORD_TYPES)
        if unknown:
            raise ValueError(f"unknown record types {sorted(unknown)}; known: {', '.join(RECORD_TYPES)}")
