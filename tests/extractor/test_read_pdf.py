"""PDFs as browsers and office suites print them (Chromium's print-to-PDF of an article we write,
in two columns with a table): the text comes back paragraph by paragraph, with the same entities
as the text. Skipped without Chromium."""

from __future__ import annotations

import html
import shutil
import subprocess

import pytest

from vnextract.extractor.read import read_bytes
from vnextract.extractor.read.pdf import _Line, paragraphs

PARAGRAPHS = [
    "Cụm thi đua các tỉnh Bắc Trung Bộ tổng kết năm 2024",
    "Ngày 18/12/2024, tại thành phố Vinh, Cụm thi đua các tỉnh Bắc Trung Bộ tổ chức hội nghị tổng kết công tác "
    "thi đua, khen thưởng. Ông Nguyễn Văn Đệ, Phó Chủ tịch UBND tỉnh Nghệ An, Cụm trưởng, chủ trì hội nghị.",
    "Năm 2024, tăng trưởng kinh tế bình quân của các tỉnh trong Cụm đạt 7,8%; tỷ lệ hộ nghèo giảm còn 2,35%. "
    "Hội nghị thống nhất đề nghị Thủ tướng Chính phủ tặng Cờ thi đua cho UBND tỉnh Hà Tĩnh.",
    "Theo Quyết định số 1520/QĐ-UBND, tỉnh Quảng Bình giữ vai trò Cụm trưởng năm 2025; tỉnh Thanh Hóa là Cụm phó.",
]
TABLE = [["Tỉnh", "Tỷ lệ"], ["Nghệ An", "97,2%"], ["Hà Tĩnh", "98,1%"]]


@pytest.fixture(scope="module")
def chromium_pdf(tmp_path_factory) -> bytes:
    if not shutil.which("chromium"):
        pytest.skip("chromium is not installed")
    work = tmp_path_factory.mktemp("pdf")
    body = f"<h2>{html.escape(PARAGRAPHS[0])}</h2>" + "".join(f"<p>{html.escape(p)}</p>" for p in PARAGRAPHS[1:])
    rows = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in TABLE)
    page = (f"<html><head><meta charset='utf-8'><style>body{{font-family:'DejaVu Serif';text-align:justify}}"
            f".cols{{column-count:2;column-gap:1cm}}td{{border:1px solid;padding:2px 12px}}</style></head><body>"
            f"<div class='cols'>{body}</div><table>{rows}</table></body></html>")
    (work / "bai.html").write_text(page, encoding="utf-8")
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--print-to-pdf={work / 'bai.pdf'}", (work / "bai.html").as_uri()],
                   check=True, capture_output=True, timeout=120)
    return (work / "bai.pdf").read_bytes()


def test_a_two_column_pdf_comes_back_paragraph_by_paragraph(chromium_pdf):
    lines = read_bytes(chromium_pdf, name="bai.pdf").text.split("\n")
    assert lines[: len(PARAGRAPHS)] == PARAGRAPHS
    assert " ".join(lines[len(PARAGRAPHS):]).split() == " ".join(" ".join(r) for r in TABLE).split()


def test_the_pdf_gives_the_entities_of_the_text(chromium_pdf, extractor):
    def entities(raw_text: str) -> list[tuple[str, str]]:
        return [(e.label, e.text) for e in extractor.extract(raw_text).entities]

    text = read_bytes(chromium_pdf, name="bai.pdf").text
    assert entities("\n".join(text.split("\n")[: len(PARAGRAPHS)])) == entities("\n".join(PARAGRAPHS))


def test_lines_join_into_paragraphs_by_their_geometry():
    def line(text, left, bottom, right):
        return _Line(text, left, bottom, right, bottom + 10)

    lines = [line("Sở Nội vụ tỉnh Hà Tĩnh ban hành Quyết định số", 50, 700, 300),
             line("1520/QĐ-", 50, 686, 300), line("UBND về khen thưởng", 50, 672, 150),       # ends short: paragraph ends
             line("Năm 2024 tỉnh đạt 98,1% kế hoạch giao", 68, 658, 300),                  # indented: a new one
             line("cho các đơn vị trực thuộc.", 50, 644, 300),
             line("Cột hai bắt đầu ở đây", 320, 700, 560)]                                  # moves up: a new column
    assert paragraphs(lines) == ["Sở Nội vụ tỉnh Hà Tĩnh ban hành Quyết định số 1520/QĐ-UBND về khen thưởng",
                                 "Năm 2024 tỉnh đạt 98,1% kế hoạch giao cho các đơn vị trực thuộc.",
                                 "Cột hai bắt đầu ở đây"]
