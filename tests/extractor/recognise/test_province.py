"""PROVINCE: every era's names and variants, without the type word, and not persons, awards,
streets, organisations named after people or units below province level."""

from __future__ import annotations

import pytest

from tests.extractor.helpers import attrs, spans

POSITIVE = [
    ("Đoàn công tác đã làm việc với UBND tỉnh Vĩnh Phúc về chuyển đổi số.", ["Vĩnh Phúc"]),
    ("Hội nghị có đại diện 9 tỉnh: Bắc Ninh, Quảng Ninh, Hải Dương, Hưng Yên và Thái Bình.",
     ["Bắc Ninh", "Quảng Ninh", "Hải Dương", "Hưng Yên", "Thái Bình"]),
    ("Sở Y tế TP.HCM phối hợp với Công an TPHCM kiểm tra các cơ sở.", ["TP.HCM", "TPHCM"]),
    ("Đoàn đã đến TP HCM và thành phố Hà Nội trong tuần qua.", ["HCM", "Hà Nội"]),
    ("Lãnh đạo TP.Hà Nội tiếp đoàn công tác của tỉnh Thừa Thiên-Huế.", ["Hà Nội", "Thừa Thiên-Huế"]),
    ("Cục thuế tỉnh BR-VT và tỉnh Đắc Lắc ký kết quy chế phối hợp.", ["BR-VT", "Đắc Lắc"]),
    ("Năm 1995, tỉnh Hà Tây có nhiều làng nghề truyền thống.", ["Hà Tây"]),
    ("Người dân Khánh Hoà và Thanh Hoá tham gia hiến máu.", ["Khánh Hoà", "Thanh Hoá"]),
    ("SỞ THÔNG TIN VÀ TRUYỀN THÔNG TỈNH QUẢNG NAM", ["QUẢNG NAM"]),
]
NEGATIVE = [
    "Học tập và làm theo tấm gương đạo đức Chủ tịch Hồ Chí Minh.",
    "Ông được tặng Huân chương Hồ Chí Minh và nhiều phần thưởng cao quý.",
    "Đoàn TNCS Hồ Chí Minh tổ chức ra quân mùa hè tình nguyện.",
    "Cửa hàng nằm trên đường Hà Nội, phường Phước Long.",
    "Dự án được triển khai tại thành phố Vĩnh Yên và huyện Mê Linh.",
    "Ông Nguyễn Văn Huế, Giám đốc Sở Y tế, cho biết như vậy.",
    "Các nước ở Thái Bình Dương tham gia diễn đàn.",
    "Hội thảo về phát triển vùng đồng bằng sông Hồng.",
    "Bà được trao giải Nobel Hòa bình vì đóng góp cho người nghèo.",   # peace, not the province: every syllable a capital
]


@pytest.mark.parametrize("text, expected", POSITIVE)
def test_provinces_are_found(extractor, text, expected):
    assert spans(extractor, text, "PROVINCE") == expected


@pytest.mark.parametrize("text", NEGATIVE)
def test_not_provinces(extractor, text):
    assert spans(extractor, text, "PROVINCE") == []


def test_attributes_carry_code_region_and_the_2025_unit(extractor):
    (vinh_phuc,) = attrs(extractor, "Sở Tư pháp tỉnh Vĩnh Phúc tổng kết năm 2019.", "PROVINCE", {"date": "2019-12-13"})
    assert vinh_phuc["name"] == "Vĩnh Phúc" and vinh_phuc["code"] == "26" and vinh_phuc["scheme"] == "legacy63"
    assert vinh_phuc["unit_2025"] == "Phú Thọ" and vinh_phuc["region"] == "Đồng bằng sông Hồng"
    (hai_duong,) = attrs(extractor, "Tỉnh Hải Dương đạt chuẩn nông thôn mới.", "PROVINCE")
    assert hai_duong["unit_2025"] == "Hải Phòng"


def test_a_2025_name_in_a_2025_article_is_the_merged_unit(extractor):
    (phu_tho,) = attrs(extractor, "UBND tỉnh Phú Thọ họp phiên thường kỳ.", "PROVINCE", {"date": "2025-08-15"})
    assert phu_tho["scheme"] == "y2025" and phu_tho["code"] == "25"
    assert phu_tho["merged_from"] == ["Hòa Bình", "Phú Thọ", "Vĩnh Phúc"]
    (lao_cai_2019,) = attrs(extractor, "Tỉnh Lào Cai phát triển du lịch.", "PROVINCE", {"date": "2019-05-01"})
    (lao_cai_2025,) = attrs(extractor, "Tỉnh Lào Cai phát triển du lịch.", "PROVINCE", {"date": "2025-09-01"})
    assert (lao_cai_2019["code"], lao_cai_2025["code"]) == ("10", "15")   # codes were reused after 2025


def test_historical_provinces_know_what_they_became(extractor):
    (ha_bac,) = attrs(extractor, "Năm 1990, tỉnh Hà Bắc có 10 huyện.", "PROVINCE")
    assert ha_bac["scheme"] == "historical" and ha_bac["became"] == ["Bắc Giang", "Bắc Ninh"]
