"""The registry is the single source of truth: a recogniser registered at run time is seen end to
end (library, CLI, HTTP, schema, evaluation, page legend) without editing any other file; `labels`
means one thing whichever way a request comes in; any failure in one document is isolated."""

from __future__ import annotations

import gc
import json
import re

import pytest

from vnextract.cli import main
from vnextract.evaluation.metrics import evaluate
from vnextract.extractor import Extractor, FailedDocument
from vnextract.extractor.recognise import REGISTRY
from vnextract.extractor.registry import Label, Recogniser, Registry
from vnextract.extractor.schema import json_schema
from vnextract.extractor.types import Mention, SegmentedText

ARTICLE = ("Ngày 12/3/2024, UBND tỉnh Quảng Ninh cho biết tổng vốn đầu tư năm nay đạt 150 tỷ đồng, tăng 12,5% so "
           "với năm trước; ông Nguyễn Văn An, Giám đốc Sở Tài chính, đề nghị bổ sung 3,2 tỷ đồng cho Sở Y tế.")
_MONEY = re.compile(r"\d+(?:,\d+)?\s+(?:tỷ|triệu|nghìn)\s+đồng")


def find_money(doc: SegmentedText) -> list[Mention]:
    return [Mention("MONEY", m.start(), m.end(), m.group(0), explanation="money pattern")
            for m in _MONEY.finditer(doc.text)]


@pytest.fixture
def money():
    """A toy MONEY recogniser registered for one test, and taken out again after it."""
    REGISTRY.register(Recogniser("MONEY", find_money, Label("MONEY", "an amount of money in đồng", "#b5e48c")))
    yield
    REGISTRY.unregister("MONEY")


def _money(document: dict) -> list[str]:
    return [e["text"] for e in document["entities"] if e["label"] == "MONEY"]


def test_a_recogniser_registered_at_run_time_is_seen_by_the_library(money):
    document = Extractor().extract(ARTICLE)
    assert _money(document.to_dict()) == ["150 tỷ đồng", "3,2 tỷ đồng"]
    assert [e.text for e in Extractor(labels=["MONEY"]).extract(ARTICLE).entities] == ["150 tỷ đồng", "3,2 tỷ đồng"]
    assert "MONEY" in json_schema()["$defs"]["Entity"]["properties"]["label"]["enum"]
    gold = {"d": {"id": "d", "text": ARTICLE, "entities": [e.model_dump() for e in document.entities]}}
    report, _ = evaluate(gold, {"d": document.to_dict()})
    assert report["strict"]["MONEY"]["f1"] == 1.0


def test_a_recogniser_registered_at_run_time_is_seen_by_the_cli(money, tmp_path, capsys):
    article = tmp_path / "bai.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    assert main(["extract", str(article), "--labels", "MONEY"]) == 0
    assert _money(json.loads(capsys.readouterr().out)) == ["150 tỷ đồng", "3,2 tỷ đồng"]
    assert main(["schema"]) == 0
    assert "MONEY" in json.loads(capsys.readouterr().out)["$defs"]["Entity"]["properties"]["label"]["enum"]


def test_a_recogniser_registered_at_run_time_is_seen_by_the_service(money):
    from fastapi.testclient import TestClient

    from vnextract.api.main import create_app
    from vnextract.api.settings import Settings

    with TestClient(create_app(Settings())) as client:
        labels = client.get("/v1/labels").json()["labels"]
        assert {"label": "MONEY", "description": "an amount of money in đồng", "colour": "#b5e48c"} in labels
        response = client.post("/v1/extract", json={"text": ARTICLE, "labels": ["MONEY", "PERCENT"]})
        assert response.status_code == 200, response.text
        assert [e["label"] for e in response.json()["entities"]] == ["MONEY", "PERCENT", "MONEY"]
        schema = client.get("/v1/schema").json()
        assert "MONEY" in schema["$defs"]["Entity"]["properties"]["label"]["enum"]


def test_the_registry_refuses_what_would_silently_never_run():
    registry = Registry([Recogniser("PROVINCE", find_money, Label("PROVINCE", "x", "#000"))])
    with pytest.raises(ValueError, match="produces labels no entry declares"):
        registry.register(Recogniser("extra", find_money, produces=frozenset({"MONEY"})))
    with pytest.raises(ValueError, match="not registered before it"):
        registry.register(Recogniser("late", find_money, Label("MONEY", "x", "#000"), after=("model",)))
    with pytest.raises(ValueError, match="already declared"):
        registry.register(Recogniser("again", find_money, Label("PROVINCE", "x", "#000")))
    with pytest.raises(ValueError, match="unknown labels"):
        Extractor(labels=["MONEY"])


