"""Legacy encodings round-trip (TCVN3 with its capitals font, VNI, VISCII, with Word's punctuation),
and a Unicode text is never converted because of letters Vietnamese uses."""

from __future__ import annotations

import pytest

from tests.helpers.documents import make_docx, to_legacy
from vnextract.corpora import SAMPLE_ARTICLE
from vnextract.extractor.read import decode_bytes, read_bytes
from vnextract.extractor.read.legacy import is_syllable, legacy_convert

ARTICLE = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
           "Độc lập – Tự do – Hạnh phúc\n"
           "Ngày 12/3, Sở Nội vụ tỉnh Quảng Trị tổ chức hội nghị “Tổng kết phong trào thi đua yêu nước” "
           "giai đoạn 2020–2025… Ông Lê Đức Tiến, Giám đốc Sở, cho biết: “Tỷ lệ hồ sơ đúng hạn đạt 98,7%”.\n"
           "Ở cấp tỉnh, những tập thể được đề nghị tặng Bằng khen gồm: Phòng Thi đua – Khen thưởng, UBND huyện "
           "Hướng Hóa và Trường Trung học phổ thông Đông Hà. Ủy ban nhân dân tỉnh đồng ý.")
STRAIGHT = ARTICLE.replace("“", '"').replace("”", '"').replace("–", "-").replace("…", "...")
SEED = SAMPLE_ARTICLE.read_text(encoding="utf-8")


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_word_era_files_with_curly_quotes_dashes_and_ellipses_round_trip(encoding):
    data = to_legacy(ARTICLE, encoding)
    assert any(0x80 <= b < 0xA0 for b in data)                  # Windows-1252 punctuation is in the bytes
    assert decode_bytes(data) == ARTICLE


def test_viscii_round_trips():
    assert decode_bytes(to_legacy(STRAIGHT, "viscii")) == STRAIGHT


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_the_seed_article_with_curly_quotes_decodes_to_the_clean_seed(encoding):
    seed = SEED.replace("Cụm thi đua số 4 gồm", "“Cụm thi đua số 4” gồm", 1).replace(", ", " – ", 2) + "…"
    assert decode_bytes(to_legacy(seed, encoding), name="seed.txt") == seed


def test_tcvn3_capitals_font_comes_back_in_capitals():
    # TCVN3 has no accented capitals: "CỘNG" is typed "CéNG" in the capitals font, "Ở" is "ë".
    data = to_legacy(ARTICLE, "tcvn3")
    assert b"C\xe9NG" in data and "CỘNG".encode() not in data
    text = decode_bytes(data)
    assert text.split("\n")[0] == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert "Ở cấp tỉnh" in text and "Ủy ban nhân dân tỉnh" in text


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_legacy_text_read_from_a_word_document_is_converted(encoding):
    # A .VnTime document: python-docx hands over the font's code points as Unicode characters.
    as_unicode = to_legacy(STRAIGHT, encoding).decode("latin-1")
    paragraphs = as_unicode.split("\n")
    assert read_bytes(make_docx(paragraphs), name="cu.docx").text == STRAIGHT


def test_a_document_typed_partly_in_a_unicode_font_keeps_the_unicode_lines():
    legacy_lines = to_legacy(STRAIGHT, "tcvn3").decode("latin-1").split("\n")
    mixed = "\n".join([legacy_lines[0], "Bổ sung năm 2024: Sở Nội vụ đạt 99,1% hồ sơ đúng hạn.", *legacy_lines[1:]])
    converted, table = legacy_convert(mixed)
    assert table == "tcvn3"
    lines = STRAIGHT.split("\n")
    assert converted == "\n".join([lines[0], "Bổ sung năm 2024: Sở Nội vụ đạt 99,1% hồ sơ đúng hạn.", *lines[1:]])


@pytest.mark.parametrize("text", [
    "Bộ phim “Cha cõng con” được khán giả đón nhận; đạo diễn cho biết trên phim trường ở Đình Bảng rất vui.",
    "CÔNG TY CỔ PHẦN ÔTÔ MIỀN TRUNG: Ông Lê Văn Thành được bầu làm Chủ tịch HĐQT.",
    "Nhiệt độ 35°C · Giá 1.500 USD/ounce · © Báo Tin Tức 2024 · Chủ đề: «kinh tế»",
    "Cô Françoise Müller (Thụy Sĩ) và ông Søren Ærø dự lễ trao Huân chương Hữu nghị.",
    "Cha cõng con ù lì òa khóc, ông Tùng õng ẹo.",
    "Café Sài Gòn – bánh mì, phở, bún bò… giá 35.000 đồng.",
])
def test_a_unicode_text_is_never_converted(text):
    assert legacy_convert(text) is None
    assert decode_bytes(text.encode("utf-8")) == text
    assert decode_bytes(text.encode("utf-16")) == text


@pytest.mark.parametrize("word, expected", [
    ("nghiêng", True), ("khuyến", True), ("trường", True), ("quốc", True), ("gì", True), ("oanh", True),
    ("hoµ", False), ("Tæng", False), ("Vieät", False), ("qúyể", False), ("USD", False),
])
def test_syllable_shapes(word, expected):
    assert is_syllable(word) is expected


@pytest.mark.parametrize("encoding", ["tcvn3", "vni", "viscii"])
def test_every_vietnamese_letter_has_a_legacy_form(encoding):
    from vnextract.extractor.read.legacy import table, vietnamese_letters

    written = {unicode for _, unicode in table(encoding)}
    lacking = {c for c in vietnamese_letters() if not c.isascii() and c not in written}
    if encoding == "tcvn3":        # no accented capitals (its capitals font draws the lowercase bytes)
        lacking = {c for c in lacking if c.lower() not in written}
    if encoding == "viscii":       # Latin-1's Vietnamese letters stay where they are
        lacking = {c for c in lacking if ord(c) > 0xFF}
    assert not lacking
