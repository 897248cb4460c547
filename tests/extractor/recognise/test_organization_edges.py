"""ORGANIZATION names that end where officials' records need them to: never in the next sentence,
never over the name of the person written after the body's place, and a party committee is named by
its place, not by the person after it."""

from __future__ import annotations

import pytest

from tests.extractor.helpers import spans


@pytest.mark.parametrize("text, organisations, persons", [
    # a name never runs into the next sentence
    ("Bộ Chính trị phân công ông Trần Văn Nghĩa làm Bí thư Thành ủy TP.HCM. Cũng tại phiên họp, ông Lê Văn Hậu "
     "được giao làm Phó Bí thư.", ["Bộ Chính trị", "Thành ủy TP.HCM"], ["Trần Văn Nghĩa", "Lê Văn Hậu"]),
    # a person's name after the place of a body is the person's
    ("Dự lễ có cựu Bí thư Thành ủy TP.HCM Phan Thanh Hào và nhiều lão thành cách mạng.", ["Thành ủy TP.HCM"],
     ["Phan Thanh Hào"]),
    # a party committee written right before a name: the name is a person
    ("Phó Bí thư Thường trực Thành ủy Võ Thị Hằng phát biểu.", [], ["Võ Thị Hằng"]),
])
def test_names_end_before_persons_and_sentences(extractor, text, organisations, persons):
    assert spans(extractor, text, "ORGANIZATION") == organisations
    assert spans(extractor, text, "PERSON") == persons


@pytest.mark.parametrize("text, expected", [
    # places that hold family names still name a committee
    ("Bí thư Huyện ủy Hoàng Su Phì và Bí thư Quận ủy Hoàng Mai cùng dự.", ["Huyện ủy Hoàng Su Phì", "Quận ủy Hoàng Mai"]),
    ("Thành ủy Hà Nội ban hành chỉ thị.", ["Thành ủy Hà Nội"]),
])
def test_committees_named_by_places_that_look_like_names(extractor, text, expected):
    assert spans(extractor, text, "ORGANIZATION") == expected


def test_a_title_after_dong_chi_is_no_name(extractor):
    text = "Dự có các đồng chí Phó Bí thư Tỉnh ủy: Nguyễn Hữu Khiêm, Lê Đình Thuận."
    assert spans(extractor, text, "PERSON") == ["Nguyễn Hữu Khiêm", "Lê Đình Thuận"]
