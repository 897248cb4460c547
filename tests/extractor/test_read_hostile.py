"""Hostile and broken files get a clear error (or their text), fast and within bounded memory: the
reader checks a container before any parser sees it and bounds its own time."""

from __future__ import annotations

import time

import pytest

from tests.helpers import hostile as H
from tests.helpers.documents import make_docx
from vnextract.extractor.errors import DeadlineExceeded, DecodeError, EmptyInput, InputTooLarge
from vnextract.extractor.read import read_bytes
from vnextract.extractor.read.html import flatten_deep
from vnextract.extractor.read.limits import ReadLimits
from vnextract.extractor.types import Deadline

GENEROUS = 15.0           # seconds: a bound that only a hang can pass


def _timed(data: bytes, name: str, **kwargs):
    started = time.monotonic()
    try:
        return read_bytes(data, name=name, **kwargs), time.monotonic() - started
    finally:
        assert time.monotonic() - started < GENEROUS


@pytest.mark.parametrize("make, name, error, message", [
    (H.malformed_docx, "hong.docx", DecodeError, "not a readable DOCX"),
    (H.external_entity_docx, "xxe.docx", DecodeError, "declares a DTD"),
    (H.zeros_docx, "bom.docx", InputTooLarge, "once decompressed"),
    (H.flate_bomb_pdf, "bom.pdf", InputTooLarge, "decompression bomb"),
    (H.deep_page_tree_pdf, "sau.pdf", (DecodeError, EmptyInput), "a.pdf|sau.pdf"),
    (H.nul_separated_words, "nul.txt", DecodeError, "binary data"),
    (lambda: b"\x00".join([b"Ninh", b"Binhh", b"dat", b"98%x"] * 30_000), "nul-chan.txt", DecodeError, "binary data"),
])
def test_hostile_files_are_refused_with_a_clear_error(make, name, error, message):
    with pytest.raises(error, match=message):
        _timed(make(), name)


def test_an_external_entity_is_never_resolved(tmp_path):
    secret = tmp_path / "bi-mat.txt"
    secret.write_text("mật khẩu của máy chủ", encoding="utf-8")
    with pytest.raises(DecodeError) as caught:
        read_bytes(H.external_entity_docx(secret.as_uri()), name="xxe.docx")
    assert "mật khẩu" not in str(caught.value)


def test_a_zip_member_that_lies_about_its_size_is_refused():
    import io
    import zipfile

    small = ReadLimits(max_member_bytes=1024 * 1024)
    data = bytearray(H.zeros_docx(8 * 1024 * 1024))
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as z:
        info = z.getinfo("word/document.xml")
    # Rewrite the sizes the headers declare (zip64 extra fields hold them) to 100 bytes.
    real = info.file_size.to_bytes(8, "little")
    assert data.count(real) >= 1
    data = bytearray(bytes(data).replace(real, (100).to_bytes(8, "little")))
    with pytest.raises((InputTooLarge, DecodeError)):
        read_bytes(bytes(data), name="noi-doi.docx", limits=small)


def test_deep_html_nesting_keeps_its_text_and_reads_in_linear_time():
    raw, _ = _timed(H.nested_html(), "sau.html")
    assert raw.text == H.SENTENCE.strip()
    assert flatten_deep("<div><div><p>Hà Nam</p></div></div>", 1) == "<div><p>Hà Nam</p></div>"


@pytest.mark.parametrize("make", [H.one_line_text, H.no_space_line])
def test_five_megabytes_on_one_line_are_read_as_given(make):
    data = make()
    raw, _ = _timed(data, "dai.txt")
    assert raw.text == data.decode("utf-8")


def test_reading_stops_at_the_deadline():
    pages = [make_docx([H.SENTENCE * 3] * 2)]
    with pytest.raises(DeadlineExceeded):
        read_bytes(pages[0], name="a.docx", deadline=Deadline(time.monotonic() - 1))
    with pytest.raises(DeadlineExceeded):
        read_bytes(pages[0], name="a.docx", deadline=time.monotonic() - 1)


def test_too_many_pdf_pages_are_refused():
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [%s] /Count 30 >>"
               % b" ".join(b"%d 0 R" % (k + 3) for k in range(30))]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"] * 30
    with pytest.raises(InputTooLarge, match="30 pages"):
        read_bytes(H.raw_pdf(objects), name="nhieu-trang.pdf", limits=ReadLimits(max_pages=20))
