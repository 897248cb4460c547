"""The link scorer: a JSON logistic regression that runs without scikit-learn; the shipped files load
offline and keep what the rules keep when trained to add to them."""

from __future__ import annotations

import json
import math

from vnextract.extractor.assemble.scorer import RECORDS_MODEL_DIR, Scorer, shipped_scorer


def test_the_probability_is_the_logistic_of_the_weighted_features():
    scorer = Scorer({"rule": 2.0, "after:gap=, ": 0.5}, bias=-1.0, threshold=0.6)
    p = scorer.probability({"rule": 1.0, "after:gap=, ": 1.0, "unknown": 1.0})
    assert math.isclose(p, 1 / (1 + math.exp(-1.5)))
    assert scorer.accepts({"rule": 1.0, "after:gap=, ": 1.0}) and not scorer.accepts({"after:gap=, ": 1.0})


def test_keep_rules_adds_to_the_rules_and_never_drops_them():
    scorer = Scorer({"rule": -5.0, "w=cho": 4.0}, bias=0.0, threshold=0.9, keep_rules=True)
    assert scorer.accepts({"rule": 1.0}) and scorer.accepts({"w=cho": 1.0}) and not scorer.accepts({"w=là": 1.0})


def test_a_scorer_survives_its_json(tmp_path):
    scorer = Scorer({"a": 1.25, "b": -0.5}, bias=0.1, threshold=0.45, keep_rules=True)
    path = tmp_path / "official-links.json"
    path.write_text(json.dumps(scorer.to_json()), encoding="utf-8")
    loaded = shipped_scorer("official", str(tmp_path))
    assert loaded == scorer
    assert shipped_scorer("award", str(tmp_path)) is None          # no file: the rules decide


def test_the_shipped_scorers_load_and_name_known_features():
    for kind in ("official", "award"):
        path = RECORDS_MODEL_DIR / f"{kind}-links.json"
        scorer = shipped_scorer(kind)
        assert (scorer is None) == (not path.is_file())
        if scorer is not None:
            assert 0 < scorer.threshold <= 1.01 and any(name.startswith("dir=") for name in scorer.weights)
