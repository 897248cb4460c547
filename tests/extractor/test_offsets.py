"""Tokens realign on hostile input, and a token that is not in the text fails loudly."""

from __future__ import annotations

import pytest

from extractor.errors import AlignmentError
from extractor.offsets import align_tokens
from extractor.segment.words import word_tokens


@pytest.mark.parametrize("text", [
    "Sở  Y tế\u00a0tỉnh Quảng Ninh",
    "Trần Gia\nLong, Tỉnh ủy viên",
    "Hoà Bình và Hòa Bình",
    "",
    "   ",
])
def test_underthesea_words_realign(text):
    tokens = word_tokens(text, (0, len(text)))
    for token in tokens:
        assert text[token.start:token.end] == token.text
    assert "".join("".join(t.text.split()) for t in tokens) == "".join(text.split())


def test_a_token_missing_from_the_text_raises():
    with pytest.raises(AlignmentError):
        align_tokens("Sở Y tế", ["Sở", "Y tế", "Hà Nội"])


def test_spaces_inside_a_token_match_any_white_space_run():
    assert align_tokens("Thông  tin\nvà", ["Thông tin", "và"]) == [(0, 10), (11, 13)]
