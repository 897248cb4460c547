"""Reading and writing each converter format from and to files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from vnextract.corpora.convert.conll import from_conll, to_conll
from vnextract.corpora.convert.doccano import from_doccano, to_doccano
from vnextract.corpora.convert.labelstudio import from_labelstudio, to_labelstudio
from vnextract.corpora.convert.spacy_docbin import from_docbin, to_docbin
from vnextract.extractor.read.documents import iter_documents, write_documents


def read_format(path: Path, fmt: str) -> list[dict[str, Any]]:
    if fmt == "documents":
        return list(iter_documents(path))
    if fmt == "conll":
        return from_conll(path.read_text(encoding="utf-8"))
    if fmt == "doccano":
        lines = path.read_text(encoding="utf-8").splitlines()
        return from_doccano(json.loads(line) for line in lines if line.strip())
    if fmt == "labelstudio":
        return from_labelstudio(json.loads(path.read_text(encoding="utf-8")))
    if fmt == "spacy":
        return from_docbin(path.read_bytes())
    raise ValueError(f"unknown format {fmt!r}")


LABELSTUDIO_CONFIG = Path(__file__).resolve().parent.parent / "labelstudio-config.xml"


def write_format(path: Path, fmt: str, docs: list[dict[str, Any]], *, annotations: bool = False) -> list[str]:
    """Write docs; returns what the format could not hold. Label Studio tasks carry `predictions`
    (pre-annotations) unless `annotations`, and the labelling config is written beside them."""
    skipped: list[str] = []
    if fmt == "documents":
        write_documents(path, docs)
    elif fmt == "conll":
        path.write_text(to_conll(docs, skipped), encoding="utf-8")
    elif fmt == "doccano":
        path.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in to_doccano(docs)), encoding="utf-8")
    elif fmt == "labelstudio":
        tasks = to_labelstudio(docs, as_predictions=not annotations)
        path.write_text(json.dumps(tasks, ensure_ascii=False, indent=1), encoding="utf-8")
        path.with_name(path.stem + ".config.xml").write_text(LABELSTUDIO_CONFIG.read_text(encoding="utf-8"),
                                                              encoding="utf-8")
    elif fmt == "spacy":
        path.write_bytes(to_docbin(docs, skipped))
    else:
        raise ValueError(f"unknown format {fmt!r}")
    return skipped
