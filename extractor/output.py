"""output: mentions and records in shadow offsets → the ANNOTATION.md document, in original offsets."""

from __future__ import annotations

from vnextract.extractor.errors import AlignmentError
from vnextract.extractor.schema import AwardRecord, Document, Entity, OfficialRecord, PercentageRecord
from vnextract.extractor.types import Mention, Record, ShadowText

_RECORD_MODELS = {"official": OfficialRecord, "award": AwardRecord, "percentage": PercentageRecord}


def to_entity(mention: Mention, shadow: ShadowText, *, explain: bool) -> Entity:
    original = shadow.raw.text
    start, end = shadow.offsets.to_original(mention.start, mention.end)
    surface = original[start:end]
    if not surface:
        raise AlignmentError(f"{mention.label} {mention.text!r} maps to an empty span")
    return Entity(start=start, end=end, label=mention.label, text=surface, attrs=mention.attrs,
                  explanation=mention.explanation if explain else None)


def assemble_document(shadow: ShadowText, mentions: list[Mention], records: list[Record], *,
                      explain: bool = False) -> Document:
    raw = shadow.raw
    entities = [to_entity(m, shadow, explain=explain) for m in mentions]
    for e in entities:
        if raw.text[e.start:e.end] != e.text:           # the invariant every consumer relies on
            raise AlignmentError(f"entity {e.text!r} does not match text[{e.start}:{e.end}]")
    return Document(id=raw.id, text=raw.text, meta=dict(raw.meta), entities=entities,
                    records=[_RECORD_MODELS[r.type](**r.fields) for r in records])
