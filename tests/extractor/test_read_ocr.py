"""Scanned pages and images through Tesseract's Vietnamese model; without it, an error that says how
to install it. Pages are rendered here from text we write."""

from __future__ import annotations

import io
from difflib import SequenceMatcher
from pathlib import Path

import pytest

from vnextract.extractor.errors import UnsupportedFormat
from vnextract.extractor.read import ocr as ocr_module
from vnextract.extractor.read import read_bytes

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")
PARAGRAPHS = [
    "Sáng 12/3, Ủy ban nhân dân tỉnh Quảng Trị tổ chức hội nghị tổng kết công tác thi đua, khen thưởng năm 2024.",
    "Ông Lê Đức Tiến, Giám đốc Sở Nội vụ, cho biết tỷ lệ hồ sơ giải quyết đúng hạn đạt 98,7%.",
    "Hội nghị đề nghị tặng Bằng khen cho 12 tập thể và 25 cá nhân có thành tích xuất sắc.",
]
needs_ocr = pytest.mark.skipif(not (ocr_module.ocr_available() and FONT.exists()),
                               reason="Tesseract with its Vietnamese model, or the DejaVu font, is not installed")


def _page(lines: list[str]):
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(str(FONT), 40)
    image = Image.new("L", (2480, 1200), 255)                 # an A4 width at 300 dpi
    draw = ImageDraw.Draw(image)
    y = 150
    for line in lines:
        words, row = line.split(), ""
        for word in words:                                    # wrap at the page width
            if draw.textlength(f"{row} {word}", font=font) > 2100 and row:
                draw.text((190, y), row, font=font, fill=0)
                y, row = y + 60, word
            else:
                row = f"{row} {word}".strip()
        draw.text((190, y), row, font=font, fill=0)
        y += 100
    return image


def _similar(a: str, b: str) -> float:
    return SequenceMatcher(None, " ".join(a.split()), " ".join(b.split())).ratio()


@needs_ocr
def test_an_image_is_read_by_ocr_with_its_confidence():
    buffer = io.BytesIO()
    _page(PARAGRAPHS).save(buffer, "PNG")
    raw = read_bytes(buffer.getvalue(), name="bao-cao.png")
    assert _similar(raw.text, "\n".join(PARAGRAPHS)) > 0.95
    assert raw.meta["ocr"]["pages"] == [1] and raw.meta["ocr"]["mean_confidence"] > 70
    assert len(raw.text.split("\n")) == len(PARAGRAPHS)        # one line per paragraph, as Tesseract found them


@needs_ocr
def test_a_scanned_pdf_is_read_by_ocr_and_says_which_pages(extractor):
    buffer = io.BytesIO()
    first, second = _page(PARAGRAPHS[:2]), _page(PARAGRAPHS[2:])
    first.save(buffer, "PDF", resolution=300, save_all=True, append_images=[second])
    raw = read_bytes(buffer.getvalue(), name="scan.pdf")
    assert raw.meta["ocr"]["pages"] == [1, 2]
    assert _similar(raw.text, "\n".join(PARAGRAPHS)) > 0.95
    found = {(e.label, e.text) for e in extractor.extract_raw(raw).entities}
    assert {("PROVINCE", "Quảng Trị"), ("PERSON", "Lê Đức Tiến"), ("PERCENT", "98,7%")} <= found


def test_without_tesseract_the_error_says_how_to_install_it(monkeypatch):
    pytesseract = pytest.importorskip("pytesseract")
    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", "/nonexistent/tesseract")
    ocr_module._tesseract.cache_clear()
    try:
        with pytest.raises(UnsupportedFormat, match="apt-get install tesseract-ocr tesseract-ocr-vie"):
            read_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64, name="scan.png")
    finally:
        ocr_module._tesseract.cache_clear()
