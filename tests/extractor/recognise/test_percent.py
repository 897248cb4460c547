"""PERCENT: decimal comma, spaces, words, percentage points and ranges, qualifiers outside the span."""

from __future__ import annotations

import pytest

from tests.extractor.helpers import attrs, spans


@pytest.mark.parametrize("text, expected, values", [
    ("Tỉnh Ninh Bình đạt 91,6%, Hải Dương đạt 78,6 %.", ["91,6%", "78,6 %"], [{"value": 91.6}, {"value": 78.6}]),
    ("Có gần 100% cơ quan được cấp hộp thư điện tử.", ["100%"], [{"value": 100.0, "qualifier": "gần"}]),
    ("Doanh thu tăng 12,5% so với cùng kỳ.", ["12,5%"], [{"value": 12.5, "qualifier": "tăng"}]),
    ("Tỷ lệ tiêm chủng đạt 50 phần trăm.", ["50 phần trăm"], [{"value": 50.0}]),
    ("Tỷ lệ giảm 2,5 điểm phần trăm.", ["2,5 điểm phần trăm"], [{"value": 2.5, "unit": "percentage_point"}]),
    ("Tỷ lệ đạt từ 80 đến 90% tùy địa phương.", ["80 đến 90%"], [{"min": 80.0, "max": 90.0}]),
    ("Dự kiến vượt kế hoạch 30-40%.", ["30-40%"], [{"min": 30.0, "max": 40.0}]),
    ("Tăng trưởng đạt 7.5% theo số liệu quốc tế.", ["7.5%"], [{"value": 7.5}]),
])
def test_percentages(extractor, text, expected, values):
    assert spans(extractor, text, "PERCENT") == expected
    for got, want in zip(attrs(extractor, text, "PERCENT"), values, strict=True):
        assert {k: got[k] for k in want} == want


@pytest.mark.parametrize("text", [
    "Có 461/465 đại biểu tán thành.",
    "Quyết định số 28/2018/QĐ-TTg ngày 13/12/2018.",
    "Tổng vốn 1.234 tỷ đồng, lãi suất không đổi.",
])
def test_not_percentages(extractor, text):
    assert spans(extractor, text, "PERCENT") == []
