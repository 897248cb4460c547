"""The archive's tables are typed and documented, read the records' own fields and evidence, and
load incrementally by key and content hash."""

from __future__ import annotations

import json
from contextlib import closing
from datetime import date

import pytest

from vnextract.extractor.archive import Archive, load_documents, open_database

# Our own text: an official with a title in each of two sentences, and a conferral in a third.
TWO_SENTENCES = (
    "Hội nghị tổng kết ngành nông nghiệp\n"
    "Sáng 12/3, ông Trần Quốc Bảo, Giám đốc Sở Nông nghiệp và Phát triển nông thôn tỉnh Hà Tĩnh, chủ trì hội nghị. "
    "Phát biểu kết luận, ông Bảo, Phó Trưởng ban Chỉ đạo xây dựng nông thôn mới tỉnh Hà Tĩnh, đề nghị các huyện đẩy nhanh "
    "tiến độ. Dịp này, Chủ tịch UBND tỉnh Hà Tĩnh đã tặng Bằng khen cho Công ty cổ phần Chè Hà Tĩnh vì thành tích xuất sắc.")


def _archive(tmp_path, documents: list[dict]):
    path = tmp_path / "loaded.duckdb"
    assert load_documents(path, documents) == len(documents)
    return closing(open_database(path))


def _document(extractor, text: str, doc_id: str, day: str | None) -> dict:
    document = extractor.extract(text, {"date": day} if day else None).to_dict()
    return {**document, "id": doc_id, "key": doc_id, "content_hash": doc_id}


def test_document_dates_keep_their_precision_and_range_and_choose_the_scheme(extractor, tmp_path):
    """meta.date is read by extractor/dates.py: a range keeps its last day and has no single year; an
    undated document takes the scheme its text's cues give, as its PROVINCE entities do."""
    text = "Sau sáp nhập, tỉnh Phú Thọ mới có 148 xã, phường. Tỷ lệ hộ nghèo của tỉnh Phú Thọ còn 2,1%."
    dated = {"d-range": "~2005-2006", "d-month": "2019-12", "d-vn": "13/12/2019", "d-after": "2025-09-10", "d-none": None,
             "d-bad": "không rõ"}
    with _archive(tmp_path, [_document(extractor, text, doc_id, day) for doc_id, day in dated.items()]) as con:
        rows = {r[0]: r[1:] for r in con.execute("SELECT doc_id, date, date_end, date_precision, date_approximate, year, "
                                                 "scheme, scheme_basis FROM documents").fetchall()}
        entity_schemes = dict(con.execute("SELECT DISTINCT doc_id, province_scheme FROM entities WHERE label = 'PROVINCE'"
                                          ).fetchall())
    assert rows["d-range"] == (date(2005, 1, 1), date(2006, 12, 31), "range", True, None, "legacy63", "date")
    assert rows["d-month"] == (date(2019, 12, 1), date(2019, 12, 31), "month", False, 2019, "legacy63", "date")
    assert rows["d-vn"] == (date(2019, 12, 13), date(2019, 12, 13), "day", False, 2019, "legacy63", "date")
    assert rows["d-after"] == (date(2025, 9, 10), date(2025, 9, 10), "day", False, 2025, "y2025", "date")
    assert rows["d-none"] == rows["d-bad"] == (None, None, None, None, None, "y2025", "text")
    assert entity_schemes == {doc_id: row[5] for doc_id, row in rows.items()}


