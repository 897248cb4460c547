"""DATE: day and month, or month and year; 'ngày'/'tháng' spanned when written; values ISO."""

from __future__ import annotations

import pytest

from tests.extractor.helpers import attrs, spans


@pytest.mark.parametrize("text, expected, value", [
    ("Hội nghị diễn ra ngày 13/12/2019 tại Hà Nội.", "ngày 13/12/2019", "2019-12-13"),
    ("Sáng 13/12, đoàn công tác đến thăm.", "13/12", "--12-13"),
    ("Quyết định có hiệu lực từ 13-12-2019.", "13-12-2019", "2019-12-13"),
    ("Văn bản ký ngày 05 tháng 3 năm 2020.", "ngày 05 tháng 3 năm 2020", "2020-03-05"),
    ("Đến hết tháng 6/2017, vốn đã giao đạt kế hoạch.", "tháng 6/2017", "2017-06"),
    ("Số liệu tính đến tháng 12 năm 2019.", "tháng 12 năm 2019", "2019-12"),
    ("Lễ hội diễn ra ngày 1 - 9/5 hằng năm.", "ngày 1 - 9/5", "--05-01/--05-09"),
    ("Họp báo định kỳ chiều 27.6. Ông Thành chủ trì.", "27.6", "--06-27"),
])
def test_dates(extractor, text, expected, value):
    assert spans(extractor, text, "DATE") == [expected]
    assert attrs(extractor, text, "DATE")[0]["value"] == value


def test_a_missing_year_is_inferred_from_the_document_date(extractor):
    (found,) = attrs(extractor, "Sáng 13/12, Cụm thi đua tổng kết năm.", "DATE", {"date": "2019-12-14"})
    assert found["value"] == "--12-13" and found["inferred"] == "2019-12-13" and found["year_inferred"] is True


@pytest.mark.parametrize("text", [
    "Kết quả có 461/465 đại biểu tán thành.",
    "Giai đoạn 2016-2020 và Quý I/2020 có nhiều chuyển biến.",
    "Năm 2019 là năm bản lề.",
    "Điểm chuẩn môn Tiếng Anh từ 8.5 trở lên.",
])
def test_not_dates(extractor, text):
    assert spans(extractor, text, "DATE") == []
