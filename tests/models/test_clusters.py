"""Word clusters for the CRF (training time; skipped where gensim or scikit-learn is not installed)."""

from __future__ import annotations

import json

import pytest

from vnextract.models import clusters

pytest.importorskip("gensim")
pytest.importorskip("sklearn")


def test_clusters_give_every_frequent_syllable_a_three_level_path_and_skip_excluded_documents(tmp_path):
    kept = {"id": "a", "text": "Sáng nay tỉnh tổ chức hội nghị tổng kết công tác thi đua khen thưởng năm 2024."}
    secret = {"id": "b", "text": "Đây là một văn bản không được dùng để học các cụm từ."}
    raw = tmp_path / "raw.jsonl"
    raw.write_text("\n".join(json.dumps(d, ensure_ascii=False) for d in [kept, secret] * 4) + "\n", encoding="utf-8")
    sentences = list(clusters.raw_sentences([raw], exclude=[secret]))
    assert sentences and all("văn" not in s and "bản" not in s for s in sentences)
    out = tmp_path / "clusters.tsv"
    info = clusters.train_clusters(sentences, out, min_count=2, epochs=2)
    table = dict(line.split("\t") for line in out.read_text(encoding="utf-8").splitlines())
    assert info["syllables"] == len(table) and "hội" in table and "văn" not in table
    assert all(len(path.split(".")) == 3 for path in table.values())
