"""The per-document function every engine runs: an Item in, a JSON line or an error out.
One Extractor per process, built on first use (in a pool worker or a Dask worker alike)."""

from __future__ import annotations

import gc
import hashlib
import json
from dataclasses import dataclass
from functools import cache

from vnextract.extractor.batch.sources import Item
from vnextract.extractor.errors import ExtractorError


@dataclass(frozen=True)
class Outcome:
    key: str
    source: str
    content_hash: str
    line: str | None = None                  # the output document, serialised
    error: str | None = None
    chars: int = 0


@cache
def _extractor():
    from vnextract.extractor import Extractor

    extractor = Extractor()
    extractor.warm_up()                               # load lexicons and models now, then keep the
    gc.collect()                                      # garbage collector from walking them again
    gc.freeze()
    return extractor


def content_hash(item: Item) -> str:
    payload = item.data if item.data is not None else (item.text or "").encode("utf-8")
    return hashlib.sha256(payload).hexdigest()[:32]


def process(item: Item) -> Outcome:
    digest = content_hash(item)
    if item.error:
        return Outcome(item.key, item.source, digest, error=item.error)
    from vnextract.extractor.read import read_bytes
    from vnextract.extractor.types import RawDocument

    try:
        if item.text is not None:
            raw = RawDocument(text=item.text, meta=item.meta, id=item.doc_id or item.key)
        else:
            raw = read_bytes(item.data or b"", name=item.name, id=item.doc_id or item.key)
        document = _extractor().extract_raw(raw).to_dict()
    except ExtractorError as exc:
        return Outcome(item.key, item.source, digest, error=f"{type(exc).__name__}: {exc}")
    document["source"] = item.source
    document["key"] = item.key
    document["content_hash"] = digest
    return Outcome(item.key, item.source, digest, line=json.dumps(document, ensure_ascii=False),
                   chars=len(document["text"]))


def process_chunk(items: list[Item]) -> list[Outcome]:
    return [process(item) for item in items]
