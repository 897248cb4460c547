"""Every converter round-trips the document format (what the format can hold)."""

from __future__ import annotations

import json

import pytest

from tests.corpora.test_validate import GOOD
from vnextract.corpora.convert.conll import from_conll, to_conll
from vnextract.corpora.convert.doccano import from_doccano, to_doccano
from vnextract.corpora.convert.io import read_format, write_format
from vnextract.corpora.convert.labelstudio import from_labelstudio, to_labelstudio
from vnextract.corpora.convert.spacy_docbin import from_docbin, to_docbin

NESTED = {
    "id": "n2",
    "text": "Công an TP.HCM và UBND tỉnh Bà Rịa - Vũng Tàu\nký kết quy chế  phối hợp ngày 5/1/2024.",
    "meta": {"date": "2024-01-05"},
    "entities": [],
    "records": [],
}
for label, sub in [("ORGANIZATION", "Công an TP.HCM"), ("PROVINCE", "TP.HCM"),
                   ("ORGANIZATION", "UBND tỉnh Bà Rịa - Vũng Tàu"), ("PROVINCE", "Bà Rịa - Vũng Tàu"),
                   ("DATE", "ngày 5/1/2024")]:
    start = NESTED["text"].index(sub)
    NESTED["entities"].append({"start": start, "end": start + len(sub), "label": label, "text": sub})
DOCS = [GOOD, NESTED]


def _key(doc: dict, *, attrs: bool) -> tuple:
    entities = sorted((e["start"], e["end"], e["label"], e["text"], json.dumps(e.get("attrs") if attrs else None))
                      for e in doc["entities"])
    return str(doc["id"]), doc["text"], doc.get("meta") or {}, entities, doc.get("records") or []


@pytest.mark.parametrize("name, there, back, keeps_attrs", [
    ("conll", lambda d: to_conll(d), from_conll, False),
    ("doccano", to_doccano, from_doccano, False),
    ("labelstudio", to_labelstudio, from_labelstudio, True),
    ("spacy", to_docbin, from_docbin, True),
])
def test_round_trip(name, there, back, keeps_attrs):
    again = back(there(DOCS))
    assert [_key(d, attrs=keeps_attrs) for d in again] == [_key(d, attrs=keeps_attrs) for d in DOCS]


def test_conll_writes_nesting_levels_and_exact_text():
    data = to_conll([NESTED])
    rows = [line.split("\t") for line in data.splitlines() if line and not line.startswith("#")]
    assert ["TP", "I-ORGANIZATION", "B-PROVINCE"] in rows
    assert '# text = "Công an TP.HCM và UBND tỉnh Bà Rịa - Vũng Tàu\\nký kết quy chế  phối hợp' in data


def test_spans_off_the_token_grid_are_reported_not_silently_dropped():
    odd = {"id": "x", "text": "Sở Y tếABC", "entities": [{"start": 0, "end": 7, "label": "ORGANIZATION",
                                                         "text": "Sở Y tế"}], "records": []}
    skipped: list[str] = []
    to_conll([odd], skipped)
    assert skipped and "not on token edges" in skipped[0]


@pytest.mark.parametrize("fmt, suffix", [("conll", ".conll"), ("doccano", ".jsonl"), ("labelstudio", ".json"),
                                         ("spacy", ".spacy"), ("documents", ".jsonl")])
def test_files_round_trip(tmp_path, fmt, suffix):
    path = tmp_path / f"out{suffix}"
    assert write_format(path, fmt, DOCS) == []
    assert [_key(d, attrs=False) for d in read_format(path, fmt)] == [_key(d, attrs=False) for d in DOCS]


def test_labelstudio_pre_annotations_are_predictions_and_the_config_is_shipped(tmp_path):
    from vnextract.corpora.convert.labelstudio import labelling_config

    tasks = to_labelstudio([NESTED])
    assert "annotations" not in tasks[0] and tasks[0]["predictions"][0]["model_version"] == "vnextract"
    values = {r["value"]["text"] for r in tasks[0]["predictions"][0]["result"]}
    assert {"TP.HCM", "Công an TP.HCM", "ngày 5/1/2024"} <= values
    assert "annotations" in to_labelstudio([NESTED], as_predictions=False)[0]
    path = tmp_path / "tasks.json"
    write_format(path, "labelstudio", DOCS)
    shipped = (tmp_path / "tasks.config.xml").read_text(encoding="utf-8")
    assert shipped == labelling_config()                          # the shipped file follows the labels
    assert '<Label value="LEGAL_REF" background="#c887fb"/>' in shipped and 'toName="text"' in shipped


def test_docbin_sets_non_overlapping_ents_and_trains_a_spacy_ner():
    import spacy
    from spacy.tokens import DocBin
    from spacy.training import Example

    nlp = spacy.blank("xx")
    docs = list(DocBin().from_bytes(to_docbin(DOCS)).get_docs(nlp.vocab))
    nested = docs[1]
    assert {(e.label_, e.text) for e in nested.ents} == {("ORGANIZATION", "Công an TP.HCM"),
                                                          ("ORGANIZATION", "UBND tỉnh Bà Rịa - Vũng Tàu"),
                                                          ("DATE", "ngày 5/1/2024")}
    assert len(nested.spans["sc"]) == 5                             # the nested provinces stay in the span group
    ner = nlp.add_pipe("ner")
    examples = [Example(nlp.make_doc(d.text), d) for d in docs]
    for label in {e.label_ for d in docs for e in d.ents}:
        ner.add_label(label)
    optimizer = nlp.initialize(lambda: examples)
    losses = nlp.update(examples, sgd=optimizer)
    assert losses["ner"] > 0
