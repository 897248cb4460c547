"""Normalisation happens on a shadow copy; the offset map takes every span back to the original."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.extractor.helpers import spans
from vnextract.extractor.normalise import normalise, normalised
from vnextract.extractor.normalise.unicode import fold_tones
from vnextract.extractor.types import RawDocument


@pytest.mark.parametrize("old, new", [
    ("Hoà Bình", "Hòa Bình"), ("Thanh Hoá", "Thanh Hóa"), ("thuỷ lợi", "thủy lợi"), ("Uỷ ban", "Ủy ban"),
    ("khoẻ", "khỏe"), ("qúy", "quý"), ("quý", "quý"), ("hoàn thành", "hoàn thành"), ("HOÀ", "HÒA"),
])
def test_one_tone_placement(old, new):
    assert fold_tones(old) == new


@pytest.mark.parametrize("text", [
    unicodedata.normalize("NFD", "Ủy ban nhân dân tỉnh Thừa Thiên Huế"),
    "Ðắk Lắk\u00a0–\u2009Thanh Hoá  “Hoà”",
    "",
    "a\u0301\u0323b",
])
def test_offset_map_round_trips_every_character(text):
    shadow = normalise(RawDocument(text))
    assert len(shadow.offsets.starts) == len(shadow.text)
    for i in range(len(shadow.text)):
        start, end = shadow.offsets.to_original(i, i + 1)
        assert unicodedata.normalize("NFC", text[start:end]).casefold() != "" and 0 <= start < end <= len(text)
    if shadow.text:
        assert shadow.offsets.to_original(0, len(shadow.text)) == (0, len(text))


def test_shadow_text_is_nfc_with_one_dash_and_plain_spaces():
    shadow = normalise(RawDocument(unicodedata.normalize("NFD", "Bà Rịa\u00a0–\u00a0Vũng Tàu, Ðồng Nai")))
    assert shadow.text == "Bà Rịa - Vũng Tàu, Đồng Nai"


def test_composed_text_maps_one_to_one_and_a_lone_mark_stays_with_its_letter():
    composed = normalise(RawDocument("Ủy ban nhân dân tỉnh Thừa Thiên Huế đạt 91,6%"))
    assert composed.offsets.starts == tuple(range(len(composed.text)))
    # NFC already, but "x̂" has no precomposed form: the mark belongs to the x's span
    text = "Trạm x\u0302 Hà Nội"
    shadow = normalise(RawDocument(text))
    x = shadow.text.index("x")
    assert shadow.offsets.to_original(x, x + 1) == (x, x + 2)
    assert shadow.offsets.to_original(shadow.text.index("Hà"), len(shadow.text)) == (text.index("Hà"), len(text))


# Invisible characters copied from web pages and PDFs: skipped on the shadow text, where they stand
# for a space between two words they become one, and offsets still point into the text as given.
@pytest.mark.parametrize("text, label, expected", [
    ("Ông Nguyễn\u200dVăn An dự họp.", "PERSON", "Nguyễn\u200dVăn An"),
    ("UBND tỉnh Hà\u2060Nam tổ chức hội nghị.", "ORGANIZATION", "UBND tỉnh Hà\u2060Nam"),
    ("UBND tỉnh Hà\u2060Nam tổ chức hội nghị.", "PROVINCE", "Hà\u2060Nam"),
    ("Tỷ lệ hộ nghèo giảm còn 9\u200d1,6%.", "PERCENT", "9\u200d1,6%"),
    ("Tỷ lệ đạt 9\u00ad1,6%\u200e trong năm.", "PERCENT", "9\u00ad1,6%"),
    ("\ufeffTỉnh Quảng\u200cNinh đạt 98,4%.", "PROVINCE", "Quảng\u200cNinh"),
    ("Bà Trần Thị\u2066 Mai\u2069, Giám đốc Sở Y tế, phát biểu.", "PERSON", "Trần Thị\u2066 Mai"),
    ("Theo Quyết định số 1\u00ad23/QĐ-UBND ngày 5/1/2024.", "LEGAL_REF", "Quyết định số 1\u00ad23/QĐ-UBND"),
])
def test_invisible_characters_do_not_break_entities(extractor, text, label, expected):
    assert expected in spans(extractor, text, label)


def test_an_invisible_character_is_dropped_or_becomes_a_space_between_words():
    shadow = normalise(RawDocument("\ufeffÔng Nguyễn\u200dVăn An đạt 9\u200d1,6%\u00ad."))
    assert shadow.text == "Ông Nguyễn Văn An đạt 91,6%."
    space = shadow.text.index(" Văn")
    assert shadow.offsets.to_original(space, space + 1) == (11, 12)          # the joiner itself
    assert shadow.offsets.to_original(0, 3) == (1, 4)                         # the BOM is not part of "Ông"


INVISIBLES = ["\u00ad", "\u200c", "\u200d", "\u200e", "\u200f", "\u202a", "\u202c", "\u2060", "\u2066", "\u2069",
              "\ufeff"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 60), st.sampled_from(INVISIBLES), st.booleans()), max_size=6))
def test_every_word_normalised_on_its_own_is_its_shadow_text(insertions):
    """The output check re-normalises each entity's original span on its own: whatever the
    invisible characters (and decomposed letters) around it, it must give the shadow text."""
    text = "Sáng 5/11, Ông Nguyễn Văn An, Giám đốc Sở Y tế tỉnh Hà Nam, cho biết đạt 91,6%."
    for position, char, decompose in sorted(insertions, reverse=True):
        text = text[:position] + char + (unicodedata.normalize("NFD", text[position:position + 1]) if decompose
                                          else text[position:position + 1]) + text[position + 1:]
    shadow = normalise(RawDocument(text))
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", shadow.text)]
    for a, b in [*words, *zip((w[0] for w in words), (w[1] for w in words[2:]), strict=False)]:
        start, end = shadow.offsets.to_original(a, b)
        assert normalised(text[start:end]) == shadow.text[a:b]
