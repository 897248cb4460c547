"""Every way in goes through `Extractor.pipe(..., on_error="report")`: a recogniser that raises on
one document (a bug, not bad input) costs that document only, in the batch runner and in the
service alike."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from vnextract.api.main import create_app
from vnextract.api.settings import Settings
from vnextract.extractor.batch import process, run_batch
from vnextract.extractor.recognise import REGISTRY
from vnextract.extractor.registry import Label, Recogniser

POISON = "Trạm Khí tượng Thủy văn Bạch Long Vĩ"           # the one document the toy recogniser chokes on


def _toy(doc):
    if POISON in doc.text:
        raise IndexError("list index out of range")        # the kind of bug issue 10 found in one recogniser
    return []


@pytest.fixture
def failing_recogniser():
    REGISTRY.register(Recogniser("TOY", _toy, Label("TOY", "a recogniser with a bug", "#cccccc")))
    process._extractor.cache_clear()                         # the batch's extractor is built with it
    try:
        yield
    finally:
        REGISTRY.unregister("TOY")
        process._extractor.cache_clear()


def _texts() -> list[str]:
    texts = [f"Ngày {n % 28 + 1}/4/2024, UBND tỉnh Hà Nam giao chỉ tiêu đạt {n},5% cho huyện Kim Bảng." for n in range(100)]
    texts[37] = f"Sáng 2/4/2024, {POISON} báo cáo lượng mưa đạt 96,2% trung bình nhiều năm."
    return texts


@pytest.mark.parametrize("workers", [1, 2])
def test_a_batch_of_100_with_one_failing_document_writes_99_and_one_error(failing_recogniser, tmp_path, workers):
    source = tmp_path / "tram.jsonl"
    source.write_text("\n".join(json.dumps({"id": f"t{n}", "text": t}, ensure_ascii=False)
                                for n, t in enumerate(_texts())), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    summary = run_batch([source], out, workers=workers, chunk_size=8, progress=False)
    documents = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    errors = [json.loads(line) for line in (tmp_path / "out.jsonl.errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [d["id"] for d in documents] == [f"t{n}" for n in range(100) if n != 37]
    assert len(errors) == 1 and errors[0]["key"].endswith("#id:t37") and errors[0]["code"] == "internal"
    assert "IndexError" in errors[0]["error"]
    assert (summary.ok, summary.failed) == (99, 1)


def test_the_service_batch_isolates_the_same_failure(failing_recogniser):
    with TestClient(create_app(Settings())) as client:
        texts = _texts()[30:40]
        results = client.post("/v1/extract/batch", json={"documents": [{"id": n, "text": t} for n, t in enumerate(texts)]})
        single = client.post("/v1/extract", json={"text": texts[7]})
    assert results.status_code == 200
    documents = results.json()["documents"]
    assert [d["id"] for d in documents] == [str(n) for n in range(10)]
    assert documents[7]["error"]["code"] == "internal" and all("entities" in d for i, d in enumerate(documents) if i != 7)
    assert single.status_code == 500 and single.json()["error"]["code"] == "internal"
