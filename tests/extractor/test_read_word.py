"""Legacy Word (.doc, made here with LibreOffice from a DOCX) and RTF (written by hand) give the same
text as the DOCX; without the tools, the error says how to install them."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from tests.helpers.documents import make_docx
from vnextract.extractor.errors import DecodeError, UnsupportedFormat
from vnextract.extractor.read import read_bytes
from vnextract.extractor.read import word as word_module

PARAGRAPHS = ["Ngày 20/3/2024, Chủ tịch UBND tỉnh Quảng Bình ký Quyết định số 712/QĐ-UBND tặng Bằng khen.",
              "Bà Trần Thị Hạnh, Phó Giám đốc Sở Nội vụ, cho biết tỷ lệ đạt 97,5%."]
TABLE = [["Đơn vị", "Tỷ lệ"], ["Sở Y tế", "99,1%"]]


def _make_doc(tmp_path_factory, paragraphs: list[str]) -> bytes:
    if not shutil.which("soffice"):
        pytest.skip("LibreOffice is not installed (it makes the .doc file)")
    work = tmp_path_factory.mktemp("doc")
    (work / "bao-cao.docx").write_bytes(make_docx(paragraphs, TABLE))
    subprocess.run(["soffice", f"-env:UserInstallation=file://{work}/profile", "--headless", "--convert-to",
                    "doc:MS Word 97", "--outdir", str(work), str(work / "bao-cao.docx")],
                   check=True, capture_output=True, timeout=180)
    return (work / "bao-cao.doc").read_bytes()


@pytest.fixture(scope="module")
def doc_file(tmp_path_factory) -> bytes:
    return _make_doc(tmp_path_factory, PARAGRAPHS)


@pytest.fixture(scope="module")
def long_doc_file(tmp_path_factory) -> bytes:
    return _make_doc(tmp_path_factory, PARAGRAPHS * 40)


def test_a_doc_file_reads_like_its_docx(doc_file):
    # antiword refuses a file this short, so this one is read by LibreOffice (which flattens this
    # table's cells into one line); the long one below is read by antiword.
    text = read_bytes(doc_file, name="bao-cao.doc").text
    assert text.split("\n")[:2] == PARAGRAPHS and "Sở Y tế" in text and "99,1%" in text


@pytest.mark.skipif(not shutil.which("antiword"), reason="antiword is not installed")
def test_a_long_doc_file_is_read_by_antiword(long_doc_file, monkeypatch):
    real_which = shutil.which
    monkeypatch.setattr(word_module.shutil, "which", lambda tool: None if tool == "soffice" else real_which(tool))
    expected = "\n".join([*(PARAGRAPHS * 40), *("\t".join(r) for r in TABLE)])
    assert read_bytes(long_doc_file, name="dai.doc").text == expected


def test_without_a_doc_reader_the_error_says_how_to_install_one(monkeypatch):
    monkeypatch.setattr(word_module.shutil, "which", lambda _: None)
    with pytest.raises(UnsupportedFormat, match="apt-get install antiword"):
        read_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512, name="cu.doc")


def test_a_file_that_is_not_a_doc_is_refused():
    with pytest.raises(DecodeError, match="OLE2"):
        read_bytes("Sở Nội vụ".encode(), name="cu.doc")


def _rtf(text: str) -> bytes:
    """RTF as Word writes Vietnamese: \\uN escapes with a '?' fallback."""
    body = "".join(c if ord(c) < 128 else f"\\u{ord(c) if ord(c) < 32768 else ord(c) - 65536}?" for c in text)
    return ("{\\rtf1\\ansi\\ansicpg1258\\deff0{\\fonttbl{\\f0 Times New Roman;}}\\uc1\\f0\\fs26 "
            + body.replace("\n", "\\par\n") + "\\par}").encode("ascii")


def test_an_rtf_file_gives_its_text():
    pytest.importorskip("striprtf")
    assert read_bytes(_rtf("\n".join(PARAGRAPHS)), name="bao-cao.rtf").text == "\n".join(PARAGRAPHS)


def test_a_file_that_is_not_rtf_is_refused():
    pytest.importorskip("striprtf")
    with pytest.raises(DecodeError, match="not an RTF"):
        read_bytes(b"%PDF-1.4", name="a.rtf")
