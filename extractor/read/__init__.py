"""read: bytes and files → RawDocument (decoding, legacy encodings, HTML, DOCX, PDF)."""

from extractor.read.decode import decode_bytes
from extractor.read.formats import SUPPORTED_SUFFIXES, read_bytes, read_path

__all__ = ["SUPPORTED_SUFFIXES", "decode_bytes", "read_bytes", "read_path"]
