"""The per-chunk function every engine runs: Items in, one Outcome (a JSON line or an error) per
Item out, in order. Documents go through `Extractor.pipe(..., on_error="report")` like every other
way in, so a failure of any kind in one document is that document's error and the rest go on.
One Extractor per process, built on first use (in a pool worker or a Dask worker alike)."""

from __future__ import annotations

import gc
import hashlib
import json
import logging
from dataclasses import dataclass
from functools import cache
from typing import Any

from vnextract.extractor.batch.sources import Item

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Outcome:
    key: str
    source: str
    content_hash: str
    line: str | None = None                  # the output document, serialised
    error: str | None = None
    code: str | None = None                  # the error's code (extractor/errors.py)
    chars: int = 0
    skipped: str | None = None               # not read, and not an error (an unsupported file type)


@cache
def _extractor():
    from vnextract.extractor import Extractor

    extractor = Extractor()
    extractor.warm_up()                               # load lexicons and models now, then keep the
    gc.collect()                                      # garbage collector from walking them again
    gc.freeze()
    return extractor


def content_hash(item: Item) -> str:
    if item.data is not None:
        payload = item.data
    elif item.record is not None:
        text = item.record.get("text")
        payload = text.encode("utf-8", "surrogatepass") if isinstance(text, str) else json.dumps(
            item.record, sort_keys=True, default=str).encode("utf-8", "surrogatepass")
    else:
        payload = b""
    return hashlib.sha256(payload).hexdigest()[:32]


def _document(item: Item) -> Any:
    """What the extractor is given for an item: a RawDocument read from its bytes, or the JSON
    Lines object as it came (the extractor checks its text, meta and id)."""
    from vnextract.extractor.read import read_bytes

    if item.record is not None:
        record = item.record
        doc_id = record.get("id", item.source.rsplit("#", 1)[-1])
        return {"id": doc_id, "text": record.get("text"), "meta": record.get("meta")}
    return read_bytes(item.data or b"", name=item.name, id=item.key)


def _read_failure(item: Item, digest: str, exc: Exception) -> Outcome:
    from vnextract.extractor.errors import ExtractorError, error_code

    if isinstance(exc, ExtractorError):
        return Outcome(item.key, item.source, digest, error=f"{type(exc).__name__}: {exc}", code=error_code(exc))
    # A parser's own exception on bytes it could not make sense of (a malformed DOCX, …).
    log.warning("could not read %s: %s: %s", item.source, type(exc).__name__, exc)
    log.debug("the reader's traceback", exc_info=True)
    return Outcome(item.key, item.source, digest, error=f"could not read the file: {type(exc).__name__}: {exc}",
                   code="undecodable")


def process_chunk(items: list[Item]) -> list[Outcome]:
    from vnextract.extractor import FailedDocument

    outcomes: dict[int, Outcome] = {}
    documents: list[tuple[int, str, Any]] = []
    for n, item in enumerate(items):
        digest = content_hash(item)
        if item.skipped:
            outcomes[n] = Outcome(item.key, item.source, digest, skipped=item.skipped)
        elif item.error:
            outcomes[n] = Outcome(item.key, item.source, digest, error=item.error, code=item.code)
        else:
            try:
                documents.append((n, digest, _document(item)))
            except Exception as exc:
                outcomes[n] = _read_failure(item, digest, exc)
    results = _extractor().pipe([document for _, _, document in documents], on_error="report")
    for (n, digest, _), result in zip(documents, results, strict=True):
        item = items[n]
        if isinstance(result, FailedDocument):
            outcomes[n] = Outcome(item.key, item.source, digest, error=f"{result.error}: {result.reason}",
                                  code=result.code)
            continue
        try:
            line = _line(result.to_dict(), item, digest)
        except (ValueError, RecursionError) as exc:      # meta that JSON cannot carry (too deep, not Unicode)
            outcomes[n] = Outcome(item.key, item.source, digest, code="invalid_input",
                                  error=f"the document cannot be written as JSON: {type(exc).__name__}: {exc}")
            continue
        outcomes[n] = Outcome(item.key, item.source, digest, line=line, chars=len(result.text))
    return [outcomes[n] for n in range(len(items))]


def _line(document: dict[str, Any], item: Item, digest: str) -> str:
    document["source"] = item.source
    document["key"] = item.key
    document["content_hash"] = digest
    line = json.dumps(document, ensure_ascii=False)
    line.encode("utf-8")                                 # a lone surrogate in meta fails here, not in the writer
    return line
