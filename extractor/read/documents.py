"""Document files in the ANNOTATION.md format (JSON Lines, optionally gzipped): gold corpora, outputs and inputs alike."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any


class DocumentFileError(ValueError):
    """A document file that cannot be read: names the file, the line and the reason."""


def _open_text(path: Path):
    if path.suffix == ".gz":
        return gzip.open(path, "rt", encoding="utf-8")
    return path.open(encoding="utf-8")


def iter_documents(path: str | Path) -> Iterator[dict[str, Any]]:
    """Yield each document of a JSONL file; blank lines are skipped."""
    path = Path(path)
    if not path.exists():
        raise DocumentFileError(f"{path}: no such file")
    with _open_text(path) as handle:
        for line_no, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                doc = json.loads(line)
            except json.JSONDecodeError as exc:
                raise DocumentFileError(f"{path}:{line_no}: not valid JSON ({exc.msg})") from exc
            if not isinstance(doc, dict) or "id" not in doc or "text" not in doc:
                raise DocumentFileError(f"{path}:{line_no}: a document needs 'id' and 'text'")
            yield doc


def load_documents(path: str | Path) -> dict[str, dict[str, Any]]:
    """Documents keyed by id, in file order. A repeated id is an error."""
    docs: dict[str, dict[str, Any]] = {}
    for doc in iter_documents(path):
        doc_id = str(doc["id"])
        if doc_id in docs:
            raise DocumentFileError(f"{path}: document id {doc_id!r} appears twice")
        docs[doc_id] = doc
    return docs


def write_documents(path: str | Path, docs: Iterable[dict[str, Any]]) -> None:
    path = Path(path)
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "wt", encoding="utf-8") as handle:
        for doc in docs:
            handle.write(json.dumps(doc, ensure_ascii=False) + "\n")
