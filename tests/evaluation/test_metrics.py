"""The scorer against hand-computed cases (ANNOTATION.md, Scoring)."""

from __future__ import annotations

import pytest

from vnextract.evaluation.metrics import evaluate

TEXT = "Đồng chí Trần Gia Long, Giám đốc Sở Thông tin và Truyền thông tỉnh Vĩnh Phúc, đạt 91,6%."


def ent(label: str, start: int, end: int, **attrs) -> dict:
    e = {"label": label, "start": start, "end": end, "text": TEXT[start:end]}
    if attrs:
        e["attrs"] = attrs
    return e


PERSON = ent("PERSON", 9, 22)                       # Trần Gia Long
ORG = ent("ORGANIZATION", 33, 76)                   # Sở … tỉnh Vĩnh Phúc
PROVINCE = ent("PROVINCE", 67, 76, name="Vĩnh Phúc")
PERCENT = ent("PERCENT", 82, 87, value=91.6)


def doc(entities, records=(), doc_id="d1") -> dict:
    return {"id": doc_id, "text": TEXT, "entities": list(entities), "records": list(records)}


def score(gold_docs, pred_docs, **kw):
    report, _ = evaluate({d["id"]: d for d in gold_docs}, {d["id"]: d for d in pred_docs}, **kw)
    return report


def test_offsets_used_in_this_file_are_right():
    assert PERSON["text"] == "Trần Gia Long"
    assert ORG["text"] == "Sở Thông tin và Truyền thông tỉnh Vĩnh Phúc"
    assert PROVINCE["text"] == "Vĩnh Phúc" and PERCENT["text"] == "91,6%"


def test_perfect_prediction_scores_one_everywhere():
    gold = doc([PERSON, ORG, PROVINCE, PERCENT])
    report = score([gold], [gold])
    for label in ("PERSON", "ORGANIZATION", "PROVINCE", "PERCENT"):
        assert report["strict"][label]["f1"] == 1.0
        assert report["partial"][label]["f1"] == 1.0
    assert report["strict"]["micro"] == {"p": 1.0, "r": 1.0, "f1": 1.0, "tp": 4, "pred": 4, "gold": 4}
    assert report["attrs"] == {"PERCENT": 1.0, "PROVINCE": 1.0}
    assert report["missing_predictions"] == 0


def test_empty_prediction_scores_zero_recall_and_zero_precision():
    report = score([doc([PERSON, PERCENT])], [doc([])])
    assert report["strict"]["PERSON"] == {"p": 0.0, "r": 0.0, "f1": 0.0, "tp": 0, "pred": 0, "gold": 1}
    assert report["strict"]["micro"]["gold"] == 2
    assert report["mission_score"] == 0.0


def test_boundary_error_is_partial_but_not_strict():
    shorter = ent("PERSON", 14, 22)                 # "Gia Long"
    report = score([doc([PERSON])], [doc([shorter])])
    assert report["strict"]["PERSON"]["tp"] == 0
    assert report["partial"]["PERSON"]["tp"] == 1
    assert report["partial"]["PERSON"]["f1"] == 1.0


def test_wrong_label_on_the_same_span_matches_nothing():
    report = score([doc([PROVINCE])], [doc([{**PROVINCE, "label": "PERSON"}])])
    assert report["strict"]["PROVINCE"]["r"] == 0.0
    assert report["strict"]["PERSON"]["p"] == 0.0
    assert report["partial"]["PROVINCE"]["tp"] == 0


def test_nested_spans_of_different_labels_are_scored_independently():
    gold = doc([ORG, PROVINCE])
    only_outer = score([gold], [doc([ORG])])
    assert only_outer["strict"]["ORGANIZATION"]["f1"] == 1.0
    assert only_outer["strict"]["PROVINCE"]["r"] == 0.0
    assert only_outer["strict"]["micro"] == {"p": 1.0, "r": 0.5, "f1": 0.6667, "tp": 1, "pred": 1, "gold": 2}


def test_each_entity_is_used_once_in_partial_matching():
    # one gold span, two overlapping predictions: one true positive, one false positive
    report = score([doc([PERSON])], [doc([ent("PERSON", 9, 13), ent("PERSON", 14, 22)])])
    assert report["partial"]["PERSON"] == {"p": 0.5, "r": 1.0, "f1": 0.6667, "tp": 1, "pred": 2, "gold": 1}


