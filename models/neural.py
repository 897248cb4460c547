"""`vnextract train neural`: the small convolutional tagger with a CRF output layer (extractor/models/cnn.py),
trained with PyTorch on the CPU and exported to numpy weights (training time only: torch is never
needed at run time).

The epoch kept is the one with the best mean PERSON/ORGANIZATION strict F1 on the VLSP validation
documents (model alone, scored through the numpy run time, so the export is what is measured).
"""

from __future__ import annotations

import json
import logging
import random
import time
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

from vnextract.extractor.models.cnn import MAX_CHARS, PAD, UNKNOWN, Vocabulary, encode
from vnextract.extractor.models.crf import load_model
from vnextract.extractor.models.features import ATTRIBUTES, syllable_attributes, syllables
from vnextract.extractor.segment.sentences import paragraphs
from vnextract.models import data
from vnextract.models.training import WordCache, bio_tags, read_clusters, score_alone, training_documents, write_card

log = logging.getLogger(__name__)

LABELS = ("O", "B-PERSON", "I-PERSON", "B-ORGANIZATION", "I-ORGANIZATION")
LEVELS = 3


def build_vocabulary(docs: list[dict[str, Any]], clusters: dict[str, str], words: WordCache,
                     dilations: tuple[int, ...]) -> Vocabulary:
    word_counts: Counter[str] = Counter()
    char_counts: Counter[str] = Counter()
    attribute_values: list[set[str]] = [set() for _ in ATTRIBUTES]
    for doc in docs:
        text = doc["text"]
        for start, end in paragraphs(text):
            sylls = syllables(text, start, end)
            word_counts.update(s.text.casefold() for s in sylls)
            char_counts.update(c for s in sylls for c in s.text[:MAX_CHARS])
            for row in syllable_attributes(text, sylls, words(text, start, end)):
                for k, value in enumerate(row):
                    attribute_values[k].add(value)
    specials = ["<pad>", "<unknown>"]
    levels = [sorted({".".join(p.split(".")[:k + 1]) for p in clusters.values()}) for k in range(LEVELS)]
    info = {"words": specials + sorted(w for w, c in word_counts.items() if c >= 2),
            "chars": specials + sorted(c for c, n in char_counts.items() if n >= 2),
            "clusters": [specials + level for level in levels],
            "attributes": [specials + sorted(values) for values in attribute_values],
            "cluster_paths": clusters, "labels": list(LABELS), "dilations": list(dilations)}
    return Vocabulary.from_json(info)


def vocabulary_json(vocab: Vocabulary) -> dict[str, Any]:
    def ordered(table: dict[str, int]) -> list[str]:
        return [k for k, _ in sorted(table.items(), key=lambda kv: kv[1])]

    return {"words": ordered(vocab.words), "chars": ordered(vocab.chars),
            "clusters": [ordered(level) for level in vocab.clusters],
            "attributes": [ordered(values) for values in vocab.attributes], "cluster_paths": vocab.cluster_paths,
            "labels": list(vocab.labels), "dilations": list(vocab.dilations)}


def encoded(docs: list[dict[str, Any]], vocab: Vocabulary, words: WordCache) -> list[dict[str, np.ndarray]]:
    out = []
    index = {label: k for k, label in enumerate(LABELS)}
    for doc in docs:
        text = doc["text"]
        for start, end in paragraphs(text):
            sylls = syllables(text, start, end)
            if not sylls:
                continue
            item = encode(vocab, text, sylls, words(text, start, end))
            entities = [e for e in doc.get("entities") or [] if start <= e["start"] and e["end"] <= end]
            item["tags"] = np.array([index[t] for t in bio_tags(sylls, entities)], dtype=np.int64)
            out.append(item)
    return out


