"""OCR of scanned pages and images with Tesseract's Vietnamese model (the optional `[ocr]` extra:
`pip install "vnextract[ocr]"` for pytesseract and Pillow, and Debian's `tesseract-ocr` and
`tesseract-ocr-vie`). Words come back grouped as Tesseract found them (block, paragraph, line), so a
paragraph is one line of text; each page reports its mean word confidence (0–100)."""

from __future__ import annotations

import io
import shutil
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

from vnextract.extractor.errors import DecodeError, InputTooLarge, UnsupportedFormat
from vnextract.extractor.read.limits import DEFAULT_LIMITS, Budget, ReadLimits

IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".gif", ".webp"}
DPI = 300
LANGUAGE = "vie"
INSTALL = ('install the OCR extra: pip install "vnextract[ocr]" and apt-get install tesseract-ocr tesseract-ocr-vie')


@dataclass(frozen=True)
class OcrPage:
    text: str
    confidence: float              # mean confidence of the page's words, 0–100 (0 when none was found)


@cache
def _tesseract():
    """pytesseract, once Tesseract and its Vietnamese model are known to be there."""
    try:
        import pytesseract
    except ImportError as exc:
        raise UnsupportedFormat(f"OCR needs pytesseract: {INSTALL}") from exc
    if shutil.which(pytesseract.pytesseract.tesseract_cmd) is None:
        raise UnsupportedFormat(f"OCR needs the tesseract program: {INSTALL}")
    if LANGUAGE not in pytesseract.get_languages(config=""):
        raise UnsupportedFormat(f"OCR needs Tesseract's Vietnamese model: {INSTALL}")
    return pytesseract


def ocr_available() -> bool:
    try:
        _tesseract()
    except UnsupportedFormat:
        return False
    return True


def ocr_image(image, *, budget: Budget | None = None) -> OcrPage:
    """One page image (a Pillow image) → its text, paragraph per line, and mean confidence."""
    pytesseract = _tesseract()
    timeout = budget.remaining() if budget is not None else None
    try:
        data = pytesseract.image_to_data(image, lang=LANGUAGE, output_type=pytesseract.Output.DICT,
                                         timeout=max(1.0, timeout) if timeout is not None else 0)
    except RuntimeError as exc:                   # pytesseract's timeout
        if budget is not None:
            budget.check("OCR")
        raise DecodeError(f"OCR failed: {exc}") from exc
    except pytesseract.TesseractError as exc:
        raise DecodeError(f"OCR failed: {exc}") from exc
    paragraphs: dict[tuple[int, int], list[str]] = {}
    confidences = []
    for k, word in enumerate(data["text"]):
        if not word.strip():
            continue
        paragraphs.setdefault((data["block_num"][k], data["par_num"][k]), []).append(word.strip())
        confidence = float(data["conf"][k])
        if confidence >= 0:
            confidences.append(confidence)
    text = "\n".join(" ".join(words) for words in paragraphs.values())
    return OcrPage(text, round(sum(confidences) / len(confidences), 1) if confidences else 0.0)


def ocr_pdf_pages(images: Iterable, *, budget: Budget | None = None) -> list[OcrPage]:
    pages = []
    for image in images:
        if budget is not None:
            budget.check("OCR")
        pages.append(ocr_image(image, budget=budget))
    return pages


def render_pages(data: bytes, indexes: Iterable[int], *, limits: ReadLimits = DEFAULT_LIMITS,
                 budget: Budget | None = None) -> Iterator:
    """The PDF's pages at `indexes` rendered at 300 dpi in greyscale, as Pillow images."""
    import pypdfium2 as pdfium

    from vnextract.extractor.read.pdf import PDFIUM_LOCK

    _tesseract()
    wanted = list(indexes)
    with PDFIUM_LOCK:
        document = pdfium.PdfDocument(data)
        wanted = [k for k in wanted if k < len(document)]
    if len(wanted) > limits.max_ocr_pages:
        raise InputTooLarge(f"{len(wanted):,} scanned pages to OCR; the limit is {limits.max_ocr_pages:,}")
    try:
        for index in wanted:
            if budget is not None:
                budget.check(f"rendering page {index + 1} for OCR")
            with PDFIUM_LOCK:
                page = document[index]
                width, height = page.get_size()
                scale = DPI / 72
                if width * height * scale * scale > limits.max_pixels:
                    scale = (limits.max_pixels / (width * height)) ** 0.5
                image = page.render(scale=scale, grayscale=True).to_pil()
                page.close()
            yield image
    finally:
        with PDFIUM_LOCK:
            document.close()


def image_text(data: bytes, *, name: str, limits: ReadLimits = DEFAULT_LIMITS,
               budget: Budget | None = None) -> tuple[str, list[OcrPage]]:
    """The text of an image file (every frame of a multi-page TIFF), by OCR."""
    _tesseract()
    from PIL import Image, ImageSequence, UnidentifiedImageError

    try:
        image = Image.open(io.BytesIO(data))
        image.size  # noqa: B018 (the header is read here)
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as exc:
        raise DecodeError(f"{name}: not a readable image ({exc})") from exc
    pages = []
    for number, frame in enumerate(ImageSequence.Iterator(image), start=1):
        if number > min(limits.max_pages, limits.max_ocr_pages):
            raise InputTooLarge(f"{name}: more than {min(limits.max_pages, limits.max_ocr_pages):,} pages to OCR")
        width, height = frame.size
        if width * height > limits.max_pixels:
            raise InputTooLarge(f"{name}: an image of {width}×{height} pixels; the limit is {limits.max_pixels:,}")
        if budget is not None:
            budget.check(f"OCR of page {number}")
        try:
            pages.append(ocr_image(frame.convert("L"), budget=budget))
        except (OSError, ValueError) as exc:
            raise DecodeError(f"{name}: page {number} of the image is unreadable ({exc})") from exc
    return "\n".join(p.text for p in pages if p.text.strip()), pages
