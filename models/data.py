"""The model's data and its fixed splits (training time only).

- VLSP 2018 train (general news): PERSON and ORGANIZATION only, outermost spans; LOCATION and
  MISCELLANEOUS map to nothing (a VLSP location is not our PROVINCE). Split by a seeded hash of
  the document id into **test** (15%, seed 13: the held-out documents every figure reports, the
  same split the first model used), **validation** (10% of the rest, seed 14: where features,
  hyper-parameters and the combination's thresholds are chosen) and **train**.
- The genre sets (`corpora/gold/train.jsonl`, `../shared/corpus/train/gold.jsonl`: real articles
  annotated to ANNOTATION.md): every label is kept (the model learns PERSON and ORGANIZATION from
  them, and end-to-end scores use them all); they are cut into K folds by a seeded hash for
  cross-validation. `../shared/corpus/dev` is never read here.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from vnextract.extractor.read.documents import iter_documents

MODEL_LABELS = ("PERSON", "ORGANIZATION")
VLSP_MAP = {"PERSON": "PERSON", "ORGANIZATION": "ORGANIZATION"}
TEST = ("test", 0.15, 13)
VALIDATION = ("validation", 0.10, 14)


def fraction(doc_id: str, seed: int) -> float:
    digest = hashlib.sha256(f"{seed}:{doc_id}".encode()).digest()
    return int.from_bytes(digest[:4], "big") / 2**32


def split_of(doc_id: str, *, dev_fraction: float, seed: int) -> str:
    """A fixed train/dev split by a seeded hash of the document id."""
    return "dev" if fraction(doc_id, seed) < dev_fraction else "train"


def vlsp_part(doc_id: str) -> str:
    """"test", "validation" or "train" (see the module's docstring)."""
    for name, share, seed in (TEST, VALIDATION):
        if fraction(doc_id, seed) < share:
            return name
    return "train"


def fold_of(doc_id: str, k: int, *, seed: int = 13) -> int:
    return int(fraction(doc_id, seed + 1000) * k)


def is_vlsp(path: Path) -> bool:
    return "vlsp" in path.name.casefold()


def vlsp_documents(path: Path) -> list[dict[str, Any]]:
    out = []
    for doc in iter_documents(path):
        entities = [{**e, "label": VLSP_MAP[e["label"]]} for e in doc.get("entities") or []
                    if e["label"] in VLSP_MAP and e.get("depth", 0) == 0]
        out.append({"id": doc["id"], "text": doc["text"], "entities": entities})
    return out


def genre_documents(paths: Iterable[Path]) -> list[dict[str, Any]]:
    docs = []
    for path in paths:
        docs += [{"id": d["id"], "text": d["text"], "meta": d.get("meta") or {}, "entities": d.get("entities") or []}
                 for d in iter_documents(path)]
    return docs


def load(paths: Iterable[Path]) -> tuple[dict[str, list[dict[str, Any]]], list[dict[str, Any]]]:
    """VLSP documents by part, and the genre documents."""
    vlsp: dict[str, list[dict[str, Any]]] = {"train": [], "validation": [], "test": []}
    genre_paths = []
    for path in paths:
        if is_vlsp(path):
            for doc in vlsp_documents(path):
                vlsp[vlsp_part(doc["id"])].append(doc)
        else:
            genre_paths.append(path)
    return vlsp, genre_documents(genre_paths)
