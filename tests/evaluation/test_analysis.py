"""Error analysis classes each error once and shows its context."""

from __future__ import annotations

from tests.evaluation.test_metrics import ORG, PERCENT, PERSON, PROVINCE, doc, ent
from vnextract.evaluation.analysis import summarise_errors
from vnextract.evaluation.metrics import evaluate


def test_errors_are_classed_and_the_confusion_table_counts_overlaps():
    gold = doc([PERSON, ORG, PROVINCE, PERCENT], [{"type": "official", "person": "Trần Gia Long",
                                                  "titles": ["Giám đốc Sở Thông tin và Truyền thông"]}])
    pred = doc([ent("PERSON", 14, 22),                      # boundary
                {**PROVINCE, "label": "ORGANIZATION"},       # wrong label for the province, boundary for the org
                ent("PERCENT", 0, 8)],                       # spurious, and the gold percent is missed
               [{"type": "official", "person": "Trần Gia Long", "titles": ["Chủ tịch"]}])
    _, matches = evaluate({"d1": gold}, {"d1": pred})
    summary = summarise_errors(matches, 10)
    kinds = {(e["label"], e["type"]) for labels in summary["entities"].values() for e in labels}
    assert ("PERSON", "boundary") in kinds
    assert ("PROVINCE", "wrong label") in kinds
    assert ("PERCENT", "missed") in kinds and ("PERCENT", "spurious") in kinds
    assert ("ORGANIZATION", "boundary") in kinds
    assert {"gold": "PROVINCE", "pred": "ORGANIZATION", "count": 1} in summary["confusion"]
    missed = summary["records"]["official"]["missed"][0]["pair"]
    assert missed == ["trần gia long", "giám đốc sở thông tin và truyền thông"]
    boundary = next(e for e in summary["entities"]["PERSON"] if e["type"] == "boundary")
    assert "⟦Trần Gia Long⟧" in boundary["context"]
