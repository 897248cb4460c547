"""output: mentions and records in shadow offsets → the ANNOTATION.md document, in original offsets.

Every entity is checked on the way out: the original span its offsets map to, normalised again,
must be the shadow text the mention was found in. A broken offset map fails here, loudly, instead
of pointing users at the wrong characters.
"""

from __future__ import annotations

from collections.abc import Callable

from vnextract.extractor.errors import AlignmentError
from vnextract.extractor.schema import AwardRecord, Document, Entity, OfficialRecord, PercentageRecord
from vnextract.extractor.types import Mention, Record, ShadowText

_RECORD_MODELS = {"official": OfficialRecord, "award": AwardRecord, "percentage": PercentageRecord}


def to_entity(mention: Mention, shadow: ShadowText, *, renormalise: Callable[[str], str], explain: bool) -> Entity:
    start, end = shadow.offsets.to_original(mention.start, mention.end)
    surface = shadow.raw.text[start:end]
    found_in = shadow.text[mention.start:mention.end]
    if not surface or mention.text != found_in or renormalise(surface) != found_in:
        raise AlignmentError(f"{mention.label} {mention.text!r} at shadow [{mention.start}:{mention.end}] maps to "
                             f"text[{start}:{end}] = {surface!r}")
    return Entity(start=start, end=end, label=mention.label, text=surface, attrs=mention.attrs,
                  explanation=mention.explanation if explain else None)


def assemble_document(shadow: ShadowText, mentions: list[Mention], records: list[Record], *,
                      renormalise: Callable[[str], str], explain: bool = False) -> Document:
    raw = shadow.raw
    entities = [to_entity(m, shadow, renormalise=renormalise, explain=explain) for m in mentions]
    return Document(id=raw.id, text=raw.text, meta=dict(raw.meta), entities=entities,
                    records=[_RECORD_MODELS[r.type](**r.fields) for r in records])
