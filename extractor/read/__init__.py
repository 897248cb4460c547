"""read: bytes and files → RawDocument (decoding, legacy encodings, HTML, DOCX, PDF)."""

from vnextract.extractor.read.decode import decode_bytes
from vnextract.extractor.read.formats import SUPPORTED_SUFFIXES, read_bytes, read_path

__all__ = ["SUPPORTED_SUFFIXES", "decode_bytes", "read_bytes", "read_path"]
