"""AWARD: forms of commendation and emulation titles with their classes; not the generic words,
sports medals or party badges."""

from __future__ import annotations

import pytest

from tests.extractor.helpers import attrs, spans


@pytest.mark.parametrize("text, expected", [
    ("Công ty đón nhận Huân chương Lao động hạng Ba.", ["Huân chương Lao động hạng Ba"]),
    ("Đề nghị tặng Cờ thi đua xuất sắc cho Sở Tư pháp.", ["Cờ thi đua xuất sắc"]),
    ("Tặng Bằng khen của Thủ tướng Chính phủ cho 3 tập thể.", ["Bằng khen"]),
    ("Cờ thi đua của Chính phủ được trao cho tỉnh.", ["Cờ thi đua"]),
    ("Ông đạt danh hiệu Chiến sĩ thi đua cơ sở năm 2023.", ["Chiến sĩ thi đua cơ sở"]),
    ("Ông được tặng Huân chương Kháng chiến hạng Nhất và hạng Nhì.", ["Huân chương Kháng chiến hạng Nhất", "hạng Nhì"]),
    ("Trường được phong tặng danh hiệu Anh hùng Lao động thời kỳ đổi mới.", ["Anh hùng Lao động thời kỳ đổi mới"]),
    ("Bà nhận danh hiệu lao động tiên tiến năm học 2022-2023.", ["lao động tiên tiến"]),
])
def test_awards(extractor, text, expected):
    assert spans(extractor, text, "AWARD") == expected


def test_type_and_class(extractor):
    found = attrs(extractor, "Tặng Huân chương Độc lập hạng III và Kỷ niệm chương cho ông.", "AWARD")
    assert found[0]["type"] == "Huân chương Độc lập" and found[0]["class"] == 3 and found[0]["level"] == "state"
    assert found[1]["type"] == "Kỷ niệm chương"


@pytest.mark.parametrize("text", [
    "Công tác thi đua, khen thưởng được quan tâm; phong trào thi đua lan tỏa.",
    "Vận động viên giành Huy chương Vàng tại SEA Games.",
    "Xây dựng gia đình văn hóa mới là nhiệm vụ lâu dài.",
])
def test_not_awards(extractor, text):
    assert spans(extractor, text, "AWARD") == []
