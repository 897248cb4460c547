"""The shipped gold corpus: compiled from its sources, valid, big enough, every label present."""

from __future__ import annotations

import json

from vnextract.corpora import GOLD_DIR
from vnextract.corpora.build import SPLITS, build, parse_markup
from vnextract.corpora.validate import validate_file
from vnextract.extractor.recognise import REGISTRY


def _load(split: str) -> list[dict]:
    return [json.loads(line) for line in (GOLD_DIR / f"{split}.jsonl").read_text(encoding="utf-8").splitlines()]


def test_committed_files_are_what_the_sources_compile_to():
    built = build()
    for split in SPLITS:
        assert _load(split) == built[split], f"run `python -m corpora.build`: {split} is stale"


def test_every_split_validates():
    for split in SPLITS:
        assert [str(f) for f in validate_file(GOLD_DIR / f"{split}.jsonl") if f.level == "error"] == []


def test_size_and_coverage():
    docs = [d for split in SPLITS for d in _load(split)]
    assert len(docs) >= 30
    assert sum(len(d["text"]) for d in docs) >= 25_000
    assert sum(len(d["entities"]) for d in docs) >= 600
    assert sum(len(d["records"]) for d in docs) >= 40
    for split in SPLITS:
        assert {e["label"] for d in _load(split) for e in d["entities"]} == set(REGISTRY.label_names())
    assert len({d["id"] for d in docs}) == len(docs)


def test_markup_nests_and_computes_attributes():
    text, entities = parse_markup("[Sở Y tế tỉnh [Thừa Thiên-Huế]{PRO}]{ORG} đạt [91,6%]{PCT}; \\[ghi chú\\]", "t")
    assert text == "Sở Y tế tỉnh Thừa Thiên-Huế đạt 91,6%; [ghi chú]"
    org, province, percent = entities
    assert (org["label"], org["text"]) == ("ORGANIZATION", "Sở Y tế tỉnh Thừa Thiên-Huế")
    assert province["attrs"] == {"name": "Thừa Thiên Huế"} and percent["attrs"] == {"value": 91.6}
