"""Every record's evidence points at the text it claims, in the text as the user gave it: also when
that text is decomposed (NFD) or writes tones the old way ('hoà', 'Thuỷ'), where the shadow text the
pipeline reads differs from it."""

from __future__ import annotations

import unicodedata

import pytest

from vnextract.extractor import Extractor

ARTICLE = (
    "Công ty Thủy điện Hòa Bình đón nhận Huân chương Lao động hạng Nhì\n"
    "Sáng 12/6/2024, tại tỉnh Hòa Bình, Công ty Thủy điện Hòa Bình tổ chức lễ đón nhận Huân chương Lao động hạng nhì "
    "của Chủ tịch nước theo Quyết định số 812/QĐ-CTN. Ông Bùi Văn Khánh, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh Hòa "
    "Bình, trao Huân chương Lao động hạng Nhì cho Công ty Thủy điện Hòa Bình. Ông Khánh đề nghị công ty tiếp tục bảo "
    "đảm an toàn hồ chứa. Nhân dịp này, Chủ tịch UBND tỉnh tặng Bằng khen cho bà Quách Thị Thủy, Giám đốc Công ty.\n"
    "Năm 2023, tỉnh Hòa Bình có 98,5% hộ dân được dùng điện lưới quốc gia."
)
OLD_TONES = ARTICLE.replace("Hòa", "Hoà").replace("Thủy", "Thuỷ")


def _key(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def _inside(span, spans) -> bool:
    return any(s <= span[0] and span[1] <= e for s, e in spans)


@pytest.fixture(scope="module")
def extractor():
    return Extractor()


@pytest.mark.parametrize("text", [ARTICLE, unicodedata.normalize("NFD", ARTICLE), OLD_TONES,
                                  unicodedata.normalize("NFD", OLD_TONES)], ids=["nfc", "nfd", "old-tones", "nfd-old-tones"])
def test_every_evidence_offset_points_at_what_the_record_claims(extractor, text):
    document = extractor.extract(text, {"date": "2024-06-13"})
    kinds = {r.type for r in document.records}
    assert kinds == {"official", "award", "percentage"}
    for r in document.records:
        ev = r.evidence
        assert ev is not None and ev.sentences
        for s, e in ev.sentences:
            assert 0 <= s < e <= len(text)
        if r.type == "official":
            assert text[slice(*ev.person[0])] == r.person            # the first mention is the fullest name
            for s, e in ev.person:
                assert _key(text[s:e]) in _key(r.person) and _inside((s, e), ev.sentences)
            assert len(ev.titles) == len(r.titles)
            for title, spans in zip(r.titles, ev.titles, strict=True):
                assert all(title in text[s:e] for s, e in spans)
        elif r.type == "award":
            for s, e in ev.award:
                assert _key(text[s:e]).split()[:2] == _key(r.award).split()[:2] and _inside((s, e), ev.sentences)
            assert len(ev.recipients) == len(r.recipients)
            for recipient, spans in zip(r.recipients, ev.recipients, strict=True):
                assert all(_key(text[s:e]) in _key(recipient) or _key(recipient) in _key(text[s:e]) for s, e in spans)
            assert all(text[s:e] == r.issuer for s, e in ev.issuer)
            if r.decision:
                assert text[slice(*r.decision.span)] == r.decision.text
        else:
            assert text[slice(*ev.percent[0])] == r.percent
            if r.subject:
                assert text[slice(*ev.subject[0])] == r.subject


def test_the_same_records_come_out_of_every_spelling(extractor):
    def shape(text):
        return sorted((r.type, _key(getattr(r, "person", None) or getattr(r, "award", None) or r.percent))
                      for r in extractor.extract(text).records)

    expected = shape(ARTICLE)
    for variant in (unicodedata.normalize("NFD", ARTICLE), OLD_TONES):
        assert [(t, k.replace("hoà", "hòa").replace("thuỷ", "thủy")) for t, k in shape(variant)] == expected
