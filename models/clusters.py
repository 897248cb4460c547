"""`vnextract train clusters`: word clusters for the CRF's features, learned from raw Vietnamese
news (training time only; gensim and scikit-learn are needed here, never at run time).

Lower-cased syllables get word2vec vectors (gensim, skip-gram) from the raw texts given; the
vectors of the syllables seen often enough are clustered top-down with k-means (scikit-learn) into
a three-level tree, and each syllable's path ("12.3.1") is written to a table shipped beside the
model. The CRF reads the path's prefixes as features, as it would Brown clusters' bit strings: a
rare or unseen name syllable shares the features of the frequent syllables it behaves like.

Texts that must stay unseen are left out: any document whose id or opening matches one in the
`--exclude` files (the shared dev set, the held-out VLSP test documents).
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from vnextract.extractor.read.documents import iter_documents

log = logging.getLogger(__name__)

_SYLLABLE = re.compile(r"\w+")
LEVELS = (32, 8, 4)                  # branches at each level of the cluster tree: 32, 256, 1024 leaves at most


def _opening(text: str) -> str:
    return " ".join(text.split())[:120]


def raw_sentences(paths: Iterable[Path], *, exclude: Iterable[dict[str, Any]] = ()) -> Iterator[list[str]]:
    """Lower-cased syllables of every line of every document, skipping excluded documents."""
    excluded = list(exclude)
    ids = {d["id"] for d in excluded}
    openings = {_opening(d["text"]) for d in excluded}
    for path in paths:
        for doc in iter_documents(path):
            doc_id = str(doc.get("id", ""))
            if doc_id in ids or doc_id.removeprefix("baomoi-") in ids or _opening(doc["text"]) in openings:
                continue
            for line in doc["text"].splitlines():
                words = [w.casefold() for w in _SYLLABLE.findall(line)]
                if len(words) > 1:
                    yield words


def train_clusters(sentences: list[list[str]], out: Path, *, min_count: int = 3, max_words: int = 60_000,
                   dim: int = 100, epochs: int = 5, seed: int = 13) -> dict[str, Any]:
    from gensim.models import Word2Vec
    from sklearn.cluster import KMeans

    counts = Counter(w for s in sentences for w in s)
    vectors = Word2Vec(sentences, vector_size=dim, window=5, min_count=min_count, sg=1, epochs=epochs, seed=seed,
                       workers=1).wv
    vocabulary = [w for w, c in counts.most_common(max_words) if c >= min_count and w in vectors]
    matrix = vectors[vocabulary]
    paths = [""] * len(vocabulary)

    def split(indices: list[int], depth: int, prefix: str) -> None:
        if depth == len(LEVELS):
            return
        k = min(LEVELS[depth], len(indices))
        if k < 2:                                      # too few to split: the path goes on with zeros
            rest = ".".join(["0"] * (len(LEVELS) - depth))
            for i in indices:
                paths[i] = f"{prefix}.{rest}" if prefix else rest
            return
        labels = KMeans(n_clusters=k, n_init=3, random_state=seed).fit_predict(matrix[indices])
        for cluster in range(k):
            members = [i for i, c in zip(indices, labels, strict=True) if c == cluster]
            name = f"{prefix}.{cluster}" if prefix else str(cluster)
            for i in members:
                paths[i] = name
            split(members, depth + 1, name)

    split(list(range(len(vocabulary))), 0, "")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("".join(f"{w}\t{p}\n" for w, p in zip(vocabulary, paths, strict=True)), encoding="utf-8")
    return {"sentences": len(sentences), "tokens": sum(counts.values()), "syllables": len(vocabulary),
            "levels": list(LEVELS), "dim": dim, "epochs": epochs, "min_count": min_count, "seed": seed}
