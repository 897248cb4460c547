"""Files → RawDocument, by type: text, HTML (visible article text), DOCX (paragraphs and tables
in order), PDF (text layer)."""

from __future__ import annotations

import io
import logging
import re
import zipfile
from pathlib import Path
from typing import Any

from vnextract.extractor.errors import DecodeError, EmptyInput, InputTooLarge, UnsupportedFormat
from vnextract.extractor.read.decode import decode_bytes, legacy_convert
from vnextract.extractor.types import RawDocument

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | {".docx", ".pdf"}
MAX_BYTES = 50 * 1024 * 1024
logging.getLogger("pypdf").setLevel(logging.ERROR)      # a broken PDF is reported as a DecodeError, once

_DROP_TAGS = ["script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "svg", "button",
              "template", "select", "menu"]
_DROP_HINTS = re.compile(r"(?:^|[-_ ])(?:menu|nav|navbar|footer|breadcrumbs?|sidebar|share|social|related|comments?|"
                         r"banner|advert|ads)(?:$|[-_ ])", re.IGNORECASE)
_BLOCK_TAGS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article", "blockquote",
               "table", "ul", "ol", "pre", "figcaption", "dd", "dt", "main"}


def html_text(markup: str) -> str:
    """The visible article text of an HTML page, one block per line."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(markup, "lxml")
    for tag in soup(_DROP_TAGS):
        tag.decompose()
    for tag in soup.find_all(True):
        if tag.attrs is None:
            continue
        hints = " ".join([str(tag.get("id") or ""), *map(str, tag.get("class") or [])])
        if hints.strip() and _DROP_HINTS.search(hints) and tag.name not in ("body", "html", "article", "main"):
            tag.decompose()
    root = soup.find("article") or soup.find("main") or soup.body or soup
    for tag in root.find_all(_BLOCK_TAGS):
        tag.insert_before("\n")
        tag.insert_after("\n")
    for cell in root.find_all(["td", "th"]):
        cell.insert_after("\t")
    lines = [re.sub(r"[ \t\r\f\v]+", " ", line).strip() for line in root.get_text("").split("\n")]
    return "\n".join(line for line in lines if line)


def docx_text(data: bytes, *, name: str) -> str:
    """Paragraphs and table rows of a DOCX body, in document order."""
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise DecodeError(f"{name}: not a readable DOCX file ({exc})") from exc
    lines = []
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(Paragraph(child, document).text)
        elif tag == "tbl":
            for row in Table(child, document).rows:
                cells: list[str] = []
                for cell in row.cells:
                    if not cells or cells[-1] != cell.text:
                        cells.append(cell.text)
                lines.append("\t".join(cells))
    return "\n".join(lines)


def pdf_text(data: bytes, *, name: str) -> str:
    """The text layer of a PDF, page by page (a scanned PDF has none: that is an error)."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, OSError) as exc:
        raise DecodeError(f"{name}: not a readable PDF ({exc})") from exc
    return "\n".join(p.strip("\n") for p in pages)


def read_bytes(data: bytes, *, name: str, meta: dict[str, Any] | None = None, id: str | None = None,
               max_bytes: int = MAX_BYTES) -> RawDocument:
    """A RawDocument from the bytes of a file called `name` (its suffix decides the format)."""
    if len(data) > max_bytes:
        raise InputTooLarge(f"{name}: {len(data):,} bytes; the limit is {max_bytes:,}")
    suffix = Path(name).suffix.casefold()
    if suffix in TEXT_SUFFIXES or not suffix:
        text = decode_bytes(data, name=name)
    elif suffix in HTML_SUFFIXES:
        text = html_text(decode_bytes(data, name=name))
    elif suffix == ".docx":
        text = docx_text(data, name=name)
    elif suffix == ".pdf":
        text = pdf_text(data, name=name)
    else:
        raise UnsupportedFormat(f"{name}: unsupported file type {suffix!r} "
                                f"(supported: {', '.join(sorted(SUPPORTED_SUFFIXES))})")
    if suffix in (".docx", ".pdf"):
        legacy = legacy_convert(text)
        text = legacy[0] if legacy else text
    if not text.strip():
        raise EmptyInput(f"{name}: no text found" + (" (a scanned PDF has no text layer)" if suffix == ".pdf" else ""))
    return RawDocument(text=text, meta={"source": name, **(meta or {})}, id=id or Path(name).name)


def read_path(path: str | Path, *, max_bytes: int = MAX_BYTES) -> RawDocument:
    path = Path(path)
    if not path.is_file():
        raise UnsupportedFormat(f"{path}: not a file")
    size = path.stat().st_size
    if size > max_bytes:
        raise InputTooLarge(f"{path}: {size:,} bytes; the limit is {max_bytes:,}")
    return read_bytes(path.read_bytes(), name=str(path), max_bytes=max_bytes)
