"""The neural tagger's numpy run time: its CRF layer decodes and gives marginals exactly (checked
against enumerating every tag sequence), and weights written as the trainer writes them load and
tag a sentence of our own through the same path as the CRF."""

from __future__ import annotations

import itertools
import json

import numpy as np
import pytest

from vnextract.extractor.models import cnn, crf
from vnextract.extractor.models.features import ATTRIBUTES, syllables


def _brute_force(scores, transitions, start, end):
    n, t = scores.shape
    totals = {}
    for seq in itertools.product(range(t), repeat=n):
        total = start[seq[0]] + scores[0, seq[0]] + end[seq[-1]]
        total += sum(transitions[seq[i - 1], seq[i]] + scores[i, seq[i]] for i in range(1, n))
        totals[seq] = total
    values = np.array(list(totals.values()))
    weights = np.exp(values - values.max())
    weights /= weights.sum()
    marginals = np.zeros((n, t))
    for seq, w in zip(totals, weights, strict=True):
        for i, tag in enumerate(seq):
            marginals[i, tag] += w
    return max(totals, key=totals.get), marginals


def test_viterbi_and_marginals_are_exact_on_small_sequences():
    rng = np.random.default_rng(13)
    for n in (1, 2, 4):
        scores, transitions = rng.normal(size=(n, 3)) * 2, rng.normal(size=(3, 3))
        start, end = rng.normal(size=3), rng.normal(size=3)
        best, marginals = _brute_force(scores, transitions, start, end)
        assert tuple(cnn.viterbi(scores, transitions, start, end)) == best
        assert cnn.marginals(scores, transitions, start, end) == pytest.approx(marginals, abs=1e-9)


def _tiny_weights(path, rng):
    labels = ["O", "B-PERSON", "I-PERSON", "B-ORGANIZATION", "I-ORGANIZATION"]
    vocabulary = {"words": ["<pad>", "<unknown>", "ông", "nguyễn", "văn", "an"], "chars": ["<pad>", "<unknown>", *"ôngNuyễvăAa"],
                  "clusters": [["<pad>", "<unknown>", "1"], ["<pad>", "<unknown>", "1.2"], ["<pad>", "<unknown>", "1.2.3"]],
                  "attributes": [["<pad>", "<unknown>", "Xx", "x", "True", "False"] for _ in ATTRIBUTES],
                  "cluster_paths": {"nguyễn": "1.2.3"}, "labels": labels, "dilations": [1, 2]}
    hidden, width = 6, 5 + 4 + 2 + 2 + 2 + 2 * len(ATTRIBUTES)
    arrays = {"word_embedding.weight": rng.normal(size=(6, 5)), "char_embedding.weight": rng.normal(size=(13, 3)),
              "char_conv.weight": rng.normal(size=(4, 3, 3)), "char_conv.bias": rng.normal(size=4),
              "project.weight": rng.normal(size=(hidden, width)), "project.bias": rng.normal(size=hidden),
              "output.weight": rng.normal(size=(5, hidden)), "output.bias": rng.normal(size=5),
              "transitions": rng.normal(size=(5, 5)), "start": rng.normal(size=5), "end": rng.normal(size=5)}
    for k in range(3):
        arrays[f"cluster_embedding.{k}.weight"] = rng.normal(size=(3, 2))
    for k in range(len(ATTRIBUTES)):
        arrays[f"attribute_embedding.{k}.weight"] = rng.normal(size=(6, 2))
    for k in range(2):
        arrays[f"layers.{k}.weight"] = rng.normal(size=(hidden, hidden, 3))
        arrays[f"layers.{k}.bias"] = rng.normal(size=hidden)
    arrays = {name: a.astype(np.float32) for name, a in arrays.items()}
    arrays["vocabulary"] = np.frombuffer(json.dumps(vocabulary).encode("utf-8"), dtype=np.uint8)
    np.savez_compressed(path, **arrays)


def test_weights_load_and_tag_through_the_model_interface(tmp_path):
    path = tmp_path / "tiny.npz"
    _tiny_weights(path, np.random.default_rng(7))
    crf.load_model.cache_clear()
    model = crf.load_model(str(path))
    assert model.kind == "cnn"
    text = "Ông Nguyễn Văn An phát biểu tại hội nghị."
    sylls = syllables(text)
    tagger = cnn.CNNTagger(path)
    inputs = cnn.encode(tagger.vocab, text, sylls, [])
    tags, marginals = tagger.tag(inputs)
    assert len(tags) == len(sylls) and marginals.sum(axis=1) == pytest.approx(np.ones(len(sylls)))
    assert inputs["clusters"][1].tolist() == [2, 2, 2] and inputs["words"][5] == cnn.UNKNOWN    # "phát": unknown
    spans = model.spans(text, sylls, [])
    assert all(0.0 <= s.p <= 1.0 and text[s.start:s.end].strip() for s in spans)


def test_broken_weights_are_a_clear_error(tmp_path):
    from vnextract.extractor.errors import ModelError

    path = tmp_path / "broken.npz"
    path.write_bytes(b"not numpy")
    crf.load_model.cache_clear()
    with pytest.raises(ModelError, match="cannot be loaded"):
        crf.load_model(str(path))
