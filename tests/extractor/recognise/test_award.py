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
    # a foreign state's order, with its name and class
    ("Tổng thống Pháp trao Huân chương Bắc Đẩu Bội tinh cho ông.", ["Huân chương Bắc Đẩu Bội tinh"]),
    ("Nữ hoàng trao Huân chương Công trạng danh dự cho nhà từ thiện.", ["Huân chương Công trạng danh dự"]),
    ("Chủ tịch nước Lào tặng Huân chương Tự do hạng Nhất cho Bộ Quốc phòng.", ["Huân chương Tự do hạng Nhất"]),
    # forms and variants of the 2022 law (reference/awards.md)
    ("Cụ được truy tặng danh hiệu Bà mẹ VN anh hùng năm 2015.", ["Bà mẹ VN anh hùng"]),
    ("Huyện có 12 Mẹ VNAH còn sống.", ["Mẹ VNAH"]),
    ("Anh được công nhận Chiến sỹ thi đua cấp cơ sở và CSTĐ cấp tỉnh.", ["Chiến sỹ thi đua cấp cơ sở", "CSTĐ cấp tỉnh"]),
    ("NSND Trần Thị Lan và NSƯT Lê Văn Minh cùng biểu diễn.", ["NSND", "NSƯT"]),
    ("Năm 2022, Hải Phòng đón nhận danh hiệu TP Anh hùng.", ["TP Anh hùng"]),
    ("Thôn được công nhận danh hiệu Thôn, tổ dân phố văn hóa năm 2024.", ["Thôn, tổ dân phố văn hóa"]),
    ("Đơn vị được tặng Huy chương Chiến sỹ vẻ vang hạng Nhì.", ["Huy chương Chiến sỹ vẻ vang hạng Nhì"]),
    # the trade unions' confederation is no sports federation: its commemorative medals are awards
    ("Ông được Tổng Liên đoàn Lao động Việt Nam tặng Kỷ niệm chương Vì sự nghiệp xây dựng tổ chức Công đoàn.",
     ["Kỷ niệm chương"]),
    ("Liên đoàn Lao động tỉnh Hà Tĩnh tặng Kỷ niệm chương cho 12 cán bộ công đoàn.", ["Kỷ niệm chương"]),
    # a state award given to a contest's winners is still an award
    ("UBND tỉnh tặng Bằng khen cho 5 học sinh đạt giải Nhất kỳ thi học sinh giỏi quốc gia.", ["Bằng khen"]),
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
    # orders and medals of federations and clubs
    "Ông được Liên đoàn Bóng đá châu Á tặng huân chương vì những đóng góp cho bóng đá.",
    "Cựu tuyển thủ nhận Huân chương của FIFA năm 2010.",
    # contest honours, even when called "bằng khen"
    "Em đạt giải Nhất và bằng khen của kỳ thi Olympic Toán.",
    "Đội tuyển giành 2 HCV, 3 HCB và 4 bằng khen tại kỳ thi.",
    "Ban tổ chức đã trao bằng khen cho 10 thí sinh xuất sắc.",
    "Bộ phim được trao Bằng khen (hạng mục Phim truyện) tại liên hoan.",
    "Abbreviations in lower case are words: nsnd, cstđ.",
])
def test_not_awards(extractor, text):
    assert spans(extractor, text, "AWARD") == []
