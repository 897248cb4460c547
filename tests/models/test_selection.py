"""Honest model selection: cross-validation tags every document with a model that never saw it,
the report says where its figures come from, and the combination's calibration is monotone."""

from __future__ import annotations

import json

import pytest

from vnextract.corpora import GOLD_DIR
from vnextract.evaluation.command import run_evaluate
from vnextract.extractor.models import crf
from vnextract.models import data, selection, training


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    """Six documents of the repository's own gold set, and a small model trained on them."""
    folder = tmp_path_factory.mktemp("cv")
    lines = (GOLD_DIR / "train.jsonl").read_text(encoding="utf-8").splitlines()[:6]
    gold = folder / "gold.jsonl"
    gold.write_text("\n".join(lines) + "\n", encoding="utf-8")
    base = folder / "base.bin"
    training.train([json.loads(line) for line in lines], base, iterations=10)
    card = training.read_card(base)
    training.write_card(base, card | {"combination": {"floor": 0.4, "override": 0.95, "reads": "gaps"}})
    return gold, base, folder


def test_cross_validation_tags_each_document_with_a_model_that_never_saw_it(tiny, capfd):
    gold, base, folder = tiny
    work = folder / "folds"
    report = json.loads(run_evaluate(gold, output_format="json", model=str(base), folds=2, cv_dir=work))
    capfd.readouterr()
    assert "2-fold cross-validation" in report["source"] and str(gold) in report["source"]
    assert report["docs"] == 6 and report["missing_predictions"] == 0
    held = [set(training.read_card(work / f"fold-{k}.bin")["held_out"]) for k in range(2)]
    ids = {json.loads(line)["id"] for line in gold.read_text(encoding="utf-8").splitlines()}
    assert held[0] | held[1] == ids and not held[0] & held[1]
    for k in range(2):
        card = training.read_card(work / f"fold-{k}.bin")
        assert card["train_documents"] == len(ids - held[k])           # trained on the other fold only
        assert card["combination"] == training.read_card(base)["combination"]
        assert all(data.fold_of(i, 2) == k for i in held[k])


def test_the_report_names_its_data(tiny):
    gold = tiny[0]
    table = run_evaluate(gold, model="off")
    assert f"gold: {gold} (6 documents)" in table and "rules only" in table
    with pytest.raises(ValueError, match="cannot be off"):
        run_evaluate(gold, model="off", folds=2)


def test_calibration_is_monotone_and_kept_within_its_points():
    calibration = crf.Calibration(raw=(0.3, 0.6, 0.9, 1.0), calibrated=(0.1, 0.4, 0.8, 0.97))
    values = [calibration(p / 100) for p in range(0, 101)]
    assert values == sorted(values)
    assert calibration(0.0) == 0.1 and calibration(1.0) == 0.97 and calibration(0.75) == pytest.approx(0.6)
    assert selection.grid() and all(c.override >= c.floor for c in selection.grid())
