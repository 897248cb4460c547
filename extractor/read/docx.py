"""DOCX → paragraphs and table rows in document order (python-docx), read only after the container
has been checked: every part within the decompressed-size caps and no part declaring a DTD (so no
external entity, no entity expansion), and a broken part is a DecodeError naming the file."""

from __future__ import annotations

import io
import zipfile

from vnextract.extractor.errors import DecodeError
from vnextract.extractor.read.limits import Budget, ReadLimits, refuse_dtd, unzip_capped


def docx_text(data: bytes, *, name: str, limits: ReadLimits, budget: Budget) -> str:
    import docx
    from docx.opc.exceptions import OpcError
    from docx.table import Table
    from docx.text.paragraph import Paragraph
    from lxml.etree import LxmlError

    parts = unzip_capped(data, limits, name=name, kind="DOCX")
    for part, content in parts.items():
        if part.endswith((".xml", ".rels")):
            refuse_dtd(content, name=name, part=part)
    budget.check("reading the DOCX")
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, LxmlError, OpcError, AttributeError, TypeError) as exc:
        raise DecodeError(f"{name}: not a readable DOCX file ({type(exc).__name__}: {exc})") from exc
    lines = []
    try:
        for number, child in enumerate(document.element.body.iterchildren()):
            if number % 500 == 0:
                budget.check("reading the DOCX")
            tag = child.tag.rsplit("}", 1)[-1] if isinstance(child.tag, str) else ""
            if tag == "p":
                lines.append(Paragraph(child, document).text)
            elif tag == "tbl":
                for row in Table(child, document).rows:
                    cells: list[str] = []
                    for cell in row.cells:
                        if not cells or cells[-1] != cell.text:
                            cells.append(cell.text)
                    lines.append("\t".join(cells))
    except (LxmlError, ValueError, KeyError, AttributeError, TypeError, IndexError) as exc:
        raise DecodeError(f"{name}: the DOCX body is malformed ({type(exc).__name__}: {exc})") from exc
    return "\n".join(lines)
