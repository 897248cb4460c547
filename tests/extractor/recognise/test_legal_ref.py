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
    ("Các văn bản 98/2023/NĐ-CP và 1290/QĐ-TTg đã được ban hành.", ["98/2023/NĐ-CP", "1290/QĐ-TTg"]),
    ("UBND đã ký các Quyết định mang số 2356, 2357 và 2358.", ["Quyết định mang số 2356", "2357", "2358"]),
])
def test_references(extractor, text, expected):
    assert spans(extractor, text, "LEGAL_REF") == expected


def test_attributes(extractor):
    (found,) = attrs(extractor, "Theo Nghị định số 98/2023/NĐ-CP của Chính phủ.", "LEGAL_REF")
    assert found == {"type": "Nghị định", "number": "98/2023/NĐ-CP", "year": 2023, "issuer_code": "CP"}


@pytest.mark.parametrize("text", [
    "Ông là luật sư có nhiều năm kinh nghiệm.",
    "Cán bộ vi phạm kỷ luật sẽ bị xử lý nghiêm.",
    "Có 461/465 đại biểu tán thành.",
])
def test_not_references(extractor, text):
    assert spans(extractor, text, "LEGAL_REF") == []
