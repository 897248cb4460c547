"""The `vnextract` command: extract, schema, evaluate, corpus validate/convert; clear errors."""

from __future__ import annotations

import json
import re

from tests.corpora.test_validate import GOOD
from vnextract.cli import main
from vnextract.corpora import SAMPLE_ARTICLE


def test_extract_a_text_file_prints_one_document(capsys):
    assert main(["extract", str(SAMPLE_ARTICLE)]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["text"] == SAMPLE_ARTICLE.read_text(encoding="utf-8")
    assert {"PROVINCE", "PERSON", "PERCENT", "AWARD"} <= {e["label"] for e in document["entities"]}
    assert any(r["type"] == "official" for r in document["records"])


def test_extract_jsonl_keeps_id_text_and_meta(tmp_path, capsys):
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(json.dumps(d, ensure_ascii=False) for d in [
        {"id": "x1", "text": "Tỉnh Hà Nam đạt 98,4%.", "meta": {"date": "2024-01-02"}},
        {"id": "x2", "text": "Ông Lê Văn Bình, Giám đốc Sở Y tế, phát biểu."},
    ]), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(source), "--out", str(out)]) == 0
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [d["id"] for d in lines] == ["x1", "x2"]
    assert lines[0]["meta"] == {"date": "2024-01-02"} and lines[0]["text"] == "Tỉnh Hà Nam đạt 98,4%."


def test_extract_reports_a_bad_file_and_goes_on(tmp_path, capsys):
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"PK")
    assert main(["extract", str(bad), str(SAMPLE_ARTICLE), "--format", "jsonl"]) == 1
    captured = capsys.readouterr()
    assert "bad.xlsx: unsupported file type" in captured.err
    assert len(captured.out.splitlines()) == 1


def test_schema_is_a_json_schema_of_the_document(capsys):
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["title"] == "Document" and {"text", "entities", "records"} <= set(schema["properties"])


def test_evaluate_json_and_markdown(tmp_path, capsys):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(GOOD, ensure_ascii=False) + "\n", encoding="utf-8")
    assert main(["evaluate", str(gold), "--pred", str(gold), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["strict"]["micro"]["f1"] == 1.0 and report["records"]["award"]["tp"] == 1
    assert main(["evaluate", str(gold), "--format", "markdown", "--errors", "3"]) == 0
    assert "| PERSON |" in capsys.readouterr().out


def test_corpus_validate_and_convert(tmp_path, capsys):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(GOOD, ensure_ascii=False) + "\n", encoding="utf-8")
    assert main(["corpus", "validate", str(gold)]) == 0
    broken = dict(GOOD, entities=[dict(GOOD["entities"][0], text="wrong")])
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(broken, ensure_ascii=False) + "\n", encoding="utf-8")
    assert main(["corpus", "validate", str(bad)]) == 1
    conll = tmp_path / "gold.conll"
    assert main(["corpus", "convert", str(gold), str(conll), "--to", "conll"]) == 0
    assert "B-PERSON" in conll.read_text(encoding="utf-8")


def test_missing_file_is_a_clear_error(capsys):
    assert main(["evaluate", "no/such/gold.jsonl", "--pred", "no/such/pred.jsonl"]) == 2
    assert "no such file" in capsys.readouterr().err


def test_extract_as_displacy_html(capsys):
    assert main(["extract", str(SAMPLE_ARTICLE), "--format", "html"]) == 0
    html = capsys.readouterr().out
    assert html.startswith("<!DOCTYPE html>") and "PROVINCE" in html and "PERSON" in html
    assert re.search(r">\s*Ninh\s*<", html)


def test_to_spacy_keeps_nested_entities_on_their_offsets():
    from vnextract.extractor import Extractor
    from vnextract.extractor.spacy_doc import SPAN_KEY, to_spacy

    document = Extractor().extract("Sở Y tế tỉnh Quảng Ninh đạt 95,2%.")
    doc = to_spacy(document)
    spans = {(s.label_, s.text, s.start_char) for s in doc.spans[SPAN_KEY]}
    assert {("ORGANIZATION", "Sở Y tế tỉnh Quảng Ninh", 0), ("PROVINCE", "Quảng Ninh", 13),
            ("PERCENT", "95,2%", 28)} <= spans


def test_json_over_many_documents_is_one_array(tmp_path, capsys):
    second = tmp_path / "b.txt"
    second.write_text("Ông Lê Văn Bình, Giám đốc Sở Y tế tỉnh Quảng Trị, phát biểu.", encoding="utf-8")
    assert main(["extract", str(SAMPLE_ARTICLE), str(second), "--format", "json"]) == 0
    documents = json.loads(capsys.readouterr().out)
    assert isinstance(documents, list) and len(documents) == 2 and documents[1]["text"].startswith("Ông Lê Văn Bình")


def test_html_keeps_the_spaces_between_words(capsys):
    import re

    assert main(["extract", str(SAMPLE_ARTICLE), "--format", "html"]) == 0
    visible = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", capsys.readouterr().out))
    assert "Ninh Bình" in visible.replace(" PROVINCE ", " ") and "NinhPROVINCE" not in visible


def test_extract_with_the_model_limited_to_persons(tmp_path, capsys):
    source = tmp_path / "note.txt"
    source.write_text("Chiều nay, ông Trần Quốc Vượng làm việc với Tổng công ty Sông Đà về dự án mở rộng nhà máy.",
                      encoding="utf-8")
    assert main(["extract", str(source), "--explain", "--no-records", "--model-labels", "PERSON"]) == 0
    entities = json.loads(capsys.readouterr().out)["entities"]
    assert not [e for e in entities if e["label"] == "ORGANIZATION" and e["explanation"].startswith("crf")]
    assert main(["extract", str(source), "--explain", "--no-records"]) == 0
    assert {e["explanation"][:4] for e in json.loads(capsys.readouterr().out)["entities"]} >= {"crf "}
