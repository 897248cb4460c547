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
    # news styles of a month and year, and a date alone in brackets
    ("Công trình khởi công từ tháng 9.2018 và hoàn thành vượt tiến độ.", "tháng 9.2018", "2018-09"),
    ("Dự án được phê duyệt vào tháng 3-2019.", "tháng 3-2019", "2019-03"),
    ("Văn bản ký ngày 15 tháng 9.2018 tại trụ sở.", "ngày 15 tháng 9.2018", "2018-09-15"),
    ("Đoàn công tác của tỉnh (14.5) đã kiểm tra tiến độ.", "14.5", "--05-14"),
    # ranges written with "đến", and two full dates joined by a dash or a slash
    ("Lớp tập huấn diễn ra từ ngày 6 đến ngày 8/7/2017 tại tỉnh.", "ngày 6 đến ngày 8/7/2017", "2017-07-06/2017-07-08"),
    ("Kỷ niệm 70 năm Ngày Thương binh - Liệt sĩ (27-7-1947 / 27-7-2017).", "27-7-1947 / 27-7-2017",
     "1947-07-27/2017-07-27"),
    ("Kỷ niệm 20 năm ngày ra số báo đầu tiên (3.1.1996 - 3.1.2016).", "3.1.1996 - 3.1.2016", "1996-01-03/2016-01-03"),
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
    # fractions: a day below its month with a quantity after it or a qualifier before it
    "Đến nay đã có 2/3 số hộ thoát nghèo.",
    "Diện tích rừng trồng mới chiếm 1/4 tổng diện tích của huyện.",
    "Sản lượng chỉ bằng 1/10 so với cùng kỳ.",
    "Mỗi thôn có từ 6 đến 8/10 số hộ tham gia mô hình.",
    "Ông Tư là thương binh hạng 2/4, nay làm chủ nhiệm hợp tác xã.",     # a war invalid's grade
])
def test_not_dates(extractor, text):
    assert spans(extractor, text, "DATE") == []
