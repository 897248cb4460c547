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
    parser.add_argument("--doc-docs", type=int, default=8)
    parser.add_argument("--parts", default="pdf,ocr,doc,html")
    parser.add_argument("--out", default=str(ROOT / "bench" / "results" / "read_formats.json"))
    args = parser.parse_args()
    from vnextract.extractor import Extractor

    extractor = Extractor(model="off")
    docs = [d for split in ("train", "dev", "test") for d in iter_documents(ROOT / "corpora" / "gold" / f"{split}.jsonl")]
    previous = json.loads(Path(args.out).read_text(encoding="utf-8")) if Path(args.out).exists() else {}
    results: dict = {**previous, "documents": len(docs)}       # the parts not run this time are kept
    for part in ("pdf", "ocr", "doc", "html"):
        if part in args.parts:
            results[part] = {}
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
        for reader, read in PDF_READERS.items() if "pdf" in args.parts else ():
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

        if "ocr" in args.parts and shutil.which("tesseract"):
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
        for k, doc in enumerate(docs[: args.doc_docs] if "doc" in args.parts else []):
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
        if doc_rows:
            results["doc"] = {tool: _summary(rows) for tool, rows in doc_rows.items()}
            print("doc", results["doc"], flush=True)
    if "html" in args.parts:
        results["html"] = measure_html(docs, extractor)
        print("html", json.dumps(results["html"], ensure_ascii=False), flush=True)
    Path(args.out).write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")



# Portal page shapes: a menu bar, breadcrumbs, the article (title, date line, paragraphs, a photo
# caption), related links, a sidebar of latest news, a share bar and a footer; three templates
# whose class names are modelled on provincial portals (Bootstrap grids, Liferay-like portlets).
_MENU = ["Trang chủ", "Giới thiệu", "Tin tức - Sự kiện", "Chỉ đạo điều hành", "Văn bản pháp luật", "Thủ tục hành chính",
         "Thi đua - Khen thưởng", "Liên hệ"]
_RELATED = ["Hội nghị giao ban công tác thi đua quý III năm 2024", "Triển khai Luật Thi đua, khen thưởng năm 2022",
            "Tuyên dương 50 điển hình tiên tiến cấp tỉnh", "Kế hoạch tổ chức Đại hội thi đua yêu nước lần thứ VI"]
_SIDEBAR = ["Lịch công tác tuần của Lãnh đạo UBND tỉnh", "Thông báo tuyển dụng công chức năm 2024",
            "Kết quả giải quyết thủ tục hành chính tháng 11", "Cổng dịch vụ công trực tuyến"]
_FOOTER = ("Cơ quan chủ quản: Ủy ban nhân dân tỉnh. Địa chỉ: số 2 đường Trần Hưng Đạo, thành phố. Điện thoại: 0229 3871 234. "
           "Giấy phép số 12/GP-TTĐT do Sở Thông tin và Truyền thông cấp. Ghi rõ nguồn khi phát hành lại thông tin từ cổng này.")


