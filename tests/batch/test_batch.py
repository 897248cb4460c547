"""Batch processing: mixed inputs and hostile archives, resume after a kill, determinism across
workers and engines, Parquet tables that DuckDB reads."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import tarfile
import time
import zipfile
from pathlib import Path

import pytest

from tests.helpers.documents import make_docx, make_pdf, to_cp1258
from vnextract.extractor.batch import run_batch
from vnextract.extractor.batch.sources import MAX_MEMBER_BYTES, iter_items

SENTENCES = [
    "Sáng 18/12, UBND tỉnh Ninh Bình tổ chức hội nghị; tỷ lệ hộ nghèo giảm còn 1,75%.",
    "Ông Lê Văn Bình, Giám đốc Sở Y tế tỉnh Quảng Trị, cho biết ngành đạt 95% chỉ tiêu.",
    "Bộ Y tế tặng Bằng khen cho Sở Y tế tỉnh Nam Định theo Quyết định số 15/QĐ-BYT.",
    "Tỉnh Hà Nam và tỉnh Thái Bình ký kết quy chế phối hợp ngày 5/1/2024.",
]


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    root = tmp_path / "in"
    (root / "nam-2024" / "quy-4").mkdir(parents=True)
    (root / "a.txt").write_text(SENTENCES[0], encoding="utf-8")
    (root / "nam-2024" / "b.html").write_text(f"<html><body><p>{SENTENCES[1]}</p></body></html>", encoding="utf-8")
    (root / "nam-2024" / "quy-4" / "c.docx").write_bytes(make_docx([SENTENCES[2]]))
    (root / "nam-2024" / "quy-4" / "d-1258.txt").write_bytes(to_cp1258(SENTENCES[3]))
    (root / "ignored.png").write_bytes(b"\x89PNG")
    with zipfile.ZipFile(root / "luu-tru.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("bao-cao/e.pdf", make_pdf([SENTENCES[0]]))
        archive.writestr("../../etc/passwd.txt", "x")                     # zip-slip
        archive.writestr("/tmp/tuyet-doi.txt", "x")                       # absolute path
        archive.writestr("hong.pdf", b"%PDF-1.4 broken")                  # corrupt member
        archive.writestr("bom.txt", b"a" * (MAX_MEMBER_BYTES + 1))        # over the size limit
        link = zipfile.ZipInfo("lien-ket.txt")
        link.external_attr = (0o120777 << 16)
        archive.writestr(link, "/etc/shadow")                             # symbolic link
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        data = SENTENCES[1].encode("utf-8")
        info = tarfile.TarInfo("f.txt")
        info.size = len(data)
        archive.addfile(info, io.BytesIO(data))
        sym = tarfile.TarInfo("g.txt")
        sym.type, sym.linkname = tarfile.SYMTYPE, "/etc/passwd"
        archive.addfile(sym)
    (root / "luu-tru.tar.gz").write_bytes(buffer.getvalue())
    (root / "hong.zip").write_bytes(b"PK\x03\x04 not really")
    (root / "docs.jsonl").write_text("\n".join([json.dumps({"id": "j1", "text": SENTENCES[2], "meta": {"date": "2024-02-01"}},
                                                           ensure_ascii=False), "{broken json",
                                                json.dumps({"id": "j2", "text": "   "})]), encoding="utf-8")
    return root


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_mixed_inputs_hostile_archives_and_corrupt_members(inputs, tmp_path):
    out = tmp_path / "out.jsonl"
    summary = run_batch([inputs], out, progress=False)
    documents = _lines(out)
    errors = {Path(e["source"].split("!")[-1].split("#")[0]).name: e["error"]
              for e in _lines(tmp_path / "out.jsonl.errors.jsonl")}
    sources = [d["source"] for d in documents]
    assert any(s.endswith("nam-2024/quy-4/c.docx") for s in sources)          # nested folders are walked
    assert any(s.endswith("luu-tru.zip!bao-cao/e.pdf") for s in sources)
    assert any(s.endswith("luu-tru.tar.gz!f.txt") for s in sources)
    assert any(d["id"] == "j1" and d["meta"] == {"date": "2024-02-01"} for d in documents)
    assert "escapes the archive" in errors["passwd.txt"] and "absolute path" in errors["tuyet-doi.txt"]
    assert "symbolic link" in errors["lien-ket.txt"] and "link" in errors["g.txt"]
    assert "archive bomb" in errors["bom.txt"] and "not a readable PDF" in errors["hong.pdf"]
    assert "not a readable zip" in errors["hong.zip"] and "has no text" in errors["docs.jsonl"]
    assert sum("bad JSON" in e for e in errors.values()) + sum(1 for e in _lines(tmp_path / "out.jsonl.errors.jsonl")
                                                                if "bad JSON" in e["error"]) >= 1
    assert summary.ok == len(documents) == 7 and summary.failed == len(_lines(tmp_path / "out.jsonl.errors.jsonl"))
    for d in documents:
        for e in d["entities"]:
            assert d["text"][e["start"]:e["end"]] == e["text"]


def test_output_is_identical_with_one_and_two_workers(inputs, tmp_path):
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    run_batch([inputs], one, workers=1, progress=False)
    run_batch([inputs], two, workers=2, chunk_size=2, progress=False)
    assert one.read_bytes() == two.read_bytes()


def test_dask_engine_on_a_local_cluster_gives_the_same_output(inputs, tmp_path):
    pytest.importorskip("dask.distributed")
    local, dask_out = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
    run_batch([inputs], local, progress=False)
    run_batch([inputs], dask_out, engine="dask", workers=2, chunk_size=3, progress=False)
    assert local.read_bytes() == dask_out.read_bytes()


def test_resume_after_a_kill_completes_without_duplicates(tmp_path):
    source = tmp_path / "many.jsonl"
    # enough documents that the kill lands part-way even on a fast machine
    texts = [f"Ngày {d % 28 + 1}/5/2024, UBND tỉnh Hà Nam tặng Bằng khen cho ông Nguyễn Văn An; đạt {d},5%."
             for d in range(600)]
    source.write_text("\n".join(json.dumps({"id": f"n{i}", "text": t}, ensure_ascii=False) for i, t in enumerate(texts)),
                      encoding="utf-8")
    out = tmp_path / "out.jsonl"
    command = [sys.executable, "-m", "vnextract", "batch", str(source), "--out", str(out), "--quiet"]
    process = subprocess.Popen(command, cwd=Path(__file__).resolve().parents[2], start_new_session=True)
    deadline = time.time() + 120
    while time.time() < deadline and (not out.exists() or len(out.read_bytes().splitlines()) < 3):
        time.sleep(0.01)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    partial = len(_lines(out))
    assert 3 <= partial < len(texts), "the run should have been killed part-way"
    with out.open("ab") as handle:
        handle.write(b'{"id": "half a li')                                 # as if killed mid-write
    summary = run_batch([source], out, resume=True, progress=False)
    documents = _lines(out)
    assert [d["id"] for d in documents] == [f"n{i}" for i in range(len(texts))]
    assert summary.skipped == partial and summary.ok == len(texts) - partial
    clean = tmp_path / "clean.jsonl"
    run_batch([source], clean, progress=False)
    assert clean.read_bytes() == out.read_bytes()


def test_parquet_tables_are_readable_by_duckdb(inputs, tmp_path):
    duckdb = pytest.importorskip("duckdb")
    out = tmp_path / "tables"
    run_batch([inputs], out, fmt="parquet", progress=False)
    con = duckdb.connect()
    columns = {name: {r[0]: r[1] for r in con.execute(f"DESCRIBE SELECT * FROM read_parquet('{out / name}.parquet')").fetchall()}
               for name in ("documents", "entities", "officials", "official_titles", "awards", "percentages",
                            "persons", "award_ledger")}
    assert columns["documents"]["date"] == "DATE" and columns["entities"]["percent_value"] == "DOUBLE"
    assert {"label", "start", "end", "text", "province_name", "unit_2025", "award_type", "legal_number"} \
        <= set(columns["entities"])
    assert {"award_type", "recipient", "recipient_province", "issuer", "status", "decision", "ledger_id"} \
        <= set(columns["awards"])
    provinces = dict(con.execute(f"SELECT province_name, unit_2025 FROM read_parquet('{out}/entities.parquet') "
                                 "WHERE label = 'PROVINCE'").fetchall())
    assert provinces["Hà Nam"] == "Ninh Bình" and provinces["Quảng Trị"] == "Quảng Trị"
    decision = con.execute(f"SELECT decision_number FROM read_parquet('{out}/awards.parquet') WHERE recipient = "
                           "'Sở Y tế tỉnh Nam Định' LIMIT 1").fetchone()[0]
    assert decision == "15/QĐ-BYT"


def test_batch_db_is_incremental(inputs, tmp_path):
    pytest.importorskip("duckdb")
    from vnextract.extractor.archive import open_database

    db = tmp_path / "archive.duckdb"
    first = run_batch([inputs], None, db=db, progress=False)
    assert first.ok > 5 and first.failed > 0
    again = run_batch([inputs], None, db=db, progress=False)
    assert (again.ok, again.failed, again.skipped) == (0, 0, first.ok + first.failed)
    con = open_database(db)
    try:
        assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == first.ok
        assert con.execute("SELECT count(*) FROM failures").fetchone()[0] == first.failed
    finally:
        con.close()
    assert (tmp_path / "archive.duckdb.errors.jsonl").read_text(encoding="utf-8").count("\n") == first.failed


def test_stats_reads_a_parquet_folder(inputs, tmp_path, capsys):
    from vnextract.cli import main

    out = tmp_path / "tables"
    run_batch([inputs], out, fmt="parquet", progress=False)
    assert main(["stats", str(out)]) == 0
    assert "## awards by type and status" in capsys.readouterr().out


def test_stats_and_ad_hoc_sql(inputs, tmp_path, capsys):
    from vnextract.cli import main

    out = tmp_path / "out.jsonl"
    run_batch([inputs], out, progress=False)
    assert main(["stats", str(out)]) == 0
    report = capsys.readouterr().out
    assert "## entities per label" in report and "PROVINCE" in report and "Ninh Bình" in report
    assert main(["stats", str(out), "--sql", "SELECT count(*) AS n FROM awards"]) == 0
    assert capsys.readouterr().out.splitlines()[-1].strip() == "2"          # c.docx and j1 say the same


def test_items_are_listed_in_a_stable_order(inputs):
    assert [i.key for i in iter_items([inputs])] == [i.key for i in iter_items([inputs])]
