"""Named reports, with province filters that take old and new names, from Python and the command line."""

from __future__ import annotations

import csv
import re

from vnextract.cli import main
from vnextract.extractor.archive.reports import awards_report, officials_report, percentages_report, run


def _column(con, query, name):
    columns, rows = run(con, query)
    return [r[columns.index(name)] for r in rows]


def test_awards_of_quang_ninh_granted_by_the_government(con):
    query = awards_report(province="Quảng Ninh", award_type="Cờ thi đua", issuer="Chính phủ", year_from=2019,
                          year_to=2025, status="granted")
    assert _column(con, query, "year") == [2019, 2024]


def test_old_and_new_province_names_find_each_other(con):
    def docs(name):
        return sorted(d for ds in _column(con, awards_report(province=name, award_type="Bằng khen"), "doc_ids") for d in ds)

    assert docs("Vĩnh Phúc") == ["phu-tho-2025", "vinh-phuc-de-nghi"]           # and under Phú Thọ after July 2025
    assert docs("Phú Thọ") == ["phu-tho-2020", "phu-tho-2025", "vinh-phuc-de-nghi"]   # the 2025 unit holds Vĩnh Phúc
    assert docs("tỉnh Vĩnh Phúc") == docs("Vĩnh Phúc")


def test_officials_by_name_give_both_people(con):
    ids = set(_column(con, officials_report(name="Nguyễn Văn Hùng"), "person_id"))
    assert len(ids) == 2
    titles = _column(con, officials_report(name="Nguyễn Văn Hùng", province="Quảng Trị"), "title")
    assert "Phó Chủ tịch UBND tỉnh Quảng Trị" in titles and not any("Bộ Văn hóa" in t for t in titles)


def test_percentages_by_subject(con):
    rows = dict(zip(_column(con, percentages_report(subject="hộ nghèo"), "province"),
                    _column(con, percentages_report(subject="hộ nghèo"), "value"), strict=True))
    assert rows == {"Quảng Trị": 8.2, "Quảng Ninh": 0.5}


def test_report_command_prints_and_writes_csv_and_excel(archive_path, tmp_path, capsys):
    out_csv, out_xlsx = tmp_path / "r.csv", tmp_path / "r.xlsx"
    assert main(["report", "awards", "--db", str(archive_path), "--province", "Quảng Ninh", "--from", "2019", "--to",
                 "2025", "--status", "granted", "--csv", str(out_csv), "--xlsx", str(out_xlsx)]) == 0
    printed = capsys.readouterr().out
    assert "Cờ thi đua" in printed and "2024" in printed
    with out_csv.open(encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["year"] for r in rows] == ["2019", "2024"] and rows[1]["doc_ids"] == "co-quang-ninh-a; co-quang-ninh-b"
    from openpyxl import load_workbook

    sheet = load_workbook(out_xlsx).active
    assert sheet["A1"].value == "year" and sheet["A3"].value == 2024 and sheet.max_row == 3


def test_query_command_and_a_bad_query(archive_path, capsys):
    assert main(["query", str(archive_path), "SELECT count(*) AS n FROM persons WHERE name = 'Nguyễn Văn Hùng'"]) == 0
    assert re.search(r"│\s+2\s+│", capsys.readouterr().out)
    assert main(["query", str(archive_path), "SELECT nothing FROM nowhere"]) == 2
    assert "query failed" in capsys.readouterr().err


def test_a_missing_extra_is_named_before_any_work(monkeypatch, archive_path, capsys):
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "openpyxl" else real(name, *a))
    assert main(["report", "awards", "--db", str(archive_path), "--xlsx", "x.xlsx"]) == 3
    assert 'pip install "vnextract[batch]"' in capsys.readouterr().err
