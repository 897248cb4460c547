"""PDF → text with PDFium (pypdfium2: Apache-2.0/BSD), which reads Vietnamese text layers right and
renders pages for OCR. Lines come back in the page's reading order and are joined into paragraphs
by their geometry: a line continues the paragraph unless the gap above it is wider than both the
page's usual line spacing and its own height, it is indented, the line before it ended short of
the column's right edge, or that line ended a sentence and this one starts with a capital (a
paragraph cut there loses no sentence); a paragraph runs on into the next column unless it ended.
Pages without a text layer go to OCR (read/ocr.py) when Tesseract is installed.

PDFium is not thread-safe: every call into it holds one lock.
"""

from __future__ import annotations

import itertools
import logging
import re
import statistics
import threading
from dataclasses import dataclass, field

from vnextract.extractor.errors import DecodeError, InputTooLarge
from vnextract.extractor.read.limits import Budget, ReadLimits, check_pdf_streams

log = logging.getLogger(__name__)
PDFIUM_LOCK = threading.Lock()
_SENTENCE_END = re.compile(r"[.!?:;…][”\"')]*$")
_MIN_TEXT_CHARS = 16           # a page with fewer visible characters than this has no text layer worth reading


@dataclass
class PdfText:
    text: str
    pages: int
    ocr_pages: list[int] = field(default_factory=list)         # 1-based
    ocr_confidence: float | None = None                          # mean word confidence, 0–100


@dataclass
class _Line:
    text: str
    left: float
    bottom: float
    right: float
    top: float

    @property
    def height(self) -> float:
        return self.top - self.bottom


def _lines(textpage) -> list[_Line]:
    """The page's lines in PDFium's reading order, each with its box (PDF units, y upwards)."""
    count = textpage.count_chars()
    if count <= 0:
        return []
    text = textpage.get_text_range(0, count)
    lines: list[_Line] = []
    start = 0
    for k in range(len(text) + 1):
        if k < len(text) and text[k] not in "\r\n":
            continue
        content = text[start:k]
        if content.strip():
            boxes = [textpage.get_charbox(i, loose=True) for i in range(start, min(k, count)) if not text[i].isspace()]
            if boxes:
                lines.append(_Line(" ".join(content.split()), min(b[0] for b in boxes), min(b[1] for b in boxes),
                                   max(b[2] for b in boxes), max(b[3] for b in boxes)))
        start = k + 1
    return lines


def _join(previous: str, line: str) -> str:
    if previous.endswith("-") and len(previous) > 1 and previous[-2].isalnum() and line[:1].isalnum():
        return previous + line                    # '712/QĐ-' + 'UBND': a number broken at its hyphen
    return previous + " " + line


def paragraphs(lines: list[_Line]) -> list[str]:
    """Lines joined into paragraphs by their geometry (see the module's docstring)."""
    if not lines:
        return []
    spacings = [a.bottom - b.bottom for a, b in itertools.pairwise(lines) if 0 < a.bottom - b.bottom < 3 * a.height]
    spacing = statistics.median(spacings) if spacings else max(line.height for line in lines) * 1.2
    out = [lines[0].text]
    column_left, column_right = lines[0].left, lines[0].right
    for before, line in itertools.pairwise(lines):
        step = before.bottom - line.bottom
        em = max(before.height, line.height, 1.0)
        new_column = step < -em or line.left > before.right
        if not new_column:
            column_left, column_right = min(column_left, line.left), max(column_right, before.right)
        ended_short = before.right < column_right - 2.5 * em
        sentence_end = _SENTENCE_END.search(before.text) is not None and line.text[:1].isupper()
        if new_column:                     # a paragraph runs on into the next column unless it ended
            column_left, column_right = line.left, line.right
            breaks = ended_short or sentence_end
        else:
            indented = line.left > column_left + 0.8 * em and line.left > before.left + 0.8 * em
            gap = step > 1.35 * spacing and step > 1.3 * em
            breaks = gap or ended_short or indented or step < 0.5 * em or sentence_end
        if breaks:
            out.append(line.text)
        else:
            out[-1] = _join(out[-1], line.text)
    return out


def pdf_text(data: bytes, *, name: str, limits: ReadLimits, budget: Budget) -> PdfText:
    """The text of a PDF, paragraph by paragraph and page by page; pages with no text layer are
    OCRed when Tesseract is there, and an error says how to install it when it is not."""
    import pypdfium2 as pdfium

    check_pdf_streams(data, limits, budget, name=name)
    texts: list[str] = []
    scanned: list[int] = []
    with PDFIUM_LOCK:
        try:
            document = pdfium.PdfDocument(data)
        except (pdfium.PdfiumError, ValueError, OSError) as exc:
            raise DecodeError(f"{name}: not a readable PDF ({exc})") from exc
        try:
            count = len(document)
            if count > limits.max_pages:
                raise InputTooLarge(f"{name}: {count:,} pages; the limit is {limits.max_pages:,}")
            for index in range(count):
                budget.check(f"reading page {index + 1} of the PDF")
                try:
                    page = document[index]
                    textpage = page.get_textpage()
                    lines = _lines(textpage)
                except pdfium.PdfiumError as exc:
                    raise DecodeError(f"{name}: page {index + 1} is unreadable ({exc})") from exc
                visible = sum(len(line.text) - line.text.count(" ") for line in lines)
                if visible < _MIN_TEXT_CHARS:
                    scanned.append(index)
                texts.append("\n".join(paragraphs(lines)) if visible else "")
                textpage.close()
                page.close()
        finally:
            document.close()
    result = PdfText("", count)
    if scanned:
        from vnextract.extractor.read.ocr import ocr_pdf_pages, render_pages

        pages = ocr_pdf_pages(render_pages(data, scanned, limits=limits, budget=budget), budget=budget)
        for k, page_text in zip(scanned, pages, strict=True):
            texts[k] = page_text.text if page_text.text.strip() else texts[k]
        result.ocr_pages = [k + 1 for k in scanned]
        confidences = [p.confidence for p in pages if p.text.strip()]
        result.ocr_confidence = round(statistics.fmean(confidences), 1) if confidences else None
    result.text = "\n".join(t for t in texts if t.strip())
    return result
