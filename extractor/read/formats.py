"""Files → RawDocument, by type: text in any supported encoding, HTML (the article's text), DOCX
(paragraphs and tables in order), PDF (text layer by paragraph, OCR for scanned pages), images
(OCR), legacy Word .doc and RTF. Every reader works within read/limits.py's bounds and the time
budget; a file over a bound is refused with a clear error."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from vnextract.extractor.errors import EmptyInput, InputTooLarge, UnsupportedFormat
from vnextract.extractor.read.decode import decode_bytes
from vnextract.extractor.read.html import html_text
from vnextract.extractor.read.legacy import legacy_convert
from vnextract.extractor.read.limits import DEFAULT_LIMITS, Budget, ReadLimits
from vnextract.extractor.read.ocr import IMAGE_SUFFIXES
from vnextract.extractor.types import RawDocument

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
WORD_SUFFIXES = {".doc", ".rtf"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | {".docx", ".pdf"} | WORD_SUFFIXES | IMAGE_SUFFIXES
MAX_BYTES = DEFAULT_LIMITS.max_bytes

__all__ = ["MAX_BYTES", "SUPPORTED_SUFFIXES", "html_text", "read_bytes", "read_path"]


def read_bytes(data: bytes, *, name: str, meta: dict[str, Any] | None = None, id: str | None = None,
               max_bytes: int | None = None, limits: ReadLimits | None = None, deadline: Any = None) -> RawDocument:
    """A RawDocument from the bytes of a file called `name` (its suffix decides the format).
    `deadline` (a `types.Deadline`, anything with `.check(where)`, or a time.monotonic() value)
    bounds the reading together with the limits' own time budget."""
    limits = limits or DEFAULT_LIMITS
    max_bytes = limits.max_bytes if max_bytes is None else max_bytes
    if len(data) > max_bytes:
        raise InputTooLarge(f"{name}: {len(data):,} bytes; the limit is {max_bytes:,}")
    budget = Budget(limits, deadline)
    suffix = Path(name).suffix.casefold()
    extra: dict[str, Any] = {}
    if suffix in TEXT_SUFFIXES or not suffix:
        text = decode_bytes(data, name=name)
    elif suffix in HTML_SUFFIXES:
        text = html_text(decode_bytes(data, name=name), limits=limits, budget=budget)
    elif suffix == ".docx":
        from vnextract.extractor.read.docx import docx_text

        text = docx_text(data, name=name, limits=limits, budget=budget)
    elif suffix == ".pdf":
        from vnextract.extractor.read.pdf import pdf_text

        pdf = pdf_text(data, name=name, limits=limits, budget=budget)
        text = pdf.text
        if pdf.ocr_pages:
            extra["ocr"] = {"pages": pdf.ocr_pages, "mean_confidence": pdf.ocr_confidence, "engine": "tesseract (vie)"}
    elif suffix in IMAGE_SUFFIXES:
        from vnextract.extractor.read.ocr import image_text

        text, pages = image_text(data, name=name, limits=limits, budget=budget)
        confidences = [p.confidence for p in pages if p.text.strip()]
        extra["ocr"] = {"pages": list(range(1, len(pages) + 1)), "engine": "tesseract (vie)",
                        "mean_confidence": round(sum(confidences) / len(confidences), 1) if confidences else None}
    elif suffix in WORD_SUFFIXES:
        from vnextract.extractor.read.word import doc_text, rtf_text

        if suffix == ".doc":
            text = doc_text(data, name=name, limits=limits, budget=budget)
        else:
            text = rtf_text(data, name=name, budget=budget)
    else:
        raise UnsupportedFormat(f"{name}: unsupported file type {suffix!r} "
                                f"(supported: {', '.join(sorted(SUPPORTED_SUFFIXES))})")
    if suffix not in TEXT_SUFFIXES and suffix not in HTML_SUFFIXES and suffix:
        legacy = legacy_convert(text)                  # a .VnTime document: the font's code points
        text = legacy[0] if legacy else text
    if not text.strip():
        hint = " (a scanned PDF has no text layer, and OCR found none)" if suffix == ".pdf" else ""
        raise EmptyInput(f"{name}: no text found{hint}")
    return RawDocument(text=text, meta={"source": name, **extra, **(meta or {})}, id=id or Path(name).name)


def read_path(path: str | Path, *, max_bytes: int | None = None, limits: ReadLimits | None = None,
              deadline: Any = None) -> RawDocument:
    path = Path(path)
    if not path.is_file():
        raise UnsupportedFormat(f"{path}: not a file")
    limit = (limits or DEFAULT_LIMITS).max_bytes if max_bytes is None else max_bytes
    size = path.stat().st_size
    if size > limit:
        raise InputTooLarge(f"{path}: {size:,} bytes; the limit is {limit:,}")
    return read_bytes(path.read_bytes(), name=str(path), max_bytes=limit, limits=limits, deadline=deadline)