TEXTS = [
    ARTICLE,
    "Trường Đại học Nguyễn Tất Thành và Báo Nguyễn Văn Cừ đưa tin: ông Trần Văn Nam nhận Huân chương Hồ Chí Minh.",
    "Theo Quyết định số 28/2018/QĐ-TTg, bà Lê Thị Mai, Phó Chủ tịch UBND tỉnh Hà Nam, cho biết 98,5% hộ dân hài lòng.",
]


@pytest.mark.parametrize("labels", [["PERSON"], ["PROVINCE"], ["ORGANIZATION", "PERCENT"], ["LEGAL_REF", "DATE"]])
def test_the_same_request_gives_the_same_spans_whichever_way_it_comes_in(labels, extractor, tmp_path, capsys):
    from fastapi.testclient import TestClient

    from vnextract.api.main import create_app
    from vnextract.api.settings import Settings

    def spans(entities) -> list[tuple[str, int, int]]:
        return [(e["label"], e["start"], e["end"]) for e in entities]

    full = [spans(e.model_dump() for e in extractor.extract(text).entities if e.label in labels) for text in TEXTS]
    library = [spans(e.model_dump() for e in Extractor(labels=labels, records=[]).extract(text).entities)
               for text in TEXTS]
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(json.dumps({"id": str(k), "text": t}, ensure_ascii=False) for k, t in enumerate(TEXTS)),
                      encoding="utf-8")
    assert main(["extract", str(source), "--labels", ",".join(labels), "--no-records"]) == 0
    cli = [spans(json.loads(line)["entities"]) for line in capsys.readouterr().out.splitlines()]
    with TestClient(create_app(Settings())) as client:
        api = [spans(client.post("/v1/extract", json={"text": t, "labels": labels}).json()["entities"]) for t in TEXTS]
    assert library == cli == api == full
    assert any(full)


def test_a_failure_in_one_document_is_isolated_and_reported(extractor):
    def fragile(doc: SegmentedText) -> list[Mention]:
        if "hỏng" in doc.text:
            raise IndexError("a bug in a recogniser")
        return []

    registry = Registry([*REGISTRY])
    registry.register(Recogniser("FRAGILE", fragile, Label("FRAGILE", "fails on one document", "#000")))
    texts = [f"Văn bản số {k}: tỉnh Hà Nam đạt {k},5%." for k in range(100)]
    texts[37] = "Văn bản hỏng: tỉnh Hà Nam đạt 1,5%."
    results = list(Extractor(registry=registry).pipe(texts, on_error="report"))
    failed = [r for r in results if isinstance(r, FailedDocument)]
    assert len(results) == 100 and len(failed) == 1
    assert (failed[0].id, failed[0].error, failed[0].code) == ("37", "IndexError", "internal")
    assert [r.id for r in results if not isinstance(r, FailedDocument)] == [str(k) for k in range(100) if k != 37]
    with pytest.raises(IndexError):
        list(Extractor(registry=registry).pipe(texts[37:38]))


@pytest.mark.parametrize("item, message", [
    (5, "a document is a text or a mapping"),
    ({"text": 5}, "'text' must be a string"),
    ({"text": "Hà Nội", "meta": [1, 2]}, "'meta' must be a mapping"),
    ({"text": "Hà Nội", "id": {"a": 1}}, "'id' must be a string or an integer"),
    ({"text": "Hà\ud800Nội"}, "lone surrogate"),
    ({"text": "Hà Nội", "meta": {"source": "bad\udc80"}}, "'meta' is not a JSON object"),
    ({"text": "Hà Nội", "meta": {"score": float("nan")}}, "'meta' is not a JSON object"),
    ({"text": "Hà Nội", "meta": {"when": object()}}, "'meta' is not a JSON object"),
])
def test_foreign_input_is_the_projects_own_error(extractor, item, message):
    from vnextract.extractor.errors import InvalidInput

    [result] = list(extractor.pipe([item], on_error="report"))
    assert isinstance(result, FailedDocument) and result.code == "invalid_input" and message in result.reason
    if isinstance(item, dict) and isinstance(item.get("text"), str):
        with pytest.raises(InvalidInput, match=message):
            extractor.extract(item["text"], item.get("meta"), id=item.get("id"))


def test_an_integer_id_becomes_a_string(extractor):
    [document] = list(extractor.pipe([{"id": 5, "text": "Tỉnh Hà Nam đạt 98,4%."}]))
    assert document.id == "5"


@pytest.mark.parametrize("enabled", [True, False])
def test_extraction_leaves_the_garbage_collector_as_it_found_it(extractor, enabled):
    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        extractor.extract(ARTICLE)
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()
