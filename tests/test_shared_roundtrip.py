"""The text out is the text in (skipped without ../shared): every shared article, written as UTF-8,
UTF-8 with a BOM and UTF-16, comes back identical through every file path. Reading is checked on
every article (the decoder, the CLI's file reader, the batch's folder and archive readers); the
whole paths (CLI, HTTP upload, batch run) are checked end to end on a sample, since extraction
itself does not touch the text."""

from __future__ import annotations

import gzip
import json
import zipfile
from pathlib import Path

import pytest

from vnextract.extractor.batch.sources import iter_items
from vnextract.extractor.read import decode_bytes, read_bytes, read_path

ENCODINGS = {"utf8": "utf-8", "bom": "utf-8-sig", "utf16": "utf-16"}


@pytest.fixture(scope="module")
def articles(shared_dir) -> list[str]:
    corpus = shared_dir / "corpus"
    with gzip.open(corpus / "bench" / "baomoi-5k.jsonl.gz", "rt", encoding="utf-8") as handle:
        texts = [json.loads(line)["text"] for line in handle if line.strip()]
    for path in sorted((corpus / "articles").glob("*.jsonl")):
        texts += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(texts) > 5000
    return texts


@pytest.fixture(scope="module")
def folder(articles, tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("roundtrip")
    for k, text in enumerate(articles):
        for tag, encoding in ENCODINGS.items():
            (root / f"{k:05d}-{tag}.txt").write_bytes(text.encode(encoding))
    return root


def _index(name: str) -> int:
    return int(Path(name).name.split("-")[0])


def test_the_decoder_returns_every_article_as_given(articles):
    changed = [k for k, text in enumerate(articles) for encoding in ENCODINGS.values()
               if decode_bytes(text.encode(encoding)) != text]
    assert changed == []


def test_the_cli_file_reader_returns_every_article_as_given(articles, folder):
    changed = [p.name for p in sorted(folder.iterdir()) if read_path(p).text != articles[_index(p.name)]]
    assert changed == []


def test_the_batch_readers_return_every_article_as_given(articles, folder, tmp_path):
    archive = tmp_path / "luu-tru.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
        for path in sorted(folder.iterdir()):
            z.write(path, f"bai/{path.name}")
    seen, changed = 0, []
    for item in iter_items([folder, archive]):
        assert item.error is None, item.source
        seen += 1
        if read_bytes(item.data or b"", name=item.name).text != articles[_index(item.name)]:
            changed.append(item.source)
    assert seen == 2 * len(articles) * len(ENCODINGS) and changed == []


SAMPLE = 8     # articles per end-to-end path: the paths share the readers tested above on every article


def _sample(articles: list[str]) -> list[int]:
    step = len(articles) // SAMPLE
    return [k * step for k in range(SAMPLE)]


def test_cli_extract_keeps_the_text(articles, folder, tmp_path, capsys):
    from vnextract.cli import main

    paths = [str(folder / f"{k:05d}-{tag}.txt") for k in _sample(articles) for tag in ENCODINGS]
    out = tmp_path / "out.jsonl"
    assert main(["extract", *paths, "--out", str(out), "--model", "off"]) == 0
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [d["text"] for d in lines] == [articles[_index(p)] for p in paths]


def test_http_upload_keeps_the_text(articles):
    from fastapi.testclient import TestClient

    from vnextract.api.main import create_app
    from vnextract.api.settings import Settings

    with TestClient(create_app(Settings(api_keys=[], ner_model="off"))) as client:
        for k in _sample(articles):
            for tag, encoding in ENCODINGS.items():
                response = client.post("/v1/extract/file", files={"file": (f"{k}-{tag}.txt", articles[k].encode(encoding))})
                assert response.status_code == 200, response.text
                assert response.json()["text"] == articles[k], (k, tag)


def test_a_batch_run_keeps_the_text(articles, folder, tmp_path):
    from vnextract.extractor.batch import run_batch

    chosen = tmp_path / "chosen"
    chosen.mkdir()
    for k in _sample(articles):
        for tag in ENCODINGS:
            name = f"{k:05d}-{tag}.txt"
            (chosen / name).write_bytes((folder / name).read_bytes())
    out = tmp_path / "out.jsonl"
    run_batch([chosen], out, workers=1, progress=False)
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == SAMPLE * len(ENCODINGS)
    assert all(d["text"] == articles[_index(d["source"])] for d in lines)
