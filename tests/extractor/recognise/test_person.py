"""PERSON: names only (no titles, honorifics, degrees or ranks); not names inside awards,
organisations, schools or streets; bylines are persons."""

from __future__ import annotations

import pytest

from tests.extractor.helpers import spans


@pytest.mark.parametrize("text, expected", [
    ("Đồng chí Trần Gia Long, Tỉnh ủy viên, chủ trì hội nghị.", ["Trần Gia Long"]),
    ("PGS.TS Nguyễn Văn An trình bày tham luận.", ["Nguyễn Văn An"]),
    ("Ông Long cho biết kế hoạch đã hoàn thành.", ["Long"]),
    ("Chủ tịch UBND tỉnh Bắc Ninh Vương Quốc Tuấn phát biểu.", ["Vương Quốc Tuấn"]),
    ("Phó Thủ tướng Phạm Thị Thanh Trà dự lễ.", ["Phạm Thị Thanh Trà"]),
    ("Học tập tư tưởng của Chủ tịch Hồ Chí Minh.", ["Hồ Chí Minh"]),
    ("Đại tá Nguyễn Văn Bình, Phó Giám đốc Công an tỉnh, cho biết.", ["Nguyễn Văn Bình"]),
    ("Các đồng chí: Hoàng Văn Đại, Tống Thị Yến và Đào Việt Hà.", ["Hoàng Văn Đại", "Tống Thị Yến", "Đào Việt Hà"]),
    ("Kết thúc hội nghị, các đơn vị ký giao ước thi đua.\n\nThanh Nga", ["Thanh Nga"]),
    ("Ông Đức và chị Mỹ nhận giấy khen của xã.", ["Đức", "Mỹ"]),          # given names that are also countries
])
def test_persons(extractor, text, expected):
    assert spans(extractor, text, "PERSON") == expected


@pytest.mark.parametrize("text", [
    "Trường THPT chuyên Võ Nguyên Giáp tổ chức lễ khai giảng.",
    "Cắt băng khánh thành đường Võ Trần Chí.",
    "Ông được tặng Huân chương Hồ Chí Minh.",
    "Thủ tướng Chính phủ đã ký quyết định.",
    "Tỉnh Hà Nam và tỉnh Thái Bình ký kết hợp tác.",
    "Ngài Đại sứ Tây Ban Nha thăm tỉnh; HLV người Bồ Đào Nha chỉ đạo các học trò.",   # no "Ban Nha", "Đào Nha"
    "- 0",                                      # a short line of dashes and digits is not a byline (found by hypothesis)
    "Kết quả:\n- -\nLê-nin",
])
def test_not_persons(extractor, text):
    assert spans(extractor, text, "PERSON") == []