def test_documents_and_entities_are_typed(con):
    day, precision, scheme, year = con.execute("SELECT date, date_precision, scheme, year FROM documents "
                                               "WHERE doc_id = 'phu-tho-2025'").fetchone()
    assert (day, precision, scheme, year) == (date(2025, 9, 10), "day", "y2025", 2025)
    assert con.execute("SELECT scheme FROM documents WHERE doc_id = 'vinh-phuc-de-nghi'").fetchone()[0] == "legacy63"
    value = con.execute("SELECT percent_value FROM entities WHERE doc_id = 'hung-quang-tri-2019' AND label = 'PERCENT'"
                        ).fetchone()[0]
    assert value == 97.5
    province = con.execute("SELECT province_name, province_code, unit_2025, province_scheme_basis FROM entities WHERE "
                           "doc_id = 'vinh-phuc-de-nghi' AND label = 'PROVINCE' LIMIT 1").fetchone()
    assert province == ("Vĩnh Phúc", "26", "Phú Thọ", "date")
    legal = con.execute("SELECT legal_type, legal_number FROM entities WHERE label = 'LEGAL_REF' AND doc_id = "
                        "'co-quang-ninh-a'").fetchone()
    assert legal == ("Quyết định", "45/QĐ-TTg")
    kinds = dict(con.execute("SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = 'entities'").fetchall())
    assert kinds["percent_value"] == "DOUBLE" and kinds["award_class"] == "INTEGER" and kinds["date"] == "DATE"
    comments = dict(con.execute("SELECT table_name, comment FROM duckdb_tables()").fetchall())
    assert "one row per conferral" in comments["award_ledger"]


def test_awards_carry_the_records_recipient_issuer_and_decision(con):
    rows = con.execute("SELECT recipient, recipient_kind, recipient_province, recipient_province_scheme, "
                       "recipient_province_2025, recipient_province_2025_code, issuer_normalised, status, year, date_source "
                       "FROM awards WHERE doc_id = 'vinh-phuc-de-nghi'").fetchall()
    assert rows == [("Sở Nội vụ tỉnh Vĩnh Phúc", "collective", "Vĩnh Phúc", "legacy63", "Phú Thọ", "25",
                     "Thủ tướng Chính phủ", "proposed", 2023, "document")]
    after = con.execute("SELECT recipient_province, recipient_province_scheme, recipient_province_2025 FROM awards "
                        "WHERE doc_id = 'phu-tho-2025'").fetchone()
    assert after == ("Phú Thọ", "y2025", "Phú Thọ")
    decision = con.execute("SELECT decision, decision_number FROM awards WHERE doc_id = 'co-quang-ninh-a'").fetchone()
    assert decision == ("Quyết định số 45/QĐ-TTg", "45/QĐ-TTg")


def test_a_conferral_dated_in_its_sentence_takes_the_documents_year_when_it_writes_none(con):
    """'Sáng 25/1' in an article of 2024-01-25 is a conferral of 25 January 2024, as the DATE entity infers."""
    rows = con.execute("SELECT a.doc_id, a.date, a.date_precision, a.date_source, a.year, e.date FROM awards a JOIN entities "
                       "e ON e.doc_id = a.doc_id AND e.label = 'DATE' AND e.start >= a.evidence_start AND e.end <= "
                       "a.evidence_end WHERE a.doc_id IN ('co-quang-ninh-a', 'co-quang-ninh-b') ORDER BY a.doc_id").fetchall()
    assert [r[:5] for r in rows] == [("co-quang-ninh-a", date(2024, 1, 18), "day", "text", 2024),
                                     ("co-quang-ninh-b", date(2024, 1, 25), "day", "text", 2024)]
    assert all(award_date == entity_date for *_, award_date, _, _, _, entity_date in rows)


def test_a_stated_day_that_cannot_be_dated_leaves_the_conferral_the_documents_date(extractor, tmp_path):
    text = ("Tin địa phương\nSáng 25/1, Chủ tịch UBND tỉnh Nghệ An đã tặng Bằng khen cho Trường THPT Phan Bội Châu "
            "vì thành tích xuất sắc trong năm học.")
    document = _document(extractor, text, "undatable", "2005-2006")
    award = next(r for r in document["records"] if r["type"] == "award")
    assert (award["date"], award["date_source"]) == ("--01-25", "text")
    with _archive(tmp_path, [document]) as con:
        row = con.execute("SELECT date, date_precision, date_source, year FROM awards").fetchone()
    assert row == (date(2005, 1, 1), "range", "document", None)


