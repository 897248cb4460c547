"""LEGAL_REF: documents by number, laws by name, bare number symbols; issuer and date outside."""

from __future__ import annotations

import pytest

from tests.extractor.helpers import attrs, spans


@pytest.mark.parametrize("text, expected", [
    ("Thực hiện Quyết định số 28/2018/QĐ-TTg của Thủ tướng Chính phủ.", ["Quyết định số 28/2018/QĐ-TTg"]),
    ("Theo Nghị định 98/2023/NĐ-CP ngày 31/12/2023.", ["Nghị định 98/2023/NĐ-CP"]),
    ("Quán triệt Chỉ thị 05-CT/TW của Bộ Chính trị.", ["Chỉ thị 05-CT/TW"]),
    ("Giấy phép xuất bản số: 23/GP-TTĐT do Sở cấp.", ["Giấy phép xuất bản số: 23/GP-TTĐT"]),
    ("Sửa đổi Nghị định 136, Nghị định số 77 theo trình tự rút gọn.", ["Nghị định 136", "Nghị định số 77"]),
    ("Căn cứ Luật Thi đua, khen thưởng năm 2022.", ["Luật Thi đua, khen thưởng"]),
    ("Theo Luật Nhà ở năm 2014 và Luật Đầu tư công.", ["Luật Nhà ở", "Luật Đầu tư công"]),
    # a comma ends a name the list does not hold; the list holds the "Phòng, chống …" laws
    ("Sau 5 năm thi hành Luật BHYT, chất lượng dịch vụ y tế ở huyện đã nâng lên.", ["Luật BHYT"]),
    ("Căn cứ Luật Phòng, chống ma túy năm 2021, huyện lập kế hoạch.", ["Luật Phòng, chống ma túy"]),
    # the constitution by name, its year outside; a law's name before a sentence that lost its full stop
    ("Quyền con người được Hiến pháp năm 2013 ghi nhận.", ["Hiến pháp"]),
    ("Đại biểu góp ý dự án Luật Thủ đô Sáng mai, Quốc hội họp tiếp.", ["Luật Thủ đô"]),
    ("Các văn bản 98/2023/NĐ-CP và 1290/QĐ-TTg đã được ban hành.", ["98/2023/NĐ-CP", "1290/QĐ-TTg"]),
    ("UBND đã ký các Quyết định mang số 2356, 2357 và 2358.", ["Quyết định mang số 2356", "2357", "2358"]),
    # police and court numbers
    ("Cơ quan điều tra ban hành Quyết định số 12/C01 về việc khởi tố.", ["Quyết định số 12/C01"]),
    ("Công an tỉnh ra Quyết định khởi tố bị can số 05/PC45-Đ2 ngày 3/4.", ["Quyết định khởi tố bị can số 05/PC45-Đ2"]),
    ("Theo bản án số 02/2017/HC-ST của TAND tỉnh, quyết định bị hủy.", ["bản án số 02/2017/HC-ST"]),
    ("Bản án hình sự sơ thẩm số 45/2019/HS-ST đã có hiệu lực.", ["Bản án hình sự sơ thẩm số 45/2019/HS-ST"]),
    ("Viện kiểm sát ban hành Cáo trạng số 12/CT-VKS-P2 truy tố bị can.", ["Cáo trạng số 12/CT-VKS-P2"]),
    # a number with its year only
    ("Nghị định 15/2020 quy định xử phạt vi phạm hành chính.", ["Nghị định 15/2020"]),
    ("Thực hiện Nghị quyết số 68/2025 của Bộ Chính trị.", ["Nghị quyết số 68/2025"]),
])
def test_references(extractor, text, expected):
    assert spans(extractor, text, "LEGAL_REF") == expected


def test_a_year_alone_is_the_year(extractor):
    (found,) = attrs(extractor, "Nghị định 15/2020 quy định xử phạt.", "LEGAL_REF")
    assert found == {"type": "Nghị định", "number": "15/2020", "year": 2020}


def test_attributes(extractor):
    (found,) = attrs(extractor, "Theo Nghị định số 98/2023/NĐ-CP của Chính phủ.", "LEGAL_REF")
    assert found == {"type": "Nghị định", "number": "98/2023/NĐ-CP", "year": 2023, "issuer_code": "CP"}


@pytest.mark.parametrize("text", [
    "Ông là luật sư có nhiều năm kinh nghiệm.",
    "Cán bộ vi phạm kỷ luật sẽ bị xử lý nghiêm.",
    "Có 461/465 đại biểu tán thành.",
    "Số hồ sơ được duyệt là 12/C01 trên tổng số nộp.",          # a police-style code alone is no reference
    "Theo kế hoạch 5/2020 của đơn vị, việc kiểm tra diễn ra đúng hạn.",
])
def test_not_references(extractor, text):
    assert spans(extractor, text, "LEGAL_REF") == []
