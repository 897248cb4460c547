"""The archive's tables are typed and documented; loading is incremental by key and content hash."""

from __future__ import annotations

import json
from datetime import date

import pytest

from vnextract.extractor.archive import Archive, load_documents, open_database
from vnextract.extractor.archive.rows import parse_meta_date


@pytest.mark.parametrize("raw, value, precision", [
    ("2019-12-13", date(2019, 12, 13), "day"), ("2019-12", date(2019, 12, 1), "month"), ("2017", date(2017, 1, 1), "year"),
    ("20210430", date(2021, 4, 30), "day"), ("13/12/2019", date(2019, 12, 13), "day"),
    ("~2005-2006", date(2005, 1, 1), "year"), ("", None, None), ("không rõ", None, None), (None, None, None),
])
def test_meta_dates_parse_with_their_precision(raw, value, precision):
    parsed = parse_meta_date(raw)
    assert (parsed.value, parsed.precision) == (value, precision)


def test_documents_and_entities_are_typed(con):
    day, precision, scheme, year = con.execute("SELECT date, date_precision, scheme, year FROM documents "
                                               "WHERE doc_id = 'phu-tho-2025'").fetchone()
    assert (day, precision, scheme, year) == (date(2025, 9, 10), "day", "y2025", 2025)
    assert con.execute("SELECT scheme FROM documents WHERE doc_id = 'vinh-phuc-de-nghi'").fetchone()[0] == "legacy63"
    value = con.execute("SELECT percent_value FROM entities WHERE doc_id = 'hung-quang-tri-2019' AND label = 'PERCENT'"
                        ).fetchone()[0]
    assert value == 97.5
    province = con.execute("SELECT province_name, province_code, unit_2025 FROM entities WHERE doc_id = "
                           "'vinh-phuc-de-nghi' AND label = 'PROVINCE' LIMIT 1").fetchone()
    assert province == ("Vĩnh Phúc", "26", "Phú Thọ")
    legal = con.execute("SELECT legal_type, legal_number FROM entities WHERE label = 'LEGAL_REF' AND doc_id = "
                        "'co-quang-ninh-a'").fetchone()
    assert legal == ("Quyết định", "45/QĐ-TTg")
    kinds = dict(con.execute("SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = 'entities'").fetchall())
    assert kinds["percent_value"] == "DOUBLE" and kinds["award_class"] == "INTEGER" and kinds["date"] == "DATE"
    comments = dict(con.execute("SELECT table_name, comment FROM duckdb_tables()").fetchall())
    assert "one row per conferral" in comments["award_ledger"]


def test_awards_know_their_recipients_province_and_the_documents_date(con):
    rows = con.execute("SELECT recipient, recipient_kind, recipient_province, recipient_province_2025, year, date_source "
                       "FROM awards WHERE doc_id = 'vinh-phuc-de-nghi'").fetchall()
    assert rows == [("Sở Nội vụ tỉnh Vĩnh Phúc", "organisation", "Vĩnh Phúc", "Phú Thọ", 2023, "document")]


def test_a_second_load_adds_nothing_and_changed_content_replaces(archive_documents, tmp_path):
    path = tmp_path / "a.duckdb"
    assert load_documents(path, archive_documents) == len(archive_documents)
    assert load_documents(path, archive_documents) == 0
    changed = json.loads(json.dumps(archive_documents[0]))
    changed["content_hash"] = "0" * 32
    changed["text"] = changed["text"].replace("97,5%", "97,6%")
    assert load_documents(path, [changed]) == 1
    con = open_database(path)
    try:
        assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == len(archive_documents)
        assert "97,6%" in con.execute("SELECT text FROM documents WHERE doc_id = ?", [changed["id"]]).fetchone()[0]
        assert con.execute("SELECT count(*) FROM officials WHERE doc_id = ?", [changed["id"]]).fetchone()[0] == 1
    finally:
        con.close()


def test_read_new_record_fields_when_present(archive_documents, tmp_path):
    """Fields issue 14 adds to the records reach the columns without a change to the loader."""
    doc = json.loads(json.dumps(next(d for d in archive_documents if d["id"] == "co-quang-ninh-2019")))
    award = next(r for r in doc["records"] if r["type"] == "award")
    start = doc["text"].index("Năm 2019")
    award.update({"date": {"value": "2019-05-30", "source": "conferral"}, "issuer_normalised": "Chính phủ",
                  "recipients": [{"text": "UBND tỉnh Quảng Ninh", "kind": "collective"}],
                  "evidence": {"sentence": [start, len(doc["text"])]}})
    with Archive(tmp_path / "b.duckdb") as archive:
        archive.add(doc)
    con = open_database(tmp_path / "b.duckdb")
    try:
        row = con.execute("SELECT date, date_source, issuer_normalised, recipient_kind, evidence_start FROM awards").fetchone()
    finally:
        con.close()
    assert row == (date(2019, 5, 30), "conferral", "Chính phủ", "collective", start)


def test_an_archive_that_is_missing_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="no such archive"):
        open_database(tmp_path / "none.duckdb")