def test_records_evidence_reaches_the_evidence_columns(extractor, tmp_path):
    """Each title points at the sentence it is written in, the official at its first sentence, and an
    award row at its conferral's sentence, with the spans of the person, the title, the award and
    the recipient: the offsets of the record's evidence, into the text as given."""
    document = _document(extractor, TWO_SENTENCES, "ha-tinh", "2022-03-14")
    official = next(r for r in document["records"] if r["type"] == "official")
    award = next(r for r in document["records"] if r["type"] == "award")
    assert len(official["titles"]) == 2 and len(official["evidence"]["sentences"]) == 2
    text = TWO_SENTENCES
    with _archive(tmp_path, [document]) as con:
        person = con.execute("SELECT person_start, person_end, evidence_start, evidence_end FROM officials").fetchone()
        titles = con.execute("SELECT title, title_start, title_end, evidence_start, evidence_end, province, current "
                             "FROM official_titles ORDER BY title_no").fetchall()
        awards = con.execute("SELECT award_start, award_end, recipient, recipient_start, recipient_end, evidence_start, "
                             "evidence_end FROM awards").fetchall()
        views = con.execute("SELECT evidence FROM award_rows").fetchall()
    first, second = official["evidence"]["sentences"]
    assert text[person[0]:person[1]] == "Trần Quốc Bảo" and tuple(person[2:]) == tuple(first)
    assert text[first[0]:first[1]].startswith("Sáng 12/3") and text[second[0]:second[1]].startswith("Phát biểu kết luận")
    (title_1, s1, e1, es1, ee1, province, current), (title_2, s2, e2, es2, ee2, _, _) = titles
    assert (text[s1:e1], (es1, ee1), province, current) == (title_1, tuple(first), "Hà Tĩnh", True)
    assert text[s2:e2] == title_2 and (es2, ee2) == tuple(second)
    [(a_start, a_end, recipient, r_start, r_end, ev_start, ev_end)] = awards
    assert text[a_start:a_end] == "Bằng khen" and text[r_start:r_end] == recipient == "Công ty cổ phần Chè Hà Tĩnh"
    assert (ev_start, ev_end) == tuple(award["evidence"]["sentences"][0])
    assert text[ev_start:ev_end].startswith("Dịp này,") and text[ev_start:ev_end].endswith("xuất sắc.")
    assert views == [(text[ev_start:ev_end],)]


def test_a_record_the_schema_refuses_is_a_clear_error_and_keeps_nothing(archive_documents, tmp_path):
    doc = json.loads(json.dumps(next(d for d in archive_documents if d["id"] == "co-quang-ninh-2019")))
    next(r for r in doc["records"] if r["type"] == "award")["status"] = "maybe"
    with Archive(tmp_path / "b.duckdb") as archive:
        with pytest.raises(ValueError, match="co-quang-ninh-2019: record 0 does not fit the output schema"):
            archive.add(doc)
        assert archive.add(archive_documents[0])
    with closing(open_database(tmp_path / "b.duckdb")) as con:
        assert con.execute("SELECT doc_id FROM documents").fetchall() == [(archive_documents[0]["id"],)]


def test_a_second_load_adds_nothing_and_changed_content_replaces(archive_documents, tmp_path):
    path = tmp_path / "a.duckdb"
    assert load_documents(path, archive_documents) == len(archive_documents)
    assert load_documents(path, archive_documents) == 0
    changed = json.loads(json.dumps(archive_documents[0]))
    changed["content_hash"] = "0" * 32
    changed["text"] = changed["text"].replace("97,5%", "97,6%")
    assert load_documents(path, [changed]) == 1
    with closing(open_database(path)) as con:
        assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == len(archive_documents)
        assert "97,6%" in con.execute("SELECT text FROM documents WHERE doc_id = ?", [changed["id"]]).fetchone()[0]
        assert con.execute("SELECT count(*) FROM officials WHERE doc_id = ?", [changed["id"]]).fetchone()[0] == 1


def test_an_archive_of_another_schema_version_is_refused(archive_documents, tmp_path):
    path = tmp_path / "old.duckdb"
    load_documents(path, archive_documents[:1])
    with closing(open_database(path, read_only=False)) as con:
        con.execute("UPDATE archive_info SET value = '1' WHERE name = 'schema_version'")
    with pytest.raises(ValueError, match="archive schema 1, this vnextract writes schema 2"):
        Archive(path)


def test_an_archive_that_is_missing_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="no such archive"):
        open_database(tmp_path / "none.duckdb")
