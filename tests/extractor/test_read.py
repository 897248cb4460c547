"""read: every supported encoding and format gives the same text; bad input gets a clear error."""

from __future__ import annotations

import codecs

import pytest

from tests.helpers.documents import make_docx, make_pdf, to_cp1258, to_legacy
from vnextract.extractor.errors import DecodeError, EmptyInput, InputTooLarge, UnsupportedFormat
from vnextract.extractor.read import decode_bytes, read_bytes
from vnextract.extractor.read.formats import html_text

TEXT = "Sở Thông tin và Truyền thông tỉnh Quảng Ninh đạt 91,6%; ông Nguyễn Văn Hùng được tặng Bằng khen."
LOWER = "sở y tế tỉnh quảng ninh đề nghị tặng bằng khen cho các đơn vị có thành tích xuất sắc trong năm."


@pytest.mark.parametrize("data", [
    TEXT.encode("utf-8"),
    codecs.BOM_UTF8 + TEXT.encode("utf-8"),
    TEXT.encode("utf-16"),
    TEXT.encode("utf-16-le"),
    TEXT.encode("utf-16-be"),
])
def test_unicode_encodings(data):
    assert decode_bytes(data) == TEXT


def test_windows_1258_is_decoded_to_the_same_letters():
    import unicodedata

    assert unicodedata.normalize("NFC", decode_bytes(to_cp1258(TEXT))) == TEXT


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_legacy_encodings_are_converted(encoding):
    assert decode_bytes(to_legacy(LOWER, encoding)) == LOWER


def test_mojibake_from_a_wrong_decode_is_repaired():
    def as_windows_1252(byte: int) -> str:          # as browsers decode it: undefined bytes → C1 controls
        try:
            return bytes([byte]).decode("cp1252")
        except UnicodeDecodeError:
            return chr(byte)

    broken = "".join(as_windows_1252(b) for b in TEXT.encode("utf-8")).encode("utf-8")
    assert decode_bytes(broken) == TEXT


def test_html_keeps_the_article_and_drops_scripts_styles_and_navigation():
    page = f"""<html><head><style>p {{color: red}}</style><script>var x = "Hà Nội";</script></head>
    <body><nav><a href="/">Trang chủ</a> | <a>Tin Hà Nội</a></nav><div class="menu-top">Chuyên mục</div>
    <article><h1>Tổng kết thi đua</h1><p>{TEXT}</p><p>Thanh <b>Nga</b></p></article>
    <footer>Bản quyền thuộc Sở Thông tin và Truyền thông</footer></body></html>"""
    text = html_text(page)
    assert text == f"Tổng kết thi đua\n{TEXT}\nThanh Nga"


def test_docx_paragraphs_and_tables():
    data = make_docx([TEXT, "Bảng số liệu"], [["Tỉnh", "Tỷ lệ"], ["Hà Nam", "98,4%"]])
    assert read_bytes(data, name="bao-cao.docx").text == f"{TEXT}\nBảng số liệu\nTỉnh\tTỷ lệ\nHà Nam\t98,4%"


def test_pdf_text_layer():
    assert read_bytes(make_pdf([TEXT, "Thanh Nga"]), name="bao-cao.pdf").text == f"{TEXT}\nThanh Nga"


@pytest.mark.parametrize("data, name, error, message", [
    (b"", "a.txt", DecodeError, "empty"),
    (b"\x00\x01\x02binary\x00", "a.txt", DecodeError, "binary"),
    (b"\x81\x8d\x8f\x90", "a.txt", DecodeError, "a.txt"),
    (b"   \n  ", "a.txt", EmptyInput, "no text"),
    (b"PK\x03\x04 broken", "a.docx", DecodeError, "not a readable DOCX"),
    (b"%PDF-1.4 broken", "a.pdf", DecodeError, "not a readable PDF"),
    (b"hello", "a.xlsx", UnsupportedFormat, "unsupported file type '.xlsx'"),
])
def test_bad_input_gets_a_clear_error(data, name, error, message):
    with pytest.raises(error, match=message):
        read_bytes(data, name=name)


def test_oversized_input_is_refused():
    with pytest.raises(InputTooLarge, match="limit"):
        read_bytes(b"a" * 101, name="a.txt", max_bytes=100)
