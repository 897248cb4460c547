"""`vnextract evaluate --vlsp-part`: one part of the VLSP split the models are selected on, scored on
its outermost PERSON and ORGANIZATION spans, without the figures VLSP cannot have."""

from __future__ import annotations

import json

from vnextract.evaluation.command import run_evaluate
from vnextract.models.data import vlsp_part

TEXT = "Ông Lê Văn Tám, Giám đốc Sở Y tế tỉnh Nam Định, làm việc với Công ty Cổ phần Dược Minh Châu."


def _ids(part: str, count: int) -> list[str]:
    ids = [f"doc-{k}" for k in range(400) if vlsp_part(f"doc-{k}") == part]
    return ids[:count]


def _vlsp_file(tmp_path, ids_by_part: dict[str, list[str]]):
    def span(sub: str, label: str, depth: int = 0) -> dict:
        start = TEXT.index(sub)
        return {"start": start, "end": start + len(sub), "label": label, "depth": depth, "text": sub}

    entities = [span("Lê Văn Tám", "PERSON"), span("Sở Y tế tỉnh Nam Định", "ORGANIZATION"),
                span("Nam Định", "LOCATION", 1), span("Công ty Cổ phần Dược Minh Châu", "ORGANIZATION")]
    path = tmp_path / "mini-vlsp2018.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for ids in ids_by_part.values():
            for doc_id in ids:
                out.write(json.dumps({"id": doc_id, "text": TEXT, "entities": entities}, ensure_ascii=False) + "\n")
    return path


def test_only_the_part_asked_for_is_scored_on_persons_and_organisations(tmp_path):
    ids = {"test": _ids("test", 2), "validation": _ids("validation", 3), "train": _ids("train", 4)}
    path = _vlsp_file(tmp_path, ids)
    report = json.loads(run_evaluate(path, output_format="json", vlsp_part="test"))
    assert report["docs"] == 2
    assert set(report["strict"]) == {"PERSON", "ORGANIZATION", "micro"}
    assert report["strict"]["PERSON"]["gold"] == 2 and report["strict"]["ORGANIZATION"]["gold"] == 4
    assert "mission_score" not in report and "records" not in report
    assert "VLSP test part" in report["source"]
    assert json.loads(run_evaluate(path, output_format="json", vlsp_part="validation"))["docs"] == 3


def test_the_table_leaves_out_mission_score_and_records(tmp_path):
    path = _vlsp_file(tmp_path, {"test": _ids("test", 1)})
    table = run_evaluate(path, vlsp_part="test")
    assert "PERSON" in table and "mission score" not in table and "records official" not in table
