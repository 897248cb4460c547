"""PERSON: a name ends before a title; a given name written alone after a title and its organisation, or after an honorific
where the word segmenter glued it to the next verb, is the person already named in full; and a
one-syllable word after 'tỉnh' is no province."""

from __future__ import annotations

import pytest

from tests.extractor.helpers import spans


@pytest.mark.parametrize("text, expected", [
    ("Sáng 12/3, ông Nguyễn Văn Công đến thăm nhà máy. Phó Chủ tịch UBND tỉnh Công nhấn mạnh yêu cầu an toàn.",
     ["Nguyễn Văn Công", "Công"]),
    ("Tham dự có đồng chí Lê Minh Hưng. Đồng chí Hưng hiện là Bí thư Tỉnh ủy Bình Định.", ["Lê Minh Hưng", "Hưng"]),
])
def test_a_given_name_named_in_full_before(extractor, text, expected):
    assert spans(extractor, text, "PERSON") == expected


@pytest.mark.parametrize("text", [
    # no one of that given name was named in full: the word stays unexplained
    "Phó Chủ tịch UBND tỉnh Công nhấn mạnh yêu cầu an toàn lao động.",
    "Đồng chí Hưng hiện là Bí thư Tỉnh ủy Bình Định.",
])
def test_a_given_name_alone_is_not_enough(extractor, text):
    assert spans(extractor, text, "PERSON") == []


def test_a_one_syllable_name_after_tinh_is_no_province(extractor):
    text = "Ông Nguyễn Văn Công đến thăm. Phó Chủ tịch UBND tỉnh Công cho biết sẽ hỗ trợ."
    assert "UBND tỉnh Công" not in spans(extractor, text, "ORGANIZATION")


def test_a_name_ends_before_the_title_in_the_next_column(extractor):
    text = "Nguyễn Văn An\tChủ tịch UBND tỉnh\nTrần Thị Bình\tPhó Chủ tịch UBND tỉnh\n"
    assert spans(extractor, text, "PERSON") == ["Nguyễn Văn An", "Trần Thị Bình"]