def test_attribute_accuracy_compares_floats_to_a_hundredth():
    close = ent("PERCENT", 82, 87, value=91.605)
    far = ent("PERCENT", 82, 87, value=91.0)
    assert score([doc([PERCENT])], [doc([close])])["attrs"]["PERCENT"] == 1.0
    assert score([doc([PERCENT])], [doc([far])])["attrs"]["PERCENT"] == 0.0


def test_mission_score_is_the_mean_of_four_strict_f1():
    gold = doc([PERSON, PROVINCE, PERCENT, ORG])
    pred = doc([PERSON, PROVINCE])                   # PERSON 1, PROVINCE 1, PERCENT 0, AWARD 0
    assert score([gold], [pred])["mission_score"] == 0.5


def test_missing_documents_predict_nothing_and_are_counted():
    gold = [doc([PERSON], doc_id="a"), doc([PERSON], doc_id="b")]
    report = score(gold, [doc([PERSON], doc_id="a")])
    assert report["docs"] == 2 and report["missing_predictions"] == 1
    assert report["strict"]["PERSON"] == {"p": 1.0, "r": 0.5, "f1": 0.6667, "tp": 1, "pred": 1, "gold": 2}


def test_official_pairs_match_by_whole_word_person_and_title_containment():
    gold = doc([], [{"type": "official", "person": "Nguyễn Văn Công",
                     "titles": ["Giám đốc Sở Thông tin và Truyền thông tỉnh Vĩnh Phúc", "Tỉnh ủy viên"]}])
    pred = doc([], [{"type": "official", "person": "Công", "titles": ["giám đốc sở thông tin và truyền thông"]},
                    {"type": "official", "person": "Văn Cô", "titles": ["Tỉnh ủy viên"]}])
    records = score([gold], [pred])["records"]["official"]
    assert records == {"p": 0.5, "r": 0.5, "f1": 0.5, "tp": 1, "pred": 2, "gold": 2}


def test_award_pairs_match_with_classes_written_as_words():
    gold = doc([], [{"type": "award", "award": "Huân chương Lao động hạng Ba",
                     "recipients": ["Sở Y tế tỉnh Quảng Ninh", "Vĩnh Phúc"], "issuer": None, "status": "granted"}])
    pred = doc([], [{"type": "award", "award": "Huân chương Lao động hạng III",
                     "recipients": ["Sở Y tế", "Bắc Ninh"], "issuer": None, "status": "granted"}])
    records = score([gold], [pred])["records"]["award"]
    assert records == {"p": 0.5, "r": 0.5, "f1": 0.5, "tp": 1, "pred": 2, "gold": 2}


@pytest.mark.parametrize("written, other, matches", [
    ("Huân chương Độc lập hạng 1", "huân chương độc lập hạng nhất", True),
    ("Huân chương Độc lập hạng II", "Huân chương Độc lập hạng Hai", True),
    ("Huân chương Độc lập hạng III", "Huân chương Độc lập hạng Nhì", False),
])
def test_class_spellings(written, other, matches):
    make = lambda award: doc([], [{"type": "award", "award": award, "recipients": ["Viện 78"],  # noqa: E731
                                   "issuer": None, "status": "granted"}])
    assert (score([make(written)], [make(other)])["records"]["award"]["tp"] == 1) is matches


def test_labels_filter_restricts_every_section():
    report = score([doc([PERSON, PERCENT])], [doc([PERSON])], labels=["PERSON"])
    assert set(report["strict"]) == {"PERSON", "micro"}
    assert report["strict"]["micro"]["f1"] == 1.0


def test_repeated_conferrals_are_counted_and_cost_precision():
    from vnextract.evaluation.metrics import duplicate_conferrals

    award = {"type": "award", "award": "Huân chương Lao động hạng Nhất", "recipients": ["Sở Y tế tỉnh Vĩnh Phúc"],
             "issuer": "Chủ tịch nước", "status": "granted"}
    repeated = dict(award, award="Huân chương lao động hạng I")          # the same conferral, written otherwise
    other_issuer = dict(award, award="Bằng khen", issuer="Thủ tướng Chính phủ")
    same_award_other_issuer = dict(other_issuer, issuer="Bộ Y tế")
    assert duplicate_conferrals([award, repeated]) == 1
    assert duplicate_conferrals([award, other_issuer, same_award_other_issuer]) == 0
    gold = {"d": {"text": TEXT, "entities": [], "records": [award]}}
    report, _ = evaluate(gold, {"d": {"entities": [], "records": [award, repeated]}})
    assert report["records"]["award"]["p"] == 0.5 and report["duplicate_conferrals"]["pred"] == 1
