"""The awards ledger merges the same conferral reported by several articles, and nothing else."""

from __future__ import annotations

from vnextract.extractor.archive.ledger import group, recipient_key


def test_two_articles_on_one_conferral_are_one_entry_with_the_decision(con):
    rows = con.execute("SELECT year, n_documents, doc_ids, decision_number, status FROM award_ledger "
                       "WHERE award_type = 'Cờ thi đua' ORDER BY year").fetchall()
    assert rows == [(2019, 1, ["co-quang-ninh-2019"], None, "granted"),
                    (2024, 2, ["co-quang-ninh-a", "co-quang-ninh-b"], "45/QĐ-TTg", "granted")]
    linked = con.execute("SELECT count(DISTINCT ledger_id) FROM awards WHERE doc_id IN ('co-quang-ninh-a', "
                         "'co-quang-ninh-b')").fetchone()[0]
    assert linked == 1


def test_proposed_and_not_granted(con):
    rows = con.execute("SELECT recipient, status, doc_ids FROM proposed_not_granted").fetchall()
    assert rows == [("Sở Nội vụ tỉnh Vĩnh Phúc", "proposed", ["vinh-phuc-de-nghi"])]


def _row(doc: str, recipient: str, year: int | None, decision: str | None = None, status: str = "granted") -> dict:
    return {"doc_id": doc, "award_no": 0, "recipient_no": 0, "award": "Huân chương Lao động hạng Ba",
            "award_type": "Huân chương Lao động", "award_class": 3, "recipient": recipient, "year": year,
            "decision_number": decision, "decision_year": None, "status": status}


def test_same_award_other_year_or_class_or_recipient_stays_apart():
    rows = [_row("a", "Công ty CP Cảng Quảng Ninh", 2020), _row("b", "Công ty cổ phần Cảng Quảng Ninh", 2020),
            _row("c", "Công ty CP Cảng Quảng Ninh", 2022), {**_row("d", "Công ty CP Cảng Quảng Ninh", 2020), "award_class": 2},
            _row("e", "Công ty CP Cảng Hải Phòng", 2020)]
    groups = sorted(sorted(r["doc_id"] for r in g) for g in group(rows))
    assert groups == [["a", "b"], ["c"], ["d"], ["e"]]


def test_two_decisions_in_one_year_are_two_conferrals_and_undated_reports_merge_only_within_a_document():
    rows = [_row("a", "Bệnh viện Đa khoa tỉnh", 2021, "12/QĐ-CTN"), _row("b", "Bệnh viện Đa khoa tỉnh", 2021, "98/QĐ-CTN"),
            _row("c", "Bệnh viện Đa khoa tỉnh", 2021), _row("d", "Bệnh viện Đa khoa tỉnh", None),
            _row("e", "Bệnh viện Đa khoa tỉnh", None), {**_row("e", "Bệnh viện Đa khoa tỉnh", None), "recipient_no": 1}]
    groups = sorted(sorted(r["doc_id"] for r in g) for g in group(rows))
    assert groups == [["a"], ["b"], ["c"], ["d"], ["e", "e"]]


def test_recipient_keys_spell_out_bodies():
    assert recipient_key("UBND tỉnh Quảng Ninh") == recipient_key("Ủy ban nhân dân Quảng Ninh")
    assert recipient_key("Công ty CP Licogi 14") == recipient_key("công ty cổ phần Licogi 14")
    assert recipient_key("UBND tỉnh Quảng Ninh") != recipient_key("UBND tỉnh Quảng Nam")