def _network(vocab: Vocabulary, *, word_dim: int = 64, char_dim: int = 16, char_filters: int = 32, hidden: int = 128,
             dropout: float = 0.3):
    import torch
    from torch import nn

    class Tagger(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.word_embedding = nn.Embedding(len(vocab.words), word_dim, padding_idx=PAD)
            self.char_embedding = nn.Embedding(len(vocab.chars), char_dim, padding_idx=PAD)
            self.char_conv = nn.Conv1d(char_dim, char_filters, 3, padding=1)
            self.cluster_embedding = nn.ModuleList(nn.Embedding(len(level), d) for level, d in
                                                   zip(vocab.clusters, (8, 16, 16), strict=True))
            self.attribute_embedding = nn.ModuleList(nn.Embedding(len(values), 4) for values in vocab.attributes)
            width = word_dim + char_filters + 8 + 16 + 16 + 4 * len(vocab.attributes)
            self.project = nn.Linear(width, hidden)
            self.layers = nn.ModuleList(nn.Conv1d(hidden, hidden, 3, padding=d, dilation=d) for d in vocab.dilations)
            self.output = nn.Linear(hidden, len(LABELS))
            self.transitions = nn.Parameter(torch.zeros(len(LABELS), len(LABELS)))
            self.start = nn.Parameter(torch.zeros(len(LABELS)))
            self.end = nn.Parameter(torch.zeros(len(LABELS)))
            self.drop = nn.Dropout(dropout)

        def emissions(self, words, chars, clusters, attributes):
            b, n = words.shape
            c = self.char_embedding(chars.view(b * n, MAX_CHARS)).transpose(1, 2)      # (b·n) × d × L
            c = self.char_conv(c).max(dim=2).values.view(b, n, -1)
            parts = [self.word_embedding(words), c]
            parts += [emb(clusters[:, :, k]) for k, emb in enumerate(self.cluster_embedding)]
            parts += [emb(attributes[:, :, k]) for k, emb in enumerate(self.attribute_embedding)]
            h = torch.relu(self.project(self.drop(torch.cat(parts, dim=2)))).transpose(1, 2)   # b × hidden × n
            for layer in self.layers:
                h = h + torch.relu(layer(self.drop(h)))
            return self.output(self.drop(h.transpose(1, 2)))                            # b × n × tags

        def loss(self, scores, tags, mask):
            """Mean negative log-likelihood of the gold tags under the linear-chain CRF."""
            n = scores.shape[1]
            gold = self.start[tags[:, 0]] + scores[:, 0].gather(1, tags[:, :1]).squeeze(1)
            alpha = self.start + scores[:, 0]
            for i in range(1, n):
                m = mask[:, i]
                step = scores[:, i].gather(1, tags[:, i:i + 1]).squeeze(1) + self.transitions[tags[:, i - 1], tags[:, i]]
                gold = gold + step * m
                nxt = torch.logsumexp(alpha.unsqueeze(2) + self.transitions + scores[:, i].unsqueeze(1), dim=1)
                alpha = torch.where(m.unsqueeze(1) > 0, nxt, alpha)
            lengths = mask.sum(dim=1).long()
            last = tags.gather(1, (lengths - 1).unsqueeze(1)).squeeze(1)
            gold = gold + self.end[last]
            log_z = torch.logsumexp(alpha + self.end, dim=1)
            return (log_z - gold).mean()

    return Tagger()


def _batches(items: list[dict[str, np.ndarray]], tokens: int, rng: random.Random):
    import torch

    order = sorted(range(len(items)), key=lambda i: len(items[i]["words"]) + rng.random())
    batches, current, longest = [], [], 0
    for i in order:
        n = len(items[i]["words"])
        if current and max(longest, n) * (len(current) + 1) > tokens:
            batches.append(current)
            current, longest = [], 0
        current.append(i)
        longest = max(longest, n)
    if current:
        batches.append(current)
    rng.shuffle(batches)
    for batch in batches:
        n = max(len(items[i]["words"]) for i in batch)

        def stack(key: str, batch: list[int] = batch, n: int = n) -> torch.Tensor:
            first = items[batch[0]][key]
            out = np.zeros((len(batch), n, *first.shape[1:]), dtype=np.int64)
            for row, i in enumerate(batch):
                out[row, :len(items[i][key])] = items[i][key]
            return torch.from_numpy(out)

        mask = torch.zeros(len(batch), n)
        for row, i in enumerate(batch):
            mask[row, :len(items[i]["words"])] = 1
        yield stack("words"), stack("chars"), stack("clusters"), stack("attributes"), stack("tags"), mask


def export(network, vocab: Vocabulary, out: Path) -> None:
    arrays = {name: value.detach().cpu().numpy().astype(np.float32) for name, value in network.state_dict().items()}
    arrays["vocabulary"] = np.frombuffer(json.dumps(vocabulary_json(vocab), ensure_ascii=False).encode("utf-8"),
                                         dtype=np.uint8)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("wb") as handle:
        np.savez_compressed(handle, **arrays)


def train_neural(paths: list[Path], out: Path, *, clusters: Path | None, epochs: int = 8, seed: int = 13,
                 word_cache: Path | None = None, threads: int = 1, word_dropout: float = 0.05,
                 final: bool = False) -> dict[str, Any]:
    import torch

    torch.manual_seed(seed)
    torch.set_num_threads(threads)
    rng = random.Random(seed)
    words = WordCache(word_cache)
    docs = training_documents(paths, final=final)
    vlsp, _ = data.load(paths)
    vocab = build_vocabulary(docs, read_clusters(clusters), words, dilations=(1, 2))
    items = encoded(docs, vocab, words)
    words.save()
    network = _network(vocab)
    optimiser = torch.optim.Adam(network.parameters(), lr=2e-3)
    history, best = [], (-1.0, 0)
    started = time.perf_counter()
    candidate = out.with_name(out.stem + ".epoch.npz")
    for epoch in range(1, epochs + 1):
        network.train()
        total, count = 0.0, 0
        for words_t, chars, clusters_t, attributes, tags, mask in _batches(items, 3000, rng):
            if word_dropout:
                drop = (torch.rand(words_t.shape) < word_dropout) & (words_t > UNKNOWN)
                words_t = torch.where(drop, torch.full_like(words_t, UNKNOWN), words_t)
            loss = network.loss(network.emissions(words_t, chars, clusters_t, attributes), tags, mask)
            optimiser.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(network.parameters(), 5.0)
            optimiser.step()
            total, count = total + loss.item(), count + 1
        network.eval()
        export(network, vocab, candidate)
        load_model.cache_clear()
        scored = score_alone(vlsp["validation" if not final else "test"], candidate)
        mean = sum(scored["strict"][label]["f1"] for label in data.MODEL_LABELS) / len(data.MODEL_LABELS)
        history.append({"epoch": epoch, "loss": round(total / max(count, 1), 4), "validation_mean_f1": round(mean, 4),
                        "seconds": round(time.perf_counter() - started)})
        log.info("epoch %s", history[-1])
        print(json.dumps(history[-1]), flush=True)
        if mean > best[0]:
            best = (mean, epoch)
            candidate.replace(out)
    candidate.unlink(missing_ok=True)
    load_model.cache_clear()
    info = {"kind": "cnn-crf", "train_documents": len(docs), "sequences": len(items),
            "syllables": int(sum(len(i["words"]) for i in items)), "epochs": epochs, "best_epoch": best[1],
            "history": history, "seed": seed, "threads": threads, "word_dropout": word_dropout,
            "vocabulary": {"words": len(vocab.words), "chars": len(vocab.chars)},
            "features": {"clusters": clusters.name if clusters else None}, "final": final,
            "train_seconds": round(time.perf_counter() - started, 1), "data": [str(p) for p in paths]}
    write_card(out, info)
    info["size_bytes"] = out.stat().st_size
    for part in ("validation", "test") if not final else ("test",):
        info[f"alone_{part}"] = score_alone(vlsp[part], out)
    write_card(out, info)
    return info
