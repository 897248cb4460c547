"""PDF readers, OCR and .doc readers side by side, on documents made here from the shipped corpus
(corpora/gold: articles written by the project): character accuracy against the source text, and the
entity F1 of the pipeline on the read text against the pipeline on the source text.

    python -m bench.read_formats [--ocr-docs 12] [--out bench/results/read_formats.json]

Needs: chromium and LibreOffice (soffice) to make the PDFs, tesseract-ocr(-vie) for OCR, antiword
and catdoc for .doc; the readers measured (pypdf, pdfminer.six, pypdfium2, PyMuPDF, rapidfuzz for
the edit distance) are installed by hand: they are measured here, not all shipped.
"""

from __future__ import annotations

import argparse
import html
import io
import json
import shutil
import subprocess
import tempfile
import time
import unicodedata
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from vnextract.extractor.read.documents import iter_documents

ROOT = Path(__file__).resolve().parent.parent
TABLE = [["Tỉnh", "Tỷ lệ hồ sơ đúng hạn", "Số tập thể được khen"],
         ["Ninh Bình", "98,2%", "14"], ["Nam Định", "96,5%", "11"], ["Hà Nam", "97,1%", "9"]]


def _flat(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def char_accuracy(reference: str, read: str) -> float:
    from rapidfuzz.distance import Levenshtein

    reference, read = _flat(reference), _flat(read)
    return max(0.0, 1 - Levenshtein.distance(reference, read) / max(1, len(reference)))


def _entities(extractor, text: str) -> Counter:
    return Counter((e.label, _flat(e.text)) for e in extractor.extract(text).entities)


def entity_f1(gold: Counter, found: Counter) -> float:
    tp = sum((gold & found).values())
    p, r = tp / max(1, sum(found.values())), tp / max(1, sum(gold.values()))
    return 2 * p * r / (p + r) if p + r else 0.0


def _paragraphs(text: str) -> list[str]:
    return [p for p in text.split("\n") if p.strip()]


def _reference(text: str) -> str:
    """The document's text as every producer lays it out: the paragraphs, then the table by rows."""
    return "\n".join(_paragraphs(text) + [" ".join(row) for row in TABLE])


def make_html(text: str, columns: bool) -> str:
    paragraphs = _paragraphs(text)
    body = f"<h1>{html.escape(paragraphs[0])}</h1>" + "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs[1:])
    rows = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in TABLE)
    style = ("body{font-family:'DejaVu Serif';font-size:12pt;text-align:justify} table{border-collapse:collapse} "
             "td{border:1px solid #000;padding:3px}")
    if columns:
        style += " .cols{column-count:2;column-gap:1.2cm}"
    return (f"<!doctype html><html><head><meta charset='utf-8'><style>{style}</style></head><body>"
            f"<div class='cols'>{body}</div><table>{rows}</table></body></html>")


def make_docx(text: str, columns: bool) -> bytes:
    import docx
    from docx.oxml.ns import qn
    from docx.oxml.parser import OxmlElement

    document = docx.Document()
    paragraphs = _paragraphs(text)
    document.add_heading(paragraphs[0], level=1)
    for p in paragraphs[1:]:
        document.add_paragraph(p).alignment = 3           # justified, as reports are
    if columns:
        cols = OxmlElement("w:cols")
        cols.set(qn("w:num"), "2")
        document.sections[0]._sectPr.append(cols)
    grid = document.add_table(rows=len(TABLE), cols=len(TABLE[0]))
    grid.style = "Table Grid"
    for r, row in enumerate(TABLE):
        for c, value in enumerate(row):
            grid.cell(r, c).text = value
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def chromium_pdf(markup: str, work: Path, name: str) -> bytes:
    source, target = work / f"{name}.html", work / f"{name}.pdf"
    source.write_text(markup, encoding="utf-8")
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--print-to-pdf={target}", source.as_uri()], check=True, capture_output=True, timeout=120)
    return target.read_bytes()


def soffice_convert(data: bytes, work: Path, name: str, suffix: str, to: str) -> bytes:
    source = work / f"{name}{suffix}"
    source.write_bytes(data)
    subprocess.run(["soffice", "--headless", "--convert-to", to, "--outdir", str(work), str(source)],
                   check=True, capture_output=True, timeout=180)
    return (work / f"{name}.{to.split(':')[0]}").read_bytes()