def portal_page(text: str, template: int) -> str:
    e = html.escape
    paragraphs = _paragraphs(text)
    title, body = paragraphs[0], paragraphs[1:]
    menu = "".join(f"<li><a href='/m{k}'>{e(m)}</a></li>" for k, m in enumerate(_MENU))
    related = "".join(f"<li><a href='/r{k}'>{e(r)}</a></li>" for k, r in enumerate(_RELATED))
    side = "".join(f"<div class='item'><a href='/s{k}'>{e(s)}</a><span class='time'>18/12/2024</span></div>"
                   for k, s in enumerate(_SIDEBAR))
    paras = "".join(f"<p>{e(p)}</p>" for p in body)
    share = "<div class='share-tools'><a>Chia sẻ</a> <a>In bài</a> <a>Gửi email</a></div>"
    if template == 0:
        return (f"<html><head><title>{e(title)}</title></head><body><header><div class='logo'>CỔNG THÔNG TIN ĐIỆN TỬ</div>"
                f"<nav><ul>{menu}</ul></nav></header><div class='breadcrumb'>Trang chủ / Tin tức</div>"
                f"<main><article><h1>{e(title)}</h1><div class='date'>Cập nhật: 18/12/2024 09:15</div>{paras}"
                f"<figure><img src='a.jpg'><figcaption>Quang cảnh hội nghị</figcaption></figure></article>{share}"
                f"<section class='related'><h3>Tin liên quan</h3><ul>{related}</ul></section></main>"
                f"<aside><h3>Tin mới</h3>{side}</aside><footer>{e(_FOOTER)}</footer></body></html>")
    if template == 1:
        return (f"<html><body><div id='top-menu' class='navbar'><ul>{menu}</ul></div><div class='container'><div class='row'>"
                f"<div class='col-md-8'><div class='news-detail'><h2 class='title'>{e(title)}</h2>"
                f"<p class='meta'>Ngày đăng: 18/12/2024 | Lượt xem: 1.245</p><div class='content'>{paras}</div>{share}"
                f"<div class='box-related-news'><h4>Các tin khác</h4><ul>{related}</ul></div></div></div>"
                f"<div class='col-md-4 sidebar'><div class='portlet'><h4>Tin mới nhất</h4>{side}</div></div></div></div>"
                f"<div id='footer'>{e(_FOOTER)}</div></body></html>")
    return (f"<html><body><table width='100%'><tr><td class='banner'>CỔNG THÔNG TIN ĐIỆN TỬ TỈNH</td></tr>"
            f"<tr><td><div class='portlet-menu'><ul>{menu}</ul></div></td></tr></table>"
            f"<div class='portlet-body'><div class='journal-content-article'><div class='tieu-de'>{e(title)}</div>"
            f"<div class='ngay'>18/12/2024</div>{paras}</div>"
            f"<div class='tin-khac'><b>Tin khác:</b><ul>{related}</ul></div></div>"
            f"<div class='cot-phai'><b>Thông báo</b>{side}</div><div class='chan-trang'>{e(_FOOTER)}</div></body></html>")


def html_extractors() -> dict[str, Callable[[str], str]]:
    from vnextract.extractor.read.html import _rules, html_text

    def trafilatura_text(page: str) -> str:
        import trafilatura

        return trafilatura.extract(page, include_comments=False, include_tables=True, favor_precision=False) or ""

    return {"hand-written rules (before)": _rules, "trafilatura alone": trafilatura_text,
            "shipped (trafilatura + headline, rules as fallback)": html_text}


def measure_html(docs: list[dict], extractor) -> dict:
    """How much of the article each extractor finds (recall of its characters) and how much else
    comes with it (boilerplate characters kept), per template."""
    from rapidfuzz.distance import Indel

    out: dict = {}
    for tool, extract in html_extractors().items():
        rows = []
        for k, doc in enumerate(docs):
            template = k % 3
            article = "\n".join(_paragraphs(doc["text"]))
            read = extract(portal_page(doc["text"], template))
            a, r = _flat(article), _flat(read)
            matched = (len(a) + len(r) - Indel.distance(a, r)) / 2     # characters in common, in order
            rows.append({"template": template, "recall": matched / max(1, len(a)), "precision": matched / max(1, len(r)),
                         "char_accuracy": char_accuracy(article, read),
                         "entity_f1": entity_f1(_entities(extractor, article), _entities(extractor, read))})
        out[tool] = {"all": {k: round(sum(r[k] for r in rows) / len(rows), 4) for k in rows[0] if k != "template"},
                     **{f"template {t}": {k: round(sum(r[k] for r in rows if r["template"] == t) /
                                                   max(1, sum(r["template"] == t for r in rows)), 4)
                                          for k in rows[0] if k != "template"} for t in range(3)}}
    return out


if __name__ == "__main__":
    main()
