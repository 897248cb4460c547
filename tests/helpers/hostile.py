"""Hostile and broken files, made here (no binary fixtures): each is small on disk and meant to
break or stall a reader that trusts it."""

from __future__ import annotations

import io
import zipfile
import zlib
from functools import cache

from tests.helpers.documents import make_docx, raw_pdf

MB = 1024 * 1024
SENTENCE = "Sáng 18/12, UBND tỉnh Ninh Bình tổ chức hội nghị tổng kết; tỷ lệ hộ nghèo giảm còn 1,75%. "


def _replace_member(docx: bytes, member: str, content: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, content if info.filename == member else source.read(info))
    return out.getvalue()


def malformed_docx() -> bytes:
    """A valid zip whose document.xml is cut in the middle of a tag."""
    good = make_docx([SENTENCE])
    with zipfile.ZipFile(io.BytesIO(good)) as z:
        xml = z.read("word/document.xml")
    return _replace_member(good, "word/document.xml", xml[: len(xml) // 2])


def external_entity_docx(target: str = "file:///etc/passwd") -> bytes:
    """document.xml declares an external entity and uses it in the text."""
    good = make_docx(["PLACEHOLDER"])
    with zipfile.ZipFile(io.BytesIO(good)) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    head, body = xml.split("?>", 1)
    xml = f'{head}?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "{target}">]>{body}'.replace("PLACEHOLDER", "&xxe;")
    return _replace_member(good, "word/document.xml", xml.encode("utf-8"))


@cache
def zeros_docx(size: int = 1024 * MB) -> bytes:
    """A DOCX whose document.xml member inflates to `size` bytes of zeros (about 1 MB compressed)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        z.writestr("[Content_Types].xml", b'<?xml version="1.0"?><Types/>')
        with z.open("word/document.xml", "w", force_zip64=True) as member:
            block = b"\0" * MB
            for _ in range(size // MB):
                member.write(block)
    return out.getvalue()


def deep_page_tree_pdf(depth: int = 20_000) -> bytes:
    """Pages nodes nested `depth` deep above a single page."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    for level in range(depth):
        number = level + 2
        parent = b" /Parent %d 0 R" % (number - 1) if level else b""
        objects.append(b"<< /Type /Pages /Kids [%d 0 R] /Count 1%s >>" % (number + 1, parent))
    objects.append(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] >>" % (depth + 1))
    return raw_pdf(objects)


def flate_bomb(size: int = 1024 * MB, byte: bytes = b" ") -> bytes:
    """zlib data that inflates to `size` copies of `byte`, built in a fraction of the time: after a
    full flush the compressor starts afresh, so every 1 MB block compresses to the same bytes."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    piece = compressor.compress(byte * MB) + compressor.flush(zlib.Z_FULL_FLUSH)
    tail = compressor.flush()
    checksum = 1
    block = byte * MB
    for _ in range(size // MB):
        checksum = zlib.adler32(block, checksum)
    return b"\x78\xda" + piece * (size // MB) + tail + checksum.to_bytes(4, "big")


@cache
def flate_bomb_pdf(size: int = 1024 * MB) -> bytes:
    """A one-page PDF whose content stream inflates to `size` bytes of spaces (about 1 MB compressed)."""
    stream = flate_bomb(size)
    return raw_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ])


def nested_html(depth: int = 100_000) -> bytes:
    return (b"<html><body>" + b"<div>" * depth + f"<p>{SENTENCE}</p>".encode() + b"</div>" * depth
            + b"</body></html>")


def one_line_text(size: int = 5 * MB) -> bytes:
    """`size` bytes of Vietnamese prose with no line break."""
    unit = SENTENCE.encode("utf-8")
    return unit * (size // len(unit))


def nul_separated_words(size: int = 5 * MB) -> bytes:
    words = [w.encode("utf-8") for w in SENTENCE.split()]
    out = bytearray()
    k = 0
    while len(out) < size:
        out += words[k % len(words)] + b"\0"
        k += 1
    return bytes(out)


def no_space_line(size: int = 5 * MB) -> bytes:
    return ("Ninh" + "á" * (size // 2)).encode("utf-8")[:size]