def read_pypdf(data: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


def read_pdfminer(data: bytes) -> str:
    from pdfminer.high_level import extract_text

    return extract_text(io.BytesIO(data))


def read_pdfium(data: bytes) -> str:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    return "\n".join(page.get_textpage().get_text_bounded() for page in pdf)


def read_pymupdf(data: bytes) -> str:
    import pymupdf

    with pymupdf.open(stream=data, filetype="pdf") as pdf:
        return "\n".join(page.get_text() for page in pdf)


def read_shipped(data: bytes) -> str:
    from vnextract.extractor.read import read_bytes

    return read_bytes(data, name="x.pdf").text


PDF_READERS: dict[str, Callable[[bytes], str]] = {
    "pypdf": read_pypdf, "pdfminer.six": read_pdfminer, "pypdfium2": read_pdfium, "PyMuPDF (AGPL)": read_pymupdf,
    "shipped (read_bytes)": read_shipped,
}


def _summary(rows: list[dict]) -> dict:
    keys = [k for k in rows[0] if k not in ("doc", "producer")]
    return {k: round(sum(r[k] for r in rows) / len(rows), 4) for k in keys}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--ocr-docs", type=int, default=12)
    parser.add_argument("--out", default=str(ROOT / "bench" / "results" / "read_formats.json"))
    args = parser.parse_args()
    from vnextract.extractor import Extractor

    extractor = Extractor(model="off")
    docs = [d for split in ("train", "dev", "test") for d in iter_documents(ROOT / "corpora" / "gold" / f"{split}.jsonl")]
    results: dict = {"documents": len(docs), "pdf": {}, "ocr": {}, "doc": {}}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        pdfs: list[tuple[str, str, str, bytes]] = []          # (doc id, producer, reference, pdf)
        for k, doc in enumerate(docs):
            columns = k % 2 == 1
            reference = _reference(doc["text"])
            pdfs.append((doc["id"], "chromium" + (" 2-col" if columns else ""), reference,
                         chromium_pdf(make_html(doc["text"], columns), work, f"c{k}")))
            pdfs.append((doc["id"], "libreoffice" + (" 2-col" if columns else ""), reference,
                         soffice_convert(make_docx(doc["text"], columns), work, f"l{k}", ".docx", "pdf")))
        gold = {doc_id: _entities(extractor, reference) for doc_id, _, reference, _ in pdfs}
        for reader, read in PDF_READERS.items():
            rows, started = [], time.perf_counter()
            for doc_id, producer, reference, pdf in pdfs:
                text = read(pdf)
                rows.append({"doc": doc_id, "producer": producer, "char_accuracy": char_accuracy(reference, text),
                             "entity_f1": entity_f1(gold[doc_id], _entities(extractor, text))})
            by_producer = {p: _summary([r for r in rows if r["producer"].split()[0] == p]) for p in ("chromium", "libreoffice")}
            two_col = _summary([r for r in rows if "2-col" in r["producer"]])
            results["pdf"][reader] = {"all": _summary(rows), **by_producer, "two_columns": two_col,
                                      "seconds": round(time.perf_counter() - started, 2)}
            print(reader, results["pdf"][reader], flush=True)

        if shutil.which("tesseract"):
            from vnextract.extractor.read.ocr import ocr_pdf_pages, render_pages

            rows = []
            started = time.perf_counter()
            for doc_id, producer, reference, pdf in pdfs[: 2 * args.ocr_docs]:
                pages = ocr_pdf_pages(render_pages(pdf, range(10_000)))
                text = "\n".join(p.text for p in pages)
                rows.append({"doc": doc_id, "producer": producer, "char_accuracy": char_accuracy(reference, text),
                             "entity_f1": entity_f1(gold[doc_id], _entities(extractor, text)),
                             "confidence": sum(p.confidence for p in pages) / len(pages)})
            results["ocr"] = {"pages_from": "the PDFs above rendered at 300 dpi", "documents": len(rows),
                              **_summary(rows), "seconds": round(time.perf_counter() - started, 1)}
            print("ocr", results["ocr"], flush=True)

        doc_rows: dict[str, list[dict]] = {}
        for k, doc in enumerate(docs):
            reference = "\n".join(_paragraphs(doc["text"]) + [" ".join(row) for row in TABLE])
            legacy = soffice_convert(make_docx(doc["text"], False), work, f"w{k}", ".docx", "doc:MS Word 97")
            rtf = soffice_convert(make_docx(doc["text"], False), work, f"r{k}", ".docx", "rtf")
            for tool, command, data, suffix in (
                    ("antiword", ["antiword", "-m", "UTF-8.txt", "-w", "0"], legacy, ".doc"),
                    ("catdoc", ["catdoc", "-d", "utf-8", "-w"], legacy, ".doc"),
                    ("soffice .doc", None, legacy, ".doc"), ("soffice .rtf", None, rtf, ".rtf"),
                    ("striprtf", "striprtf", rtf, ".rtf"), ("unrtf", ["unrtf", "--text", "--nopict"], rtf, ".rtf")):
                started = time.perf_counter()
                path = work / f"m{k}{suffix}"
                path.write_bytes(data)
                if command is None:
                    text = soffice_convert(data, work, f"t{k}", suffix, "txt:Text (encoded):UTF8").decode("utf-8-sig")
                elif command == "striprtf":
                    from striprtf.striprtf import rtf_to_text

                    text = rtf_to_text(data.decode("latin-1"))
                else:
                    run = subprocess.run([*command, str(path)], capture_output=True, timeout=60)
                    text = run.stdout.decode("utf-8", "replace")
                    if tool == "unrtf":
                        text = text.split("-----------------", 1)[-1]
                doc_rows.setdefault(tool, []).append({
                    "char_accuracy": char_accuracy(reference, text),
                    "entity_f1": entity_f1(_entities(extractor, reference), _entities(extractor, text)),
                    "seconds": time.perf_counter() - started})
        results["doc"] = {tool: _summary(rows) for tool, rows in doc_rows.items()}
        print("doc", results["doc"], flush=True)
    Path(args.out).write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
