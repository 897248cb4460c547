"""The officials register links a person across documents only on shared evidence, never on the name alone."""

from __future__ import annotations

from vnextract.extractor.archive.register import OfficialRecord, cluster, link_keys


def _persons(con, name: str) -> dict[str, list[str]]:
    rows = con.execute("SELECT person_id, list(DISTINCT doc_id ORDER BY doc_id) FROM officials "
                       "WHERE person ILIKE ? GROUP BY person_id", [f"%{name}"]).fetchall()
    return {pid: docs for pid, docs in rows}


def test_two_people_with_the_same_name_stay_apart(con):
    persons = sorted(_persons(con, "Hùng").values())
    assert persons == [["hung-bo-vhttdl-2020", "hung-bo-vhttdl-2022"],
                       ["hung-ngan-quang-tri-2023", "hung-quang-tri-2019", "hung-quang-tri-2021"]]


def test_a_person_keeps_every_post_with_its_period_and_evidence(con):
    rows = con.execute("SELECT r.title, r.first_date, r.last_date, r.n_documents FROM register r WHERE r.person_id = "
                       "(SELECT person_id FROM officials WHERE doc_id = 'hung-quang-tri-2021') ORDER BY r.first_date").fetchall()
    assert [(title, str(first), str(last), n) for title, first, last, n in rows] == [
        ("Giám đốc Sở Y tế tỉnh Quảng Trị", "2019-05-10", "2023-04-12", 2),
        ("Phó Chủ tịch UBND tỉnh Quảng Trị", "2021-03-02", "2021-03-02", 1)]
    name, names, linked = con.execute("SELECT name, names, linked_by FROM persons WHERE person_id = "
                                      "(SELECT person_id FROM officials WHERE doc_id = 'hung-quang-tri-2021')").fetchone()
    assert name == "Nguyễn Văn Hùng" and names == ["Nguyễn Văn Hùng", "Hùng"]
    assert "province:Quảng Trị" in linked
    evidence = con.execute("SELECT substr(d.text, o.evidence_start + 1, o.evidence_end - o.evidence_start) FROM officials o "
                           "JOIN documents d USING (doc_id) WHERE doc_id = 'hung-bo-vhttdl-2020'").fetchone()[0]
    assert evidence.startswith("Tối 15/8, Bộ trưởng Bộ Văn hóa") and "Nguyễn Văn Hùng" in evidence


def _record(doc: str, name: str, *titles: dict) -> OfficialRecord:
    return OfficialRecord(doc, 0, tuple(name.casefold().split()), name, None, link_keys(list(titles)))


def test_a_bare_post_or_a_shared_name_is_not_evidence():
    bare = [_record("a", "Lê Minh Tuấn", {"title": "Phó Chủ tịch", "role": "Phó Chủ tịch"}),
            _record("b", "Lê Minh Tuấn", {"title": "Phó Chủ tịch", "role": "Phó Chủ tịch"}),
            _record("c", "Lê Minh Tuấn", {"title": "Bí thư Tỉnh ủy", "role": "Bí thư", "organisation": "Tỉnh ủy",
                                           "organisation_named": False})]
    assert len(cluster(bare)) == 3


def test_a_short_name_never_joins_two_different_full_names():
    province = {"title": "Phó Chủ tịch UBND tỉnh Nghệ An", "role": "Phó Chủ tịch", "organisation": "UBND tỉnh Nghệ An",
                "organisation_named": True, "province": "Nghệ An"}
    records = [_record("a", "Nguyễn Văn Hùng", province), _record("b", "Trần Mạnh Hùng", province),
               _record("c", "Hùng", province)]
    groups = [sorted(records[i].doc_id for i in g) for g in cluster(records)]
    assert sorted(groups) == [["a", "c"], ["b"]]


def test_unique_national_posts_link_the_bare_form():
    records = [_record("a", "Phạm Minh Chính", {"title": "Thủ tướng Chính phủ", "role": "Thủ tướng Chính phủ"}),
               _record("b", "Phạm Minh Chính", {"title": "Thủ tướng", "role": "Thủ tướng"})]
    assert len(cluster(records)) == 1
