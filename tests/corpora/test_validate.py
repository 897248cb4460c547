"""The validator catches each rule of ANNOTATION.md and names the document and the position."""

from __future__ import annotations

import copy
import json

import pytest

from vnextract.corpora.validate import validate_document, validate_file

TEXT = "Sáng 13/12, Sở Y tế tỉnh Quảng Ninh tặng Bằng khen cho ông Lê Văn Hùng, đạt 95,2%."


def _span(sub: str) -> tuple[int, int]:
    start = TEXT.index(sub)
    return start, start + len(sub)


def _entity(label: str, sub: str, **attrs) -> dict:
    start, end = _span(sub)
    e = {"start": start, "end": end, "label": label, "text": sub}
    if attrs:
        e["attrs"] = attrs
    return e


GOOD = {
    "id": "v1",
    "text": TEXT,
    "entities": [
        _entity("DATE", "13/12", value="--12-13"),
        _entity("ORGANIZATION", "Sở Y tế tỉnh Quảng Ninh"),
        _entity("PROVINCE", "Quảng Ninh", name="Quảng Ninh"),
        _entity("AWARD", "Bằng khen", type="Bằng khen"),
        _entity("PERSON", "Lê Văn Hùng"),
        _entity("PERCENT", "95,2%", value=95.2),
    ],
    "records": [{"type": "award", "award": "Bằng khen", "recipients": ["Lê Văn Hùng"],
                 "issuer": "Sở Y tế tỉnh Quảng Ninh", "status": "granted"}],
}


def test_a_valid_document_has_no_findings():
    assert validate_document(GOOD) == []


def _broken(mutate) -> list[str]:
    doc = copy.deepcopy(GOOD)
    mutate(doc)
    return [str(f) for f in validate_document(doc) if f.level == "error"]


@pytest.mark.parametrize("mutate, expected", [
    (lambda d: d["entities"][4].update(end=len(TEXT) + 5), "outside the text"),
    (lambda d: d["entities"][4].update(text="Lê Văn Hưng"), "differs from text[start:end]"),
    (lambda d: d["entities"][4].update(start=d["entities"][4]["start"] - 1, text=" Lê Văn Hùng"),
     "begins with white space"),
    (lambda d: d["entities"][4].update(end=d["entities"][4]["end"] + 1, text="Lê Văn Hùng,"),
     "ends with white space or punctuation"),
    (lambda d: d["entities"].append(_entity("PROVINCE", "tỉnh Quảng Ninh")), "PROVINCE entities overlap"),
    (lambda d: d["entities"][0].update(label="TIME"), "unknown label"),
    (lambda d: d["entities"][5].update(attrs={"value": "95,2"}), "attrs.value must be a number"),
    (lambda d: d["entities"][0].update(attrs={"value": "13/12"}), "is not ISO 8601"),
    (lambda d: d["records"][0].update(status="given"), "'status' must be one of"),
    (lambda d: d["records"][0].update(recipients=[]), "'recipients' must be a non-empty list"),
    (lambda d: d["records"].append({"type": "official", "person": "Lê Văn Hùng", "titles": []}),
     "'titles' must be a non-empty list"),
])
def test_each_rule_is_caught(mutate, expected):
    errors = _broken(mutate)
    assert any(expected in e for e in errors), errors
    assert all(e.startswith("error: v1") for e in errors)


def test_findings_name_the_character_position():
    errors = _broken(lambda d: d["entities"][4].update(text="Lê Văn Hưng"))
    assert f"at char {TEXT.index('Lê Văn')}" in errors[0]


def test_record_text_that_is_no_entity_is_a_warning(tmp_path):
    doc = copy.deepcopy(GOOD)
    doc["records"][0]["recipients"] = ["Lê Văn Hùng"]
    doc["records"].append({"type": "official", "person": "Trần Văn Bình", "titles": ["Giám đốc"]})
    path = tmp_path / "docs.jsonl"
    path.write_text(json.dumps(doc, ensure_ascii=False) + "\n" + json.dumps(GOOD, ensure_ascii=False) + "\n",
                    encoding="utf-8")
    findings = validate_file(path)
    assert [f.level for f in findings if "Trần Văn Bình" in f.message] == ["warning"]
    assert any("appears twice" in f.message for f in findings)
