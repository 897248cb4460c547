"""Normalisation happens on a shadow copy; the offset map takes every span back to the original."""

from __future__ import annotations

import unicodedata

import pytest

from vnextract.extractor.normalise import normalise
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
