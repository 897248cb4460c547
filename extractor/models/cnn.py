"""A small convolutional tagger with a CRF output layer for PERSON and ORGANIZATION, run in numpy
from weights shipped in the package (trained with PyTorch in models/neural.py; nothing here needs
torch).

Each syllable is embedded from its lower-cased form, its word-cluster path (three levels), its
characters (a convolution over them, max-pooled) and the lexicon and gazetteer facts of
`features.syllable_attributes`; two residual dilated convolutions over the sequence give each
syllable's tag scores, and a linear-chain CRF (Viterbi, and forward-backward for the marginals)
turns them into tags and probabilities.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from vnextract.extractor.models.features import ATTRIBUTES, Syllable, syllable_attributes

MAX_CHARS = 12                   # characters of a syllable the character convolution reads
PAD, UNKNOWN = 0, 1              # ids of every vocabulary


@dataclass(frozen=True)
class Vocabulary:
    words: dict[str, int]
    chars: dict[str, int]
    clusters: list[dict[str, int]]            # one per level of the cluster path
    attributes: list[dict[str, int]]          # one per ATTRIBUTES entry
    cluster_paths: dict[str, str]             # syllable → cluster path
    labels: tuple[str, ...]
    dilations: tuple[int, ...]

    @classmethod
    def from_json(cls, info: dict[str, Any]) -> Vocabulary:
        return cls({w: i for i, w in enumerate(info["words"])}, {c: i for i, c in enumerate(info["chars"])},
                   [{c: i for i, c in enumerate(level)} for level in info["clusters"]],
                   [{v: i for i, v in enumerate(values)} for values in info["attributes"]],
                   info["cluster_paths"], tuple(info["labels"]), tuple(info["dilations"]))


def encode(vocab: Vocabulary, text: str, sylls: list[Syllable], word_spans: list[tuple[int, int]]) -> dict[str, np.ndarray]:
    """Integer inputs of one sequence: words (n), chars (n × MAX_CHARS), clusters (n × levels), attributes (n × k)."""
    lower = [s.text.casefold() for s in sylls]
    words = np.array([vocab.words.get(w, UNKNOWN) for w in lower], dtype=np.int64)
    chars = np.zeros((len(sylls), MAX_CHARS), dtype=np.int64)
    for i, s in enumerate(sylls):
        for j, c in enumerate(s.text[:MAX_CHARS]):
            chars[i, j] = vocab.chars.get(c, UNKNOWN)
    levels = len(vocab.clusters)
    clusters = np.zeros((len(sylls), levels), dtype=np.int64)
    for i, w in enumerate(lower):
        path = vocab.cluster_paths.get(w)
        if path is None:
            clusters[i] = UNKNOWN
            continue
        parts = path.split(".")
        for k in range(levels):
            clusters[i, k] = vocab.clusters[k].get(".".join(parts[:k + 1]), UNKNOWN)
    attrs = syllable_attributes(text, sylls, word_spans)
    attributes = np.array([[vocab.attributes[k].get(v, UNKNOWN) for k, v in enumerate(row)] for row in attrs],
                          dtype=np.int64).reshape(len(sylls), len(ATTRIBUTES))
    return {"words": words, "chars": chars, "clusters": clusters, "attributes": attributes}


def _conv(x: np.ndarray, weight: np.ndarray, bias: np.ndarray, dilation: int = 1) -> np.ndarray:
    """A 'same' 1-D convolution over the first axis: x (n × c_in), weight (c_out × c_in × width)."""
    width = weight.shape[2]
    pad = dilation * (width // 2)
    padded = np.pad(x, ((pad, pad), (0, 0)))
    n = x.shape[0]
    out = np.broadcast_to(bias, (n, weight.shape[0])).copy()
    for k in range(width):
        out += padded[k * dilation:k * dilation + n] @ weight[:, :, k].T
    return out


class CNNTagger:
    def __init__(self, path: Path) -> None:
        with np.load(path) as archive:
            self.w = {name: archive[name] for name in archive.files if name != "vocabulary"}
            self.vocab = Vocabulary.from_json(json.loads(bytes(archive["vocabulary"]).decode("utf-8")))

    def emissions(self, inputs: dict[str, np.ndarray]) -> np.ndarray:
        w = self.w
        n = inputs["words"].shape[0]
        chars = w["char_embedding.weight"][inputs["chars"]]                        # n × L × d
        flat = chars.reshape(n * MAX_CHARS, -1)
        conv = _conv_chars(flat, w["char_conv.weight"], w["char_conv.bias"], n)
        parts = [w["word_embedding.weight"][inputs["words"]], conv.max(axis=1)]
        parts += [w[f"cluster_embedding.{k}.weight"][inputs["clusters"][:, k]] for k in range(inputs["clusters"].shape[1])]
        parts += [w[f"attribute_embedding.{k}.weight"][inputs["attributes"][:, k]] for k in range(inputs["attributes"].shape[1])]
        h = np.maximum(np.concatenate(parts, axis=1) @ w["project.weight"].T + w["project.bias"], 0.0)
        for k, dilation in enumerate(self.vocab.dilations):
            h = h + np.maximum(_conv(h, w[f"layers.{k}.weight"], w[f"layers.{k}.bias"], dilation), 0.0)
        return h @ w["output.weight"].T + w["output.bias"]

    def tag(self, inputs: dict[str, np.ndarray]) -> tuple[list[str], np.ndarray]:
        scores = self.emissions(inputs)
        tags = viterbi(scores, self.w["transitions"], self.w["start"], self.w["end"])
        return [self.vocab.labels[t] for t in tags], marginals(scores, self.w["transitions"], self.w["start"], self.w["end"])


def _conv_chars(flat: np.ndarray, weight: np.ndarray, bias: np.ndarray, n: int) -> np.ndarray:
    """The character convolution of every syllable at once: flat ((n·L) × d) → n × L × c_out."""
    width = weight.shape[2]
    x = flat.reshape(n, MAX_CHARS, -1)
    pad = width // 2
    padded = np.pad(x, ((0, 0), (pad, pad), (0, 0)))
    out = np.broadcast_to(bias, (n, MAX_CHARS, weight.shape[0])).copy()
    for k in range(width):
        out += padded[:, k:k + MAX_CHARS] @ weight[:, :, k].T
    return out


def viterbi(scores: np.ndarray, transitions: np.ndarray, start: np.ndarray, end: np.ndarray) -> list[int]:
    n = scores.shape[0]
    best = start + scores[0]
    back = np.zeros((n, scores.shape[1]), dtype=np.int64)
    for i in range(1, n):
        candidates = best[:, None] + transitions                    # previous × next
        back[i] = candidates.argmax(axis=0)
        best = candidates.max(axis=0) + scores[i]
    best = best + end
    tags = [int(best.argmax())]
    for i in range(n - 1, 0, -1):
        tags.append(int(back[i, tags[-1]]))
    return tags[::-1]


def _logsumexp(x: np.ndarray, axis: int) -> np.ndarray:
    top = x.max(axis=axis, keepdims=True)
    return (top + np.log(np.exp(x - top).sum(axis=axis, keepdims=True))).squeeze(axis)


def marginals(scores: np.ndarray, transitions: np.ndarray, start: np.ndarray, end: np.ndarray) -> np.ndarray:
    """P(tag at i = t | sequence), by forward-backward in log space (n × tags)."""
    n, t = scores.shape
    alpha = np.zeros((n, t))
    beta = np.zeros((n, t))
    alpha[0] = start + scores[0]
    for i in range(1, n):
        alpha[i] = _logsumexp(alpha[i - 1][:, None] + transitions, axis=0) + scores[i]
    beta[n - 1] = end
    for i in range(n - 2, -1, -1):
        beta[i] = _logsumexp(transitions + (scores[i + 1] + beta[i + 1])[None, :], axis=1)
    log_z = _logsumexp(alpha[n - 1] + end, axis=0)
    return np.exp(alpha + beta - log_z)
